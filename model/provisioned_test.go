package model

import (
	"math"
	"slices"
	"strings"
	"testing"

	"planner/model/targets"
)

// A schedule of k in every hour is the constant k: the same cold starts,
// bill and scorecard.
func TestProvisionedByHourOfOneLevelIsTheConstant(t *testing.T) {
	constant := DefaultScenario()
	constant.Functions[1].ProvisionedConcurrency = 3
	byHour := DefaultScenario()
	byHour.Functions[1].ProvisionedByHour = slices.Repeat([]int{3}, 24)
	a, b := mustEvaluate(t, &constant), mustEvaluate(t, &byHour)
	fa, fb := a.Functions[1], b.Functions[1]
	if fa.ColdStartRate.Rate != fb.ColdStartRate.Rate || fa.CostBreakdown != fb.CostBreakdown || a.TotalSummary != b.TotalSummary {
		t.Errorf("constant: %+v %+v\nby hour: %+v %+v", fa.ColdStartRate, fa.CostBreakdown, fb.ColdStartRate, fb.CostBreakdown)
	}
	if !slices.EqualFunc(fa.Scorecard.Scores, fb.Scorecard.Scores, func(x, y targets.Score) bool { return x.Value == y.Value }) {
		t.Errorf("scorecards differ: %+v / %+v", fa.Scorecard.Scores, fb.Scorecard.Scores)
	}
}

// Provisioned instances in half the hours cost half the capacity; the
// keep-alive model keeps them warm in those hours only.
func TestProvisionedByHourIsBilledAndModelledHourByHour(t *testing.T) {
	s := DefaultScenario()
	f := &s.Functions[0]
	f.ProvisionedByHour = make([]int, 24)
	for h := 8; h < 20; h++ {
		f.ProvisionedByHour[h] = 4
	}
	all := DefaultScenario()
	all.Functions[0].ProvisionedConcurrency = 4
	none := DefaultScenario()
	r, rAll, rNone := mustEvaluate(t, &s), mustEvaluate(t, &all), mustEvaluate(t, &none)
	capacity := func(r *Report) float64 {
		c := r.Functions[0].CostBreakdown
		return c.ProvisionedCost
	}
	if r.Functions[0].PerformanceCharacteristics.ProvisionedConcurrency != 2 || capacity(r) <= 0 || capacity(r) >= capacity(rAll) {
		t.Errorf("mean %g, provisioned cost $%.2f (all day $%.2f)", r.Functions[0].PerformanceCharacteristics.ProvisionedConcurrency, capacity(r), capacity(rAll))
	}
	p := r.Functions[0].ColdStartRate.Rate
	if !(p > rAll.Functions[0].ColdStartRate.Rate && p < rNone.Functions[0].ColdStartRate.Rate) {
		t.Errorf("P(cold) by hour %g, not between all day %g and none %g", p, rAll.Functions[0].ColdStartRate.Rate, rNone.Functions[0].ColdStartRate.Rate)
	}
	// The day's P(cold) is the request-weighted mean of the hours' own.
	want, requests := 0.0, 0.0
	for h, n := range r.Functions[0].Traffic.RequestsPerHour {
		one := s
		one.Functions = []Function{s.Functions[0]}
		g := &one.Functions[0]
		g.ProvisionedByHour, g.ProvisionedConcurrency = nil, f.ProvisionedByHour[h]
		day, _ := DayKeepAlive(nil, g, &FunctionReport{Traffic: TrafficReport{RequestsPerHour: []float64{n}}})
		want += n * day.ColdStartProbability
		requests += n
	}
	if math.Abs(p-want/requests) > 1e-12 {
		t.Errorf("P(cold) %g, hours' weighted mean %g", p, want/requests)
	}
}

// A schedule is 24 values or none, never beside a constant, never above
// the reservation; each problem names its field.
func TestProvisionedByHourProblems(t *testing.T) {
	for _, c := range []struct {
		set  func(f *Function)
		want string
	}{
		{func(f *Function) { f.ProvisionedByHour = []int{1, 2, 3} }, "functions[0].provisioned_concurrency_by_hour: needs 24 values"},
		{func(f *Function) { f.ProvisionedByHour = make([]int, 24); f.ProvisionedConcurrency = 2 }, "functions[0].provisioned_concurrency_by_hour: is given beside provisioned_concurrency"},
		{func(f *Function) { f.ProvisionedByHour = make([]int, 24); f.ProvisionedByHour[5] = 99 }, "functions[0].provisioned_concurrency_by_hour[5]: must not exceed reserved_concurrency"},
		{func(f *Function) { f.ProvisionedByHour = make([]int, 24); f.ProvisionedByHour[3] = -1 }, "functions[0].provisioned_concurrency_by_hour[3]"},
	} {
		s := DefaultScenario()
		c.set(&s.Functions[0])
		probs := Validate(&s)
		if !strings.Contains(probs.Error(), c.want) {
			t.Errorf("problems %q, want %q", probs.Error(), c.want)
		}
	}
}

// twoLevelAPI is a latency-sensitive API busy for 12 hours a day and at a
// fiftieth of that the other 12: a tight cold-start target needs
// provisioned instances, more of them by day.
func twoLevelAPI() Scenario {
	s := rareAPI()
	f := &s.Functions[0]
	f.InvocationsPerSecond = ptr(0.05)
	f.ColdStartDurationMs = 800
	f.TrafficProfile = slices.Concat(slices.Repeat([]float64{0.02}, 7), slices.Repeat([]float64{1}, 12), slices.Repeat([]float64{0.02}, 5))
	f.Targets.ColdStartRate = ptr(0.001)
	return s
}

// Goal seek schedules provisioned concurrency by hour where that meets the
// targets for less than any constant level, and no schedule of a brute
// force (every size from 128 to 1,024 MB, 0-3 instances by day and 0-3 by
// night) that meets them costs less.
func TestTuneSchedulesProvisionedConcurrencyByHour(t *testing.T) {
	s := twoLevelAPI()
	tuned, tuning, probs := Tune(&s, Sources{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	after := mustEvaluate(t, tuned)
	f := tuned.Functions[0]
	if !after.Functions[0].Scorecard.Met || len(f.ProvisionedByHour) != 24 || f.ProvisionedConcurrency != 0 {
		t.Fatalf("tuned %+v\n%+v", tuning.Functions[0], after.Functions[0].Scorecard)
	}
	if !strings.Contains(tuning.Functions[0].After.String(), "provisioned by hour") {
		t.Errorf("configuration %q", tuning.Functions[0].After)
	}
	constant, mb, pc := bruteForce(t, s, 0)
	cost := after.TotalSummary.TotalMonthlyCost
	if cost >= constant {
		t.Errorf("by hour $%.4f, not below the best constant level $%.4f (%d MB, %d provisioned)", cost, constant, mb, pc)
	}
	f0 := s.Functions[0]
	for mb := 256; mb <= 1024; mb += 64 {
		for day := 0; day <= 3; day++ {
			for night := 0; night <= 3; night++ {
				c := s
				c.Functions = []Function{f0}
				g := &c.Functions[0]
				ratio := estimatedMs(f0.AvgExecutionTimeMs, f0.AllocatedMemoryMb, mb) / f0.AvgExecutionTimeMs
				g.AllocatedMemoryMb = mb
				g.AvgExecutionTimeMs, g.P95ExecutionTimeMs, g.P99ExecutionTimeMs = f0.AvgExecutionTimeMs*ratio, f0.P95ExecutionTimeMs*ratio, f0.P99ExecutionTimeMs*ratio
				g.ProvisionedByHour = make([]int, 24)
				for h, w := range f0.TrafficProfile {
					g.ProvisionedByHour[h] = night
					if w == 1 {
						g.ProvisionedByHour[h] = day
					}
				}
				r := mustEvaluate(t, &c)
				if r.Functions[0].Scorecard.Met && r.TotalSummary.TotalMonthlyCost < cost-1e-9 {
					t.Errorf("%d MB with %d by day and %d by night meets the targets for $%.4f; tuned $%.4f (%s)",
						mb, day, night, r.TotalSummary.TotalMonthlyCost, cost, tuning.Functions[0].After)
				}
			}
		}
	}
}

// Flat traffic is not scheduled: the same level every hour is the constant.
func TestTuneKeepsFlatTrafficConstant(t *testing.T) {
	s := rareAPI()
	tuned, _, probs := Tune(&s, Sources{})
	if len(probs) > 0 || len(tuned.Functions[0].ProvisionedByHour) != 0 || tuned.Functions[0].ProvisionedConcurrency == 0 {
		t.Errorf("%v %+v", probs, tuned.Functions[0])
	}
}

// A busy API whose cold-start target needs dozens of provisioned instances
// gets them by hour, following its traffic, for less than the least
// constant level that meets the target at the same size. (One instance
// below the busy count changes no hour's cold starts, so a search adding
// single instances stalls at none.)
func TestTuneSchedulesABusyAPI(t *testing.T) {
	s := twoLevelAPI()
	f := &s.Functions[0]
	f.InvocationsPerSecond = ptr(20.0)
	f.TrafficProfile = []float64{0.02, 0.02, 0.02, 0.02, 0.02, 0.05, 0.2, 0.6, 1, 1.2, 1.3, 1.3, 1.4, 1.3, 1.2, 1.2, 1.1, 1, 0.8, 0.5, 0.3, 0.15, 0.08, 0.04}
	f.AvgExecutionTimeMs, f.P95ExecutionTimeMs, f.P99ExecutionTimeMs, f.AllocatedMemoryMb = 350, 700, 1000, 1024
	f.ColdStartDurationMs, f.Targets.ColdStartRate = 2000, ptr(0.000002)
	tuned, _, probs := Tune(&s, Sources{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	after := mustEvaluate(t, tuned)
	g := tuned.Functions[0]
	if !after.Functions[0].Scorecard.Met || len(g.ProvisionedByHour) != 24 || g.ProvisionedAt(12) <= g.ProvisionedAt(3) {
		t.Fatalf("tuned %v, met %v", g.ProvisionedByHour, after.Functions[0].Scorecard.Met)
	}
	constant := func(k int) *Report {
		c := *tuned
		c.Functions = []Function{g}
		c.Functions[0].ProvisionedByHour, c.Functions[0].ProvisionedConcurrency = nil, k
		return mustEvaluate(t, &c)
	}
	lo, hi := 0, g.ProvisionedPeak()*2 // the least constant level that meets the targets is in (lo, hi]
	if !constant(hi).Functions[0].Scorecard.Met {
		t.Fatalf("%d instances all day miss the targets", hi)
	}
	for hi-lo > 1 {
		if mid := (lo + hi) / 2; constant(mid).Functions[0].Scorecard.Met {
			hi = mid
		} else {
			lo = mid
		}
	}
	if cost := constant(hi).TotalSummary.TotalMonthlyCost; after.TotalSummary.TotalMonthlyCost >= cost {
		t.Errorf("by hour $%.2f, %d all day $%.2f", after.TotalSummary.TotalMonthlyCost, hi, cost)
	}
}
