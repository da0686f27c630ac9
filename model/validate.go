package model

import (
	"math"
	"reflect"
	"slices"
	"strconv"

	"planner/model/internal/jsonin"
	"planner/model/platform"
	"planner/model/pricing"
)

// Limits of the calc models' inputs (a scenario's are in its fields' tags).
const (
	MinMemoryMb     = 128
	MaxMemoryMb     = 10240
	MaxTimeoutMs    = 900_000 // Lambda's 15-minute timeout
	maxConcurrency  = 1_000_000
	maxMonthlyCalls = 1e13
	maxCallsPerSec  = 1e7
	maxBurst        = 1000
	maxBigQuantity  = 1e15
)

// Validate checks a decoded scenario and returns every problem with its
// JSON path. A scenario without problems can be evaluated: no calculation
// then divides by zero or sees a NaN.
func Validate(s *Scenario) Problems {
	return validateScenario(s, false, nil)
}

// specRelaxed are the rules the spec's reference implementation does not
// have: it accepts any function name and bursts below 1.
func specRelaxed(field string) bool {
	return field == "Function.name" || field == "Function.burst_multiplier"
}

// validateScenario checks a scenario: every field against the rules of its
// tag (rules.go), then what relates fields to each other or to the price
// catalogue. With specRules it accepts everything the spec's reference
// implementation accepts (any function name, bursts below 1, p99 below
// p95), as `planner calc infrastructure` must. pace, when set, is called
// after each function (a browser yields to the page there).
func validateScenario(s *Scenario, specRules bool, pace func()) Problems {
	v := validator{specRules: specRules, pace: pace}
	var skip func(string) bool
	if specRules {
		skip = specRelaxed
	}
	v.checkRules(reflect.ValueOf(s).Elem(), scenarioRules(), skip)
	if s.Version > ScenarioVersion {
		v.add("version", "unsupported version "+strconv.Itoa(s.Version)+"; this planner reads versions 1 to "+strconv.Itoa(ScenarioVersion))
	}
	profile, known := pricing.LookupProfile(s.Pricing.Profile)
	if known {
		if _, priced := profile.Lambda[s.Pricing.Architecture]; priced {
			v.secondsPerMonth = profile.SecondsPerMonth()
		} else if slices.Contains(pricing.Architectures(), s.Pricing.Architecture) {
			v.add("pricing.architecture", "profile "+profile.ID+" does not price architecture "+strconv.Quote(string(s.Pricing.Architecture))+"; choose one of "+quoteList(archStrings(profile.Architectures())))
		}
	}
	v.ownPlatform(&s.Pricing)
	seen := make(map[string]int, len(s.Functions))
	for i := range s.Functions {
		f := &s.Functions[i]
		path := "functions[" + strconv.Itoa(i) + "]"
		v.functionInScenario(path, f, profile, known)
		if first, dup := seen[f.Name]; dup && f.Name != "" {
			v.add(path+".name", duplicateName(f.Name, first))
		} else {
			seen[f.Name] = i
		}
	}
	return v.probs
}

// functionInScenario checks what relates a function to the others' rules
// and to the price catalogue (profile, when known).
func (v *validator) functionInScenario(path string, f *Function, profile *pricing.Profile, known bool) {
	v.function(path, f)
	v.functionOnPlatform(path, f)
	if known && f.Architecture != "" && !profile.Prices(f.Architecture) && slices.Contains(pricing.Architectures(), f.Architecture) {
		v.add(path+".architecture", "profile "+profile.ID+" does not price architecture "+strconv.Quote(string(f.Architecture))+"; choose one of "+quoteList(archStrings(profile.Architectures())))
	}
}

// duplicateName is the problem of a function named as functions[first].
func duplicateName(name string, first int) string {
	return "duplicate name " + strconv.Quote(name) + " (also functions[" + strconv.Itoa(first) + "])"
}

// validateFunction checks function i of a scenario that was valid before
// it changed: its own rules, the relations validateScenario checks, and
// its name against the others'. It finds what Validate finds then, in the
// same order, in time independent of the other functions' rules.
func validateFunction(s *Scenario, i int) Problems {
	v := validator{}
	profile, known := pricing.LookupProfile(s.Pricing.Profile)
	if known {
		if _, priced := profile.Lambda[s.Pricing.Architecture]; priced {
			v.secondsPerMonth = profile.SecondsPerMonth()
		}
	}
	v.own = s.Pricing.OwnPlatform()
	path := "functions[" + strconv.Itoa(i) + "]"
	v.at = path
	v.checkRules(reflect.ValueOf(&s.Functions[i]).Elem(), functionRules(), nil)
	v.at = ""
	f := &s.Functions[i]
	v.functionInScenario(path, f, profile, known)
	if f.Name == "" {
		return v.probs
	}
	for k := range s.Functions {
		if k == i || s.Functions[k].Name != f.Name {
			continue
		}
		if k < i {
			v.add(path+".name", duplicateName(f.Name, k))
		} else {
			v.add("functions["+strconv.Itoa(k)+"].name", duplicateName(f.Name, i))
		}
		break
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
	// own is the platform the functions run on (nil: AWS Lambda).
	own *platform.Platform
	// pace, when set, is called after each element of a list of objects.
	pace func()
}

func (v *validator) add(key, msg string) { v.probs.Add(jsonin.JoinPath(v.at, key), msg) }

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

// function checks what relates a function's fields to each other.
func (v *validator) function(path string, f *Function) {
	v.at = path
	defer func() { v.at = "" }()
	if v.specRules {
		v.number("burst_multiplier", f.BurstMultiplier, 0, maxBurst)
	} else {
		v.trafficAgrees(f)
	}
	if len(f.TrafficProfile) == hoursPerDay && !slices.ContainsFunc(f.TrafficProfile, func(w float64) bool { return w > 0 && !math.IsInf(w, 1) }) {
		v.add("traffic_profile", "needs at least one hour above 0")
	}
	if f.TimeoutSeconds > 0 && f.P99ExecutionTimeMs > float64(f.TimeoutSeconds)*1000 {
		v.add("p99_execution_time_ms", "must not exceed the timeout ("+strconv.Itoa(f.TimeoutSeconds)+" s = "+fmtNum(float64(f.TimeoutSeconds)*1000)+" ms)")
	}
	if f.P99ExecutionTimeMs < f.P95ExecutionTimeMs && !v.specRules {
		v.add("p99_execution_time_ms", "must not be below p95_execution_time_ms ("+fmtNum(f.P95ExecutionTimeMs)+")")
	}
	// A size is measured once per architecture: key = MB × 2 + (1 on the
	// other architecture than the function's).
	measured := make(map[int]bool, len(f.ExecutionTimesByMemory))
	for i, m := range f.ExecutionTimesByMemory {
		key := 2 * m.MemoryMb
		if m.Architecture != "" && m.Architecture != f.Architecture {
			key++
		}
		if measured[key] {
			v.add("execution_times_by_memory["+strconv.Itoa(i)+"].memory_mb", "measured twice at "+strconv.Itoa(m.MemoryMb)+" MB"+onArch(m.Architecture))
		}
		measured[key] = true
	}
	if f.ColdStartMethod == ColdStartSimulated && v.secondsPerMonth > 0 {
		_, monthly := f.Traffic(v.secondsPerMonth)
		if msg := SimulationTooBusy(monthly / (v.secondsPerMonth / 86400)); msg != "" {
			v.add("cold_start_method", msg+": choose \"model\", the keep-alive model, for traffic this busy")
		}
	}
	v.provisionedSchedule(f)
}

// trafficDisagreement is how far monthly invocations and the rate may part
// when both are given (rounding of a rate typed to a few digits).
const trafficDisagreement = 0.01

// trafficAgrees checks that monthly invocations and invocations per second,
// when both are given, are one fact: the rate over the profile's month
// within 1%. Otherwise cost would use one and concurrency the other.
func (v *validator) trafficAgrees(f *Function) {
	if f.MonthlyInvocations == nil || f.InvocationsPerSecond == nil || v.secondsPerMonth == 0 {
		return
	}
	monthly, derived := *f.MonthlyInvocations, *f.InvocationsPerSecond*v.secondsPerMonth
	if math.Abs(monthly-derived) > trafficDisagreement*max(monthly, derived) {
		v.add("monthly_invocations", "disagrees with invocations_per_second: "+fmtNum(*f.InvocationsPerSecond)+
			"/s over the price profile's month is "+fmtNum(math.Round(derived))+" invocations; give one of them (the other is derived), or both within 1%")
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

// onArch names an architecture after a size (" on arm64"), or nothing.
func onArch(a pricing.Architecture) string {
	if a == "" {
		return ""
	}
	return " on " + string(a)
}

// provisionedSchedule checks provisioned concurrency by hour: a value for
// each of the 24 hours or none, not beside a constant, and no hour's
// instances above the reservation.
func (v *validator) provisionedSchedule(f *Function) {
	n := len(f.ProvisionedByHour)
	switch {
	case n > 0 && n != hoursPerDay:
		v.add("provisioned_concurrency_by_hour", "needs "+strconv.Itoa(hoursPerDay)+" values, one for each hour of the day (got "+strconv.Itoa(n)+"), or none for a constant provisioned_concurrency")
	case n > 0 && f.ProvisionedConcurrency > 0:
		v.add("provisioned_concurrency_by_hour", "is given beside provisioned_concurrency ("+strconv.Itoa(f.ProvisionedConcurrency)+"): give provisioned concurrency as a constant or by hour, not both")
	}
	if f.ReservedConcurrency == 0 {
		return
	}
	if n == 0 && f.ProvisionedConcurrency > f.ReservedConcurrency {
		v.add("provisioned_concurrency", "must not exceed reserved_concurrency ("+strconv.Itoa(f.ReservedConcurrency)+")")
	}
	for h, k := range f.ProvisionedByHour {
		if k > f.ReservedConcurrency {
			v.add("provisioned_concurrency_by_hour["+strconv.Itoa(h)+"]", "must not exceed reserved_concurrency ("+strconv.Itoa(f.ReservedConcurrency)+")")
		}
	}
}
