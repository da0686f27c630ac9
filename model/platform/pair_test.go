package platform

import (
	"math"
	"testing"
)

// A pair reads both platforms' figures from the comparison, B − A, and
// each function's share; an unknown platform is refused.
func TestPairTakesBothPlatformsFigures(t *testing.T) {
	w := Workload{Name: "api", RequestsPerHour: flatHours(36000), DurationMs: 120, P99Ms: 400, ColdStartMs: 600, MemoryMb: 512, Architecture: "x86_64"}
	c := Compare([]Workload{w, {Name: "batch", RequestsPerHour: flatHours(60), DurationMs: 4000, P99Ms: 9000, ColdStartMs: 900, MemoryMb: 2048, Architecture: "arm64"}}, DefaultAssumptions())
	p, ok := c.Pair("aws-lambda", "gcp-cloud-run")
	if !ok || len(p.Totals) != 4 || len(p.Functions) != 2 {
		t.Fatalf("pair: %+v %v", p, ok)
	}
	a, b := c.result("aws-lambda"), c.result("gcp-cloud-run")
	if p.Totals[0].A != a.MonthlyUSD || p.Totals[0].B != b.MonthlyUSD || p.Totals[0].Difference != b.MonthlyUSD-a.MonthlyUSD {
		t.Errorf("bill: %+v, Lambda %v, Cloud Run %v", p.Totals[0], a.MonthlyUSD, b.MonthlyUSD)
	}
	if p.Totals[2].B != b.ColdStartRate || p.Totals[3].A != a.P99Ms {
		t.Errorf("cold starts or p99: %+v", p.Totals)
	}
	sum := 0.0
	for _, f := range p.Functions {
		sum += f.B
	}
	if p.Functions[1].Key != "batch" || math.Abs(sum-b.MonthlyUSD) > 1e-9*max(1, sum) {
		t.Errorf("functions: %+v, sum %v, bill %v", p.Functions, sum, b.MonthlyUSD)
	}
	if _, ok := c.Pair("aws-lambda", "heroku"); ok {
		t.Error("an unknown platform was compared")
	}
	cheapest := c.Cheapest("")
	for _, r := range c.Platforms {
		if r.MonthlyUSD < c.result(cheapest).MonthlyUSD {
			t.Errorf("%s ($%v) is cheaper than %s", r.Platform, r.MonthlyUSD, cheapest)
		}
	}
	if c.Cheapest(cheapest) == cheapest {
		t.Error("Cheapest returned the platform it was to leave out")
	}
}

func flatHours(perHour float64) []float64 {
	h := make([]float64, 24)
	for i := range h {
		h[i] = perHour
	}
	return h
}

// The account's free tier is granted once a month, however many functions
// and hours share it.
func TestLambdaFreeTierOncePerAccount(t *testing.T) {
	ws := []Workload{
		{Name: "a", RequestsPerHour: flatHours(10000), DurationMs: 100, MemoryMb: 128, Architecture: "x86_64"},
		{Name: "b", RequestsPerHour: flatHours(20000), DurationMs: 100, MemoryMb: 128, Architecture: "x86_64"},
	}
	for _, free := range []bool{true, false} {
		c := Compare(ws, Assumptions{CPUBoundShare: 0.5, FreeTier: free})
		total := 30000.0 * HoursPerMonth
		want := total
		if free {
			want -= 1e6
		}
		for _, l := range c.Platforms[0].Lines {
			if l.Meter == "requests" && math.Abs(l.Quantity-want) > 1e-6*want {
				t.Errorf("free tier %v: %.0f requests billed of %.0f, want %.0f", free, l.Quantity, total, want)
			}
		}
	}
}
