package spec_test

import (
	"fmt"

	"planner/model/spec"
)

// The spec's API example: 100 invocations a second of 500 ms (p95 1 s, p99
// 2 s), 5% cold starts of 1 s, bursts of three times the mean.
func ExampleCalculateExecutionCapacity() {
	c := spec.CalculateExecutionCapacity(spec.DefaultWorkload())
	e := c.ExecutionAnalysis
	fmt.Printf("concurrency: mean %g, p95 %g, p99 %g, burst %g; effective duration %g ms\n", e.AvgConcurrentExecutions,
		e.P95ConcurrentExecutions, e.P99ConcurrentExecutions, e.BurstConcurrentExecutions, c.ColdStartImpact.EffectiveAvgExecutionMs)
	fmt.Println("reserve", *c.CapacityRecommendations[0].ReservedConcurrency, "burst limit", *c.CapacityRecommendations[0].BurstLimit)
	// Output:
	// concurrency: mean 50, p95 100, p99 200, burst 165; effective duration 550 ms
	// reserve 60 burst limit 181
}

// The spec's rule of thumb: 4 idle hours a day and a peak of one instance.
func ExampleNaturalColdStartRate() {
	fmt.Printf("%.3f\n", spec.NaturalColdStartRate(4, 1))
	// Output:
	// 0.131
}
