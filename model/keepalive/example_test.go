package keepalive_test

import (
	"fmt"

	"planner/model/keepalive"
)

// A function called once a minute on average, 200 ms warm and 1.2 s cold,
// with instances kept warm for 10 minutes. Its one instance is rarely idle
// for 10 minutes (e^−10); almost every cold start is a request that finds it
// busy (λ·s ≈ 0.003) and starts a second one.
func ExampleSolve() {
	r := keepalive.Solve(keepalive.Input{ArrivalRatePerSecond: 1.0 / 60, WarmServiceTimeMs: 200,
		ColdServiceTimeMs: 1200, KeepAliveMinutes: 10})
	fmt.Printf("P(cold) %.5f, instances %.3f, running %.5f (%s)\n",
		r.ColdStartProbability, r.AvgInstances, r.AvgRunningInstances, r.Method)
	// Output:
	// P(cold) 0.00326, instances 1.033, running 0.00339 (spectral, cold class)
}

// A day of hourly traffic: quiet nights, a busy afternoon.
func ExampleSolveDay() {
	hours := make([]float64, 24)
	for h := range hours {
		hours[h] = 60 // one request a minute …
		if h >= 12 && h < 18 {
			hours[h] = 36000 // … and ten a second in the afternoon
		}
	}
	day, _ := keepalive.SolveDay(nil, hours, 200, 1200, 10, nil, 512)
	fmt.Printf("P(cold) %.5f, instances %.2f, idle GB-s a day %.0f\n", day.ColdStartProbability, day.AvgInstances, day.IdleGBSecondsPerDay)
	// Output:
	// P(cold) 0.00013, instances 3.22, idle GB-s a day 117434
}
