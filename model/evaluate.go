package model

import (
	"sort"

	"planner/model/keepalive"
	"planner/model/num"
	"planner/model/platform"
	"planner/model/pricing"
	"planner/model/simulate"
	"planner/model/spec"
)

// Evaluate validates a scenario and computes its report. An invalid scenario
// gives no report and every problem. Simulated cold-start rates are
// simulated on the spot.
func Evaluate(s *Scenario) (*Report, Problems) {
	return EvaluateWith(s, Sources{})
}

// Simulations supplies simulated days: the result of an input, or false when
// it is not ready (a browser runs them in the background).
type Simulations func(simulate.Input) (simulate.Result, bool)

// Sources supply the costly parts of a report, so that a browser can keep
// them across edits: simulated days and keep-alive solves. A nil source
// computes on the spot.
type Sources struct {
	Simulations Simulations
	KeepAlive   keepalive.Solver
	// Earlier is an earlier evaluation whose unchanged functions need not
	// be analysed again.
	Earlier Earlier
	// Progress, when set, is told the share of long work done (goal seek:
	// functions tuned), 0 to 1.
	Progress func(float64)
	// Pace, when set, is called between functions (a browser yields to the
	// page there while a big scenario is evaluated).
	Pace func()
	// Validated says that the scenario was read by ParseScenario(With) or
	// WithFunction and not changed since: it is not validated again (2,000
	// functions took 12 ms natively, more in a browser, on every edit).
	Validated bool
}

// pace calls src.Pace, if any.
func (src Sources) pace() {
	if src.Pace != nil {
		src.Pace()
	}
}

// EvaluateWith is Evaluate with simulations and keep-alive solves taken
// from src.
func EvaluateWith(s *Scenario, src Sources) (*Report, Problems) {
	return evaluateValid(s, fullReport, src)
}

// EvaluateCosts is EvaluateWith computing the bill and the capacity alone:
// traffic, cold-start rates, execution capacity, costs, services,
// opportunities and projections, with the same figures as the whole report
// (tested), and no cold-start, memory, tuning, scorecard, alert or
// checklist analysis (Complete is false). It is about a third of the work
// of 2,000 functions: a browser opening a big scenario shows its bill from
// it, then completes the report. An Earlier report of it is not reused.
func EvaluateCosts(s *Scenario, src Sources) (*Report, Problems) {
	return evaluateValid(s, costsOnly, src)
}

// evaluateValid validates s (unless src says it was) and computes its
// report to depth, with what src does not supply computed on the spot.
func evaluateValid(s *Scenario, depth reportDepth, src Sources) (*Report, Problems) {
	if !src.Validated {
		if probs := validateScenario(s, false, src.Pace); len(probs) > 0 {
			return nil, probs
		}
	}
	return evaluate(s, depth, src.onTheSpot()), nil
}

// onTheSpot is src with simulated days run and keep-alive solves made on
// the spot where it supplies none (solves remembered: functions that share
// an hour's traffic solve it once).
func (src Sources) onTheSpot() Sources {
	if src.Simulations == nil {
		src.Simulations = func(in simulate.Input) (simulate.Result, bool) { return simulate.Run(in), true }
	}
	if src.KeepAlive == nil {
		src.KeepAlive = memoSolver(nil)
	}
	return src
}

// reportDepth says how much of a report to compute.
type reportDepth int

const (
	// fullReport computes everything.
	fullReport reportDepth = iota
	// costsOnly computes what the spec's infrastructure model returns:
	// capacity, costs, opportunities and projections; no cold-start,
	// memory, tuning, cost-review or alert analysis.
	costsOnly
)

// evaluate computes the report of a valid scenario, in time linear in the
// number of functions.
func evaluate(s *Scenario, depth reportDepth, src Sources) *Report {
	p, _ := pricing.LookupProfile(s.Pricing.Profile)
	arch := s.Pricing.Architecture
	n := len(s.Functions)
	seconds := p.SecondsPerMonth()
	days := p.HoursPerMonth.Amount / 24

	own := s.Pricing.OwnPlatform()
	appInvocations := 0.0 // invocations a month of every function
	usages := make([]pricing.LambdaUsage, n)
	services := make([]pricing.ServiceUsage, n)
	reports := make([]FunctionReport, n)
	reused := reuseFor(s, src.Earlier)
	earlier := make([]*FunctionReport, n) // unchanged functions' earlier reports
	for i := range s.Functions {
		f := &s.Functions[i]
		earlier[i] = reused.function(i, f)
		perSecond, monthly := f.Traffic(seconds)
		reports[i].Name = f.Name
		reports[i].Traffic = TrafficReport{
			InvocationsPerSecond: perSecond,
			MonthlyInvocations:   monthly,
			RequestsPerHour:      hourlyRequests(f.TrafficProfile, monthly/days),
		}
		appInvocations += monthly
		if earlier[i] != nil {
			reports[i].ColdStartRate = earlier[i].ColdStartRate
		} else {
			reports[i].ColdStartRate = coldStartRate(s, own, f, &reports[i], src)
		}
		usages[i] = lambdaUsage(p, f, monthly, reports[i].ColdStartRate.Rate)
		services[i] = pricing.ServiceUsage{
			MonthlyInvocations: monthly,
			APIGatewayEnabled:  f.APIGatewayEnabled,
			APIType:            f.APIGatewayType,
			LogDataGBMonthly:   f.LogDataGBMonthly,
			DynamoDBEnabled:    f.DynamoDBEnabled,
			DynamoDBReadUnits:  f.DynamoDBReadUnits,
			DynamoDBWriteUnits: f.DynamoDBWriteUnits,
			DynamoDBStorageGB:  f.DynamoDBStorageGB,
			S3Enabled:          f.S3Enabled,
			S3StorageGB:        f.S3StorageGB,
			S3RequestsMonthly:  f.S3RequestsMonthly,
		}
		src.pace()
	}
	var costs []pricing.LambdaCost
	var elsewhere platform.Result // the functions' bill where they do not run on AWS Lambda
	if own.ID == platform.LambdaID {
		costs = pricing.PriceLambda(p, arch, s.Pricing.FreeTier, usages, make([]pricing.LambdaCost, 0, n))
	} else {
		elsewhere, costs = onOwnPlatform(s, own, reports, src.Pace)
	}
	apiRates := pricing.BlendedAPIGatewayRates(p, services)
	prices := newArchPrices(p)

	r := &Report{
		depth:    depth,
		Version:  ScenarioVersion,
		Scenario: s.Name,
		Pricing: PricingReport{
			Profile:       p.ID,
			ProfileName:   p.Name,
			Architecture:  arch,
			FreeTier:      s.Pricing.FreeTier,
			HoursPerMonth: p.HoursPerMonth.Amount,
			Platform:      own.ID,
			PlatformName:  own.Name,
			Region:        elsewhere.Region,
			Bill:          elsewhere.Lines,
			Notes:         elsewhere.Notes,
		},
		Functions:  reports,
		Compliance: ComplianceReport{Enabled: s.Compliance.Enabled},
	}
	sum := &r.TotalSummary
	names := make([]string, n)
	capacities := make([]spec.ExecutionCapacity, n)
	usage := spec.CurrentUsage{Functions: make([]spec.UsageFunction, n)}
	functionsCost := 0.0 // functions and their services: the spec's base for projections
	traces := 0.0        // X-Ray traces the functions' sampling records
	for i := range s.Functions {
		f, fr, c := &s.Functions[i], &reports[i], costs[i]
		perSecond, monthly := fr.Traffic.InvocationsPerSecond, fr.Traffic.MonthlyInvocations
		memory := float64(f.AllocatedMemoryMb)
		fr.Traffic.XRayTraces = p.FunctionTraces(s.Tracing, fr.Traffic.RequestsPerHour, days, monthly, appInvocations)

		fr.ExecutionCapacity = spec.CalculateExecutionCapacity(spec.Workload{
			InvocationsPerSecond: perSecond,
			AvgExecutionTimeMs:   f.AvgExecutionTimeMs,
			P95ExecutionTimeMs:   f.P95ExecutionTimeMs,
			P99ExecutionTimeMs:   f.P99ExecutionTimeMs,
			AllocatedMemoryMb:    memory,
			ActualMemoryUsageMb:  f.ActualMemoryUsageMb,
			ColdStartRate:        fr.ColdStartRate.Rate,
			ColdStartDurationMs:  f.ColdStartDurationMs,
			BurstMultiplier:      f.BurstMultiplier,
		})
		comp := spec.CalculateComplianceCost(s.Compliance, f.ComplianceRequirements, c.ComputeCost, monthly)
		fr.CostBreakdown = CostBreakdown{
			ComputeCost:          c.ComputeCost,
			InitCost:             c.InitCost,
			RequestCost:          c.RequestCost,
			ProvisionedCost:      c.ProvisionedCost,
			EphemeralStorageCost: c.EphemeralStorageCost,
			ComplianceCost:       comp.ComplianceCost,
			MonitoringCost:       comp.MonitoringCost,
			TotalFunctionCost:    c.TotalMonthlyCost + comp.ComplianceCost + comp.MonitoringCost,
			GBSeconds:            c.GBSeconds,
			InitGBSeconds:        c.InitGBSeconds,
		}
		fr.SupportingServices = pricing.CalculateSupportingServices(services[i], p, apiRates)
		fr.PerformanceCharacteristics = PerformanceCharacteristics{
			MemoryMb:               memory,
			AvgExecutionTimeMs:     f.AvgExecutionTimeMs,
			P95ExecutionTimeMs:     f.P95ExecutionTimeMs,
			P99ExecutionTimeMs:     f.P99ExecutionTimeMs,
			MonthlyInvocations:     monthly,
			ReservedConcurrency:    float64(f.ReservedConcurrency),
			ProvisionedConcurrency: f.ProvisionedMean(),
			ProvisionedByHour:      f.ProvisionedByHour,
			BilledConcurrency:      usages[i].ProvisionedConcurrency,
			Architecture:           s.ArchitectureOf(f),
		}
		switch was := earlier[i]; {
		case depth != fullReport || own.ID != platform.LambdaID:
			// the cold-start strategies, memory sizes, tuning and
			// architectures are AWS Lambda's
		case was != nil:
			fr.ColdStart, fr.Memory, fr.Tuning, fr.Architectures = was.ColdStart, was.Memory, was.Tuning, was.Architectures
		default:
			coldPrices, invocationPrices := prices.of(s.ArchitectureOf(f))
			analyseFunction(f, fr, s.ArchitectureOf(f), coldPrices, invocationPrices)
			fr.Architectures = architectureOptions(f, s.ArchitectureOf(f), monthly, prices)
		}
		fr.TotalMonthlyCost = fr.CostBreakdown.TotalFunctionCost + fr.SupportingServices.TotalCost

		functionsCost += fr.TotalMonthlyCost
		traces += fr.Traffic.XRayTraces
		sum.TotalMonthlyInvocations += monthly
		sum.TotalReservedConcurrency += float64(f.ReservedConcurrency)
		sum.LambdaCost += c.TotalMonthlyCost
		sum.ProvisionedCost += c.ProvisionedCost
		sum.SupportingServicesCost += fr.SupportingServices.TotalCost
		sum.PeakConcurrentExecutions += fr.ExecutionCapacity.ExecutionAnalysis.BurstConcurrentExecutions
		r.Pricing.FreeGBSeconds += c.FreeGBSeconds
		r.Pricing.FreeRequests += c.FreeRequests
		r.Compliance.ComplianceOverheadCost += comp.ComplianceCost
		r.Compliance.MonitoringCost += comp.MonitoringCost

		names[i] = f.Name
		capacities[i] = fr.ExecutionCapacity
		usage.Functions[i] = spec.UsageFunction{Name: f.Name, MemoryEfficiency: f.ActualMemoryUsageMb / memory, AvgDurationMs: f.AvgExecutionTimeMs}
		if f.ColdStartSensitive {
			usage.ColdStartSensitiveFunctions = append(usage.ColdStartSensitiveFunctions, f.Name)
		}
		if f.Type == spec.ScheduledFunction {
			usage.ScheduledFunctions = append(usage.ScheduledFunctions, f.Name)
		}
		src.pace()
	}

	r.GlobalServices = pricing.CalculateGlobalServices(p, sum.TotalMonthlyInvocations, float64(s.SecretsCount), traces)
	r.Compliance.AdditionalServicesCost = s.Compliance.AdditionalServicesCost()
	r.Compliance.TotalCost = r.Compliance.ComplianceOverheadCost + r.Compliance.MonitoringCost + r.Compliance.AdditionalServicesCost
	sum.GlobalServicesCost = r.GlobalServices.TotalCost
	sum.ComplianceCost = r.Compliance.TotalCost
	sum.FunctionsAndServicesCost = functionsCost
	sum.TotalMonthlyCost = functionsCost + r.GlobalServices.TotalCost + r.Compliance.AdditionalServicesCost
	sum.CostPerInvocation = num.Ratio(sum.TotalMonthlyCost, sum.TotalMonthlyInvocations)

	r.OptimizationOpportunities = spec.IdentifyOptimizations(names, capacities)
	r.ScalingProjections = spec.CalculateScalingProjections(sum.TotalMonthlyInvocations, functionsCost)
	if depth == fullReport {
		r.Account, r.pool = scoreFunctions(s, reports, reused, earlier, src.pace)
		for i := range s.Functions {
			switch {
			case own.ID != platform.LambdaID: // memory sizes are AWS Lambda's
			case earlier[i] != nil:
				reports[i].MemoryChoice = earlier[i].MemoryChoice
			default:
				reports[i].MemoryChoice = memoryChoice(&s.Functions[i], &reports[i])
				src.pace()
			}
		}
		usage.MonthlyCost = sum.TotalMonthlyCost
		usage.ProvisionedConcurrencyCost = sum.ProvisionedCost
		r.CostOptimization = spec.OptimizeCosts(usage, s.TargetReductionPercent)
		r.alertRules = AlertRules(s)
		r.Alerts = reused.alerts(r.alertRules, src.pace)
		r.AlertCounts = countAlerts(r.Alerts)
		r.Checklist = checklistOf(s, r)
	}
	return r
}

// analyseFunction adds the cold-start, memory and tuning analyses to a
// function's report.
func analyseFunction(f *Function, fr *FunctionReport, arch pricing.Architecture, coldPrices spec.ColdStartPrices, invocationPrices spec.InvocationPrices) {
	memory := float64(f.AllocatedMemoryMb)
	monthly := fr.Traffic.MonthlyInvocations
	fr.ColdStart = spec.CalculateColdStartOptimization(spec.ColdStartFunction{
		Runtime:            f.Runtime,
		DeploymentSizeMb:   f.DeploymentSizeMb,
		MemoryMb:           memory,
		VpcEnabled:         f.VpcEnabled,
		AvgExecutionTimeMs: f.AvgExecutionTimeMs,
	}, spec.TrafficPattern{RequestsPerHour: fr.Traffic.RequestsPerHour, IdlePeriodsHours: f.IdlePeriodsHours}, coldPrices)
	fr.Memory = spec.OptimizeMemory(spec.MemoryPerformance{
		CurrentMemoryMb:        memory,
		CurrentExecutionTimeMs: f.AvgExecutionTimeMs,
		InvocationsPerMonth:    monthly,
		ActualMemoryUsageMb:    f.ActualMemoryUsageMb,
		Durations:              memoryDurations(f, arch),
	}, spec.CostTargets{
		MaxCostIncreasePercent:           f.MaxCostIncreasePercent,
		MinPerformanceImprovementPercent: f.MinPerformanceImprovementPercent,
	}, invocationPrices)
	fr.Tuning = spec.OptimizeFunctionPerformance(spec.FunctionMetrics{
		P99LatencyMs:  f.P99ExecutionTimeMs,
		ColdStartRate: f.ColdStartRate,
		MemoryMb:      memory,
		ErrorRate:     f.ErrorRate,
		ThrottleRate:  f.ThrottleRate,
	}, spec.PerformanceTargets{P99LatencyMs: specP99Target(f), ErrorRate: f.TargetErrorRate})
}

// specP99Target is the p99 target the spec's tuning heuristics compare
// with: the function's own, else the spec's 500 ms.
func specP99Target(f *Function) float64 {
	if f.TargetP99LatencyMs != nil {
		return *f.TargetP99LatencyMs
	}
	return spec.DefaultPerformanceTargets().P99LatencyMs
}

// coldStartRate is the cold-start rate of a function by its method: the rate
// given, the keep-alive model of its hourly traffic (warm requests take the
// mean duration, cold ones the cold-start duration more), or a simulated day
// of it (seeded by the function's name, so the same everywhere). What is not
// ready yet is pending: a pending simulation shows the model's rate, a
// pending model the rate given.
func coldStartRate(s *Scenario, own *platform.Platform, f *Function, fr *FunctionReport, src Sources) ColdStartRateReport {
	if f.RateGiven() {
		return ColdStartRateReport{Method: ColdStartReference, Rate: f.ColdStartRate}
	}
	report := ColdStartRateReport{Method: ColdStartModel}
	if f.ColdStartMethod == ColdStartSimulated && src.Simulations != nil {
		report.Method = ColdStartSimulated
		seed := NameSeed(f.Name)
		if r, ok := src.Simulations(FunctionSimulationInput(f, fr, f.KeepAliveMinutes, seed)); ok {
			report.Rate = r.ColdStartProbability
			report.Simulated = &SimulatedDay{Seed: seed, Summary: r.Summary, AvgInstances: r.AvgInstances}
			return report
		}
		report.Pending = true
	}
	day, ready := ownDay(src.KeepAlive, s, own, f, fr)
	if !ready {
		report.Rate, report.Pending = f.ColdStartRate, true
		return report
	}
	report.Rate, report.Model = day.ColdStartProbability, &day
	return report
}

// NameSeed is a simulation seed derived from a name (FNV-1a), so a function
// keeps its seed when others are added or moved.
func NameSeed(name string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	return h
}

// lambdaUsage is a function's use of Lambda at a cold-start rate: its
// memory, mean duration and invocations, billed provisioned instances,
// /tmp, and the INIT phases of its cold starts,
// invocations × rate × cold-start duration (s) × memory (GB).
func lambdaUsage(p *pricing.Profile, f *Function, monthly, coldRate float64) pricing.LambdaUsage {
	return pricing.LambdaUsage{
		InitGBSeconds:          monthly * coldRate * f.ColdStartDurationMs / 1000 * float64(f.AllocatedMemoryMb) / 1024,
		MemoryMb:               float64(f.AllocatedMemoryMb),
		AvgExecutionTimeMs:     f.AvgExecutionTimeMs,
		MonthlyInvocations:     monthly,
		ProvisionedConcurrency: billedConcurrency(p, f),
		EphemeralStorageMb:     float64(f.EphemeralStorageMb),
		Architecture:           f.Architecture,
	}
}

// billedConcurrency is the instances billed as provisioned concurrency over
// a day, Σ_h k_h / 24: k_h the provisioned ones in hour h, or under the
// spec's convention the larger of reserved and provisioned.
func billedConcurrency(p *pricing.Profile, f *Function) float64 {
	if !p.ReservedBilledAsProvisioned {
		return f.ProvisionedMean()
	}
	total := 0
	for h := range hoursPerDay {
		total += max(f.ReservedConcurrency, f.ProvisionedAt(h))
	}
	return float64(total) / hoursPerDay
}

// hourlyRequests scales a daily profile of relative weights to requests per
// hour: requests_h = daily × w_h / Σw.
func hourlyRequests(weights []float64, daily float64) []float64 {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	out := make([]float64, len(weights))
	for h, w := range weights {
		out[h] = daily * num.Ratio(w, total)
	}
	return out
}

// memoryDurations lists the memory sizes the memory model compares for a
// function: the spec's options, its own memory and every measured size, in
// ascending order. A size's duration is measured when known (the function's
// own mean counts as measured at its memory), else estimated from the
// function's own memory and mean. Sizes measured on another architecture
// than arch, the function's, are left out.
func memoryDurations(f *Function, arch pricing.Architecture) []spec.MemoryDuration {
	own := float64(f.AllocatedMemoryMb)
	out := make([]spec.MemoryDuration, 0, len(spec.MemoryOptionsMb())+1+len(f.ExecutionTimesByMemory))
	add := func(mb, ms float64, measured bool) {
		for i := range out {
			if out[i].MemoryMb == mb {
				if measured {
					out[i] = spec.MemoryDuration{MemoryMb: mb, ExecutionTimeMs: ms, Measured: true}
				}
				return
			}
		}
		out = append(out, spec.MemoryDuration{MemoryMb: mb, ExecutionTimeMs: ms, Measured: measured})
	}
	for _, m := range f.ExecutionTimesByMemory {
		if m.Architecture == "" || m.Architecture == arch {
			add(float64(m.MemoryMb), m.ExecutionTimeMs, true)
		}
	}
	add(own, f.AvgExecutionTimeMs, true)
	for _, mb := range spec.MemoryOptionsMb() {
		add(mb, spec.EstimateExecutionTimeMs(f.AvgExecutionTimeMs, own, mb), false)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].MemoryMb < out[j].MemoryMb })
	return out
}

// countAlerts counts alert rules by severity.
func countAlerts(alerts []spec.Alert) AlertCounts {
	c := AlertCounts{Rules: len(alerts)}
	for _, a := range alerts {
		switch a.Severity {
		case "critical":
			c.Critical++
		case "warning":
			c.Warning++
		}
	}
	return c
}
