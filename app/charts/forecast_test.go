package charts

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"planner/model/forecast"
	"planner/model/policy"
)

// The band is its lower edge plus a stacked width that ends at the upper
// bound; the lower edge stays out of the legend; history and forecast share
// one axis, the forecast after the history; anomalies sit at their hour.
func TestForecastChartStacksTheBand(t *testing.T) {
	history := []float64{10, 20, 30, 40}
	f := forecast.Forecast{Method: "seasonal_naive", Forecast: []float64{50, 60}, Lower: []float64{45, 51}, Upper: []float64{58, 70}}
	anomalies := []forecast.Anomaly{{Index: 2, Kind: "spike", Actual: 30, Explanation: "<b>30</b> against 12"}}
	js := ForecastChart(history, f, anomalies)
	o := decode(t, "forecast", js)
	values := map[string][]json.RawMessage{}
	for _, s := range o.Series {
		values[s.Name] = s.Data
	}
	if len(o.XAxis[0].Data) != 6 || o.XAxis[0].Data[4] != "+0h" {
		t.Errorf("hours %v", o.XAxis[0].Data)
	}
	for i, want := range []string{`{"value":13,"tip":"45 – 58"}`, `{"value":19,"tip":"51 – 70"}`} { // upper − lower, shown as the bounds
		if got := string(values[bandWidth][4+i]); got != want {
			t.Errorf("band width at +%dh: %s, want %s", i, got, want)
		}
	}
	if got := string(values[bandLow][5]); got != `{"value":51,"tip":""}` { // out of the tooltip
		t.Errorf("band low at +1h: %s", got)
	}
	var legend struct {
		Legend struct {
			Data []string `json:"data"`
		} `json:"legend"`
	}
	if err := json.Unmarshal([]byte(js), &legend); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(legend.Legend.Data, bandLow) || !slices.Contains(legend.Legend.Data, bandWidth) {
		t.Errorf("legend %v", legend.Legend.Data)
	}
	if marks := values["Anomalies"]; len(marks) != 1 || !strings.Contains(string(marks[0]), `"value":["-2h",30]`) {
		t.Errorf("anomaly marks %s", marks)
	}
}

// Every policy is a step line of its applied schedule, next to the
// concurrency needed and predicted.
func TestPolicySchedulesDrawsEveryPolicy(t *testing.T) {
	c := policy.Comparison{
		Policies:             []policy.Result{{Policy: "static", Applied: []int{4, 4, 4}}, {Policy: "predictive", Applied: []int{1, 3, 5}}},
		NeededConcurrency:    []float64{1, 2, 4},
		PredictedConcurrency: []float64{1.2, 2.5},
	}
	o := decode(t, "policies", PolicySchedules(c))
	var names []string
	for _, s := range o.Series {
		names = append(names, s.Name)
	}
	if want := []string{"Needed (mean concurrency)", "Predicted (forecast)", "static", "predictive"}; !slices.Equal(names, want) {
		t.Errorf("series %v, want %v", names, want)
	}
	if got := string(o.Series[1].Data[2]); got != `{"value":"-"}` {
		t.Errorf("an hour without a prediction shows %s", got)
	}
	if got := string(o.Series[3].Data[2]); got != `{"value":5}` {
		t.Errorf("predictive at h2: %s", got)
	}
}
