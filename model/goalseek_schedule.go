package model

import (
	"cmp"
	"math"
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
// constant level) for less. Hours of equal traffic are one group. The
// targets provisioned concurrency moves fall with the day's cold-start rate,
// Σ_g |g| requests_g P_g(cold | k_g) / Σ requests, so the search bounds
// each hour's own: for a bound θ every group takes the least level k_g with
// P_g(cold | k_g) ≤ θ (up to twice the constant level), and θ is the
// largest that meets the targets (bisection on a log scale); then each
// group gives back instances while the targets stay met and the bill
// falls. Nil where the traffic is the same every hour, the rate is given
// rather than modelled, or no schedule does better than the constant level.
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
	limit := 2 * constant.cfg.ProvisionedConcurrency
	levels := make([]int, len(groups))
	bound := func(theta float64) {
		for k, gr := range groups {
			lo, hi := -1, limit // P(cold | hi) ≤ θ or hi is the limit
			for hi-lo > 1 {
				if mid := (lo + hi) / 2; coldIn(gr, mid) <= theta {
					hi = mid
				} else {
					lo = mid
				}
			}
			levels[k] = hi
		}
	}
	try := func() *candidate {
		f.ProvisionedConcurrency, f.ProvisionedByHour = 0, scheduleOf(groups, levels)
		return g.score(i, &f)
	}
	most := 0.0
	for _, gr := range groups {
		most = max(most, coldIn(gr, 0))
	}
	var best *candidate
	var bestLevels []int
	lo, hi := math.Log(most*1e-6), math.Log(most) // log θ: lo tried first, hi fails (the constant needed instances)
	for step := 0; step < scheduleBisections && most > 0; step++ {
		theta := lo
		if best != nil {
			theta = (lo + hi) / 2
		}
		bound(math.Exp(theta))
		c := try()
		switch {
		case c.missed == 0:
			best, bestLevels, lo = c, slices.Clone(levels), theta
		case best == nil:
			return nil // the tightest bound misses: no schedule meets the targets
		default:
			hi = theta
		}
	}
	if best == nil {
		return nil
	}
	copy(levels, bestLevels)
	for k := range groups {
		for levels[k] > 0 {
			levels[k]--
			if fewer := try(); fewer.missed == 0 && fewer.cost < best.cost {
				best = fewer
				continue
			}
			levels[k]++
			break
		}
	}
	if slices.Min(levels) == slices.Max(levels) || !best.better(constant, Configuration{}) {
		return nil
	}
	return best
}

// scheduleBisections bounds the search for the bound on each hour's
// cold-start rate.
const scheduleBisections = 14

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
	slices.SortStableFunc(out, func(a, b hourGroup) int { return cmp.Compare(b.requests, a.requests) })
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
