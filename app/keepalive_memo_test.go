package app

import (
	"math"
	"testing"
	"time"

	"planner/model"
	"planner/model/keepalive"
)

// modelled is the default scenario with the keep-alive model giving every
// function's cold-start rate.
func modelled() model.Scenario {
	sc := model.DefaultScenario()
	for i := range sc.Functions {
		sc.Functions[i].ColdStartMethod = model.ColdStartModel
	}
	return sc
}

// sameRates fails unless the session's cold-start rates are the ones
// model.Evaluate gives.
func sameRates(t *testing.T, s *session) {
	t.Helper()
	want, _ := model.Evaluate(s.scenario)
	for i, f := range s.report.Functions {
		got, want := f.ColdStartRate, want.Functions[i].ColdStartRate
		if got.Pending || got.Model == nil || got.Rate != want.Rate || *got.Model != *want.Model {
			t.Errorf("%s: %+v, want %+v", f.Name, got, want)
		}
	}
}

// The first evaluation solves the hours; an edit that changes no function's
// traffic or timing solves none again and gives model.Evaluate's rates.
func TestKeepAliveSolvesAreRemembered(t *testing.T) {
	s := &session{raw: map[string]string{}, keepAliveBudget: math.MaxInt64}
	s.load(modelled())
	solved := len(s.keepAlive.results.entries)
	if solved == 0 || s.pending() {
		t.Fatalf("the model method solved %d hours, pending %v", solved, s.pending())
	}
	s.setText(path{}.key("secrets_count"), "9", true, 1)
	if len(s.keepAlive.results.entries) != solved || s.stale {
		t.Errorf("an edit of secrets solved %d hours again", len(s.keepAlive.results.entries)-solved)
	}
	sameRates(t, s)
	s.setText(path{}.key("functions").at(0).key("avg_execution_time_ms"), "250", false, 1)
	if len(s.keepAlive.results.entries) <= solved {
		t.Error("a new duration solved nothing")
	}
}

// A full memo forgets the solves the current evaluation has not used, and
// keeps those it uses even beyond its bound (a large scenario never waits
// for solves forgotten while it waited).
func TestKeepAliveMemoForgetsWhatTheEvaluationDoesNotUse(t *testing.T) {
	rare := func(i int) keepalive.Input {
		return keepalive.Input{ArrivalRatePerSecond: 1e-6 * float64(i+1), WarmServiceTimeMs: 100, KeepAliveMinutes: 1}
	}
	var m keepAliveMemo
	var wanted []keepalive.Input
	m.budgetedSolver(time.Hour, &wanted)
	for i := range maxKeepAliveSolvesKept {
		m.solve(rare(i))
	}
	m.budgetedSolver(time.Hour, &wanted) // the next evaluation uses one of them
	if _, ok := m.lookup(rare(7)); !ok {
		t.Fatal("a solve was forgotten before the memo was full")
	}
	m.solve(rare(maxKeepAliveSolvesKept))
	if _, ok := m.lookup(rare(7)); len(m.results.entries) != 2 || !ok {
		t.Errorf("full memo: %d solves kept, the used one kept: %v", len(m.results.entries), ok)
	}
	for i := range maxKeepAliveSolvesKept + 10 {
		m.solve(rare(i))
	}
	if len(m.results.entries) != maxKeepAliveSolvesKept+10 {
		t.Errorf("%d of the current evaluation's %d solves kept", len(m.results.entries), maxKeepAliveSolvesKept+10)
	}
}

// An evaluation that has spent its budget leaves the other solves to the
// background: those functions are pending, with the rate given, until the
// solves are done; then the rates are model.Evaluate's.
func TestKeepAliveSolvesBeyondTheBudgetWait(t *testing.T) {
	s := &session{raw: map[string]string{}}
	asked := 0
	s.onPending = func() { asked++ }
	s.load(modelled())
	if !s.pending() || len(s.wantedKeepAlive) == 0 || len(s.keepAlive.results.entries) != 0 || asked != 1 {
		t.Fatalf("with no budget: pending %v, %d solves wanted, %d done, background asked %d times",
			s.pending(), len(s.wantedKeepAlive), len(s.keepAlive.results.entries), asked)
	}
	for i, f := range s.report.Functions {
		if r := f.ColdStartRate; !r.Pending || r.Rate != s.scenario.Functions[i].ColdStartRate || r.Model != nil {
			t.Errorf("%s while solving: %+v", f.Name, r)
		}
	}
	for _, k := range s.wantedKeepAlive {
		s.keepAlive.solve(k)
	}
	s.refresh() // as the background does
	if s.pending() || len(s.wantedKeepAlive) != 0 {
		t.Fatalf("after the background solves: pending %v, %d wanted", s.pending(), len(s.wantedKeepAlive))
	}
	sameRates(t, s)
}

// Inputs left to the background are wanted once each, however many
// functions ask for them (a thousand copies of one function once queued
// 24,000 solves of 24 inputs).
func TestBudgetedSolverWantsEachInputOnce(t *testing.T) {
	var m keepAliveMemo
	var wanted []keepalive.Input
	solve := m.budgetedSolver(0, &wanted)
	a := keepalive.Input{ArrivalRatePerSecond: 1, WarmServiceTimeMs: 100, ColdServiceTimeMs: 600, KeepAliveMinutes: 10}
	b := a
	b.ArrivalRatePerSecond = 2
	for range 1000 {
		if _, ok := solve(a); ok {
			t.Fatal("solved with no budget")
		}
		solve(b)
	}
	if len(wanted) != 2 || wanted[0] != a || wanted[1] != b {
		t.Errorf("wanted %d inputs: %v", len(wanted), wanted)
	}
}
