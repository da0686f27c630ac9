package model

import (
	"encoding/json"
	"slices"
	"testing"

	"planner/model/spec"
)

// withoutAnalyses is r with the analyses EvaluateCosts leaves out set to
// their zero values: what is left is the bill and the capacity.
func withoutAnalyses(r Report) Report {
	r.Functions = slices.Clone(r.Functions)
	for i := range r.Functions {
		f := &r.Functions[i]
		f.ColdStart, f.Memory, f.MemoryChoice, f.Architectures, f.Tuning, f.Scorecard =
			spec.ColdStartOptimization{}, spec.MemoryOptimization{}, MemoryChoice{}, nil, nil, Scorecard{}
	}
	r.CostOptimization, r.Alerts, r.AlertCounts, r.Checklist, r.Account = spec.CostOptimization{}, nil, AlertCounts{}, nil, AccountConcurrency{}
	return r
}

// TestEvaluateCostsGivesTheWholeReportsBill compares, for every preset and
// 300 generated functions, the report of the costs alone with the whole
// report: every figure it has is the whole report's, byte for byte, and
// it says that it is not complete.
func TestEvaluateCostsGivesTheWholeReportsBill(t *testing.T) {
	scenarios := map[string]Scenario{"generated": generatedScenario(300)}
	for _, pr := range Presets() {
		scenarios[pr.ID] = pr.Scenario()
	}
	for name, sc := range scenarios {
		whole, probs := Evaluate(&sc)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", name, probs)
		}
		costs, probs := EvaluateCosts(&sc, Sources{})
		if len(probs) > 0 {
			t.Fatalf("%s: %v", name, probs)
		}
		if !whole.Complete() || costs.Complete() {
			t.Errorf("%s: Complete says %v for the whole report, %v for the costs alone", name, whole.Complete(), costs.Complete())
		}
		if len(whole.Alerts) == 0 || len(costs.Alerts) != 0 {
			t.Errorf("%s: %d alerts in the whole report, %d in the costs alone", name, len(whole.Alerts), len(costs.Alerts))
		}
		want, _ := json.Marshal(withoutAnalyses(*whole))
		got, _ := json.Marshal(costs)
		if string(got) != string(want) {
			t.Errorf("%s: the costs differ from the whole report's:\n got %.600s\nwant %.600s", name, got, want)
		}
	}
}

// TestEvaluateCostsIsNotReused evaluates a scenario with the report of its
// costs alone as the earlier evaluation: nothing of it is reused, and the
// report is the whole one.
func TestEvaluateCostsIsNotReused(t *testing.T) {
	sc := DefaultScenario()
	costs, probs := EvaluateCosts(&sc, Sources{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if reuse := reuseFor(&sc, Earlier{Scenario: &sc, Report: costs}); reuse != nil {
		t.Error("a report of the costs alone is offered for reuse")
	}
	whole := mustEvaluate(t, &sc)
	again, probs := EvaluateWith(&sc, Sources{Earlier: Earlier{Scenario: &sc, Report: costs}, Validated: true})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	want, _ := json.Marshal(whole)
	got, _ := json.Marshal(again)
	if !again.Complete() || string(got) != string(want) {
		t.Errorf("evaluated after its costs alone, the report differs from a fresh one:\n got %.600s\nwant %.600s", got, want)
	}
}

// TestEvaluateCostsRefusesAnInvalidScenario gives every problem, as
// Evaluate does.
func TestEvaluateCostsRefusesAnInvalidScenario(t *testing.T) {
	sc := DefaultScenario()
	sc.Functions[1].AllocatedMemoryMb = 3
	sc.SecretsCount = -1
	_, want := Evaluate(&sc)
	r, got := EvaluateCosts(&sc, Sources{})
	if r != nil || len(got) < 2 || !slices.Equal(got, want) {
		t.Errorf("EvaluateCosts gave %v and %v, want no report and %v", r, got, want)
	}
}
