package targets

import (
	"strings"
	"testing"

	"planner/model/spec"
)

// Rules fire at the function's targets: its p99 target, not its type's
// default; the cost rule compares a ratio, as its description says.
func TestAlertRulesAtTargets(t *testing.T) {
	p99 := 800.0
	api := AlertFunction{AlertFunction: spec.AlertFunction{Name: "api", Type: spec.APIFunction, Criticality: spec.HighCriticality},
		Targets: Of(Setting{Class: Interactive, P99LatencyMs: &p99, ErrorRate: ptr(0.002)})}
	job := AlertFunction{AlertFunction: spec.AlertFunction{Name: "job", Type: spec.ScheduledFunction, Criticality: spec.LowCriticality},
		Targets: Of(Setting{Class: Scheduled})}
	alerts := spec.AlertsOf(AlertRules([]AlertFunction{api, job}))
	want := map[string]string{
		"apiHighMedianDuration": `aws_lambda_duration_p50{function_name="api"} > 500`,
		"apiHighTailDuration":   `aws_lambda_duration_p99{function_name="api"} > 800`,
		"apiHighErrorRate":      `aws_lambda_error_rate{function_name="api"} > 0.002`,
		"apiHighColdStartRate":  `aws_lambda_cold_start_rate{function_name="api"} > 0.05`,
		"jobHighDuration":       `aws_lambda_duration_p95{function_name="job"} > 30000`,
		"LambdaCostAnomaly":     `aws_lambda_cost_daily / (aws_lambda_cost_daily offset 1d) > 1.5`,
	}
	got := map[string]spec.Alert{}
	for _, a := range alerts {
		got[a.Name] = a
	}
	for name, cond := range want {
		if got[name].Condition != cond {
			t.Errorf("%s: %q, want %q", name, got[name].Condition, cond)
		}
	}
	if got["apiHighTailDuration"].Severity != "critical" || !strings.Contains(got["apiHighTailDuration"].Description, "800ms") {
		t.Errorf("%+v", got["apiHighTailDuration"])
	}
	if !strings.Contains(got["LambdaCostAnomaly"].Description, ">50%") {
		t.Errorf("%+v", got["LambdaCostAnomaly"])
	}
	if _, ok := got["apiHighDuration"]; ok {
		t.Error("a function with latency targets also has the type's default duration rule")
	}
}

func ptr[T any](v T) *T { return &v }
