package model

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"planner/model/pricing"
)

// lambdaCost runs `planner calc lambda-cost` on input.
func lambdaCost(t *testing.T, input string) LambdaCostReport {
	t.Helper()
	out, probs := Calc("lambda-cost", []byte(input))
	if len(probs) > 0 {
		t.Fatalf("refused %s: %v", input, probs)
	}
	return out.(LambdaCostReport)
}

func within(t *testing.T, what string, got, want, rel float64) {
	t.Helper()
	if math.Abs(got-want) > rel*math.Abs(want) {
		t.Errorf("%s = %.6f, want %.6f (±%.2f%%)", what, got, want, rel*100)
	}
}

// The AWS operator guide's "Memory and computing power" table: 1,000
// invocations of one function, no free tier.
func TestLambdaCostOperatorGuide(t *testing.T) {
	for _, c := range []struct {
		memory, seconds, bill float64
	}{{128, 11.722, 0.024628}, {256, 6.678, 0.028035}, {512, 3.194, 0.026830}, {1024, 1.465, 0.024638}} {
		in, _ := json.Marshal(map[string]any{"pricing": "aws-us-east-1", "architecture": "x86_64", "memory_mb": c.memory,
			"avg_execution_time_ms": c.seconds * 1000, "monthly_invocations": 1000, "free_tier": false})
		within(t, "bill", lambdaCost(t, string(in)).TotalMonthlyCost, c.bill, 0.001)
	}
}

// The AWS pricing page example: 512 MB, 3M invocations of 1 s, free tier
// applied: $18.34 compute + $0.40 requests.
func TestLambdaCostPricingPageExample(t *testing.T) {
	c := lambdaCost(t, `{"pricing":"aws-us-east-1","architecture":"x86_64","memory_mb":512,"avg_execution_time_ms":1000,"monthly_invocations":3000000,"free_tier":true}`)
	within(t, "compute", c.ComputeCost, 18.34, 0.001)
	within(t, "requests", c.RequestCost, 0.40, 0.001)
	within(t, "total", c.TotalMonthlyCost, 18.74, 0.001)
}

// List prices from pricing.md, written out independently of the catalogue.
const (
	x86Tier1, x86Tier2, x86Tier3 = 0.0000166667, 0.0000150000, 0.0000133334
	armTier1                     = 0.0000133334
	requestPrice                 = 0.0000002
	pcCapacityX86, pcExecX86     = 0.0000041667, 0.0000097222
	ephemeralPrice               = 0.0000000309
)

func TestLambdaCostArm64FreeTier(t *testing.T) {
	c := lambdaCost(t, `{"pricing":"aws-us-east-1","architecture":"arm64","memory_mb":1024,"avg_execution_time_ms":100,"monthly_invocations":30000000,"free_tier":true}`)
	within(t, "compute", c.ComputeCost, (3_000_000-400_000)*armTier1, 1e-9)
	within(t, "requests", c.RequestCost, (30_000_000-1_000_000)*requestPrice, 1e-9)
}

func TestLambdaCostDurationTiers(t *testing.T) {
	// 10 GB × 1 s × 1e9 = 1e10 GB-s: 6e9 in tier 1, 4e9 in tier 2.
	c := lambdaCost(t, `{"pricing":"aws-us-east-1","memory_mb":10240,"avg_execution_time_ms":1000,"monthly_invocations":1e9}`)
	within(t, "compute 10B GB-s", c.ComputeCost, 6e9*x86Tier1+4e9*x86Tier2, 1e-9)
	// 2e10 GB-s reaches the third tier.
	c = lambdaCost(t, `{"pricing":"aws-us-east-1","memory_mb":10240,"avg_execution_time_ms":2000,"monthly_invocations":1e9}`)
	within(t, "compute 20B GB-s", c.ComputeCost, 6e9*x86Tier1+9e9*x86Tier2+5e9*x86Tier3, 1e-9)
}

func TestLambdaCostProvisionedConcurrency(t *testing.T) {
	c := lambdaCost(t, `{"pricing":"aws-us-east-1","memory_mb":1024,"avg_execution_time_ms":1000,"monthly_invocations":1000000,"provisioned_concurrency":10,"free_tier":true}`)
	capacity := 10 * 1.0 * 730 * 3600
	within(t, "provisioned", c.ProvisionedCost, capacity*pcCapacityX86+1_000_000*pcExecX86, 1e-9)
	if c.ComputeCost != 0 {
		t.Errorf("executions within provisioned capacity billed on demand too: %v", c.ComputeCost)
	}
	within(t, "requests (no free tier with provisioned concurrency)", c.RequestCost, 1_000_000*requestPrice, 1e-9)

	// Beyond the capacity, executions spill over to on-demand prices.
	c = lambdaCost(t, `{"pricing":"aws-us-east-1","memory_mb":1024,"avg_execution_time_ms":1000,"monthly_invocations":5000000,"provisioned_concurrency":1}`)
	spill := 5_000_000 - 730*3600.0
	within(t, "spill-over compute", c.ComputeCost, spill*x86Tier1, 1e-9)
}

func TestLambdaCostEphemeralStorage(t *testing.T) {
	c := lambdaCost(t, `{"pricing":"aws-us-east-1","memory_mb":512,"avg_execution_time_ms":1000,"monthly_invocations":1000000,"ephemeral_storage_mb":10240}`)
	within(t, "ephemeral", c.EphemeralStorageCost, 9.5*1_000_000*ephemeralPrice, 1e-9)
	c = lambdaCost(t, `{"pricing":"aws-us-east-1","memory_mb":512,"avg_execution_time_ms":1000,"monthly_invocations":1000000}`)
	if c.EphemeralStorageCost != 0 {
		t.Errorf("the free 512 MB cost %v", c.EphemeralStorageCost)
	}
}

// The free tier is the account's: two functions share it once.
func TestFreeTierAppliedOncePerScenario(t *testing.T) {
	p, _ := pricing.LookupProfile("aws-us-east-1")
	u := pricing.LambdaUsage{MemoryMb: 1024, AvgExecutionTimeMs: 1000, MonthlyInvocations: 300_000, EphemeralStorageMb: 512}
	costs := pricing.PriceLambda(p, pricing.X86_64, true, []pricing.LambdaUsage{u, u}, nil)
	total := costs[0].ComputeCost + costs[1].ComputeCost
	within(t, "compute of two functions", total, (600_000-400_000)*x86Tier1, 1e-9)
	within(t, "shares", costs[0].ComputeCost, costs[1].ComputeCost, 1e-12)
	if r := costs[0].RequestCost + costs[1].RequestCost; r != 0 {
		t.Errorf("600,000 requests are within the free million, billed %v", r)
	}
}

func TestLambdaCostRefusesBadInput(t *testing.T) {
	for input, field := range map[string]string{
		`{"pricing":"gcp","memory_mb":512,"avg_execution_time_ms":1,"monthly_invocations":1}`:              "pricing",
		`{"architecture":"sparc","memory_mb":512,"avg_execution_time_ms":1,"monthly_invocations":1}`:       "architecture",
		`{"pricing":"reference","architecture":"arm64","memory_mb":512}`:                                   "architecture",
		`{"memory_mb":64,"avg_execution_time_ms":1,"monthly_invocations":1}`:                               "memory_mb",
		`{"memory_mb":512,"avg_execution_time_ms":-1,"monthly_invocations":1}`:                             "avg_execution_time_ms",
		`{"memory_mb":512,"avg_execution_time_ms":1,"monthly_invocations":"many"}`:                         "monthly_invocations",
		`{"memory_mb":512,"avg_execution_time_ms":1,"monthly_invocations":1,"ephemeral_storage_mb":100}`:   "ephemeral_storage_mb",
		`{"memory_mb":512,"avg_execution_time_ms":1,"monthly_invocations":1,"provisioned_concurrency":-2}`: "provisioned_concurrency",
		`{"memory_mb":512,"avg_execution_time_ms":1,"monthly_invocations":1e400}`:                          "monthly_invocations",
		`[1,2]`: "",
	} {
		_, probs := Calc("lambda-cost", []byte(input))
		if len(probs) == 0 {
			t.Errorf("accepted %s", input)
			continue
		}
		if !strings.HasPrefix(probs[0].Path, field) {
			t.Errorf("%s: problem %q does not name %q", input, probs[0], field)
		}
	}
}

// Since 2025-08-01 AWS bills the INIT phase of on-demand cold starts as
// duration: 1M cold starts of 400 ms INIT at 1,024 MB add 400,000 GB-s at
// the first-tier rate, shown apart from the invocations' compute. The
// reference profile (the spec) bills no INIT.
func TestLambdaCostBillsInit(t *testing.T) {
	base := `"architecture":"x86_64","memory_mb":1024,"avg_execution_time_ms":100,"monthly_invocations":10000000,"free_tier":false`
	without := lambdaCost(t, `{"pricing":"aws-us-east-1",`+base+`}`)
	with := lambdaCost(t, `{"pricing":"aws-us-east-1",`+base+`,"init_gb_seconds":400000}`)
	within(t, "INIT cost", with.InitCost, 400000*x86Tier1, 1e-9)
	within(t, "compute unchanged", with.ComputeCost, without.ComputeCost, 1e-12)
	within(t, "total", with.TotalMonthlyCost, without.TotalMonthlyCost+400000*x86Tier1, 1e-9)
	free := lambdaCost(t, `{"pricing":"aws-us-east-1",`+strings.Replace(base, `"free_tier":false`, `"free_tier":true`, 1)+`,"init_gb_seconds":400000}`)
	// 1,000,000 + 400,000 GB-s against 400,000 free: the free share is 2/7 of each.
	within(t, "INIT after the free tier", free.InitCost, 400000*(1-400000.0/1400000)*x86Tier1, 1e-9)
	spec := lambdaCost(t, `{"pricing":"reference",`+base+`,"init_gb_seconds":400000}`)
	if spec.InitCost != 0 || spec.InitGBSeconds != 0 {
		t.Errorf("the reference profile billed INIT: %+v", spec)
	}
}
