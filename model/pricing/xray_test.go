package pricing

import (
	"math"
	"testing"

	"planner/model/internal/check"
)

// X-Ray's default rule traces nearly every request of a quiet function, the
// first request of each second and 5% of the rest of a busy one; a
// reservoir of 0 leaves the fixed rate; off records nothing.
func TestSamplingRuleTraces(t *testing.T) {
	rule := DefaultSamplingRule()
	check.Near(t, "no traffic", rule.TracesPerSecond(0), 0)
	if got := rule.TracesPerSecond(0.001); math.Abs(got-0.001)/0.001 > 0.001 {
		t.Errorf("a quiet function: %v traces/s, want ≈ every request (0.001)", got)
	}
	check.Near(t, "one a second", rule.TracesPerSecond(1), (1-math.Exp(-1))+0.05*math.Exp(-1))
	check.Near(t, "busy", rule.TracesPerSecond(100), 1+0.05*99)
	check.Near(t, "no reservoir", SamplingRule{Enabled: true, FixedRate: 0.1}.TracesPerSecond(20), 2)
	check.Near(t, "off", SamplingRule{ReservoirPerSecond: 1, FixedRate: 0.05}.TracesPerSecond(20), 0)
	// E[min(N, 3)] for N ~ Poisson(2): Σ_{j<3} P(N > j).
	p := func(j int) float64 { return math.Exp(-2) * math.Pow(2, float64(j)) / math.Gamma(float64(j)+1) }
	r := (1 - p(0)) + (1 - p(0) - p(1)) + (1 - p(0) - p(1) - p(2))
	check.Near(t, "reservoir of 3", SamplingRule{Enabled: true, ReservoirPerSecond: 3}.TracesPerSecond(2), r)
	hours := make([]float64, 24)
	hours[9] = 360_000 // 100 a second for one hour
	check.Near(t, "a month of one busy hour a day", rule.MonthlyTraces(hours, 30), 30*3600*(1+0.05*99))
}

// On AWS the traces beyond the free tier are billed; the spec's reference
// traces every invocation once there are more than 1M, with no free tier.
func TestGlobalServicesXRay(t *testing.T) {
	aws, _ := LookupProfile("aws-us-east-1")
	g := CalculateGlobalServices(aws, 5e6, 0, 80_000)
	check.Near(t, "within the free tier", g.XRay, 0)
	check.Near(t, "traces", g.XRayTraces, 80_000)
	g = CalculateGlobalServices(aws, 5e6, 0, 300_000)
	check.Near(t, "beyond the free tier", g.XRay, 200_000*5e-6)
	check.Near(t, "free traces", g.XRayFreeTraces, 100_000)
	ref, _ := LookupProfile("reference")
	g = CalculateGlobalServices(ref, 5e6, 0, 300_000)
	check.Near(t, "the spec's", g.XRay, 5e6*0.000005)
	check.Near(t, "the spec's traces", g.XRayTraces, 5e6)
}
