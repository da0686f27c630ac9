package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"planner/model"
)

// runCalc implements `planner calc MODEL`.
func runCalc(env *Env, args []string) int {
	if len(args) != 1 {
		fmt.Fprintf(env.Stderr, "usage: planner calc MODEL   (MODEL: %s)\n", strings.Join(model.CalcModels(), ", "))
		return 2
	}
	input, err := readInput(env, "-")
	if err != nil {
		return fail(env, "calc", err.Error())
	}
	out, probs := model.Calc(args[0], input)
	if len(probs) > 0 {
		return fail(env, "calc", probs.Error())
	}
	return writeJSON(env, "calc", out)
}

func writeJSON(env *Env, cmd string, v any) int {
	data, err := json.Marshal(v)
	if err != nil {
		return fail(env, cmd, err.Error())
	}
	data = append(data, '\n')
	if _, err := env.Stdout.Write(data); err != nil {
		return fail(env, cmd, err.Error())
	}
	return 0
}
