package model

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestEarlierEvaluationGivesTheSameReport evaluates edited scenarios with
// and without the evaluation before the edit: the reports are the same,
// byte for byte, and the analyses of unchanged functions are reused.
func TestEarlierEvaluationGivesTheSameReport(t *testing.T) {
	// A small account, so that the shared pool throttles and one
	// function's load moves every unreserved function's scorecard.
	crowded := DefaultScenario()
	crowded.AccountConcurrencyLimit = 60
	for i := range crowded.Functions {
		crowded.Functions[i].ColdStartMethod = ColdStartModel
		crowded.Functions[i].ReservedConcurrency = 0
	}
	rate := 200.0
	crowded.Functions[0].InvocationsPerSecond, crowded.Functions[0].MonthlyInvocations = &rate, nil

	cases := []struct {
		name string
		base Scenario
		edit func(s *Scenario)
		// reused is how many functions' analyses the edit leaves reusable.
		reused int
	}{
		{"memory of one function", DefaultScenario(), func(s *Scenario) { s.Functions[1].AllocatedMemoryMb = 1024 }, 3},
		{"nothing", DefaultScenario(), func(s *Scenario) {}, 4},
		{"a duration moving the shared pool", crowded, func(s *Scenario) { s.Functions[0].AvgExecutionTimeMs *= 1.5 }, 3},
		{"the account's limit", crowded, func(s *Scenario) { s.AccountConcurrencyLimit = 40 }, 4},
		{"functions swapped", DefaultScenario(), func(s *Scenario) { s.Functions[0], s.Functions[2] = s.Functions[2], s.Functions[0] }, 4},
		{"first function deleted", DefaultScenario(), func(s *Scenario) { s.Functions = s.Functions[1:] }, 3},
		{"a function renamed", DefaultScenario(), func(s *Scenario) { s.Functions[3].Name = "renamed" }, 3},
		{"the architecture", DefaultScenario(), func(s *Scenario) { s.Pricing.Architecture = "arm64" }, 0},
		{"the free tier", DefaultScenario(), func(s *Scenario) { s.Pricing.FreeTier = false }, 0},
		{"a reservation", crowded, func(s *Scenario) { s.Functions[2].ReservedConcurrency = 30 }, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := c.base
			before.Functions = slices.Clone(c.base.Functions)
			was := mustEvaluate(t, &before)
			after := before
			after.Functions = slices.Clone(before.Functions)
			c.edit(&after)

			fresh, probs := EvaluateWith(&after, Sources{})
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			reuse := reuseFor(&after, Earlier{Scenario: &before, Report: was})
			reused := 0
			for i := range after.Functions {
				if reuse.function(i, &after.Functions[i]) != nil {
					reused++
				}
			}
			if reused != c.reused {
				t.Errorf("%d functions reusable, want %d", reused, c.reused)
			}
			again, probs := EvaluateWith(&after, Sources{Earlier: Earlier{Scenario: &before, Report: was}})
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			want, _ := json.Marshal(fresh)
			got, _ := json.Marshal(again)
			if string(got) != string(want) {
				t.Errorf("the report with the earlier evaluation differs from a fresh one:\n got %.600s\nwant %.600s", got, want)
			}
		})
	}
}
