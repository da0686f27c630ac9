package cli

import (
	"flag"

	"planner/model"
	"planner/model/policy"
)

// policyComparison is the policies of one function.
type policyComparison struct {
	Function string `json:"function"`
	policy.Comparison
}

// policyEvaluationHours are the held-out hours the policies are judged on.
const policyEvaluationHours = 48

// runPolicies implements `planner policies [FILE|-] [--function NAME]
// [--shadow]`: the provisioned-concurrency policies of each function
// compared on two held-out days of a four-week history synthesised from
// its daily profile, as JSON.
func runPolicies(env *Env, args []string) int {
	fs := flag.NewFlagSet("policies", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	only := fs.String("function", "", "compare the policies of this function only")
	shadow := fs.Bool("shadow", false, "shadow mode: report the schedules, apply none")
	file, err := parseWithOneFile(fs, args)
	if err != nil {
		return 2
	}
	return eachFunction(env, "policies", file, *only, func(e evaluatedFunction) (policyComparison, error) {
		if err := simulationTooBusy(e); err != nil {
			return policyComparison{}, err
		}
		f, fr := e.Function, e.Report
		guard := policy.DefaultGuardrails()
		guard.Shadow = *shadow
		in := model.PolicyInput(f, model.SyntheticHistory(f, fr), policyEvaluationHours, guard)
		return policyComparison{Function: f.Name, Comparison: policy.Compare(in, e.Profile, e.Scenario.ArchitectureOf(f))}, nil
	})
}
