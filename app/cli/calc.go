package cli

import (
	"bufio"
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

// writeJSON writes v as one line of JSON.
func writeJSON(env *Env, cmd string, v any) int {
	out := bufio.NewWriterSize(env.Stdout, 1<<16)
	var err error
	if s, ok := v.(model.StreamEncoder); ok {
		err = s.WriteJSON(out)
	} else {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		err = enc.Encode(v)
	}
	if err != nil {
		return fail(env, cmd, err.Error())
	}
	if err := out.Flush(); err != nil {
		return fail(env, cmd, err.Error())
	}
	return 0
}
