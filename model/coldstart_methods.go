package model

import (
	"planner/model/keepalive"
	"planner/model/num"
)

// ColdStartMethods compares a function's cold starts by the planner's
// methods: the rate given (the spec's rule), the keep-alive model of its
// day, and, once run, a simulated day (seeded by the function's name, as
// the report's simulated method is); with the keep-alive model's curves of
// P(cold) against the request rate.
type ColdStartMethods struct {
	// Given is the cold_start_rate input (fraction).
	Given float64 `json:"given"`
	// Model is the keep-alive model over the function's day.
	Model keepalive.Day `json:"model"`
	// Simulated is a simulated day of the function, once run.
	Simulated *FunctionSimulation `json:"simulated,omitempty"`
	// Curves are P(cold) by request rate for several keep-alives.
	Curves ColdStartCurves `json:"curves"`
}

// ColdStartCurves are the keep-alive model's cold-start probability against
// the request rate, one curve per keep-alive, and the function's own point.
type ColdStartCurves struct {
	// RatesPerSecond are the request rates of every curve, ascending.
	RatesPerSecond []float64        `json:"rates_per_second"`
	Curves         []KeepAliveCurve `json:"curves"`
	// Function is the function at its mean rate (two significant digits,
	// 0 without requests) and its own keep-alive.
	Function ColdStartPoint `json:"function"`
}

// KeepAliveCurve is P(cold) at each of the curves' rates for one keep-alive.
type KeepAliveCurve struct {
	KeepAliveMinutes       float64   `json:"keep_alive_minutes"`
	ColdStartProbabilities []float64 `json:"cold_start_probabilities"`
}

// ColdStartPoint is one function on the curves.
type ColdStartPoint struct {
	Name                 string  `json:"name"`
	RatePerSecond        float64 `json:"rate_per_second"`
	KeepAliveMinutes     float64 `json:"keep_alive_minutes"`
	ColdStartProbability float64 `json:"cold_start_probability"`
}

// curveKeepAlivesMinutes are the keep-alives every set of curves compares;
// the function's own joins them.
func curveKeepAlivesMinutes() []float64 { return []float64{1, 5, 10, 30} }

// CompareColdStartMethods solves the keep-alive model of a function's day
// and its curves: for each keep-alive (1, 5, 10 and 30 minutes and the
// function's own), P(cold) at rates in steps of 1 and 3 per decade from
// 0.001/s up to at least 30/s and three times the function's peak hourly
// rate, its mean rate among them. Its warm and cold service times and
// provisioned instances are the function's. Solves come from solve; yield,
// when set, is called between solves (a browser yields to the page).
func CompareColdStartMethods(solve func(keepalive.Input) keepalive.Result, f *Function, fr *FunctionReport, yield func()) ColdStartMethods {
	ready := func(k keepalive.Input) (keepalive.Result, bool) { return solve(k), true }
	day, _ := DayKeepAlive(ready, f, fr)
	mean, peak := fr.Traffic.RequestsPerDay()/86400, 0.0
	for _, r := range fr.Traffic.RequestsPerHour {
		peak = max(peak, r/3600)
	}
	c := ColdStartCurves{
		RatesPerSecond: curveRates(mean, peak),
		Function:       ColdStartPoint{Name: f.Name, RatePerSecond: num.RoundSignificant(mean, 2), KeepAliveMinutes: f.KeepAliveMinutes},
	}
	for _, k := range withValue(curveKeepAlivesMinutes(), f.KeepAliveMinutes) {
		curve := KeepAliveCurve{KeepAliveMinutes: k, ColdStartProbabilities: make([]float64, len(c.RatesPerSecond))}
		for i, rate := range c.RatesPerSecond {
			r := solve(keepalive.Input{ArrivalRatePerSecond: rate, WarmServiceTimeMs: f.AvgExecutionTimeMs,
				ColdServiceTimeMs: f.ColdServiceTimeMs(), KeepAliveMinutes: k, ProvisionedConcurrency: f.ProvisionedMean()})
			curve.ColdStartProbabilities[i] = r.ColdStartProbability
			if k == c.Function.KeepAliveMinutes && rate == c.Function.RatePerSecond {
				c.Function.ColdStartProbability = r.ColdStartProbability
			}
			if yield != nil {
				yield()
			}
		}
		c.Curves = append(c.Curves, curve)
	}
	return ColdStartMethods{Given: f.ColdStartRate, Model: day, Curves: c}
}

// curveRates returns the request rates of the curves, per second: steps of
// 1 and 3 per decade from 0.001 up to at least 30 and three times the peak
// rate, and the mean rate (two significant digits) among them.
func curveRates(mean, peak float64) []float64 {
	var rates []float64
	top := max(30, 3*peak)
	for decade := 0.001; ; decade *= 10 {
		rates = append(rates, num.RoundSignificant(decade, 1))
		if decade >= top {
			break
		}
		rates = append(rates, num.RoundSignificant(3*decade, 1))
		if 3*decade >= top {
			break
		}
	}
	if mean <= 0 {
		return rates
	}
	return withValue(rates, num.RoundSignificant(mean, 2))
}

// withValue returns the ascending values with v inserted in order (a copy;
// v already there is not repeated).
func withValue(values []float64, v float64) []float64 {
	out := make([]float64, 0, len(values)+1)
	placed := false
	for _, x := range values {
		if !placed && x == v {
			placed = true
		} else if !placed && v < x {
			out, placed = append(out, v), true
		}
		out = append(out, x)
	}
	if !placed {
		out = append(out, v)
	}
	return out
}
