package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
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
	ea, ci, ma := f.ExecutionCapacity.ExecutionAnalysis, f.ExecutionCapacity.ColdStartImpact, f.ExecutionCapacity.MemoryAnalysis
	lambda, avg := f.Traffic.InvocationsPerSecond, f.PerformanceCharacteristics.AvgExecutionTimeMs
	rec := f.ExecutionCapacity.CapacityRecommendations[0]
	cs := f.ColdStart
	mem := f.Memory
	return app.Div().Body(
		app.H2().Text(f.Name),
		app.H3().Text("Execution capacity"),
		figures(
			figure{"Invocations per second", at("traffic.invocations_per_second"), lambda, "/s",
				fmt.Sprintf("%s invocations/month ÷ %s s/month", g(f.Traffic.MonthlyInvocations), g(r.Pricing.HoursPerMonth*3600))},
			figure{"Average concurrency", at("execution_capacity.execution_analysis.avg_concurrent_executions"), ea.AvgConcurrentExecutions, "instances",
				fmt.Sprintf("Little's Law: %s/s × %s ms ÷ 1000", g(lambda), g(avg))},
			figure{"p95 concurrency", at("execution_capacity.execution_analysis.p95_concurrent_executions"), ea.P95ConcurrentExecutions, "instances",
				fmt.Sprintf("%s/s × p95 %s ms ÷ 1000", g(lambda), g(f.PerformanceCharacteristics.P95ExecutionTimeMs))},
			figure{"p99 concurrency", at("execution_capacity.execution_analysis.p99_concurrent_executions"), ea.P99ConcurrentExecutions, "instances",
				fmt.Sprintf("%s/s × p99 %s ms ÷ 1000", g(lambda), g(f.PerformanceCharacteristics.P99ExecutionTimeMs))},
			figure{"Burst concurrency", at("execution_capacity.execution_analysis.burst_concurrent_executions"), ea.BurstConcurrentExecutions, "instances",
				fmt.Sprintf("%s/s × burst multiplier × effective %s ms ÷ 1000", g(lambda), g(ci.EffectiveAvgExecutionMs))},
			figure{"Effective duration", at("execution_capacity.cold_start_impact.effective_avg_execution_ms"), ci.EffectiveAvgExecutionMs, "ms",
				fmt.Sprintf("%s ms + cold-start rate %s × %s ms", g(avg), g(ci.ColdStartRate), g(ci.ColdStartOverheadMs))},
			figure{"Cold-start impact", at("execution_capacity.cold_start_impact.performance_impact_percent"), ci.PerformanceImpactPercent, "%",
				fmt.Sprintf("(%s − %s) ÷ %s ms × 100", g(ci.EffectiveAvgExecutionMs), g(avg), g(avg))},
			figure{"Memory efficiency", at("execution_capacity.memory_analysis.memory_efficiency_percent"), ma.MemoryEfficiencyPercent, "%",
				fmt.Sprintf("%s MB used ÷ %s MB allocated × 100 (%s potential)", g(ma.ActualUsageMb), g(ma.AllocatedMemoryMb), ma.OptimizationPotential)},
			figure{"Recommended reserved concurrency", at("execution_capacity.capacity_recommendations.0.reserved_concurrency"), float64(*rec.ReservedConcurrency), "instances",
				fmt.Sprintf("⌊%s average × %g⌋", g(ea.AvgConcurrentExecutions), spec.ReservedConcurrencyBuffer)},
			figure{"Recommended burst limit", at("execution_capacity.capacity_recommendations.0.burst_limit"), float64(*rec.BurstLimit), "instances",
				fmt.Sprintf("⌊%s burst × %g⌋", g(ea.BurstConcurrentExecutions), spec.BurstLimitBuffer)},
			figure{"Function cost", at("total_monthly_cost"), f.TotalMonthlyCost, "USD/month",
				fmt.Sprintf("Lambda %s + services %s", money(f.CostBreakdown.TotalFunctionCost), money(f.SupportingServices.TotalCost))},
			figure{"INIT billed", at("cost_breakdown.init_cost"), f.CostBreakdown.InitCost, "USD/month",
				fmt.Sprintf("%s GB-s of INIT: cold starts (rate %s) × INIT duration × memory, billed as duration for on-demand cold starts where the profile bills INIT",
					g(f.CostBreakdown.InitGBSeconds), g(f.ColdStartRate.Rate))},
			figure{"X-Ray traces", at("traffic.x_ray_traces"), f.Traffic.XRayTraces, "/month",
				"each hour: the sampling rule's first requests each second, then its share of the rest"},
		),
		app.Div().Class("charts").Body(&Chart{Session: s, Revision: s.reportRevision, Kind: concurrencyChart, Function: i, Label: "Concurrency of " + f.Name}),
		app.H3().Text("Cold starts"),
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
		app.H3().Text("Cold starts by method"),
		figures(
			figure{"Cold-start rate used", at("cold_start_rate.rate"), f.ColdStartRate.Rate, "fraction",
				"from the " + map[string]string{model.ColdStartReference: "rate given", model.ColdStartModel: "keep-alive model of the day's traffic",
					model.ColdStartSimulated: "simulated day of the traffic"}[f.ColdStartRate.Method]},
		),
		&ColdStartLab{Session: s, Revision: s.reportRevision, Function: i},
		app.H3().Text("Memory"),
		figures(
			figure{"Current monthly cost", at("memory.current_analysis.current_monthly_cost"), mem.CurrentAnalysis.CurrentMonthlyCost, "USD/month",
				fmt.Sprintf("(%s GB × %s s × duration price + request price) × %s invocations", g(mem.CurrentAnalysis.CurrentMemoryMb/1024),
					g(mem.CurrentAnalysis.CurrentExecutionTimeMs/1000), g(f.Traffic.MonthlyInvocations))},
		),
		memoryTable(i, mem),
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

func memoryTable(i int, m spec.MemoryOptimization) app.UI {
	picks := map[float64][]string{}
	for _, p := range []struct {
		name string
		o    spec.MemoryOpportunity
	}{{"cheapest", m.OptimizationOpportunities.CostOptimal}, {"fastest", m.OptimizationOpportunities.PerformanceOptimal}, {"balanced", m.OptimizationOpportunities.Balanced}} {
		picks[p.o.MemoryMb] = append(picks[p.o.MemoryMb], p.name)
	}
	return tableRegion("Memory configurations", app.Table(),
		columns("Memory", "Duration", "Source", "Monthly cost", "Cost / invocation", "Pick"),
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
