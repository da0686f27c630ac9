package model

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"planner/model/pricing"
	"planner/model/spec"
)

// Limits a scenario must stay within.
const (
	MinMemoryMb      = 128
	MaxMemoryMb      = 10240
	MaxTimeoutMs     = 900_000 // Lambda's 15-minute timeout
	MaxFunctions     = 100_000
	MaxNameLength    = 120
	MaxScenarioName  = 200
	maxConcurrency   = 1_000_000
	maxMonthlyCalls  = 1e13
	maxCallsPerSec   = 1e7
	maxBurst         = 1000
	maxBigQuantity   = 1e15
	maxMeasuredSizes = 64
)

// Validate checks a decoded scenario and returns every problem with its
// JSON path. A scenario without problems can be evaluated: no calculation
// then divides by zero or sees a NaN.
func Validate(s *Scenario) Problems {
	return validateScenario(s, false)
}

// validateScenario checks a scenario. With specRules it accepts everything
// the spec's reference implementation accepts (any function name, bursts
// below 1, p99 below p95), as `planner calc infrastructure` must.
func validateScenario(s *Scenario, specRules bool) Problems {
	v := validator{specRules: specRules}
	if s.Version < 1 || s.Version > ScenarioVersion {
		v.add("version", "unsupported version "+strconv.Itoa(s.Version)+"; this planner reads versions 1 to "+strconv.Itoa(ScenarioVersion))
	}
	if utf8.RuneCountInString(s.Name) > MaxScenarioName {
		v.add("name", "longer than "+strconv.Itoa(MaxScenarioName)+" characters")
	}
	profile, ok := pricing.LookupProfile(s.Pricing.Profile)
	priced := false
	if ok {
		_, priced = profile.Lambda[s.Pricing.Architecture]
	}
	switch {
	case !ok:
		v.add("pricing.profile", "unknown price profile "+strconv.Quote(s.Pricing.Profile)+"; choose one of "+quoteList(pricing.ProfileIDs()))
	case !priced:
		v.add("pricing.architecture", "profile "+profile.ID+" does not price architecture "+strconv.Quote(string(s.Pricing.Architecture))+"; choose one of "+quoteList(archStrings(profile.Architectures())))
	default:
		v.secondsPerMonth = profile.SecondsPerMonth()
	}
	v.intRange("secrets_count", s.SecretsCount, 0, 1_000_000)
	v.number("target_reduction_percent", s.TargetReductionPercent, 0, 100)
	v.compliance(&s.Compliance)
	if len(s.Functions) > MaxFunctions {
		v.add("functions", "more than "+strconv.Itoa(MaxFunctions)+" functions")
	}
	seen := make(map[string]int, len(s.Functions))
	for i := range s.Functions {
		f := &s.Functions[i]
		path := "functions[" + strconv.Itoa(i) + "]"
		v.function(path, f)
		if first, dup := seen[f.Name]; dup && f.Name != "" {
			v.add(path+".name", "duplicate name "+strconv.Quote(f.Name)+" (also functions["+strconv.Itoa(first)+"])")
		} else {
			seen[f.Name] = i
		}
	}
	return v.probs
}

// validator collects problems. Keys are relative to the object at path
// `at`; full paths are only built for problems.
type validator struct {
	probs     Problems
	specRules bool
	at        string
	// secondsPerMonth is the month of the scenario's price profile; 0 when
	// the profile is unknown.
	secondsPerMonth float64
}

func (v *validator) add(key, msg string) { v.probs.add(joinPath(v.at, key), msg) }

// number checks that x is finite and within [lo, hi].
func (v *validator) number(path string, x, lo, hi float64) bool {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		v.add(path, "must be a finite number")
	case x < lo:
		if lo == 0 {
			v.add(path, "must not be negative (got "+fmtNum(x)+")")
		} else {
			v.add(path, "must be at least "+fmtNum(lo)+" (got "+fmtNum(x)+")")
		}
	case x > hi:
		v.add(path, "must be at most "+fmtNum(hi)+" (got "+fmtNum(x)+")")
	default:
		return true
	}
	return false
}

// inRange reports whether x is finite and within [lo, hi].
func inRange(x, lo, hi float64) bool {
	return !math.IsNaN(x) && x >= lo && x <= hi
}

// positive checks that x is finite, above zero and at most hi.
func (v *validator) positive(path string, x, hi float64) {
	if v.number(path, x, 0, hi) && x == 0 {
		v.add(path, "must be greater than 0")
	}
}

func (v *validator) intRange(path string, x, lo, hi int) {
	v.number(path, float64(x), float64(lo), float64(hi))
}

// oneOf checks that value is one of allowed, and says whether it is.
func (v *validator) oneOf(path, value string, allowed []string) bool {
	for _, a := range allowed {
		if value == a {
			return true
		}
	}
	v.add(path, "unknown value "+strconv.Quote(value)+"; choose one of "+quoteList(allowed))
	return false
}

func (v *validator) compliance(c *spec.Compliance) {
	v.number("compliance.pci_overhead_percent", c.PCIOverheadPercent, 0, 1000)
	v.number("compliance.general_overhead_percent", c.GeneralOverheadPercent, 0, 1000)
	v.number("compliance.monitoring_cost_per_invocation", c.MonitoringCostPerInvocation, 0, 1)
	for i, s := range c.AdditionalServices {
		path := "compliance.additional_services[" + strconv.Itoa(i) + "]"
		if s.Name == "" {
			v.add(path+".name", "must not be empty")
		}
		v.number(path+".monthly_cost", s.MonthlyCost, 0, maxBigQuantity)
	}
}

func (v *validator) function(path string, f *Function) {
	v.at = path
	defer func() { v.at = "" }()
	switch n := utf8.RuneCountInString(f.Name); {
	case v.specRules:
	case n == 0:
		v.add("name", "must not be empty")
	case n > MaxNameLength:
		v.add("name", "longer than "+strconv.Itoa(MaxNameLength)+" characters")
	}
	v.oneOf("type", string(f.Type), []string{"api", "processing", "scheduled", "general"})
	v.oneOf("criticality", string(f.Criticality), []string{"low", "medium", "high", "critical"})
	if f.MonthlyInvocations != nil {
		v.number("monthly_invocations", *f.MonthlyInvocations, 0, maxMonthlyCalls)
	}
	if f.InvocationsPerSecond != nil {
		v.number("invocations_per_second", *f.InvocationsPerSecond, 0, maxCallsPerSec)
	}
	minBurst := 1.0
	if v.specRules {
		minBurst = 0
	}
	v.number("burst_multiplier", f.BurstMultiplier, minBurst, maxBurst)
	if len(f.TrafficProfile) != hoursPerDay {
		v.add("traffic_profile", "needs 24 hourly values, got "+strconv.Itoa(len(f.TrafficProfile)))
	} else {
		sum := 0.0
		for h, w := range f.TrafficProfile {
			if inRange(w, 0, maxBigQuantity) {
				sum += w
			} else {
				v.number("traffic_profile["+strconv.Itoa(h)+"]", w, 0, maxBigQuantity)
			}
		}
		if sum == 0 {
			v.add("traffic_profile", "needs at least one hour above 0")
		}
	}
	v.number("idle_periods_hours", f.IdlePeriodsHours, 0, hoursPerDay)

	v.positive("avg_execution_time_ms", f.AvgExecutionTimeMs, MaxTimeoutMs)
	v.number("p95_execution_time_ms", f.P95ExecutionTimeMs, 0, MaxTimeoutMs)
	if v.number("p99_execution_time_ms", f.P99ExecutionTimeMs, 0, MaxTimeoutMs) && f.P99ExecutionTimeMs < f.P95ExecutionTimeMs && !v.specRules {
		v.add("p99_execution_time_ms", "must not be below p95_execution_time_ms ("+fmtNum(f.P95ExecutionTimeMs)+")")
	}
	v.intRange("allocated_memory_mb", f.AllocatedMemoryMb, MinMemoryMb, MaxMemoryMb)
	v.number("actual_memory_usage_mb", f.ActualMemoryUsageMb, 0, MaxMemoryMb)
	v.intRange("ephemeral_storage_mb", f.EphemeralStorageMb, pricing.EphemeralFreeMb, MaxMemoryMb)
	if len(f.ExecutionTimesByMemory) > maxMeasuredSizes {
		v.add("execution_times_by_memory", "more than "+strconv.Itoa(maxMeasuredSizes)+" measurements")
	}
	measured := make(map[int]bool, len(f.ExecutionTimesByMemory))
	for i, m := range f.ExecutionTimesByMemory {
		mp := "execution_times_by_memory[" + strconv.Itoa(i) + "]"
		v.intRange(mp+".memory_mb", m.MemoryMb, MinMemoryMb, MaxMemoryMb)
		v.positive(mp+".execution_time_ms", m.ExecutionTimeMs, MaxTimeoutMs)
		if measured[m.MemoryMb] {
			v.add(mp+".memory_mb", "measured twice at "+strconv.Itoa(m.MemoryMb)+" MB")
		}
		measured[m.MemoryMb] = true
	}

	v.number("cold_start_rate", f.ColdStartRate, 0, 1)
	if v.oneOf("cold_start_method", f.ColdStartMethod, []string{ColdStartReference, ColdStartModel, ColdStartSimulated}) &&
		f.ColdStartMethod == ColdStartSimulated && v.secondsPerMonth > 0 {
		_, monthly := f.Traffic(v.secondsPerMonth)
		if msg := SimulationTooBusy(monthly / (v.secondsPerMonth / 86400)); msg != "" {
			v.add("cold_start_method", msg+": choose \"model\", the keep-alive model, for traffic this busy")
		}
	}
	v.number("keep_alive_minutes", f.KeepAliveMinutes, 0, 24*60)
	v.number("cold_start_duration_ms", f.ColdStartDurationMs, 0, MaxTimeoutMs)
	if !slices.Contains(spec.RuntimeIDs(), f.Runtime) {
		v.oneOf("runtime", f.Runtime, spec.RuntimeIDs())
	}
	v.number("deployment_size_mb", f.DeploymentSizeMb, 0, MaxMemoryMb)
	v.intRange("reserved_concurrency", f.ReservedConcurrency, 0, maxConcurrency)
	v.intRange("provisioned_concurrency", f.ProvisionedConcurrency, 0, maxConcurrency)
	if f.ReservedConcurrency > 0 && f.ProvisionedConcurrency > f.ReservedConcurrency {
		v.add("provisioned_concurrency", "must not exceed reserved_concurrency ("+strconv.Itoa(f.ReservedConcurrency)+")")
	}

	v.oneOf("api_gateway_type", string(f.APIGatewayType), []string{"rest", "http"})
	v.number("log_data_gb_monthly", f.LogDataGbMonthly, 0, 1e9)
	v.number("dynamodb_read_units", f.DynamoDBReadUnits, 0, 1e9)
	v.number("dynamodb_write_units", f.DynamoDBWriteUnits, 0, 1e9)
	v.number("dynamodb_storage_gb", f.DynamoDBStorageGb, 0, 1e9)
	v.number("s3_storage_gb", f.S3StorageGb, 0, 1e12)
	v.number("s3_requests_monthly", f.S3RequestsMonthly, 0, maxBigQuantity)

	v.number("error_rate", f.ErrorRate, 0, 1)
	v.number("throttle_rate", f.ThrottleRate, 0, 1)
	v.number("target_p99_latency_ms", f.TargetP99LatencyMs, 0, MaxTimeoutMs)
	v.number("target_error_rate", f.TargetErrorRate, 0, 1)
	v.number("max_cost_increase_percent", f.MaxCostIncreasePercent, -100, 100000)
	v.number("min_performance_improvement_percent", f.MinPerformanceImprovementPercent, -100000, 100)
	for i, r := range f.ComplianceRequirements {
		if !slices.Contains(spec.ComplianceIDs(), string(r)) {
			v.oneOf("compliance_requirements["+strconv.Itoa(i)+"]", string(r), spec.ComplianceIDs())
		}
	}
}

func fmtNum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func quoteList(items []string) string {
	out := ""
	for i, s := range items {
		if i > 0 {
			out += ", "
		}
		out += strconv.Quote(s)
	}
	return out
}

func archStrings(as []pricing.Architecture) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = string(a)
	}
	return out
}
