package app

import (
	"testing"

	"planner/model"
)

// With the model method on every function, the first evaluation solves the
// hours; an edit that changes no function's traffic or timing solves none
// again, and the report is the one model.Evaluate gives.
func TestKeepAliveSolvesAreRemembered(t *testing.T) {
	sc := model.DefaultScenario()
	for i := range sc.Functions {
		sc.Functions[i].ColdStartMethod = model.ColdStartModel
	}
	s := newSession(sc)
	solved := len(s.keepAlive.results)
	if solved == 0 {
		t.Fatal("the model method solved nothing")
	}
	s.setText(path{}.key("secrets_count"), "9", true)
	if len(s.keepAlive.results) != solved || s.stale {
		t.Errorf("an edit of secrets solved %d hours again", len(s.keepAlive.results)-solved)
	}
	want, _ := model.Evaluate(s.scenario)
	for i, f := range s.report.Functions {
		if got, want := f.ColdStartRate, want.Functions[i].ColdStartRate; got.Rate != want.Rate || *got.Model != *want.Model {
			t.Errorf("%s: remembered %+v, solved %+v", f.Name, got.Model, want.Model)
		}
	}
	s.setText(path{}.key("functions").at(0).key("avg_execution_time_ms"), "250", false)
	if len(s.keepAlive.results) <= solved {
		t.Error("a new duration solved nothing")
	}
	for range maxKeepAliveSolvesKept + 10 {
		s.keepAlive.solve(model.KeepAlive{ArrivalRatePerSecond: 1e-6 * float64(len(s.keepAlive.results)+1), WarmServiceTimeMs: 100, KeepAliveMinutes: 1})
	}
	if len(s.keepAlive.results) > maxKeepAliveSolvesKept {
		t.Errorf("%d solves kept", len(s.keepAlive.results))
	}
}
