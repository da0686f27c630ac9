package pricing_test

import (
	"fmt"

	"planner/model/pricing"
)

// The AWS pricing page's example: 3 million requests a month of 1 s at
// 512 MB, with the free tier.
func ExamplePriceLambda() {
	p, _ := pricing.LookupProfile("aws-us-east-1")
	costs := pricing.PriceLambda(p, pricing.X86_64, true, []pricing.LambdaUsage{
		{MemoryMb: 512, AvgExecutionTimeMs: 1000, MonthlyInvocations: 3_000_000, EphemeralStorageMb: 512},
	}, nil)
	fmt.Printf("compute $%.2f + requests $%.2f = $%.2f a month\n", costs[0].ComputeCost, costs[0].RequestCost, costs[0].TotalMonthlyCost)
	// Output:
	// compute $18.33 + requests $0.40 = $18.73 a month
}

// Tiers apply to the units that fall in them.
func ExampleTieredPrice_Cost() {
	t := pricing.TieredPrice{{UpTo: 100, Price: pricing.Price{Amount: 2}}, {Price: pricing.Price{Amount: 1}}}
	fmt.Println(t.Cost(50), t.Cost(150))
	// Output:
	// 100 250
}
