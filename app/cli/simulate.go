package cli

import (
	"flag"

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
	return eachFunction(env, "simulate", file, *only, func(e evaluatedFunction) (model.FunctionSimulation, error) {
		if err := simulationTooBusy(e); err != nil {
			return model.FunctionSimulation{}, err
		}
		return model.SimulateFunction(e.Profile, e.Scenario.ArchitectureOf(e.Function), e.Function, e.Report, *keepAlive, *seed+uint64(e.Index)), nil
	})
}
