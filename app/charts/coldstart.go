package charts

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"planner/model"
)

// KeepAliveCurve is the cold-start probability at each rate for one keep-alive.
type KeepAliveCurve struct {
	KeepAliveMinutes float64
	Probabilities    []float64
}

// ColdStartCurves plots the keep-alive model: cold-start probability (%)
// against the request rate, one line per keep-alive.
func ColdStartCurves(rates []float64, curves []KeepAliveCurve) string {
	labels := make([]string, len(rates))
	for i, r := range rates {
		labels[i] = trimFloat(r)
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(common("Cold-start probability by request rate (keep-alive model)"), axisTooltip(), grid(),
		charts.WithXAxisOpts(opts.XAxis{Name: "Requests per second", NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(opts.YAxis{Name: "Cold starts (%)", Type: "log"}))...)
	line.SetXAxis(labels)
	for _, c := range curves {
		data := make([]opts.LineData, len(c.Probabilities))
		for i, p := range c.Probabilities {
			data[i] = opts.LineData{Value: roundSignificant(max(p*100, 1e-6), 4)}
		}
		line.AddSeries(fmt.Sprintf("keep-alive %g min", c.KeepAliveMinutes), data)
	}
	return encode(line)
}

// InstancesOverDay plots a simulated day minute by minute: running, idle and
// provisioned instances, and cold starts.
func InstancesOverDay(r *model.SimulationResult) string {
	n := len(r.PerMinute)
	labels := make([]string, n)
	running := make([]opts.LineData, n)
	idle := make([]opts.LineData, n)
	provisioned := make([]opts.LineData, n)
	cold := make([]opts.LineData, n)
	for i, m := range r.PerMinute {
		labels[i] = fmt.Sprintf("%02d:%02d", i/60%24, i%60)
		running[i] = opts.LineData{Value: m.Running}
		idle[i] = opts.LineData{Value: m.Idle}
		provisioned[i] = opts.LineData{Value: m.Provisioned}
		cold[i] = opts.LineData{Value: m.ColdStarts}
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(common("Simulated day: instances and cold starts per minute"), axisTooltip(), grid(),
		charts.WithXAxisOpts(opts.XAxis{Name: "Time of day", NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(opts.YAxis{Name: "Instances", Type: "value"}))...)
	line.ExtendYAxis(opts.YAxis{Name: "Cold starts per minute", Type: "value", Position: "right"})
	line.SetXAxis(labels).
		AddSeries("Running", running, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)})).
		AddSeries("Idle (kept warm)", idle, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)})).
		AddSeries("Provisioned", provisioned, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)})).
		AddSeries("Cold starts", cold, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false), YAxisIndex: 1}))
	return encode(line)
}

// LatencyPercentiles compares the simulated latency percentiles.
func LatencyPercentiles(r *model.SimulationResult) string {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Simulated latency, cold starts included"), axisTooltip(), grid(),
		charts.WithYAxisOpts(opts.YAxis{Name: "ms", Type: "value"}))...)
	bar.SetXAxis([]string{"p50", "p95", "p99"}).AddSeries("Latency (ms)", []opts.BarData{
		{Value: round(r.LatencyP50Ms, 1)}, {Value: round(r.LatencyP95Ms, 1)}, {Value: round(r.LatencyP99Ms, 1)},
	})
	return encode(bar)
}
