package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planner/model"
	"planner/model/backup"
	"planner/model/powertuning"
)

const fixtures = "../../model/awscli/testdata/"

func TestImportPowerTuningFromAFileOrStdin(t *testing.T) {
	link := "https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;ZooQR4yvkUa/pQRGRC5zRaADHUVjOftE;QdWhOEMkoziDT5Q4xhiIOMYYiDi6RNc4"
	for _, c := range []struct {
		stdin string
		args  []string
	}{{link, []string{"import", "power-tuning"}}, {link + "\n", []string{"import", "power-tuning", "-"}},
		{"", []string{"import", "power-tuning", "../../model/powertuning/testdata/describe-execution.json"}}} {
		code, out, errs := run(t, c.stdin, c.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, %s", c.args, code, errs)
		}
		var res powertuning.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Runs) != 1 || len(res.Runs[0].Points) != 6 {
			t.Fatalf("%v: %s (%v)", c.args, out, err)
		}
		if p := res.Runs[0].Points[0]; p.MemoryMb != 128 || float32(p.ExecutionTimeMs) != 37002.4 {
			t.Errorf("first point %+v", p)
		}
	}
	code, out, errs := run(t, "https://lambda-power-tuning.show/#a;b", "import", "power-tuning")
	if code != 1 || out != "" || !strings.Contains(errs, "2 parts") {
		t.Errorf("a bad link: exit %d, %q", code, errs)
	}
}

// An account's files become a scenario that report accepts; notes go to
// stderr.
func TestImportAWSPrintsAScenario(t *testing.T) {
	code, out, errs := run(t, "", "import", "aws", "--functions", fixtures+"list-functions-2026.json",
		"--concurrency", fixtures+"concurrency.my-function.json", fixtures+"provisioned.my-function.json",
		"--metrics", fixtures+"metrics-page1.json", fixtures+"metrics-page2.json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "note: my-python-function: no metrics") {
		t.Errorf("notes: %s", errs)
	}
	file := filepath.Join(t.TempDir(), "scenario.json")
	if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	code, report, errs := run(t, "", "report", file)
	if code != 0 {
		t.Fatalf("report refuses the import: %s", errs)
	}
	var r model.Report
	if err := json.Unmarshal([]byte(report), &r); err != nil || len(r.Functions) != 3 || r.Functions[1].PerformanceCharacteristics.ProvisionedConcurrency != 100 {
		t.Errorf("report: %v", err)
	}
	// NAME=FILE and --flag=value forms.
	code, out, errs = run(t, "", "import", "aws", "--functions="+fixtures+"list-functions.json", "--concurrency", "helloworld="+fixtures+"concurrency.my-function.json")
	if code != 0 || !strings.Contains(out, `"reserved_concurrency":250`) {
		t.Errorf("NAME=FILE: exit %d %s", code, errs)
	}
}

func TestImportAWSCommandsAndQueries(t *testing.T) {
	code, out, _ := run(t, "", "import", "aws", "--commands", "--region", "eu-west-1", "--days", "14")
	if code != 0 || !strings.Contains(out, "for f in $(aws lambda list-functions --region eu-west-1") || !strings.Contains(out, "-14 days") {
		t.Errorf("commands: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "import", "aws", "--queries", "--functions", fixtures+"list-functions.json")
	var queries []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &queries) != nil || len(queries) != 21 {
		t.Errorf("queries: exit %d, %d queries", code, len(queries))
	}
	if code, _, errs := run(t, "", "import", "aws", "--queries", "--functions", fixtures+"list-functions.json", "--part", "2"); code != 1 || !strings.Contains(errs, "1 part") {
		t.Errorf("--part 2 of 1: exit %d %s", code, errs)
	}
}

func TestImportAWSRefusesBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "aws"}, 2, "--functions FILE is needed"},
		{[]string{"import", "aws", "--functions"}, 2, "needs a value"},
		{[]string{"import", "aws", "--frobnicate"}, 2, "unknown flag"},
		{[]string{"import", "aws", "--functions", fixtures + "list-functions.json", "stray"}, 2, "unexpected argument"},
		{[]string{"import", "aws", "--functions", fixtures + "get-metric-data-ec2.json"}, 1, "neither list-functions output"},
		{[]string{"import", "aws", "--functions", fixtures + "list-functions.json", "--metrics", fixtures + "get-metric-data-ec2.json"}, 1, "names no metric"},
		{[]string{"import", "aws", "--functions", fixtures + "list-functions.json", "--days", "NaN"}, 2, "--days"},
		{[]string{"import", "nope"}, 2, "unknown source"},
	} {
		code, out, errs := run(t, "", c.args...)
		if code != c.code || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q, want %d and %q", c.args[2:], code, errs, c.code, c.want)
		}
	}
}

func TestExportEachFormat(t *testing.T) {
	for format, want := range map[string]string{
		"terraform":         `resource "aws_cloudwatch_metric_alarm"`,
		"sam":               "Type: AWS::Serverless::Function",
		"cloudwatch-alarms": `"AlarmName": "planner-user_authentication-p50-duration"`,
	} {
		code, out, errs := run(t, "", "export", format)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("export %s: exit %d %s\n%.300s", format, code, errs, out)
		}
	}
	if code, _, _ := run(t, "", "export", "pulumi"); code != 2 {
		t.Errorf("unknown format: exit %d", code)
	}
	if code, _, errs := run(t, `{"version": 1, "functions": [{"name": ""}]}`, "export", "terraform", "-"); code != 1 || !strings.Contains(errs, "functions[0].name") {
		t.Errorf("invalid scenario: exit %d %s", code, errs)
	}
}

// The CLI reads a backup's scenarios as FILE#NAME.
func TestBackupFileName(t *testing.T) {
	def := model.DefaultScenario()
	doc, _ := json.Marshal(def)
	one, _ := json.Marshal(backup.Backup{Format: backup.Format, Version: 1, Scenarios: []backup.Entry{{Name: "shop", Scenario: doc}}})
	two, _ := json.Marshal(backup.Backup{Format: backup.Format, Version: 1, Scenarios: []backup.Entry{{Name: "shop", Scenario: doc}, {Name: "other", Scenario: doc}}})
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "one.json"), one, 0o644)
	os.WriteFile(filepath.Join(dir, "two.json"), two, 0o644)
	if code, out, errs := run(t, "", "report", filepath.Join(dir, "one.json")); code != 0 || !strings.Contains(out, `"scenario":"E-commerce application"`) {
		t.Errorf("a backup of one: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, "", "report", filepath.Join(dir, "two.json")); code != 1 || !strings.Contains(errs, "two.json#NAME (other, shop)") {
		t.Errorf("a backup of two: exit %d %s", code, errs)
	}
	if code, out, errs := run(t, "", "link", filepath.Join(dir, "two.json")+"#other"); code != 0 || !strings.Contains(out, "#s=") {
		t.Errorf("FILE#NAME: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, "", "report", filepath.Join(dir, "two.json")+"#ghost"); code != 1 || !strings.Contains(errs, "no scenario named") {
		t.Errorf("#ghost: exit %d %s", code, errs)
	}
}
