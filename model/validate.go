package model

import (
	"math"
	"strconv"
	"unicode/utf8"
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
	profile, ok := LookupProfile(s.Pricing.Profile)
	if !ok {
		v.add("pricing.profile", "unknown price profile "+strconv.Quote(s.Pricing.Profile)+"; choose one of "+quoteList(ProfileIDs()))
	} else if _, ok := profile.Lambda[s.Pricing.Architecture]; !ok {
		v.add("pricing.architecture", "profile "+profile.ID+" does not price architecture "+strconv.Quote(string(s.Pricing.Architecture))+"; choose one of "+quoteList(archStrings(profile.Architectures())))
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

type validator struct {
	probs     Problems
	specRules bool
}

func (v *validator) add(path, msg string) { v.probs.add(path, msg) }

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

// positive checks that x is finite, above zero and at most hi.
func (v *validator) positive(path string, x, hi float64) {
	if v.number(path, x, 0, hi) && x == 0 {
		v.add(path, "must be greater than 0")
	}
}

func (v *validator) intRange(path string, x, lo, hi int) {
	v.number(path, float64(x), float64(lo), float64(hi))
}

func (v *validator) oneOf(path, value string, allowed []string) {
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	v.add(path, "unknown value "+strconv.Quote(value)+"; choose one of "+quoteList(allowed))
}

func (v *validator) compliance(c *Compliance) {
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
	at := func(key string) string { return path + "." + key }
	switch n := utf8.RuneCountInString(f.Name); {
	case v.specRules:
	case n == 0:
		v.add(at("name"), "must not be empty")
	case n > MaxNameLength:
		v.add(at("name"), "longer than "+strconv.Itoa(MaxNameLength)+" characters")
	}
	v.oneOf(at("type"), string(f.Type), []string{"api", "processing", "scheduled", "general"})
	v.oneOf(at("criticality"), string(f.Criticality), []string{"low", "medium", "high", "critical"})
	if f.MonthlyInvocations != nil {
		v.number(at("monthly_invocations"), *f.MonthlyInvocations, 0, maxMonthlyCalls)
	}
	if f.InvocationsPerSecond != nil {
		v.number(at("invocations_per_second"), *f.InvocationsPerSecond, 0, maxCallsPerSec)
	}
	minBurst := 1.0
	if v.specRules {
		minBurst = 0
	}
	v.number(at("burst_multiplier"), f.BurstMultiplier, minBurst, maxBurst)
	if len(f.TrafficProfile) != hoursPerDay {
		v.add(at("traffic_profile"), "needs 24 hourly values, got "+strconv.Itoa(len(f.TrafficProfile)))
	} else {
		sum := 0.0
		for h, w := range f.TrafficProfile {
			if v.number(at("traffic_profile")+"["+strconv.Itoa(h)+"]", w, 0, maxBigQuantity) {
				sum += w
			}
		}
		if sum == 0 {
			v.add(at("traffic_profile"), "needs at least one hour above 0")
		}
	}
	v.number(at("idle_periods_hours"), f.IdlePeriodsHours, 0, hoursPerDay)

	v.positive(at("avg_execution_time_ms"), f.AvgExecutionTimeMs, MaxTimeoutMs)
	v.number(at("p95_execution_time_ms"), f.P95ExecutionTimeMs, 0, MaxTimeoutMs)
	if v.number(at("p99_execution_time_ms"), f.P99ExecutionTimeMs, 0, MaxTimeoutMs) && f.P99ExecutionTimeMs < f.P95ExecutionTimeMs && !v.specRules {
		v.add(at("p99_execution_time_ms"), "must not be below p95_execution_time_ms ("+fmtNum(f.P95ExecutionTimeMs)+")")
	}
	v.intRange(at("allocated_memory_mb"), f.AllocatedMemoryMb, MinMemoryMb, MaxMemoryMb)
	v.number(at("actual_memory_usage_mb"), f.ActualMemoryUsageMb, 0, MaxMemoryMb)
	v.intRange(at("ephemeral_storage_mb"), f.EphemeralStorageMb, ephemeralFreeMb, MaxMemoryMb)
	if len(f.ExecutionTimesByMemory) > maxMeasuredSizes {
		v.add(at("execution_times_by_memory"), "more than "+strconv.Itoa(maxMeasuredSizes)+" measurements")
	}
	measured := make(map[int]bool, len(f.ExecutionTimesByMemory))
	for i, m := range f.ExecutionTimesByMemory {
		mp := at("execution_times_by_memory") + "[" + strconv.Itoa(i) + "]"
		v.intRange(mp+".memory_mb", m.MemoryMb, MinMemoryMb, MaxMemoryMb)
		v.positive(mp+".execution_time_ms", m.ExecutionTimeMs, MaxTimeoutMs)
		if measured[m.MemoryMb] {
			v.add(mp+".memory_mb", "measured twice at "+strconv.Itoa(m.MemoryMb)+" MB")
		}
		measured[m.MemoryMb] = true
	}

	v.number(at("cold_start_rate"), f.ColdStartRate, 0, 1)
	v.number(at("cold_start_duration_ms"), f.ColdStartDurationMs, 0, MaxTimeoutMs)
	if !knownRuntime(f.Runtime) {
		v.oneOf(at("runtime"), f.Runtime, runtimeIDs())
	}
	v.number(at("deployment_size_mb"), f.DeploymentSizeMb, 0, MaxMemoryMb)
	v.intRange(at("reserved_concurrency"), f.ReservedConcurrency, 0, maxConcurrency)
	v.intRange(at("provisioned_concurrency"), f.ProvisionedConcurrency, 0, maxConcurrency)
	if f.ReservedConcurrency > 0 && f.ProvisionedConcurrency > f.ReservedConcurrency {
		v.add(at("provisioned_concurrency"), "must not exceed reserved_concurrency ("+strconv.Itoa(f.ReservedConcurrency)+")")
	}

	v.oneOf(at("api_gateway_type"), string(f.APIGatewayType), []string{"rest", "http"})
	v.number(at("log_data_gb_monthly"), f.LogDataGbMonthly, 0, 1e9)
	v.number(at("dynamodb_read_units"), f.DynamoDBReadUnits, 0, 1e9)
	v.number(at("dynamodb_write_units"), f.DynamoDBWriteUnits, 0, 1e9)
	v.number(at("dynamodb_storage_gb"), f.DynamoDBStorageGb, 0, 1e9)
	v.number(at("s3_storage_gb"), f.S3StorageGb, 0, 1e12)
	v.number(at("s3_requests_monthly"), f.S3RequestsMonthly, 0, maxBigQuantity)

	v.number(at("error_rate"), f.ErrorRate, 0, 1)
	v.number(at("throttle_rate"), f.ThrottleRate, 0, 1)
	v.number(at("target_p99_latency_ms"), f.TargetP99LatencyMs, 0, MaxTimeoutMs)
	v.number(at("target_error_rate"), f.TargetErrorRate, 0, 1)
	v.number(at("max_cost_increase_percent"), f.MaxCostIncreasePercent, -100, 100000)
	v.number(at("min_performance_improvement_percent"), f.MinPerformanceImprovementPercent, -100000, 100)
	for i, r := range f.ComplianceRequirements {
		if !knownCompliance(r) {
			v.oneOf(at("compliance_requirements")+"["+strconv.Itoa(i)+"]", string(r), complianceIDs())
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

func archStrings(as []Architecture) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = string(a)
	}
	return out
}
