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

// quantile is the least x with P(warm duration ≤ x) ≥ r (+Inf for r ≥ 1
// where the tail never reaches it).
func (w warm) quantile(r float64) float64 {
	switch {
	case r <= 0:
		return 0
	case r < 0.95:
		return min(w.body.quantile(r), w.p95)
	case w.p99 <= w.p95:
		return w.p95
	}
	return max(w.tail.quantile(r), w.p95)
}

// quantile is the lognormal's r-quantile, exp(μ + σ·Φ⁻¹(r)).
func (l lognormal) quantile(r float64) float64 {
	return math.Exp(l.mu + l.sigma*math.Sqrt2*math.Erfinv(2*r-1))
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
// (0 < q < 1), ms: the upper end of a bisection of [0, hi] to 0.01 ms.
// A bracket found first (bracket) decides the bisection's steps outside it
// without evaluating the distribution (it is monotone), so the answer is
// the plain bisection's with a third of the evaluations.
func (d Duration) Percentile(q float64) float64 {
	w := newWarm(d.MeanMs, d.P95Ms, d.P99Ms)
	below := func(x float64) float64 { return d.mixed(w, x) - q } // < 0 below the percentile
	hi := max(w.p99, 1) + max(d.ColdStartMs, 0)
	for i := 0; i < 64 && below(hi) < 0; i++ {
		hi *= 2
	}
	a, b := d.bracket(w, q, below)
	lo := 0.0
	for hi-lo > percentileStep {
		mid := (lo + hi) / 2
		if mid >= b || (mid > a && below(mid) >= 0) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// bracket is an interval [a, b] around the q-percentile with f(a) < 0 ≤
// f(b) (f the mixture less q); an end it cannot confirm is 0 or +Inf.
// The percentile x solves W(x) = q + P(cold)·(W(x) − W(x − cold start))
// (W the warm distribution): a few steps of that fixed point from W's
// q-quantile come within a small fraction of percentileStep where P(cold)
// is small, and the interval is a step either side.
func (d Duration) bracket(w warm, q float64, f func(float64) float64) (a, b float64) {
	p, c := min(max(d.ColdRate, 0), 1), max(d.ColdStartMs, 0)
	x := w.quantile(q)
	for i := 0; i < 6 && p > 0 && c > 0; i++ {
		r := q + p*(w.cdf(x)-w.cdf(x-c))
		if r >= 1 {
			break
		}
		next := w.quantile(r)
		done := math.Abs(next-x) < percentileStep/8
		x = next
		if done {
			break
		}
	}
	a, b = x-percentileStep, x+percentileStep
	if !(a > 0) || math.IsInf(b, 0) {
		return 0, math.Inf(1)
	}
	if f(a) >= 0 {
		a = 0
	}
	if f(b) < 0 {
		b = math.Inf(1)
	}
	return a, b
}

// percentileStep is Percentile's resolution, ms.
const percentileStep = 0.01

// Meets says whether the latency KPI k is within limit ms: for a
// percentile q, whether a share q of requests finish within limit
// (CDF(limit) ≥ q, which is Percentile(q) ≤ limit without the search);
// for the timeout rate, its share against limit. False ok for a KPI that
// is not the duration's.
func (d Duration) Meets(k KPI, limit, timeoutMs float64) (met, ok bool) {
	if q, isPercentile := k.quantile(); isPercentile {
		return d.CDF(limit) >= q, true
	}
	v, ok := d.Latency(k, timeoutMs)
	return ok && k.Met(v, limit), ok
}

// Exceeding is the share of requests that take longer than ms.
func (d Duration) Exceeding(ms float64) float64 {
	return 1 - d.CDF(ms)
}

// Latency is the value of a latency KPI (p50, p95, p99 or the timeout rate
// against timeoutMs), or false for a KPI that is not the duration's.
func (d Duration) Latency(k KPI, timeoutMs float64) (float64, bool) {
	if q, isPercentile := k.quantile(); isPercentile {
		return d.Percentile(q), true
	}
	if k == TimeoutRate {
		return d.Exceeding(timeoutMs), true
	}
	return 0, false
}

// quantile is the share of requests a latency percentile KPI counts.
func (k KPI) quantile() (float64, bool) {
	switch k {
	case P50Latency:
		return 0.5, true
	case P95Latency:
		return 0.95, true
	case P99Latency:
		return 0.99, true
	}
	return 0, false
}
