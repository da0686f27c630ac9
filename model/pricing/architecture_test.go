package pricing

import (
	"math"
	"testing"
)

// Duration tiers count each architecture's GB-s apart; a mixed account
// pays what its x86 and Arm functions would pay in two accounts without
// the free tier, and shares one free tier with it.
func TestPriceLambdaTiersEachArchitectureApart(t *testing.T) {
	p, _ := LookupProfile("aws-us-east-1")
	big := LambdaUsage{MemoryMb: 10240, AvgExecutionTimeMs: 1000, MonthlyInvocations: 1e9}
	arm := big
	arm.Architecture = ARM64
	mixed := PriceLambda(p, X86_64, false, []LambdaUsage{big, arm}, nil)
	alone := []LambdaCost{PriceLambda(p, X86_64, false, []LambdaUsage{big}, nil)[0], PriceLambda(p, ARM64, false, []LambdaUsage{big}, nil)[0]}
	for i := range mixed {
		if math.Abs(mixed[i].ComputeCost-alone[i].ComputeCost) > 1e-6*alone[i].ComputeCost {
			t.Errorf("function %d: compute %.2f mixed, %.2f alone", i, mixed[i].ComputeCost, alone[i].ComputeCost)
		}
	}
	if mixed[1].ComputeCost >= mixed[0].ComputeCost {
		t.Errorf("Arm %.2f is not cheaper than x86 %.2f", mixed[1].ComputeCost, mixed[0].ComputeCost)
	}
	free := PriceLambda(p, X86_64, true, []LambdaUsage{{MemoryMb: 1024, AvgExecutionTimeMs: 100, MonthlyInvocations: 1e6}, {MemoryMb: 1024, AvgExecutionTimeMs: 100, MonthlyInvocations: 1e6, Architecture: ARM64}}, nil)
	if got := free[0].FreeGBSeconds + free[1].FreeGBSeconds; math.Abs(got-2e5) > 1e-6 {
		t.Errorf("free GB-s of the two = %v, want the 200,000 they use (within one free tier)", got)
	}
}
