package model

import (
	"planner/model/pricing"
	"planner/model/simulate"
)

// FunctionSimulation is the simulation of one function of a scenario over a
// day, with its cost.
type FunctionSimulation struct {
	Name   string          `json:"name"`
	Result simulate.Result `json:"result"`
	// Costs of the simulated day scaled to the month, USD.
	OnDemandCostMonthly    float64 `json:"on_demand_cost_monthly"`
	ProvisionedCostMonthly float64 `json:"provisioned_cost_monthly"`
	TotalCostMonthly       float64 `json:"total_cost_monthly"`
	// ElapsedMs is how long the simulation took, when measured.
	ElapsedMs float64 `json:"elapsed_ms,omitempty"`
}

// FunctionSimulationInput derives the simulation of a function from the
// scenario: a day of its hourly traffic (per-minute rates), warm durations
// lognormal with its mean and p95, cold ones longer by the cold-start
// duration, its provisioned concurrency all day, its reserved concurrency
// (or the account's 1,000) as the limit, and Lambda's scaling rate.
func FunctionSimulationInput(f *Function, fr *FunctionReport, keepAliveMinutes float64, seed uint64) simulate.Input {
	rates := make([]float64, 0, hoursPerDay*60)
	for _, perHour := range fr.Traffic.RequestsPerHour {
		for range 60 {
			rates = append(rates, perHour/3600)
		}
	}
	limit := simulate.LambdaAccountConcurrency
	if f.ReservedConcurrency > 0 {
		limit = f.ReservedConcurrency
	}
	provisioned := provisionedList(f)
	coldP95 := f.P95ExecutionTimeMs + f.ColdStartDurationMs
	return simulate.Input{
		Seed:                 seed,
		RatePerMinute:        rates,
		Warm:                 simulate.Distribution{Kind: "lognormal", MeanMs: f.AvgExecutionTimeMs, P95Ms: f.P95ExecutionTimeMs},
		Cold:                 simulate.Distribution{Kind: "lognormal", MeanMs: f.ColdServiceTimeMs(), P95Ms: coldP95},
		KeepAliveMinutes:     keepAliveMinutes,
		ProvisionedByHour:    provisioned,
		ConcurrencyLimit:     limit,
		ScalingLimit:         simulate.LambdaScalingStarts,
		ScalingWindowSeconds: simulate.LambdaScalingWindowSeconds,
		MemoryMb:             float64(f.AllocatedMemoryMb),
	}
}

// SimulateFunction simulates a function of an evaluated scenario and prices
// the simulated day, scaled to the profile's month:
//
//	on-demand   = (busy − provisioned busy) s × GB × duration rate + requests × request rate
//	provisioned = provisioned s × GB × capacity rate + provisioned busy s × GB × its duration rate
func SimulateFunction(p *pricing.Profile, arch pricing.Architecture, f *Function, fr *FunctionReport, keepAliveMinutes float64, seed uint64) FunctionSimulation {
	return SimulateWith(p, arch, f, FunctionSimulationInput(f, fr, keepAliveMinutes, seed))
}

// SimulateWith runs a prepared simulation of a function and prices it.
func SimulateWith(p *pricing.Profile, arch pricing.Architecture, f *Function, sim simulate.Input) FunctionSimulation {
	r := simulate.Run(sim)
	prices := p.Lambda[arch]
	gb := sim.MemoryMb / 1024
	days := p.HoursPerMonth.Amount / 24
	served := float64(r.Arrivals - r.Throttles)
	onDemand := (r.BusyInstanceSeconds-r.ProvisionedBusySeconds)*gb*prices.Duration.FirstRate() + served*prices.Request.Amount
	provExec := prices.ProvisionedDuration.Amount
	if p.ProvisionedExecutionOnDemand {
		provExec = prices.Duration.FirstRate()
	}
	provisioned := r.ProvisionedInstanceSeconds*gb*prices.ProvisionedCapacity.Amount + r.ProvisionedBusySeconds*gb*provExec
	return FunctionSimulation{
		Name:                   f.Name,
		Result:                 r,
		OnDemandCostMonthly:    onDemand * days,
		ProvisionedCostMonthly: provisioned * days,
		TotalCostMonthly:       (onDemand + provisioned) * days,
	}
}

// MaxSimulatedRequestsPerDay bounds a simulated day: the simulator handles
// about 10 million requests a second natively and a third of that in a
// browser, so a day at this bound takes about 2 s natively and 6 s in a
// browser. Busier functions keep all their instances warm and the keep-alive
// model is exact enough for them.
const MaxSimulatedRequestsPerDay = 20_000_000

// SimulationTooBusy says why a day of requestsPerDay requests is not
// simulated, or "" when it can be.
func SimulationTooBusy(requestsPerDay float64) string {
	if requestsPerDay <= MaxSimulatedRequestsPerDay {
		return ""
	}
	return "a simulated day is limited to " + count(MaxSimulatedRequestsPerDay) + " requests; this function has " +
		count(requestsPerDay) + " a day"
}
