package cli

import (
	"flag"
	"fmt"

	"planner/model"
)

// runSimulate implements `planner simulate [FILE|-] [--function NAME]
// [--keep-alive MINUTES] [--seed N]`: a simulated day of every function (or
// one), as JSON.
func runSimulate(env *Env, args []string) int {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	only := fs.String("function", "", "simulate only the function of this name")
	keepAlive := fs.Float64("keep-alive", 10, "keep-alive of idle instances, minutes")
	seed := fs.Uint64("seed", 1, "random seed (runs are reproducible)")
	file, err := parseWithOneFile(fs, args)
	if err != nil {
		return 2
	}
	if *keepAlive < 0 || *keepAlive > 24*60 {
		return fail(env, "simulate", "--keep-alive: must be between 0 and 1440 minutes")
	}
	s, code := loadScenario(env, "simulate", file)
	if s == nil {
		return code
	}
	r, probs := model.Evaluate(s)
	if len(probs) > 0 {
		return fail(env, "simulate", probs.Error())
	}
	profile, _ := model.LookupProfile(s.Pricing.Profile)
	out := []model.FunctionSimulation{}
	for i := range s.Functions {
		if *only != "" && s.Functions[i].Name != *only {
			continue
		}
		out = append(out, model.SimulateFunction(profile, s.Pricing.Architecture, &s.Functions[i], &r.Functions[i], *keepAlive, *seed+uint64(i)))
	}
	if *only != "" && len(out) == 0 {
		return fail(env, "simulate", fmt.Sprintf("--function: no function named %q", *only))
	}
	return writeJSON(env, "simulate", out)
}
