package spec

import "planner/model/num"

// Workload describes one function's traffic, durations and memory for the
// execution-capacity model. JSON keys are the spec's.
type Workload struct {
	InvocationsPerSecond float64 `json:"invocations_per_second"`
	AvgExecutionTimeMs   float64 `json:"avg_execution_time_ms"`
	P95ExecutionTimeMs   float64 `json:"p95_execution_time_ms"`
	P99ExecutionTimeMs   float64 `json:"p99_execution_time_ms"`
	AllocatedMemoryMb    float64 `json:"allocated_memory_mb"`
	ActualMemoryUsageMb  float64 `json:"actual_memory_usage_mb"`
	ColdStartRate        float64 `json:"cold_start_rate"`
	ColdStartDurationMs  float64 `json:"cold_start_duration_ms"`
	BurstMultiplier      float64 `json:"burst_multiplier"`
}

// DefaultWorkload is the spec's default workload.
func DefaultWorkload() Workload {
	return Workload{
		InvocationsPerSecond: 100,
		AvgExecutionTimeMs:   500,
		P95ExecutionTimeMs:   1000,
		P99ExecutionTimeMs:   2000,
		AllocatedMemoryMb:    256,
		ActualMemoryUsageMb:  180,
		ColdStartRate:        0.05,
		ColdStartDurationMs:  1000,
		BurstMultiplier:      3.0,
	}
}

// ExecutionCapacity is the result of the execution-capacity model.
type ExecutionCapacity struct {
	ExecutionAnalysis       ExecutionAnalysis        `json:"execution_analysis"`
	ColdStartImpact         ColdStartImpact          `json:"cold_start_impact"`
	MemoryAnalysis          MemoryAnalysis           `json:"memory_analysis"`
	CapacityRecommendations []CapacityRecommendation `json:"capacity_recommendations"`
}

// ExecutionAnalysis holds the concurrency figures (instances).
type ExecutionAnalysis struct {
	InvocationsPerSecond      float64 `json:"invocations_per_second"`
	AvgConcurrentExecutions   float64 `json:"avg_concurrent_executions"`
	P95ConcurrentExecutions   float64 `json:"p95_concurrent_executions"`
	P99ConcurrentExecutions   float64 `json:"p99_concurrent_executions"`
	BurstConcurrentExecutions float64 `json:"burst_concurrent_executions"`
}

// ColdStartImpact is what cold starts add to the mean duration.
type ColdStartImpact struct {
	ColdStartRate            float64 `json:"cold_start_rate"`
	ColdStartOverheadMs      float64 `json:"cold_start_overhead_ms"`
	EffectiveAvgExecutionMs  float64 `json:"effective_avg_execution_ms"`
	PerformanceImpactPercent float64 `json:"performance_impact_percent"`
}

// MemoryAnalysis compares allocated and used memory.
type MemoryAnalysis struct {
	AllocatedMemoryMb       float64 `json:"allocated_memory_mb"`
	ActualUsageMb           float64 `json:"actual_usage_mb"`
	MemoryEfficiencyPercent float64 `json:"memory_efficiency_percent"`
	MemoryWasteMb           float64 `json:"memory_waste_mb"`
	OptimizationPotential   string  `json:"optimization_potential"`
}

// CapacityRecommendation is one recommendation of the capacity model. Which
// fields are set depends on Type.
type CapacityRecommendation struct {
	Type                 string `json:"type"`
	ReservedConcurrency  *int64 `json:"reserved_concurrency,omitempty"`
	BurstLimit           *int64 `json:"burst_limit,omitempty"`
	Action               string `json:"action,omitempty"`
	Reason               string `json:"reason,omitempty"`
	PotentialCostSavings string `json:"potential_cost_savings,omitempty"`
	Risk                 string `json:"risk,omitempty"`
	CostImpact           string `json:"cost_impact,omitempty"`
}

// Thresholds of the memory-efficiency classification (fractions).
const (
	lowMemoryEfficiency  = 0.7
	fairMemoryEfficiency = 0.9
	tightMemoryUsage     = 0.95
)

// Buffers on the concurrency recommendations: reserved concurrency is
// ReservedConcurrencyBuffer × the average concurrency, the burst limit
// BurstLimitBuffer × the burst concurrency.
const (
	ReservedConcurrencyBuffer = 1.2
	BurstLimitBuffer          = 1.1
)

// CalculateExecutionCapacity applies Little's Law to a workload.
//
//	concurrency_x = λ × t_x / 1000          (λ invocations/s, t_x duration ms)
//	effective_ms  = t_avg + r × t_cold       (r cold-start rate, t_cold ms)
//	burst         = λ × burst_multiplier × effective_ms / 1000
//	impact %      = (effective_ms − t_avg) / t_avg × 100
//	efficiency    = used MB / allocated MB
//
// effective_ms is the rate-weighted mean of warm (t_avg) and cold
// (t_avg + t_cold) invocations, written without dividing by λ so that zero
// traffic is valid. A zero mean duration gives a zero impact.
func CalculateExecutionCapacity(w Workload) ExecutionCapacity {
	lambda := w.InvocationsPerSecond
	effective := w.AvgExecutionTimeMs*(1-w.ColdStartRate) + (w.AvgExecutionTimeMs+w.ColdStartDurationMs)*w.ColdStartRate
	impact := 0.0
	if w.AvgExecutionTimeMs > 0 {
		impact = (effective - w.AvgExecutionTimeMs) / w.AvgExecutionTimeMs * 100
	}
	avg := lambda * w.AvgExecutionTimeMs / 1000
	burst := lambda * w.BurstMultiplier * effective / 1000
	efficiency := w.ActualMemoryUsageMb / w.AllocatedMemoryMb
	return ExecutionCapacity{
		ExecutionAnalysis: ExecutionAnalysis{
			InvocationsPerSecond:      lambda,
			AvgConcurrentExecutions:   avg,
			P95ConcurrentExecutions:   lambda * w.P95ExecutionTimeMs / 1000,
			P99ConcurrentExecutions:   lambda * w.P99ExecutionTimeMs / 1000,
			BurstConcurrentExecutions: burst,
		},
		ColdStartImpact: ColdStartImpact{
			ColdStartRate:            w.ColdStartRate,
			ColdStartOverheadMs:      w.ColdStartDurationMs,
			EffectiveAvgExecutionMs:  effective,
			PerformanceImpactPercent: impact,
		},
		MemoryAnalysis: MemoryAnalysis{
			AllocatedMemoryMb:       w.AllocatedMemoryMb,
			ActualUsageMb:           w.ActualMemoryUsageMb,
			MemoryEfficiencyPercent: efficiency * 100,
			MemoryWasteMb:           w.AllocatedMemoryMb - w.ActualMemoryUsageMb,
			OptimizationPotential:   memoryPotential(efficiency),
		},
		CapacityRecommendations: capacityRecommendations(avg, burst, efficiency),
	}
}

// memoryPotential grades how much memory could be saved: High below 70%
// efficiency, Medium below 90%, Low otherwise.
func memoryPotential(efficiency float64) string {
	switch {
	case efficiency < lowMemoryEfficiency:
		return "High"
	case efficiency < fairMemoryEfficiency:
		return "Medium"
	default:
		return "Low"
	}
}

// capacityRecommendations recommends reserved concurrency ⌊1.2 × average⌋
// and a burst limit ⌊1.1 × burst⌋, plus a memory change when efficiency is
// below 70% or above 95%.
func capacityRecommendations(avgConcurrent, burstConcurrent, efficiency float64) []CapacityRecommendation {
	reserved := num.Truncate(avgConcurrent * ReservedConcurrencyBuffer)
	burst := num.Truncate(burstConcurrent * BurstLimitBuffer)
	recs := make([]CapacityRecommendation, 1, 2)
	recs[0] = CapacityRecommendation{
		Type:                "Concurrency Management",
		ReservedConcurrency: &reserved,
		BurstLimit:          &burst,
		Reason:              "Ensure consistent performance and cost predictability",
	}
	switch {
	case efficiency < lowMemoryEfficiency:
		recs = append(recs, CapacityRecommendation{
			Type:                 "Memory Optimization",
			Action:               "Reduce memory allocation by 20-30%",
			PotentialCostSavings: "20-30% reduction in execution costs",
			Risk:                 "Monitor for out-of-memory errors",
		})
	case efficiency > tightMemoryUsage:
		recs = append(recs, CapacityRecommendation{
			Type:       "Memory Safety",
			Action:     "Increase memory allocation by 10-20%",
			Reason:     "Prevent out-of-memory errors and improve performance",
			CostImpact: "10-20% increase in execution costs",
		})
	}
	return recs
}
