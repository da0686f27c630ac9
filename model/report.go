package model

import (
	"planner/model/keepalive"
	"planner/model/platform"
	"planner/model/pricing"
	"planner/model/simulate"
	"planner/model/spec"
)

// Report is everything the planner computes for a scenario. Every figure the
// app or the CLI shows is read from it.
type Report struct {
	Version                   int                    `json:"version"`
	Scenario                  string                 `json:"scenario"`
	Pricing                   PricingReport          `json:"pricing"`
	Functions                 []FunctionReport       `json:"functions"`
	GlobalServices            pricing.GlobalServices `json:"global_services"`
	Compliance                ComplianceReport       `json:"compliance"`
	TotalSummary              TotalSummary           `json:"total_summary"`
	OptimizationOpportunities []spec.Opportunity     `json:"optimization_opportunities"`
	ScalingProjections        spec.Projections       `json:"scaling_projections"`
	CostOptimization          spec.CostOptimization  `json:"cost_optimization"`
	Alerts                    []spec.Alert           `json:"alerts"`
	// Checklist is the spec's go-live checklist: the scenario's ticks and
	// what the plan answers.
	Checklist []ChecklistItem `json:"checklist"`
	// Account is the account's concurrency against its limit.
	Account AccountConcurrency `json:"account"`
	// AlertCounts counts the alert rules by severity.
	AlertCounts AlertCounts `json:"alert_counts"`
	// pool is the account's shared concurrency the scorecards were
	// scored against, alertRules the rules Alerts were written from (an
	// Earlier evaluation's reuse compares them).
	pool       sharedPool
	alertRules []spec.AlertRule
	// depth is how much of the report was computed (EvaluateCosts: the
	// costs alone).
	depth reportDepth
}

// Complete reports whether r holds every analysis: false for a report of
// EvaluateCosts, which has its bill and capacity alone.
func (r *Report) Complete() bool { return r.depth == fullReport }

// AlertCounts counts alert rules: all of them and by severity.
type AlertCounts struct {
	Rules    int `json:"rules"`
	Critical int `json:"critical"`
	Warning  int `json:"warning"`
}

// PricingReport says how the scenario was priced.
type PricingReport struct {
	Profile      string               `json:"profile"`
	ProfileName  string               `json:"profile_name"`
	Architecture pricing.Architecture `json:"architecture"`
	FreeTier     bool                 `json:"free_tier"`
	// HoursPerMonth is the billing month, hours.
	HoursPerMonth float64 `json:"hours_per_month"`
	// FreeGBSeconds and FreeRequests are AWS Lambda's free tier actually
	// used.
	FreeGBSeconds float64 `json:"free_gb_seconds"`
	FreeRequests  float64 `json:"free_requests"`
	// Platform is where the functions run (pricing.platform) and
	// PlatformName its name: lambda_cost and each function's compute and
	// request costs are that platform's bill.
	Platform     string `json:"platform"`
	PlatformName string `json:"platform_name"`
	// Region, Bill and Notes are, on a platform other than AWS Lambda, its
	// region, the functions' bill meter by meter (its free grants applied)
	// and what does not fit it; the services stay priced by the profile.
	Region string          `json:"region,omitempty"`
	Bill   []platform.Line `json:"bill,omitempty"`
	Notes  []string        `json:"notes,omitempty"`
}

// OnLambda reports whether the functions run on AWS Lambda, the platform
// every analysis of the report (memory sizes, provisioned concurrency,
// goal seek, infrastructure code) is written for.
func (p *PricingReport) OnLambda() bool {
	return p.Platform == platform.LambdaID || p.Platform == ""
}

// FunctionsBillName names the functions' own bill (total_summary.lambda_cost):
// "Lambda", or the name of the platform they run on.
func (p *PricingReport) FunctionsBillName() string {
	if p.OnLambda() {
		return "Lambda"
	}
	return p.PlatformName
}

// FunctionReport is one function's sizing and bill.
type FunctionReport struct {
	Name                       string                     `json:"name"`
	Traffic                    TrafficReport              `json:"traffic"`
	ExecutionCapacity          spec.ExecutionCapacity     `json:"execution_capacity"`
	CostBreakdown              CostBreakdown              `json:"cost_breakdown"`
	SupportingServices         pricing.SupportingServices `json:"supporting_services"`
	PerformanceCharacteristics PerformanceCharacteristics `json:"performance_characteristics"`
	ColdStart                  spec.ColdStartOptimization `json:"cold_start"`
	// ColdStartRate says where the cold-start rate used by the capacity
	// figures comes from, and what the keep-alive model gives.
	ColdStartRate ColdStartRateReport     `json:"cold_start_rate"`
	Memory        spec.MemoryOptimization `json:"memory"`
	// MemoryChoice judges the memory table's sizes by the targets.
	MemoryChoice MemoryChoice `json:"memory_choice"`
	// Architectures compares the cheapest measured size on each
	// architecture measured; absent unless another one was.
	Architectures []ArchitectureOption `json:"architectures,omitempty"`
	Tuning        []spec.Tuning        `json:"tuning"`
	// Scorecard is its targets, met or missed.
	Scorecard Scorecard `json:"scorecard"`
	// TotalMonthlyCost is the function and its services, USD per month.
	TotalMonthlyCost float64 `json:"total_monthly_cost"`
}

// TrafficReport is the function's resolved traffic.
type TrafficReport struct {
	InvocationsPerSecond float64 `json:"invocations_per_second"`
	MonthlyInvocations   float64 `json:"monthly_invocations"`
	// RequestsPerHour is the daily profile scaled to the monthly invocations.
	RequestsPerHour []float64 `json:"requests_per_hour"`
	// XRayTraces are the traces X-Ray records of it a month
	// (pricing.Profile.FunctionTraces): the functions' add up to the
	// application's in global_services.
	XRayTraces float64 `json:"x_ray_traces"`
}

// RequestsPerDay is the sum of the hourly requests of a day.
func (t *TrafficReport) RequestsPerDay() float64 {
	sum := 0.0
	for _, perHour := range t.RequestsPerHour {
		sum += perHour
	}
	return sum
}

// CostBreakdown is the function's own bill, USD per month.
type CostBreakdown struct {
	ComputeCost float64 `json:"compute_cost"`
	// InitCost is the INIT phase of its on-demand cold starts, billed as
	// duration where the profile bills it (AWS since 2025-08-01).
	InitCost             float64 `json:"init_cost"`
	RequestCost          float64 `json:"request_cost"`
	ProvisionedCost      float64 `json:"provisioned_cost"`
	EphemeralStorageCost float64 `json:"ephemeral_storage_cost"`
	ComplianceCost       float64 `json:"compliance_cost"`
	MonitoringCost       float64 `json:"monitoring_cost"`
	TotalFunctionCost    float64 `json:"total_function_cost"`
	// GBSeconds is the execution the function uses a month.
	GBSeconds float64 `json:"gb_seconds"`
	// InitGBSeconds are the INIT phases billed a month, GB-s.
	InitGBSeconds float64 `json:"init_gb_seconds"`
}

// PerformanceCharacteristics restate the function's configuration.
type PerformanceCharacteristics struct {
	MemoryMb            float64 `json:"memory_mb"`
	AvgExecutionTimeMs  float64 `json:"avg_execution_time_ms"`
	P95ExecutionTimeMs  float64 `json:"p95_execution_time_ms"`
	P99ExecutionTimeMs  float64 `json:"p99_execution_time_ms"`
	MonthlyInvocations  float64 `json:"monthly_invocations"`
	ReservedConcurrency float64 `json:"reserved_concurrency"`
	// ProvisionedConcurrency is the provisioned instances over a day:
	// constant, or the mean of ProvisionedByHour.
	ProvisionedConcurrency float64 `json:"provisioned_concurrency"`
	ProvisionedByHour      []int   `json:"provisioned_concurrency_by_hour,omitempty"`
	// BilledConcurrency is the instances billed as provisioned.
	BilledConcurrency float64 `json:"billed_concurrency"`
	// Architecture is the instruction set the function is priced on.
	Architecture pricing.Architecture `json:"architecture"`
}

// ComplianceReport is the compliance option's share of the bill.
type ComplianceReport struct {
	Enabled                bool    `json:"enabled"`
	ComplianceOverheadCost float64 `json:"compliance_overhead_cost"`
	MonitoringCost         float64 `json:"monitoring_cost"`
	AdditionalServicesCost float64 `json:"additional_services_cost"`
	TotalCost              float64 `json:"total_cost"`
}

// TotalSummary is the application's bill, USD per month.
type TotalSummary struct {
	TotalMonthlyCost         float64 `json:"total_monthly_cost"`
	TotalMonthlyInvocations  float64 `json:"total_monthly_invocations"`
	TotalReservedConcurrency float64 `json:"total_reserved_concurrency"`
	CostPerInvocation        float64 `json:"cost_per_invocation"`
	LambdaCost               float64 `json:"lambda_cost"`
	// FunctionsAndServicesCost is the functions and their own services: the
	// bill less the global services and compliance's fixed services.
	FunctionsAndServicesCost float64 `json:"functions_and_services_cost"`
	ProvisionedCost          float64 `json:"provisioned_cost"`
	SupportingServicesCost   float64 `json:"supporting_services_cost"`
	GlobalServicesCost       float64 `json:"global_services_cost"`
	ComplianceCost           float64 `json:"compliance_cost"`
	// PeakConcurrentExecutions is the sum of the functions' burst concurrency.
	PeakConcurrentExecutions float64 `json:"peak_concurrent_executions"`
}

// ColdStartRateReport is the cold-start rate a function's figures use.
type ColdStartRateReport struct {
	// Method is "reference" (the rate given), "model" (keep-alive model) or
	// "simulated" (a simulated day).
	Method string  `json:"method"`
	Rate   float64 `json:"rate"`
	// Model is the keep-alive model over the day, when it is the method (and
	// stands in for a simulation still pending).
	Model *keepalive.Day `json:"model,omitempty"`
	// Simulated summarises the simulated day, when it is the method.
	Simulated *SimulatedDay `json:"simulated,omitempty"`
	// Pending is true while the simulation or the keep-alive model is not
	// ready (in the browser, where they run in the background); Rate is then
	// the model's, or the rate given while the model is not ready either.
	Pending bool `json:"pending,omitempty"`
}

// SimulatedDay summarises a simulated day of a function.
type SimulatedDay struct {
	Seed uint64 `json:"seed"`
	simulate.Summary
	AvgInstances float64 `json:"avg_instances"`
}
