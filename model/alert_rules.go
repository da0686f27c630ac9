package model

import (
	"planner/model/pricing"
	"planner/model/spec"
	"planner/model/targets"
)

// AlertRules are the scenario's alert rules: at each function's targets
// (targets.AlertRules), or the spec's rules (spec.AlertRules) under the
// reference profile.
func AlertRules(s *Scenario) []spec.AlertRule {
	if s.Pricing.Profile == pricing.ReferenceProfileID {
		fns := make([]spec.AlertFunction, len(s.Functions))
		for i := range s.Functions {
			fns[i] = alertFunction(&s.Functions[i])
		}
		return spec.AlertRules(fns)
	}
	fns := make([]targets.AlertFunction, len(s.Functions))
	for i := range s.Functions {
		fns[i] = targets.AlertFunction{AlertFunction: alertFunction(&s.Functions[i]), Targets: s.Functions[i].TargetsOf()}
	}
	return targets.AlertRules(fns)
}

// alertFunction is what the spec's alert rules know of a function.
func alertFunction(f *Function) spec.AlertFunction {
	return spec.AlertFunction{Name: f.Name, Type: f.Type, Criticality: f.Criticality, ReservedConcurrency: float64(f.ReservedConcurrency)}
}
