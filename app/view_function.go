package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/pricing"
	"planner/model/spec"
)

// functionView shows the selected function: capacity, cold starts, memory.
func (p *Planner) functionView(r *model.Report) app.UI {
	s := p.s
	i := p.selectedFunction()
	if i < 0 {
		return app.P().Text("Add a function to size it.")
	}
	f := &r.Functions[i]
	at := func(rest string) string { return fmt.Sprintf("functions.%d.%s", i, rest) }
	ref := r.Pricing.Profile == pricing.ReferenceProfileID
	cs := f.ColdStart
	return app.Div().Body(
		app.H2().Text(f.Name),
		app.H3().Text("Execution capacity"),
		figures(capacityFigures(r, i)...),
		app.Div().Class("charts").Body(&Chart{Session: s, Revision: s.reportRevision, Kind: concurrencyChart, Function: i, Label: "Concurrency of " + f.Name}),
		app.H3().Text("Cold starts"),
		app.If(ref, func() app.UI {
			return app.Div().Body(
				figures(
					figure{"Modelled cold start", at("cold_start.cold_start_analysis.base_cold_start_ms"), cs.ColdStartAnalysis.BaseColdStartMs, "ms",
						fmt.Sprintf("runtime %s ms ÷ memory factor %s + package %s ms + VPC %s ms", g(cs.ColdStartAnalysis.RuntimeOverheadMs),
							g(cs.ColdStartAnalysis.MemoryOptimizationFactor), g(cs.ColdStartAnalysis.DeploymentSizeOverheadMs), g(cs.ColdStartAnalysis.VpcOverheadMs))},
				),
				coldStartTable(i, cs),
				app.Ul().Class("recommendations").Body(app.Range(cs.Recommendations).Slice(func(j int) app.UI {
					rec := cs.Recommendations[j]
					return app.Li().Text(fmt.Sprintf("%s: %s", scenarioLabel(rec.Strategy), rec.Recommendation))
				})),
				app.Div().Class("charts").Body(&Chart{Session: s, Revision: s.reportRevision, Kind: coldStartChart, Function: i, Label: "Cold-start strategies of " + f.Name + ": cost against latency"}),
			)
		}).Else(func() app.UI {
			advice := "; goal seek (Optimize) sizes provisioned concurrency to the function's cold-start target."
			if !r.Pricing.OnLambda() {
				advice = "."
			}
			return app.P().Class("help").Text("The spec's cold-start strategies (its rule-of-thumb rates) are shown under the reference profile. " +
				"Here every figure uses the cold-start rate below" + advice)
		}),
		figures(
			figure{"Cold-start rate used", at("cold_start_rate.rate"), f.ColdStartRate.Rate, "fraction",
				"from the " + map[string]string{model.ColdStartReference: "rate given", model.ColdStartModel: "keep-alive model of the day's traffic",
					model.ColdStartSimulated: "simulated day of the traffic"}[f.ColdStartRate.Method] + onPlatformText(r)},
		),
		app.If(r.Pricing.OnLambda(), func() app.UI { return &ColdStartLab{Session: s, Revision: s.reportRevision, Function: i} }),
		app.H3().Text("Memory"),
		app.If(!r.Pricing.OnLambda(), func() app.UI {
			return lambdaOnly(r, "Memory sizes, their durations and Power Tuning")
		}).Else(func() app.UI { return p.memorySection(r, i) }),
	)
}

// memorySection compares function i's memory sizes (AWS Lambda's: CPU
// follows memory), its architectures and its Power Tuning results.
func (p *Planner) memorySection(r *model.Report, i int) app.UI {
	s := p.s
	f := &r.Functions[i]
	at := func(rest string) string { return fmt.Sprintf("functions.%d.%s", i, rest) }
	ref := r.Pricing.Profile == pricing.ReferenceProfileID
	mem := f.Memory
	return app.Div().Body(
		figures(
			figure{map[bool]string{true: "Current monthly cost", false: "List-price compute and requests"}[ref], at("memory.current_analysis.current_monthly_cost"),
				mem.CurrentAnalysis.CurrentMonthlyCost, "USD/month",
				fmt.Sprintf("(%s GB × %s s × first-tier duration price + request price) × %s invocations, before the free tier: the sizes below compare on it",
					g(mem.CurrentAnalysis.CurrentMemoryMb/1024), g(mem.CurrentAnalysis.CurrentExecutionTimeMs/1000), g(f.Traffic.MonthlyInvocations))},
		),
		memoryTable(i, mem, f.MemoryChoice, ref),
		app.Div().Class("charts").Body(&Chart{Session: s, Revision: s.reportRevision, Kind: memoryChart, Function: i, Label: "Duration and monthly cost of " + f.Name + " by memory"}),
		architecturesTable(i, f.Architectures),
		p.powerTuningPanel(f),
	)
}

func scenarioLabel(s string) string {
	switch s {
	case "natural":
		return "Natural scaling"
	case "provisioned":
		return "Provisioned concurrency"
	case "warmup":
		return "Scheduled warm-up"
	}
	return s
}

// cell is a table cell holding a figure of the report.
func cell(metric string, v float64, unit, explain string) app.UI {
	return app.Td().Class("num").Body(figure{Metric: metric, Value: v, Unit: unit, Explain: explain}.cellRender())
}

func coldStartTable(i int, cs spec.ColdStartOptimization) app.UI {
	rows := []struct {
		key string
		s   spec.ColdStartScenario
	}{{"natural", cs.OptimizationScenarios.Natural}, {"provisioned", cs.OptimizationScenarios.Provisioned}, {"warmup", cs.OptimizationScenarios.Warmup}}
	return tableRegion("Cold-start strategies", app.Table(),
		columns("Strategy", "Cold-start rate", "Cold starts / month", "Extra cost", "Avg latency added", "p99 latency added"),
		app.TBody().Body(app.Range(rows).Slice(func(j int) app.UI {
			row := rows[j]
			m := fmt.Sprintf("functions.%d.cold_start.optimization_scenarios.%s.", i, row.key)
			return app.Tr().Body(
				app.Th().Scope("row").Text(scenarioLabel(row.key)),
				cell(m+"cold_start_rate", row.s.ColdStartRate, "fraction", "share of invocations that start cold"),
				cell(m+"monthly_cold_starts", row.s.MonthlyColdStarts, "", "requests per day × days × rate"),
				cell(m+"optimization_cost_monthly", row.s.OptimizationCostMonthly, "USD/month", "what the strategy adds to the bill"),
				cell(m+"avg_latency_impact_ms", row.s.AvgLatencyImpactMs, "ms", "cold starts × cold-start duration ÷ requests"),
				cell(m+"p99_latency_impact_ms", row.s.P99LatencyImpactMs, "ms", "the full cold start when more than 1% of requests start cold"),
			)
		})),
	)
}

// memoryTable compares the memory sizes: under the reference profile with
// the spec's picks, elsewhere by the function's targets (the cheapest size
// that meets them).
func memoryTable(i int, m spec.MemoryOptimization, choice model.MemoryChoice, ref bool) app.UI {
	picks := map[float64][]string{}
	if ref {
		for _, p := range []struct {
			name string
			o    spec.MemoryOpportunity
		}{{"cheapest", m.OptimizationOpportunities.CostOptimal}, {"fastest", m.OptimizationOpportunities.PerformanceOptimal}, {"balanced", m.OptimizationOpportunities.Balanced}} {
			picks[p.o.MemoryMb] = append(picks[p.o.MemoryMb], p.name)
		}
	} else {
		for _, fit := range choice.Fits {
			switch {
			case fit.MemoryMb == choice.CheapestFitMb:
				picks[fit.MemoryMb] = []string{"cheapest that meets the targets"}
			case !fit.MeetsTargets:
				picks[fit.MemoryMb] = []string{"misses " + strings.Join(fit.Missed, ", ")}
			}
		}
	}
	pick := map[bool]string{true: "Pick (the spec's)", false: "Targets"}[ref]
	return tableRegion("Memory configurations", app.Table(),
		columns("Memory", "Duration", "Source", "Monthly cost", "Cost / invocation", pick),
		app.TBody().Body(app.Range(m.MemoryConfigurations).Slice(func(j int) app.UI {
			c := m.MemoryConfigurations[j]
			key := fmt.Sprintf("functions.%d.memory.memory_configurations.%g.", i, c.MemoryMb)
			source := "estimated"
			if c.Measured {
				source = "measured"
			}
			return app.Tr().Class(classes("current-row", c.MemoryMb == m.CurrentAnalysis.CurrentMemoryMb)).Body(
				app.Th().Scope("row").Text(fmt.Sprintf("%g MB", c.MemoryMb)),
				cell(key+"execution_time_ms", c.ExecutionTimeMs, "ms", source+" mean duration"),
				app.Td().Text(source),
				cell(key+"monthly_cost", c.MonthlyCost, "USD/month", "cost per invocation × invocations"),
				cell(key+"cost_per_invocation", c.CostPerInvocation, "USD", fmt.Sprintf("%s GB-s × duration price + request price", g(c.GBSecondsPerInvocation))),
				app.Td().Text(strings.Join(picks[c.MemoryMb], ", ")),
			)
		})),
	)
}
