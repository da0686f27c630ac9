package policy

import (
	"math"
	"testing"

	"planner/model/forecast"
	"planner/model/pricing"
	"planner/model/spec"
)

// busyInput is a function at rate requests/s on a retail day's profile.
func busyInput(t testing.TB, rate, warmMs float64) Input {
	t.Helper()
	day := spec.CheckoutDayRequests()
	in := policyInput(t)
	in.History = forecast.SyntheticHistory(day[:], rate*86400*30.4, 0.6, 0.1, 4, 3)
	in.WarmMs = warmMs
	return in
}

// Above two million evaluated requests the schedules are judged by the
// keep-alive model; its cost, p99 and cold starts agree with a simulation
// of the same hours, and so does the recommendation.
func TestModelledScheduleAgreesWithSimulation(t *testing.T) {
	p, _ := pricing.LookupProfile("aws-us-east-1")
	if m := policyInput(t).method(); m != MethodSimulated {
		t.Errorf("the usual test function is judged by %q", m)
	}
	for _, c := range []struct{ rate, warmMs float64 }{{30, 400}, {120, 120}} {
		in := busyInput(t, c.rate, c.warmMs)
		cmp := Compare(in, p, pricing.X86_64)
		if cmp.Method != MethodModel {
			t.Fatalf("%v req/s judged by %q", c.rate, cmp.Method)
		}
		actual := in.History[len(in.History)-in.EvaluationHours:]
		simulated := make([]Result, len(cmp.Policies))
		for i, r := range cmp.Policies {
			sim := simulateSchedule(in, actual, r.Applied, p, pricing.X86_64)
			simulated[i] = sim
			t.Logf("%v req/s %-10s cost $%.2f / $%.2f simulated, p99 %.0f / %.0f ms, cold starts %d / %d", c.rate, r.Policy, r.Cost, sim.Cost, r.P99Ms, sim.P99Ms, r.ColdStarts, sim.ColdStarts)
			if math.Abs(r.Cost-sim.Cost) > 0.02*sim.Cost {
				t.Errorf("%s: modelled cost $%.2f, simulated $%.2f", r.Policy, r.Cost, sim.Cost)
			}
			if math.Abs(r.P99Ms-sim.P99Ms) > 0.05*sim.P99Ms {
				t.Errorf("%s: modelled p99 %.0f ms, simulated %.0f ms", r.Policy, r.P99Ms, sim.P99Ms)
			}
			if math.Abs(r.ColdRate-sim.ColdRate) > max(0.5*sim.ColdRate, 2e-5) {
				t.Errorf("%s: modelled cold-start rate %.5f%%, simulated %.5f%%", r.Policy, 100*r.ColdRate, 100*sim.ColdRate)
			}
		}
		if best, _ := recommend(withSchedules(simulated, cmp.Policies)); best != cmp.Recommended {
			t.Errorf("%v req/s: the model recommends %s, the simulation %s", c.rate, cmp.Recommended, best)
		}
	}
}

// withSchedules names simulated outcomes after the policies they judge.
func withSchedules(outcomes, policies []Result) []Result {
	for i := range outcomes {
		outcomes[i].Policy = policies[i].Policy
	}
	return outcomes
}
