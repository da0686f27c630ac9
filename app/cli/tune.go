package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"planner/model"
)

// runTune implements `planner tune [FILE|-]`: the scenario with every
// function at the cheapest configuration that meets its targets on
// standard output (the same JSON as its input, ready for check, report or
// link), and what changed on standard error. Exit 0 when every target is
// met, 1 when one cannot be, 2 on invalid input or usage.
func runTune(env *Env, args []string) int {
	fs := flag.NewFlagSet("tune", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	file, err := parseWithOneFile(fs, args)
	if err != nil {
		return 2
	}
	s, _ := loadScenario(env, "tune", file)
	if s == nil {
		return 2
	}
	tuned, t, probs := model.Tune(s, model.Sources{})
	if len(probs) > 0 {
		fail(env, "tune", probs.Error())
		return 2
	}
	data, err := json.MarshalIndent(tuned, "", "  ")
	if err != nil {
		fail(env, "tune", err.Error())
		return 2
	}
	fmt.Fprintln(env.Stdout, string(data))
	writeTuneSummary(env.Stderr, t)
	if t.Met {
		return 0
	}
	return 1
}

// writeTuneSummary prints a line per function: its change, its bill and
// what it still misses.
func writeTuneSummary(w io.Writer, t *model.Tuning) {
	for _, f := range t.Functions {
		if !f.Changed {
			fmt.Fprintf(w, "%s: unchanged ($%.2f/month)\n", f.Name, f.CostAfter)
		} else {
			fmt.Fprintf(w, "%s: %s → %s; $%.2f → $%.2f/month\n", f.Name, f.Before, f.After, f.CostBefore, f.CostAfter)
		}
		for _, n := range f.Notes {
			fmt.Fprintf(w, "  still missed: %s\n", n)
		}
	}
	state := "every target met"
	if !t.Met {
		state = "some targets cannot be met"
	}
	fmt.Fprintf(w, "total $%.2f → $%.2f/month; %s\n", t.TotalBefore, t.TotalAfter, state)
}
