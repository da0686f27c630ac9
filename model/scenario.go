package model

import (
	"planner/model/platform"
	"planner/model/pricing"
	"planner/model/simulate"
	"planner/model/spec"
	"planner/model/targets"
)

// ScenarioVersion is the version of the scenario format this code writes.
const ScenarioVersion = 1

// Scenario is everything the planner sizes: an application's functions, the
// prices to use and the application-wide options. Missing values take the
// spec's defaults (see DefaultScenarioSettings and DefaultFunction).
type Scenario struct {
	// Version of the scenario format.
	Version int `json:"version" jsonschema:"title=Format version,minimum=1,default=1"`
	// Name of the scenario, shown in titles and exports.
	Name string `json:"name,omitempty" jsonschema:"title=Scenario name,maxLength=200"`
	// Pricing chooses the price profile, architecture and free tier.
	Pricing Pricing `json:"pricing" jsonschema:"title=Prices"`
	// SecretsCount is the number of secrets kept in Secrets Manager.
	SecretsCount int `json:"secrets_count" jsonschema:"title=Secrets,minimum=0,maximum=1000000,default=5" jsonschema_extras:"x-unit=secrets"`
	// TargetReductionPercent is the cost reduction the cost review aims for.
	TargetReductionPercent float64 `json:"target_reduction_percent" jsonschema:"title=Cost reduction target,minimum=0,maximum=100,default=20" jsonschema_extras:"x-unit=%"`
	// Compliance adds the overheads of a regulated (e.g. banking) workload.
	Compliance spec.Compliance `json:"compliance" jsonschema:"title=Compliance"`
	// Tracing is X-Ray tracing of every function and its sampling rule
	// (priced by real profiles; the reference profile traces every
	// invocation above 1M a month, as the spec does).
	Tracing pricing.SamplingRule `json:"tracing" jsonschema:"title=X-Ray tracing"`
	// AccountConcurrencyLimit is the account's concurrent executions in the
	// region, shared by every function without a reservation.
	AccountConcurrencyLimit int `json:"account_concurrency_limit" jsonschema:"title=Account concurrency limit,minimum=1,maximum=10000000,default=1000" jsonschema_extras:"x-unit=instances"`
	// Functions are the application's functions, in display order.
	Functions []Function `json:"functions" jsonschema:"title=Functions,maxItems=100000"`
	// Checklist is the go-live checklist's items done.
	Checklist []string `json:"checklist" jsonschema:"title=Go-live checklist: done,uniqueItems=true"`
}

// Pricing chooses how a scenario is priced.
type Pricing struct {
	// Profile is the price catalogue entry to use.
	Profile string `json:"profile" jsonschema:"title=Price profile,default=aws-us-east-1"`
	// Architecture is the instruction set the functions run on.
	Architecture pricing.Architecture `json:"architecture" jsonschema:"title=Architecture,default=x86_64"`
	// FreeTier applies the account's monthly free tier (once per scenario).
	FreeTier bool `json:"free_tier" jsonschema:"title=Apply the free tier,default=true"`
	// Platform is where the functions run: their durations, keep-alive and
	// cold starts are measured there and the bill for running them is that
	// platform's (the supporting services stay priced by the profile).
	Platform string `json:"platform" jsonschema:"title=Platform the functions run on,default=aws-lambda"`
	// Region is the platform's region when it is not AWS Lambda, whose
	// region is the price profile's (empty: the platform's first).
	Region string `json:"region,omitempty" jsonschema:"title=Platform region"`
}

// DefaultPricing is AWS Lambda at us-east-1 list prices on x86_64 with the
// free tier.
func DefaultPricing() Pricing {
	return Pricing{Profile: "aws-us-east-1", Architecture: pricing.X86_64, FreeTier: true, Platform: platform.LambdaID}
}

// OwnPlatform is the platform the functions run on (AWS Lambda when the
// scenario names none it knows).
func (p *Pricing) OwnPlatform() *platform.Platform {
	if own, ok := platform.Lookup(p.Platform); ok {
		return own
	}
	own, _ := platform.Lookup(platform.LambdaID)
	return own
}

// OnLambda reports whether the functions run on AWS Lambda, the platform
// every analysis of the report (memory sizes, provisioned concurrency,
// infrastructure code) is written for.
func (p *Pricing) OnLambda() bool {
	return p.Platform == platform.LambdaID || !platform.Known(p.Platform)
}

// NewScenario returns an empty scenario with every default set.
func NewScenario() Scenario {
	return Scenario{
		Version:                 ScenarioVersion,
		Pricing:                 DefaultPricing(),
		SecretsCount:            5,
		TargetReductionPercent:  spec.DefaultTargetReductionPercent,
		Compliance:              spec.DefaultCompliance(),
		Tracing:                 pricing.DefaultSamplingRule(),
		AccountConcurrencyLimit: defaultAccountConcurrency,
		Functions:               []Function{},
	}
}

// SetDefaults resets s to NewScenario; the decoder calls it before reading.
func (s *Scenario) SetDefaults() { *s = NewScenario() }

// Function is one serverless function: its traffic, durations, memory, cold
// starts, the services it uses and its targets.
type Function struct {
	// Name identifies the function; names are unique within a scenario.
	Name string `json:"name" jsonschema:"required,title=Name,minLength=1,maxLength=120"`
	// Type is what the function does; it sets the duration alert.
	Type spec.FunctionType `json:"type" jsonschema:"title=Function type,enum=api,enum=processing,enum=scheduled,enum=general,default=general"`
	// Class is the kind of work it does, which sets its default targets;
	// empty for its type's (API: interactive, scheduled: scheduled, others:
	// processing).
	Class targets.Class `json:"class,omitempty" jsonschema:"title=Class,enum=,enum=interactive,enum=processing,enum=batch,enum=scheduled"`
	// Criticality sets alert severities and error-rate thresholds.
	Criticality spec.Criticality `json:"criticality" jsonschema:"title=Criticality,enum=low,enum=medium,enum=high,enum=critical,default=medium"`

	// MonthlyInvocations is the invocations a month; derived from
	// invocations_per_second when missing.
	MonthlyInvocations *float64 `json:"monthly_invocations,omitempty" jsonschema:"title=Monthly invocations,minimum=0,maximum=1e13,default=100000" jsonschema_extras:"x-unit=invocations/month,x-derived=traffic.monthly_invocations"`
	// InvocationsPerSecond is the mean arrival rate; derived from
	// monthly_invocations when missing.
	InvocationsPerSecond *float64 `json:"invocations_per_second,omitempty" jsonschema:"title=Invocations per second,minimum=0,maximum=1e7,default=100" jsonschema_extras:"x-unit=invocations/s,x-derived=traffic.invocations_per_second"`
	// BurstMultiplier is the peak rate as a multiple of the mean rate.
	BurstMultiplier float64 `json:"burst_multiplier" jsonschema:"title=Burst multiplier,minimum=1,maximum=1000,default=3" jsonschema_extras:"x-unit=× mean rate"`
	// TrafficProfile is the shape of a day: 24 relative weights, hour 0 first.
	TrafficProfile []float64 `json:"traffic_profile" jsonschema:"title=Daily traffic profile,minItems=24,maxItems=24,minimum=0,maximum=1e15" jsonschema_extras:"x-unit=relative weight"`
	// IdlePeriodsHours is the hours a day with no or minimal traffic.
	IdlePeriodsHours float64 `json:"idle_periods_hours" jsonschema:"title=Idle hours per day,minimum=0,maximum=24,default=0" jsonschema_extras:"x-unit=h/day"`

	// AvgExecutionTimeMs is the mean billed duration of a warm invocation.
	AvgExecutionTimeMs float64 `json:"avg_execution_time_ms" jsonschema:"title=Mean duration,exclusiveMinimum=0,maximum=900000,default=500" jsonschema_extras:"x-unit=ms"`
	// P95ExecutionTimeMs is the 95th-percentile duration.
	P95ExecutionTimeMs float64 `json:"p95_execution_time_ms" jsonschema:"title=p95 duration,minimum=0,maximum=900000,default=1000" jsonschema_extras:"x-unit=ms"`
	// P99ExecutionTimeMs is the 99th-percentile duration.
	P99ExecutionTimeMs float64 `json:"p99_execution_time_ms" jsonschema:"title=p99 duration,minimum=0,maximum=900000,default=2000" jsonschema_extras:"x-unit=ms"`

	// TimeoutSeconds is the function's configured timeout (0: not given);
	// no duration may exceed it.
	TimeoutSeconds int `json:"timeout_seconds,omitempty" jsonschema:"title=Timeout,minimum=0,maximum=5400" jsonschema_extras:"x-unit=s"`
	// AllocatedMemoryMb is the configured memory.
	AllocatedMemoryMb int `json:"allocated_memory_mb" jsonschema:"title=Memory,minimum=128,maximum=10240,default=256" jsonschema_extras:"x-unit=MB"`
	// Architecture is the function's instruction set; empty for the
	// scenario's (accounts mix them).
	Architecture pricing.Architecture `json:"architecture,omitempty" jsonschema:"title=Architecture"`
	// ActualMemoryUsageMb is the peak memory the function uses.
	ActualMemoryUsageMb float64 `json:"actual_memory_usage_mb" jsonschema:"title=Memory used,minimum=0,maximum=10240,default=180" jsonschema_extras:"x-unit=MB"`
	// EphemeralStorageMb is the configured /tmp; above 512 MB it is billed.
	EphemeralStorageMb int `json:"ephemeral_storage_mb" jsonschema:"title=Ephemeral storage,minimum=512,maximum=10240,default=512" jsonschema_extras:"x-unit=MB"`
	// ExecutionTimesByMemory are measured mean durations at other memory sizes.
	ExecutionTimesByMemory []MeasuredDuration `json:"execution_times_by_memory" jsonschema:"title=Measured durations by memory,maxItems=64"`

	// ColdStartRate is the share of invocations that start cold.
	ColdStartRate float64 `json:"cold_start_rate" jsonschema:"title=Cold-start rate,minimum=0,maximum=1,default=0.05" jsonschema_extras:"x-unit=fraction"`
	// ColdStartMethod is where the cold-start rate comes from: the rate given
	// (the spec's rule), the keep-alive model of the function's traffic, or a
	// simulated day of it.
	ColdStartMethod string `json:"cold_start_method" jsonschema:"title=Cold-start rate from,enum=reference,enum=model,enum=simulated,default=model"`
	// KeepAliveMinutes is how long the platform keeps an idle instance warm.
	KeepAliveMinutes float64 `json:"keep_alive_minutes" jsonschema:"title=Keep-alive,minimum=0,maximum=1440,default=10" jsonschema_extras:"x-unit=min"`
	// ColdStartDurationMs is what a cold start adds to an invocation.
	ColdStartDurationMs float64 `json:"cold_start_duration_ms" jsonschema:"title=Cold-start duration,minimum=0,maximum=900000,default=1000" jsonschema_extras:"x-unit=ms"`
	// Runtime is the language runtime; it sets the modelled cold start.
	Runtime string `json:"runtime" jsonschema:"title=Runtime,default=python3.9"`
	// DeploymentSizeMb is the size of the deployment package.
	DeploymentSizeMb float64 `json:"deployment_size_mb" jsonschema:"title=Package size,minimum=0,maximum=10240,default=50" jsonschema_extras:"x-unit=MB"`
	// VpcEnabled attaches the function to a VPC.
	VpcEnabled bool `json:"vpc_enabled" jsonschema:"title=In a VPC,default=false"`
	// ReservedConcurrency caps the function's instances (0: no reservation).
	ReservedConcurrency int `json:"reserved_concurrency" jsonschema:"title=Reserved concurrency,minimum=0,maximum=1000000,default=0" jsonschema_extras:"x-unit=instances"`
	// ProvisionedConcurrency keeps instances initialised all month (0 when
	// they are set by hour instead).
	ProvisionedConcurrency int `json:"provisioned_concurrency" jsonschema:"title=Provisioned concurrency,minimum=0,maximum=1000000,default=0" jsonschema_extras:"x-unit=instances"`
	// ProvisionedByHour is provisioned concurrency by hour of the day (UTC,
	// hour 0 first, as the traffic profile) in place of a constant one: 24
	// values, or none.
	ProvisionedByHour []int `json:"provisioned_concurrency_by_hour,omitempty" jsonschema:"title=Provisioned concurrency by hour,maxItems=24,minimum=0,maximum=1000000" jsonschema_extras:"x-unit=instances,x-constant=provisioned_concurrency"`

	// APIGatewayEnabled puts an API Gateway API in front of the function.
	APIGatewayEnabled bool `json:"api_gateway_enabled" jsonschema:"title=API Gateway,default=false"`
	// APIGatewayType is the kind of API.
	APIGatewayType pricing.APIType `json:"api_gateway_type" jsonschema:"title=API type,enum=rest,enum=http,default=rest"`
	// LogDataGBMonthly is the log data the function writes.
	LogDataGBMonthly float64 `json:"log_data_gb_monthly" jsonschema:"title=Log data,minimum=0,maximum=1e9,default=1" jsonschema_extras:"x-unit=GB/month"`
	// DynamoDBEnabled gives the function a provisioned-capacity table.
	DynamoDBEnabled bool `json:"dynamodb_enabled" jsonschema:"title=DynamoDB table,default=false"`
	// DynamoDBReadUnits is the table's provisioned read capacity.
	DynamoDBReadUnits float64 `json:"dynamodb_read_units" jsonschema:"title=Read capacity,minimum=0,maximum=1e9,default=5" jsonschema_extras:"x-unit=RCU"`
	// DynamoDBWriteUnits is the table's provisioned write capacity.
	DynamoDBWriteUnits float64 `json:"dynamodb_write_units" jsonschema:"title=Write capacity,minimum=0,maximum=1e9,default=5" jsonschema_extras:"x-unit=WCU"`
	// DynamoDBStorageGB is the table's size.
	DynamoDBStorageGB float64 `json:"dynamodb_storage_gb" jsonschema:"title=Table size,minimum=0,maximum=1e9,default=10" jsonschema_extras:"x-unit=GB"`
	// S3Enabled gives the function an S3 Standard bucket.
	S3Enabled bool `json:"s3_enabled" jsonschema:"title=S3 bucket,default=false"`
	// S3StorageGB is the data kept in the bucket.
	S3StorageGB float64 `json:"s3_storage_gb" jsonschema:"title=Bucket size,minimum=0,maximum=1e12,default=100" jsonschema_extras:"x-unit=GB"`
	// S3RequestsMonthly is the GET requests a month.
	S3RequestsMonthly float64 `json:"s3_requests_monthly" jsonschema:"title=Bucket requests,minimum=0,maximum=1e15,default=10000" jsonschema_extras:"x-unit=requests/month"`

	// ErrorRate is the observed share of failed invocations.
	ErrorRate float64 `json:"error_rate" jsonschema:"title=Error rate,minimum=0,maximum=1,default=0.01" jsonschema_extras:"x-unit=fraction"`
	// ThrottleRate is the observed share of throttled invocations.
	ThrottleRate float64 `json:"throttle_rate" jsonschema:"title=Throttle rate,minimum=0,maximum=1,default=0" jsonschema_extras:"x-unit=fraction"`
	// TargetP99LatencyMs is the p99 latency the function should meet, cold
	// starts included; missing for its class's (batch: 5,000 ms, others
	// none).
	TargetP99LatencyMs *float64 `json:"target_p99_latency_ms,omitempty" jsonschema:"title=p99 latency target,minimum=0,maximum=900000" jsonschema_extras:"x-unit=ms"`
	// Targets are its own limits on the other KPIs, each replacing its
	// class's default.
	Targets targets.Limits `json:"targets" jsonschema:"title=Targets"`
	// TargetErrorRate is the error rate the function should stay under.
	TargetErrorRate float64 `json:"target_error_rate" jsonschema:"title=Error rate target,minimum=0,maximum=1,default=0.001" jsonschema_extras:"x-unit=fraction"`
	// MaxCostIncreasePercent is the most a memory change may add to cost.
	MaxCostIncreasePercent float64 `json:"max_cost_increase_percent" jsonschema:"title=Acceptable cost increase,minimum=-100,maximum=100000,default=20" jsonschema_extras:"x-unit=%"`
	// MinPerformanceImprovementPercent is the least speed-up worth a change.
	MinPerformanceImprovementPercent float64 `json:"min_performance_improvement_percent" jsonschema:"title=Worthwhile speed-up,minimum=-100000,maximum=100,default=10" jsonschema_extras:"x-unit=%"`
	// ColdStartSensitive marks a latency-sensitive function that needs warm instances.
	ColdStartSensitive bool `json:"cold_start_sensitive" jsonschema:"title=Cold-start sensitive,default=false"`
	// ComplianceRequirements are the regimes the function is audited against.
	ComplianceRequirements []spec.ComplianceRequirement `json:"compliance_requirements" jsonschema:"title=Compliance requirements,uniqueItems=true"`
}

// MeasuredDuration is a mean duration measured at one memory size.
type MeasuredDuration struct {
	// MemoryMb is the memory the measurement was taken at.
	MemoryMb int `json:"memory_mb" jsonschema:"title=Memory,minimum=128,maximum=10240" jsonschema_extras:"x-unit=MB"`
	// ExecutionTimeMs is the measured mean duration.
	ExecutionTimeMs float64 `json:"execution_time_ms" jsonschema:"title=Mean duration,exclusiveMinimum=0,maximum=900000" jsonschema_extras:"x-unit=ms"`
	// Architecture is the instruction set it was measured on; empty for
	// the function's own.
	Architecture pricing.Architecture `json:"architecture,omitempty" jsonschema:"title=Measured on"`
}

// ArchitectureOf is the instruction set f runs on: its own, or the
// scenario's.
func (s *Scenario) ArchitectureOf(f *Function) pricing.Architecture {
	if f.Architecture != "" {
		return f.Architecture
	}
	return s.Pricing.Architecture
}

// hoursPerDay is the length of the traffic profile.
const hoursPerDay = 24

// Cold-start methods.
const (
	ColdStartReference = "reference" // the rate given, as the spec does
	ColdStartModel     = "model"     // the keep-alive model of the traffic
	ColdStartSimulated = "simulated" // a simulated day of the traffic
)

// defaultAccountConcurrency is Lambda's default concurrency quota of an
// account in a region.
const defaultAccountConcurrency = simulate.LambdaAccountConcurrency

// defaultKeepAliveMinutes is the keep-alive observed on AWS Lambda.
const defaultKeepAliveMinutes = 10

// DefaultFunction returns a function with every spec default set and a flat
// daily profile. Its name is empty.
func DefaultFunction() Function {
	profile := make([]float64, hoursPerDay)
	for i := range profile {
		profile[i] = 1
	}
	return Function{
		Type:                             spec.GeneralFunction,
		Criticality:                      spec.MediumCriticality,
		BurstMultiplier:                  3,
		TrafficProfile:                   profile,
		AvgExecutionTimeMs:               500,
		P95ExecutionTimeMs:               1000,
		P99ExecutionTimeMs:               2000,
		AllocatedMemoryMb:                256,
		ActualMemoryUsageMb:              180,
		EphemeralStorageMb:               pricing.EphemeralFreeMb,
		ExecutionTimesByMemory:           []MeasuredDuration{},
		ColdStartRate:                    0.05,
		ColdStartMethod:                  ColdStartModel,
		KeepAliveMinutes:                 defaultKeepAliveMinutes,
		ColdStartDurationMs:              1000,
		Runtime:                          "python3.9",
		DeploymentSizeMb:                 50,
		APIGatewayType:                   pricing.RESTAPI,
		LogDataGBMonthly:                 1,
		DynamoDBReadUnits:                5,
		DynamoDBWriteUnits:               5,
		DynamoDBStorageGB:                10,
		S3StorageGB:                      100,
		S3RequestsMonthly:                10000,
		ErrorRate:                        0.01,
		TargetErrorRate:                  0.001,
		MaxCostIncreasePercent:           spec.DefaultCostTargets().MaxCostIncreasePercent,
		MinPerformanceImprovementPercent: spec.DefaultCostTargets().MinPerformanceImprovementPercent,
		ComplianceRequirements:           []spec.ComplianceRequirement{},
	}
}

// SetDefaults resets f to DefaultFunction; the decoder calls it before
// reading a function.
func (f *Function) SetDefaults() { *f = DefaultFunction() }

// Spec defaults for traffic when neither rate is given.
const (
	defaultMonthlyInvocations   = 100000
	defaultInvocationsPerSecond = 100
)

// Traffic resolves the function's rates for a month of secondsPerMonth:
//
//	monthly = λ × secondsPerMonth   when only λ is given
//	λ       = monthly / secondsPerMonth when only monthly is given
//
// With neither, both take the spec's defaults (100/s and 100,000 a month).
func (f *Function) Traffic(secondsPerMonth float64) (perSecond, monthly float64) {
	switch {
	case f.InvocationsPerSecond != nil && f.MonthlyInvocations != nil:
		return *f.InvocationsPerSecond, *f.MonthlyInvocations
	case f.InvocationsPerSecond != nil:
		return *f.InvocationsPerSecond, *f.InvocationsPerSecond * secondsPerMonth
	case f.MonthlyInvocations != nil:
		return *f.MonthlyInvocations / secondsPerMonth, *f.MonthlyInvocations
	}
	return defaultInvocationsPerSecond, defaultMonthlyInvocations
}
