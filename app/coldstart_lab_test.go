package app

import (
	"fmt"
	"testing"
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
		if got := fmt.Sprint(curveKeepAlives(own)); got != want {
			t.Errorf("curveKeepAlives(%v) = %s, want %s", own, got, want)
		}
	}
	if got := listOf([]float64{1, 5, 10, 15, 30}); got != "1, 5, 10, 15 and 30" {
		t.Errorf("listOf: %q", got)
	}
}
