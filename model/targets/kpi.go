package targets

// KPI names a measure of a function that a target limits.
type KPI string

// The KPIs.
const (
	ColdStartRate          KPI = "cold_start_rate"
	P50Latency             KPI = "p50_latency_ms"
	P95Latency             KPI = "p95_latency_ms"
	P99Latency             KPI = "p99_latency_ms"
	ThrottleRate           KPI = "throttle_rate"
	TimeoutRate            KPI = "timeout_rate"
	ReservedUsage          KPI = "reserved_usage"
	ProvisionedUtilisation KPI = "provisioned_utilisation"
	MemoryUtilisation      KPI = "memory_utilisation"
	MemoryFit              KPI = "memory_fit"
	ErrorRate              KPI = "error_rate"
)

// AtLeast says whether the KPI's limit is a floor (the utilisations)
// rather than a ceiling.
func (k KPI) AtLeast() bool { return k == ProvisionedUtilisation || k == MemoryUtilisation }

// Unit is "ms" for latencies, "fraction" for the rest.
func (k KPI) Unit() string {
	switch k {
	case P50Latency, P95Latency, P99Latency:
		return "ms"
	}
	return "fraction"
}

// Label is the KPI's name for people.
func (k KPI) Label() string {
	switch k {
	case ColdStartRate:
		return "Cold-start rate"
	case P50Latency:
		return "p50 latency"
	case P95Latency:
		return "p95 latency"
	case P99Latency:
		return "p99 latency"
	case ThrottleRate:
		return "Throttle rate"
	case TimeoutRate:
		return "Timeout rate"
	case ReservedUsage:
		return "Reserved concurrency usage"
	case ProvisionedUtilisation:
		return "Provisioned-concurrency utilisation"
	case MemoryUtilisation:
		return "Memory utilisation"
	case MemoryFit:
		return "Memory used of allocated"
	case ErrorRate:
		return "Error rate"
	}
	return string(k)
}

// Met says whether value meets limit: at most it, or at least it for a
// floor.
func (k KPI) Met(value, limit float64) bool {
	if k.AtLeast() {
		return value >= limit
	}
	return value <= limit
}
