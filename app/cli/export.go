package cli

import (
	"fmt"
	"io"
	"strings"

	"planner/model"
	"planner/model/deploy"
)

// exportWriters are the formats of `planner export`.
var exportWriters = map[string]func(w io.Writer, d *deploy.Deployment) error{
	"terraform": deploy.WriteTerraform,
	"sam":       deploy.WriteSAM,
	"cloudwatch-alarms": func(w io.Writer, d *deploy.Deployment) error {
		_, err := w.Write(deploy.AlarmsJSON(d))
		return err
	},
}

// runExport implements `planner export terraform|sam|cloudwatch-alarms
// [FILE|-]`: the plan as infrastructure code (the default scenario without
// FILE). Provisioned concurrency scales by the policy its comparison
// recommends, as `planner policies` reports it.
func runExport(env *Env, args []string) int {
	if len(args) == 0 || len(args) > 2 || exportWriters[args[0]] == nil {
		fmt.Fprintln(env.Stderr, "usage: planner export terraform|sam|cloudwatch-alarms [FILE|-]")
		return 2
	}
	cmd := "export " + args[0]
	file := ""
	if len(args) == 2 {
		file = args[1]
	}
	s, r, code := loadEvaluated(env, cmd, file)
	if s == nil {
		return code
	}
	if probs := model.LambdaOnly(s, "infrastructure code (Terraform, SAM, CloudWatch alarms) is"); len(probs) > 0 {
		return fail(env, cmd, probs.Error())
	}
	d := model.NewDeployment(s, r, model.PlanFunctionPolicies(s, r, nil))
	var b strings.Builder
	if err := exportWriters[args[0]](&b, &d); err != nil {
		return fail(env, cmd, err.Error())
	}
	_, err := io.WriteString(env.Stdout, b.String())
	if err != nil {
		return fail(env, cmd, err.Error())
	}
	return 0
}
