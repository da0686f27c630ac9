package forecast

import "math"

// Parameters of the recent-days forecast.
const (
	recentDaysCount = 7  // recent days pooled
	recentDayBins   = 24 // parts of a day whose ratios are pooled (hours)
	recentBinWindow = 3  // bins either side pooled into a bin's ratio
)

// forecastRecentDays forecasts each period from the same period on the
// last recentDaysCount days, each rescaled to the forecast day by how the two
// days compared around that time of day in the weeks before:
//
//	f_{d,h} = median_e ((y_{e,h} + 1) · L(d, e, h)) − 1
//	L(d, e, h) = median_{w≥1, h' within ±3 h of h} (y_{d−7w,h'} + 1) / (y_{e−7w,h'} + 1)
//
// Days are blocks of m periods counted back from the end of the history
// (day −1 is its last m periods, day 0 the first m forecast periods). Pooling
// several days lowers the noise of a single seasonal-naive value; the ratios
// carry the weekly pattern, a weekend's different shape and the trend, so a
// week and a day of history suffice.
func forecastRecentDays(y []float64, m, h int) []float64 {
	n := len(y)
	oldest := -(n / m) // the earliest whole day
	block := func(d int) []float64 { return y[n+d*m : n+(d+1)*m] }
	bins := min(recentDayBins, m)
	binOf := func(i int) int { return i * bins / m }
	// levels[d][e][bin], NaN until computed (d = 0…6, e = −1…−7).
	var levels [MaxDays][recentDaysCount][recentDayBins]float64
	for d := range levels {
		for e := range levels[d] {
			for b := range levels[d][e] {
				levels[d][e][b] = math.NaN()
			}
		}
	}
	ratios := make([]float64, 0, 64)
	level := func(d, e, bin int) float64 {
		if l := levels[d][-e-1][bin]; !math.IsNaN(l) {
			return l
		}
		ratios = ratios[:0]
		for w := 1; e-w*daysPerWeek >= oldest; w++ {
			a, b := block(d-w*daysPerWeek), block(e-w*daysPerWeek)
			for i := range a {
				if off := binOf(i) - bin; -recentBinWindow <= off && off <= recentBinWindow {
					ratios = append(ratios, (a[i]+1)/(b[i]+1))
				}
			}
		}
		l := median(ratios)
		levels[d][-e-1][bin] = l
		return l
	}
	f := make([]float64, h)
	values := make([]float64, 0, recentDaysCount)
	for k := range f {
		d, i := k/m, k%m
		values = values[:0]
		for e := -1; e >= max(oldest, -recentDaysCount) && e-daysPerWeek >= oldest; e-- {
			values = append(values, (block(e)[i]+1)*level(d, e, binOf(i))-1)
		}
		f[k] = median(values)
	}
	return f
}
