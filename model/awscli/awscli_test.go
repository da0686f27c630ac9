package awscli

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

func read(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseFunctionsOfTheCLIExample(t *testing.T) {
	fns, errs := ParseFunctions(read(t, "list-functions.json"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(fns) != 3 {
		t.Fatalf("%d functions", len(fns))
	}
	want := []struct {
		name, runtime string
		mem           int
	}{{"helloworld", "nodejs22.x", 128}, {"my-function", "nodejs22.x", 256}, {"my-python-function", "python3.11", 128}}
	for i, w := range want {
		f := fns[i]
		if f.Name != w.name || f.Runtime != w.runtime || f.MemoryMb != w.mem || f.TimeoutS != 3 {
			t.Errorf("function %d = %+v", i, f)
		}
		if f.Architecture != "x86_64" || f.EphemeralMb != 512 || f.PackageType != "Zip" || f.SnapStart || f.InVPC {
			t.Errorf("%s: defaults for fields the output lacks: %+v", f.Name, f)
		}
	}
	if got := fns[2].LastModified.Format(time.RFC3339Nano); got != "2025-10-01T19:40:41.643Z" {
		t.Errorf("LastModified +0000 read as %s", got)
	}
	if Region(fns[0].Arn) != "us-west-2" {
		t.Errorf("region of %s = %q", fns[0].Arn, Region(fns[0].Arn))
	}
}

func TestParseFunctionsWithTodaysFields(t *testing.T) {
	fns, errs := ParseFunctions(read(t, "list-functions-2026.json"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if fns[1].Architecture != "arm64" || fns[0].Architecture != "x86_64" || fns[2].EphemeralMb != 1024 {
		t.Errorf("per-function architecture and storage: %+v", fns)
	}
	one, errs := ParseFunctions(read(t, "get-function-configuration.json"))
	if len(errs) > 0 || len(one) != 1 || one[0].Name != "my-function" || one[0].LastModified.Year() != 2019 {
		t.Errorf("get-function-configuration: %+v %v", one, errs)
	}
	wrapped, errs := ParseFunctions([]byte(`{"Configuration": {"FunctionName": "f", "MemorySize": 512, "Timeout": 30}}`))
	if len(errs) > 0 || wrapped[0].MemoryMb != 512 || wrapped[0].TimeoutS != 30 {
		t.Errorf("get-function: %+v %v", wrapped, errs)
	}
}

func TestParseFunctionsNamesEveryProblem(t *testing.T) {
	doc := `{"Functions": [
		{"FunctionName": "a", "MemorySize": 64},
		{"FunctionName": "b", "MemorySize": 256, "Architectures": ["sparc"], "EphemeralStorage": {"Size": 100}, "Timeout": 99999},
		{"MemorySize": 256},
		{"FunctionName": "c", "MemorySize": 256, "LastModified": "yesterday"},
		{"FunctionName": "d", "MemorySize": 256},
		{"FunctionName": "d", "MemorySize": 512}]}`
	_, errs := ParseFunctions([]byte(doc))
	text := fmt.Sprint(errs)
	for _, want := range []string{"Functions[0].MemorySize: 64 MB", "Functions[1].Architectures", "Functions[1].EphemeralStorage.Size: 100 MB",
		"Functions[1].Timeout: 99999 s", "Functions[2].FunctionName: missing", "Functions[3]: not a timestamp", "Functions[5].FunctionName: \"d\" is listed twice"} {
		if !strings.Contains(text, want) {
			t.Errorf("problems %s\nlack %q", text, want)
		}
	}
	for _, bad := range []string{`[]`, `{"Functions": []}`, `{}`, `not json`} {
		if _, errs := ParseFunctions([]byte(bad)); len(errs) == 0 {
			t.Errorf("%s: accepted", bad)
		}
	}
}

func TestParseConcurrencyOfEachCommand(t *testing.T) {
	c, err := ParseConcurrency(read(t, "concurrency.my-function.json"), "my-function")
	if err != nil || len(c) != 1 || *c[0].Reserved != 250 || c[0].Function != "my-function" {
		t.Errorf("get-function-concurrency: %+v %v", c, err)
	}
	c, err = ParseConcurrency(read(t, "provisioned.my-function.json"), "my-function")
	if err != nil || *c[0].Provisioned != 100 {
		t.Errorf("get-provisioned-concurrency-config: %+v %v", c, err)
	}
	c, err = ParseConcurrency(read(t, "list-provisioned-concurrency-configs.json"), "")
	if err != nil || len(c) != 1 || *c[0].Provisioned != 200 || strings.Join(c[0].Qualifiers, ",") != "GREEN,BLUE" {
		t.Errorf("list-provisioned-concurrency-configs: %+v %v", c, err)
	}
	if _, err := ParseConcurrency(read(t, "concurrency.my-function.json"), ""); err == nil || !strings.Contains(err.Error(), "name the file") {
		t.Errorf("unnamed reservation: %v", err)
	}
	c, err = ParseConcurrency([]byte("{ }\n"), "quiet")
	if err != nil || c[0].Reserved != nil {
		t.Errorf("{} (no reservation): %+v %v", c, err)
	}
	c, err = ParseConcurrency(nil, "quiet")
	if err != nil || c[0].Reserved != nil || c[0].Provisioned != nil {
		t.Errorf("empty output (no reservation): %+v %v", c, err)
	}
	for _, bad := range []string{`{"ReservedConcurrentExecutions": -1}`, `{"ProvisionedConcurrencyConfigs": [{"FunctionArn": "arn:aws:s3:::x"}]}`, `{"Foo": 1}`} {
		if _, err := ParseConcurrency([]byte(bad), "f"); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}

func TestParseMetricDataMergesPagesOldestFirst(t *testing.T) {
	series, errs := ParseMetricData(read(t, "metrics-page1.json"), read(t, "metrics-page2.json"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(series) != 9 {
		t.Fatalf("%d series", len(series))
	}
	inv := series[0]
	if inv.Function != "my-function" || inv.Metric != Invocations || inv.Stat != "Sum" || len(inv.Points) != 21*24 {
		t.Fatalf("first series: %s %s %s, %d points", inv.Function, inv.Metric, inv.Stat, len(inv.Points))
	}
	for i := 1; i < len(inv.Points); i++ {
		if inv.Points[i].At.Sub(inv.Points[i-1].At) != time.Hour {
			t.Fatalf("points %d and %d are %v apart", i-1, i, inv.Points[i].At.Sub(inv.Points[i-1].At))
		}
	}
	// The same pages again add nothing: a period given twice keeps one value.
	again, _ := ParseMetricData(read(t, "metrics-page1.json"), read(t, "metrics-page2.json"), read(t, "metrics-page2.json"))
	if len(again[0].Points) != len(inv.Points) {
		t.Errorf("a repeated page added points: %d", len(again[0].Points))
	}
}

func TestParseMetricDataRefusesWhatItCannotPlace(t *testing.T) {
	_, errs := ParseMetricData(read(t, "get-metric-data-ec2.json"))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `"Avg Total IOPS" names no metric`) {
		t.Errorf("EC2 metric: %v", errs)
	}
	for doc, want := range map[string]string{
		`{"MetricDataResults": [{"Id": "inv", "Timestamps": ["2024-01-01T00:00:00Z"], "Values": [1, 2]}]}`: "1 timestamps for 2 values",
		`{"MetricDataResults": [{"Id": "inv", "Timestamps": ["2024-01-01T00:00:00Z"], "Values": [-1]}]}`:   "Values[0]: -1",
		`{"MetricDataResults": [{"Id": "inv", "StatusCode": "Forbidden"}]}`:                                "Forbidden",
		`{"MetricDataResults": [{"Id": "inv", "Timestamps": ["soon"], "Values": [1]}]}`:                    "not a timestamp",
		`{"Messages": []}`: "no MetricDataResults",
	} {
		_, errs := ParseMetricData([]byte(doc))
		if !strings.Contains(fmt.Sprint(errs), want) {
			t.Errorf("%s: %v, want %q", doc, errs, want)
		}
	}
	// Epoch seconds (CLI v1) and the interop note's single-function ids.
	series, errs := ParseMetricData([]byte(`{"MetricDataResults": [{"Id": "durP99", "Label": "Duration", "Timestamps": [1561571888.361, "2019-06-26T18:00:00+0000"], "Values": [3, 4]}]}`))
	if len(errs) > 0 || series[0].Metric != Duration || series[0].Stat != "p99" || series[0].Points[0].At.Year() != 2019 {
		t.Errorf("epoch and known ids: %+v %v", series, errs)
	}
}

func TestQueryFileAndCommands(t *testing.T) {
	data, err := QueryFile([]string{"my-function", "it's"})
	if err != nil {
		t.Fatal(err)
	}
	var queries []Query
	if err := json.Unmarshal(data, &queries); err != nil || len(queries) != 2*QueriesPerFunction {
		t.Fatalf("%d queries, %v", len(queries), err)
	}
	// Its labels are what ParseMetricData reads back.
	for _, q := range queries {
		s, ok := describe(q.ID, q.Label)
		if !ok || s.Function == "" || s.Metric != q.MetricStat.Metric.MetricName || s.Stat != q.MetricStat.Stat || q.MetricStat.Period != 3600 {
			t.Errorf("query %+v reads back as %+v", q, s)
		}
	}
	if _, err := QueryFile(make([]string, FunctionsPerQueryFile+1)); err == nil {
		t.Error("a query file over GetMetricData's 500 queries")
	}
	cmds := Commands([]string{"my-function", "it's"}, "eu-west-1", 28)
	for _, want := range []string{"aws lambda list-functions --region eu-west-1 --output json > functions.json",
		"aws lambda get-function-concurrency --function-name 'it'\\''s' --region eu-west-1 --output json > 'concurrency.it'\\''s.json'",
		"list-provisioned-concurrency-configs --function-name my-function", "--metric-data-queries file://metric-queries-1.json", "-28 days",
		"planner import aws --functions functions.json --concurrency"} {
		if !strings.Contains(cmds, want) {
			t.Errorf("commands lack %q:\n%s", want, cmds)
		}
	}
	if loop := Commands(nil, "", 28); !strings.Contains(loop, "for f in $(aws lambda list-functions --query") {
		t.Errorf("commands without names:\n%s", loop)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"Functions": [{"FunctionName": "a", "MemorySize": 128, "LastModified": "2019-09-26T20:28:40.438+0000"}]}`))
	f.Add([]byte(`{"ProvisionedConcurrencyConfigs": [{"FunctionArn": "arn:aws:lambda:r:1:function:f:A", "RequestedProvisionedConcurrentExecutions": 1}]}`))
	f.Add([]byte(`{"MetricDataResults": [{"Id": "inv", "Timestamps": [1561571888.361], "Values": [1]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fns, _ := ParseFunctions(data)
		for _, fn := range fns {
			if fn.Name == "" || fn.MemoryMb < 128 || fn.EphemeralMb < 512 {
				t.Fatalf("read an impossible function %+v", fn)
			}
		}
		ParseConcurrency(data, "f")
		series, _ := ParseMetricData(data)
		for _, s := range series {
			for _, p := range s.Points {
				if p.Value < 0 {
					t.Fatalf("negative measurement %+v", p)
				}
			}
		}
	})
}
