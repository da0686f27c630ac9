package spec

import "planner/model/num"

// UsageFunction is one function of a cost review.
type UsageFunction struct {
	Name string `json:"-"`
	// MemoryEfficiency is used / allocated memory (fraction).
	MemoryEfficiency float64 `json:"memory_efficiency"`
	AvgDurationMs    float64 `json:"avg_duration_ms"`
}

// DefaultUsageFunction is the spec's default function of a cost review.
func DefaultUsageFunction() UsageFunction {
	return UsageFunction{MemoryEfficiency: 0.8, AvgDurationMs: 500}
}

// CurrentUsage is what an application spends today.
type CurrentUsage struct {
	MonthlyCost                 float64
	ProvisionedConcurrencyCost  float64
	Functions                   []UsageFunction
	ColdStartSensitiveFunctions []string
	ScheduledFunctions          []string
}

// CostOptimization is the result of the cost review.
type CostOptimization struct {
	CurrentMonthlyCost         float64                `json:"current_monthly_cost"`
	TotalPotentialSavings      float64                `json:"total_potential_savings"`
	PotentialSavingsPercentage float64                `json:"potential_savings_percentage"`
	MeetsTarget                bool                   `json:"meets_target"`
	Optimizations              []CostOptimizationItem `json:"optimizations"`
}

// CostOptimizationItem is one way to spend less.
type CostOptimizationItem struct {
	Optimization            string   `json:"optimization"`
	AffectedFunctions       []string `json:"affected_functions,omitempty"`
	PotentialMonthlySavings float64  `json:"potential_monthly_savings"`
	Action                  string   `json:"action"`
	ImplementationEffort    string   `json:"implementation_effort,omitempty"`
	TradeOff                string   `json:"trade_off,omitempty"`
}

// Rules of the cost review.
const (
	rightSizingSavings    = 0.2   // of an over-allocated function's cost share
	provisionedHeavyShare = 0.3   // provisioned cost above this share of the bill …
	fewSensitiveShare     = 0.3   // … with fewer cold-start-sensitive functions than this share …
	provisionedSavings    = 0.4   // … saves this much of the provisioned cost
	longRunningMs         = 30000 // functions longer than this suit containers
	migrationSavings      = 0.15  // of the bill
	schedulingSavings     = 0.05  // of the bill
)

// DefaultTargetReductionPercent is the cost reduction the review aims for.
const DefaultTargetReductionPercent = 20

// OptimizeCosts reviews an application's spend:
//   - memory right-sizing: 20% of the average function cost for each function
//     under 70% memory efficiency;
//   - provisioned concurrency over 30% of the bill with under 30% of functions
//     cold-start sensitive: 40% of the provisioned cost;
//   - functions over 30 s: 15% of the bill by moving them to containers;
//   - scheduled functions: 5% of the bill by consolidating them.
//
// The target is met when savings / bill × 100 ≥ targetReductionPercent.
func OptimizeCosts(u CurrentUsage, targetReductionPercent float64) CostOptimization {
	cost := u.MonthlyCost
	n := float64(len(u.Functions))
	items := []CostOptimizationItem{}

	var overAllocated, longRunning []string
	for _, f := range u.Functions {
		if f.MemoryEfficiency < lowMemoryEfficiency {
			overAllocated = append(overAllocated, f.Name)
		}
		if f.AvgDurationMs > longRunningMs {
			longRunning = append(longRunning, f.Name)
		}
	}
	if len(overAllocated) > 0 {
		items = append(items, CostOptimizationItem{
			Optimization:            "Memory Right-sizing",
			AffectedFunctions:       overAllocated,
			PotentialMonthlySavings: float64(len(overAllocated)) * rightSizingSavings * (cost / n),
			Action:                  "Reduce memory allocation by 20-30% for under-utilized functions",
			ImplementationEffort:    "Low",
		})
	}
	if u.ProvisionedConcurrencyCost > cost*provisionedHeavyShare &&
		float64(len(u.ColdStartSensitiveFunctions)) < n*fewSensitiveShare {
		items = append(items, CostOptimizationItem{
			Optimization:            "Provisioned Concurrency Optimization",
			PotentialMonthlySavings: u.ProvisionedConcurrencyCost * provisionedSavings,
			Action:                  "Remove provisioned concurrency from non-latency-sensitive functions",
			TradeOff:                "Slightly higher cold start rates for some functions",
		})
	}
	if len(longRunning) > 0 {
		items = append(items, CostOptimizationItem{
			Optimization:            "Architecture Migration",
			AffectedFunctions:       longRunning,
			PotentialMonthlySavings: cost * migrationSavings,
			Action:                  "Consider migrating long-running functions to Fargate or EC2",
			ImplementationEffort:    "High",
		})
	}
	if len(u.ScheduledFunctions) > 0 {
		items = append(items, CostOptimizationItem{
			Optimization:            "Scheduling Optimization",
			PotentialMonthlySavings: cost * schedulingSavings,
			Action:                  "Consolidate scheduled functions and optimize execution frequency",
			ImplementationEffort:    "Medium",
		})
	}
	total := 0.0
	for _, it := range items {
		total += it.PotentialMonthlySavings
	}
	pct := num.Ratio(total, cost) * 100
	return CostOptimization{
		CurrentMonthlyCost:         cost,
		TotalPotentialSavings:      total,
		PotentialSavingsPercentage: pct,
		MeetsTarget:                pct >= targetReductionPercent,
		Optimizations:              items,
	}
}
