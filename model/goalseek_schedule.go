package model

import (
	"slices"

	"planner/model/keepalive"
)

// scheduledSizes is how many of the cheapest sizes that need provisioned
// concurrency are also searched with it by hour of the day.
const scheduledSizes = 3

// hourGroup is the hours of a day with one request count: they get the
// same provisioned instances (equal traffic, equal treatment).
type hourGroup struct {
	hours    []int
	requests float64 // per hour
}

// searchSchedule looks for provisioned concurrency by hour of the day that
// meets every target of constant (a candidate that meets them with a
// constant level) for less. Hours of equal traffic are one group. From no
// provisioned instances, it adds one instance to every hour of the group
// whose cold starts it cuts most per instance-hour,
//
//	gain_g = requests_g/hour × (P_g(cold | k_g) − P_g(cold | k_g + 1)),
//
// until the targets are met (the targets provisioned concurrency moves fall
// with the day's cold-start rate, Σ_g |g| requests_g P_g / Σ requests), then
// takes an instance back from each group while they stay met. Nil where the
// traffic is the same every hour, the rate is given rather than modelled, or
// no schedule does better than the constant level.
func (g *seeker) searchSchedule(i int, constant *candidate) *candidate {
	f := constant.fn
	if f.RateGiven() {
		return nil
	}
	groups := hourGroups(g.reports[i].Traffic.RequestsPerHour)
	if len(groups) < 2 {
		return nil
	}
	coldIn := func(gr hourGroup, k int) float64 {
		r, _ := g.src.KeepAlive(keepalive.Input{ArrivalRatePerSecond: gr.requests / 3600, WarmServiceTimeMs: f.AvgExecutionTimeMs,
			ColdServiceTimeMs: f.ColdServiceTimeMs(), KeepAliveMinutes: f.KeepAliveMinutes, ProvisionedConcurrency: float64(k)})
		return r.ColdStartProbability
	}
	levels := make([]int, len(groups))
	try := func() *candidate {
		f.ProvisionedConcurrency, f.ProvisionedByHour = 0, scheduleOf(groups, levels)
		return g.score(i, &f)
	}
	limit := 2 * constant.cfg.ProvisionedConcurrency
	c := try()
	for c.missed > 0 {
		if !pcMoves(c.scores) {
			return nil
		}
		best, gain := -1, 0.0
		for k, gr := range groups {
			if levels[k] >= limit {
				continue
			}
			if d := gr.requests * (coldIn(gr, levels[k]) - coldIn(gr, levels[k]+1)); d > gain {
				best, gain = k, d
			}
		}
		if best < 0 {
			return nil
		}
		levels[best]++
		c = try()
	}
	for k := range groups {
		for levels[k] > 0 {
			levels[k]--
			if fewer := try(); fewer.missed == 0 && fewer.cost < c.cost {
				c = fewer
				continue
			}
			levels[k]++
			break
		}
	}
	if slices.Min(levels) == slices.Max(levels) || !c.better(constant, Configuration{}) {
		return nil
	}
	return c
}

// hourGroups groups the hours of a day by their requests, busiest first.
func hourGroups(requestsPerHour []float64) []hourGroup {
	var out []hourGroup
	for h, r := range requestsPerHour {
		if k := slices.IndexFunc(out, func(gr hourGroup) bool { return gr.requests == r }); k >= 0 {
			out[k].hours = append(out[k].hours, h)
			continue
		}
		out = append(out, hourGroup{hours: []int{h}, requests: r})
	}
	slices.SortStableFunc(out, func(a, b hourGroup) int {
		switch {
		case a.requests > b.requests:
			return -1
		case a.requests < b.requests:
			return 1
		}
		return 0
	})
	return out
}

// scheduleOf is a day's provisioned instances by hour: each group's level
// in its hours.
func scheduleOf(groups []hourGroup, levels []int) []int {
	out := make([]int, hoursPerDay)
	for k, gr := range groups {
		for _, h := range gr.hours {
			out[h] = levels[k]
		}
	}
	return out
}
