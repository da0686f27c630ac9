package model

import (
	"strings"

	"planner/model/platform"
	"planner/model/pricing"
	"planner/model/simulate"
)

// Clouds puts a valid scenario's functions on every platform (the Clouds
// view and `planner clouds`): each function is described once — its hourly
// requests, warm mean and p99, cold-start time, memory, keep-alive and
// provisioned concurrency — and platform.Compare maps it to each
// platform's nearest configuration. AWS Lambda is priced in the scenario's
// region where its profile names one, with the cold-start rate the
// scenario gives or simulates where it does (the report's), so that its
// bill is the report's Lambda cost, split between the functions as the report splits
// it. Whether free tiers apply is a's choice; callers
// start from the scenario's (CloudsAssumptions).
func Clouds(s *Scenario, a platform.Assumptions) platform.Comparison {
	p, ok := pricing.LookupProfile(s.Pricing.Profile)
	if !ok {
		p, _ = pricing.LookupProfile("aws-us-east-1")
	}
	if region, isAWS := strings.CutPrefix(p.ID, "aws-"); isAWS {
		regions := map[string]string{"aws-lambda": region}
		for k, v := range a.Regions {
			regions[k] = v
		}
		a.Regions = regions
	}
	seconds, days := p.SecondsPerMonth(), p.HoursPerMonth.Amount/24
	workloads := make([]platform.Workload, len(s.Functions))
	for i := range s.Functions {
		f := &s.Functions[i]
		_, monthly := f.Traffic(seconds)
		workloads[i] = platform.Workload{
			Name: f.Name, RequestsPerHour: hourlyRequests(f.TrafficProfile, monthly/days),
			DurationMs: f.AvgExecutionTimeMs, P95Ms: f.P95ExecutionTimeMs, P99Ms: f.P99ExecutionTimeMs, ColdStartMs: f.ColdStartDurationMs,
			MemoryMb: float64(f.AllocatedMemoryMb), UsedMemoryMb: f.ActualMemoryUsageMb,
			Architecture: string(s.ArchitectureOf(f)), KeepAliveMinutes: f.KeepAliveMinutes,
			Provisioned: provisionedList(f),
		}
		switch {
		case f.RateGiven():
			workloads[i].ColdStartRate = &f.ColdStartRate
		case f.ColdStartMethod == ColdStartSimulated:
			// the report's simulated day (same input, same seed)
			fr := FunctionReport{Traffic: TrafficReport{RequestsPerHour: workloads[i].RequestsPerHour, MonthlyInvocations: monthly}}
			rate := simulate.Run(FunctionSimulationInput(f, &fr, f.KeepAliveMinutes, NameSeed(f.Name))).ColdStartProbability
			workloads[i].ColdStartRate = &rate
		}
	}
	c := platform.Compare(workloads, a)
	for k := range c.Platforms {
		for i := range c.Platforms[k].Functions {
			// the report's figure (the hours' sum differs in the last bits)
			_, c.Platforms[k].Functions[i].Invocations = s.Functions[i].Traffic(seconds)
		}
	}
	if strings.HasPrefix(p.ID, "aws-") {
		splitLambdaAsReport(&c, s, p, a.FreeTier)
	}
	return c
}

// splitLambdaAsReport splits the AWS Lambda bill between the functions as
// the report does (PriceLambda: the free tier and tiers shared in
// proportion to each one's use), so that a function's Lambda cost is one
// figure everywhere; the platform's total stays.
func splitLambdaAsReport(c *platform.Comparison, s *Scenario, p *pricing.Profile, freeTier bool) {
	for k := range c.Platforms {
		r := &c.Platforms[k]
		if r.Platform != "aws-lambda" || len(r.Functions) != len(s.Functions) {
			continue
		}
		usages := make([]pricing.LambdaUsage, len(s.Functions))
		for i := range s.Functions {
			_, monthly := s.Functions[i].Traffic(p.SecondsPerMonth())
			usages[i] = lambdaUsage(p, &s.Functions[i], monthly, r.Functions[i].ColdStartRate)
		}
		for i, cost := range pricing.PriceLambda(p, s.Pricing.Architecture, freeTier, usages, nil) {
			r.Functions[i].MonthlyUSD = cost.TotalMonthlyCost
		}
	}
}

// CloudsAssumptions are the default assumptions for moving s: free tiers
// as the scenario's pricing says.
func CloudsAssumptions(s *Scenario) platform.Assumptions {
	a := platform.DefaultAssumptions()
	a.FreeTier = s.Pricing.FreeTier
	return a
}
