package cli

import (
	"errors"
	"fmt"

	"planner/model"
	"planner/model/pricing"
)

// evaluatedFunction is one function of an evaluated scenario.
type evaluatedFunction struct {
	Index    int
	Function *model.Function
	Report   *model.FunctionReport
	Scenario *model.Scenario
	Profile  *pricing.Profile
}

// eachFunction loads and evaluates the scenario of FILE and calls do for
// each function (or the one named only), collecting the results as JSON.
// The first function that do refuses ends the command with its problem.
// Its commands (simulate, policies) simulate AWS Lambda's instances: a
// scenario on another platform is refused.
func eachFunction[T any](env *Env, cmd, file, only string, do func(evaluatedFunction) (T, error)) int {
	s, r, code := loadEvaluated(env, cmd, file)
	if s == nil {
		return code
	}
	if probs := model.LambdaOnly(s, "the instances `planner "+cmd+"` simulates are"); len(probs) > 0 {
		return fail(env, cmd, probs.Error())
	}
	profile, _ := pricing.LookupProfile(s.Pricing.Profile)
	out := []T{}
	for i := range s.Functions {
		if only != "" && s.Functions[i].Name != only {
			continue
		}
		result, err := do(evaluatedFunction{i, &s.Functions[i], &r.Functions[i], s, profile})
		if err != nil {
			return fail(env, cmd, fmt.Sprintf("functions[%d] (%s): %v", i, s.Functions[i].Name, err))
		}
		out = append(out, result)
	}
	if only != "" && len(out) == 0 {
		return fail(env, cmd, fmt.Sprintf("--function: no function named %q", only))
	}
	return writeJSON(env, cmd, out)
}

// simulationTooBusy refuses a function whose day is too busy to simulate.
func simulationTooBusy(e evaluatedFunction) error {
	if msg := model.SimulationTooBusy(e.Report.Traffic.RequestsPerDay()); msg != "" {
		return errors.New(msg)
	}
	return nil
}

// loadEvaluated reads a scenario (loadScenario) and evaluates it; on
// failure it prints the problems and returns the status.
func loadEvaluated(env *Env, cmd, file string) (*model.Scenario, *model.Report, int) {
	s, code := loadScenario(env, cmd, file)
	if s == nil {
		return nil, nil, code
	}
	r, probs := model.Evaluate(s)
	if len(probs) > 0 {
		return nil, nil, fail(env, cmd, probs.Error())
	}
	return s, r, 0
}
