package forecast

import (
	"math"
	"sort"

	"planner/model/num"
)

// Input is a series to forecast: counts per period (hour or minute).
type Input struct {
	History []float64 `json:"history"`
	// SeasonLength is the periods of a day (24 for hourly counts); the
	// weekly season is seven of them.
	SeasonLength int `json:"season_length"`
	Horizon      int `json:"horizon"`
	// Method is "auto" or one of Methods.
	Method string `json:"method"`
}

// Forecast is a forecast with its prediction interval and backtest.
type Forecast struct {
	Forecast []float64 `json:"forecast"`
	Lower    []float64 `json:"lower"`
	Upper    []float64 `json:"upper"`
	Method   string    `json:"method"`
	Backtest Backtest  `json:"backtest"`
	// Candidates are the methods the automatic choice compared, by backtest
	// MAE (the lowest won).
	Candidates []Candidate `json:"candidates,omitempty"`
}

// Backtest measures a method on rolling origins of the history.
type Backtest struct {
	MAE   float64 `json:"mae"`
	SMAPE float64 `json:"smape"`
	// MASE scales the MAE by the in-sample MAE of the daily seasonal naive.
	MASE float64 `json:"mase"`
	// MAPE is only defined when no actual value is zero.
	MAPE *float64 `json:"mape,omitempty"`
}

// Candidate is one method of the automatic choice.
type Candidate struct {
	Method string  `json:"method"`
	MAE    float64 `json:"mae"`
}

// The forecasting methods.
const (
	SeasonalNaive       = "seasonal_naive"        // same period yesterday
	SeasonalNaiveWeekly = "seasonal_naive_weekly" // same period last week
	WeeklyMean          = "weekly_mean"           // mean of the same period over the last weeks
	RecentDays          = "recent_days"           // the last days' same period, rescaled by the weekly pattern
	HoltWintersDaily    = "holt_winters"          // additive, damped trend, daily season
	HoltWintersWeekly   = "holt_winters_weekly"   // additive, damped trend, weekly season
	HoltWintersMult     = "holt_winters_multiplicative"
)

// Methods lists the methods in the order the automatic choice tries.
func Methods() []string {
	return []string{SeasonalNaive, SeasonalNaiveWeekly, WeeklyMean, RecentDays, HoltWintersDaily, HoltWintersWeekly, HoltWintersMult}
}

// BacktestOrigins is how many rolling origins a backtest uses (fewer in
// short histories): a history needs at least season + BacktestOrigins ×
// horizon periods.
const BacktestOrigins = 3

// MaxDays is the longest horizon, in seasons (days of hours).
const MaxDays = 7

// Parameters of the forecasting.
const (
	weeklyMeanWeeks   = 4    // weeks averaged by the weekly mean
	intervalZ         = 1.96 // 95% prediction interval
	daysPerWeek       = 7
	holtWintersSweeps = 200 // Nelder–Mead iterations
)

// Make forecasts the series: the chosen method, or for "auto" the
// method with the lowest MAE over rolling-origin backtests (the last
// horizons of the history), refitted on the whole history. The interval is
// ±1.96 × the backtest errors' standard deviation at each step ahead,
// floored at zero for counts. Methods that need more history (two weeks for
// weekly ones) or positive data (multiplicative) are skipped.
func Make(in Input) Forecast {
	m := max(in.SeasonLength, 1)
	h := max(in.Horizon, 1)
	methods := Methods()
	if in.Method != "" && in.Method != "auto" {
		methods = []string{in.Method}
	}
	best := Forecast{Method: SeasonalNaive}
	bestMAE := math.Inf(1)
	var candidates []Candidate
	var bestErrors [][]float64
	origins := backtestOriginsFor(len(in.History), m, h)
	for _, method := range methods {
		if !forecastable(method, in.History, m, h, origins) {
			continue
		}
		bt, errs := backtest(method, in.History, m, h, origins)
		candidates = append(candidates, Candidate{method, bt.MAE})
		if bt.MAE < bestMAE {
			bestMAE, best.Method, best.Backtest, bestErrors = bt.MAE, method, bt, errs
		}
	}
	best.Forecast = forecastWith(best.Method, in.History, m, h)
	best.Lower, best.Upper = make([]float64, h), make([]float64, h)
	for k := range best.Forecast {
		sd := stepStdDev(bestErrors, k)
		best.Lower[k] = max(0, best.Forecast[k]-intervalZ*sd)
		best.Upper[k] = best.Forecast[k] + intervalZ*sd
	}
	if len(methods) > 1 {
		sort.Slice(candidates, func(i, j int) bool { return candidates[i].MAE < candidates[j].MAE })
		best.Candidates = candidates
	}
	return best
}

// backtestOriginsFor is how many rolling origins the backtests of a history
// of n periods use: three, or in a history too short for the weekly seasonal
// naive to be tested from three origins but long enough for one, as many as
// it can be tested from — one week and one horizon of history are enough to
// try the weekly pattern, and all methods are then compared on the same
// origins.
func backtestOriginsFor(n, m, h int) int {
	k := BacktestOrigins
	for k > 1 && n-k*h < daysPerWeek*m && n-h >= daysPerWeek*m {
		k--
	}
	return k
}

// Forecastable says whether a method can forecast h periods of the history
// y of season length m, backtested as Make backtests it.
func Forecastable(method string, y []float64, m, h int) bool {
	return forecastable(method, y, m, h, backtestOriginsFor(len(y), m, h))
}

// forecastable says whether a method can run on the history, backtested
// from the given number of origins.
func forecastable(method string, y []float64, m, h, origins int) bool {
	n := len(y) - origins*h
	switch method {
	case SeasonalNaive:
		return n >= m
	case SeasonalNaiveWeekly:
		return n >= daysPerWeek*m
	case WeeklyMean, HoltWintersWeekly:
		return n >= 2*daysPerWeek*m
	case RecentDays: // a day and the day a week before it
		return n >= (daysPerWeek+1)*m && h <= MaxDays*m
	case HoltWintersDaily:
		return n >= 3*m
	case HoltWintersMult:
		for _, v := range y {
			if v <= 0 {
				return false
			}
		}
		return n >= 3*m
	}
	return false
}

// backtest forecasts from the last origins and scores the forecasts.
func backtest(method string, y []float64, m, h, origins int) (Backtest, [][]float64) {
	var absErr, smape, pctErr float64
	var count int
	zero := false
	errs := make([][]float64, origins)
	for o := 0; o < origins; o++ {
		origin := len(y) - (origins-o)*h
		f := forecastWith(method, y[:origin], m, h)
		errs[o] = make([]float64, h)
		for k := 0; k < h; k++ {
			a := y[origin+k]
			e := a - f[k]
			errs[o][k] = e
			absErr += math.Abs(e)
			if d := math.Abs(a) + math.Abs(f[k]); d > 0 {
				smape += 2 * math.Abs(e) / d
			}
			if a == 0 {
				zero = true
			} else {
				pctErr += math.Abs(e / a)
			}
			count++
		}
	}
	bt := Backtest{MAE: absErr / float64(count), SMAPE: smape / float64(count) * 100}
	bt.MASE = num.Ratio(bt.MAE, naiveScale(y[:len(y)-origins*h], m))
	if !zero {
		mape := pctErr / float64(count) * 100
		bt.MAPE = &mape
	}
	return bt, errs
}

// naiveScale is the in-sample MAE of the seasonal naive: mean |y_t − y_{t−m}|.
func naiveScale(y []float64, m int) float64 {
	if len(y) <= m {
		return 0
	}
	s := 0.0
	for t := m; t < len(y); t++ {
		s += math.Abs(y[t] - y[t-m])
	}
	return s / float64(len(y)-m)
}

// stepStdDev is the standard deviation of the k-steps-ahead errors.
func stepStdDev(errs [][]float64, k int) float64 {
	var s, n float64
	for _, e := range errs {
		if k < len(e) {
			s += e[k] * e[k]
			n++
		}
	}
	// Neighbouring steps pool in when there are few origins.
	for _, e := range errs {
		for _, j := range []int{k - 1, k + 1} {
			if j >= 0 && j < len(e) {
				s += e[j] * e[j]
				n++
			}
		}
	}
	return math.Sqrt(num.Ratio(s, n))
}

// forecastWith runs one method.
func forecastWith(method string, y []float64, m, h int) []float64 {
	f := make([]float64, h)
	n := len(y)
	switch method {
	case SeasonalNaiveWeekly:
		w := daysPerWeek * m
		for k := range f {
			f[k] = y[n-w+k%w]
		}
	case WeeklyMean:
		w := daysPerWeek * m
		weeks := min(weeklyMeanWeeks, n/w)
		for k := range f {
			s := 0.0
			for j := 1; j <= weeks; j++ {
				s += y[n-j*w+k%w]
			}
			f[k] = s / float64(weeks)
		}
	case RecentDays:
		f = forecastRecentDays(y, m, h)
	case HoltWintersDaily:
		return holtWinters(y, m, h, false)
	case HoltWintersWeekly:
		return holtWinters(y, daysPerWeek*m, h, false)
	case HoltWintersMult:
		return holtWinters(y, m, h, true)
	default: // seasonal naive
		for k := range f {
			f[k] = y[n-m+k%m]
		}
	}
	for k := range f {
		f[k] = max(0, f[k])
	}
	return f
}
