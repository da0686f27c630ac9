package forecast_test

import (
	"fmt"

	"planner/model/forecast"
)

// Four weeks of a daily pattern with noise: the automatic choice picks the
// method with the lowest backtest error and forecasts two days.
func ExampleMake() {
	day := []float64{1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 10, 10, 10, 10, 10, 10, 9, 8, 6, 4, 3, 2, 1, 1}
	history := forecast.SyntheticHistory(day, 3_000_000, 0.6, 0.1, 4, 7)
	f := forecast.Make(forecast.Input{History: history, SeasonLength: 24, Horizon: 48, Method: "auto"})
	fmt.Printf("%s: %d hours ahead, MASE %.2f\n", f.Method, len(f.Forecast), f.Backtest.MASE)
	// Output:
	// recent_days: 48 hours ahead, MASE 0.38
}

// A spike in an otherwise regular series is found.
func ExampleDetectAnomalies() {
	day := []float64{1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 10, 10, 10, 10, 10, 10, 9, 8, 6, 4, 3, 2, 1, 1}
	history := forecast.SyntheticHistory(day, 3_000_000, 1, 0.05, 3, 3)
	history[400] *= 5
	for _, a := range forecast.DetectAnomalies(history, 24).Anomalies {
		fmt.Println(a.Index, a.Kind)
	}
	// Output:
	// 400 spike
}
