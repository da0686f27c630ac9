package model

import (
	"strings"
	"testing"

	"planner/model/internal/check"
	"planner/model/platform"
)

// A scenario on another platform is billed, and its cold starts found, as
// the Clouds view puts it on that platform: one figure for each function's
// cost and cold-start rate, and the platform's bill meter by meter.
func TestOwnPlatformIsTheCloudsFigure(t *testing.T) {
	for _, id := range platform.IDs() {
		s := DefaultScenario()
		s.Pricing.Platform = id
		r, probs := Evaluate(&s)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", id, probs)
		}
		c := Clouds(&s, CloudsAssumptions(&s))
		var row *platform.Result
		for k := range c.Platforms {
			if c.Platforms[k].Platform == id {
				row = &c.Platforms[k]
			}
		}
		var md strings.Builder
		if err := platform.WriteMarkdown(&md, c); err != nil || c.Own != id || !strings.Contains(md.String(), "| "+row.Name+" (this scenario's) |") {
			t.Errorf("%s: Clouds names %q its own platform (%v)", id, c.Own, err)
		}
		if r.Pricing.Platform != id || r.Pricing.PlatformName != row.Name {
			t.Errorf("%s: report names %q (%q)", id, r.Pricing.Platform, r.Pricing.PlatformName)
		}
		check.Near(t, id+" functions' bill", r.TotalSummary.LambdaCost, row.MonthlyUSD)
		for i, f := range r.Functions {
			cb := f.CostBreakdown
			check.Near(t, id+" "+f.Name+" cost", cb.ComputeCost+cb.RequestCost+cb.InitCost+cb.ProvisionedCost+cb.EphemeralStorageCost, row.Functions[i].MonthlyUSD)
			check.Near(t, id+" "+f.Name+" cold-start rate", f.ColdStartRate.Rate, row.Functions[i].ColdStartRate)
		}
		if id == platform.LambdaID {
			if r.Pricing.Bill != nil || r.Pricing.Region != "" {
				t.Errorf("on AWS Lambda the report's bill is its own: %v %q", r.Pricing.Bill, r.Pricing.Region)
			}
			continue
		}
		total := 0.0
		for _, l := range r.Pricing.Bill {
			total += l.USD
		}
		check.Near(t, id+" bill's lines", total, r.TotalSummary.LambdaCost)
		if r.Pricing.FreeGBSeconds != 0 || r.TotalSummary.ProvisionedCost != 0 || r.Functions[0].MemoryChoice.CheapestFitMb != 0 || len(r.Functions[0].Tuning) != 0 {
			t.Errorf("%s: AWS Lambda's free tier, provisioned concurrency, memory choice or tuning in the report", id)
		}
	}
}

// On its own platform a function's duration is the one given; moved, its
// CPU-bound share scales with the CPU it gets against its own platform's.
func TestConfigOnTheOwnPlatform(t *testing.T) {
	w := platform.Workload{Name: "f", Platform: "gcp-cloud-run", DurationMs: 100, MemoryMb: 512, RequestsPerHour: []float64{3600}}
	a := platform.Assumptions{CPUBoundShare: 0.5}
	run, _ := platform.Lookup("gcp-cloud-run")
	lambda, _ := platform.Lookup(platform.LambdaID)
	if got := platform.ConfigOn(run, w, a).DurationMs; got != 100 {
		t.Errorf("on Cloud Run, its own platform: %v ms, want 100", got)
	}
	// Cloud Run gives 1 vCPU at 512 MiB, Lambda 512/1769 of one.
	check.Near(t, "moved to Lambda", platform.ConfigOn(lambda, w, a).DurationMs, 100*(0.5+0.5*1/(512.0/1769)))
	w.Platform = ""
	check.Near(t, "on Lambda, its own", platform.ConfigOn(lambda, w, a).DurationMs, 100)
	check.Near(t, "moved to Cloud Run", platform.ConfigOn(run, w, a).DurationMs, 100*(0.5+0.5*(512.0/1769)))
}

// What only AWS Lambda has is refused elsewhere, by its path.
func TestOwnPlatformRefusesLambdaSettings(t *testing.T) {
	s := DefaultScenario()
	s.Pricing.Platform = "gcp-cloud-run"
	s.Pricing.Region = "mars-1"
	s.Functions[0].ColdStartMethod = ColdStartSimulated
	s.Functions[1].ProvisionedConcurrency = 2
	s.Functions[2].ProvisionedByHour = make([]int, 24)
	wantProblems(t, Validate(&s), map[string]string{
		"pricing.region":                               `not "mars-1"`,
		"functions[0].cold_start_method":               "AWS Lambda's",
		"functions[1].provisioned_concurrency":         "AWS Lambda's",
		"functions[2].provisioned_concurrency_by_hour": "AWS Lambda's",
	})
	if probs := validateFunction(&s, 1); len(probs) != 1 || probs[0].Path != "functions[1].provisioned_concurrency" {
		t.Errorf("an edit of functions[1]: %v", probs)
	}
	s = DefaultScenario()
	s.Pricing.Region = "us-east-1"
	wantProblems(t, Validate(&s), map[string]string{"pricing.region": "price profile's"})
	s = DefaultScenario()
	s.Pricing.Platform, s.Pricing.Profile = "azure-functions-flex", "reference"
	wantProblems(t, Validate(&s), map[string]string{"pricing.platform": "reference profile"})
	s = DefaultScenario()
	s.Pricing.Platform, s.Pricing.Region = "gcp-cloud-run", "europe-west3"
	if probs := Validate(&s); len(probs) > 0 {
		t.Errorf("Cloud Run in europe-west3: %v", probs)
	}
	if _, _, probs := Tune(&s, Sources{}); len(probs) != 1 || probs[0].Path != "pricing.platform" {
		t.Errorf("goal seek on Cloud Run: %v", probs)
	}
}
