package spec

import (
	"testing"

	"planner/model/internal/check"
	"planner/model/pricing"
)

// The spec's API backend example, by hand: 500/s × 300 ms = 150 instances;
// effective 300 + 0.02 × 800 = 316 ms; burst 500 × 4 × 316 / 1000 = 632.
func TestExecutionCapacityAPIExample(t *testing.T) {
	c := CalculateExecutionCapacity(Workload{
		InvocationsPerSecond: 500, AvgExecutionTimeMs: 300, P95ExecutionTimeMs: 600, P99ExecutionTimeMs: 1200,
		AllocatedMemoryMb: 512, ActualMemoryUsageMb: 380, ColdStartRate: 0.02, ColdStartDurationMs: 800, BurstMultiplier: 4,
	})
	check.Near(t, "avg", c.ExecutionAnalysis.AvgConcurrentExecutions, 150)
	check.Near(t, "p95", c.ExecutionAnalysis.P95ConcurrentExecutions, 300)
	check.Near(t, "p99", c.ExecutionAnalysis.P99ConcurrentExecutions, 600)
	check.Near(t, "effective", c.ColdStartImpact.EffectiveAvgExecutionMs, 316)
	check.Near(t, "burst", c.ExecutionAnalysis.BurstConcurrentExecutions, 632)
	check.Near(t, "impact", c.ColdStartImpact.PerformanceImpactPercent, 16.0/300*100)
	check.Near(t, "efficiency", c.MemoryAnalysis.MemoryEfficiencyPercent, 380.0/512*100)
	if c.MemoryAnalysis.OptimizationPotential != "Medium" {
		t.Errorf("potential %q", c.MemoryAnalysis.OptimizationPotential)
	}
	rec := c.CapacityRecommendations[0]
	if *rec.ReservedConcurrency != 180 || *rec.BurstLimit != 695 {
		t.Errorf("reserved %d burst %d, want 180 and ⌊632×1.1⌋ = 695", *rec.ReservedConcurrency, *rec.BurstLimit)
	}
	if len(c.CapacityRecommendations) != 1 {
		t.Errorf("74%% efficiency needs no memory change, got %d recommendations", len(c.CapacityRecommendations))
	}
}

func TestExecutionCapacityZeroTraffic(t *testing.T) {
	w := DefaultWorkload()
	w.InvocationsPerSecond = 0
	c := CalculateExecutionCapacity(w)
	check.Near(t, "effective", c.ColdStartImpact.EffectiveAvgExecutionMs, 500+0.05*1000)
	check.Near(t, "burst", c.ExecutionAnalysis.BurstConcurrentExecutions, 0)
}

func TestMemoryRecommendationsByEfficiency(t *testing.T) {
	for _, c := range []struct {
		used float64
		want string
	}{{100, "Memory Optimization"}, {250, "Memory Safety"}} {
		w := DefaultWorkload()
		w.ActualMemoryUsageMb = c.used
		recs := CalculateExecutionCapacity(w).CapacityRecommendations
		if len(recs) != 2 || recs[1].Type != c.want {
			t.Errorf("used %v MB of 256: %+v, want %s", c.used, recs, c.want)
		}
	}
}

// The spec's checkout example: Java 1000 ms at 1024 MB (factor 2) = 500 ms,
// package (80 − 10) × 20 = 1400 ms, VPC 1000 ms: 2900 ms. Peak 700/h × 0.8 s
// is under one instance, so 1; natural rate 0.05 + 4 × 0.02 + 0.001 = 0.131.
func TestColdStartCheckoutExample(t *testing.T) {
	day := CheckoutDayRequests()
	o := CalculateColdStartOptimization(
		ColdStartFunction{Runtime: "java11", DeploymentSizeMb: 80, MemoryMb: 1024, VpcEnabled: true, AvgExecutionTimeMs: 800},
		TrafficPattern{RequestsPerHour: day[:], IdlePeriodsHours: 4},
		ReferenceColdStartPrices())
	check.Near(t, "cold start", o.ColdStartAnalysis.BaseColdStartMs, 2900)
	check.Near(t, "factor", o.ColdStartAnalysis.MemoryOptimizationFactor, 2)
	s := o.OptimizationScenarios
	check.Near(t, "natural rate", s.Natural.ColdStartRate, 0.131)
	check.Near(t, "provisioned rate", s.Provisioned.ColdStartRate, 0.0131)
	check.Near(t, "warm-up rate", s.Warmup.ColdStartRate, 0.0393)
	daily := 0.0
	for _, r := range day {
		daily += r
	}
	check.Near(t, "monthly cold starts", s.Natural.MonthlyColdStarts, daily*30*0.131)
	check.Near(t, "avg impact", s.Natural.AvgLatencyImpactMs, 0.131*2900)
	if *s.Provisioned.ProvisionedInstances != 0 {
		t.Errorf("⌊0.8 × 1⌋ = 0 instances, got %d", *s.Provisioned.ProvisionedInstances)
	}
	check.Near(t, "warm-ups", *s.Warmup.WarmupInvocationsMonthly, 4*30*2)
	check.Near(t, "warm-up cost", s.Warmup.OptimizationCostMonthly, 240*(1*0.8*0.0000166667+0.0000002))
	// Both strategies save > 50 ms for < $500.
	if len(o.Recommendations) != 2 || o.Recommendations[0].Strategy != "provisioned" || o.Recommendations[1].Strategy != "warmup" {
		t.Errorf("recommendations %+v", o.Recommendations)
	}
}

func TestColdStartKeepsNaturalWhenCheap(t *testing.T) {
	o := CalculateColdStartOptimization(ColdStartFunction{Runtime: "go1.x", MemoryMb: 1024, AvgExecutionTimeMs: 50},
		DefaultTrafficPattern(), ReferenceColdStartPrices())
	if len(o.Recommendations) != 1 || o.Recommendations[0].Strategy != "natural" {
		t.Errorf("a 75 ms cold start is not worth mitigating: %+v", o.Recommendations)
	}
	if got := RuntimeColdStartMs("cobol"); got != 300 {
		t.Errorf("unknown runtime base %v, want 300", got)
	}
}

// The spec's data-processing example: 5M invocations, 512 MB at 2 s costs
// (0.5 × 2 × 0.0000166667 + 0.0000002) × 5M.
func TestMemoryDataProcessingExample(t *testing.T) {
	times := []float64{8000, 4000, 2000, 1000, 750, 500}
	var durations []MemoryDuration
	for i, mb := range MemoryOptionsMb() {
		durations = append(durations, MemoryDuration{MemoryMb: mb, ExecutionTimeMs: times[i], Measured: true})
	}
	o := OptimizeMemory(MemoryPerformance{CurrentMemoryMb: 512, CurrentExecutionTimeMs: 2000, InvocationsPerMonth: 5e6,
		ActualMemoryUsageMb: 400, Durations: durations},
		CostTargets{MaxCostIncreasePercent: 15, MinPerformanceImprovementPercent: 20},
		InvocationPrices{DurationGBSecond: 0.0000166667, Request: 0.0000002})
	cost := func(mb, ms float64) float64 { return (mb/1024*ms/1000*0.0000166667 + 0.0000002) * 5e6 }
	check.Near(t, "current cost", o.CurrentAnalysis.CurrentMonthlyCost, cost(512, 2000))
	op := o.OptimizationOpportunities
	// 128–1024 MB all cost 1 GB-s per invocation: the first of them is cheapest.
	if op.CostOptimal.MemoryMb != 128 || op.PerformanceOptimal.MemoryMb != 3008 {
		t.Errorf("picks %v / %v", op.CostOptimal.MemoryMb, op.PerformanceOptimal.MemoryMb)
	}
	// Faster than 8 s for free: 256 MB saves 4000 ms at no extra cost.
	if op.Balanced.MemoryMb != 256 {
		t.Errorf("balanced %v, want 256", op.Balanced.MemoryMb)
	}
	check.Near(t, "3008 MB speed-up", op.PerformanceOptimal.PerformanceChangePercent, 75)
	check.Near(t, "3008 MB cost change", op.PerformanceOptimal.CostChangePercent, (cost(3008, 500)-cost(512, 2000))/cost(512, 2000)*100)
	check.Near(t, "efficiency at 1024", o.MemoryConfigurations[3].MemoryEfficiency, 400.0/1024)
	check.Near(t, "vCPU at 3008", o.MemoryConfigurations[5].CPUAllocation, 3008.0/1769)
}

func TestEstimateExecutionTime(t *testing.T) {
	check.Near(t, "half memory doubles", EstimateExecutionTimeMs(1000, 512, 256), 2000)
	check.Near(t, "floor", EstimateExecutionTimeMs(100, 128, 3008), 50)
}

func TestSupportingServicesReference(t *testing.T) {
	p, _ := pricing.LookupProfile("reference")
	u := pricing.ServiceUsage{MonthlyInvocations: 2e6, APIGatewayEnabled: true, LogDataGbMonthly: 2,
		DynamoDBEnabled: true, DynamoDBReadUnits: 10, DynamoDBWriteUnits: 5, DynamoDBStorageGb: 10,
		S3Enabled: true, S3StorageGb: 500, S3RequestsMonthly: 100000}
	s := pricing.CalculateSupportingServices(u, p, pricing.BlendedAPIGatewayRates(p, []pricing.ServiceUsage{u}))
	check.Near(t, "api", s.APIGateway, 7)
	check.Near(t, "logs", s.CloudWatchLogs, 1)
	check.Near(t, "dynamodb", s.DynamoDB, 10*0.25*720+5*1.25*720+10*0.25)
	check.Near(t, "s3", s.S3, 500*0.023+100*0.0004)
	check.Near(t, "total", s.TotalCost, 7+1+(1800+4500+2.5)+11.54)
}

func TestAPIGatewayTiersAreAccountWide(t *testing.T) {
	p, _ := pricing.LookupProfile("aws-us-east-1")
	u := pricing.ServiceUsage{MonthlyInvocations: 200e6, APIGatewayEnabled: true, APIType: pricing.HTTPAPI}
	rates := pricing.BlendedAPIGatewayRates(p, []pricing.ServiceUsage{u, u})
	// 400M HTTP requests: 300M at $1.00/M, 100M at $0.90/M.
	check.Near(t, "two functions", 2*200e6*rates[pricing.HTTPAPI], 300+90)
}

func TestGlobalServicesThreshold(t *testing.T) {
	p, _ := pricing.LookupProfile("reference")
	g := pricing.CalculateGlobalServices(p, 1e6, 8)
	check.Near(t, "at 1M", g.TotalCost, 10+8*0.40+100)
	g = pricing.CalculateGlobalServices(p, 2e6, 8)
	check.Near(t, "above 1M", g.TotalCost, 10+2e6*0.000005+50+8*0.40+100)
}

func TestScalingProjections(t *testing.T) {
	ps := CalculateScalingProjections(1e6, 100)
	check.Near(t, "2x", ps[0].MonthlyCost, 200)
	check.Near(t, "10x", ps[2].MonthlyCost, 850)
	check.Near(t, "20x per invocation", ps[3].CostPerInvocation, 1700/20e6)
	zero := CalculateScalingProjections(0, 0)
	check.Near(t, "no traffic", zero[3].CostPerInvocation, 0)
}

func TestOptimizeCosts(t *testing.T) {
	o := OptimizeCosts(CurrentUsage{
		MonthlyCost: 50000, ProvisionedConcurrencyCost: 20000,
		Functions: []UsageFunction{{"api_handler", 0.6, 300}, {"data_processor", 0.9, 45000},
			{"notification_sender", 0.5, 150}, {"report_generator", 0.8, 120000}},
		ColdStartSensitiveFunctions: []string{"api_handler"},
		ScheduledFunctions:          []string{"report_generator"},
	}, 25)
	// 2 × 0.2 × 12,500 + 0.4 × 20,000 + 0.15 × 50,000 + 0.05 × 50,000
	check.Near(t, "savings", o.TotalPotentialSavings, 5000+8000+7500+2500)
	if !o.MeetsTarget || len(o.Optimizations) != 4 {
		t.Errorf("%+v", o)
	}
	if z := OptimizeCosts(CurrentUsage{}, 20); z.PotentialSavingsPercentage != 0 || len(z.Optimizations) != 0 {
		t.Errorf("empty usage: %+v", z)
	}
}

func TestTuning(t *testing.T) {
	got := OptimizeFunctionPerformance(FunctionMetrics{P99LatencyMs: 1200, ColdStartRate: 0.08, MemoryMb: 256, ErrorRate: 0.02, ThrottleRate: 0.005},
		PerformanceTargets{P99LatencyMs: 500, ErrorRate: 0.001})
	want := []string{"Memory Scaling", "Cold Start Reduction", "Error Handling", "Concurrency Management"}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i := range want {
		if got[i].Type != want[i] {
			t.Errorf("%d: %s, want %s", i, got[i].Type, want[i])
		}
	}
	if got[0].Action != "Increase memory from 256MB to 512MB" || got[0].ExpectedImprovement != "350ms latency reduction" {
		t.Errorf("%+v", got[0])
	}
	if len(OptimizeFunctionPerformance(DefaultFunctionMetrics(), PerformanceTargets{P99LatencyMs: 5000, ErrorRate: 0.5})) != 0 {
		t.Error("a function within its targets needs no tuning")
	}
}

func TestAlerts(t *testing.T) {
	alerts := GenerateAlerts([]AlertFunction{
		{Name: "auth", Type: APIFunction, Criticality: CriticalCriticality},
		{Name: "batch", Type: ScheduledFunction, Criticality: LowCriticality},
		{Name: `we"ird`, Type: GeneralFunction, Criticality: MediumCriticality},
	})
	if len(alerts) != 5+4+4+2 {
		t.Fatalf("%d alerts", len(alerts))
	}
	if alerts[0].Condition != `aws_lambda_duration_p95{function_name="auth"} > 2000` || alerts[0].Severity != "critical" {
		t.Errorf("%+v", alerts[0])
	}
	if alerts[1].Condition != `aws_lambda_error_rate{function_name="auth"} > 0.001` {
		t.Errorf("%+v", alerts[1])
	}
	if alerts[5].Severity != "warning" || alerts[5].Condition != `aws_lambda_duration_p95{function_name="batch"} > 30000` {
		t.Errorf("%+v", alerts[5])
	}
	if alerts[9].Condition != `aws_lambda_duration_p95{function_name="we\"ird"} > 30000` {
		t.Errorf("label value not escaped: %s", alerts[9].Condition)
	}
}

func TestTieredPriceCost(t *testing.T) {
	tp := pricing.TieredPrice{{UpTo: 10, Price: pricing.Price{Amount: 2}}, {UpTo: 20, Price: pricing.Price{Amount: 1}}, {Price: pricing.Price{Amount: 0.5}}}
	for q, want := range map[float64]float64{-1: 0, 0: 0, 5: 10, 10: 20, 15: 25, 30: 35} {
		check.Near(t, "tiered", tp.Cost(q), want)
	}
}
