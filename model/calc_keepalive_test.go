package model

import (
	"encoding/json"
	"math"
	"testing"

	"planner/model/keepalive"
)

// Any input the CLI accepts gives a probability, at least the running and
// provisioned instances, and no NaN.
func FuzzKeepAlive(f *testing.F) {
	f.Add(0.1, 2000.0, 2300.0, 10.0, 0.0)
	f.Add(600.0, 200.0, 800.0, 1.0, 130.0)
	f.Add(2.7, 300000.0, 300000.0, 1.0, 0.0)
	f.Add(1e6, 900000.0, 900000.0, 1440.0, 5.0)
	f.Fuzz(func(t *testing.T, rate, warm, cold, keep, provisioned float64) {
		input, err := json.Marshal(keepalive.Input{ArrivalRatePerSecond: rate, WarmServiceTimeMs: warm, ColdServiceTimeMs: cold,
			KeepAliveMinutes: keep, ProvisionedConcurrency: provisioned})
		if err != nil {
			return // NaN and ±Inf have no JSON
		}
		out, probs := Calc("cold-start-probability", input)
		if len(probs) > 0 {
			return
		}
		r := out.(keepalive.Result)
		for _, v := range []float64{r.ColdStartProbability, r.AvgInstances, r.AvgRunningInstances, r.AvgIdleInstances, r.Utilization} {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
				t.Fatalf("%s: %+v", input, r)
			}
		}
		if r.ColdStartProbability > 1 || r.AvgInstances < r.AvgRunningInstances || r.AvgInstances < math.Floor(provisioned) || r.Utilization > 1 {
			t.Fatalf("%s: %+v", input, r)
		}
	})
}

// The rate and service times have no default: a missing one is named; the
// keep-alive defaults to 10 minutes and provisioned concurrency to none.
func TestColdStartProbabilityInput(t *testing.T) {
	_, probs := Calc("cold-start-probability", []byte(`{"warm_service_time_ms": "x", "cold_service_time_ms": null}`))
	if got := probs.Error(); got != "warm_service_time_ms: expected a number, got \"x\"\narrival_rate_per_second: required\ncold_service_time_ms: required" {
		t.Errorf("problems:\n%s", got)
	}
	out, probs := Calc("cold-start-probability", []byte(`{"arrival_rate_per_second": 0.5, "warm_service_time_ms": 2000, "cold_service_time_ms": 2150}`))
	want := keepalive.Solve(keepalive.Input{ArrivalRatePerSecond: 0.5, WarmServiceTimeMs: 2000, ColdServiceTimeMs: 2150, KeepAliveMinutes: 10})
	if len(probs) > 0 || out.(keepalive.Result) != want {
		t.Errorf("defaults: %v %+v, want %+v", probs, out, want)
	}
}
