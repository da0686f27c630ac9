package deploy_test

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"planner/model"
	"planner/model/deploy"
)

func samOf(t *testing.T, s *model.Scenario) string {
	t.Helper()
	text, _ := exportOf(t, s, deploy.WriteSAM)
	return text
}

// exportOf evaluates s, plans its policies as the CLI does and writes its
// deployment with write.
func exportOf(t *testing.T, s *model.Scenario, write func(io.Writer, *deploy.Deployment) error) (string, *deploy.Deployment) {
	t.Helper()
	r, err := model.Evaluate(s)
	if err != nil {
		t.Fatal(err)
	}
	d := model.NewDeployment(s, r, model.PlanFunctionPolicies(s, r, nil))
	var b strings.Builder
	if err := write(&b, &d); err != nil {
		t.Fatal(err)
	}
	return b.String(), &d
}

// cfnLint runs cfn-lint (installed on the machines; CloudFormation's own
// linter, with the SAM translator) on each template.
func cfnLint(t *testing.T, templates map[string]string) {
	t.Helper()
	lint, err := exec.LookPath("cfn-lint")
	if err != nil {
		t.Skip("cfn-lint is not installed here (pip install cfn-lint==1.51.0): the SAM templates were not linted")
	}
	dir := t.TempDir()
	var files []string
	for name, text := range templates {
		path := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	out, err := exec.Command(lint, append([]string{"--"}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("cfn-lint: %v\n%s", err, out)
	}
}

// SAM exports of the default scenario, of one with provisioned
// concurrency scaled by schedule and by target tracking, and of an
// imported account pass cfn-lint.
func TestSAMExportsPassCfnLint(t *testing.T) {
	def := model.DefaultScenario()
	scaled := model.DefaultScenario()
	for i := range scaled.Functions {
		scaled.Functions[i].ProvisionedConcurrency = 2 + i
	}
	scaled.Functions[0].Name = `user auth "v2" ${x} #1`
	scaled.Functions[1].Architecture = "arm64"
	scaled.Functions[1].TimeoutSeconds = 30
	scaled.Functions[2].ProvisionedConcurrency, scaled.Functions[2].ProvisionedByHour = 0, byHour()
	imp, probs := model.ImportAWS(model.AWSFiles{
		Functions:   awsFixture(t, "list-functions-2026.json"),
		Concurrency: []model.NamedFile{awsFixture(t, "concurrency.my-function.json"), awsFixture(t, "provisioned.my-function.json")},
		Metrics:     []model.NamedFile{awsFixture(t, "metrics-page1.json"), awsFixture(t, "metrics-page2.json")},
	})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	templates := map[string]string{"default": samOf(t, &def), "scaled": samOf(t, &scaled), "imported": samOf(t, &imp.Scenario)}
	for name, text := range templates {
		for _, want := range []string{"Transform: AWS::Serverless-2016-10-31", "AWS::CloudWatch::Alarm"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", name, want)
			}
		}
	}
	scaledText := templates["scaled"]
	for _, want := range []string{"AutoPublishAlias: live", "DependsOn: UserAuthV2X1FunctionAliaslive", `ResourceId: !Sub "function:${UserAuthV2X1Function}:live"`,
		"Architectures:\n        - arm64", "Timeout: 30"} {
		if !strings.Contains(scaledText, want) {
			t.Errorf("scaled template lacks %q", want)
		}
	}
	if !strings.Contains(templates["imported"], "ProvisionedConcurrentExecutions: 100") || !strings.Contains(templates["imported"], "ReservedConcurrentExecutions: 250") {
		t.Error("the imported account's concurrency is not in its template")
	}
	cfnLint(t, templates)
}

// The put-metric-alarm requests are each a valid --cli-input-json: a
// metric with Statistic or ExtendedStatistic, or metric math returning one
// series.
func TestAlarmsJSON(t *testing.T) {
	s := model.DefaultScenario()
	r, _ := model.Evaluate(&s)
	d := model.NewDeployment(&s, r, nil)
	var reqs []map[string]any
	if err := json.Unmarshal(deploy.AlarmsJSON(&d), &reqs); err != nil {
		t.Fatal(err)
	}
	if len(reqs) != len(d.Alarms) || len(reqs) == 0 {
		t.Fatalf("%d requests for %d alarms", len(reqs), len(d.Alarms))
	}
	names := map[string]bool{}
	for _, q := range reqs {
		name, _ := q["AlarmName"].(string)
		if names[name] || !strings.HasPrefix(name, "planner-") {
			t.Errorf("alarm name %q repeated or unprefixed", name)
		}
		names[name] = true
		_, stat := q["Statistic"]
		_, ext := q["ExtendedStatistic"]
		metrics, math := q["Metrics"].([]any)
		switch {
		case math && (stat || ext || q["MetricName"] != nil):
			t.Errorf("%s mixes metric math and a metric", name)
		case !math && stat == ext:
			t.Errorf("%s needs exactly one of Statistic and ExtendedStatistic", name)
		case math:
			returned := 0
			for _, m := range metrics {
				if m.(map[string]any)["ReturnData"] == true {
					returned++
				}
			}
			if returned != 1 {
				t.Errorf("%s returns %d series", name, returned)
			}
		}
		for _, key := range []string{"EvaluationPeriods", "Threshold", "ComparisonOperator", "TreatMissingData"} {
			if _, ok := q[key]; !ok {
				t.Errorf("%s lacks %s", name, key)
			}
		}
	}
	if !names["planner-account-concurrency"] {
		t.Error("no account concurrency alarm")
	}
	for _, a := range d.Alarms {
		if a.Name == "planner-account-concurrency" && a.Threshold != 800 {
			t.Errorf("account concurrency alarm at %v, want 80%% of 1,000", a.Threshold)
		}
	}
}

// awsFixture reads a file of the AWS CLI fixtures (model/awscli/testdata).
func awsFixture(t *testing.T, name string) model.NamedFile {
	t.Helper()
	data, err := os.ReadFile("../awscli/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return model.NamedFile{Name: name, Data: data}
}
