package charts

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"planner/model"
)

// MemoryCurve draws a function's duration and monthly cost against memory on
// two labelled axes. Measured durations are marked, the cost-optimal,
// performance-optimal and balanced picks are labelled, and each point's
// tooltip says how it compares with the current configuration.
func MemoryCurve(f *model.FunctionReport) string {
	m := f.Memory
	cur := m.CurrentAnalysis
	labels := make([]string, len(m.MemoryConfigurations))
	durations := make([]opts.LineData, len(labels))
	costs := make([]opts.LineData, len(labels))
	var measured []opts.LineData
	for i, c := range m.MemoryConfigurations {
		labels[i] = fmt.Sprintf("%g MB", c.MemoryMb)
		tip := fmt.Sprintf("%g MB: %s, %s than current", c.MemoryMb,
			change(c.MonthlyCost, cur.CurrentMonthlyCost, "cheaper", "dearer", "same cost"),
			change(c.ExecutionTimeMs, cur.CurrentExecutionTimeMs, "faster", "slower", "same speed"))
		if c.MemoryMb == cur.CurrentMemoryMb {
			tip = fmt.Sprintf("%g MB: current configuration", c.MemoryMb)
		}
		durations[i] = opts.LineData{Name: tip, Value: round(c.ExecutionTimeMs, 1)}
		costs[i] = opts.LineData{Name: tip, Value: round(c.MonthlyCost, 2)}
		if c.Measured {
			measured = append(measured, opts.LineData{Name: "measured at " + labels[i], Value: []any{labels[i], round(c.ExecutionTimeMs, 1)}})
		}
	}
	picks := []opts.MarkPointNameCoordItem{}
	for _, p := range []struct {
		name string
		o    model.MemoryOpportunity
	}{{"cheapest", m.OptimizationOpportunities.CostOptimal}, {"fastest", m.OptimizationOpportunities.PerformanceOptimal},
		{"balanced", m.OptimizationOpportunities.Balanced}} {
		picks = append(picks, opts.MarkPointNameCoordItem{
			Name:       p.name,
			Coordinate: []any{fmt.Sprintf("%g MB", p.o.MemoryMb), round(p.o.MonthlyCost, 2)},
			Label:      &opts.Label{Show: opts.Bool(true), Formatter: p.name, Position: "top"},
			Symbol:     "pin",
			SymbolSize: 36,
		})
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(common("Duration and cost by memory"), axisTooltip(), grid(),
		charts.WithXAxisOpts(opts.XAxis{Name: "Memory (MB)", NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(opts.YAxis{Name: "Duration (ms)", Type: "value"}))...)
	line.ExtendYAxis(opts.YAxis{Name: "Cost (USD/month)", Type: "value", Position: "right"})
	line.SetXAxis(labels).
		AddSeries("Duration (ms)", durations).
		AddSeries("Monthly cost (USD)", costs, charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1}),
			charts.WithMarkPointNameCoordItemOpts(picks...)).
		AddSeries("Measured duration", measured, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(true), SymbolSize: 12, Symbol: "diamond"}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 0}))
	return encode(line)
}

// change says "x% cheaper" or "x% dearer" (or same) of v against base.
func change(v, base float64, less, more, same string) string {
	if base == 0 {
		return same
	}
	d := (v - base) / base * 100
	switch {
	case d < -0.05:
		return fmt.Sprintf("%.1f%% %s", -d, less)
	case d > 0.05:
		return fmt.Sprintf("%.1f%% %s", d, more)
	}
	return same
}

// ColdStartScenarios plots each strategy's monthly cost against the average
// latency cold starts add.
func ColdStartScenarios(f *model.FunctionReport) string {
	s := f.ColdStart.OptimizationScenarios
	sc := charts.NewScatter()
	sc.SetGlobalOptions(append(common("Cold-start strategies: cost against latency"), itemTooltip(), grid(),
		charts.WithXAxisOpts(opts.XAxis{Name: "Average latency added (ms)", Type: "value", NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(opts.YAxis{Name: "Extra cost (USD/month)", Type: "value"}))...)
	for _, c := range []struct {
		name string
		s    model.ColdStartScenario
	}{{"Natural scaling", s.Natural}, {"Provisioned concurrency", s.Provisioned}, {"Scheduled warm-up", s.Warmup}} {
		tip := fmt.Sprintf("%s: +%.1f ms on average, $%.2f/month, %.2f%% cold starts", c.name, c.s.AvgLatencyImpactMs, c.s.OptimizationCostMonthly, c.s.ColdStartRate*100)
		sc.AddSeries(c.name, []opts.ScatterData{{Name: tip, Value: []float64{round(c.s.AvgLatencyImpactMs, 2), round(c.s.OptimizationCostMonthly, 2)}, SymbolSize: 16}})
	}
	return encode(sc)
}

// Concurrency compares the function's concurrency figures.
func Concurrency(f *model.FunctionReport) string {
	e := f.ExecutionCapacity.ExecutionAnalysis
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Concurrent executions"), axisTooltip(), grid(),
		charts.WithYAxisOpts(opts.YAxis{Name: "Instances", Type: "value"}))...)
	bar.SetXAxis([]string{"Average", "p95", "p99", "Burst"}).AddSeries("Instances", []opts.BarData{
		{Value: round(e.AvgConcurrentExecutions, 2)}, {Value: round(e.P95ConcurrentExecutions, 2)},
		{Value: round(e.P99ConcurrentExecutions, 2)}, {Value: round(e.BurstConcurrentExecutions, 2)},
	})
	return encode(bar)
}
