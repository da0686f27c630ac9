package app

import (
	"math"
	"strconv"
	"testing"

	"planner/model"
	"planner/model/simulate"
)

// A scenario with more simulated functions than the cache's bound gets all
// its days: the cache keeps those the evaluation uses.
func TestSimulatedDaysBeyondTheBoundAreKept(t *testing.T) {
	sc := model.DefaultScenario()
	base := sc.Functions[0]
	base.ColdStartMethod = model.ColdStartSimulated
	base.MonthlyInvocations = new(float64)
	*base.MonthlyInvocations = 30000 // small days: quick to simulate
	base.InvocationsPerSecond = nil
	sc.Functions = nil
	for i := range maxSimulationsKept + 6 {
		f := base
		f.Name = "fn" + strconv.Itoa(i)
		sc.Functions = append(sc.Functions, f)
	}
	s := &session{raw: map[string]string{}, keepAliveBudget: math.MaxInt64}
	s.load(sc)
	if len(s.wanted) != len(sc.Functions) {
		t.Fatalf("%d days wanted for %d functions", len(s.wanted), len(sc.Functions))
	}
	for _, in := range s.wanted {
		s.storeSimulation(in, simulate.Run(in))
	}
	s.refresh() // as the background does
	if s.pending() || len(s.wanted) != 0 {
		t.Errorf("after every day was simulated: pending %v, %d wanted again", s.pending(), len(s.wanted))
	}
}
