package platform

import (
	"math"

	"planner/model/targets"
)

// Load is how many requests are in flight at a random moment: the busy
// count n of an M/G/∞ queue, Poisson(ρ) for Poisson arrivals, and for
// steady (evenly spaced) arrivals ⌊ρ⌋ or ⌈ρ⌉ with mean ρ — so a steady load
// of 10 in flight is exactly 10 at every moment. ρ = λ·s (arrivals per
// second × seconds each).
type Load struct {
	Rho    float64
	Steady bool
	// Lambda is the arrival rate, requests per second (for activity periods).
	Lambda float64
}

// tailSigmas bounds the Poisson sums: beyond ρ ± 12√ρ + 30 the mass is
// below 1e-30.
const tailSigmas = 12

// each calls fn(n, P(n)) for every busy count with non-negligible mass.
func (l Load) each(fn func(n int, p float64)) {
	rho := max(l.Rho, 0)
	if l.Steady {
		lo := math.Floor(rho)
		frac := rho - lo
		if frac < 1 {
			fn(int(lo), 1-frac)
		}
		if frac > 0 {
			fn(int(lo)+1, frac)
		}
		return
	}
	if rho == 0 {
		fn(0, 1)
		return
	}
	lo, hi := l.span()
	// P(lo), then P(n+1) = P(n)·ρ/(n+1): a multiplication a term, where an
	// exponential, a logarithm and a log-gamma each (software in
	// WebAssembly) were 80% of evaluating 2,000 functions on Cloud Run.
	p := targets.PoissonPMF(rho, lo)
	for n := lo; n <= hi; n++ {
		fn(n, p)
		p *= rho / float64(n+1)
	}
}

// span is the busy counts each sums over under a Poisson load of ρ > 0.
func (l Load) span() (lo, hi int) {
	spread := tailSigmas*math.Sqrt(l.Rho) + 30
	return max(0, int(l.Rho-spread)), int(l.Rho + spread)
}

// Instances are the mean instances busy when each holds up to c requests
// and the first a of them (always ready, minimum or provisioned instances)
// take requests first:
//
//	needed(n)   = ⌈n/c⌉
//	reserved    = E[min(needed, a)]        (busy reserved instances)
//	onDemand    = E[max(0, needed − a)]    (busy instances beyond them)
//	reservedReq = E[min(n, a·c)]            (requests in flight on reserved ones)
type Instances struct {
	Reserved, OnDemand, ReservedRequests float64
}

// Busy returns the instances busy under the load.
func (l Load) Busy(c, a int) Instances {
	var out Instances
	c = max(c, 1)
	l.each(func(n int, p float64) {
		needed := (n + c - 1) / c
		out.Reserved += p * float64(min(needed, a))
		out.OnDemand += p * float64(max(0, needed-a))
		out.ReservedRequests += p * float64(min(n, a*c))
	})
	return out
}

// Periods returns the activity periods of the on-demand instances (those
// beyond the first a) per second, and the seconds per second that billing
// them with a minimum period and a rounding step adds to their busy time.
//
// The k-th instance is busy while n > (k−1)·c, so it starts a period at
// each up-crossing of level j = (k−1)·c, at rate r = λ·P(n = j); its mean
// period is m = P(n > j)/r and its mean idle gap g = P(n ≤ j)/r. A period L
// is billed max(L, minimum) rounded up to the step, but never past the
// next period's start (the instance is billed once for any moment). For
// exponential periods the shortfall is e = m·e^{−minimum/m} + minimum − m,
// plus half a step of rounding, and against an exponential gap G
//
//	extra per period = E[min(e, G)] = g·(1 − e^{−e/g})
//
// Under steady load the levels below ⌊ρ⌋ never empty (one period), and
// level ⌊ρ⌋ is crossed at every arrival for a period of frac(ρ)/λ exactly,
// with a gap of 1/λ minus that.
func (l Load) Periods(c, a int, minimum, step float64) (perSecond, extra float64) {
	c = max(c, 1)
	if l.Lambda <= 0 || l.Rho <= 0 {
		return 0, 0
	}
	if l.Steady {
		lo := math.Floor(l.Rho)
		frac := l.Rho - lo
		j := int(lo)
		if frac == 0 || j%c != 0 || j/c < a {
			return 0, 0
		}
		length := frac / l.Lambda
		gap := 1/l.Lambda - length
		return l.Lambda, l.Lambda * min(roundUp(max(length, minimum), step)-length, gap)
	}
	// P(n = j) for every level j from lo (one allocation: grown a level
	// at a time, it was a fifth of billing Cloud Run); P(n > j)
	// accumulates from the top down.
	lo, hi := l.span()
	levels := make([]float64, hi-lo+1)
	l.each(func(n int, p float64) { levels[n-lo] = p })
	above := 0.0
	for j := hi; j >= lo; j-- {
		p := levels[j-lo]
		if j%c == 0 && j/c >= a && p > 0 {
			rate := l.Lambda * p
			mean, gap := above/rate, (1-above)/rate
			short := minimum - mean
			if mean > 0 {
				short = mean*math.Exp(-minimum/mean) + minimum - mean
			}
			short = max(0, short) + step/2
			perSecond += rate
			if gap > 0 {
				extra += rate * gap * -math.Expm1(-short/gap)
			}
		}
		above += p
	}
	return perSecond, extra
}

// roundUp rounds x up to a multiple of step (x itself when step is 0).
func roundUp(x, step float64) float64 {
	if step <= 0 {
		return x
	}
	return math.Ceil(x/step-1e-9) * step
}
