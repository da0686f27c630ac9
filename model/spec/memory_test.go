package spec

import (
	"testing"

	"planner/model/internal/check"
)

// The spec's data-processing example: 5M invocations, 512 MB at 2 s costs
// (0.5 × 2 × 0.0000166667 + 0.0000002) × 5M.
func TestMemoryDataProcessingExample(t *testing.T) {
	times := []float64{8000, 4000, 2000, 1000, 750, 500}
	var durations []MemoryDuration
	for i, mb := range MemoryOptionsMb() {
		durations = append(durations, MemoryDuration{MemoryMb: mb, ExecutionTimeMs: times[i], Measured: true})
	}
	o := OptimizeMemory(MemoryPerformance{CurrentMemoryMb: 512, CurrentExecutionTimeMs: 2000, InvocationsPerMonth: 5e6,
		ActualMemoryUsageMb: 400, Durations: durations},
		CostTargets{MaxCostIncreasePercent: 15, MinPerformanceImprovementPercent: 20},
		InvocationPrices{DurationGBSecond: 0.0000166667, Request: 0.0000002})
	cost := func(mb, ms float64) float64 { return (mb/1024*ms/1000*0.0000166667 + 0.0000002) * 5e6 }
	check.Near(t, "current cost", o.CurrentAnalysis.CurrentMonthlyCost, cost(512, 2000))
	op := o.OptimizationOpportunities
	// 128–1024 MB all cost 1 GB-s per invocation: the first of them is cheapest.
	if op.CostOptimal.MemoryMb != 128 || op.PerformanceOptimal.MemoryMb != 3008 {
		t.Errorf("picks %v / %v", op.CostOptimal.MemoryMb, op.PerformanceOptimal.MemoryMb)
	}
	// Faster than 8 s for free: 256 MB saves 4000 ms at no extra cost.
	if op.Balanced.MemoryMb != 256 {
		t.Errorf("balanced %v, want 256", op.Balanced.MemoryMb)
	}
	check.Near(t, "3008 MB speed-up", op.PerformanceOptimal.PerformanceChangePercent, 75)
	check.Near(t, "3008 MB cost change", op.PerformanceOptimal.CostChangePercent, (cost(3008, 500)-cost(512, 2000))/cost(512, 2000)*100)
	check.Near(t, "efficiency at 1024", o.MemoryConfigurations[3].MemoryEfficiency, 400.0/1024)
	check.Near(t, "vCPU at 3008", o.MemoryConfigurations[5].CPUAllocation, 3008.0/1769)
}

func TestEstimateExecutionTime(t *testing.T) {
	check.Near(t, "half memory doubles", EstimateExecutionTimeMs(1000, 512, 256), 2000)
	check.Near(t, "floor", EstimateExecutionTimeMs(100, 128, 3008), 50)
}
