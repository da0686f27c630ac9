package keepalive

import (
	"fmt"
	"math"
	"testing"

	"planner/model/simulate"
)

// coldStartModel is one of the planner's models of a function's cold starts:
// P(cold), mean running and mean alive instances of an input; tol is how
// far its Little's Law and monotonicity may miss (the simulator's noise).
type coldStartModel struct {
	name  string
	solve func(Input) (pCold, running, instances float64)
	tol   float64
}

func coldStartModels() []coldStartModel {
	of := func(r Result) (float64, float64, float64) {
		return r.ColdStartProbability, r.AvgRunningInstances, r.AvgInstances
	}
	return []coldStartModel{
		{"keep-alive model", func(in Input) (float64, float64, float64) { return of(Solve(in)) }, 1e-9},
		{"single rate", func(in Input) (float64, float64, float64) { return of(SingleRate(in)) }, 1e-9},
		{"simulator", func(in Input) (float64, float64, float64) {
			// About 200,000 requests, seeded alike for every keep-alive.
			minutes := int(min(60*24*60, max(24*60, 200000/in.ArrivalRatePerSecond/60)))
			r := simulate.Run(simulate.Poisson(in.ArrivalRatePerSecond, in.WarmServiceTimeMs, in.ColdServiceTimeMs,
				in.KeepAliveMinutes, int(in.ProvisionedConcurrency), minutes, 5))
			return r.ColdStartProbability, r.AvgRunningInstances, r.AvgInstances
		}, 0.04},
	}
}

// solverSlack is the absolute precision of the solves: P(cold) of 5e-7 with
// two provisioned instances at 0.01 requests/s moves by 4e-12 between
// keep-alives of 1 and 5 minutes, in the noise of the fixed point.
const solverSlack = 1e-10

// Every cold-start model keeps the same invariants: P(cold) is a
// probability; running instances follow Little's Law with the mean service
// time its cold starts give, λ·(s_warm + P(cold)(s_cold − s_warm)); alive
// instances are at least the running and the provisioned ones; a longer
// keep-alive never adds cold starts nor removes instances.
func TestColdStartModelsInvariants(t *testing.T) {
	for _, m := range coldStartModels() {
		for _, rate := range []float64{0.01, 1, 20} {
			for _, provisioned := range []float64{0, 2} {
				name := fmt.Sprintf("%s/%g per s/%g provisioned", m.name, rate, provisioned)
				prevCold, prevInstances := 1.0, 0.0
				for _, keep := range []float64{1, 5, 10} {
					in := Input{ArrivalRatePerSecond: rate, WarmServiceTimeMs: 100, ColdServiceTimeMs: 1000,
						KeepAliveMinutes: keep, ProvisionedConcurrency: provisioned}
					p, running, instances := m.solve(in)
					little := rate * (0.1 + p*0.9)
					switch {
					case p < 0 || p > 1 || math.IsNaN(p):
						t.Errorf("%s, keep-alive %g min: P(cold) %v", name, keep, p)
					case math.Abs(running-little) > m.tol*little+1e-12:
						t.Errorf("%s, keep-alive %g min: running %v, Little's Law %v", name, keep, running, little)
					case instances < running-1e-9 || instances < provisioned-1e-9:
						t.Errorf("%s, keep-alive %g min: %v instances for %v running", name, keep, instances, running)
					case p > prevCold*(1+m.tol)+solverSlack || instances < prevInstances*(1-m.tol)-solverSlack:
						t.Errorf("%s: a longer keep-alive (%g min) gives P(cold) %v (was %v), %v instances (was %v)",
							name, keep, p, prevCold, instances, prevInstances)
					}
					prevCold, prevInstances = p, instances
				}
			}
		}
	}
}
