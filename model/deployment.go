package model

import (
	"fmt"

	"planner/model/deploy"
	"planner/model/policy"
	"planner/model/pricing"
	"planner/model/spec"
)

// PlanFunctionPolicies compares the provisioned-concurrency policies of
// every function with a constant provisioned concurrency (one by hour is
// its own plan), on its synthetic history
// (as `planner policies` does), keyed by name. yield is called between
// functions (nil: never).
func PlanFunctionPolicies(s *Scenario, r *Report, yield func()) map[string]*policy.Comparison {
	profile, _ := pricing.LookupProfile(s.Pricing.Profile)
	plans := map[string]*policy.Comparison{}
	for i := range s.Functions {
		f, fr := &s.Functions[i], &r.Functions[i]
		if f.ProvisionedConcurrency == 0 || len(f.ProvisionedByHour) > 0 || SimulationTooBusy(fr.Traffic.RequestsPerDay()) != "" {
			continue
		}
		in := PolicyInput(f, SyntheticHistory(f, fr), policyHours, policy.DefaultGuardrails())
		in.Yield = yield
		c := policy.Compare(in, profile, s.ArchitectureOf(f))
		plans[f.Name] = &c
		if yield != nil {
			yield()
		}
	}
	return plans
}

// policyHours are the held-out hours the policies are judged on (and the
// hours planned after the history).
const policyHours = 48

// LambdaOnly lists why an analysis written for AWS Lambda does not apply
// to s, whose functions run on another platform; what names it and ends
// with its verb ("infrastructure code is"): "<what> AWS Lambda's; these
// functions run on <platform>".
func LambdaOnly(s *Scenario, what string) Problems {
	if s.Pricing.OnLambda() {
		return nil
	}
	var probs Problems
	probs.Add("pricing.platform", what+" AWS Lambda's; these functions run on "+s.Pricing.OwnPlatform().Name)
	return probs
}

// NewDeployment lays out the export of a valid, evaluated scenario: each
// function's settings, the scaling of its provisioned concurrency from
// plans (PlanFunctionPolicies), and the CloudWatch alarms of its alert
// rules.
func NewDeployment(s *Scenario, r *Report, plans map[string]*policy.Comparison) deploy.Deployment {
	d := deploy.Deployment{Scenario: s.Name}
	namer := deploy.NewNamer()
	names := make(map[string]string, len(s.Functions))
	for i := range s.Functions {
		f, fr := &s.Functions[i], &r.Functions[i]
		name, id, logical := namer.Function(f.Name)
		if name != f.Name {
			d.Renamed = append(d.Renamed, fmt.Sprintf("%q → %s", f.Name, name))
		}
		names[f.Name] = name
		df := deploy.DeployedFunction{
			Name: name, ID: id, LogicalID: logical,
			MemoryMb: f.AllocatedMemoryMb, TimeoutS: f.TimeoutSeconds, EphemeralMb: f.EphemeralStorageMb,
			Architecture: s.ArchitectureOf(f), Runtime: spec.CurrentRuntime(f.Runtime),
			Reserved: f.ReservedConcurrency, Provisioned: f.ProvisionedPeak(),
		}
		if len(f.ProvisionedByHour) == hoursPerDay {
			df.Scaling = deploy.DailySchedule(deploy.ByHour, f.ProvisionedByHour, f.ProvisionedPeak())
		} else if c := plans[f.Name]; c != nil && f.ProvisionedConcurrency > 0 {
			df.Scaling = deploy.ScalingOf(c, f.ProvisionedConcurrency, fr.ExecutionCapacity.ExecutionAnalysis.BurstConcurrentExecutions, syntheticHours%hoursPerDay)
		}
		d.Functions = append(d.Functions, df)
	}
	for _, rule := range AlertRules(s) {
		if alarm, ok := deploy.AlarmFor(rule, names[rule.Function], float64(s.AccountConcurrencyLimit)); ok {
			namer.Alarm(&alarm)
			d.Alarms = append(d.Alarms, alarm)
		} else {
			d.Skipped = append(d.Skipped, rule.Alert().Name+" ("+deploy.SkipReason(rule.Kind)+")")
		}
	}
	return d
}
