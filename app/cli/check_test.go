package cli

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

// rareAPI is a latency-sensitive API at one request every 1,000 s: P(cold)
// about 0.55 on a 10-minute keep-alive.
const rareAPI = `{"version": 1, "name": "Rare API", "functions": [{"name": "checkout", "type": "api", "cold_start_sensitive": true,
	"invocations_per_second": 0.001, "avg_execution_time_ms": 120, "p95_execution_time_ms": 250, "p99_execution_time_ms": 400,
	"allocated_memory_mb": 512, "actual_memory_usage_mb": 200}]}`

// check runs planner check on a scenario and decodes its JSON.
func check(t *testing.T, scenario string) (int, checkResult) {
	t.Helper()
	code, out, errs := run(t, scenario, "check", "-", "--format", "json")
	var c checkResult
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("exit %d, %v: %q %q", code, err, out, errs)
	}
	return code, c
}

// A rare interactive API misses its cold-start target (exit 1); with a
// provisioned instance it meets every target (exit 0); invalid input and
// usage errors exit 2.
func TestCheckExitCodes(t *testing.T) {
	code, c := check(t, rareAPI)
	if code != 1 || c.Met || len(c.Functions) != 1 {
		t.Fatalf("rare API: exit %d %+v", code, c)
	}
	f := c.Functions[0]
	if f.Class != "interactive" || f.Met || f.Targets[0].Name != "cold_start_rate" || f.Targets[0].Met ||
		f.Targets[0].Value < 0.5 || f.Targets[0].Value > 0.6 || f.Targets[0].Limit != 0.05 {
		t.Errorf("cold-start target: %+v", f.Targets)
	}
	if len(f.NotComputed) != 1 || f.NotComputed[0].Name != "error_rate" {
		t.Errorf("the error rate is not computed: %+v", f.NotComputed)
	}
	warm := strings.Replace(rareAPI, `"allocated_memory_mb"`, `"provisioned_concurrency": 1, "allocated_memory_mb"`, 1)
	if code, c := check(t, warm); code != 0 || !c.Met {
		t.Errorf("with a provisioned instance: exit %d %+v", code, c)
	}
	if code, _, errs := run(t, `{"version": 1, "functions": [{"name": "f", "allocated_memory_mb": 1}]}`, "check", "-"); code != 2 ||
		!strings.Contains(errs, "functions[0].allocated_memory_mb") {
		t.Errorf("invalid scenario: exit %d %q", code, errs)
	}
	if code, _, _ := run(t, rareAPI, "check", "-", "--format", "yaml"); code != 2 {
		t.Errorf("unknown format: exit %d", code)
	}
	if code, out, _ := run(t, rareAPI, "check", "-"); code != 1 || !strings.Contains(out, "✗ Cold-start rate") || !strings.Contains(out, "? Error rate") {
		t.Errorf("text: exit %d\n%s", code, out)
	}
}

// The JUnit report has a case per target, a failure per missed one and a
// skipped case per target no model computes, counted in its attributes.
func TestCheckJUnit(t *testing.T) {
	code, out, _ := run(t, rareAPI, "check", "-", "--format", "junit")
	var doc junitSuites
	if err := xml.Unmarshal([]byte(out), &doc); err != nil || code != 1 {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	_, c := check(t, rareAPI)
	f := c.Functions[0]
	missed := 0
	for _, tg := range f.Targets {
		if !tg.Met {
			missed++
		}
	}
	s := doc.Suites[0]
	if len(doc.Suites) != 1 || s.Name != "checkout" || s.Tests != len(f.Targets)+len(f.NotComputed) || s.Failures != missed ||
		s.Skipped != 1 || doc.Failures != missed || len(s.Cases) != s.Tests {
		t.Errorf("suites: %+v (targets %+v)", doc, f.Targets)
	}
	for _, tc := range s.Cases {
		if tc.Name == "cold_start_rate" && (tc.Failure == nil || !strings.Contains(tc.Failure.Message, "target ≤ 5%")) {
			t.Errorf("cold-start case: %+v", tc)
		}
	}
}

// planner tune prints a scenario that planner check accepts, and its
// changes on standard error; invalid input exits 2.
func TestTunePrintsACheckedScenario(t *testing.T) {
	code, out, errs := run(t, rareAPI, "tune", "-")
	if code != 0 || !strings.Contains(errs, "checkout:") || !strings.Contains(errs, "1 provisioned") {
		t.Fatalf("tune: exit %d\n%s", code, errs)
	}
	if code, c := check(t, out); code != 0 || !c.Met {
		t.Errorf("the tuned scenario fails its check: exit %d %+v", code, c)
	}
	if code, _, _ := run(t, `{"version": 1, "functions": [{"name": ""}]}`, "tune", "-"); code != 2 {
		t.Errorf("invalid scenario: exit %d", code)
	}
	unreachable := strings.Replace(rareAPI, `"allocated_memory_mb"`, `"targets": {"p50_latency_ms": 5}, "allocated_memory_mb"`, 1)
	if code, _, errs := run(t, unreachable, "tune", "-"); code != 1 || !strings.Contains(errs, "still missed: p50 latency") {
		t.Errorf("unreachable target: exit %d %s", code, errs)
	}
}
