package model

import (
	"math"
	"testing"

	"planner/model/platform"
)

// The default scenario on every platform: each platform's bill is its
// meters' sum and its functions' shares; the curves rise with traffic;
// at ×1 a curve is the table's bill; a crossover lies between two scales
// where the cheaper platform changes.
func TestCloudsDefaultScenario(t *testing.T) {
	s := DefaultScenario()
	c := Clouds(&s, platform.DefaultAssumptions())
	if len(c.Platforms) != len(platform.IDs()) || len(c.Curves) != len(c.Platforms) {
		t.Fatalf("%d platforms, %d curves", len(c.Platforms), len(c.Curves))
	}
	one := -1
	for i, x := range c.Scales {
		if x == 1 {
			one = i
		}
	}
	for i, r := range c.Platforms {
		lines, shares := 0.0, 0.0
		for _, l := range r.Lines {
			lines += l.USD
		}
		for _, f := range r.Functions {
			shares += f.MonthlyUSD
			if f.ColdStartRate < 0 || f.ColdStartRate > 1 {
				t.Errorf("%s %s: cold-start rate %g", r.Platform, f.Name, f.ColdStartRate)
			}
		}
		if math.Abs(lines-r.MonthlyUSD) > 1e-6 || math.Abs(shares-r.MonthlyUSD) > 1e-6 {
			t.Errorf("%s: bill $%.4f, lines $%.4f, functions $%.4f", r.Platform, r.MonthlyUSD, lines, shares)
		}
		if r.MonthlyUSD <= 0 {
			t.Errorf("%s: free at the default scenario's traffic", r.Platform)
		}
		curve := c.Curves[i].MonthlyUSD
		for k := 1; k < len(curve); k++ {
			if curve[k] < curve[k-1]-1e-6 {
				t.Errorf("%s: $%.2f at ×%g but $%.2f at ×%g", r.Platform, curve[k-1], c.Scales[k-1], curve[k], c.Scales[k])
			}
		}
		if math.Abs(curve[one]-r.MonthlyUSD) > 0.01*r.MonthlyUSD+0.01 {
			t.Errorf("%s: the curve at ×1 is $%.2f, the table $%.2f", r.Platform, curve[one], r.MonthlyUSD)
		}
	}
	for _, x := range c.Crossovers {
		if x.Text == "" || x.RequestsPerSecond <= 0 {
			t.Errorf("crossover %+v", x)
		}
	}
	t.Logf("%d crossovers", len(c.Crossovers))
	for _, r := range c.Platforms {
		t.Logf("%-28s $%10.2f  instances %7.2f  cold %.4f  p99 %6.0f ms", r.Platform, r.MonthlyUSD, r.Instances, r.ColdStartRate, r.P99Ms)
	}
	for _, x := range c.Crossovers {
		t.Log(x.Text)
	}
}

// One voice: the scenario on AWS Lambda costs what its report says Lambda
// costs, with the rates the report uses (given or modelled), and the free
// tier as the scenario sets it.
func TestCloudsLambdaIsTheReport(t *testing.T) {
	s := DefaultScenario()
	s.Functions[1].ColdStartMethod = ColdStartModel
	for _, free := range []bool{true, false} {
		s.Pricing.FreeTier = free
		r, probs := Evaluate(&s)
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		c := Clouds(&s, CloudsAssumptions(&s))
		lambda := c.Platforms[0]
		if lambda.Platform != "aws-lambda" || math.Abs(lambda.MonthlyUSD-r.TotalSummary.LambdaCost) > 1e-6*r.TotalSummary.LambdaCost {
			t.Errorf("free tier %v: Clouds has Lambda at $%.4f, the report $%.4f", free, lambda.MonthlyUSD, r.TotalSummary.LambdaCost)
		}
		for i, f := range lambda.Functions {
			if want := r.Functions[i].ColdStartRate.Rate; math.Abs(f.ColdStartRate-want) > 1e-9 {
				t.Errorf("%s: cold-start rate %g on Clouds, %g in the report (%s)", f.Name, f.ColdStartRate, want, r.Functions[i].ColdStartRate.Method)
			}
		}
	}
}
