package platform

import (
	"math"

	"planner/model/pricing"
)

// azureConsumptionPrices are the Consumption plan's meters (East US).
type azureConsumptionPrices struct {
	GBSecond, Execution, FreeGBSeconds, FreeExecutions pricing.Price
	// MinDurationMs is the shortest billed execution; MemoryStepMb the
	// step observed memory is rounded up to, between MinMemoryMb and the
	// platform's maximum.
	MinDurationMs, MemoryStepMb, MinMemoryMb pricing.Price
}

func azureConsumptionRates() azureConsumptionPrices {
	return azureConsumptionPrices{
		GBSecond:       rate(0.000016, "GB-second", azurePricing, "second-hand"),
		Execution:      rate(0.20/1e6, "execution", azurePricing, "second-hand"),
		FreeGBSeconds:  rate(400_000, "GB-seconds per month", azureGrant, "first-hand"),
		FreeExecutions: rate(1_000_000, "executions per month", azureGrant, "first-hand"),
		MinDurationMs:  rate(100, "ms", azureMeter, "first-hand"),
		MemoryStepMb:   rate(128, "MB", azureMeter, "first-hand"),
		MinMemoryMb:    rate(128, "MB", azureMeter, "first-hand"),
	}
}

// billAzureConsumption prices executions on observed memory:
//
//	GB-s = n × max(⌈d⌉₁ms, 100 ms)/1000 × min(max(⌈m⌉₁₂₈, 128), 1,536)/1024
//	cost = GB-s × $0.000016 + n × $0.20/M
//
// before the monthly grant (allowances). Memory is per execution,
// as the vendor's examples apply it (a process shared by concurrent
// executions pays less).
func billAzureConsumption(u *Usage, p *Platform) Bill {
	r := azureConsumptionRates()
	ms := max(math.Ceil(u.DurationMs-1e-9), r.MinDurationMs.Amount)
	mb := min(max(roundUp(u.MemoryMb, r.MemoryStepMb.Amount), r.MinMemoryMb.Amount), p.MaxMemoryMb)
	var b Bill
	b.add("execution time", u.Invocations*ms/1000*mb/1024, "GB-second", r.GBSecond.Amount)
	b.add("executions", u.Invocations, "execution", r.Execution.Amount)
	return b
}

// flexPrices are the Flex Consumption plan's meters (East US).
type flexPrices struct {
	OnDemandGBSecond, OnDemandExecution, FreeGBSeconds, FreeExecutions pricing.Price
	BaselineGBSecond, AlwaysReadyGBSecond, AlwaysReadyExecution        pricing.Price
	// MinPeriodMs is the shortest billed activity period, StepMs the step
	// longer ones are rounded up to.
	MinPeriodMs, StepMs pricing.Price
}

func flexRates() flexPrices {
	return flexPrices{
		OnDemandGBSecond:     rate(0.000026, "GB-second", flexDocs+" (the worked example's rate); eastus2 retail API snapshot", "first-hand"),
		OnDemandExecution:    rate(0.40/1e6, "execution", flexDocs+" (the worked example's rate)", "first-hand"),
		FreeGBSeconds:        rate(100_000, "GB-seconds per month", "go2share.net and several repositories", "second-hand"),
		FreeExecutions:       rate(250_000, "executions per month", "go2share.net and several repositories", "second-hand"),
		BaselineGBSecond:     rate(0.000004, "GB-second", flexRates2nd, "second-hand"),
		AlwaysReadyGBSecond:  rate(0.000016, "GB-second", flexRates2nd, "second-hand"),
		AlwaysReadyExecution: rate(0.40/1e6, "execution", flexRates2nd, "second-hand"),
		MinPeriodMs:          rate(1000, "ms", flexDocs, "first-hand"),
		StepMs:               rate(100, "ms", flexDocs, "first-hand"),
	}
}

// flexConcurrency is the HTTP per-instance concurrency Flex gives an
// instance size by default (512 MB: 4, 2,048 MB: 16, 4,096 MB: 32).
func flexConcurrency(memoryMb float64) int {
	switch {
	case memoryMb <= 512:
		return 4
	case memoryMb <= 2048:
		return 16
	}
	return 32
}

// billAzureFlex prices instance activity. With n requests in flight, c per
// instance and a always-ready instances taking requests first, ⌈n/c⌉
// instances are active (Load.Busy); an activity period is billed for at
// least 1,000 ms, then in 100 ms steps (Load.Periods). On-demand instances
// pay active GB-s of the instance size and their executions (the monthly
// grants are applied by allowances); always-ready instances pay the baseline on
// their whole time, active GB-s at the always-ready rate and their
// executions, with no grants:
//
//	onDemand GB-s  = (E[(⌈n/c⌉ − a)⁺] + periods' extra) × T × m
//	baseline GB-s  = a × T × m
//	ready GB-s     = E[min(⌈n/c⌉, a)] × T × m
//	ready execs    = n_req × E[min(n, a·c)]/ρ
func billAzureFlex(u *Usage) Bill {
	r := flexRates()
	gb := u.MemoryMb / 1024
	load := u.load()
	busy := load.Busy(u.Concurrency, u.AlwaysReady)
	_, extra := load.Periods(u.Concurrency, u.AlwaysReady, r.MinPeriodMs.Amount/1000, r.StepMs.Amount/1000)
	T := u.seconds()
	readyExec := 0.0
	if load.Rho > 0 {
		readyExec = u.Invocations * busy.ReservedRequests / load.Rho
	}
	var b Bill
	b.add("on-demand execution time", (busy.OnDemand+extra)*T*gb, "GB-second", r.OnDemandGBSecond.Amount)
	b.add("on-demand executions", max(0, u.Invocations-readyExec), "execution", r.OnDemandExecution.Amount)
	if u.AlwaysReady > 0 {
		b.add("always ready baseline", float64(u.AlwaysReady)*T*gb, "GB-second", r.BaselineGBSecond.Amount)
		b.add("always ready execution time", busy.Reserved*T*gb, "GB-second", r.AlwaysReadyGBSecond.Amount)
		b.add("always ready executions", readyExec, "execution", r.AlwaysReadyExecution.Amount)
	}
	return b
}
