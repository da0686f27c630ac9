package app

import (
	"encoding/json"
	"testing"

	"planner/model"
)

// TestCompleteMakesACostsFirstReportWhole opens a scenario with its costs
// alone, as a browser opens a big one: the report is not whole until
// complete, which gives the whole report of the same scenario.
func TestCompleteMakesACostsFirstReportWhole(t *testing.T) {
	sc := model.DefaultScenario()
	s := newSession(sc, false)
	s.costsFirst = true
	s.load(sc)
	if s.report.Complete() || len(s.report.Alerts) != 0 {
		t.Fatalf("the opening's report is whole (%d alerts), want its costs alone", len(s.report.Alerts))
	}
	s.complete()
	want, _ := model.Evaluate(&sc)
	got, _ := json.Marshal(s.report)
	wantJSON, _ := json.Marshal(want)
	if !s.report.Complete() || string(got) != string(wantJSON) {
		t.Errorf("complete gave a report other than the scenario's:\n got %.400s\nwant %.400s", got, wantJSON)
	}
	if s.costsFirst {
		t.Error("a second evaluation would be of the costs alone too")
	}
}

// TestCompleteKeepsTheDocumentsProblems edits the scenario into a problem
// before the report is whole: complete makes the last valid scenario's
// report whole and leaves it marked stale, with the problem.
func TestCompleteKeepsTheDocumentsProblems(t *testing.T) {
	sc := model.DefaultScenario()
	s := newSession(sc, false)
	s.costsFirst = true
	s.load(sc)
	memory := path{}.key("functions").at(1).key("allocated_memory_mb")
	s.setText(memory, "3", true, 1)
	if !s.stale || s.problemAt(memory) == "" {
		t.Fatalf("memory 3 MB left the session stale=%v with problem %q", s.stale, s.problemAt(memory))
	}
	s.complete()
	if !s.report.Complete() || !s.stale || s.problemAt(memory) == "" || s.raw[memory.String()] != "3" {
		t.Errorf("after complete: whole %v, stale %v, problem %q, typed %q; want whole, stale, the problem, and 3",
			s.report.Complete(), s.stale, s.problemAt(memory), s.raw[memory.String()])
	}
	if s.report.Functions[1].PerformanceCharacteristics.MemoryMb != float64(sc.Functions[1].AllocatedMemoryMb) {
		t.Errorf("the whole report is of memory %v MB, want the last valid %d MB", s.report.Functions[1].PerformanceCharacteristics.MemoryMb, sc.Functions[1].AllocatedMemoryMb)
	}
}

// TestOnValidIsToldOfEachScenarioOnce counts what the autosave is told: a
// completion and a refresh evaluate the same scenario again, and write
// nothing again (2.3 MB for 2,000 functions); an edit is a new scenario.
func TestOnValidIsToldOfEachScenarioOnce(t *testing.T) {
	sc := model.DefaultScenario()
	s := newSession(sc, false)
	var told []*model.Scenario
	s.onValid = func(sc *model.Scenario) { told = append(told, sc) }
	s.costsFirst = true
	s.load(sc)
	s.complete()
	s.refresh()
	if len(told) != 1 || told[0] != s.scenario {
		t.Fatalf("told of %d scenarios after a load, its completion and a refresh, want the one loaded", len(told))
	}
	s.setText(path{}.key("functions").at(0).key("allocated_memory_mb"), "1024", true, 1)
	if len(told) != 2 || told[1] != s.scenario || told[1].Functions[0].AllocatedMemoryMb != 1024 {
		t.Errorf("told of %d scenarios after an edit, want the edit's too", len(told))
	}
}
