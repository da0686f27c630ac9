package platform

// Usage is one function on one platform over a billing period: the input
// of `planner calc platform-cost`. Zero values take the platform's
// defaults (see Defaults); keys the platform does not use must be zero.
type Usage struct {
	Platform     string  `json:"platform"`
	Region       string  `json:"region,omitempty"`
	Architecture string  `json:"architecture,omitempty"`
	FreeTier     bool    `json:"free_tier,omitempty"`
	PeriodHours  float64 `json:"period_hours,omitempty"`
	// Invocations are the requests in the period.
	Invocations float64 `json:"invocations"`
	// DurationMs is the mean wall time of a request, ms.
	DurationMs float64 `json:"avg_execution_time_ms,omitempty"`
	// MemoryMb is the function's memory (Lambda), its observed memory
	// (Azure Consumption), the instance size (Flex) or the instance's
	// memory in MiB (Cloud Run).
	MemoryMb float64 `json:"memory_mb,omitempty"`
	// VCPU is a Cloud Run instance's vCPUs.
	VCPU float64 `json:"vcpu,omitempty"`
	// CPUTimeMs is a Worker's mean CPU time per request, ms.
	CPUTimeMs float64 `json:"cpu_time_ms,omitempty"`
	// Concurrency is how many requests one instance holds at once.
	Concurrency int `json:"concurrency_per_instance,omitempty"`
	// AlwaysReady are Flex instances billed whether busy or not.
	AlwaysReady int `json:"always_ready_instances,omitempty"`
	// MinInstances are Cloud Run instances kept idle at the idle rate, or
	// Lambda's provisioned concurrency.
	MinInstances int `json:"min_instances,omitempty"`
	// Provisioned is Lambda's provisioned concurrency (min_instances says
	// the same).
	Provisioned        int     `json:"provisioned_concurrency,omitempty"`
	EphemeralStorageMb float64 `json:"ephemeral_storage_mb,omitempty"`
	// Traffic is "poisson" (random arrivals, the default) or "steady"
	// (evenly spaced): it decides how many instances are busy.
	Traffic string `json:"traffic,omitempty"`
}

// HoursPerMonth is the month the free grants and subscriptions are given
// for (the AWS Pricing Calculator's 730 hours).
const HoursPerMonth = 730

// Line is one meter of a bill.
type Line struct {
	Meter        string  `json:"meter"`
	Quantity     float64 `json:"quantity"`
	Unit         string  `json:"unit"`
	UnitPriceUSD float64 `json:"unit_price_usd"`
	USD          float64 `json:"usd"`
}

// Bill is what a platform charges for a usage.
type Bill struct {
	TotalUSD float64 `json:"total_usd"`
	Lines    []Line  `json:"lines"`
}

// add appends a meter billed at quantity × unit price.
func (b *Bill) add(meter string, quantity float64, unit string, unitPrice float64) {
	b.Lines = append(b.Lines, Line{Meter: meter, Quantity: quantity, Unit: unit, UnitPriceUSD: unitPrice, USD: quantity * unitPrice})
	b.TotalUSD += quantity * unitPrice
}

// credit appends a spend-based discount (a negative line).
func (b *Bill) credit(meter string, usd float64) {
	if usd <= 0 {
		return
	}
	b.Lines = append(b.Lines, Line{Meter: meter, Quantity: 1, Unit: "credit", UnitPriceUSD: -usd, USD: -usd})
	b.TotalUSD -= usd
}

// monthShare is the period as a share of a month: monthly grants and
// subscriptions are prorated to it.
func (u *Usage) monthShare() float64 { return u.PeriodHours / HoursPerMonth }

// seconds is the period in seconds.
func (u *Usage) seconds() float64 { return u.PeriodHours * 3600 }

// load is the busy count of the usage's traffic with concurrency c.
func (u *Usage) load() Load {
	lambda := u.Invocations / max(u.seconds(), 1e-9)
	return Load{Rho: lambda * u.DurationMs / 1000, Steady: u.Traffic == "steady", Lambda: lambda}
}

// beyond is max(0, used − free).
func beyond(used, free float64) float64 { return max(0, used-free) }
