package forecast

import (
	"testing"

	"planner/model/spec"
)

func TestSyntheticHistory(t *testing.T) {
	day := spec.CheckoutDayRequests()
	y := SyntheticHistory(day[:], 3e6, 0.6, 0.1, 4, 7)
	if len(y) != 4*7*24 {
		t.Fatalf("%d values", len(y))
	}
	f := Make(Input{History: y, SeasonLength: 24, Horizon: 48, Method: "auto"})
	if f.Backtest.MASE <= 0 || f.Backtest.MASE > 1 {
		t.Errorf("a clean synthetic history forecasts with MASE %v", f.Backtest.MASE)
	}
}
