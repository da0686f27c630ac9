package targets

import (
	"math"
	"math/rand/v2"
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

// bisectedPercentile is the plain bisection Percentile must agree with:
// [0, hi] halved to 0.01 ms, every step evaluated.
func bisectedPercentile(d Duration, q float64) float64 {
	w := newWarm(d.MeanMs, d.P95Ms, d.P99Ms)
	hi := max(w.p99, 1) + max(d.ColdStartMs, 0)
	for i := 0; i < 64 && d.mixed(w, hi) < q; i++ {
		hi *= 2
	}
	lo := 0.0
	for hi-lo > 0.01 {
		mid := (lo + hi) / 2
		if d.mixed(w, mid) >= q {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// randomDurations are durations of every shape the model meets: no usable
// p95, p99 at the p95, long cold starts, rates from none to all.
func randomDurations(n int) []Duration {
	rng := rand.New(rand.NewPCG(7, 11))
	out := make([]Duration, n)
	for i := range out {
		mean := math.Exp(rng.Float64()*12 - 2) // 0.14 ms to 22 s
		d := Duration{MeanMs: mean, P95Ms: mean * (0.5 + 4*rng.Float64()), ColdStartMs: []float64{0, 80, 900, 12000}[i%4] * rng.Float64()}
		d.P99Ms = d.P95Ms * []float64{1, 1 + 3*rng.Float64(), 0.8}[i%3]
		d.ColdRate = []float64{0, 1e-6, 0.003, 0.2, 1}[i%5] * rng.Float64()
		out[i] = d
	}
	return out
}

func TestPercentileIsThePlainBisection(t *testing.T) {
	for _, d := range randomDurations(3000) {
		for _, q := range []float64{0.5, 0.95, 0.99, 0.999} {
			if got, want := d.Percentile(q), bisectedPercentile(d, q); got != want {
				t.Fatalf("%+v q=%v: %v, the plain bisection gives %v", d, q, got, want)
			}
		}
	}
}

func TestMeetsAgreesWithThePercentile(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for _, d := range randomDurations(2000) {
		for _, k := range []KPI{P50Latency, P95Latency, P99Latency} {
			v, _ := d.Latency(k, 0)
			limit := v * (0.5 + rng.Float64())
			met, ok := d.Meets(k, limit, 0)
			if !ok {
				t.Fatalf("%s is a latency KPI", k)
			}
			// the percentile is the bisection's upper end, within 0.01 ms
			if math.Abs(v-limit) > 0.01 && met != k.Met(v, limit) {
				t.Fatalf("%+v %s within %v ms: Meets says %v, the percentile is %v", d, k, limit, met, v)
			}
		}
	}
	d := Duration{MeanMs: 100, P95Ms: 200, P99Ms: 400}
	if met, ok := d.Meets(TimeoutRate, 0.01, 300); !ok || met {
		t.Fatalf("timeout rate beyond 300 ms of a 400 ms p99 is above 1%%: met %v ok %v", met, ok)
	}
	if _, ok := d.Meets(ThrottleRate, 1, 0); ok {
		t.Fatal("the throttle rate is not the duration's")
	}
}
