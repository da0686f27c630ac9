package targets

// Class is what kind of work a function does; it sets its default targets.
type Class string

// The classes.
const (
	Interactive Class = "interactive" // a person or a caller waits on it
	Processing  Class = "processing"  // events and messages
	Batch       Class = "batch"       // long jobs
	Scheduled   Class = "scheduled"   // timers
)

// Classes lists the classes in display order.
func Classes() []Class { return []Class{Interactive, Processing, Batch, Scheduled} }

// Default limits of the KPIs (see the package documentation).
const (
	DefaultColdStartRate          = 0.05
	DefaultP50LatencyMs           = 500
	DefaultP95LatencyMs           = 2000
	DefaultP99LatencyMs           = 5000
	DefaultThrottleRate           = 0.0001
	DefaultTimeoutRate            = 0.001
	DefaultReservedUsage          = 0.8
	DefaultProvisionedUtilisation = 0.8
	DefaultMemoryUtilisation      = 0.7
)

// Limits are a function's own limits; each set one replaces its class's
// default and is required (nil: the default).
type Limits struct {
	// ColdStartRate is the largest share of cold requests.
	ColdStartRate *float64 `json:"cold_start_rate,omitempty" jsonschema:"title=Cold-start rate at most,minimum=0,maximum=1" jsonschema_extras:"x-unit=fraction"`
	// P50LatencyMs is the median latency to stay under, cold starts included.
	P50LatencyMs *float64 `json:"p50_latency_ms,omitempty" jsonschema:"title=p50 latency at most,minimum=0,maximum=900000" jsonschema_extras:"x-unit=ms"`
	// P95LatencyMs is the 95th-percentile latency to stay under, cold starts included.
	P95LatencyMs *float64 `json:"p95_latency_ms,omitempty" jsonschema:"title=p95 latency at most,minimum=0,maximum=900000" jsonschema_extras:"x-unit=ms"`
	// ThrottleRate is the largest share of requests throttled.
	ThrottleRate *float64 `json:"throttle_rate,omitempty" jsonschema:"title=Throttle rate at most,minimum=0,maximum=1" jsonschema_extras:"x-unit=fraction"`
	// TimeoutRate is the largest share of requests that time out.
	TimeoutRate *float64 `json:"timeout_rate,omitempty" jsonschema:"title=Timeout rate at most,minimum=0,maximum=1" jsonschema_extras:"x-unit=fraction"`
	// ReservedUsage is the most of its reservation its p99 concurrency may use.
	ReservedUsage *float64 `json:"reserved_usage,omitempty" jsonschema:"title=Reserved concurrency usage at most,minimum=0,maximum=1" jsonschema_extras:"x-unit=fraction"`
	// ProvisionedUtilisation is the least busy share of its provisioned instances (required once set).
	ProvisionedUtilisation *float64 `json:"provisioned_utilisation,omitempty" jsonschema:"title=Provisioned utilisation at least,minimum=0,maximum=1" jsonschema_extras:"x-unit=fraction"`
	// MemoryUtilisation is the least share of its memory it uses (required once set).
	MemoryUtilisation *float64 `json:"memory_utilisation,omitempty" jsonschema:"title=Memory utilisation at least,minimum=0,maximum=1" jsonschema_extras:"x-unit=fraction"`
}

// Setting is what decides a function's targets.
type Setting struct {
	Class              Class
	ColdStartSensitive bool
	// P99LatencyMs is the function's own p99 target (nil: its class's).
	P99LatencyMs *float64
	// ErrorRate is its error-rate target (nil: none).
	ErrorRate                               *float64
	HasTimeout, HasReserved, HasProvisioned bool
	Limits                                  Limits
}

// Target is one limit on a KPI.
type Target struct {
	KPI   KPI     `json:"name"`
	Limit float64 `json:"limit"`
	// Required is false for an advisory (a default utilisation).
	Required bool `json:"required"`
}

// Of lists a function's targets, required ones first in KPI order, then
// the advisories.
func Of(s Setting) []Target {
	var out []Target
	add := func(k KPI, own *float64, def float64, applies bool) {
		switch {
		case own != nil:
			out = append(out, Target{k, *own, true})
		case applies:
			out = append(out, Target{k, def, true})
		}
	}
	l := s.Limits
	coldTarget := s.Class == Interactive || s.ColdStartSensitive
	add(ColdStartRate, l.ColdStartRate, DefaultColdStartRate, coldTarget)
	add(P50Latency, l.P50LatencyMs, DefaultP50LatencyMs, s.Class == Interactive)
	add(P95Latency, l.P95LatencyMs, DefaultP95LatencyMs, s.Class == Processing)
	add(P99Latency, s.P99LatencyMs, DefaultP99LatencyMs, s.Class == Batch)
	add(ThrottleRate, l.ThrottleRate, DefaultThrottleRate, true)
	out = append(out, Target{MemoryFit, 1, true})
	if s.HasTimeout {
		add(TimeoutRate, l.TimeoutRate, DefaultTimeoutRate, true)
	}
	if s.HasReserved {
		add(ReservedUsage, l.ReservedUsage, DefaultReservedUsage, true)
	}
	if s.ErrorRate != nil {
		out = append(out, Target{ErrorRate, *s.ErrorRate, true})
	}
	switch {
	case !s.HasProvisioned:
	case l.ProvisionedUtilisation != nil:
		out = append(out, Target{ProvisionedUtilisation, *l.ProvisionedUtilisation, true})
	case !coldTarget:
		out = append(out, Target{ProvisionedUtilisation, DefaultProvisionedUtilisation, false})
	}
	if l.MemoryUtilisation != nil {
		out = append(out, Target{MemoryUtilisation, *l.MemoryUtilisation, true})
	} else {
		out = append(out, Target{MemoryUtilisation, DefaultMemoryUtilisation, false})
	}
	return out
}
