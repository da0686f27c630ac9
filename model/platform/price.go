package platform

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"planner/model/internal/jsonin"
	"planner/model/pricing"
)

// Price checks a usage, fills in the platform's defaults and prices it.
// given says which keys the input named: a key the platform does not use is
// a problem even when its value is zero. Every problem is returned, each
// at its key.
func Price(u Usage, given func(Key) bool) (Bill, jsonin.Problems) {
	p, probs := Check(&u, given)
	if len(probs) > 0 {
		return Bill{}, probs
	}
	if p.ID == "aws-lambda" {
		return billLambda(&u), nil
	}
	b := gross(&u, p)
	allowances(&b, p, u.Region, u.FreeTier, u.monthShare())
	return b, nil
}

// gross prices a checked usage, defaults filled in, before the monthly
// grants and inclusions (allowances); not for aws-lambda, whose grants
// pricing.PriceLambda applies.
func gross(u *Usage, p *Platform) Bill {
	var b Bill
	switch p.ID {
	case "azure-functions-consumption":
		b = billAzureConsumption(u, p)
	case "azure-functions-flex":
		b = billAzureFlex(u)
	case "gcp-cloud-run":
		b = billCloudRun(u)
	default:
		b = billWorkers(u)
	}
	if b.Lines == nil {
		b.Lines = []Line{}
	}
	return b
}

// Check validates a usage against its platform and fills in the defaults:
// the first region, x86_64, a 730-hour period, the platform's default
// memory, 1 vCPU, the platform's default concurrency, 512 MB of ephemeral
// storage and Poisson traffic.
func Check(u *Usage, given func(Key) bool) (*Platform, jsonin.Problems) {
	var probs jsonin.Problems
	p, ok := Lookup(u.Platform)
	if !ok {
		probs.Add(string(KeyPlatform), fmt.Sprintf("unknown platform %q; choose one of %s", u.Platform, strings.Join(IDs(), ", ")))
		return nil, probs
	}
	for _, k := range allKeys {
		if given(k) && !p.Uses(k) {
			probs.Add(string(k), fmt.Sprintf("%s does not use %s; it reads %s", p.ID, k, keyList(p.Keys)))
		}
	}
	if !given(KeyInvocations) {
		probs.Add(string(KeyInvocations), "required: the requests in the period")
	}
	need := func(k Key, what string) {
		if p.Uses(k) && !given(k) {
			probs.Add(string(k), "required: "+what)
		}
	}
	if p.ID == "cloudflare-workers" {
		need(KeyCPUTimeMs, "the mean CPU time of a request, ms")
	} else {
		need(KeyDurationMs, "the mean duration of a request, ms")
	}
	fillDefaults(u, p)
	checkRanges(u, p, given, &probs)
	return p, probs
}

var allKeys = []Key{KeyPlatform, KeyRegion, KeyArchitecture, KeyFreeTier, KeyPeriodHours, KeyInvocations,
	KeyDurationMs, KeyMemoryMb, KeyVCPU, KeyCPUTimeMs, KeyConcurrency, KeyAlwaysReady, KeyMinInstances,
	KeyProvisioned, KeyEphemeralMb, KeyTraffic}

// Keys lists every input key a bill may read.
func Keys() []Key { return slices.Clone(allKeys) }

func keyList(keys []Key) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

func fillDefaults(u *Usage, p *Platform) {
	if u.Region == "" {
		u.Region = p.Regions[0]
	}
	if u.Architecture == "" && p.Uses(KeyArchitecture) {
		u.Architecture = string(pricing.X86_64)
	}
	if u.PeriodHours == 0 {
		u.PeriodHours = HoursPerMonth
	}
	if u.MemoryMb == 0 {
		u.MemoryMb = p.DefaultMemoryMb
	}
	if u.VCPU == 0 && p.Uses(KeyVCPU) {
		u.VCPU = 1
	}
	if u.Concurrency == 0 {
		switch {
		case p.ID == "azure-functions-flex":
			u.Concurrency = flexConcurrency(u.MemoryMb)
		case p.ID == "gcp-cloud-run" && u.VCPU >= 1:
			u.Concurrency = 80
		default:
			u.Concurrency = 1
		}
	}
	if u.EphemeralStorageMb == 0 && p.Uses(KeyEphemeralMb) {
		u.EphemeralStorageMb = pricing.EphemeralFreeMb
	}
	if u.Traffic == "" {
		u.Traffic = "poisson"
	}
	if p.ID == "aws-lambda" && u.Provisioned == 0 {
		u.Provisioned, u.MinInstances = u.MinInstances, 0
	}
}

// maxPeriodHours is a leap year.
const maxPeriodHours = 8784

func checkRanges(u *Usage, p *Platform, given func(Key) bool, probs *jsonin.Problems) {
	bad := func(k Key, msg string) { probs.Add(string(k), msg) }
	finite := func(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
	if !slices.Contains(p.Regions, u.Region) {
		bad(KeyRegion, fmt.Sprintf("%s has no prices for region %q here; choose one of %s", p.ID, u.Region, strings.Join(p.Regions, ", ")))
	}
	if p.Uses(KeyArchitecture) && u.Architecture != string(pricing.X86_64) && u.Architecture != string(pricing.ARM64) {
		bad(KeyArchitecture, fmt.Sprintf("unknown architecture %q; choose x86_64 or arm64", u.Architecture))
	}
	if !finite(u.PeriodHours) || u.PeriodHours <= 0 || u.PeriodHours > maxPeriodHours {
		bad(KeyPeriodHours, fmt.Sprintf("must be more than 0 and at most %d hours", maxPeriodHours))
	}
	if !finite(u.Invocations) || u.Invocations < 0 || u.Invocations > 1e15 {
		bad(KeyInvocations, "must be between 0 and 1e15")
	}
	if p.Uses(KeyDurationMs) && given(KeyDurationMs) && (!finite(u.DurationMs) || u.DurationMs <= 0 || u.DurationMs > 86_400_000) {
		bad(KeyDurationMs, "must be more than 0 ms and at most a day")
	}
	if p.Uses(KeyCPUTimeMs) && given(KeyCPUTimeMs) && (!finite(u.CPUTimeMs) || u.CPUTimeMs < 0 || u.CPUTimeMs > 300_000) {
		bad(KeyCPUTimeMs, "must be between 0 and 300,000 ms (a Worker's CPU limit is 5 minutes)")
	}
	checkMemory(u, p, bad)
	if u.Concurrency < 1 || u.Concurrency > p.MaxConcurrency {
		bad(KeyConcurrency, fmt.Sprintf("must be between 1 and %d on %s", p.MaxConcurrency, p.ID))
	}
	for _, c := range []struct {
		k Key
		n int
	}{{KeyAlwaysReady, u.AlwaysReady}, {KeyMinInstances, u.MinInstances}, {KeyProvisioned, u.Provisioned}} {
		if c.n < 0 || c.n > 100_000 {
			bad(c.k, "must be between 0 and 100,000")
		}
	}
	if p.ID == "aws-lambda" && u.MinInstances > 0 && u.Provisioned > 0 {
		bad(KeyMinInstances, "min_instances and provisioned_concurrency say the same on aws-lambda: give one")
	}
	if p.Uses(KeyEphemeralMb) && (u.EphemeralStorageMb < 512 || u.EphemeralStorageMb > 10240) {
		bad(KeyEphemeralMb, "must be between 512 and 10,240 MB")
	}
	if u.Traffic != "poisson" && u.Traffic != "steady" {
		bad(KeyTraffic, fmt.Sprintf("unknown traffic %q; choose poisson or steady", u.Traffic))
	}
	if p.Uses(KeyVCPU) {
		checkCloudRunCPU(u, bad)
	}
}

func checkMemory(u *Usage, p *Platform, bad func(Key, string)) {
	switch {
	case !p.Uses(KeyMemoryMb):
	case len(p.MemorySizes) > 0 && !slices.Contains(p.MemorySizes, u.MemoryMb):
		bad(KeyMemoryMb, fmt.Sprintf("%s offers instance sizes of %s MB only", p.ID, sizes(p.MemorySizes)))
	case !(u.MemoryMb >= p.MinMemoryMb && u.MemoryMb <= p.MaxMemoryMb):
		bad(KeyMemoryMb, fmt.Sprintf("must be between %g and %g MB on %s", p.MinMemoryMb, p.MaxMemoryMb, p.ID))
	}
}

func sizes(mb []float64) string {
	parts := make([]string, len(mb))
	for i, m := range mb {
		parts[i] = fmt.Sprintf("%g", m)
	}
	return strings.Join(parts, ", ")
}

// checkCloudRunCPU applies Cloud Run's CPU rules: up to 8 vCPU, whole
// numbers above 1; below 1 vCPU only with one request at a time; more than
// 512 MiB needs 0.5 vCPU and more than 1 GiB a whole one.
func checkCloudRunCPU(u *Usage, bad func(Key, string)) {
	switch {
	case !(u.VCPU >= 0.08 && u.VCPU <= 8):
		bad(KeyVCPU, "must be between 0.08 and 8 vCPU")
	case u.VCPU > 1 && u.VCPU != math.Floor(u.VCPU):
		bad(KeyVCPU, "above 1, vCPU must be a whole number")
	case u.VCPU < 1 && u.Concurrency > 1:
		bad(KeyConcurrency, "below 1 vCPU Cloud Run takes one request at a time (concurrency_per_instance 1)")
	case u.MemoryMb > 1024 && u.VCPU < 1:
		bad(KeyVCPU, "more than 1 GiB of memory needs at least 1 vCPU")
	case u.MemoryMb > 512 && u.VCPU < 0.5:
		bad(KeyVCPU, "more than 512 MiB of memory needs at least 0.5 vCPU")
	}
}
