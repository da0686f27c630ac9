package model

import (
	"math"
	"os"
	"strings"
	"testing"

	"planner/model/pricing"
)

func awsFixture(t *testing.T, name string) NamedFile {
	t.Helper()
	data, err := os.ReadFile("awscli/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return NamedFile{Name: name, Data: data}
}

// The CLI's own list-functions example becomes a scenario the report
// accepts.
func TestImportAWSInventoryAlone(t *testing.T) {
	imp, probs := ImportAWS(AWSFiles{Functions: awsFixture(t, "list-functions.json")})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	s := &imp.Scenario
	if len(s.Functions) != 3 || s.Functions[2].Name != "my-python-function" || s.Functions[2].Runtime != "python3.9" || s.Functions[0].Runtime != "nodejs" {
		t.Errorf("functions = %+v", s.Functions)
	}
	f := s.Functions[1]
	if f.AllocatedMemoryMb != 256 || f.TimeoutSeconds != 3 || f.EphemeralStorageMb != 512 || f.ColdStartMethod != ColdStartModel || f.Architecture != "" {
		t.Errorf("my-function = %+v", f)
	}
	if f.P99ExecutionTimeMs > 3000 {
		t.Errorf("p99 %v ms above the 3 s timeout", f.P99ExecutionTimeMs)
	}
	if _, err := Evaluate(s); err != nil {
		t.Fatalf("the report refuses the import: %v", err)
	}
	notes := strings.Join(imp.Notes, "\n")
	for _, want := range []string{"no us-west-2 profile", "No metrics given"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

func TestImportAWSWithConcurrencyAndMetrics(t *testing.T) {
	imp, probs := ImportAWS(AWSFiles{
		Functions:   awsFixture(t, "list-functions-2026.json"),
		Concurrency: []NamedFile{awsFixture(t, "concurrency.my-function.json"), awsFixture(t, "provisioned.my-function.json")},
		Metrics:     []NamedFile{awsFixture(t, "metrics-page1.json"), awsFixture(t, "metrics-page2.json")},
	})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	s := &imp.Scenario
	if s.Pricing.Architecture != pricing.X86_64 {
		t.Errorf("scenario architecture %s, want the majority's", s.Pricing.Architecture)
	}
	f := s.Functions[1]
	if f.Architecture != pricing.ARM64 || f.ReservedConcurrency != 250 || f.ProvisionedConcurrency != 100 {
		t.Errorf("my-function = arch %q, reserved %d, provisioned %d", f.Architecture, f.ReservedConcurrency, f.ProvisionedConcurrency)
	}
	if s.Functions[2].EphemeralStorageMb != 1024 {
		t.Errorf("ephemeral storage %d", s.Functions[2].EphemeralStorageMb)
	}
	// 9,002,793 invocations over 504 hours (the fixture's generator).
	if want := 9002793.0 / (504 * 3600); f.InvocationsPerSecond == nil || math.Abs(*f.InvocationsPerSecond-want) > 1e-9 {
		t.Errorf("rate = %v, want %v", f.InvocationsPerSecond, want)
	}
	if f.AvgExecutionTimeMs < 120 || f.AvgExecutionTimeMs > 130 || f.P95ExecutionTimeMs < 300 || f.P95ExecutionTimeMs > 330 || f.P99ExecutionTimeMs < 450 || f.P99ExecutionTimeMs > 500 {
		t.Errorf("durations %v / %v / %v ms", f.AvgExecutionTimeMs, f.P95ExecutionTimeMs, f.P99ExecutionTimeMs)
	}
	if math.Abs(f.ErrorRate-0.002) > 0.0002 || f.ThrottleRate != 0 {
		t.Errorf("error rate %v, throttle rate %v", f.ErrorRate, f.ThrottleRate)
	}
	// The generator's day peaks at 15:00 UTC and is lowest at 03:00 (±10% noise).
	peak, low := 0, 0
	for h, w := range f.TrafficProfile {
		if w > f.TrafficProfile[peak] {
			peak = h
		}
		if w < f.TrafficProfile[low] {
			low = h
		}
	}
	if peak < 14 || peak > 16 || low < 2 || low > 4 {
		t.Errorf("profile peaks at %d and is lowest at %d: %v", peak, low, f.TrafficProfile)
	}
	if f.BurstMultiplier < 1.5 {
		t.Errorf("burst %v: the busiest hour is 1.8× the mean", f.BurstMultiplier)
	}
	if h := imp.Histories["my-function"]; h == nil || len(h.Values) != 504 || h.StepSeconds != 3600 {
		t.Errorf("history = %+v", h)
	}
	if hello := s.Functions[0]; hello.InvocationsPerSecond == nil || *hello.InvocationsPerSecond > 0.02 {
		t.Errorf("helloworld rate %v", hello.InvocationsPerSecond)
	}
	notes := strings.Join(imp.Notes, "\n")
	for _, want := range []string{"helloworld: no Duration percentiles", "my-python-function: no metrics"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if _, err := Evaluate(s); err != nil {
		t.Fatal(err)
	}
}

func TestImportAWSRefusesWhatItCannotPlace(t *testing.T) {
	fns := awsFixture(t, "list-functions.json")
	for name, files := range map[string]AWSFiles{
		"names function \"other\"":   {Functions: fns, Concurrency: []NamedFile{{Name: "concurrency.other.json", Data: []byte(`{"ReservedConcurrentExecutions": 5}`)}}},
		"does not name its function": {Functions: fns, Concurrency: []NamedFile{{Name: "reserved.json", Data: []byte(`{"ReservedConcurrentExecutions": 5}`)}}},
		"of function \"ghost\"":      {Functions: fns, Metrics: []NamedFile{{Name: "m.json", Data: []byte(`{"MetricDataResults": [{"Id": "a", "Label": "ghost Invocations Sum", "Timestamps": [], "Values": []}]}`)}}},
		"Functions[0].MemorySize":    {Functions: NamedFile{Name: "f.json", Data: []byte(`{"Functions": [{"FunctionName": "a", "MemorySize": 1}]}`)}},
		"above the 10240 MB":         {Functions: NamedFile{Name: "f.json", Data: []byte(`{"Functions": [{"FunctionName": "a", "MemorySize": 20480}]}`)}},
		"24h0m0s apart":              {Functions: NamedFile{Name: "f.json", Data: []byte(`{"Functions": [{"FunctionName": "a", "MemorySize": 256}]}`)}, Metrics: []NamedFile{{Name: "m.json", Data: []byte(`{"MetricDataResults": [{"Id": "inv", "Timestamps": ["2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"], "Values": [1, 2]}]}`)}}},
	} {
		imp, probs := ImportAWS(files)
		if imp != nil || !strings.Contains(probs.Error(), name) {
			t.Errorf("%s: import %v, problems %v", name, imp != nil, probs)
		}
	}
	// NAME=FILE names a file's function.
	imp, probs := ImportAWS(AWSFiles{Functions: fns, Concurrency: []NamedFile{{Name: "helloworld=reserved.json", Data: []byte(`{"ReservedConcurrentExecutions": 7}`)}}})
	if len(probs) > 0 || imp.Scenario.Functions[0].ReservedConcurrency != 7 {
		t.Errorf("NAME=FILE: %v", probs)
	}
}

func TestGroupNotes(t *testing.T) {
	fns := map[string]int{"a": 0, "b": 1, "c": 2, "d": 3, "e": 4}
	got := groupNotes([]string{"a: no metrics", "x: not a function", "b: no metrics", "c: slow", "d: no metrics", "e: no metrics", "General note."}, fns)
	want := []string{"a, b, d and 1 more: no metrics", "x: not a function", "c: slow", "General note."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("notes %q, want %q", got, want)
	}
}
