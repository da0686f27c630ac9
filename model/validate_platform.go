package model

import (
	"slices"
	"strconv"

	"planner/model/platform"
	"planner/model/pricing"
)

// ownPlatform checks the platform the functions run on and its region:
// AWS Lambda's region is the price profile's, another platform's one of
// those it is priced in, and the reference profile (the spec's constants)
// prices AWS Lambda only.
func (v *validator) ownPlatform(p *Pricing) {
	own, known := platform.Lookup(p.Platform)
	if !known {
		return // the platform's enum names the problem
	}
	v.own = own
	switch {
	case own.ID == platform.LambdaID && p.Region != "":
		v.add("pricing.region", "AWS Lambda's region is the price profile's (pricing.profile); leave the region empty")
	case own.ID != platform.LambdaID && p.Region != "" && !slices.Contains(own.Regions, p.Region):
		given := strconv.Quote(p.Region)
		if len(p.Region) > 40 {
			given = "the region given"
		}
		v.add("pricing.region", own.Name+" is priced in "+quoteList(own.Regions)+", not "+given)
	}
	if own.ID != platform.LambdaID && p.Profile == pricing.ReferenceProfileID {
		v.add("pricing.platform", "the reference profile is the spec's AWS Lambda prices; choose an AWS profile to run the functions on "+own.Name)
	}
}

// functionOnPlatform checks what a function asks of a platform other than
// AWS Lambda: the simulated day and provisioned concurrency are AWS
// Lambda's.
func (v *validator) functionOnPlatform(path string, f *Function) {
	if v.own == nil || v.own.ID == platform.LambdaID {
		return
	}
	if f.ColdStartMethod == ColdStartSimulated {
		v.add(path+".cold_start_method", "a simulated day is AWS Lambda's; on "+v.own.Name+" choose \"model\" (the keep-alive model with its instances) or \"reference\"")
	}
	if f.ProvisionedConcurrency > 0 {
		v.add(path+".provisioned_concurrency", "provisioned concurrency is AWS Lambda's; on "+v.own.Name+" set it to 0")
	}
	if len(f.ProvisionedByHour) > 0 {
		v.add(path+".provisioned_concurrency_by_hour", "provisioned concurrency is AWS Lambda's; on "+v.own.Name+" leave the hours empty")
	}
}
