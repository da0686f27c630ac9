package charts

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/opts"

	"planner/model"
	"planner/model/forecast"
	"planner/model/num"
	"planner/model/policy"
)

// The prediction band is drawn as its lower edge and, stacked on it, its
// width. The legend and the tooltip show one "95% band" with its bounds:
// the width's points carry the text "low – high" as their tip, the lower
// edge's an empty tip, which leaves them out of the tooltip (planner.js).
const (
	bandLow   = "95% band, low"
	bandWidth = "95% band"
)

// tipPoint is a point whose tooltip shows Tip instead of its value.
type tipPoint struct {
	Value any    `json:"value"`
	Tip   string `json:"tip"`
}

// ForecastChart draws the last week of history, the forecast with its band
// and the anomalies found, hour by hour.
func ForecastChart(history []float64, f forecast.Forecast, anomalies []forecast.Anomaly) string {
	shown := min(len(history), 7*24)
	offset := len(history) - shown
	n := shown + len(f.Forecast)
	labels := make([]string, n)
	hist := make([]opts.LineData, n)
	fc := make([]opts.LineData, n)
	lower := make([]tipPoint, n)
	band := make([]tipPoint, n)
	for i := range labels {
		labels[i] = fmt.Sprintf("%+dh", i-shown)
		hist[i], fc[i], lower[i], band[i] = opts.LineData{Value: "-"}, opts.LineData{Value: "-"}, tipPoint{Value: "-"}, tipPoint{Value: "-"}
	}
	for i := 0; i < shown; i++ {
		hist[i] = opts.LineData{Value: history[offset+i]}
	}
	for k := range f.Forecast {
		i := shown + k
		low, high := num.Round(f.Lower[k], 1), num.Round(f.Upper[k], 1)
		fc[i] = opts.LineData{Value: num.Round(f.Forecast[k], 1)}
		lower[i] = tipPoint{Value: low}
		band[i] = tipPoint{Value: num.Round(high-low, 1), Tip: model.GroupDigits(trimFloat(low)) + " – " + model.GroupDigits(trimFloat(high))}
	}
	marks := []opts.ScatterData{}
	for _, a := range anomalies {
		if a.Index >= offset {
			marks = append(marks, opts.ScatterData{Name: a.Kind + ": " + a.Explanation, Value: []any{labels[a.Index-offset], a.Actual}, SymbolSize: 12})
		}
	}
	o := newAxisChart("History, forecast ("+f.Method+") and anomalies",
		categories("Hours from now", labels),
		values("Invocations per hour"))
	o.Legend.Data = []string{"History", "Forecast", bandWidth, "Anomalies"} // the band's invisible lower edge stays out
	hidden := &opts.LineStyle{Opacity: opts.Float(0)}
	return o.add(
		series{Name: "History", Type: "line", Data: hist, ShowSymbol: noSymbol},
		series{Name: "Forecast", Type: "line", Data: fc, ShowSymbol: noSymbol},
		series{Name: bandLow, Type: "line", Data: lower, Stack: "band", ShowSymbol: noSymbol, LineStyle: hidden},
		series{Name: bandWidth, Type: "line", Data: band, Stack: "band", ShowSymbol: noSymbol, LineStyle: hidden,
			AreaStyle: &opts.AreaStyle{Opacity: opts.Float(0.25)}},
		series{Name: "Anomalies", Type: "scatter", Data: marks},
	).json()
}

// PolicySchedules draws each policy's applied provisioned concurrency, the
// concurrency the held-out hours needed and the one the forecast predicted.
func PolicySchedules(c policy.Comparison) string {
	needed := c.NeededConcurrency
	labels := make([]string, len(needed))
	need := make([]opts.LineData, len(needed))
	predicted := make([]opts.LineData, len(needed))
	for i, v := range needed {
		labels[i] = fmt.Sprintf("h%d", i)
		need[i] = opts.LineData{Value: num.Round(v, 2)}
		predicted[i] = opts.LineData{Value: "-"}
		if i < len(c.PredictedConcurrency) {
			predicted[i] = opts.LineData{Value: num.Round(c.PredictedConcurrency[i], 2)}
		}
	}
	o := newAxisChart("Provisioned concurrency by policy against the concurrency needed and predicted",
		categories("Evaluated hour", labels),
		values("Instances"))
	o.add(series{Name: "Needed (mean concurrency)", Type: "line", Data: need, ShowSymbol: noSymbol},
		series{Name: "Predicted (forecast)", Type: "line", Data: predicted, ShowSymbol: noSymbol, LineStyle: &opts.LineStyle{Type: "dashed"}})
	for _, p := range c.Policies {
		data := make([]opts.LineData, len(p.Applied))
		for i, a := range p.Applied {
			data[i] = opts.LineData{Value: a}
		}
		o.add(series{Name: p.Policy, Type: "line", Data: data, Step: "end", ShowSymbol: noSymbol})
	}
	return o.json()
}
