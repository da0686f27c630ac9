package model

import (
	"math"
	"testing"
	"time"
)

func policyInput(t testing.TB) PolicyInput {
	t.Helper()
	y := SyntheticHistory(checkoutDayProfile[:], 20e6, 0.6, 0.1, 4, 3)
	return PolicyInput{History: y, EvaluationHours: 48, WarmMs: 400, ColdMs: 1400, MemoryMb: 1024, KeepAliveMin: 10,
		Guardrails: DefaultGuardrails(), Seed: 1}
}

func TestComparePolicies(t *testing.T) {
	in := policyInput(t)
	p, _ := LookupProfile("aws-us-east-1")
	start := time.Now()
	c := ComparePolicies(in, p, X86_64)
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
	again := ComparePolicies(in, p, X86_64)
	if again.Recommended != c.Recommended || again.Policies[3].Cost != c.Policies[3].Cost {
		t.Error("the same seed gave a different comparison")
	}
	in.Guardrails.Shadow = true
	shadow := ComparePolicies(in, p, X86_64)
	for _, r := range shadow.Policies {
		for _, a := range r.Applied {
			if a != 0 {
				t.Fatalf("shadow mode applied %d instances", a)
			}
		}
	}
}
