package spec

import (
	"testing"

	"planner/model/internal/check"
)

// The spec's checkout example: Java 1000 ms at 1024 MB (factor 2) = 500 ms,
// package (80 − 10) × 20 = 1400 ms, VPC 1000 ms: 2900 ms. Peak 700/h × 0.8 s
// is under one instance, so 1; natural rate 0.05 + 4 × 0.02 + 0.001 = 0.131.
func TestColdStartCheckoutExample(t *testing.T) {
	day := CheckoutDayRequests()
	o := CalculateColdStartOptimization(
		ColdStartFunction{Runtime: "java11", DeploymentSizeMb: 80, MemoryMb: 1024, VpcEnabled: true, AvgExecutionTimeMs: 800},
		TrafficPattern{RequestsPerHour: day[:], IdlePeriodsHours: 4},
		ReferenceColdStartPrices())
	check.Near(t, "cold start", o.ColdStartAnalysis.BaseColdStartMs, 2900)
	check.Near(t, "factor", o.ColdStartAnalysis.MemoryOptimizationFactor, 2)
	s := o.OptimizationScenarios
	check.Near(t, "natural rate", s.Natural.ColdStartRate, 0.131)
	check.Near(t, "provisioned rate", s.Provisioned.ColdStartRate, 0.0131)
	check.Near(t, "warm-up rate", s.Warmup.ColdStartRate, 0.0393)
	daily := 0.0
	for _, r := range day {
		daily += r
	}
	check.Near(t, "monthly cold starts", s.Natural.MonthlyColdStarts, daily*30*0.131)
	check.Near(t, "avg impact", s.Natural.AvgLatencyImpactMs, 0.131*2900)
	if *s.Provisioned.ProvisionedInstances != 0 {
		t.Errorf("⌊0.8 × 1⌋ = 0 instances, got %d", *s.Provisioned.ProvisionedInstances)
	}
	check.Near(t, "warm-ups", *s.Warmup.WarmupInvocationsMonthly, 4*30*2)
	check.Near(t, "warm-up cost", s.Warmup.OptimizationCostMonthly, 240*(1*0.8*0.0000166667+0.0000002))
	// Both strategies save > 50 ms for < $500.
	if len(o.Recommendations) != 2 || o.Recommendations[0].Strategy != "provisioned" || o.Recommendations[1].Strategy != "warmup" {
		t.Errorf("recommendations %+v", o.Recommendations)
	}
}

func TestColdStartKeepsNaturalWhenCheap(t *testing.T) {
	o := CalculateColdStartOptimization(ColdStartFunction{Runtime: "go1.x", MemoryMb: 1024, AvgExecutionTimeMs: 50},
		DefaultTrafficPattern(), ReferenceColdStartPrices())
	if len(o.Recommendations) != 1 || o.Recommendations[0].Strategy != "natural" {
		t.Errorf("a 75 ms cold start is not worth mitigating: %+v", o.Recommendations)
	}
	if got := RuntimeColdStartMs("cobol"); got != 300 {
		t.Errorf("unknown runtime base %v, want 300", got)
	}
}
