package model

import (
	"math"
	"strings"
	"testing"

	"planner/model/targets"
)

// One concept, one figure: a function's cold-start rate, invocations, cost
// and p99 latency are the same wherever the report, Clouds' AWS Lambda and
// goal seek state them, on scenarios that use each cold-start method.
func TestOneVoice(t *testing.T) {
	withProvisioned := rareAPI()
	withProvisioned.Functions[0].ProvisionedConcurrency = 1
	given := DefaultScenario()
	given.Functions[2].ColdStartMethod = ColdStartReference
	simulated := rareAPI()
	simulated.Functions[0].ColdStartMethod = ColdStartSimulated
	for name, s := range map[string]Scenario{"default": DefaultScenario(), "rare API": rareAPI(), "provisioned": withProvisioned, "rate given": given,
		"simulated": simulated} {
		r := mustEvaluate(t, &s)
		clouds := Clouds(&s, CloudsAssumptions(&s))
		lambda := clouds.Platforms[0]
		if lambda.Platform != "aws-lambda" {
			t.Fatalf("%s: the first platform is %s", name, lambda.Platform)
		}
		_, tuning, _ := Tune(&s, Sources{})
		invocations := 0.0
		for i := range r.Functions {
			fr, f := &r.Functions[i], &s.Functions[i]
			rate := fr.ColdStartRate.Rate
			same(t, name, fr.Name, "cold-start rate", rate,
				fr.ExecutionCapacity.ColdStartImpact.ColdStartRate, lambda.Functions[i].ColdStartRate, scoreOf(fr, targets.ColdStartRate, rate))
			same(t, name, fr.Name, "INIT GB-s", fr.CostBreakdown.InitGBSeconds,
				fr.Traffic.MonthlyInvocations*rate*f.ColdStartDurationMs/1000*float64(f.AllocatedMemoryMb)/1024)
			same(t, name, fr.Name, "monthly invocations", fr.Traffic.MonthlyInvocations,
				fr.PerformanceCharacteristics.MonthlyInvocations, lambda.Functions[i].Invocations, clouds.Platforms[3].Functions[i].Invocations)
			same(t, name, fr.Name, "Lambda cost", fr.CostBreakdown.TotalFunctionCost-fr.CostBreakdown.ComplianceCost-fr.CostBreakdown.MonitoringCost,
				lambda.Functions[i].MonthlyUSD)
			same(t, name, fr.Name, "function cost", fr.TotalMonthlyCost, fr.CostBreakdown.TotalFunctionCost+fr.SupportingServices.TotalCost,
				tuning.Functions[i].CostBefore)
			d := targets.Duration{MeanMs: f.AvgExecutionTimeMs, P95Ms: f.P95ExecutionTimeMs, P99Ms: f.P99ExecutionTimeMs, ColdStartMs: f.ColdStartDurationMs, ColdRate: rate}
			same(t, name, fr.Name, "p99 latency", d.Percentile(0.99), lambda.Functions[i].P99Ms, scoreOf(fr, targets.P99Latency, d.Percentile(0.99)))
			invocations += fr.Traffic.MonthlyInvocations
		}
		same(t, name, "", "invocations", r.TotalSummary.TotalMonthlyInvocations, invocations)
		same(t, name, "", "Lambda bill", r.TotalSummary.LambdaCost, lambda.MonthlyUSD)
		same(t, name, "", "bill", r.TotalSummary.TotalMonthlyCost, tuning.TotalBefore)
	}
}

// scoreOf is the scorecard's value of a KPI, or def where the function has
// no such target.
func scoreOf(fr *FunctionReport, k targets.KPI, def float64) float64 {
	for _, s := range fr.Scorecard.Scores {
		if s.KPI == k {
			return s.Value
		}
	}
	return def
}

// same fails unless every value equals the first (to 1e-9 relative: sums
// taken in another order).
func same(t *testing.T, scenario, function, concept string, first float64, others ...float64) {
	t.Helper()
	for _, v := range others {
		if math.Abs(v-first) > 1e-9*math.Max(1, math.Abs(first)) {
			t.Errorf("%s %s: %s is %v here and %v there", scenario, function, concept, first, v)
		}
	}
}

// The memory table's cheapest size is the cheapest that meets the targets:
// at 128 MB a 350 ms API at 1,024 MB takes an estimated 2,800 ms, which
// the spec's pick calls cheapest against a 500 ms target.
func TestMemoryChoiceMeetsTheTargets(t *testing.T) {
	s := NewScenario()
	f := DefaultFunction()
	f.Name, f.Type = "api", "api"
	f.InvocationsPerSecond = ptr(200.0)
	f.AvgExecutionTimeMs, f.P95ExecutionTimeMs, f.P99ExecutionTimeMs = 350, 600, 900
	f.AllocatedMemoryMb, f.ActualMemoryUsageMb = 1024, 100
	f.TargetP99LatencyMs = ptr(1000.0)
	s.Functions = []Function{f}
	r := mustEvaluate(t, &s)
	fr := &r.Functions[0]
	if fr.Memory.OptimizationOpportunities.CostOptimal.MemoryMb != 128 {
		t.Fatalf("the spec's cheapest is %g MB: the case no longer shows the finding", fr.Memory.OptimizationOpportunities.CostOptimal.MemoryMb)
	}
	c := fr.MemoryChoice
	if c.CheapestFitMb < 1024 || c.Fits[0].MemoryMb != 128 || c.Fits[0].MeetsTargets || !strings.Contains(strings.Join(c.Fits[0].Missed, ","), "latency") {
		t.Errorf("%+v", c)
	}
}
