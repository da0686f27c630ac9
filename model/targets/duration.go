package targets

import "math"

// Standard normal quantiles of the percentiles a function gives.
const (
	z95 = 1.6448536269514722
	z99 = 2.3263478740408408
)

// Duration is a function's latency: warm durations (MeanMs, P95Ms, P99Ms),
// what a cold start adds (ColdStartMs) and the share of requests that start
// cold (ColdRate).
type Duration struct {
	MeanMs, P95Ms, P99Ms float64
	ColdStartMs          float64
	ColdRate             float64
}

// lognormal is the distribution of exp(μ + σ·Z).
type lognormal struct{ mu, sigma float64 }

// cdf is P(X ≤ x).
func (l lognormal) cdf(x float64) float64 {
	if x <= 0 {
		return 0
	}
	if l.sigma <= 0 {
		if math.Log(x) >= l.mu {
			return 1
		}
		return 0
	}
	return 0.5 * math.Erfc(-(math.Log(x)-l.mu)/(l.sigma*math.Sqrt2))
}

// warm is a warm request's duration: the body lognormal of the mean and p95
// below the p95, the tail lognormal through p95 and p99 above it.
type warm struct {
	p95, p99   float64
	body, tail lognormal
}

func newWarm(meanMs, p95Ms, p99Ms float64) warm {
	mean := max(meanMs, 1e-9)
	p95 := p95Ms
	if p95 <= mean {
		p95 = 2 * mean // no usable p95: the simulator's spread
	}
	gap := math.Log(p95 / mean)
	sigma := z95
	if disc := z95*z95 - 2*gap; disc >= 0 {
		sigma = z95 - math.Sqrt(disc)
	}
	w := warm{p95: p95, p99: max(p99Ms, p95), body: lognormal{math.Log(mean) - sigma*sigma/2, sigma}}
	if w.p99 > w.p95 {
		s := math.Log(w.p99/w.p95) / (z99 - z95)
		w.tail = lognormal{math.Log(w.p95) - z95*s, s}
	}
	return w
}

// cdf is P(warm duration ≤ x).
func (w warm) cdf(x float64) float64 {
	switch {
	case x < w.p95:
		return min(0.95, w.body.cdf(x))
	case w.p99 <= w.p95:
		return 1 // the top 5% all take the p95
	}
	return max(0.95, w.tail.cdf(x))
}

// CDF is the share of requests done within x ms, warm and cold mixed:
// (1 − P(cold))·W(x) + P(cold)·W(x − cold start).
func (d Duration) CDF(x float64) float64 {
	w := newWarm(d.MeanMs, d.P95Ms, d.P99Ms)
	return d.mixed(w, x)
}

func (d Duration) mixed(w warm, x float64) float64 {
	p := min(max(d.ColdRate, 0), 1)
	return (1-p)*w.cdf(x) + p*w.cdf(x-d.ColdStartMs)
}

// Percentile is the latency within which a share q of requests finish
// (0 < q < 1), ms, by bisection to 0.01 ms.
func (d Duration) Percentile(q float64) float64 {
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

// Exceeding is the share of requests that take longer than ms.
func (d Duration) Exceeding(ms float64) float64 {
	return 1 - d.CDF(ms)
}

// Latency is the value of a latency KPI (p50, p95, p99 or the timeout rate
// against timeoutMs), or false for a KPI that is not the duration's.
func (d Duration) Latency(k KPI, timeoutMs float64) (float64, bool) {
	switch k {
	case P50Latency:
		return d.Percentile(0.5), true
	case P95Latency:
		return d.Percentile(0.95), true
	case P99Latency:
		return d.Percentile(0.99), true
	case TimeoutRate:
		return d.Exceeding(timeoutMs), true
	}
	return 0, false
}
