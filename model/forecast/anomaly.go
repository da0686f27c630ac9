package forecast

import (
	"fmt"
	"math"
	"sort"

	"planner/model/num"
)

// Anomaly is a point of a series that its pattern does not explain.
type Anomaly struct {
	Index int `json:"index"`
	// Kind is "spike", "drop" or "level_shift".
	Kind string `json:"kind"`
	// Score is the robust z-score of the point (see DetectAnomalies).
	Score       float64 `json:"score"`
	Expected    float64 `json:"expected"`
	Actual      float64 `json:"actual"`
	Explanation string  `json:"explanation"`
}

// Anomalies is the result of the anomaly detection.
type Anomalies struct {
	Anomalies []Anomaly `json:"anomalies"`
	// DailyIncreases are the days whose total rose more than 50% over the
	// day before: the spec's LambdaCostAnomaly alert, applied to the series.
	DailyIncreases []DailyIncrease `json:"daily_increases"`
}

// DailyIncrease is one day that rose more than the alert allows.
type DailyIncrease struct {
	Day int `json:"day"`
	// Increase is the day's total over the day before's.
	Increase float64 `json:"increase"`
}

// Parameters of the anomaly detection.
const (
	anomalyScore      = 4.5 // |robust z| above this is a spike or a drop
	levelShiftScore   = 2.5 // a run of same-signed scores above this …
	anomalyNeighbours = 6   // same periods of other weeks (days) compared
	madToSigma        = 1.4826
)

// DailyIncreaseMax is the most a day may rise over the day before (×1.5:
// the spec's 50% daily cost alert).
const DailyIncreaseMax = 1.5

// DetectAnomalies scores each point against what its pattern expects: the
// median of the same period in the nearest other weeks together with one
// more vote, the same period on the nearest days rescaled to the point's day
// (expectFromNearbyDays; alone with under two weeks of data) — local, so a
// trend does not read as an anomaly, and medians, so the anomalies do not
// hide each other. Residuals are scaled by
// the MAD of the relative residuals of their period of the day, as noise
// grows with the count:
//
//	score_t = (y_t − expected_t) / (1.4826 · MAD_rel,hour(t) · max(expected_t, 1) + 1)
//
// |score| > 4.5 is a spike or a drop; a run of half a day or more of
// same-signed scores above 2.5 is one level shift.
func DetectAnomalies(y []float64, m int) Anomalies {
	m = max(m, 1)
	n := len(y)
	expected := make([]float64, n)
	expectFromNearbyDays(y, m, expected)
	if n >= 2*daysPerWeek*m {
		expectFromOtherWeeks(y, daysPerWeek*m, expected)
	}
	relative := func(t int) float64 { return (y[t] - expected[t]) / max(expected[t], 1) }
	logRatio := func(t int) float64 { return math.Log((y[t] + 1) / (expected[t] + 1)) }
	relMAD, logMAD := hourlyMAD(n, m, relative), hourlyMAD(n, m, logRatio)
	score := make([]float64, n)
	for t := range y {
		// Spikes stand out in counts, drops in ratios: the larger score wins.
		linear := (y[t] - expected[t]) / (madToSigma*relMAD[t%m]*max(expected[t], 1) + 1)
		ratio := logRatio(t) / (madToSigma*logMAD[t%m] + 0.05)
		score[t] = linear
		if math.Abs(ratio) > math.Abs(linear) {
			score[t] = ratio
		}
	}

	out := Anomalies{Anomalies: []Anomaly{}, DailyIncreases: []DailyIncrease{}}
	minRun := max(2, m/2)
	for t := 0; t < n; {
		run := t
		for run < n && math.Abs(score[run]) > levelShiftScore && math.Signbit(score[run]) == math.Signbit(score[t]) {
			run++
		}
		if run-t >= minRun {
			direction := "above"
			if score[t] < 0 {
				direction = "below"
			}
			out.Anomalies = append(out.Anomalies, Anomaly{Index: t, Kind: "level_shift", Score: score[t], Expected: expected[t], Actual: y[t],
				Explanation: fmt.Sprintf("%d periods in a row %s their usual level from here", run-t, direction)})
			t = run
			continue
		}
		if s := score[t]; math.Abs(s) > anomalyScore {
			kind, word := "spike", "above"
			if s < 0 {
				kind, word = "drop", "below"
			}
			out.Anomalies = append(out.Anomalies, Anomaly{Index: t, Kind: kind, Score: s, Expected: expected[t], Actual: y[t],
				Explanation: fmt.Sprintf("%.0f where %.0f was expected: %.1f robust deviations %s the usual for this period", y[t], expected[t], math.Abs(s), word)})
		}
		t++
	}
	for d := 1; (d+1)*m <= n; d++ {
		today, yesterday := num.Sum(y[d*m:(d+1)*m]), num.Sum(y[(d-1)*m:d*m])
		if yesterday > 0 && today/yesterday > DailyIncreaseMax {
			out.DailyIncreases = append(out.DailyIncreases, DailyIncrease{Day: d, Increase: today / yesterday})
		}
	}
	return out
}

// expectFromOtherWeeks sets expected[t] to the median of y at the same
// period of the nearest anomalyNeighbours other weeks and of the nearby-days
// estimate already in expected[t]: with two other weeks only, that third
// vote outvotes an anomaly in either.
func expectFromOtherWeeks(y []float64, week int, expected []float64) {
	n := len(y)
	buf := make([]float64, 0, anomalyNeighbours+1)
	for t := range y {
		buf = append(buf[:0], expected[t])
		for d := 1; len(buf) <= anomalyNeighbours && (t-d*week >= 0 || t+d*week < n); d++ {
			if t-d*week >= 0 {
				buf = append(buf, y[t-d*week])
			}
			if t+d*week < n && len(buf) <= anomalyNeighbours {
				buf = append(buf, y[t+d*week])
			}
		}
		expected[t] = median(buf)
	}
}

// expectFromNearbyDays sets expected[t] to the median, over the nearest
// anomalyNeighbours other days e, of y at the same period of day e scaled by
// how t's day d compares with e in the other weeks:
//
//	expected_t = median_e ((y_{e,h} + 1) · L(d, e)) − 1
//	L(d, e)    = median_{w≠0} median_{h'} (y_{d+7w,h'} + 1) / (y_{e+7w,h'} + 1)
//
// (1 without another week). A weekend next to a weekday is scaled as it
// was in the other weeks, while an anomaly on day d itself, even a whole
// day's level shift, stays visible.
func expectFromNearbyDays(y []float64, m int, expected []float64) {
	n := len(y)
	days := (n + m - 1) / m
	ratios := make([]float64, 0, max(m, days))
	dayRatio := func(d, e int) float64 {
		ratios = ratios[:0]
		for h := 0; h < m && e*m+h < n && d*m+h < n; h++ {
			ratios = append(ratios, (y[d*m+h]+1)/(y[e*m+h]+1))
		}
		return median(ratios)
	}
	levels := make(map[[2]int]float64, 2*anomalyNeighbours*days)
	level := func(d, e int) float64 {
		key := [2]int{d, e}
		if l, ok := levels[key]; ok {
			return l
		}
		var weeks []float64
		for w := -days / daysPerWeek; w <= days/daysPerWeek; w++ {
			dw, ew := d+w*daysPerWeek, e+w*daysPerWeek
			if w != 0 && dw >= 0 && ew >= 0 && dw < days && ew < days {
				weeks = append(weeks, dayRatio(dw, ew))
			}
		}
		l := 1.0
		if len(weeks) > 0 {
			l = median(weeks)
		}
		levels[key] = l
		return l
	}
	buf := make([]float64, 0, anomalyNeighbours)
	for t := range y {
		d, h := t/m, t%m
		buf = buf[:0]
		for k := 1; len(buf) < anomalyNeighbours && (d-k >= 0 || d+k < days); k++ {
			for _, e := range [2]int{d - k, d + k} {
				if e >= 0 && e*m+h < n && len(buf) < anomalyNeighbours {
					buf = append(buf, max(0, (y[e*m+h]+1)*level(d, e)-1))
				}
			}
		}
		expected[t] = median(buf)
	}
}

// hourlyMAD is, for each period of the day, the median absolute deviation
// of r over that period's points.
func hourlyMAD(n, m int, r func(int) float64) []float64 {
	mad := make([]float64, m)
	group := make([]float64, 0, n/m+1)
	for h := 0; h < m; h++ {
		group = group[:0]
		for t := h; t < n; t += m {
			group = append(group, r(t))
		}
		med := median(group)
		for i := range group {
			group[i] = math.Abs(group[i] - med)
		}
		mad[h] = median(group)
	}
	return mad
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
