package forecast

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Injected spikes and drops are found with precision and recall ≥ 0.8.
func TestAnomaliesFindInjectedSpikesAndDrops(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	precision, recall := injectedPrecisionRecall(r, 40, func(i int) []float64 { return syntheticHourly(r, 3+r.IntN(4), i%2 == 0) })
	t.Logf("precision %.3f, recall %.3f", precision, recall)
	if precision < 0.8 || recall < 0.8 {
		t.Errorf("precision %.3f recall %.3f, want ≥ 0.8", precision, recall)
	}
}

// With three weeks only, where weekends also peak later in the day, an
// anomaly in one of a point's two other weeks does not make it read as one.
func TestAnomaliesInThreeWeeksWithLaterWeekendPeaks(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 9))
	precision, recall := injectedPrecisionRecall(r, 40, func(int) []float64 { return laterWeekendPeaks(r, 3) })
	t.Logf("precision %.3f, recall %.3f", precision, recall)
	if precision < 0.8 || recall < 0.8 {
		t.Errorf("precision %.3f recall %.3f, want ≥ 0.8", precision, recall)
	}
}

// laterWeekendPeaks is a series whose weekend days are lower and peak four
// hours later than weekdays, with 5–20% noise.
func laterWeekendPeaks(r *rand.Rand, weeks int) []float64 {
	base, weekend, peak, noise := 50+r.Float64()*200, 0.4+r.Float64()*0.5, 8+r.IntN(8), 0.05+r.Float64()*0.15
	y := make([]float64, weeks*7*24)
	for t := range y {
		hour, day, level, pk := t%24, (t/24)%7, 1.0, peak
		if day >= 5 {
			level, pk = weekend, peak+4
		}
		daily := 0.3 + math.Exp(-math.Pow(float64(hour-pk), 2)/18) + 0.5*math.Exp(-math.Pow(float64(hour-pk-7), 2)/8)
		y[t] = max(0, math.Round(base*daily*level*(1+noise*r.NormFloat64())))
	}
	return y
}

// injectedPrecisionRecall injects up to six spikes (×2.5–3.5) and drops
// (×0.1–0.3) into each of n series and scores what DetectAnomalies finds.
func injectedPrecisionRecall(r *rand.Rand, n int, series func(i int) []float64) (precision, recall float64) {
	var tp, fp, fn int
	for i := range n {
		y := series(i)
		injected := map[int]string{}
		for range 6 {
			i := 24 + r.IntN(len(y)-48)
			if y[i] < 20 {
				continue
			}
			if r.IntN(2) == 0 {
				y[i] *= 2.5 + r.Float64()
				injected[i] = "spike"
			} else {
				y[i] *= 0.1 + 0.2*r.Float64()
				injected[i] = "drop"
			}
		}
		found := map[int]string{}
		for _, a := range DetectAnomalies(y, 24).Anomalies {
			found[a.Index] = a.Kind
		}
		for i, kind := range injected {
			if found[i] == kind {
				tp++
			} else {
				fn++
			}
		}
		for i := range found {
			if _, ok := injected[i]; !ok {
				fp++
			}
		}
	}
	return float64(tp) / float64(tp+fp), float64(tp) / float64(tp+fn)
}

func TestAnomaliesLevelShiftAndDailyIncrease(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 3))
	y := syntheticHourly(r, 4, false)
	for i := 24 * 20; i < 24*21; i++ {
		y[i] *= 3
	}
	a := DetectAnomalies(y, 24)
	shift := false
	for _, x := range a.Anomalies {
		if x.Kind == "level_shift" && x.Index >= 24*20 && x.Index < 24*21 {
			shift = true
		}
	}
	if !shift {
		t.Errorf("no level shift found: %+v", a.Anomalies)
	}
	increase := false
	for _, d := range a.DailyIncreases {
		if d.Day == 20 {
			increase = true
		}
	}
	if !increase {
		t.Errorf("day 20 tripled without a daily increase: %+v", a.DailyIncreases)
	}
}
