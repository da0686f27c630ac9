package model

import (
	"fmt"
	"testing"

	"planner/model/keepalive"
)

// The curves reach three times the function's peak rate (at least 30 per
// second) and pass through its mean rate; its keep-alive joins the four.
func TestCurveRatesAndKeepAlives(t *testing.T) {
	for _, c := range []struct {
		mean, peak float64
		want       string
	}{
		{0.7639, 2.1, "[0.001 0.003 0.01 0.03 0.1 0.3 0.76 1 3 10 30]"},
		{150, 420, "[0.001 0.003 0.01 0.03 0.1 0.3 1 3 10 30 100 150 300 1000 3000]"},
		{3, 9, "[0.001 0.003 0.01 0.03 0.1 0.3 1 3 10 30]"},
		{0, 0, "[0.001 0.003 0.01 0.03 0.1 0.3 1 3 10 30]"},
		{45000, 90000, "[0.001 0.003 0.01 0.03 0.1 0.3 1 3 10 30 100 300 1000 3000 10000 30000 45000 100000 300000]"},
	} {
		if got := fmt.Sprint(curveRates(c.mean, c.peak)); got != c.want {
			t.Errorf("curveRates(%v, %v) = %s, want %s", c.mean, c.peak, got, c.want)
		}
	}
	for own, want := range map[float64]string{10: "[1 5 10 30]", 15: "[1 5 10 15 30]", 0.5: "[0.5 1 5 10 30]", 60: "[1 5 10 30 60]", 10.005: "[1 5 10 10.005 30]"} {
		if got := fmt.Sprint(withValue(curveKeepAlivesMinutes(), own)); got != want {
			t.Errorf("keep-alives with %v = %s, want %s", own, got, want)
		}
	}
}

// The methods' keep-alive day is the report's (for a function whose method
// is the model), and the function's point lies on its own keep-alive's
// curve at its mean rate.
func TestColdStartMethodsAgreeWithTheReport(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].ColdStartMethod = ColdStartModel
	r := mustEvaluate(t, &s)
	f, fr := &s.Functions[0], &r.Functions[0]
	m := CompareColdStartMethods(keepalive.Solve, f, fr, nil)
	if m.Model != *fr.ColdStartRate.Model || m.Given != f.ColdStartRate {
		t.Errorf("methods %+v, report %+v", m.Model, *fr.ColdStartRate.Model)
	}
	p := m.Curves.Function
	var own *KeepAliveCurve
	for i := range m.Curves.Curves {
		if m.Curves.Curves[i].KeepAliveMinutes == f.KeepAliveMinutes {
			own = &m.Curves.Curves[i]
		}
	}
	if own == nil || p.ColdStartProbability <= 0 {
		t.Fatalf("no point on the function's curve: %+v", p)
	}
	for i, rate := range m.Curves.RatesPerSecond {
		if rate == p.RatePerSecond && own.ColdStartProbabilities[i] != p.ColdStartProbability {
			t.Errorf("point %v off its curve %v", p.ColdStartProbability, own.ColdStartProbabilities[i])
		}
	}
}
