package platform

import (
	"slices"

	"planner/model/pricing"
)

// Cloud Run's price tiers by region (cloud.google.com/run/pricing, first-hand).
var (
	cloudRunTier1 = []string{"us-central1", "asia-east1", "asia-northeast1", "asia-northeast2", "asia-south1",
		"europe-north1", "europe-north2", "europe-southwest1", "europe-west1", "europe-west4", "europe-west8",
		"europe-west9", "me-west1", "northamerica-south1", "us-east1", "us-east4", "us-east5", "us-south1",
		"us-west1", "us-west8"}
	cloudRunTier2Regions = []string{"africa-south1", "asia-east2", "asia-northeast3", "asia-southeast1",
		"asia-southeast2", "asia-south2", "australia-southeast1", "australia-southeast2", "europe-central2",
		"europe-west2", "europe-west3", "europe-west6", "europe-west10", "europe-west12", "me-central1",
		"me-central2", "northamerica-northeast1", "northamerica-northeast2", "southamerica-east1",
		"southamerica-west1", "us-west2", "us-west3", "us-west4"}
)

// cloudRunPrices are request-based billing's meters in one price tier.
type cloudRunPrices struct {
	ActiveVCPU, ActiveGiB, IdleVCPU, IdleGiB, Request pricing.Price
}

// cloudRunFree is the monthly free tier: a spend-based discount worth
// Tier 1's price of 180,000 vCPU-s and 360,000 GiB-s, and 2 million requests.
type cloudRunFree struct {
	CPUUSD, MemoryUSD, Requests, StepMs pricing.Price
}

func cloudRunRates(region string) cloudRunPrices {
	tier1 := cloudRunPrices{
		ActiveVCPU: rate(0.000024, "vCPU-second", cloudRunPage, "first-hand"),
		ActiveGiB:  rate(0.0000025, "GiB-second", cloudRunPage, "first-hand"),
		IdleVCPU:   rate(0.0000025, "vCPU-second", cloudRunPage, "first-hand"),
		IdleGiB:    rate(0.0000025, "GiB-second", cloudRunPage, "first-hand"),
		Request:    rate(0.40/1e6, "request", cloudRunPage, "first-hand"),
	}
	if !slices.Contains(cloudRunTier2Regions, region) {
		return tier1
	}
	tier2 := func(p pricing.Price, hand string) pricing.Price {
		p.Amount *= 1.4
		p.Source, p.Hand = cloudRunTier2, hand
		return p
	}
	return cloudRunPrices{
		ActiveVCPU: tier2(tier1.ActiveVCPU, "second-hand"),
		ActiveGiB:  tier2(tier1.ActiveGiB, "second-hand"),
		IdleVCPU:   tier2(tier1.IdleVCPU, "derived"),
		IdleGiB:    tier2(tier1.IdleGiB, "derived"),
		Request:    rate(0.40/1e6, "request", cloudRunTier2, "second-hand"),
	}
}

func cloudRunFreeTier() cloudRunFree {
	return cloudRunFree{
		CPUUSD:    rate(180_000*0.000024, "USD per month (180,000 vCPU-s at Tier 1)", cloudRunPage, "derived"),
		MemoryUSD: rate(360_000*0.0000025, "USD per month (360,000 GiB-s at Tier 1)", cloudRunPage, "derived"),
		Requests:  rate(2_000_000, "requests per month", cloudRunPage, "first-hand"),
		StepMs:    rate(100, "ms", cloudRunPage, "first-hand"),
	}
}

// billCloudRun prices request-based billing. With n requests in flight and
// c per instance, ⌈n/c⌉ instances are active; the first k minimum
// instances take requests first and are billed at the idle rate while idle;
// each activity period is rounded up to 100 ms:
//
//	active s = (E[⌈n/c⌉] + rounding) × T,  idle s = (k − E[min(⌈n/c⌉, k)]) × T
//	CPU      = vCPU × (active s × active rate + idle s × idle rate)
//	memory   = GiB × (active s × active rate + idle s × idle rate)
//	requests = n_req × $0.40/M
//
// The free tier (allowances) is a spend-based discount at Tier 1 prices: up to $4.32 of
// CPU and $0.90 of memory a month (prorated to the period), so a Tier 2
// region gets fewer free seconds. Instance start-up time is billed too; it
// is not an input here (the Clouds view adds cold starts × start-up time).
func billCloudRun(u *Usage) Bill {
	r, free := cloudRunRates(u.Region), cloudRunFreeTier()
	load := u.load()
	busy := load.Busy(u.Concurrency, u.MinInstances)
	_, extra := load.Periods(u.Concurrency, u.MinInstances, 0, free.StepMs.Amount/1000)
	T := u.seconds()
	active := (busy.Reserved + busy.OnDemand + extra) * T
	idle := (float64(u.MinInstances) - busy.Reserved) * T
	gib := u.MemoryMb / 1024
	var b Bill
	b.add("CPU, active", u.VCPU*active, "vCPU-second", r.ActiveVCPU.Amount)
	b.add("memory, active", gib*active, "GiB-second", r.ActiveGiB.Amount)
	if u.MinInstances > 0 {
		b.add("CPU, idle minimum instances", u.VCPU*idle, "vCPU-second", r.IdleVCPU.Amount)
		b.add("memory, idle minimum instances", gib*idle, "GiB-second", r.IdleGiB.Amount)
	}
	b.add("requests", u.Invocations, "request", r.Request.Amount)
	return b
}
