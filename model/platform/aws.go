package platform

import "planner/model/pricing"

// billLambda prices the usage with the planner's AWS profile of its region
// (pricing.PriceLambda: the request price, tiered duration, provisioned
// concurrency and its execution price, ephemeral storage above 512 MB, the
// account's free tier when asked for; the free tier does not apply to a
// function with provisioned concurrency). The profile's month is the
// usage's period.
func billLambda(u *Usage) Bill {
	profile, _ := pricing.LookupProfile("aws-" + u.Region)
	profile.HoursPerMonth.Amount = u.PeriodHours
	if !u.FreeTier {
		profile.FreeTier.GBSeconds.Amount, profile.FreeTier.Requests.Amount = 0, 0
	} else {
		profile.FreeTier.GBSeconds.Amount *= u.monthShare()
		profile.FreeTier.Requests.Amount *= u.monthShare()
	}
	arch := pricing.Architecture(u.Architecture)
	usage := pricing.LambdaUsage{
		MemoryMb: u.MemoryMb, AvgExecutionTimeMs: u.DurationMs, MonthlyInvocations: u.Invocations,
		ProvisionedConcurrency: float64(u.Provisioned), EphemeralStorageMb: u.EphemeralStorageMb,
	}
	cost := pricing.PriceLambda(profile, arch, true, []pricing.LambdaUsage{usage}, nil)[0]
	prices := profile.Lambda[arch]
	memGB := u.MemoryMb / 1024
	var b Bill
	b.add("requests", u.Invocations-cost.FreeRequests, "request", prices.Request.Amount)
	if onDemand := cost.GBSeconds - cost.ProvisionedGBSeconds - cost.FreeGBSeconds; onDemand > 0 {
		b.add("duration", onDemand, "GB-second", cost.ComputeCost/onDemand)
	}
	if u.Provisioned > 0 {
		b.add("provisioned concurrency", float64(u.Provisioned)*memGB*u.seconds(), "GB-second", prices.ProvisionedCapacity.Amount)
		b.add("duration on provisioned concurrency", cost.ProvisionedGBSeconds, "GB-second", prices.ProvisionedDuration.Amount)
	}
	if extra := max(0, u.EphemeralStorageMb-pricing.EphemeralFreeMb) / 1024; extra > 0 {
		b.add("ephemeral storage above 512 MB", extra*u.DurationMs/1000*u.Invocations, "GB-second", prices.EphemeralStorage.Amount)
	}
	return b
}
