package interop

import (
	"encoding/json"
	"os"
	"testing"

	"planner/model"
)

func TestClassifyImport(t *testing.T) {
	link, _ := model.LinkURL("https://planner.example/", &model.Scenario{Version: 1, Functions: []model.Function{}})
	def := model.DefaultScenario()
	scenario, _ := json.Marshal(&def)
	for name, want := range map[string]ImportKind{
		"../../model/awscli/testdata/list-functions.json":                       ImportAWSFunctions,
		"../../model/awscli/testdata/get-function-configuration.json":           ImportAWSFunctions,
		"../../model/awscli/testdata/concurrency.my-function.json":              ImportAWSConcurrency,
		"../../model/awscli/testdata/list-provisioned-concurrency-configs.json": ImportAWSConcurrency,
		"../../model/awscli/testdata/metrics-page1.json":                        ImportAWSMetrics,
		"../../model/powertuning/testdata/issue83-output.json":                  ImportPowerTuning,
		"../../model/powertuning/testdata/pr42-results-wrapper.json":            ImportPowerTuning,
		"../../model/powertuning/testdata/describe-execution.json":              ImportPowerTuning,
	} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := ClassifyImport(data); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	for text, want := range map[string]ImportKind{
		link:             ImportShareLink,
		string(scenario): ImportScenario,
		"https://lambda-power-tuning.show/#gAA=;ZooQRw==;QdWhOA==": ImportPowerTuning,
		"gAA=;ZooQRw==;QdWhOA==":                                   ImportPowerTuning,
		"":                                                         ImportUnknown,
		"hello; there; you":                                        ImportUnknown,
		`{"foo": 1}`:                                               ImportUnknown,
		`{"format": "serverless-planner-backup", "version": 1, "scenarios": []}`: ImportBackup,
		`{"power": 128`: ImportPowerTuning, // cut: the Power Tuning reader says where
	} {
		if got := ClassifyImport([]byte(text)); got != want {
			t.Errorf("%.40q: %q, want %q", text, got, want)
		}
	}
}
