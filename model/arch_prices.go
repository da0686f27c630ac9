package model

import (
	"planner/model/pricing"
	"planner/model/spec"
)

// archPrices are the spec's price inputs for each architecture a profile
// prices, worked out once per evaluation.
type archPrices struct {
	profile *pricing.Profile
	cold    map[pricing.Architecture]spec.ColdStartPrices
	runs    map[pricing.Architecture]spec.InvocationPrices
}

func newArchPrices(p *pricing.Profile) *archPrices {
	return &archPrices{profile: p, cold: map[pricing.Architecture]spec.ColdStartPrices{}, runs: map[pricing.Architecture]spec.InvocationPrices{}}
}

// of returns the cold-start prices and the invocation prices (first-tier
// GB-s rate, request rate) on arch.
func (a *archPrices) of(arch pricing.Architecture) (spec.ColdStartPrices, spec.InvocationPrices) {
	if cold, ok := a.cold[arch]; ok {
		return cold, a.runs[arch]
	}
	lambda := a.profile.Lambda[arch]
	a.cold[arch] = spec.ColdStartPricesFor(a.profile, arch)
	a.runs[arch] = spec.InvocationPrices{DurationGBSecond: lambda.Duration.FirstRate(), Request: lambda.Request.Amount}
	return a.cold[arch], a.runs[arch]
}

// invocations returns the invocation prices on arch, or false when the
// profile does not price it.
func (a *archPrices) invocations(arch pricing.Architecture) (spec.InvocationPrices, bool) {
	if !a.profile.Prices(arch) {
		return spec.InvocationPrices{}, false
	}
	_, runs := a.of(arch)
	return runs, true
}
