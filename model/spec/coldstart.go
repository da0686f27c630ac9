package spec

import (
	"planner/model/num"
	"planner/model/pricing"
)

// ColdStartFunction is the part of a function that shapes its cold start.
type ColdStartFunction struct {
	Runtime            string  `json:"runtime"`
	DeploymentSizeMb   float64 `json:"deployment_size_mb"`
	MemoryMb           float64 `json:"memory_mb"`
	VpcEnabled         bool    `json:"vpc_enabled"`
	AvgExecutionTimeMs float64 `json:"avg_execution_time_ms"`
}

// DefaultColdStartFunction is the spec's default function.
func DefaultColdStartFunction() ColdStartFunction {
	return ColdStartFunction{Runtime: "python3.9", DeploymentSizeMb: 50, MemoryMb: 256, AvgExecutionTimeMs: 500}
}

// TrafficPattern is a function's daily traffic.
type TrafficPattern struct {
	// RequestsPerHour holds the requests of each hour of a typical day.
	RequestsPerHour []float64 `json:"requests_per_hour"`
	// IdlePeriodsHours counts the hours a day with no or minimal traffic.
	IdlePeriodsHours float64 `json:"idle_periods_hours"`
}

// DefaultTrafficPattern is the spec's default: 100 requests every hour.
func DefaultTrafficPattern() TrafficPattern {
	rph := make([]float64, 24)
	for i := range rph {
		rph[i] = 100
	}
	return TrafficPattern{RequestsPerHour: rph}
}

// ColdStartPrices are the prices the cold-start scenarios are costed with.
type ColdStartPrices struct {
	// ProvisionedGBSecond is the price per GB-s of configured provisioned concurrency.
	ProvisionedGBSecond float64
	// DurationGBSecond and Request price one warm-up invocation.
	DurationGBSecond float64
	Request          float64
	// DaysPerMonth scales a day of traffic to a month.
	DaysPerMonth float64
}

// ReferenceColdStartPrices are the spec's constants.
func ReferenceColdStartPrices() ColdStartPrices {
	p, _ := pricing.LookupProfile("reference")
	return ColdStartPricesFor(p, pricing.X86_64)
}

// ColdStartPricesFor are the prices of profile p on architecture arch.
func ColdStartPricesFor(p *pricing.Profile, arch pricing.Architecture) ColdStartPrices {
	l := p.Lambda[arch]
	return ColdStartPrices{
		ProvisionedGBSecond: l.ProvisionedCapacity.Amount,
		DurationGBSecond:    l.Duration.FirstRate(),
		Request:             l.Request.Amount,
		DaysPerMonth:        p.HoursPerMonth.Amount / 24,
	}
}

// ColdStartOptimization is the result of the cold-start model.
type ColdStartOptimization struct {
	ColdStartAnalysis     ColdStartAnalysis         `json:"cold_start_analysis"`
	OptimizationScenarios ColdStartScenarios        `json:"optimization_scenarios"`
	Recommendations       []ColdStartRecommendation `json:"recommendations"`
}

// ColdStartAnalysis breaks the cold-start duration (ms) into its parts.
type ColdStartAnalysis struct {
	BaseColdStartMs          float64 `json:"base_cold_start_ms"`
	RuntimeOverheadMs        float64 `json:"runtime_overhead_ms"`
	DeploymentSizeOverheadMs float64 `json:"deployment_size_overhead_ms"`
	VpcOverheadMs            float64 `json:"vpc_overhead_ms"`
	MemoryOptimizationFactor float64 `json:"memory_optimization_factor"`
}

// ColdStartScenarios are the three ways of living with cold starts.
type ColdStartScenarios struct {
	Natural     ColdStartScenario `json:"natural"`
	Provisioned ColdStartScenario `json:"provisioned"`
	Warmup      ColdStartScenario `json:"warmup"`
}

// ColdStartScenario is one strategy's cold starts, latency and cost.
type ColdStartScenario struct {
	ColdStartRate            float64  `json:"cold_start_rate"`
	ColdStartDurationMs      float64  `json:"cold_start_duration_ms"`
	MonthlyColdStarts        float64  `json:"monthly_cold_starts"`
	OptimizationCostMonthly  float64  `json:"optimization_cost_monthly"`
	ProvisionedInstances     *int64   `json:"provisioned_instances,omitempty"`
	WarmupInvocationsMonthly *float64 `json:"warmup_invocations_monthly,omitempty"`
	AvgLatencyImpactMs       float64  `json:"avg_latency_impact_ms"`
	P99LatencyImpactMs       float64  `json:"p99_latency_impact_ms"`
}

// ColdStartRecommendation is a strategy worth its cost, or "natural".
type ColdStartRecommendation struct {
	Strategy                  string   `json:"strategy"`
	CostMonthly               *float64 `json:"cost_monthly,omitempty"`
	LatencyImprovementMs      *float64 `json:"latency_improvement_ms,omitempty"`
	ColdStartReductionPercent *float64 `json:"cold_start_reduction_percent,omitempty"`
	Recommendation            string   `json:"recommendation"`
}

// Parameters of the cold-start model (the spec's rules of thumb).
const (
	packageFreeMb             = 10   // MB of package that add nothing
	packageMsPerMb            = 20   // ms per MB above packageFreeMb
	baselineMemoryMb          = 512  // memory at which the runtime base applies
	minMemoryFactor           = 0.5  // memory factor bounds
	maxMemoryFactor           = 2.0  //
	vpcOverheadMs             = 1000 // ENI attach, ms
	naturalBaseRate           = 0.05 // cold-start rate of steady traffic
	naturalRatePerIdleHour    = 0.02
	naturalRatePerInstance    = 0.001
	naturalMaxScaleUpRate     = 0.1
	naturalMaxRate            = 0.5
	provisionedShareOfPeak    = 0.8 // provisioned instances / peak instances
	provisionedRateFactor     = 0.1 // remaining cold starts with provisioning
	warmupRateFactor          = 0.3 // remaining cold starts with warm-up pings
	warmupsPerIdleHour        = 2
	p99ColdStartRateThreshold = 0.01 // above it, cold starts reach the p99
	minWorthwhileLatencyMs    = 50   // a strategy must save more than this …
	maxWorthwhileCostMonthly  = 500  // … for less than this, USD/month
)

// CalculateColdStartOptimization models a function's cold start and prices
// three strategies against it.
//
//	memoryFactor = clamp(memory_mb / 512, 0.5, 2)
//	coldStart_ms = runtime_ms / memoryFactor + max(0, (package_mb − 10) × 20) + 1000·vpc
//	peak         = ⌊max(requests/hour) / 3600 × t_avg_s⌋ + 1
//	natural rate = min(0.5, 0.05 + 0.02 × idle_hours + min(0.1, 0.001 × peak))
//	provisioned  : ⌊0.8 × peak⌋ instances all month, rate × 0.1
//	warm-up      : 2 pings per idle hour, rate × 0.3
//	monthly cold starts = Σ requests/hour × days × rate
//	avg impact_ms = cold starts × coldStart_ms / monthly requests
//
// A strategy is recommended when it saves more than 50 ms on average for less
// than $500 a month.
func CalculateColdStartOptimization(fn ColdStartFunction, traffic TrafficPattern, prices ColdStartPrices) ColdStartOptimization {
	runtimeMs := RuntimeColdStartMs(fn.Runtime)
	sizeMs := max(0, (fn.DeploymentSizeMb-packageFreeMb)*packageMsPerMb)
	memoryFactor := max(minMemoryFactor, min(maxMemoryFactor, fn.MemoryMb/baselineMemoryMb))
	vpcMs := 0.0
	if fn.VpcEnabled {
		vpcMs = vpcOverheadMs
	}
	coldMs := runtimeMs/memoryFactor + sizeMs + vpcMs

	daily, peakHourly := 0.0, 0.0
	for i, r := range traffic.RequestsPerHour {
		daily += r
		if i == 0 || r > peakHourly {
			peakHourly = r
		}
	}
	peakInstances := num.Truncate(peakHourly/3600*(fn.AvgExecutionTimeMs/1000)) + 1
	natural := NaturalColdStartRate(traffic.IdlePeriodsHours, peakInstances)
	monthlyRequests := daily * prices.DaysPerMonth

	provisioned := num.Truncate(float64(peakInstances) * provisionedShareOfPeak)
	provisionedCost := float64(provisioned) * prices.DaysPerMonth * 24 * (fn.MemoryMb / 1024 * prices.ProvisionedGBSecond * 3600)
	warmups := traffic.IdlePeriodsHours * prices.DaysPerMonth * warmupsPerIdleHour
	invocationCost := fn.MemoryMb/1024*(fn.AvgExecutionTimeMs/1000)*prices.DurationGBSecond + prices.Request

	scenario := func(rate, cost float64) ColdStartScenario {
		s := ColdStartScenario{
			ColdStartRate:           rate,
			ColdStartDurationMs:     coldMs,
			MonthlyColdStarts:       monthlyRequests * rate,
			OptimizationCostMonthly: cost,
		}
		s.AvgLatencyImpactMs = num.Ratio(s.MonthlyColdStarts*coldMs, monthlyRequests)
		if rate > p99ColdStartRateThreshold {
			s.P99LatencyImpactMs = coldMs
		}
		return s
	}
	scenarios := ColdStartScenarios{
		Natural:     scenario(natural, 0),
		Provisioned: scenario(natural*provisionedRateFactor, provisionedCost),
		Warmup:      scenario(natural*warmupRateFactor, warmups*invocationCost),
	}
	scenarios.Provisioned.ProvisionedInstances = &provisioned
	scenarios.Warmup.WarmupInvocationsMonthly = &warmups

	return ColdStartOptimization{
		ColdStartAnalysis: ColdStartAnalysis{
			BaseColdStartMs:          coldMs,
			RuntimeOverheadMs:        runtimeMs,
			DeploymentSizeOverheadMs: sizeMs,
			VpcOverheadMs:            vpcMs,
			MemoryOptimizationFactor: memoryFactor,
		},
		OptimizationScenarios: scenarios,
		Recommendations:       selectColdStartStrategy(scenarios),
	}
}

// NaturalColdStartRate is the spec's rule of thumb for the cold-start rate
// without mitigation:
//
//	rate = min(0.5, 0.05 + 0.02 × idle_hours + min(0.1, 0.001 × peak_instances))
func NaturalColdStartRate(idleHours float64, peakInstances int64) float64 {
	scaleUp := min(naturalMaxScaleUpRate, float64(peakInstances)*naturalRatePerInstance)
	return min(naturalMaxRate, naturalBaseRate+idleHours*naturalRatePerIdleHour+scaleUp)
}

// selectColdStartStrategy keeps the strategies that save more than 50 ms of
// average latency for less than $500 a month, or recommends natural scaling.
func selectColdStartStrategy(s ColdStartScenarios) []ColdStartRecommendation {
	var recs []ColdStartRecommendation
	for _, c := range []struct {
		name     string
		scenario ColdStartScenario
	}{{"provisioned", s.Provisioned}, {"warmup", s.Warmup}} {
		cost := c.scenario.OptimizationCostMonthly
		improvement := s.Natural.AvgLatencyImpactMs - c.scenario.AvgLatencyImpactMs
		reduction := num.Ratio(s.Natural.ColdStartRate-c.scenario.ColdStartRate, s.Natural.ColdStartRate) * 100
		if improvement > minWorthwhileLatencyMs && cost < maxWorthwhileCostMonthly {
			recs = append(recs, ColdStartRecommendation{
				Strategy:                  c.name,
				CostMonthly:               &cost,
				LatencyImprovementMs:      &improvement,
				ColdStartReductionPercent: &reduction,
				Recommendation:            "Recommended",
			})
		}
	}
	if len(recs) == 0 {
		recs = append(recs, ColdStartRecommendation{
			Strategy:       "natural",
			Recommendation: "Keep natural scaling - optimization costs outweigh benefits",
		})
	}
	return recs
}
