package policy

import (
	"math"
	"testing"
	"time"

	"planner/model/forecast"
	"planner/model/pricing"
	"planner/model/spec"
)

func policyInput(t testing.TB) Input {
	t.Helper()
	day := spec.CheckoutDayRequests()
	y := forecast.SyntheticHistory(day[:], 20e6, 0.6, 0.1, 4, 3)
	return Input{History: y, EvaluationHours: 48, WarmMs: 400, ColdMs: 1400, MemoryMb: 1024, KeepAliveMinutes: 10,
		Guardrails: DefaultGuardrails(), Seed: 1}
}

func TestComparePolicies(t *testing.T) {
	in := policyInput(t)
	p, _ := pricing.LookupProfile("aws-us-east-1")
	start := time.Now()
	c := Compare(in, p, pricing.X86_64)
	t.Logf("compared in %v: recommended %s (%s)", time.Since(start), c.Recommended, c.Explanation)
	if len(c.Policies) != 4 || c.Recommended == "" || c.Explanation == "" {
		t.Fatalf("%+v", c)
	}
	for _, r := range c.Policies {
		t.Logf("%-10s cost $%.2f cold %.3f%% p99 %.0f ms throttles %d", r.Policy, r.Cost, r.ColdRate*100, r.P99Ms, r.Throttles)
		prev := 0
		for h, a := range r.Applied {
			if a > prev+max(1, int(math.Floor(float64(prev)*0.5))) || a < prev-max(1, int(math.Floor(float64(prev)*0.5))) {
				t.Fatalf("%s hour %d: %d after %d breaks the ±50%% guardrail", r.Policy, h, a, prev)
			}
			prev = a
		}
		if r.Cost <= 0 || len(r.Schedule) != 48 {
			t.Errorf("%s: %+v", r.Policy, r)
		}
	}
	yields := 0
	in.Yield = func() { yields++ }
	again := Compare(in, p, pricing.X86_64)
	if again.Recommended != c.Recommended || again.Policies[3].Cost != c.Policies[3].Cost {
		t.Error("the same seed (and yielding to a page) gave a different comparison")
	}
	// A browser yields every training episode and simulated half hour:
	// Steps counts them (the plan ahead trains again unless reactive wins).
	if want := Steps(in); yields != want && yields != want-qEpisodes {
		t.Errorf("yielded %d times; Steps says %d", yields, want)
	}
	in.Yield = nil
	in.Guardrails.Shadow = true
	shadow := Compare(in, p, pricing.X86_64)
	for _, r := range shadow.Policies {
		for _, a := range r.Applied {
			if a != 0 {
				t.Fatalf("shadow mode applied %d instances", a)
			}
		}
	}
}

// The comparison plans the recommended policy ahead: the schedule follows
// the last applied hour within the guardrails; a reactive recommendation
// plans nothing (it is a target-tracking rule).
func TestPoliciesPlanTheNextHours(t *testing.T) {
	p, _ := pricing.LookupProfile("aws-us-east-1")
	// A quiet function: the default scenario's user_authentication, 2
	// million requests a month on a retail day, 150 ms warm, 1,150 ms cold.
	day := spec.CheckoutDayRequests()
	quiet := policyInput(t)
	quiet.History = forecast.SyntheticHistory(day[:], 2e6, 0.6, 0.1, 4, 7)
	quiet.WarmMs, quiet.ColdMs = 150, 1150
	branches := map[bool]bool{}
	for _, in := range []Input{policyInput(t), quiet} {
		c := Compare(in, p, pricing.X86_64)
		if len(c.PredictedConcurrency) != in.EvaluationHours {
			t.Fatalf("%d predicted hours", len(c.PredictedConcurrency))
		}
		reactive := c.Recommended == "reactive"
		branches[reactive] = true
		if reactive {
			if len(c.NextSchedule) != 0 {
				t.Errorf("reactive recommendation planned %v", c.NextSchedule)
			}
			continue
		}
		if len(c.NextSchedule) != in.EvaluationHours {
			t.Fatalf("%s: next schedule of %d hours", c.Recommended, len(c.NextSchedule))
		}
		prev := 0
		for _, r := range c.Policies {
			if r.Policy == c.Recommended {
				prev = r.Applied[len(r.Applied)-1]
			}
		}
		for h, a := range c.NextSchedule {
			step := max(1, prev/2)
			if a < prev-step || a > prev+step {
				t.Fatalf("hour %d: %d after %d breaks the guardrail", h, a, prev)
			}
			prev = a
		}
	}
	if len(branches) != 2 {
		t.Errorf("both inputs recommend the same kind of policy: %v", branches)
	}
}
