package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planner/model"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestCalcPrintsTheSpecOutput(t *testing.T) {
	code, out, errs := run(t, `{"invocations_per_second": 500, "avg_execution_time_ms": 300}`, "calc", "execution-capacity")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got["execution_analysis"].(map[string]any)["avg_concurrent_executions"] != 150.0 {
		t.Errorf("%v", got["execution_analysis"])
	}
}

func TestCalcRefusesBadInputOneLinePerProblem(t *testing.T) {
	code, out, errs := run(t, `{"allocated_memory_mb": 64, "cold_start_rate": 2, "burst_multiplier": -1, "avg_execution_time_ms": "slow"}`, "calc", "execution-capacity")
	if code != 1 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 4 lines, got %q", errs)
	}
	for i, field := range []string{"avg_execution_time_ms", "allocated_memory_mb", "cold_start_rate", "burst_multiplier"} {
		if !strings.Contains(lines[i], field) {
			t.Errorf("line %q does not name %s", lines[i], field)
		}
	}
	for _, input := range []string{"", "{", "[]", `{"memory_mb": "fast"}`, `{"memory_mb": 1e999}`, "\x00"} {
		code, _, errs := run(t, input, "calc", "lambda-cost")
		if code != 1 || strings.Contains(errs, "goroutine") || strings.Count(errs, "\n") < 1 {
			t.Errorf("%q: exit %d, %q", input, code, errs)
		}
	}
}

func TestCalcUsageErrors(t *testing.T) {
	if code, _, errs := run(t, "{}", "calc", "nope"); code != 1 || !strings.Contains(errs, "execution-capacity") {
		t.Errorf("unknown model: exit %d %q", code, errs)
	}
	if code, _, _ := run(t, "{}", "calc"); code != 2 {
		t.Errorf("missing model: exit %d", code)
	}
	if code, _, _ := run(t, "", "frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
}

func TestReportDefaultScenario(t *testing.T) {
	code, out, errs := run(t, "", "report")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r model.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	d := model.DefaultScenario()
	want, _ := model.Evaluate(&d)
	if r.TotalSummary.TotalMonthlyCost != want.TotalSummary.TotalMonthlyCost || len(r.Functions) != 4 {
		t.Errorf("report %v, want %v", r.TotalSummary, want.TotalSummary)
	}
}

func TestReportFormatsAndFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "s.json")
	os.WriteFile(good, []byte(`{"version":1,"name":"Tiny","functions":[{"name":"f","monthly_invocations":1000}]}`), 0o600)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"version":1,"functions":[{"name":"f","allocated_memory_mb":1},{"name":"f"}]}`), 0o600)

	code, out, _ := run(t, "", "report", good, "--format", "markdown")
	if code != 0 || !strings.HasPrefix(out, "# Tiny") {
		t.Errorf("markdown: exit %d %q", code, out)
	}
	code, out, _ = run(t, "", "report", "--format", "csv", good)
	if code != 0 || !strings.HasPrefix(out, "function,") || strings.Count(out, "\n") != 3 {
		t.Errorf("csv: exit %d %q", code, out)
	}
	code, out, _ = run(t, `{"version":1,"functions":[]}`, "report", "-")
	if code != 0 || !strings.Contains(out, `"total_summary"`) {
		t.Errorf("stdin: exit %d %q", code, out)
	}
	code, _, errs := run(t, "", "report", bad)
	if code != 1 || !strings.Contains(errs, "functions[0].allocated_memory_mb") || !strings.Contains(errs, "functions[1].name") {
		t.Errorf("bad scenario: exit %d %q", code, errs)
	}
	if code, _, _ := run(t, "", "report", filepath.Join(dir, "missing.json")); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	if code, _, _ := run(t, "", "report", "--format", "xml"); code != 2 {
		t.Errorf("unknown format: exit %d", code)
	}
}

func TestLinkAndOpenRoundTrip(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "s.json")
	os.WriteFile(file, []byte(`{"version":1,"name":"Shared","functions":[{"name":"f","monthly_invocations":12345,"allocated_memory_mb":2048}]}`), 0o600)
	code, out, errs := run(t, "", "link", file, "--base", "https://planner.example/app")
	if code != 0 || !strings.HasPrefix(out, "https://planner.example/app#s=2.") {
		t.Fatalf("link: exit %d %q %q", code, out, errs)
	}
	code, opened, errs := run(t, "", "open", strings.TrimSpace(out))
	if code != 0 {
		t.Fatalf("open: exit %d %q", code, errs)
	}
	s, probs := model.ParseScenario([]byte(opened))
	if len(probs) > 0 || s.Name != "Shared" || s.Functions[0].AllocatedMemoryMb != 2048 || *s.Functions[0].MonthlyInvocations != 12345 {
		t.Errorf("opened %v %v", s, probs)
	}
	if code, _, errs := run(t, "", "open", "https://planner.example/#s=1.@@@"); code != 1 || !strings.Contains(errs, "damaged") {
		t.Errorf("damaged link: exit %d %q", code, errs)
	}
	if code, out, _ := run(t, "", "link"); code != 0 || !strings.HasPrefix(out, defaultLinkBase+"#s=") {
		t.Errorf("default link: exit %d %q", code, out)
	}
}

func TestSimulate(t *testing.T) {
	code, out, errs := run(t, "", "simulate", "--function", "order_processing", "--keep-alive", "5")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	var sims []model.FunctionSimulation
	if err := json.Unmarshal([]byte(out), &sims); err != nil {
		t.Fatal(err)
	}
	if len(sims) != 1 || sims[0].Name != "order_processing" || sims[0].Result.Arrivals == 0 || len(sims[0].Result.PerMinute) != 1440 {
		t.Errorf("%+v", sims)
	}
	if code, _, errs := run(t, "", "simulate", "--function", "nope"); code != 1 || !strings.Contains(errs, "nope") {
		t.Errorf("unknown function: %d %q", code, errs)
	}
	if code, _, _ := run(t, "", "simulate", "--keep-alive", "-1"); code != 1 {
		t.Errorf("negative keep-alive accepted")
	}
}

func TestPolicies(t *testing.T) {
	code, out, errs := run(t, "", "policies", "--function", "product_catalog")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	var got []struct {
		Function    string `json:"function"`
		Recommended string `json:"recommended"`
		Policies    []struct {
			Policy string `json:"policy"`
		} `json:"policies"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Function != "product_catalog" || len(got[0].Policies) != 4 || got[0].Recommended == "" {
		t.Errorf("%+v", got)
	}
}

func TestSimulateAndPoliciesRefuseDaysTooBusy(t *testing.T) {
	busy := `{"version":1,"functions":[{"name":"firehose","invocations_per_second":1000}]}`
	for _, cmd := range []string{"simulate", "policies"} {
		code, out, errs := run(t, busy, cmd, "-")
		if code != 1 || out != "" || !strings.Contains(errs, "functions[0] (firehose)") || !strings.Contains(errs, "20,000,000") {
			t.Errorf("%s: exit %d, %q, %q", cmd, code, out, errs)
		}
	}
}

// A number flag set to NaN or an infinity is refused up front, naming it.
func TestNumberFlagsAreFinite(t *testing.T) {
	for _, v := range []string{"NaN", "Inf", "-Inf"} {
		code, _, errs := run(t, "", "simulate", "--keep-alive", v)
		if code != 2 || !strings.Contains(errs, "--keep-alive: must be a finite number") {
			t.Errorf("--keep-alive %s: exit %d, %q", v, code, errs)
		}
	}
}

// The commands written for AWS Lambda refuse a scenario whose functions
// run on another platform, naming pricing.platform and the platform.
func TestLambdaOnlyCommandsRefuseOtherPlatforms(t *testing.T) {
	s := model.DefaultScenario()
	s.Pricing.Platform = "gcp-cloud-run"
	doc, err := json.Marshal(&s)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"simulate", "-"}, {"policies", "-"}, {"export", "terraform", "-"}, {"tune", "-"}} {
		code, out, errs := run(t, string(doc), args...)
		if code == 0 || out != "" || !strings.Contains(errs, "pricing.platform: ") || !strings.Contains(errs, "Google Cloud Run") {
			t.Errorf("%v: exit %d, %q, %q", args, code, out, errs)
		}
	}
	if code, _, errs := run(t, string(doc), "report", "-"); code != 0 {
		t.Errorf("report on Cloud Run: exit %d, %s", code, errs)
	}
}
