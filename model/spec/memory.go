package spec

import (
	"fmt"
	"math"
	"strconv"

	"planner/model/num"
)

// MemoryOptionsMb are the memory sizes the spec's memory model compares.
func MemoryOptionsMb() [6]float64 { return [6]float64{128, 256, 512, 1024, 1536, 3008} }

// Constants of the memory model.
const (
	mbPerVCPU                 = 1769 // Lambda allocates one vCPU per 1,769 MB
	minEstimatedDurationMs    = 50   // floor of CPU-share estimates
	DefaultMemoryUsageShare   = 0.7  // used/allocated when usage is unknown
	highPriorityImprovement   = 25   // % faster that makes a change High priority
	costNeutralPercent        = 5    // |cost change| below this is cost-neutral
	defaultMaxCostIncrease    = 20   // %
	defaultMinPerfImprovement = 10   // %
)

// MemoryDuration is a function's mean duration at one memory size.
type MemoryDuration struct {
	MemoryMb        float64 `json:"memory_mb"`
	ExecutionTimeMs float64 `json:"execution_time_ms"`
	// Measured is true for a measured duration, false for an estimate.
	Measured bool `json:"measured"`
}

// EstimateExecutionTimeMs estimates the duration at memoryMb from one known
// point, assuming CPU (and so speed) grows linearly with memory:
//
//	t(m) = max(50, t_base × m_base / m)
func EstimateExecutionTimeMs(baseMs, baseMemoryMb, memoryMb float64) float64 {
	return max(minEstimatedDurationMs, baseMs/(memoryMb/baseMemoryMb))
}

// MemoryPerformance is what the memory model knows of a function.
type MemoryPerformance struct {
	CurrentMemoryMb        float64
	CurrentExecutionTimeMs float64
	InvocationsPerMonth    float64
	// ActualMemoryUsageMb is the memory the function uses; NaN when unknown,
	// then 70% of each size is assumed.
	ActualMemoryUsageMb float64
	// Durations are the configurations to compare, in display order.
	Durations []MemoryDuration
}

// CostTargets bound what a memory change may cost and must gain (percent).
type CostTargets struct {
	MaxCostIncreasePercent           float64 `json:"max_cost_increase_percent"`
	MinPerformanceImprovementPercent float64 `json:"min_performance_improvement_percent"`
}

// DefaultCostTargets are the spec's defaults: at most +20% cost for at least
// 10% speed.
func DefaultCostTargets() CostTargets {
	return CostTargets{MaxCostIncreasePercent: defaultMaxCostIncrease, MinPerformanceImprovementPercent: defaultMinPerfImprovement}
}

// InvocationPrices price one invocation: duration per GB-s plus the request.
type InvocationPrices struct {
	DurationGBSecond float64
	Request          float64
}

// MemoryOptimization is the result of the memory model.
type MemoryOptimization struct {
	CurrentAnalysis           CurrentMemoryAnalysis  `json:"current_analysis"`
	MemoryConfigurations      MemoryConfigurations   `json:"memory_configurations"`
	OptimizationOpportunities MemoryOpportunities    `json:"optimization_opportunities"`
	Recommendations           []MemoryRecommendation `json:"recommendations"`
}

// CurrentMemoryAnalysis is the function as configured today.
type CurrentMemoryAnalysis struct {
	CurrentMemoryMb        float64 `json:"current_memory_mb"`
	CurrentMonthlyCost     float64 `json:"current_monthly_cost"`
	CurrentExecutionTimeMs float64 `json:"current_execution_time_ms"`
}

// MemoryConfiguration is the cost and speed of one memory size.
type MemoryConfiguration struct {
	MemoryMb               float64 `json:"memory_mb"`
	ExecutionTimeMs        float64 `json:"execution_time_ms"`
	Measured               bool    `json:"measured"`
	MonthlyCost            float64 `json:"monthly_cost"`
	CostPerInvocation      float64 `json:"cost_per_invocation"`
	CPUAllocation          float64 `json:"cpu_allocation"`
	MemoryEfficiency       float64 `json:"memory_efficiency"`
	GBSecondsPerInvocation float64 `json:"gb_seconds_per_invocation"`
}

// MemoryConfigurations are encoded as a JSON object keyed by memory size
// ("128"), in their order, as the spec returns them.
type MemoryConfigurations []MemoryConfiguration

// MarshalJSON writes the configurations as an object keyed by memory (MB).
func (c MemoryConfigurations) MarshalJSON() ([]byte, error) {
	return marshalKeyed(c, func(m *MemoryConfiguration) string { return strconv.FormatFloat(m.MemoryMb, 'f', -1, 64) })
}

// UnmarshalJSON reads the object MarshalJSON writes, in ascending memory.
func (c *MemoryConfigurations) UnmarshalJSON(b []byte) error {
	out, err := unmarshalKeyed(b, func(k string, m *MemoryConfiguration) error {
		mb, err := strconv.ParseFloat(k, 64)
		if err != nil {
			return fmt.Errorf("memory configuration key %q is not a size in MB", k)
		}
		m.MemoryMb = mb
		return nil
	}, func(a, b *MemoryConfiguration) bool { return a.MemoryMb < b.MemoryMb })
	*c = out
	return err
}

// MemoryOpportunities are the three picks of the memory model.
type MemoryOpportunities struct {
	CostOptimal        MemoryOpportunity `json:"cost_optimal"`
	PerformanceOptimal MemoryOpportunity `json:"performance_optimal"`
	Balanced           MemoryOpportunity `json:"balanced"`
}

// MemoryOpportunity compares one pick with the current configuration.
type MemoryOpportunity struct {
	MemoryMb                 float64 `json:"memory_mb"`
	MonthlyCost              float64 `json:"monthly_cost"`
	CostChangeMonthly        float64 `json:"cost_change_monthly"`
	CostChangePercent        float64 `json:"cost_change_percent"`
	ExecutionTimeMs          float64 `json:"execution_time_ms"`
	PerformanceChangeMs      float64 `json:"performance_change_ms"`
	PerformanceChangePercent float64 `json:"performance_change_percent"`
	RecommendationReason     string  `json:"recommendation_reason"`
}

// MemoryRecommendation is a pick worth making (or "current").
type MemoryRecommendation struct {
	Configuration string   `json:"configuration"`
	MemoryMb      *float64 `json:"memory_mb,omitempty"`
	Impact        string   `json:"impact"`
	Priority      string   `json:"priority"`
	Reason        string   `json:"reason"`
}

// OptimizeMemory prices every configuration and picks the cheapest, the
// fastest and the best value. perf.Durations must not be empty and
// perf.CurrentExecutionTimeMs must be positive (Validate ensures both).
//
//	gbs/invocation = m/1024 × t/1000
//	monthly cost   = (gbs × durationRate + requestRate) × invocations
//	balanced       = argmin over configs faster than the cheapest of
//	                 (cost − cost_cheapest) / (t_cheapest − t)   [USD per ms saved]
//	change %       = (pick − current) / current × 100  (cost; 0 when current is free)
//	speed %        = (t_current − t_pick) / t_current × 100
func OptimizeMemory(perf MemoryPerformance, targets CostTargets, prices InvocationPrices) MemoryOptimization {
	configs := make(MemoryConfigurations, len(perf.Durations))
	currentCost := 0.0
	cheapest, fastest := 0, 0
	for i, d := range perf.Durations {
		gbs := d.MemoryMb / 1024 * (d.ExecutionTimeMs / 1000)
		perInvocation := gbs*prices.DurationGBSecond + prices.Request
		used := perf.ActualMemoryUsageMb
		if math.IsNaN(used) {
			used = d.MemoryMb * DefaultMemoryUsageShare
		}
		configs[i] = MemoryConfiguration{
			MemoryMb:               d.MemoryMb,
			ExecutionTimeMs:        d.ExecutionTimeMs,
			Measured:               d.Measured,
			MonthlyCost:            perInvocation * perf.InvocationsPerMonth,
			CostPerInvocation:      perInvocation,
			CPUAllocation:          d.MemoryMb / mbPerVCPU,
			MemoryEfficiency:       used / d.MemoryMb,
			GBSecondsPerInvocation: gbs,
		}
		if d.MemoryMb == perf.CurrentMemoryMb {
			currentCost = configs[i].MonthlyCost
		}
		if configs[i].MonthlyCost < configs[cheapest].MonthlyCost {
			cheapest = i
		}
		if d.ExecutionTimeMs < configs[fastest].ExecutionTimeMs {
			fastest = i
		}
	}

	base := configs[cheapest]
	balanced, bestRatio := cheapest, math.Inf(1)
	for i, c := range configs {
		if c.ExecutionTimeMs < base.ExecutionTimeMs {
			perMs := (c.MonthlyCost - base.MonthlyCost) / (base.ExecutionTimeMs - c.ExecutionTimeMs)
			if perMs < bestRatio {
				bestRatio, balanced = perMs, i
			}
		}
	}

	opportunity := func(c MemoryConfiguration, reason string) MemoryOpportunity {
		costChange := c.MonthlyCost - currentCost
		speedChange := perf.CurrentExecutionTimeMs - c.ExecutionTimeMs
		return MemoryOpportunity{
			MemoryMb:                 c.MemoryMb,
			MonthlyCost:              c.MonthlyCost,
			CostChangeMonthly:        costChange,
			CostChangePercent:        num.ChangePercent(c.MonthlyCost, currentCost),
			ExecutionTimeMs:          c.ExecutionTimeMs,
			PerformanceChangeMs:      speedChange,
			PerformanceChangePercent: speedChange / perf.CurrentExecutionTimeMs * 100,
			RecommendationReason:     reason,
		}
	}
	opportunities := MemoryOpportunities{
		CostOptimal:        opportunity(configs[cheapest], "Lowest total monthly cost"),
		PerformanceOptimal: opportunity(configs[fastest], "Fastest execution time"),
		Balanced:           opportunity(configs[balanced], fmt.Sprintf("Best cost/performance ratio: $%.4f per ms saved", bestRatio)),
	}
	return MemoryOptimization{
		CurrentAnalysis: CurrentMemoryAnalysis{
			CurrentMemoryMb:        perf.CurrentMemoryMb,
			CurrentMonthlyCost:     currentCost,
			CurrentExecutionTimeMs: perf.CurrentExecutionTimeMs,
		},
		MemoryConfigurations:      configs,
		OptimizationOpportunities: opportunities,
		Recommendations:           memoryRecommendations(opportunities, targets),
	}
}

// memoryRecommendations keeps the picks within the cost target that are fast
// enough (High above 25% faster, else Medium), and the cost-neutral ones
// (|cost change| < 5%, Low). With none, the current configuration stays.
func memoryRecommendations(o MemoryOpportunities, t CostTargets) []MemoryRecommendation {
	var recs []MemoryRecommendation
	for _, pick := range []struct {
		name string
		o    MemoryOpportunity
	}{{"cost_optimal", o.CostOptimal}, {"performance_optimal", o.PerformanceOptimal}, {"balanced", o.Balanced}} {
		cost, speed := pick.o.CostChangePercent, pick.o.PerformanceChangePercent
		memory := pick.o.MemoryMb
		switch {
		case cost <= t.MaxCostIncreasePercent && speed >= t.MinPerformanceImprovementPercent:
			priority := "Medium"
			if speed > highPriorityImprovement {
				priority = "High"
			}
			recs = append(recs, MemoryRecommendation{
				Configuration: pick.name,
				MemoryMb:      &memory,
				Impact:        fmt.Sprintf("%.1f%% faster, %+.1f%% cost change", speed, cost),
				Priority:      priority,
				Reason:        pick.o.RecommendationReason,
			})
		case math.Abs(cost) < costNeutralPercent:
			recs = append(recs, MemoryRecommendation{
				Configuration: pick.name,
				MemoryMb:      &memory,
				Impact:        fmt.Sprintf("Cost neutral with %.1f%% performance change", speed),
				Priority:      "Low",
				Reason:        "Consider for performance consistency",
			})
		}
	}
	if len(recs) == 0 {
		recs = append(recs, MemoryRecommendation{
			Configuration: "current",
			Impact:        "Current configuration is optimal for given constraints",
			Priority:      "None",
			Reason:        "No beneficial changes within cost/performance targets",
		})
	}
	return recs
}
