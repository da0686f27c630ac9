package cli

import (
	"flag"
	"fmt"

	"planner/model"
	"planner/model/platform"
)

// runClouds implements `planner clouds [FILE|-] [--format json|markdown]
// [--cpu-bound-share S] [--free-tier=false]`.
func runClouds(env *Env, args []string) int {
	fs := flag.NewFlagSet("clouds", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	a := platform.DefaultAssumptions()
	format := fs.String("format", "json", "output format: json or markdown")
	fs.Float64Var(&a.CPUBoundShare, "cpu-bound-share", a.CPUBoundShare, "share of a request's duration that scales with CPU, 0 to 1")
	fs.BoolVar(&a.FreeTier, "free-tier", a.FreeTier, "apply each platform's monthly free grants (default: as the scenario's pricing.free_tier)")
	file, err := parseWithOneFile(fs, args)
	if err != nil {
		return 2
	}
	if err := finiteFlags(fs); err != nil || a.CPUBoundShare < 0 || a.CPUBoundShare > 1 {
		fmt.Fprintln(env.Stderr, "planner clouds: --cpu-bound-share must be a number from 0 to 1")
		return 2
	}
	if *format != "json" && *format != "markdown" && *format != "md" {
		fmt.Fprintf(env.Stderr, "planner clouds: unknown format %q (json or markdown)\n", *format)
		return 2
	}
	s, _, code := loadEvaluated(env, "clouds", file)
	if s == nil {
		return code
	}
	freeTierSet := false
	fs.Visit(func(f *flag.Flag) { freeTierSet = freeTierSet || f.Name == "free-tier" })
	if !freeTierSet {
		a.FreeTier = model.CloudsAssumptions(s).FreeTier
	}
	c := model.Clouds(s, a)
	if *format == "json" {
		return writeJSON(env, "clouds", c)
	}
	if err := platform.WriteMarkdown(env.Stdout, c); err != nil {
		return fail(env, "clouds", err.Error())
	}
	return 0
}
