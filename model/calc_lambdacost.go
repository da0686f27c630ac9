package model

import (
	"bytes"

	"planner/model/internal/jsonin"
	"planner/model/pricing"
)

// lambdaCostInput is the input of `planner calc lambda-cost`.
type lambdaCostInput struct {
	Pricing      pricingRef           `json:"pricing"`
	Architecture pricing.Architecture `json:"architecture"`
	FreeTier     bool                 `json:"free_tier"`
	pricing.LambdaUsage
}

// pricingRef names a price profile: "aws-us-east-1", or {"profile": …}.
type pricingRef string

// UnmarshalJSON accepts a profile ID or an object with a "profile" key.
func (p *pricingRef) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(b), []byte{'{'}) {
		var obj struct {
			Profile string `json:"profile"`
		}
		probs := jsonin.DecodeJSON(b, &obj, jsonin.DecodeOptions{AllowUnknown: true})
		if err := probs.Err(); err != nil {
			return err
		}
		*p = pricingRef(obj.Profile)
		return nil
	}
	var id string
	probs := jsonin.DecodeJSON(b, &id, jsonin.DecodeOptions{})
	*p = pricingRef(id)
	return probs.Err()
}

// LambdaCostReport is the output of `planner calc lambda-cost`.
type LambdaCostReport struct {
	pricing.LambdaCost
	Pricing      string               `json:"pricing"`
	Architecture pricing.Architecture `json:"architecture"`
	FreeTier     bool                 `json:"free_tier"`
}

// calcLambdaCost prices one function for a month with a chosen profile.
// The free tier is off unless asked for.
func calcLambdaCost(input []byte) (any, Problems) {
	in := lambdaCostInput{
		Pricing:      "aws-us-east-1",
		Architecture: pricing.X86_64,
		LambdaUsage:  pricing.LambdaUsage{MemoryMb: 128, EphemeralStorageMb: pricing.EphemeralFreeMb},
	}
	if probs := decodeSpec(input, &in); len(probs) > 0 {
		return nil, probs
	}
	v := validator{specRules: true}
	p, ok := pricing.LookupProfile(string(in.Pricing))
	if !ok {
		v.add("pricing", "unknown price profile "+quoteList([]string{string(in.Pricing)})+"; choose one of "+quoteList(pricing.ProfileIDs()))
	} else if _, ok := p.Lambda[in.Architecture]; !ok {
		v.add("architecture", "profile "+p.ID+" does not price "+quoteList([]string{string(in.Architecture)})+"; choose one of "+quoteList(archStrings(p.Architectures())))
	}
	u := in.LambdaUsage
	v.number("memory_mb", u.MemoryMb, MinMemoryMb, MaxMemoryMb)
	v.number("avg_execution_time_ms", u.AvgExecutionTimeMs, 0, MaxTimeoutMs)
	v.number("monthly_invocations", u.MonthlyInvocations, 0, maxMonthlyCalls)
	v.number("provisioned_concurrency", u.ProvisionedConcurrency, 0, maxConcurrency)
	v.number("ephemeral_storage_mb", u.EphemeralStorageMb, pricing.EphemeralFreeMb, MaxMemoryMb)
	v.number("init_gb_seconds", u.InitGBSeconds, 0, maxBigQuantity)
	if len(v.probs) > 0 {
		return nil, v.probs
	}
	cost := pricing.PriceLambda(p, in.Architecture, in.FreeTier, []pricing.LambdaUsage{u}, nil)[0]
	return LambdaCostReport{LambdaCost: cost, Pricing: p.ID, Architecture: in.Architecture, FreeTier: in.FreeTier}, nil
}
