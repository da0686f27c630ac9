package simulate_test

import (
	"fmt"

	"planner/model/simulate"
)

// A day of five requests a second, 400 ms warm and 1.4 s cold, 10-minute
// keep-alive: the simulator counts what the keep-alive model predicts.
func ExampleRun() {
	r := simulate.Run(simulate.Poisson(5, 400, 1400, 10, 0, 24*60, 1))
	fmt.Printf("%d requests, %d cold, running %.2f, instances %.2f\n", r.Arrivals, r.ColdStarts, r.AvgRunningInstances, r.AvgInstances)
	// Output:
	// 432016 requests, 94 cold, running 2.00, instances 9.25
}
