package model

import (
	"strings"

	"planner/model/platform"
	"planner/model/pricing"
	"planner/model/simulate"
)

// Clouds puts a valid scenario's functions on every platform (the Clouds
// view and `planner clouds`): each function is described once, as it runs
// on the scenario's own platform — its hourly requests, warm mean and p99,
// cold-start time, memory, keep-alive and provisioned concurrency — and
// platform.Compare maps it to each platform's nearest configuration. AWS
// Lambda is priced in the scenario's region where its profile names one.
// On its own platform a function has the cold-start rate the scenario
// gives or simulates where it does (the report's), and on AWS Lambda its
// bill is split between the functions as the report splits it, so that
// the own platform's figures are the report's. Whether free tiers apply
// is a's choice; callers start from the scenario's (CloudsAssumptions).
func Clouds(s *Scenario, a platform.Assumptions) platform.Comparison {
	p, ok := pricing.LookupProfile(s.Pricing.Profile)
	if !ok {
		p, _ = pricing.LookupProfile("aws-us-east-1")
	}
	regions := map[string]string{}
	if region, isAWS := strings.CutPrefix(p.ID, "aws-"); isAWS {
		regions[platform.LambdaID] = region
	}
	own := s.Pricing.OwnPlatform()
	if s.Pricing.Region != "" {
		regions[own.ID] = s.Pricing.Region
	}
	for k, v := range a.Regions {
		regions[k] = v
	}
	a.Regions = regions
	seconds, days := p.SecondsPerMonth(), p.HoursPerMonth.Amount/24
	workloads := make([]platform.Workload, len(s.Functions))
	for i := range s.Functions {
		f := &s.Functions[i]
		_, monthly := f.Traffic(seconds)
		fr := FunctionReport{Traffic: TrafficReport{RequestsPerHour: hourlyRequests(f.TrafficProfile, monthly/days), MonthlyInvocations: monthly}}
		workloads[i] = workloadOf(s, own, f, &fr)
		switch {
		case f.RateGiven():
			workloads[i].ColdStartRate = &f.ColdStartRate
		case f.ColdStartMethod == ColdStartSimulated:
			// the report's simulated day (same input, same seed)
			rate := simulate.Run(FunctionSimulationInput(f, &fr, f.KeepAliveMinutes, NameSeed(f.Name))).ColdStartProbability
			workloads[i].ColdStartRate = &rate
		}
	}
	c := platform.Compare(workloads, a)
	c.Own = own.ID
	for k := range c.Platforms {
		for i := range c.Platforms[k].Functions {
			// the report's figure (the hours' sum differs in the last bits)
			_, c.Platforms[k].Functions[i].Invocations = s.Functions[i].Traffic(seconds)
		}
	}
	if strings.HasPrefix(p.ID, "aws-") && s.Pricing.OnLambda() {
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
