package platform

import (
	"planner/model/num"
	"planner/model/pricing"
)

// billLambda prices the usage with the planner's AWS profile of its region
// (pricing.PriceLambda: the request price, tiered duration, provisioned
// concurrency and its execution price, ephemeral storage above 512 MB, the
// account's free tier when asked for; the free tier does not apply to a
// function with provisioned concurrency). The profile's month is the
// usage's period.
func billLambda(u *Usage) Bill {
	free := 0.0
	if u.FreeTier {
		free = u.monthShare()
	}
	return lambdaBill([]Usage{*u}, 0, free)
}

// lambdaBill prices usages of one account and region together (the free
// tier and the duration tiers are the account's), with initGBs of INIT
// phases billed as duration, and merges them by meter. All usages share
// the first one's region and period; freeShare is the part of a month's
// free tier they get, once for the account however many usages share it
// (the period's share of a month; 0 for none).
func lambdaBill(usages []Usage, initGBs, freeShare float64) Bill {
	first := &usages[0]
	profile, _ := pricing.LookupProfile("aws-" + first.Region)
	profile.HoursPerMonth.Amount = first.PeriodHours
	profile.FreeTier.GBSeconds.Amount *= freeShare
	profile.FreeTier.Requests.Amount *= freeShare
	in := make([]pricing.LambdaUsage, len(usages))
	for i, u := range usages {
		in[i] = pricing.LambdaUsage{
			MemoryMb: u.MemoryMb, AvgExecutionTimeMs: u.DurationMs, MonthlyInvocations: u.Invocations,
			ProvisionedConcurrency: float64(u.Provisioned), EphemeralStorageMb: u.EphemeralStorageMb,
			Architecture: pricing.Architecture(u.Architecture),
		}
	}
	if len(in) > 0 {
		in[0].InitGBSeconds = initGBs
	}
	costs := pricing.PriceLambda(profile, pricing.Architecture(first.Architecture), true, in, nil)
	var b Bill
	for i, cost := range costs {
		u := &usages[i]
		prices := profile.Lambda[pricing.Architecture(u.Architecture)]
		var one Bill
		one.add("requests", u.Invocations-cost.FreeRequests, "request", prices.Request.Amount)
		if onDemand := cost.GBSeconds - cost.ProvisionedGBSeconds - cost.FreeGBSeconds*num.Ratio(cost.GBSeconds, cost.GBSeconds+cost.InitGBSeconds); onDemand > 0 {
			one.add("duration", onDemand, "GB-second", cost.ComputeCost/onDemand)
		}
		if cost.InitCost > 0 {
			one.add("INIT phases billed as duration", cost.InitGBSeconds, "GB-second", cost.InitCost/cost.InitGBSeconds)
		}
		if u.Provisioned > 0 {
			one.add("provisioned concurrency", float64(u.Provisioned)*u.MemoryMb/1024*u.seconds(), "GB-second", prices.ProvisionedCapacity.Amount)
			one.add("duration on provisioned concurrency", cost.ProvisionedGBSeconds, "GB-second", prices.ProvisionedDuration.Amount)
		}
		if extra := max(0, u.EphemeralStorageMb-pricing.EphemeralFreeMb) / 1024; extra > 0 {
			one.add("ephemeral storage above 512 MB", extra*u.DurationMs/1000*u.Invocations, "GB-second", prices.EphemeralStorage.Amount)
		}
		b.merge(one)
	}
	for i := range b.Lines {
		if l := &b.Lines[i]; l.Quantity > 0 {
			l.UnitPriceUSD = l.USD / l.Quantity
		}
	}
	return b
}
