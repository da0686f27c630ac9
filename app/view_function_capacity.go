package app

import (
	"fmt"

	"planner/model"
	"planner/model/pricing"
	"planner/model/spec"
)

// capacityFigures are a function's execution capacity: its rate, mean and
// busiest-hour p99 concurrency (the model's; the spec's λ × p95 and λ × p99
// durations and its recommended reservations under the reference profile
// only), burst concurrency, cold-start impact, memory and bill.
func capacityFigures(r *model.Report, i int) []figure {
	f := &r.Functions[i]
	at := func(rest string) string { return fmt.Sprintf("functions.%d.%s", i, rest) }
	ea, ci, ma := f.ExecutionCapacity.ExecutionAnalysis, f.ExecutionCapacity.ColdStartImpact, f.ExecutionCapacity.MemoryAnalysis
	lambda, avg := f.Traffic.InvocationsPerSecond, f.PerformanceCharacteristics.AvgExecutionTimeMs
	out := []figure{
		{"Invocations per second", at("traffic.invocations_per_second"), lambda, "/s",
			fmt.Sprintf("%s invocations/month ÷ %s s/month", g(f.Traffic.MonthlyInvocations), g(r.Pricing.HoursPerMonth*3600))},
		{"Average concurrency", at("execution_capacity.execution_analysis.avg_concurrent_executions"), ea.AvgConcurrentExecutions, concurrencyUnit(r),
			fmt.Sprintf("Little's Law: %s/s × %s ms ÷ 1000", g(lambda), g(avg))},
	}
	if r.Pricing.Profile == pricing.ReferenceProfileID {
		out = append(out,
			figure{"p95 concurrency", at("execution_capacity.execution_analysis.p95_concurrent_executions"), ea.P95ConcurrentExecutions, concurrencyUnit(r),
				fmt.Sprintf("the spec's: %s/s × p95 %s ms ÷ 1000", g(lambda), g(f.PerformanceCharacteristics.P95ExecutionTimeMs))},
			figure{"p99 concurrency", at("execution_capacity.execution_analysis.p99_concurrent_executions"), ea.P99ConcurrentExecutions, concurrencyUnit(r),
				fmt.Sprintf("the spec's: %s/s × p99 %s ms ÷ 1000", g(lambda), g(f.PerformanceCharacteristics.P99ExecutionTimeMs))})
	} else {
		out = append(out, figure{"p99 concurrency", at("scorecard.p99_concurrency"), float64(f.Scorecard.P99Concurrency), concurrencyUnit(r),
			"the busiest hour's 99th percentile of busy instances: Poisson with mean requests/s × (mean + cold-start rate × cold start) (M/G/∞)"})
	}
	out = append(out,
		figure{"Burst concurrency", at("execution_capacity.execution_analysis.burst_concurrent_executions"), ea.BurstConcurrentExecutions, concurrencyUnit(r),
			fmt.Sprintf("%s/s × burst multiplier × effective %s ms ÷ 1000", g(lambda), g(ci.EffectiveAvgExecutionMs))},
		figure{"Effective duration", at("execution_capacity.cold_start_impact.effective_avg_execution_ms"), ci.EffectiveAvgExecutionMs, "ms",
			fmt.Sprintf("%s ms + cold-start rate %s × %s ms", g(avg), g(ci.ColdStartRate), g(ci.ColdStartOverheadMs))},
		figure{"Cold-start impact", at("execution_capacity.cold_start_impact.performance_impact_percent"), ci.PerformanceImpactPercent, "%",
			fmt.Sprintf("(%s − %s) ÷ %s ms × 100", g(ci.EffectiveAvgExecutionMs), g(avg), g(avg))},
		figure{"Memory efficiency", at("execution_capacity.memory_analysis.memory_efficiency_percent"), ma.MemoryEfficiencyPercent, "%",
			fmt.Sprintf("%s MB used ÷ %s MB allocated × 100 (%s potential)", g(ma.ActualUsageMb), g(ma.AllocatedMemoryMb), ma.OptimizationPotential)},
	)
	if r.Pricing.Profile == pricing.ReferenceProfileID {
		rec := f.ExecutionCapacity.CapacityRecommendations[0]
		out = append(out,
			figure{"Recommended reserved concurrency", at("execution_capacity.capacity_recommendations.0.reserved_concurrency"), float64(*rec.ReservedConcurrency), "instances",
				fmt.Sprintf("the spec's: ⌊%s average × %g⌋", g(ea.AvgConcurrentExecutions), spec.ReservedConcurrencyBuffer)},
			figure{"Recommended burst limit", at("execution_capacity.capacity_recommendations.0.burst_limit"), float64(*rec.BurstLimit), "instances",
				fmt.Sprintf("the spec's: ⌊%s burst × %g⌋", g(ea.BurstConcurrentExecutions), spec.BurstLimitBuffer)})
	}
	out = append(out, figure{"Function cost", at("total_monthly_cost"), f.TotalMonthlyCost, "USD/month",
		fmt.Sprintf("%s %s + services %s", r.Pricing.FunctionsBillName(), money(f.CostBreakdown.TotalFunctionCost), money(f.SupportingServices.TotalCost))})
	if r.Pricing.OnLambda() {
		out = append(out, figure{"INIT billed", at("cost_breakdown.init_cost"), f.CostBreakdown.InitCost, "USD/month",
			fmt.Sprintf("%s GB-s of INIT: cold starts (rate %s) × INIT duration × memory, billed as duration for on-demand cold starts where the profile bills INIT",
				g(f.CostBreakdown.InitGBSeconds), g(f.ColdStartRate.Rate))})
	}
	return append(out, figure{"X-Ray traces", at("traffic.x_ray_traces"), f.Traffic.XRayTraces, "/month",
		"each hour: the sampling rule's first requests each second, then its share of the rest"})
}
