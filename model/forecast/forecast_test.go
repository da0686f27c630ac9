package forecast

import (
	"math"
	"math/rand/v2"
	"testing"

	"planner/model/num"
)

// syntheticHourly is a series with daily and weekly seasonality, trend,
// noise and (optionally) zeros at night.
func syntheticHourly(r *rand.Rand, weeks int, nightZeros bool) []float64 {
	base := 50 + r.Float64()*200
	trend := (r.Float64() - 0.3) * base / (24 * 7 * 8)
	weekend := 0.4 + r.Float64()*0.5
	peak := 8 + r.IntN(8)
	noise := 0.05 + r.Float64()*0.15
	y := make([]float64, weeks*7*24)
	for t := range y {
		hour, day := t%24, (t/24)%7
		daily := 0.3 + math.Exp(-math.Pow(float64(hour-peak), 2)/18) + 0.5*math.Exp(-math.Pow(float64(hour-peak-7), 2)/8)
		if nightZeros && (hour < 5) {
			daily = 0
		}
		w := 1.0
		if day >= 5 {
			w = weekend
		}
		mean := (base + trend*float64(t)) * daily * w
		y[t] = max(0, math.Round(mean*(1+noise*r.NormFloat64())))
	}
	return y
}

func heldOutMASE(y []float64, method string, h int) float64 {
	train, test := y[:len(y)-h], y[len(y)-h:]
	f := Make(Input{History: train, SeasonLength: 24, Horizon: h, Method: method})
	mae := 0.0
	for k := range test {
		mae += math.Abs(test[k] - f.Forecast[k])
	}
	return mae / float64(h) / naiveScale(train, 24)
}

// On hourly series with daily and weekly seasonality the automatic forecast
// beats the daily seasonal naive: mean MASE ratio ≤ 0.8.
func TestAutoForecastBeatsSeasonalNaive(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var ratios float64
	n := 40
	for i := range n {
		y := syntheticHourly(r, 6, i%3 == 0)
		auto, naive := heldOutMASE(y, "auto", 48), heldOutMASE(y, SeasonalNaive, 48)
		ratios += auto / naive
	}
	mean := ratios / float64(n)
	t.Logf("mean MASE ratio auto / seasonal naive: %.3f", mean)
	if mean > 0.8 {
		t.Errorf("mean MASE ratio %.3f, want ≤ 0.8", mean)
	}
}

func TestForecastShapes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	y := syntheticHourly(r, 4, true)
	f := Make(Input{History: y, SeasonLength: 24, Horizon: 72, Method: "auto"})
	if len(f.Forecast) != 72 || len(f.Lower) != 72 || len(f.Upper) != 72 || f.Method == "" || len(f.Candidates) < 3 {
		t.Fatalf("%+v", f)
	}
	for k := range f.Forecast {
		if f.Lower[k] > f.Forecast[k] || f.Upper[k] < f.Forecast[k] || f.Lower[k] < 0 {
			t.Errorf("step %d: %v ≤ %v ≤ %v", k, f.Lower[k], f.Forecast[k], f.Upper[k])
		}
	}
	if f.Backtest.MAPE != nil {
		t.Error("MAPE reported for a series with zeros")
	}
	short := Make(Input{History: y[:100], SeasonLength: 24, Horizon: 24, Method: "auto"})
	if short.Method != SeasonalNaive && short.Method != HoltWintersDaily {
		t.Errorf("short history chose %s", short.Method)
	}
}

// From twelve days of a noise-free series with a trend, lower weekends that
// peak later, the recent-days forecast continues the pattern (within 10%: its
// ratios pool ±3 hours, which blurs the later peak) where the daily seasonal
// naive repeats the wrong day.
func TestRecentDaysCarriesTheWeeklyPattern(t *testing.T) {
	y := make([]float64, 14*24)
	for i := range y {
		hour, day, level, peak := i%24, (i/24)%7, 1.0, 12
		if day >= 5 {
			level, peak = 0.5, 15
		}
		y[i] = math.Round(200 * (1 + 0.002*float64(i)) * level * (0.3 + math.Exp(-math.Pow(float64(hour-peak), 2)/18)))
	}
	train, test := y[:12*24], y[12*24:]
	mae := func(f []float64) float64 {
		s := 0.0
		for k := range test {
			s += math.Abs(test[k] - f[k])
		}
		return s / float64(len(test))
	}
	recent := Make(Input{History: train, SeasonLength: 24, Horizon: 48, Method: RecentDays})
	naive := Make(Input{History: train, SeasonLength: 24, Horizon: 48, Method: SeasonalNaive})
	mean := num.Sum(test) / float64(len(test))
	t.Logf("MAE recent days %.2f, seasonal naive %.2f (mean %.0f)", mae(recent.Forecast), mae(naive.Forecast), mean)
	if mae(recent.Forecast) > 0.1*mean || mae(naive.Forecast) < 5*mae(recent.Forecast) {
		t.Errorf("recent days MAE %.2f, seasonal naive %.2f", mae(recent.Forecast), mae(naive.Forecast))
	}
}
