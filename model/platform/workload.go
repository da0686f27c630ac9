package platform

import (
	"math"

	"planner/model/keepalive"
	"planner/model/num"
	"planner/model/pricing"
)

// Workload is one function described once, as it runs on its own platform
// today (AWS Lambda unless Platform says otherwise): the planner maps it to
// each platform's nearest configuration.
type Workload struct {
	Name string `json:"name"`
	// Platform is the platform it runs on and was measured on (empty: AWS
	// Lambda): its durations, keep-alive and cold-start rate are that
	// platform's.
	Platform string `json:"platform,omitempty"`
	// RequestsPerHour are the requests of each hour of a typical day.
	RequestsPerHour []float64 `json:"requests_per_hour"`
	// DurationMs, P95Ms and P99Ms are the warm mean, p95 and p99 on its
	// platform at MemoryMb.
	DurationMs float64 `json:"avg_execution_time_ms"`
	P95Ms      float64 `json:"p95_execution_time_ms"`
	P99Ms      float64 `json:"p99_execution_time_ms"`
	// ColdStartMs is what a cold start adds (INIT), ms.
	ColdStartMs float64 `json:"cold_start_ms"`
	MemoryMb    float64 `json:"memory_mb"`
	// UsedMemoryMb is the memory it uses (0: unknown).
	UsedMemoryMb     float64 `json:"used_memory_mb,omitempty"`
	Architecture     string  `json:"architecture"`
	KeepAliveMinutes float64 `json:"keep_alive_minutes"`
	// Provisioned is Lambda's provisioned concurrency in each hour of the
	// day (one value: every hour; none: no provisioned concurrency), for a
	// workload on AWS Lambda.
	Provisioned []int `json:"provisioned_concurrency,omitempty"`
	// ColdStartRate is the share of requests that start cold on its own
	// platform when it is given rather than modelled (the scenario's
	// reference method, or its simulated day): that platform's figures
	// then use it at every traffic, as the scenario's report does. nil:
	// the keep-alive model decides.
	ColdStartRate *float64 `json:"cold_start_rate,omitempty"`
	// Day is its keep-alive day on its own platform when already solved
	// (the scenario's report): that platform's cold starts and instances
	// are then its.
	Day *keepalive.Day `json:"-"`
}

// home is the platform the workload runs on today.
func (w *Workload) home() string {
	if w.Platform == "" {
		return "aws-lambda"
	}
	return w.Platform
}

// at reports whether p is the workload's own platform.
func (w *Workload) at(p *Platform) bool { return p.ID == w.home() }

// Assumptions are the choices behind moving a workload, which the user can
// change.
type Assumptions struct {
	// CPUBoundShare is the share of a request's duration spent on the CPU:
	// it scales with the CPU an instance gets; the rest (waiting on I/O) does
	// not.
	CPUBoundShare float64 `json:"cpu_bound_share"`
	// FreeTier applies each platform's monthly free grants.
	FreeTier bool `json:"free_tier"`
	// Regions name each platform's region (absent: its first).
	Regions map[string]string `json:"regions,omitempty"`
	// Pace, when set, is called between workloads (a browser yields to
	// the page there while a big scenario is billed).
	Pace func() `json:"-"`
}

// pace calls a.Pace, if any.
func (a Assumptions) pace() {
	if a.Pace != nil {
		a.Pace()
	}
}

// DefaultAssumptions: half of the duration is CPU-bound; free tiers on.
func DefaultAssumptions() Assumptions { return Assumptions{CPUBoundShare: 0.5, FreeTier: true} }

// Config is a workload's nearest configuration on a platform.
type Config struct {
	MemoryMb    float64 `json:"memory_mb"`
	VCPU        float64 `json:"vcpu"`
	Concurrency int     `json:"concurrency_per_instance"`
	// DurationMs is the mean request on this CPU:
	// d × ((1 − s) + s × cpu_lambda/cpu), with s the CPU-bound share.
	DurationMs float64 `json:"avg_execution_time_ms"`
	// CPUTimeMs is the CPU a request uses on a full core (Workers).
	CPUTimeMs   float64 `json:"cpu_time_ms"`
	ColdStartMs float64 `json:"cold_start_ms"`
	// Note says what does not fit (memory over a platform's limit).
	Note string `json:"note,omitempty"`
}

// lambdaVCPU is the CPU Lambda gives a memory size (1,769 MB = 1 vCPU, up
// to 6).
func lambdaVCPU(memoryMb float64) float64 { return min(6, memoryMb/1769) }

// ConfigOn maps a workload to a platform: the same memory where allowed
// (Azure Consumption at most 1,536 MB observed; Flex the smallest instance
// size that holds it; Cloud Run 1 vCPU up to 4 GiB, then 2, 4 and 8), the
// platform's default concurrency (Cloud Run 80, Flex 4/16/32 by size), and
// the CPU-bound share s of the duration scaled by the CPU it gets there
// (Lambda's from its memory, Consumption one core, Flex 0.25/1/2 cores)
// against the CPU it has on its own platform:
// d × ((1 − s) + s × cpu_own/cpu). On its own platform the duration is the
// one given.
func ConfigOn(p *Platform, w Workload, a Assumptions) Config {
	cfg := nearestConfig(p, w)
	own := cfg.VCPU
	if !w.at(p) {
		if home, ok := Lookup(w.home()); ok {
			own = nearestConfig(home, w).VCPU
		}
	}
	s := min(1, max(0, a.CPUBoundShare))
	cfg.DurationMs = w.DurationMs
	if !w.at(p) {
		cfg.DurationMs = w.DurationMs * ((1 - s) + s*own/max(cfg.VCPU, 1e-9))
	}
	cfg.CPUTimeMs = w.DurationMs * s * own
	return cfg
}

// nearestConfig is the memory, CPU, concurrency and cold start a workload
// gets on p, its duration left to ConfigOn.
func nearestConfig(p *Platform, w Workload) Config {
	cfg := Config{MemoryMb: w.MemoryMb, VCPU: lambdaVCPU(w.MemoryMb), Concurrency: 1, ColdStartMs: w.ColdStartMs}
	used := w.UsedMemoryMb
	if used <= 0 {
		used = w.MemoryMb
	}
	switch p.ID {
	case "azure-functions-consumption":
		cfg.MemoryMb, cfg.VCPU = min(used, p.MaxMemoryMb), 1
		if used > p.MaxMemoryMb {
			cfg.Note = "uses more than the 1,536 MB an instance has"
		}
	case "azure-functions-flex":
		cfg.MemoryMb = p.MemorySizes[len(p.MemorySizes)-1]
		for _, size := range p.MemorySizes {
			if size >= w.MemoryMb {
				cfg.MemoryMb = size
				break
			}
		}
		cfg.VCPU = cfg.MemoryMb / 1024 * p.CPUPerGB.Amount
		cfg.Concurrency = flexConcurrency(cfg.MemoryMb)
		if w.MemoryMb > cfg.MemoryMb {
			cfg.Note = "needs more memory than the largest instance (4,096 MB)"
		}
	case "gcp-cloud-run":
		cfg.MemoryMb = max(p.MinMemoryMb, math.Ceil(w.MemoryMb))
		cfg.VCPU = 1
		for _, step := range []struct{ upTo, vcpu float64 }{{4096, 1}, {8192, 2}, {16384, 4}, {math.Inf(1), 8}} {
			if cfg.MemoryMb <= step.upTo {
				cfg.VCPU = step.vcpu
				break
			}
		}
		cfg.Concurrency = 80
	case "cloudflare-workers":
		cfg.MemoryMb, cfg.VCPU, cfg.ColdStartMs = p.MaxMemoryMb, 1, p.ColdStartMs.Amount
		if used > p.MaxMemoryMb {
			cfg.Note = "uses more than a Worker's 128 MB"
		}
	}
	return cfg
}

// hourlyUsages are a workload's hours on a platform as usages of one
// month: hour h's requests repeated on every day of the month.
func hourlyUsages(p *Platform, w Workload, cfg Config, region string, scale float64) []Usage {
	days := HoursPerMonth / 24.0
	out := make([]Usage, 0, len(w.RequestsPerHour))
	for h, requests := range w.RequestsPerHour {
		u := Usage{Platform: p.ID, Region: region, Architecture: w.Architecture, PeriodHours: days,
			Invocations: requests * scale * days, DurationMs: cfg.DurationMs, MemoryMb: cfg.MemoryMb,
			VCPU: cfg.VCPU, CPUTimeMs: cfg.CPUTimeMs, Concurrency: cfg.Concurrency, Traffic: "poisson",
			EphemeralStorageMb: pricing.EphemeralFreeMb}
		if p.ID == "aws-lambda" && w.at(p) {
			u.Provisioned = w.provisionedIn(h)
		}
		if u.Architecture == "" {
			u.Architecture = string(pricing.X86_64)
		}
		out = append(out, u)
	}
	return out
}

// provisionedIn is the workload's provisioned instances in hour h.
func (w *Workload) provisionedIn(h int) int {
	switch len(w.Provisioned) {
	case 0:
		return 0
	case 1:
		return w.Provisioned[0]
	}
	return w.Provisioned[h%len(w.Provisioned)]
}

// provisionedHours is Provisioned as the keep-alive model takes it, or its
// mean for a day solved at its mean rate.
func (w *Workload) provisionedHours(hourly bool) []float64 {
	out := make([]float64, len(w.Provisioned))
	for h, k := range w.Provisioned {
		out[h] = float64(k)
	}
	if !hourly && len(out) > 1 {
		return []float64{num.Sum(out) / float64(len(out))}
	}
	return out
}
