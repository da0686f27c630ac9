package forecast

import (
	"math"
	"math/rand/v2"

	"planner/model/num"
)

// hoursPerDay is the length of a day of hourly counts.
const hoursPerDay = 24

// SyntheticHistory is weeks of hourly counts shaped like a day profile
// (relative weights, hour 0 first) for monthly invocations: weekends at
// weekendShare of a weekday, multiplicative noise of the given spread,
// seeded. It gives the forecast view something to show before real data.
func SyntheticHistory(profile []float64, monthly, weekendShare, noise float64, weeks int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, seed^0x5851f42d4c957f2d))
	daily := monthly / 30
	weights := num.Sum(profile)
	out := make([]float64, weeks*daysPerWeek*hoursPerDay)
	for t := range out {
		hour, day := t%hoursPerDay, (t/hoursPerDay)%daysPerWeek
		mean := daily * num.Ratio(profile[hour%len(profile)], weights)
		if day >= 5 {
			mean *= weekendShare
		}
		out[t] = max(0, math.Round(mean*(1+noise*r.NormFloat64())))
	}
	return out
}
