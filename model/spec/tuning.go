package spec

import "fmt"

// FunctionMetrics are a function's observed performance.
type FunctionMetrics struct {
	P99LatencyMs  float64 `json:"p99_latency_ms"`
	ColdStartRate float64 `json:"cold_start_rate"`
	MemoryMb      float64 `json:"memory_mb"`
	ErrorRate     float64 `json:"error_rate"`
	ThrottleRate  float64 `json:"throttle_rate"`
}

// DefaultFunctionMetrics are the spec's defaults.
func DefaultFunctionMetrics() FunctionMetrics {
	return FunctionMetrics{P99LatencyMs: 1000, ColdStartRate: 0.05, MemoryMb: 512, ErrorRate: 0.01}
}

// PerformanceTargets are what a function should achieve.
type PerformanceTargets struct {
	P99LatencyMs float64 `json:"p99_latency_ms"`
	ErrorRate    float64 `json:"error_rate"`
}

// DefaultPerformanceTargets are the spec's defaults: p99 500 ms, 0.1% errors.
func DefaultPerformanceTargets() PerformanceTargets {
	return PerformanceTargets{P99LatencyMs: 500, ErrorRate: 0.001}
}

// Tuning is one suggested change to a function.
type Tuning struct {
	Type                string `json:"type"`
	Action              string `json:"action"`
	ExpectedImprovement string `json:"expected_improvement"`
	CostImpact          string `json:"cost_impact,omitempty"`
	Implementation      string `json:"implementation,omitempty"`
}

// Thresholds of the tuning model.
const (
	largeLatencyGapMs        = 500   // ms over target that calls for more memory
	memoryScalingGain        = 0.5   // share of the gap more memory recovers
	tuningColdStartRate      = 0.02  // cold-start rate worth provisioning against
	provisionedColdStartGain = 0.9   // share of cold starts provisioning removes
	assumedColdStartMs       = 1000  // cold start assumed by the estimate, ms
	tuningThrottleRate       = 0.001 // throttle rate worth acting on
)

// OptimizeFunctionPerformance suggests changes for a function that misses
// its targets:
//   - p99 over target by more than 500 ms: double the memory, recovering
//     half the gap;
//   - p99 over target and cold starts above 2%: provisioned concurrency,
//     saving rate × 0.9 × 1000 ms on average;
//   - error rate over target: retries with backoff and circuit breakers;
//   - throttles above 0.1%: more reserved concurrency and a queue.
func OptimizeFunctionPerformance(m FunctionMetrics, t PerformanceTargets) []Tuning {
	out := []Tuning{}
	if m.P99LatencyMs > t.P99LatencyMs {
		gap := m.P99LatencyMs - t.P99LatencyMs
		if gap > largeLatencyGapMs {
			out = append(out, Tuning{
				Type:                "Memory Scaling",
				Action:              fmt.Sprintf("Increase memory from %gMB to %gMB", m.MemoryMb, m.MemoryMb*2),
				ExpectedImprovement: fmt.Sprintf("%.0fms latency reduction", gap*memoryScalingGain),
				CostImpact:          "~2x compute cost increase",
			})
		}
		if m.ColdStartRate > tuningColdStartRate {
			out = append(out, Tuning{
				Type:                "Cold Start Reduction",
				Action:              "Enable provisioned concurrency for baseline load",
				ExpectedImprovement: fmt.Sprintf("%.0fms avg latency reduction", m.ColdStartRate*provisionedColdStartGain*assumedColdStartMs),
				CostImpact:          "Additional provisioned concurrency costs",
			})
		}
	}
	if m.ErrorRate > t.ErrorRate {
		out = append(out, Tuning{
			Type:                "Error Handling",
			Action:              "Implement exponential backoff and circuit breaker patterns",
			ExpectedImprovement: fmt.Sprintf("%.2f%% error reduction", (m.ErrorRate-t.ErrorRate)*100),
			Implementation:      "Add retry logic and dependency health checks",
		})
	}
	if m.ThrottleRate > tuningThrottleRate {
		out = append(out, Tuning{
			Type:                "Concurrency Management",
			Action:              "Increase reserved concurrency and implement queue-based processing",
			ExpectedImprovement: fmt.Sprintf("%.1f%% throttle reduction", m.ThrottleRate*100),
			CostImpact:          "Higher concurrency reservation costs",
		})
	}
	return out
}
