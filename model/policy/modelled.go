package policy

import (
	"math"

	"planner/model/keepalive"
	"planner/model/num"
	"planner/model/pricing"
	"planner/model/simulate"
	"planner/model/targets"
)

// maxSimulatedRequests is the most requests the evaluated hours may hold
// to be simulated request by request. A busier function is judged by the
// keep-alive model hour by hour: its millions of requests would take
// seconds to simulate per policy, and at such rates each hour's steady
// state holds (TestModelledScheduleAgreesWithSimulation).
const maxSimulatedRequests = 2e6

// How a comparison judged the schedules.
const (
	MethodSimulated = "simulated"
	MethodModel     = "keep-alive model"
)

// method says how the schedules of in are judged.
func (in Input) method() string {
	total := 0.0
	for _, v := range in.History[len(in.History)-in.EvaluationHours:] {
		total += v
	}
	if total > maxSimulatedRequests {
		return MethodModel
	}
	return MethodSimulated
}

// modelSchedule judges a schedule hour by hour with the keep-alive model
// (the learned policy's environment): hour h, with r requests and k
// provisioned instances, starts cold at P, the model's steady state at
// λ = r / 3600 s; its requests hold an instance (1 − P) × warm + P × cold
// ms, a load of a = λ × that; its provisioned instances are busy
// E[min(N, k)] × 3600 s for N ~ Poisson(a); r × ErlangB(a, the account's
// concurrency) are throttled. p99 is that of the warm and cold lognormal
// durations (the simulator's) mixed at the period's cold share.
func modelSchedule(in Input, actual []float64, provisioned []int, p *pricing.Profile, arch pricing.Architecture) Result {
	type hour struct {
		requests float64
		k        int
	}
	solved := map[hour]float64{}
	var requests, cold, busy, provBusy, provInstance, throttled float64
	for h, r := range actual {
		in.yield()
		k := provisioned[h]
		pc, ok := solved[hour{r, k}]
		if !ok {
			pc = keepalive.SingleRate(keepalive.Input{ArrivalRatePerSecond: r / 3600, WarmServiceTimeMs: in.WarmMs, ColdServiceTimeMs: in.ColdMs,
				KeepAliveMinutes: in.KeepAliveMinutes, ProvisionedConcurrency: float64(k)}).ColdStartProbability
			solved[hour{r, k}] = pc
		}
		holdS := ((1-pc)*in.WarmMs + pc*in.ColdMs) / 1000
		load := r / 3600 * holdS
		blocked := r * targets.ErlangB(load, simulate.LambdaAccountConcurrency)
		requests += r
		throttled += blocked
		cold += (r - blocked) * pc
		busy += (r - blocked) * holdS
		provBusy += targets.ExpectedMin(load, k) * 3600
		provInstance += float64(k) * 3600
	}
	coldShare := num.Ratio(cold, requests-throttled)
	return Result{Applied: provisioned, Cost: scheduleCost(in, p, arch, busy, provBusy, provInstance, requests-throttled),
		ColdStarts: int(math.Round(cold)), ColdRate: coldShare, P99Ms: mixedPercentile(in, coldShare, 0.99), Throttles: int(math.Round(throttled))}
}

// mixedPercentile is the q-quantile, ms, of durations warm (lognormal of
// mean WarmMs, p95 twice that) with probability 1 − cold and cold (the same
// of ColdMs) otherwise; bisection on ln ms.
func mixedPercentile(in Input, cold, q float64) float64 {
	muW, sigmaW := simulate.LognormalFit(in.WarmMs, 2*in.WarmMs)
	muC, sigmaC := simulate.LognormalFit(in.ColdMs, 2*in.ColdMs)
	cdf := func(lnX float64) float64 {
		return (1-cold)*0.5*math.Erfc((muW-lnX)/(sigmaW*math.Sqrt2)) + cold*0.5*math.Erfc((muC-lnX)/(sigmaC*math.Sqrt2))
	}
	lo, hi := min(muW, muC)-10*max(sigmaW, sigmaC), max(muW, muC)+10*max(sigmaW, sigmaC)
	for range 100 {
		mid := (lo + hi) / 2
		if cdf(mid) < q {
			lo = mid
		} else {
			hi = mid
		}
	}
	return math.Exp((lo + hi) / 2)
}

// scheduleCost is the bill of the evaluated hours, USD: on-demand duration
// of the busy seconds not on provisioned instances, the requests served,
// the provisioned capacity, and execution on provisioned instances (at the
// on-demand rate where the profile bills it so).
func scheduleCost(in Input, p *pricing.Profile, arch pricing.Architecture, busySeconds, provisionedBusySeconds, provisionedSeconds, served float64) float64 {
	prices := p.Lambda[arch]
	gb := in.MemoryMb / 1024
	provExec := prices.ProvisionedDuration.Amount
	if p.ProvisionedExecutionOnDemand {
		provExec = prices.Duration.FirstRate()
	}
	return (busySeconds-provisionedBusySeconds)*gb*prices.Duration.FirstRate() + served*prices.Request.Amount +
		provisionedSeconds*gb*prices.ProvisionedCapacity.Amount + provisionedBusySeconds*gb*provExec
}
