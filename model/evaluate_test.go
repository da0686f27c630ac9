package model

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"planner/model/internal/check"
	"planner/model/keepalive"
	"planner/model/pricing"
	"planner/model/simulate"
	"planner/model/spec"
)

func TestEvaluateDefaultScenario(t *testing.T) {
	s := DefaultScenario()
	r := mustEvaluate(t, &s)
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

// The compliance option reproduces the spec's banking model for a function.
func TestComplianceMatchesBankingModel(t *testing.T) {
	s := NewScenario()
	s.Pricing.Profile, s.Pricing.Architecture, s.Pricing.FreeTier = "reference", pricing.X86_64, false
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
	r := mustEvaluate(t, &s)
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
	r := mustEvaluate(t, &s)
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
	arm := mustEvaluate(t, &s)
	if arm.TotalSummary.LambdaCost >= x86.TotalSummary.LambdaCost {
		t.Errorf("arm64 %v not cheaper than x86 %v", arm.TotalSummary.LambdaCost, x86.TotalSummary.LambdaCost)
	}
	check.Near(t, "HTTP API", arm.Functions[0].SupportingServices.APIGateway, 2e6*1.00/1e6)
}

func TestMemoryDurationsMarkMeasuredPoints(t *testing.T) {
	f := DefaultFunction()
	f.AllocatedMemoryMb, f.AvgExecutionTimeMs = 2048, 400
	f.ExecutionTimesByMemory = []MeasuredDuration{{MemoryMb: 1024, ExecutionTimeMs: 700}}
	d := memoryDurations(&f, pricing.X86_64)
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

// A function can take its cold-start rate from the keep-alive model of its
// traffic; the report says which method gave it.
func TestColdStartMethodModel(t *testing.T) {
	s := DefaultScenario()
	for i := range s.Functions {
		s.Functions[i].ColdStartMethod = ColdStartReference
	}
	s.Functions[1].ColdStartMethod = ColdStartModel
	r := mustEvaluate(t, &s)
	f := r.Functions[1]
	day, ready := keepalive.SolveDay(nil, f.Traffic.RequestsPerHour, 300, 1300, 10, nil, 512)
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
	r := mustEvaluate(t, &s)
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

// mustEvaluate is the report of a valid scenario; a problem fails the test.
func mustEvaluate(t testing.TB, s *Scenario) *Report {
	t.Helper()
	r, probs := Evaluate(s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return r
}

// On a real profile a function's INIT phases are billed (cold starts × INIT
// duration × memory) and its X-Ray traces follow the sampling rule: adding
// a function raises the global services by no more than its own traces
// cost. The reference profile bills neither way (the spec's numbers).
func TestEvaluateBillsInitAndSampledTraces(t *testing.T) {
	s := DefaultScenario()
	r := mustEvaluate(t, &s)
	f, fr := &s.Functions[0], &r.Functions[0]
	wantInit := fr.Traffic.MonthlyInvocations * fr.ColdStartRate.Rate * f.ColdStartDurationMs / 1000 * float64(f.AllocatedMemoryMb) / 1024
	check.Near(t, "INIT GB-s", fr.CostBreakdown.InitGBSeconds, wantInit)
	if fr.CostBreakdown.InitCost <= 0 {
		t.Errorf("no INIT cost: %+v", fr.CostBreakdown)
	}
	busy := DefaultFunction()
	busy.Name, busy.InvocationsPerSecond = "busy", ptr(200.0)
	s.Functions = append(s.Functions, busy)
	r2 := mustEvaluate(t, &s)
	added := r2.GlobalServices.XRay - r.GlobalServices.XRay
	if own := r2.Functions[4].Traffic.XRayTraces * 5e-6; added > own*(1+1e-9) || added <= 0 {
		t.Errorf("X-Ray rose by $%.2f for a function whose traces cost $%.2f", added, own)
	}
	s.Pricing.Profile = "reference"
	ref := mustEvaluate(t, &s)
	if ref.Functions[0].CostBreakdown.InitCost != 0 || ref.GlobalServices.XRayTraces != ref.TotalSummary.TotalMonthlyInvocations {
		t.Errorf("reference: INIT %v, traces %v of %v invocations", ref.Functions[0].CostBreakdown.InitCost,
			ref.GlobalServices.XRayTraces, ref.TotalSummary.TotalMonthlyInvocations)
	}
}

// One voice for X-Ray: the functions' traces add up to the application's
// on a real profile and under the spec's every-invocation convention.
func TestFunctionTracesAddUpToTheApplications(t *testing.T) {
	for _, profile := range []string{"aws-us-east-1", "reference"} {
		s := DefaultScenario()
		s.Pricing.Profile = profile
		r := mustEvaluate(t, &s)
		sum := 0.0
		for _, f := range r.Functions {
			sum += f.Traffic.XRayTraces
		}
		if g := r.GlobalServices.XRayTraces; math.Abs(sum-g) > 1e-9*g || g == 0 {
			t.Errorf("%s: functions trace %v, the application %v", profile, sum, g)
		}
	}
}

// Alert rules fire at each function's targets on a real profile, by the
// spec's rules under the reference profile.
func TestAlertsFollowTargets(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].TargetP99LatencyMs = ptr(750.0)
	conditions := func(r *Report) map[string]string {
		out := map[string]string{}
		for _, a := range r.Alerts {
			out[a.Name] = a.Condition
		}
		return out
	}
	real := conditions(mustEvaluate(t, &s))
	if real["user_authenticationHighTailDuration"] != `aws_lambda_duration_p99{function_name="user_authentication"} > 750` ||
		real["user_authenticationHighColdStartRate"] != `aws_lambda_cold_start_rate{function_name="user_authentication"} > 0.05` {
		t.Errorf("real profile: %v", real)
	}
	s.Pricing.Profile = "reference"
	spec := conditions(mustEvaluate(t, &s))
	if spec["user_authenticationHighDuration"] != `aws_lambda_duration_p95{function_name="user_authentication"} > 2000` ||
		spec["LambdaCostAnomaly"] != "increase(aws_lambda_cost_daily[1d]) > 1.5" {
		t.Errorf("reference profile: %v", spec)
	}
}

// The go-live checklist has the spec's 25 items in five phases; the
// scenario's ticks mark them done; answers come from the report.
func TestChecklist(t *testing.T) {
	s := DefaultScenario()
	s.Checklist = []string{"assess-costs", "validate-sla"}
	r := mustEvaluate(t, &s)
	phases := map[string]int{}
	done := 0
	for _, it := range r.Checklist {
		phases[it.Phase]++
		if it.Done {
			done++
		}
		if it.ID == "assess-costs" && !strings.Contains(it.Answer, "$917.21") {
			t.Errorf("the cost item says %q", it.Answer)
		}
	}
	if len(r.Checklist) != 25 || len(phases) != 5 || done != 2 {
		t.Errorf("%d items in %d phases, %d done", len(r.Checklist), len(phases), done)
	}
	s.Checklist = []string{"assess-costs", "assess-costs"}
	if _, probs := Evaluate(&s); len(probs) == 0 || !strings.Contains(probs.Error(), "checklist[1]") {
		t.Errorf("a repeated tick: %v", probs)
	}
	s.Checklist = []string{"launch-rockets"}
	if _, probs := Evaluate(&s); len(probs) == 0 || !strings.Contains(probs.Error(), "checklist[0]") {
		t.Errorf("an unknown item: %v", probs)
	}
}

// A scenario read by ParseScenario evaluates to the same report whether
// EvaluateWith validates it again or is told it was (Sources.Validated).
func TestValidatedScenarioEvaluatesTheSame(t *testing.T) {
	for _, pr := range Presets() {
		sc := pr.Scenario()
		data, err := json.Marshal(&sc)
		if err != nil {
			t.Fatal(err)
		}
		read, probs := ParseScenario(data)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", pr.ID, probs)
		}
		again := *read
		again.Functions = slices.Clone(read.Functions)
		want, _ := Evaluate(read)
		got, probs := EvaluateWith(&again, Sources{Validated: true})
		if len(probs) > 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the report differs when the reading's validation is trusted (%v)", pr.ID, probs)
		}
	}
}
