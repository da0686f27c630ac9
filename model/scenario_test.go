package model

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"planner/model/internal/check"
	"planner/model/keepalive"
	"planner/model/pricing"
	"planner/model/simulate"
	"planner/model/spec"
)

func problemPaths(ps Problems) map[string]string {
	m := map[string]string{}
	for _, p := range ps {
		m[p.Path] = p.Message
	}
	return m
}

// wantProblems checks that probs has, at each path, a message saying want.
func wantProblems(t *testing.T, probs Problems, want map[string]string) {
	t.Helper()
	got := problemPaths(probs)
	for path, says := range want {
		if !strings.Contains(got[path], says) {
			t.Errorf("%s: %q, want it to say %q (all: %v)", path, got[path], says, probs)
		}
	}
}

func TestParseScenarioDefaultsAndDerivedRates(t *testing.T) {
	s, probs := ParseScenario([]byte(`{"version":1,"functions":[{"name":"a","monthly_invocations":2628000},{"name":"b","invocations_per_second":2},{"name":"c"}]}`))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if s.Pricing != DefaultPricing() || s.SecretsCount != 5 {
		t.Errorf("scenario defaults: %+v", s)
	}
	a := s.Functions[0]
	if a.AllocatedMemoryMb != 256 || a.AvgExecutionTimeMs != 500 || a.Runtime != "python3.9" || len(a.TrafficProfile) != 24 {
		t.Errorf("function defaults: %+v", a)
	}
	seconds := 730 * 3600.0
	ips, monthly := a.Traffic(seconds)
	check.Near(t, "derived rate", ips, 1)
	check.Near(t, "given monthly", monthly, 2628000)
	_, monthly = s.Functions[1].Traffic(seconds)
	check.Near(t, "derived monthly", monthly, 2*seconds)
	ips, monthly = s.Functions[2].Traffic(seconds)
	check.Near(t, "spec default rate", ips, 100)
	check.Near(t, "spec default monthly", monthly, 100000)
}

func TestParseScenarioReportsEveryProblemWithItsPath(t *testing.T) {
	_, probs := ParseScenario([]byte(`{
		"version": 1,
		"pricing": {"profile": "reference", "architecture": "arm64"},
		"functions": [
			{"name": "a", "allocated_memory_mb": 64, "cold_start_rate": 1.5, "type": "web", "avg_execution_time_ms": 0},
			{"name": "a", "traffic_profile": [1, 2], "p95_execution_time_ms": 900, "p99_execution_time_ms": 800},
			{"name": "", "provisioned_concurrency": 5, "reserved_concurrency": 2, "runtime": "cobol"}
		]}`))
	got := problemPaths(probs)
	for _, path := range []string{
		"pricing.architecture",
		"functions[0].allocated_memory_mb", "functions[0].cold_start_rate", "functions[0].type", "functions[0].avg_execution_time_ms",
		"functions[1].name", "functions[1].traffic_profile", "functions[1].p99_execution_time_ms",
		"functions[2].name", "functions[2].provisioned_concurrency", "functions[2].runtime",
	} {
		if _, ok := got[path]; !ok {
			t.Errorf("no problem at %s; got %v", path, probs)
		}
	}
	if len(got) != 11 {
		t.Errorf("%d problems, want 11: %v", len(probs), probs)
	}
}

func TestParseScenarioRefusesWrongTypesAndUnknownKeys(t *testing.T) {
	_, probs := ParseScenario([]byte(`{"version":1,"functions":[{"name":"a","allocated_memory_mb":"big","vpc_enabled":"yes","alocated_memory_mb":512,"reserved_concurrency":1.5}],"extra":1}`))
	wantProblems(t, probs, map[string]string{
		"functions[0].allocated_memory_mb":  "whole number",
		"functions[0].vpc_enabled":          "true or false",
		"functions[0].alocated_memory_mb":   "unknown field",
		"functions[0].reserved_concurrency": "whole number",
		"extra":                             "unknown field",
	})
	for _, bad := range []string{``, `{`, `[]`, `"x"`, `{"version": 99}`, `{"functions": {"a": {}}}`, `{"version":1,"functions":[{"name":"x","burst_multiplier":NaN}]}`} {
		if _, probs := ParseScenario([]byte(bad)); len(probs) == 0 {
			t.Errorf("accepted %q", bad)
		}
	}
}

// A value of the wrong type and a value out of range are reported
// together; a field that did not decode is reported once, by its type.
func TestParseScenarioReportsTypeAndRangeProblemsTogether(t *testing.T) {
	_, probs := ParseScenario([]byte(`{"functions":[{"name":"a","allocated_memory_mb":"big","avg_execution_time_ms":-5,"traffic_profile":"flat"}],"secrets_count":-1}`))
	wantProblems(t, probs, map[string]string{
		"functions[0].allocated_memory_mb":   "whole number",
		"functions[0].avg_execution_time_ms": "negative",
		"functions[0].traffic_profile":       "expected a list",
		"secrets_count":                      "negative",
	})
	if len(probs) != 4 {
		t.Errorf("%d problems, want 4: %v", len(probs), probs)
	}
	if _, probs := ParseScenario([]byte(`{"functions": [`)); len(probs) != 1 || probs[0].Path != "" {
		t.Errorf("malformed JSON: %v, want its syntax error alone", probs)
	}
}

func TestValidateRefusesNonFiniteNumbers(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].AvgExecutionTimeMs = math.NaN()
	s.Functions[1].ColdStartDurationMs = math.Inf(1)
	s.Functions[2].TrafficProfile[3] = math.Inf(-1)
	inf := math.Inf(1)
	s.Functions[3].MonthlyInvocations = &inf
	got := problemPaths(Validate(&s))
	for _, path := range []string{"functions[0].avg_execution_time_ms", "functions[1].cold_start_duration_ms",
		"functions[2].traffic_profile[3]", "functions[3].monthly_invocations"} {
		if !strings.Contains(got[path], "finite") {
			t.Errorf("%s: %q", path, got[path])
		}
	}
}

func TestEvaluateDefaultScenario(t *testing.T) {
	s := DefaultScenario()
	r, probs := Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("report does not encode: %v", err)
	}
	ts := r.TotalSummary
	sum := r.GlobalServices.TotalCost
	for _, f := range r.Functions {
		sum += f.TotalMonthlyCost
	}
	check.Near(t, "total is the sum of its parts", ts.TotalMonthlyCost, sum)
	check.Near(t, "invocations", ts.TotalMonthlyInvocations, 17.8e6)
	// The free tier is used in full by a 17.8M-invocation account.
	check.Near(t, "free requests", r.Pricing.FreeRequests, 1e6)
	check.Near(t, "free GB-s", r.Pricing.FreeGBSeconds, 400000)
	// AWS does not bill reserved concurrency.
	if ts.ProvisionedCost != 0 {
		t.Errorf("reserved concurrency billed under aws-us-east-1: %v", ts.ProvisionedCost)
	}
	if len(r.Alerts) == 0 || len(r.ScalingProjections) != 4 {
		t.Errorf("alerts %d projections %d", len(r.Alerts), len(r.ScalingProjections))
	}
}

// Under the reference profile the default scenario costs what the spec's
// e-commerce example costs through `planner calc infrastructure`: the rates
// differ (the scenario derives invocations per second), the bill does not.
func TestDefaultScenarioMatchesSpecExampleBill(t *testing.T) {
	spec := `{"functions": {
	  "user_authentication": {"monthly_invocations": 2000000, "allocated_memory_mb": 256, "actual_memory_usage_mb": 180, "avg_execution_time_ms": 150, "reserved_concurrency": 10, "api_gateway_enabled": true, "dynamodb_enabled": true, "dynamodb_read_units": 10, "dynamodb_write_units": 5, "log_data_gb_monthly": 2},
	  "product_catalog": {"monthly_invocations": 5000000, "allocated_memory_mb": 512, "actual_memory_usage_mb": 400, "avg_execution_time_ms": 300, "reserved_concurrency": 20, "api_gateway_enabled": true, "s3_enabled": true, "s3_storage_gb": 500, "s3_requests_monthly": 100000, "log_data_gb_monthly": 5},
	  "order_processing": {"monthly_invocations": 800000, "allocated_memory_mb": 1024, "actual_memory_usage_mb": 800, "avg_execution_time_ms": 800, "reserved_concurrency": 15, "dynamodb_enabled": true, "dynamodb_read_units": 20, "dynamodb_write_units": 20, "log_data_gb_monthly": 3},
	  "analytics_processor": {"monthly_invocations": 10000000, "allocated_memory_mb": 3008, "actual_memory_usage_mb": 2800, "avg_execution_time_ms": 1200, "reserved_concurrency": 50, "s3_enabled": true, "s3_storage_gb": 2000, "s3_requests_monthly": 500000, "log_data_gb_monthly": 10}},
	  "secrets_count": 8}`
	out, probs := Calc("infrastructure", []byte(spec))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	want := out.(specInfrastructure)
	s := DefaultScenario()
	s.Pricing = Pricing{Profile: "reference", Architecture: pricing.X86_64}
	got, probs := Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	check.Near(t, "total", got.TotalSummary.TotalMonthlyCost, want.TotalSummary.TotalMonthlyCost)
	for _, f := range got.Functions {
		w := want.FunctionDetails[f.Name]
		check.Near(t, f.Name, f.TotalMonthlyCost, w.CostBreakdown.TotalFunctionCost+w.SupportingServices.TotalCost)
	}
}

// The compliance option reproduces the spec's banking model for a function.
func TestComplianceMatchesBankingModel(t *testing.T) {
	s := NewScenario()
	s.Pricing = Pricing{Profile: "reference", Architecture: pricing.X86_64}
	s.Compliance.Enabled = true
	s.Compliance.AdditionalServices = []spec.FixedService{{Name: "WAF", MonthlyCost: 10000}, {Name: "DR", MonthlyCost: 25000}}
	fraud := DefaultFunction()
	fraud.Name = "fraud_detection"
	fraud.MonthlyInvocations = ptr(50e6)
	fraud.AllocatedMemoryMb, fraud.AvgExecutionTimeMs, fraud.ReservedConcurrency = 1024, 150, 1000
	fraud.ComplianceRequirements = []spec.ComplianceRequirement{spec.PCIDSS, spec.SOX}
	notify := DefaultFunction()
	notify.Name = "account_notifications"
	notify.MonthlyInvocations = ptr(200e6)
	notify.AllocatedMemoryMb, notify.AvgExecutionTimeMs, notify.ReservedConcurrency = 256, 100, 500
	s.Functions = []Function{fraud, notify}
	r, probs := Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	// The spec's banking formulas, written out.
	bank := func(invocations, memory, ms, reserved, overhead float64) float64 {
		compute := memory / 1024 * ms / 1000 * 0.0000166667 * invocations
		return compute + 0.0000002*invocations + reserved*24*30*(memory/1024*0.0000097*3600) + compute*overhead + invocations*0.0000001
	}
	check.Near(t, "fraud_detection", r.Functions[0].CostBreakdown.TotalFunctionCost, bank(50e6, 1024, 150, 1000, 0.3))
	check.Near(t, "account_notifications", r.Functions[1].CostBreakdown.TotalFunctionCost, bank(200e6, 256, 100, 500, 0.1))
	check.Near(t, "additional services", r.Compliance.AdditionalServicesCost, 35000)
}

func TestEvaluateZeroTraffic(t *testing.T) {
	s := NewScenario()
	f := DefaultFunction()
	f.Name = "idle"
	f.MonthlyInvocations = ptr(0.0)
	s.Functions = []Function{f}
	r, probs := Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("NaN or Inf in the report: %v", err)
	}
	if r.TotalSummary.CostPerInvocation != 0 || r.Functions[0].ColdStart.OptimizationScenarios.Natural.AvgLatencyImpactMs != 0 {
		t.Errorf("%+v", r.TotalSummary)
	}
}

func TestEvaluateArm64AndHTTPAPI(t *testing.T) {
	s := DefaultScenario()
	x86, _ := Evaluate(&s)
	s.Pricing.Architecture = pricing.ARM64
	for i := range s.Functions {
		s.Functions[i].APIGatewayType = pricing.HTTPAPI
	}
	arm, probs := Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if arm.TotalSummary.LambdaCost >= x86.TotalSummary.LambdaCost {
		t.Errorf("arm64 %v not cheaper than x86 %v", arm.TotalSummary.LambdaCost, x86.TotalSummary.LambdaCost)
	}
	check.Near(t, "HTTP API", arm.Functions[0].SupportingServices.APIGateway, 2e6*1.00/1e6)
}

func TestMemoryDurationsMarkMeasuredPoints(t *testing.T) {
	f := DefaultFunction()
	f.AllocatedMemoryMb, f.AvgExecutionTimeMs = 2048, 400
	f.ExecutionTimesByMemory = []MeasuredDuration{{MemoryMb: 1024, ExecutionTimeMs: 700}}
	d := memoryDurations(&f)
	want := []spec.MemoryDuration{{MemoryMb: 128, ExecutionTimeMs: 6400, Measured: false}, {MemoryMb: 256, ExecutionTimeMs: 3200, Measured: false}, {MemoryMb: 512, ExecutionTimeMs: 1600, Measured: false}, {MemoryMb: 1024, ExecutionTimeMs: 700, Measured: true},
		{MemoryMb: 1536, ExecutionTimeMs: 400 * 2048 / 1536.0, Measured: false}, {MemoryMb: 2048, ExecutionTimeMs: 400, Measured: true}, {MemoryMb: 3008, ExecutionTimeMs: 400 * 2048 / 3008.0, Measured: false}}
	if len(d) != len(want) {
		t.Fatalf("%+v", d)
	}
	for i := range want {
		if d[i].MemoryMb != want[i].MemoryMb || d[i].Measured != want[i].Measured || math.Abs(d[i].ExecutionTimeMs-want[i].ExecutionTimeMs) > 1e-9 {
			t.Errorf("%d: %+v, want %+v", i, d[i], want[i])
		}
	}
}

func TestExportsEscapeUserText(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].Name = "<img src=x onerror=alert(1)>|x"
	s.Functions[1].Name = "=HYPERLINK(1)"
	r, probs := Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	var md, csv strings.Builder
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&csv, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "<img") || !strings.Contains(md.String(), `&lt;img src=x onerror=alert(1)&gt;\|x`) {
		t.Errorf("markdown does not escape the name:\n%s", md.String())
	}
	if strings.Contains(csv.String(), "\n=HYPERLINK") || !strings.Contains(csv.String(), "'=HYPERLINK(1)") {
		t.Errorf("csv lets a formula through:\n%s", csv.String())
	}
	if lines := strings.Count(csv.String(), "\n"); lines != len(r.Functions)+2 {
		t.Errorf("csv has %d lines", lines)
	}
}

// A report read back from its JSON encodes to the same JSON.
func TestReportJSONRoundTrip(t *testing.T) {
	s := DefaultScenario()
	r, _ := Evaluate(&s)
	first, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(first, &back); err != nil {
		t.Fatal(err)
	}
	second, _ := json.Marshal(&back)
	if string(first) != string(second) {
		t.Error("report JSON does not survive a round trip")
	}
}

func TestPrometheusRules(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].Name = "a\"b\\c\nd"
	r, _ := Evaluate(&s)
	var b strings.Builder
	if err := WritePrometheusRules(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "- alert: "); n != len(r.Alerts) {
		t.Errorf("%d rules written, want %d", n, len(r.Alerts))
	}
	if !strings.Contains(out, `alert: "a\"b\\c\ndHighDuration"`) || strings.Contains(out, "\nd") {
		t.Errorf("name not escaped:\n%s", out[:400])
	}
}

func TestMetricValue(t *testing.T) {
	s := DefaultScenario()
	r, _ := Evaluate(&s)
	for metric, want := range map[string]float64{
		"total_summary.total_monthly_cost":                          r.TotalSummary.TotalMonthlyCost,
		"functions.2.total_monthly_cost":                            r.Functions[2].TotalMonthlyCost,
		"scaling_projections.10x_scale.monthly_cost":                r.ScalingProjections[2].MonthlyCost,
		"functions.0.memory.memory_configurations.512.monthly_cost": r.Functions[0].Memory.MemoryConfigurations[2].MonthlyCost,
	} {
		if got, ok := MetricValues(r, []string{metric}); !ok[0] || got[0] != want {
			t.Errorf("%s = %v (%v), want %v", metric, got[0], ok[0], want)
		}
	}
	for _, bad := range []string{"", "functions.9.total_monthly_cost", "functions.x", "scenario", "functions.0"} {
		if _, ok := MetricValues(r, []string{bad}); ok[0] {
			t.Errorf("%q resolved", bad)
		}
	}
}

func TestPresetsAreValid(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range Presets() {
		s := p.Scenario()
		r, probs := Evaluate(&s)
		if len(probs) > 0 {
			t.Errorf("%s: %v", p.ID, probs)
			continue
		}
		if ids[p.ID] || p.Name == "" || r.TotalSummary.TotalMonthlyCost <= 0 {
			t.Errorf("%s: duplicate or empty", p.ID)
		}
		ids[p.ID] = true
		u, _ := LinkURL("https://planner.example/", &s)
		back, probs := DecodeLink(u)
		if len(probs) > 0 || back.Name != s.Name {
			t.Errorf("%s does not survive a link: %v", p.ID, probs)
		}
	}
	if len(ids) != 7 {
		t.Errorf("%d presets", len(ids))
	}
	bank, _ := LookupPreset("banking")
	s := bank.Scenario()
	r, _ := Evaluate(&s)
	check.Near(t, "banking additional services", r.Compliance.AdditionalServicesCost, 127000)
}

// A function can take its cold-start rate from the keep-alive model of its
// traffic; the report says which method gave it.
func TestColdStartMethodModel(t *testing.T) {
	s := DefaultScenario()
	s.Functions[1].ColdStartMethod = ColdStartModel
	r, probs := Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	f := r.Functions[1]
	day, ready := keepalive.SolveDay(nil, f.Traffic.RequestsPerHour, 300, 1300, 10, 0, 512)
	if !ready || f.ColdStartRate.Method != ColdStartModel || f.ColdStartRate.Rate != day.ColdStartProbability || f.ColdStartRate.Model == nil {
		t.Errorf("%+v", f.ColdStartRate)
	}
	if f.ExecutionCapacity.ColdStartImpact.ColdStartRate != day.ColdStartProbability {
		t.Error("the capacity figures do not use the modelled rate")
	}
	if r.Functions[0].ColdStartRate.Method != ColdStartReference || r.Functions[0].ColdStartRate.Rate != 0.05 {
		t.Errorf("%+v", r.Functions[0].ColdStartRate)
	}
	// A solver given to EvaluateWith (a browser's, remembering its solves)
	// gives the modelled rates; while one of its hours is not ready, the
	// rate given stands in, pending.
	solves := 0
	fixed, _ := EvaluateWith(&s, Sources{KeepAlive: func(k keepalive.Input) (keepalive.Result, bool) {
		solves++
		return keepalive.Result{ColdStartProbability: 0.25, AvgInstances: 3}, true
	}})
	if got := fixed.Functions[1].ColdStartRate; got.Rate != 0.25 || got.Model.AvgInstances != 3 || got.Pending || solves == 0 || solves > 24 {
		t.Errorf("with a given solver: %+v after %d solves", got, solves)
	}
	asked := 0
	waiting, _ := EvaluateWith(&s, Sources{KeepAlive: func(k keepalive.Input) (keepalive.Result, bool) {
		asked++
		return keepalive.Result{}, asked%2 == 0
	}})
	if got := waiting.Functions[1].ColdStartRate; !got.Pending || got.Model != nil || got.Rate != s.Functions[1].ColdStartRate || asked != solves {
		t.Errorf("an hour not ready: %+v, %d of %d hours asked for", got, asked, solves)
	}
	s.Functions[1].ColdStartMethod = "guess"
	if probs := Validate(&s); len(probs) != 1 || probs[0].Path != "functions[1].cold_start_method" {
		t.Errorf("%v", probs)
	}
}

func BenchmarkEvaluateDefaultModelMethod(b *testing.B) {
	s := DefaultScenario()
	for i := range s.Functions {
		s.Functions[i].ColdStartMethod = ColdStartModel
	}
	for b.Loop() {
		Evaluate(&s)
	}
}

// A simulated cold-start rate comes from a seeded day of the function: the
// same in the CLI and the browser; pending while a browser has not run it.
func TestColdStartMethodSimulated(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].ColdStartMethod = ColdStartSimulated
	r, probs := Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	f := r.Functions[0]
	want := simulate.Run(FunctionSimulationInput(&s.Functions[0], &f, 10, NameSeed("user_authentication")))
	if f.ColdStartRate.Method != ColdStartSimulated || f.ColdStartRate.Rate != want.ColdStartProbability || f.ColdStartRate.Simulated == nil {
		t.Errorf("%+v", f.ColdStartRate)
	}
	var asked []simulate.Input
	pending, _ := EvaluateWith(&s, Sources{Simulations: func(in simulate.Input) (simulate.Result, bool) {
		asked = append(asked, in)
		return simulate.Result{}, false
	}})
	pf := pending.Functions[0].ColdStartRate
	if !pf.Pending || pf.Model == nil || pf.Rate != pf.Model.ColdStartProbability || len(asked) != 1 {
		t.Errorf("pending: %+v, %d asked", pf, len(asked))
	}
}

func TestSimulatedMethodRefusesDaysTooBusyToSimulate(t *testing.T) {
	s := DefaultScenario()
	s.Pricing.Profile = "aws-us-east-1" // 730-hour month
	f := &s.Functions[1]
	f.ColdStartMethod = ColdStartSimulated
	limitPerMonth := float64(MaxSimulatedRequestsPerDay) * 730 / 24
	f.InvocationsPerSecond, f.MonthlyInvocations = nil, &limitPerMonth
	if _, probs := Evaluate(&s); len(probs) > 0 {
		t.Fatalf("a day at the limit is refused: %v", probs)
	}
	over := limitPerMonth * 1.01
	f.MonthlyInvocations = &over
	_, probs := Evaluate(&s)
	if len(probs) != 1 || probs[0].Path != "functions[1].cold_start_method" ||
		!strings.Contains(probs[0].Message, "20,000,000") || !strings.Contains(probs[0].Message, `"model"`) {
		t.Fatalf("%v", probs)
	}
	f.ColdStartMethod = ColdStartModel
	if _, probs := Evaluate(&s); len(probs) > 0 {
		t.Fatalf("the model method is refused: %v", probs)
	}
}
