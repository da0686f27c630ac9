package model

import (
	"math/rand/v2"
	"testing"
)

// Injected spikes and drops are found with precision and recall ≥ 0.8.
func TestAnomaliesFindInjectedSpikesAndDrops(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	var tp, fp, fn int
	for i := range 40 {
		y := syntheticHourly(r, 3+r.IntN(4), i%2 == 0)
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
	precision, recall := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("precision %.3f, recall %.3f (%d found, %d false, %d missed)", precision, recall, tp, fp, fn)
	if precision < 0.8 || recall < 0.8 {
		t.Errorf("precision %.3f recall %.3f, want ≥ 0.8", precision, recall)
	}
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
