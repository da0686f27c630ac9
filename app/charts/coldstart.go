package charts

import (
	"fmt"

	"planner/model"
	"planner/model/num"
	"planner/model/simulate"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// ColdStartCurves plots the keep-alive model on log–log axes: cold-start
// probability (%) against the request rate (per second), one line per
// keep-alive, and the function itself as a black diamond.
func ColdStartCurves(c model.ColdStartCurves) string {
	o := newAxisChart("Cold-start probability by request rate (keep-alive model)",
		opts.XAxis{Name: "Requests per second", Type: "log", NameLocation: "middle", NameGap: 30},
		opts.YAxis{Name: "Cold starts (%)", Type: "log"})
	percent := func(p float64) float64 { return num.RoundSignificant(max(p*100, 1e-6), 4) }
	for _, curve := range c.Curves {
		data := make([]opts.LineData, len(curve.ColdStartProbabilities))
		for i, p := range curve.ColdStartProbabilities {
			data[i] = opts.LineData{Value: []any{c.RatesPerSecond[i], percent(p)}}
		}
		o.add(series{Name: fmt.Sprintf("keep-alive %g min", curve.KeepAliveMinutes), Type: "line", Data: data})
	}
	if here := c.Function; here.RatePerSecond > 0 { // a function without requests has no point
		o.add(series{
			Name: fmt.Sprintf("%s: %s req/s, keep-alive %g min", here.Name, trimFloat(here.RatePerSecond), here.KeepAliveMinutes),
			Type: "scatter", Symbol: "diamond", SymbolSize: 16,
			ItemStyle: &opts.ItemStyle{Color: "#000000", BorderColor: "#ffffff", BorderWidth: 1},
			Data:      []opts.ScatterData{{Value: []any{here.RatePerSecond, percent(here.ColdStartProbability)}}},
		})
	}
	return o.json()
}

// InstancesOverDay plots a simulated day minute by minute: mean running, idle and
// provisioned instances as lines, and the minutes with cold starts as points.
func InstancesOverDay(r *simulate.Result) string {
	n := len(r.PerMinute)
	labels := make([]string, n)
	running := make([]opts.LineData, n)
	idle := make([]opts.LineData, n)
	provisioned := make([]opts.LineData, n)
	cold := []opts.ScatterData{} // the minutes with cold starts
	for i, m := range r.PerMinute {
		labels[i] = fmt.Sprintf("%02d:%02d", i/60%24, i%60)
		running[i] = opts.LineData{Value: num.Round(m.Running, 2)}
		idle[i] = opts.LineData{Value: num.Round(m.Idle, 2)}
		provisioned[i] = opts.LineData{Value: m.Provisioned}
		if m.ColdStarts > 0 {
			cold = append(cold, opts.ScatterData{Value: []any{labels[i], m.ColdStarts}})
		}
	}
	o := newAxisChart("Simulated day: mean instances and cold starts, minute by minute", categories("Time of day", labels), values("Instances"))
	o.addRightAxis("Cold starts per minute")
	return o.add(
		series{Name: "Running", Type: "line", Data: running, ShowSymbol: noSymbol},
		series{Name: "Idle (kept warm)", Type: "line", Data: idle, ShowSymbol: noSymbol},
		series{Name: "Provisioned", Type: "line", Data: provisioned, ShowSymbol: noSymbol},
		series{Name: "Cold starts", Type: "scatter", Data: cold, SymbolSize: 5, YAxisIndex: 1},
	).json()
}

// LatencyPercentiles compares the simulated latency percentiles.
func LatencyPercentiles(r *simulate.Result) string {
	return newAxisChart("Simulated latency, cold starts included", opts.XAxis{Data: []string{"p50", "p95", "p99"}}, values("ms")).
		add(series{Name: "Latency (ms)", Type: "bar", Data: []opts.BarData{
			{Value: num.Round(r.LatencyP50Ms, 1)}, {Value: num.Round(r.LatencyP95Ms, 1)}, {Value: num.Round(r.LatencyP99Ms, 1)},
		}}).json()
}
