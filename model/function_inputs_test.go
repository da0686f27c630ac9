package model

import (
	"strings"
	"testing"

	"planner/model/policy"
)

// Every view builds a function's model inputs the same way: the cold
// service time, the synthetic history (seeded by the name) and the policy
// input.
func TestFunctionInputs(t *testing.T) {
	s := DefaultScenario()
	r := mustEvaluate(t, &s)
	f, fr := &s.Functions[0], &r.Functions[0]
	if got := f.ColdServiceTimeMs(); got != f.AvgExecutionTimeMs+f.ColdStartDurationMs {
		t.Errorf("cold service time %v", got)
	}
	h1, h2 := SyntheticHistory(f, fr), SyntheticHistory(f, fr)
	if len(h1) != 4*7*24 || h1[100] != h2[100] {
		t.Errorf("history of %d hours, not reproducible", len(h1))
	}
	in := PolicyInput(f, h1, 48, policy.DefaultGuardrails())
	if in.ColdMs != f.ColdServiceTimeMs() || in.WarmMs != f.AvgExecutionTimeMs || in.Seed != NameSeed(f.Name) || in.EvaluationHours != 48 {
		t.Errorf("policy input %+v", in)
	}
	if !strings.Contains(SyntheticHistorySource(), "4 weeks, weekends at 60%, 10% noise") {
		t.Errorf("source %q", SyntheticHistorySource())
	}
}
