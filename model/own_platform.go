package model

import (
	"planner/model/keepalive"
	"planner/model/platform"
	"planner/model/pricing"
)

// workloadOf describes function f, whose traffic fr gives, for the
// platform model: its hours, durations, memory, keep-alive and
// provisioned concurrency as it runs on its own platform, own.
func workloadOf(s *Scenario, own *platform.Platform, f *Function, fr *FunctionReport) platform.Workload {
	return platform.Workload{
		Name: f.Name, Platform: own.ID, RequestsPerHour: fr.Traffic.RequestsPerHour,
		DurationMs: f.AvgExecutionTimeMs, P95Ms: f.P95ExecutionTimeMs, P99Ms: f.P99ExecutionTimeMs, ColdStartMs: f.ColdStartDurationMs,
		MemoryMb: float64(f.AllocatedMemoryMb), UsedMemoryMb: f.ActualMemoryUsageMb,
		Architecture: string(s.ArchitectureOf(f)), KeepAliveMinutes: f.KeepAliveMinutes,
		Provisioned: provisionedList(f),
	}
}

// perInstanceSolver solves the keep-alive model for instances holding
// perInstance requests at once (Cloud Run, Flex Consumption), through
// solve (nil: on the spot).
func perInstanceSolver(solve keepalive.Solver, perInstance int) keepalive.Solver {
	if perInstance <= 1 {
		return solve
	}
	return func(k keepalive.Input) (keepalive.Result, bool) {
		k.PerInstance = perInstance
		if solve == nil {
			return keepalive.Solve(k), true
		}
		return solve(k)
	}
}

// ownDay is a function's keep-alive day on the scenario's own platform,
// own: its instances hold that platform's requests each (ConfigOn's
// concurrency); Cloudflare's isolates have no cold start modelled.
func ownDay(solve keepalive.Solver, s *Scenario, own *platform.Platform, f *Function, fr *FunctionReport) (keepalive.Day, bool) {
	switch own.ID {
	case platform.LambdaID:
		return DayKeepAlive(solve, f, fr)
	case "cloudflare-workers":
		return keepalive.Day{}, true
	}
	c := platform.ConfigOn(own, workloadOf(s, own, f, fr), platform.DefaultAssumptions()).Concurrency
	return DayKeepAlive(perInstanceSolver(solve, c), f, fr)
}

// onOwnPlatform prices the functions on the scenario's own platform when
// it is not AWS Lambda (platform.On, as the Clouds view does): each
// function's share of the platform's bill as the report's compute and
// request costs, with the cold-start rates the report has found (its
// keep-alive days, or the rate given or still pending, so nothing is
// solved here). pace, when set, is called between functions.
func onOwnPlatform(s *Scenario, own *platform.Platform, reports []FunctionReport, pace func()) (platform.Result, []pricing.LambdaCost) {
	workloads := make([]platform.Workload, len(s.Functions))
	for i := range s.Functions {
		workloads[i] = workloadOf(s, own, &s.Functions[i], &reports[i])
		rate := reports[i].ColdStartRate
		day := keepalive.Day{ColdStartProbability: rate.Rate}
		if rate.Model != nil && !rate.Pending {
			day = *rate.Model
		}
		workloads[i].Day = &day
	}
	a := platform.DefaultAssumptions()
	a.FreeTier, a.Pace = s.Pricing.FreeTier, pace
	res := platform.On(own, workloads, a, s.Pricing.Region)
	costs := make([]pricing.LambdaCost, len(res.Functions))
	for i, f := range res.Functions {
		costs[i] = pricing.LambdaCost{ComputeCost: f.MonthlyUSD - f.RequestsUSD, RequestCost: f.RequestsUSD, TotalMonthlyCost: f.MonthlyUSD}
	}
	return res, costs
}
