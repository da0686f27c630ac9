package deploy_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"planner/model"
	"planner/model/deploy"
)

// providerArguments are the documented arguments (and nested blocks) of
// each resource the export writes, from terraform-provider-aws's
// website/docs/r pages (commits in shared/reference/interop.md §3), plus
// Terraform's meta-arguments. "aws_lambda_function" checks the keys of the
// planned settings.
var providerArguments = map[string][]string{
	"aws_lambda_function": {"function_name", "role", "memory_size", "timeout", "architectures", "ephemeral_storage",
		"reserved_concurrent_executions", "publish", "package_type", "runtime", "handler", "snap_start"},
	"aws_lambda_provisioned_concurrency_config": {"function_name", "provisioned_concurrent_executions", "qualifier", "skip_destroy"},
	"aws_appautoscaling_target":                 {"max_capacity", "min_capacity", "resource_id", "scalable_dimension", "service_namespace", "role_arn", "tags"},
	"aws_appautoscaling_scheduled_action": {"name", "service_namespace", "resource_id", "scalable_dimension", "scalable_target_action",
		"schedule", "start_time", "end_time", "timezone"},
	"scalable_target_action": {"min_capacity", "max_capacity"},
	"aws_appautoscaling_policy": {"name", "resource_id", "scalable_dimension", "service_namespace", "policy_type",
		"target_tracking_scaling_policy_configuration", "step_scaling_policy_configuration"},
	"target_tracking_scaling_policy_configuration": {"target_value", "predefined_metric_specification", "customized_metric_specification",
		"scale_in_cooldown", "scale_out_cooldown", "disable_scale_in"},
	"predefined_metric_specification": {"predefined_metric_type", "resource_label"},
	"aws_cloudwatch_metric_alarm": {"alarm_name", "comparison_operator", "evaluation_periods", "threshold", "metric_name", "namespace",
		"period", "statistic", "extended_statistic", "dimensions", "datapoints_to_alarm", "treat_missing_data", "alarm_actions",
		"ok_actions", "insufficient_data_actions", "alarm_description", "metric_query", "unit", "actions_enabled", "threshold_metric_id"},
	"metric_query": {"id", "expression", "label", "return_data", "metric", "account_id", "period"},
	"metric":       {"metric_name", "namespace", "period", "stat", "unit", "dimensions"},
}

// requiredArguments must be set on each resource.
var requiredArguments = map[string][]string{
	"aws_lambda_provisioned_concurrency_config": {"function_name", "provisioned_concurrent_executions", "qualifier"},
	"aws_appautoscaling_target":                 {"max_capacity", "min_capacity", "resource_id", "scalable_dimension", "service_namespace"},
	"aws_appautoscaling_scheduled_action":       {"name", "service_namespace", "resource_id", "scalable_dimension", "scalable_target_action", "schedule"},
	"aws_appautoscaling_policy":                 {"name", "resource_id", "scalable_dimension", "service_namespace", "policy_type"},
	"aws_cloudwatch_metric_alarm":               {"alarm_name", "comparison_operator", "evaluation_periods", "threshold"},
}

var metaArguments = []string{"depends_on", "lifecycle", "count", "for_each", "provider"}

// checkTerraform parses text with HashiCorp's parser and checks every
// resource against the provider's argument names; it returns the resources
// by type.
func checkTerraform(t *testing.T, text string) map[string][]*hclsyntax.Block {
	t.Helper()
	file, diags := hclparse.NewParser().ParseHCL([]byte(text), "planner.tf")
	if diags.HasErrors() {
		t.Fatalf("HCL does not parse: %s\n%s", diags.Error(), text)
	}
	body := file.Body.(*hclsyntax.Body)
	resources := map[string][]*hclsyntax.Block{}
	for _, blk := range body.Blocks {
		switch blk.Type {
		case "locals":
			settings, ok := blk.Body.Attributes["planner_functions"]
			if !ok {
				t.Fatal("locals without planner_functions")
			}
			value, diags := settings.Expr.Value(nil)
			if diags.HasErrors() {
				t.Fatalf("planned settings do not evaluate on their own: %s", diags.Error())
			}
			for name, fn := range value.AsValueMap() {
				for key := range fn.AsValueMap() {
					if !slices.Contains(providerArguments["aws_lambda_function"], key) {
						t.Errorf("settings of %s: %q is no aws_lambda_function argument", name, key)
					}
				}
			}
		case "resource":
			kind := blk.Labels[0]
			if _, ok := providerArguments[kind]; !ok {
				t.Errorf("resource type %s is not one the export should write", kind)
			}
			checkBlock(t, kind, blk.Body)
			for _, req := range requiredArguments[kind] {
				if _, ok := blk.Body.Attributes[req]; !ok && !slices.ContainsFunc(blk.Body.Blocks, func(b *hclsyntax.Block) bool { return b.Type == req }) {
					t.Errorf("%s.%s lacks required %s", kind, blk.Labels[1], req)
				}
			}
			resources[kind] = append(resources[kind], blk)
		default:
			t.Errorf("unexpected top-level block %s", blk.Type)
		}
	}
	return resources
}

func checkBlock(t *testing.T, kind string, body *hclsyntax.Body) {
	t.Helper()
	for name := range body.Attributes {
		if !slices.Contains(providerArguments[kind], name) && !slices.Contains(metaArguments, name) {
			t.Errorf("%s: %q is not a documented argument", kind, name)
		}
	}
	for _, nested := range body.Blocks {
		if nested.Type == "lifecycle" {
			continue
		}
		if !slices.Contains(providerArguments[kind], nested.Type) {
			t.Errorf("%s: block %q is not a documented argument", kind, nested.Type)
		}
		checkBlock(t, nested.Type, nested.Body)
	}
}

// literal evaluates an attribute that must be a literal string (no
// variables in scope: any interpolation fails).
func literal(t *testing.T, blk *hclsyntax.Block, name string) string {
	t.Helper()
	attr, ok := blk.Body.Attributes[name]
	if !ok {
		return ""
	}
	v, diags := attr.Expr.Value(&hcl.EvalContext{})
	if diags.HasErrors() {
		t.Fatalf("%s.%s is not a literal: %s", blk.Labels[0], name, diags.Error())
	}
	return v.AsString()
}

func terraformOf(t *testing.T, s *model.Scenario) (string, *deploy.Deployment) {
	t.Helper()
	return exportOf(t, s, deploy.WriteTerraform)
}

func TestTerraformOfTheDefaultScenario(t *testing.T) {
	s := model.DefaultScenario()
	text, d := terraformOf(t, &s)
	res := checkTerraform(t, text)
	if got := len(res["aws_cloudwatch_metric_alarm"]); got != len(d.Alarms) || got < 3*len(s.Functions)+1 {
		t.Errorf("%d alarm resources for %d alarms", got, len(d.Alarms))
	}
	for _, blk := range res["aws_cloudwatch_metric_alarm"] {
		_, stat := blk.Body.Attributes["statistic"]
		_, ext := blk.Body.Attributes["extended_statistic"]
		_, math := blk.Body.Attributes["metric_name"]
		if stat && ext {
			t.Errorf("%s sets statistic and extended_statistic", blk.Labels[1])
		}
		if !stat && !ext && math {
			t.Errorf("%s has a metric and no statistic", blk.Labels[1])
		}
	}
	if !strings.Contains(text, "Not exported: user_authenticationHighColdStartRate (Lambda publishes no cold-start metric") {
		t.Errorf("the skipped rules are not named:\n%s", text[:min(len(text), 2000)])
	}
	if len(res["aws_lambda_provisioned_concurrency_config"]) != 0 {
		t.Error("provisioned concurrency written for functions without it")
	}
}

var cronHourly = regexp.MustCompile(`^cron\(0 ([0-9]|1[0-9]|2[0-3]) \* \* \? \*\)$`)

// With provisioned concurrency, each function gets its configuration on
// the alias and the scaling its policy comparison recommends.
func TestTerraformScalesProvisionedConcurrency(t *testing.T) {
	s := model.DefaultScenario()
	for i := range s.Functions {
		s.Functions[i].ProvisionedConcurrency = 2
	}
	text, d := terraformOf(t, &s)
	res := checkTerraform(t, text)
	if len(res["aws_lambda_provisioned_concurrency_config"]) != len(s.Functions) {
		t.Errorf("%d provisioned-concurrency configs", len(res["aws_lambda_provisioned_concurrency_config"]))
	}
	scheduled, tracking := 0, 0
	for _, f := range d.Functions {
		if f.Scaling == nil {
			continue
		}
		scheduled += len(f.Scaling.Hours)
		if f.Scaling.TargetUtilization > 0 {
			tracking++
		}
	}
	if scheduled+tracking == 0 {
		t.Fatal("no function's policy scales: the test needs one")
	}
	if len(res["aws_appautoscaling_scheduled_action"]) != scheduled || len(res["aws_appautoscaling_policy"]) != tracking {
		t.Errorf("%d scheduled actions (want %d), %d policies (want %d)", len(res["aws_appautoscaling_scheduled_action"]), scheduled, len(res["aws_appautoscaling_policy"]), tracking)
	}
	for _, blk := range res["aws_appautoscaling_target"] {
		id := literal(t, blk, "resource_id")
		if !regexp.MustCompile(`^function:[A-Za-z0-9_-]+:`+deploy.Alias+`$`).MatchString(id) || strings.Contains(id, "$LATEST") {
			t.Errorf("resource_id %q", id)
		}
	}
	for _, blk := range res["aws_appautoscaling_scheduled_action"] {
		if cron := literal(t, blk, "schedule"); !cronHourly.MatchString(cron) || literal(t, blk, "timezone") != "UTC" {
			t.Errorf("schedule %q", cron)
		}
	}
}

// Hostile names stay text: quotes, template sequences and newlines in a
// function's name neither break the file nor become expressions.
func TestTerraformEscapesNames(t *testing.T) {
	s := model.DefaultScenario()
	s.Name = "x\n} resource \"evil\" {"
	s.Functions = s.Functions[:1]
	s.Functions[0].Name = `a"${file("/etc/passwd")}%{if true}\`
	s.Functions[0].ProvisionedConcurrency = 1
	text, d := terraformOf(t, &s)
	res := checkTerraform(t, text)
	if len(d.Renamed) != 1 || !regexp.MustCompile(`^a[A-Za-z0-9_-]+$`).MatchString(d.Functions[0].Name) {
		t.Errorf("Lambda name %q, renamed %v", d.Functions[0].Name, d.Renamed)
	}
	for _, blk := range res["aws_cloudwatch_metric_alarm"] {
		if desc := literal(t, blk, "alarm_description"); strings.Contains(desc, "${") && !strings.Contains(desc, `a"${file("/etc/passwd")}`) {
			t.Errorf("description %q", desc)
		}
	}
}

// An imported account exports its provisioned concurrency and reservations.
func TestTerraformOfAnImportedAccount(t *testing.T) {
	imp, probs := model.ImportAWS(model.AWSFiles{
		Functions:   awsFixture(t, "list-functions-2026.json"),
		Concurrency: []model.NamedFile{awsFixture(t, "concurrency.my-function.json"), awsFixture(t, "provisioned.my-function.json")},
		Metrics:     []model.NamedFile{awsFixture(t, "metrics-page1.json"), awsFixture(t, "metrics-page2.json")},
	})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	text, _ := terraformOf(t, &imp.Scenario)
	res := checkTerraform(t, text)
	pc := res["aws_lambda_provisioned_concurrency_config"]
	if len(pc) != 1 || literal(t, pc[0], "function_name") != "my-function" || literal(t, pc[0], "qualifier") != deploy.Alias {
		t.Fatalf("provisioned concurrency: %d blocks", len(pc))
	}
	for _, want := range []string{`"my-function" = {`, `architectures                  = ["arm64"]`, "reserved_concurrent_executions = 250", "provisioned_concurrent_executions = 100"} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q", want)
		}
	}
}

// byHour is provisioned concurrency by hour: 1 at night (22:00-06:00 UTC),
// 3 by day.
func byHour() []int {
	day := make([]int, deploy.HoursPerDay)
	for h := range day {
		day[h] = 3
		if h < 6 || h >= 22 {
			day[h] = 1
		}
	}
	return day
}

// A function's provisioned concurrency by hour is exported as it is: its
// configuration at the day's most, a scheduled action at each hour the
// level changes (06:00 to 3, 22:00 to 1), no policy comparison's plan.
func TestTerraformSchedulesProvisionedConcurrencyByHour(t *testing.T) {
	s := model.DefaultScenario()
	s.Functions[0].ProvisionedByHour = byHour()
	text, d := terraformOf(t, &s)
	res := checkTerraform(t, text)
	f := d.Functions[0]
	if f.Provisioned != 3 || f.Scaling == nil || f.Scaling.Policy != deploy.ByHour || f.Scaling.Min != 1 || f.Scaling.Max != 3 ||
		!slices.Equal(f.Scaling.Hours, []deploy.HourCapacity{{Hour: 0, Capacity: 1}, {Hour: 6, Capacity: 3}, {Hour: 22, Capacity: 1}}) {
		t.Fatalf("deployed %+v scaling %+v", f, f.Scaling)
	}
	if len(res["aws_appautoscaling_scheduled_action"]) != 3 || len(res["aws_lambda_provisioned_concurrency_config"]) != 1 {
		t.Errorf("%d scheduled actions, %d configurations", len(res["aws_appautoscaling_scheduled_action"]), len(res["aws_lambda_provisioned_concurrency_config"]))
	}
	var crons []string
	for _, blk := range res["aws_appautoscaling_scheduled_action"] {
		crons = append(crons, literal(t, blk, "schedule"))
	}
	if !slices.Contains(crons, "cron(0 6 * * ? *)") || !slices.Contains(crons, "cron(0 22 * * ? *)") {
		t.Errorf("schedules %v", crons)
	}
}
