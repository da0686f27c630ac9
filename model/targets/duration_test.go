package targets

import (
	"math"
	"testing"
)

// Warm requests keep the percentiles given; the body's mean is the mean
// given (its lognormal), and a cold share moves the percentiles by the
// mixture's rule.
func TestDurationPercentiles(t *testing.T) {
	d := Duration{MeanMs: 500, P95Ms: 1000, P99Ms: 2000, ColdStartMs: 1000}
	near(t, "warm p95", d.Percentile(0.95), 1000, 0.02)
	near(t, "warm p99", d.Percentile(0.99), 2000, 0.02)
	sigma := z95 - math.Sqrt(z95*z95-2*math.Log(2)) // ln p95 − ln mean = z95·σ − σ²/2
	near(t, "warm p50: the body lognormal's median", d.Percentile(0.5), 500*math.Exp(-sigma*sigma/2), 0.02)

	all := d
	all.ColdRate = 1
	near(t, "all cold p50", all.Percentile(0.5), d.Percentile(0.5)+1000, 0.02)
	near(t, "all cold p99", all.Percentile(0.99), 3000, 0.02)

	half := d
	half.ColdRate = 0.55
	p50 := half.Percentile(0.5)
	near(t, "mixture at its p50", 0.45*d.CDF(p50)+0.55*d.CDF(p50-1000), 0.5, 1e-4)
	if p50 <= d.Percentile(0.5) || p50 >= all.Percentile(0.5) {
		t.Errorf("p50 with 55%% cold = %g: not between warm and cold", p50)
	}
}

// The timeout rate is the share beyond the timeout; equal p95 and p99 put
// the top 5% at the p95.
func TestDurationExceeding(t *testing.T) {
	d := Duration{MeanMs: 200, P95Ms: 400, P99Ms: 800}
	near(t, "beyond p99", d.Exceeding(800), 0.01, 1e-9)
	near(t, "beyond p95", d.Exceeding(400), 0.05, 1e-9)
	flat := Duration{MeanMs: 200, P95Ms: 400, P99Ms: 400}
	near(t, "flat beyond p95", flat.Exceeding(400), 0, 1e-12)
	near(t, "flat p99", flat.Percentile(0.99), 400, 0.02)
	cold := Duration{MeanMs: 200, P95Ms: 400, P99Ms: 800, ColdStartMs: 3000, ColdRate: 0.1}
	near(t, "past 3 s: every cold request and the warm tail", cold.Exceeding(3000), 0.1+0.9*d.Exceeding(3000), 1e-12)
	if d.Exceeding(3000) <= 0 || d.Exceeding(3000) > 0.01 {
		t.Errorf("warm requests past 3 s = %g: the tail beyond the p99 should be small and positive", d.Exceeding(3000))
	}
}
