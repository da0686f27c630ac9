package spec

import (
	"testing"

	"planner/model/internal/check"
)

// The spec's API backend example, by hand: 500/s × 300 ms = 150 instances;
// effective 300 + 0.02 × 800 = 316 ms; burst 500 × 4 × 316 / 1000 = 632.
func TestExecutionCapacityAPIExample(t *testing.T) {
	c := CalculateExecutionCapacity(Workload{
		InvocationsPerSecond: 500, AvgExecutionTimeMs: 300, P95ExecutionTimeMs: 600, P99ExecutionTimeMs: 1200,
		AllocatedMemoryMb: 512, ActualMemoryUsageMb: 380, ColdStartRate: 0.02, ColdStartDurationMs: 800, BurstMultiplier: 4,
	})
	check.Near(t, "avg", c.ExecutionAnalysis.AvgConcurrentExecutions, 150)
	check.Near(t, "p95", c.ExecutionAnalysis.P95ConcurrentExecutions, 300)
	check.Near(t, "p99", c.ExecutionAnalysis.P99ConcurrentExecutions, 600)
	check.Near(t, "effective", c.ColdStartImpact.EffectiveAvgExecutionMs, 316)
	check.Near(t, "burst", c.ExecutionAnalysis.BurstConcurrentExecutions, 632)
	check.Near(t, "impact", c.ColdStartImpact.PerformanceImpactPercent, 16.0/300*100)
	check.Near(t, "efficiency", c.MemoryAnalysis.MemoryEfficiencyPercent, 380.0/512*100)
	if c.MemoryAnalysis.OptimizationPotential != "Medium" {
		t.Errorf("potential %q", c.MemoryAnalysis.OptimizationPotential)
	}
	rec := c.CapacityRecommendations[0]
	if *rec.ReservedConcurrency != 180 || *rec.BurstLimit != 695 {
		t.Errorf("reserved %d burst %d, want 180 and ⌊632×1.1⌋ = 695", *rec.ReservedConcurrency, *rec.BurstLimit)
	}
	if len(c.CapacityRecommendations) != 1 {
		t.Errorf("74%% efficiency needs no memory change, got %d recommendations", len(c.CapacityRecommendations))
	}
}

func TestExecutionCapacityZeroTraffic(t *testing.T) {
	w := DefaultWorkload()
	w.InvocationsPerSecond = 0
	c := CalculateExecutionCapacity(w)
	check.Near(t, "effective", c.ColdStartImpact.EffectiveAvgExecutionMs, 500+0.05*1000)
	check.Near(t, "burst", c.ExecutionAnalysis.BurstConcurrentExecutions, 0)
}

func TestMemoryRecommendationsByEfficiency(t *testing.T) {
	for _, c := range []struct {
		used float64
		want string
	}{{100, "Memory Optimization"}, {250, "Memory Safety"}} {
		w := DefaultWorkload()
		w.ActualMemoryUsageMb = c.used
		recs := CalculateExecutionCapacity(w).CapacityRecommendations
		if len(recs) != 2 || recs[1].Type != c.want {
			t.Errorf("used %v MB of 256: %+v, want %s", c.used, recs, c.want)
		}
	}
}
