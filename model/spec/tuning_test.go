package spec

import (
	"testing"
)

func TestTuning(t *testing.T) {
	got := OptimizeFunctionPerformance(FunctionMetrics{P99LatencyMs: 1200, ColdStartRate: 0.08, MemoryMb: 256, ErrorRate: 0.02, ThrottleRate: 0.005},
		PerformanceTargets{P99LatencyMs: 500, ErrorRate: 0.001})
	want := []string{"Memory Scaling", "Cold Start Reduction", "Error Handling", "Concurrency Management"}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i].Type != want[i] {
			t.Errorf("%d: %s, want %s", i, got[i].Type, want[i])
		}
	}
	if got[0].Action != "Increase memory from 256MB to 512MB" || got[0].ExpectedImprovement != "350ms latency reduction" {
		t.Errorf("%+v", got[0])
	}
	if len(OptimizeFunctionPerformance(DefaultFunctionMetrics(), PerformanceTargets{P99LatencyMs: 5000, ErrorRate: 0.5})) != 0 {
		t.Error("a function within its targets needs no tuning")
	}
}
