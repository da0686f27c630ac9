package keepalive

import (
	"math"
	"testing"

	"planner/model/simulate"
)

// Instances that hold several requests: against the simulator with the same
// packing, P(cold) within 15% (relative, or 0.002 absolute) and instances
// within 10%; more per instance never means more instances or more cold
// starts.
func TestPackedAgainstSimulation(t *testing.T) {
	cases := []Input{
		{ArrivalRatePerSecond: 0.05, WarmServiceTimeMs: 300, ColdServiceTimeMs: 1300, KeepAliveMinutes: 1, PerInstance: 4},
		{ArrivalRatePerSecond: 2, WarmServiceTimeMs: 500, ColdServiceTimeMs: 1500, KeepAliveMinutes: 0.2, PerInstance: 4},
		{ArrivalRatePerSecond: 20, WarmServiceTimeMs: 400, ColdServiceTimeMs: 1400, KeepAliveMinutes: 0.05, PerInstance: 16},
		{ArrivalRatePerSecond: 50, WarmServiceTimeMs: 200, ColdServiceTimeMs: 1200, KeepAliveMinutes: 0.02, PerInstance: 8},
	}
	for _, k := range cases {
		got := Solve(k)
		sim := simulate.RunPacked(simulate.PackedInput{Seed: 7, ArrivalRatePerSecond: k.ArrivalRatePerSecond,
			Seconds:          min(1e7, 400_000/k.ArrivalRatePerSecond),
			Warm:             simulate.Distribution{Kind: "exponential", MeanMs: k.WarmServiceTimeMs},
			Cold:             simulate.Distribution{Kind: "exponential", MeanMs: k.ColdServiceTimeMs},
			KeepAliveMinutes: k.KeepAliveMinutes, PerInstance: k.PerInstance})
		simInstances := sim.AvgInstances
		t.Logf("C=%d λ=%g: P(cold) %.4f vs %.4f simulated; instances %.3f vs %.3f", k.PerInstance, k.ArrivalRatePerSecond, got.ColdStartProbability, sim.ColdStartProbability, got.AvgInstances, simInstances)
		if d := math.Abs(got.ColdStartProbability - sim.ColdStartProbability); d > max(0.002, 0.15*sim.ColdStartProbability) {
			t.Errorf("%+v: P(cold) %.4f, simulated %.4f", k, got.ColdStartProbability, sim.ColdStartProbability)
		}
		if math.Abs(got.AvgInstances-simInstances) > 0.10*simInstances {
			t.Errorf("%+v: instances %.3f, simulated %.3f", k, got.AvgInstances, simInstances)
		}
		more := k
		more.PerInstance *= 2
		if m := Solve(more); m.AvgInstances > got.AvgInstances+1e-9 || m.ColdStartProbability > got.ColdStartProbability+1e-9 {
			t.Errorf("%+v: doubling per instance raised instances %.3f → %.3f or P(cold) %.4f → %.4f", k, got.AvgInstances, m.AvgInstances, got.ColdStartProbability, m.ColdStartProbability)
		}
	}
}
