package spec

// Opportunity is an optimization that concerns several functions.
type Opportunity struct {
	Type                 string   `json:"type"`
	AffectedFunctions    []string `json:"affected_functions"`
	PotentialSavings     string   `json:"potential_savings,omitempty"`
	PotentialImprovement string   `json:"potential_improvement,omitempty"`
	Action               string   `json:"action"`
}

// Functions using under LowMemoryEfficiencyPercent of their memory, and those
// whose cold starts add over ColdStartImpactPercent to their mean duration,
// are opportunities.
const (
	ColdStartImpactPercent     = 20
	LowMemoryEfficiencyPercent = lowMemoryEfficiency * 100
)

// IdentifyOptimizations lists the functions using under 70% of their memory
// and those whose cold starts add over 20% to their mean duration.
func IdentifyOptimizations(names []string, capacity []ExecutionCapacity) []Opportunity {
	var lowMemory, coldStarts []string
	for i, c := range capacity {
		if c.MemoryAnalysis.MemoryEfficiencyPercent < LowMemoryEfficiencyPercent {
			lowMemory = append(lowMemory, names[i])
		}
		if c.ColdStartImpact.PerformanceImpactPercent > ColdStartImpactPercent {
			coldStarts = append(coldStarts, names[i])
		}
	}
	ops := []Opportunity{}
	if len(lowMemory) > 0 {
		ops = append(ops, Opportunity{
			Type:              "Memory Optimization",
			AffectedFunctions: lowMemory,
			PotentialSavings:  "15-30% cost reduction",
			Action:            "Reduce memory allocation for under-utilized functions",
		})
	}
	if len(coldStarts) > 0 {
		ops = append(ops, Opportunity{
			Type:                 "Cold Start Optimization",
			AffectedFunctions:    coldStarts,
			PotentialImprovement: "20-50% latency reduction",
			Action:               "Consider provisioned concurrency or warm-up strategies",
		})
	}
	return ops
}
