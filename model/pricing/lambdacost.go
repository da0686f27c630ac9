package pricing

import "planner/model/num"

// LambdaUsage is one function's use of Lambda in a billing month.
type LambdaUsage struct {
	MemoryMb               float64 `json:"memory_mb"`
	AvgExecutionTimeMs     float64 `json:"avg_execution_time_ms"`
	MonthlyInvocations     float64 `json:"monthly_invocations"`
	ProvisionedConcurrency float64 `json:"provisioned_concurrency"`
	EphemeralStorageMb     float64 `json:"ephemeral_storage_mb"`
	// Architecture is the function's instruction set; empty for the
	// account's default (PriceLambda's arch).
	Architecture Architecture `json:"-"`
	// InitGBSeconds are the INIT phases of its on-demand cold starts: cold
	// starts × INIT duration (s) × memory (GB); the profile's InitBilled share
	// of them is billed as duration.
	InitGBSeconds float64 `json:"init_gb_seconds"`
}

// LambdaCost is one function's Lambda bill for the month, USD.
type LambdaCost struct {
	RequestCost float64 `json:"request_cost"`
	ComputeCost float64 `json:"compute_cost"`
	// InitCost is the INIT phases billed as duration (apart from ComputeCost).
	InitCost             float64 `json:"init_cost"`
	ProvisionedCost      float64 `json:"provisioned_cost"`
	EphemeralStorageCost float64 `json:"ephemeral_storage_cost"`
	TotalMonthlyCost     float64 `json:"total_monthly_cost"`
	// GBSeconds is the execution the function uses, GB-s.
	GBSeconds float64 `json:"gb_seconds"`
	// InitGBSeconds are the INIT phases billed as duration, GB-s.
	InitGBSeconds float64 `json:"init_gb_seconds"`
	// ProvisionedGBSeconds is the part of GBSeconds served by provisioned
	// concurrency at its own execution price.
	ProvisionedGBSeconds float64 `json:"provisioned_gb_seconds"`
	// FreeGBSeconds and FreeRequests are this function's share of the
	// account's free tier.
	FreeGBSeconds float64 `json:"free_gb_seconds"`
	FreeRequests  float64 `json:"free_requests"`
}

// EphemeralFreeMb is the /tmp size every function gets without charge.
const EphemeralFreeMb = 512

// PriceLambda prices the Lambda use of every function of one account and
// region, and appends one LambdaCost per usage to out. A usage runs on its
// own Architecture, or on arch when it names none.
//
// For function i with memory m_i (GB = MB/1024), mean billed duration d_i (s)
// and n_i invocations:
//
//	gbs_i      = m_i × d_i × n_i
//	pcCap_i    = P_i × m_i × secondsPerMonth            (P_i provisioned instances)
//	pcExec_i   = min(gbs_i, pcCap_i)                     (0 when the profile bills
//	                                                      provisioned executions on demand)
//	init_i     = INIT GB-s of on-demand cold starts × the profile's InitBilled share
//	onDemand_i = gbs_i − pcExec_i + init_i
//	provisioned_i = pcCap_i × capacityRate + pcExec_i × provisionedDurationRate
//
// The free tier (when on) is account-wide and only for functions without
// provisioned concurrency: F = min(free GB-s, Σ eligible onDemand) is shared
// in proportion to onDemand_i, and likewise for requests. Duration tiers count
// the account's billable on-demand GB-s of each architecture,
// B_a = Σ_{i on a}(onDemand_i − free_i) (AWS tiers x86 and Arm apart; the free
// tier covers both), so every function on a pays the blended rate
// tiered_a(B_a)/B_a:
//
//	compute_i  = (onDemand_i − free_i) × tiered(B) / B, of which INIT is init_i's share
//	requests_i = (n_i − freeRequests_i) × requestRate
//	ephemeral_i = max(0, storageMb_i − 512)/1024 × d_i × n_i × ephemeralRate
//
// The profile must price every architecture used; Validate checks that.
func PriceLambda(p *Profile, arch Architecture, freeTier bool, usages []LambdaUsage, out []LambdaCost) []LambdaCost {
	archOf := func(u *LambdaUsage) Architecture {
		if u.Architecture == "" {
			return arch
		}
		return u.Architecture
	}
	start := len(out)
	seconds := p.SecondsPerMonth()
	var eligibleGBs, eligibleRequests float64
	for i := range usages {
		u := &usages[i]
		prices := p.Lambda[archOf(u)]
		memGB := u.MemoryMb / 1024
		gbs := memGB * (u.AvgExecutionTimeMs / 1000) * u.MonthlyInvocations
		c := LambdaCost{GBSeconds: gbs, InitGBSeconds: u.InitGBSeconds * p.InitBilled.Amount}
		if u.ProvisionedConcurrency > 0 {
			capacity := u.ProvisionedConcurrency * memGB * seconds
			c.ProvisionedCost = capacity * prices.ProvisionedCapacity.Amount
			if !p.ProvisionedExecutionOnDemand {
				c.ProvisionedGBSeconds = min(gbs, capacity)
				c.ProvisionedCost += c.ProvisionedGBSeconds * prices.ProvisionedDuration.Amount
			}
		} else {
			eligibleGBs += gbs + c.InitGBSeconds
			eligibleRequests += u.MonthlyInvocations
		}
		extraGB := max(0, u.EphemeralStorageMb-EphemeralFreeMb) / 1024
		c.EphemeralStorageCost = extraGB * (u.AvgExecutionTimeMs / 1000) * u.MonthlyInvocations * prices.EphemeralStorage.Amount
		out = append(out, c)
	}

	freeGBsShare, freeRequestShare := 0.0, 0.0
	if freeTier {
		if eligibleGBs > 0 {
			freeGBsShare = min(p.FreeTier.GBSeconds.Amount, eligibleGBs) / eligibleGBs
		}
		if eligibleRequests > 0 {
			freeRequestShare = min(p.FreeTier.Requests.Amount, eligibleRequests) / eligibleRequests
		}
	}
	var billableGBs [2]float64 // by architecture: the default, the other
	other := func(u *LambdaUsage) int {
		if archOf(u) == arch {
			return 0
		}
		return 1
	}
	costs := out[start:]
	for i := range usages {
		u, c := &usages[i], &costs[i]
		if u.ProvisionedConcurrency <= 0 {
			c.FreeGBSeconds = (c.GBSeconds + c.InitGBSeconds) * freeGBsShare
			c.FreeRequests = u.MonthlyInvocations * freeRequestShare
		}
		billableGBs[other(u)] += c.GBSeconds + c.InitGBSeconds - c.ProvisionedGBSeconds - c.FreeGBSeconds
	}
	var rates [2]float64
	for i := range usages {
		u, c := &usages[i], &costs[i]
		prices := p.Lambda[archOf(u)]
		k := other(u)
		if rates[k] == 0 {
			rates[k] = prices.Duration.FirstRate()
			if billableGBs[k] > 0 {
				rates[k] = prices.Duration.Cost(billableGBs[k]) / billableGBs[k]
			}
		}
		rate := rates[k]
		billable := c.GBSeconds + c.InitGBSeconds - c.ProvisionedGBSeconds - c.FreeGBSeconds
		c.InitCost = num.Ratio(c.InitGBSeconds*billable, c.GBSeconds+c.InitGBSeconds-c.ProvisionedGBSeconds) * rate
		c.ComputeCost = billable*rate - c.InitCost
		c.RequestCost = (u.MonthlyInvocations - c.FreeRequests) * prices.Request.Amount
		c.TotalMonthlyCost = c.RequestCost + c.ComputeCost + c.InitCost + c.ProvisionedCost + c.EphemeralStorageCost
	}
	return out
}
