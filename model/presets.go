package model

import (
	"planner/model/num"
	"planner/model/spec"
)

// Preset is a ready-made scenario from the spec's examples.
type Preset struct {
	ID          string
	Name        string
	Description string
	Scenario    func() Scenario
}

// Presets lists the spec's examples as scenarios, one click each in the
// app. Organisations appear only as what an example is modelled on.
func Presets() []Preset {
	return []Preset{
		{"api-backend", "API backend", "One API function at 500 requests/s (the spec's execution-capacity example).", apiBackendPreset},
		{"checkout", "Checkout function", "A Java checkout function in a VPC with a retail day of traffic (the spec's cold-start example).", checkoutPreset},
		{"data-processing", "Data processing", "A batch function measured at six memory sizes (the spec's memory example).", dataProcessingPreset},
		{"e-commerce", "E-commerce application", "Four functions with API Gateway, DynamoDB and S3 (the spec's infrastructure example).", DefaultScenario},
		{"event-processing", "Large-scale event processing", "Thousands of streaming functions grouped into four categories; modelled on Netflix's event-driven processing.", eventProcessingPreset},
		{"marketplace-pipeline", "Marketplace data pipeline", "Five functions behind API Gateway and queues; modelled on Airbnb's serverless data pipeline.", marketplacePreset},
		{"banking", "Banking with compliance overhead", "Five regulated functions with PCI-DSS overhead, enhanced monitoring and fixed security services; modelled on Capital One's event-driven banking.", bankingPreset},
	}
}

// LookupPreset returns the preset with the given ID.
func LookupPreset(id string) (Preset, bool) {
	for _, p := range Presets() {
		if p.ID == id {
			return p, true
		}
	}
	return Preset{}, false
}

// fn is a function with the spec's defaults and the given name, memory
// (MB), mean duration (ms) and monthly invocations.
func fn(name string, memoryMb int, avgMs, monthly float64) Function {
	f := DefaultFunction()
	f.Name = name
	f.AllocatedMemoryMb = memoryMb
	f.ActualMemoryUsageMb = float64(memoryMb) * 0.7
	f.AvgExecutionTimeMs, f.P95ExecutionTimeMs, f.P99ExecutionTimeMs = avgMs, avgMs*2, avgMs*4
	f.MonthlyInvocations = ptr(monthly)
	return f
}

func named(name string, fns ...Function) Scenario {
	s := NewScenario()
	s.Name = name
	s.Functions = fns
	return s
}

func apiBackendPreset() Scenario {
	f := DefaultFunction()
	f.Name = "api_backend"
	f.Type, f.Criticality = spec.APIFunction, spec.HighCriticality
	f.InvocationsPerSecond = ptr(500.0)
	f.AvgExecutionTimeMs, f.P95ExecutionTimeMs, f.P99ExecutionTimeMs = 300, 600, 1200
	f.AllocatedMemoryMb, f.ActualMemoryUsageMb = 512, 380
	f.ColdStartRate, f.ColdStartDurationMs, f.BurstMultiplier = 0.02, 800, 4
	f.APIGatewayEnabled = true
	return named("API backend", f)
}

func checkoutPreset() Scenario {
	day := spec.CheckoutDayRequests()
	daily := num.Sum(day[:])
	f := fn("checkout", 1024, 800, daily*30)
	f.Type, f.Criticality, f.Runtime = spec.APIFunction, spec.CriticalCriticality, "java11"
	f.DeploymentSizeMb, f.VpcEnabled = 80, true
	f.TrafficProfile = day[:]
	f.IdlePeriodsHours = 4
	f.APIGatewayEnabled = true
	f.ColdStartSensitive = true
	return named("Checkout function", f)
}

func dataProcessingPreset() Scenario {
	f := fn("data_processing", 512, 2000, 5_000_000)
	f.Type = spec.ProcessingFunction
	f.ActualMemoryUsageMb = 400
	f.ExecutionTimesByMemory = []MeasuredDuration{{MemoryMb: 128, ExecutionTimeMs: 8000}, {MemoryMb: 256, ExecutionTimeMs: 4000}, {MemoryMb: 1024, ExecutionTimeMs: 1000}, {MemoryMb: 1536, ExecutionTimeMs: 750}, {MemoryMb: 3008, ExecutionTimeMs: 500}}
	f.MaxCostIncreasePercent, f.MinPerformanceImprovementPercent = 15, 20
	return named("Data processing", f)
}

// eventProcessingPreset groups the example's 10,000+ functions into its
// four categories, each one function carrying the category's traffic.
func eventProcessingPreset() Scenario {
	transcode := fn("content_processing.video_transcoding_triggers", 3008, 2000, 500_000*30)
	transcode.Type, transcode.ColdStartRate = spec.ProcessingFunction, 0.001
	thumbs := fn("content_processing.thumbnail_generation", 1024, 1500, 2_000_000*30)
	thumbs.Type, thumbs.ReservedConcurrency = spec.ProcessingFunction, 1000
	views := fn("analytics.viewing_event_processing", 512, 100, 50_000_000*30)
	views.Type, views.Criticality, views.ReservedConcurrency = spec.ProcessingFunction, spec.HighCriticality, 5000
	recs := fn("analytics.recommendation_updates", 1536, 400, 10_000_000*30)
	recs.Type, recs.ProvisionedConcurrency, recs.ReservedConcurrency = spec.ProcessingFunction, 50, 200
	s := named("Large-scale event processing", transcode, thumbs, views, recs)
	s.SecretsCount = 40
	return s
}

func marketplacePreset() Scenario {
	auth := fn("auth", 256, 200, 2_000_000*30)
	auth.Type, auth.APIGatewayEnabled, auth.DynamoDBEnabled = spec.APIFunction, true, true
	search := fn("search", 1024, 500, 5_000_000*30)
	search.Type, search.APIGatewayEnabled = spec.APIFunction, true
	booking := fn("booking", 512, 800, 500_000*30)
	booking.Type, booking.Criticality, booking.APIGatewayEnabled, booking.DynamoDBEnabled = spec.APIFunction, spec.CriticalCriticality, true, true
	pricing := fn("pricing", 1536, 300, 10_000_000*30)
	pricing.Type, pricing.APIGatewayEnabled = spec.APIFunction, true
	analytics := fn("analytics", 3008, 2000, 50_000_000*30)
	analytics.Type, analytics.S3Enabled, analytics.S3StorageGB = spec.ProcessingFunction, true, 5000
	return named("Marketplace data pipeline", auth, search, booking, pricing, analytics)
}

func bankingPreset() Scenario {
	fraud := fn("fraud_detection", 1024, 150, 50_000_000)
	fraud.ReservedConcurrency, fraud.Criticality = 1000, spec.CriticalCriticality
	fraud.ComplianceRequirements = []spec.ComplianceRequirement{spec.PCIDSS, spec.SOX}
	fraud.ColdStartSensitive = true
	txn := fn("transaction_processing", 512, 200, 100_000_000)
	txn.ReservedConcurrency, txn.Criticality = 2000, spec.CriticalCriticality
	credit := fn("credit_scoring", 2048, 1500, 5_000_000)
	credit.ReservedConcurrency, credit.DeploymentSizeMb = 200, 500
	notify := fn("account_notifications", 256, 100, 200_000_000)
	notify.ReservedConcurrency = 500
	risk := fn("risk_analytics", 3008, 3000, 10_000_000)
	risk.ReservedConcurrency, risk.Type = 100, spec.ProcessingFunction
	s := named("Banking with compliance overhead", fraud, txn, credit, notify, risk)
	s.Compliance.Enabled = true
	s.Compliance.AdditionalServices = []spec.FixedService{
		{Name: "API Gateway (premium)", MonthlyCost: 50000}, {Name: "WAF protection", MonthlyCost: 10000}, {Name: "Secrets and key management", MonthlyCost: 2000},
		{Name: "CloudTrail (enhanced)", MonthlyCost: 5000}, {Name: "Backup and disaster recovery", MonthlyCost: 25000}, {Name: "Security monitoring", MonthlyCost: 15000},
		{Name: "Penetration testing", MonthlyCost: 20000},
	}
	return s
}
