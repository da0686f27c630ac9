package charts

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/opts"

	"planner/model"
	"planner/model/num"
	"planner/model/pricing"
	"planner/model/spec"
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
		durations[i] = opts.LineData{Name: tip, Value: num.Round(c.ExecutionTimeMs, 1)}
		costs[i] = opts.LineData{Name: tip, Value: num.Round(c.MonthlyCost, 2)}
		if c.Measured {
			measured = append(measured, opts.LineData{Name: "measured at " + labels[i], Value: []any{labels[i], num.Round(c.ExecutionTimeMs, 1)}})
		}
	}
	picks := []opts.MarkPointNameCoordItem{}
	for _, p := range []struct {
		name string
		o    spec.MemoryOpportunity
	}{{"cheapest", m.OptimizationOpportunities.CostOptimal}, {"fastest", m.OptimizationOpportunities.PerformanceOptimal},
		{"balanced", m.OptimizationOpportunities.Balanced}} {
		picks = append(picks, opts.MarkPointNameCoordItem{
			Name:       p.name,
			Coordinate: []any{fmt.Sprintf("%g MB", p.o.MemoryMb), num.Round(p.o.MonthlyCost, 2)},
			Label:      &opts.Label{Show: opts.Bool(true), Formatter: p.name, Position: "top"},
			Symbol:     "pin",
			SymbolSize: 36,
		})
	}
	o := newAxisChart("Duration and cost by memory", categories("Memory (MB)", labels), values("Duration (ms)"))
	o.addRightAxis("Cost (USD/month)")
	return o.add(
		series{Name: "Duration (ms)", Type: "line", Data: durations},
		series{Name: "Monthly cost (USD)", Type: "line", YAxisIndex: 1, Data: costs, MarkPoint: &markPoint{Data: picks}},
		series{Name: "Measured duration", Type: "line", Data: measured, ShowSymbol: opts.Bool(true), Symbol: "diamond", SymbolSize: 12,
			LineStyle: &opts.LineStyle{Opacity: opts.Float(0)}}, // markers only
	).json()
}

// change says "x% cheaper" or "x% dearer" (or same) of v against base.
func change(v, base float64, less, more, same string) string {
	d := num.ChangePercent(v, base)
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
	o := newAxisChart("Cold-start strategies: cost against latency",
		opts.XAxis{Name: "Average latency added (ms)", Type: "value", NameLocation: "middle", NameGap: 30},
		values("Extra cost (USD/month)"))
	o.Tooltip.Trigger = "item" // one point per strategy
	for _, c := range []struct {
		name string
		s    spec.ColdStartScenario
	}{{"Natural scaling", s.Natural}, {"Provisioned concurrency", s.Provisioned}, {"Scheduled warm-up", s.Warmup}} {
		tip := fmt.Sprintf("%s: +%.1f ms on average, $%.2f/month, %.2f%% cold starts", c.name, c.s.AvgLatencyImpactMs, c.s.OptimizationCostMonthly, c.s.ColdStartRate*100)
		o.add(series{Name: c.name, Type: "scatter", Data: []opts.ScatterData{{Name: tip, Value: []float64{num.Round(c.s.AvgLatencyImpactMs, 2), num.Round(c.s.OptimizationCostMonthly, 2)}, SymbolSize: 16}}})
	}
	return o.json()
}

// Concurrency draws function i's concurrency figures, the ones its cards
// show: under the reference profile the spec's average, p95, p99 and burst;
// elsewhere the average, the busiest hour's p99 (the scorecard's) and the
// burst. On AWS Lambda each request is an instance; elsewhere an instance
// may hold several.
func Concurrency(r *model.Report, i int) string {
	f := &r.Functions[i]
	e := f.ExecutionCapacity.ExecutionAnalysis
	labels := []string{"Average", "p99 (busiest hour)", "Burst"}
	shown := []float64{e.AvgConcurrentExecutions, float64(f.Scorecard.P99Concurrency), e.BurstConcurrentExecutions}
	if r.Pricing.Profile == pricing.ReferenceProfileID {
		labels = []string{"Average", "p95", "p99", "Burst"}
		shown = []float64{e.AvgConcurrentExecutions, e.P95ConcurrentExecutions, e.P99ConcurrentExecutions, e.BurstConcurrentExecutions}
	}
	unit := "Instances"
	if !r.Pricing.OnLambda() {
		unit = "Requests at once"
	}
	data := make([]opts.BarData, len(shown))
	for k, v := range shown {
		data[k] = opts.BarData{Value: num.Round(v, 2)}
	}
	return newAxisChart("Concurrent executions", opts.XAxis{Data: labels}, values(unit)).
		add(series{Name: unit, Type: "bar", Data: data}).json()
}
