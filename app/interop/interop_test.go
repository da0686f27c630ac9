package interop

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"planner/model"
	"planner/model/awscli"
	"planner/model/deploy"
	"planner/model/platform"
)

func call(t *testing.T, req Request) Response {
	t.Helper()
	data, _ := json.Marshal(req)
	var resp Response
	if err := json.Unmarshal(Handle(data, nil), &resp); err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestImportAWSInTheWorker(t *testing.T) {
	var files []File
	for _, n := range []string{"list-functions-2026.json", "concurrency.my-function.json", "metrics-page1.json", "metrics-page2.json"} {
		data, err := os.ReadFile("../../model/awscli/testdata/" + n)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, File{Name: n, Text: string(data)})
	}
	resp := call(t, Request{Op: OpImportAWS, Files: files})
	if resp.Problems != "" || resp.Import == nil || len(resp.Import.Scenario.Functions) != 3 || len(resp.Import.Histories["my-function"].Values) != 504 {
		t.Fatalf("import: %+v", resp.Problems)
	}
	if resp.Import.Scenario.Functions[1].ReservedConcurrency != 250 {
		t.Errorf("reserved concurrency %d", resp.Import.Scenario.Functions[1].ReservedConcurrency)
	}
	for req, want := range map[string]Request{
		"need the list-functions":  {Op: OpImportAWS, Files: files[1:]},
		"not an AWS CLI output":    {Op: OpImportAWS, Files: []File{files[0], {Name: "x.json", Text: `{"power": 128}`}}},
		"two list-functions files": {Op: OpImportAWS, Files: []File{files[0], files[0]}},
		"unknown operation":        {Op: "delete-account"},
		"unknown format":           {Op: OpExport, Scenario: json.RawMessage(`{"version":1,"functions":[]}`), Format: "pulumi"},
		"functions[0].name":        {Op: OpExport, Scenario: json.RawMessage(`{"version":1,"functions":[{"name":""}]}`), Format: FormatSAM},
	} {
		if got := call(t, want); !strings.Contains(got.Problems, req) {
			t.Errorf("%s: problems %q", req, got.Problems)
		}
	}
}

// The worker's exports are the CLI's, byte for byte.
func TestExportInTheWorker(t *testing.T) {
	s := model.DefaultScenario()
	doc, _ := json.Marshal(s)
	r, _ := model.Evaluate(&s)
	d := model.NewDeployment(&s, r, model.PlanFunctionPolicies(&s, r, nil))
	var tf strings.Builder
	deploy.WriteTerraform(&tf, &d)
	if got := call(t, Request{Op: OpExport, Scenario: doc, Format: FormatTerraform}); got.Text != tf.String() {
		t.Errorf("terraform differs (%d bytes, want %d): %s", len(got.Text), len(tf.String()), got.Problems)
	}
	if got := call(t, Request{Op: OpExport, Scenario: doc, Format: FormatCloudWatchAlarms}); got.Text != string(deploy.AlarmsJSON(&d)) {
		t.Errorf("alarms differ: %s", got.Problems)
	}
}

// The commands file the site serves is what `planner import aws
// --commands` prints (regenerate it with that command).
func TestCommandsFileIsCurrent(t *testing.T) {
	data, err := os.ReadFile("../../web/gather-aws-account.sh")
	if err != nil {
		t.Fatal(err)
	}
	if want := "#!/bin/sh\n" + awscli.Commands(nil, "", 28); string(data) != want {
		t.Errorf("web/gather-aws-account.sh is stale: run (printf '#!/bin/sh\\n'; go run . import aws --commands) > web/gather-aws-account.sh")
	}
}

// The worker writes the page's report as the CLI does, and puts the
// scenario on every platform as `planner clouds` does; bad requests say
// what is wrong.
func TestReportAndCloudsInTheWorker(t *testing.T) {
	s := model.DefaultScenario()
	r, _ := model.Evaluate(&s)
	var md strings.Builder
	if err := model.WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if got := call(t, Request{Op: OpReport, Report: r, Format: FormatReportMarkdown}); got.Text != md.String() {
		t.Errorf("Markdown differs (%d bytes, want %d): %s", len(got.Text), len(md.String()), got.Problems)
	}
	doc, _ := json.Marshal(s)
	want := model.Clouds(&s, model.CloudsAssumptions(&s))
	got := call(t, Request{Op: OpClouds, Scenario: doc})
	if got.Clouds == nil || len(got.Clouds.Platforms) != len(want.Platforms) || got.Clouds.Platforms[3].MonthlyUSD != want.Platforms[3].MonthlyUSD {
		t.Fatalf("clouds: %+v", got.Problems)
	}
	a := platform.Assumptions{CPUBoundShare: 0.5, FreeTier: false}
	noFree := call(t, Request{Op: OpClouds, Scenario: doc, Assumptions: &a})
	if noFree.Clouds == nil || noFree.Clouds.Platforms[3].MonthlyUSD <= want.Platforms[3].MonthlyUSD {
		t.Errorf("without free tiers Cloud Run costs %v, with them $%.2f", noFree.Problems, want.Platforms[3].MonthlyUSD)
	}
	bad := platform.Assumptions{CPUBoundShare: 1.5}
	for want, req := range map[string]Request{
		"no report":         {Op: OpReport, Format: FormatReportCSV},
		"unknown format":    {Op: OpReport, Report: r, Format: "pdf"},
		"cpu_bound_share":   {Op: OpClouds, Scenario: doc, Assumptions: &bad},
		"functions[0].name": {Op: OpClouds, Scenario: json.RawMessage(`{"version":1,"functions":[{"name":""}]}`)},
	} {
		if got := call(t, req); !strings.Contains(got.Problems, want) {
			t.Errorf("%s: problems %q", want, got.Problems)
		}
	}
}

// A history file is read in the worker: a CSV of timestamp,count or
// CloudWatch's JSON; a bad one says why.
func TestHistoryInTheWorker(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("timestamp,count\n")
	start := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for h := range 600 {
		fmt.Fprintf(&csv, "%s,%d\n", start.Add(time.Duration(h)*time.Hour).Format(time.RFC3339), 100+h%24)
	}
	got := call(t, Request{Op: OpHistory, Files: []File{{Name: "h.csv", Text: csv.String()}}})
	if got.History == nil || len(got.History.Values) != 600 || got.History.StepSeconds != 3600 || !got.History.Start.Equal(start) || got.History.Values[5] != 105 {
		t.Fatalf("CSV: %+v %s", got.History, got.Problems)
	}
	cw := `{"MetricDataResults": [{"Id": "m", "Timestamps": ["2026-11-01T01:00:00Z", "2026-11-01T00:00:00Z"], "Values": [7, 5], "StatusCode": "Complete"}]}`
	if got := call(t, Request{Op: OpHistory, Files: []File{{Name: "cw.json", Text: cw}}}); got.History == nil || len(got.History.Values) != 2 || got.History.Values[0] != 5 {
		t.Errorf("CloudWatch: %+v %s", got.History, got.Problems)
	}
	if got := call(t, Request{Op: OpHistory, Files: []File{{Name: "bad.csv", Text: "when,count\nyesterday,3\n"}}}); got.Problems == "" || got.History != nil {
		t.Errorf("a bad CSV was read: %+v", got.History)
	}
}

// Goal seek in the worker is model.Tune's, and refuses an invalid scenario
// with its paths.
func TestTuneInTheWorker(t *testing.T) {
	s := model.DefaultScenario()
	doc, _ := json.Marshal(s)
	resp := call(t, Request{Op: OpTune, Scenario: doc})
	tuned, want, _ := model.Tune(&s, model.Sources{})
	if resp.Problems != "" || resp.Tuning == nil || resp.Tuned == nil || resp.Tuning.TotalAfter != want.TotalAfter ||
		resp.Tuned.Functions[3].AllocatedMemoryMb != tuned.Functions[3].AllocatedMemoryMb {
		t.Fatalf("tune: %q %+v", resp.Problems, resp.Tuning)
	}
	if got := call(t, Request{Op: OpTune, Scenario: json.RawMessage(`{"version":1,"functions":[{"name":""}]}`)}); !strings.Contains(got.Problems, "functions[0].name") {
		t.Errorf("invalid scenario: %q", got.Problems)
	}
}
