package keepalive

import (
	"math"

	"planner/model/num"
)

// coldClassChain is the busy-count chain that remembers how many busy
// requests started cold: state (n, k), n requests running of which k ≤
// min(n, K) hold their instance for the cold service time. Per state:
//
//	(n,k) → (n+1,k+1)  at λ·q(n,k)         (the arrival starts cold)
//	(n,k) → (n+1,k)    at λ·(1 − q(n,k))   (warm; at k = K every arrival)
//	(n,k) → (n−1,k)    at (n−k)/s_warm
//	(n,k) → (n−1,k−1)  at k/s_cold
//
// q(n,k), the probability that an arrival finding state (n,k) starts cold,
// closes the chain: P(no window maximum above it | the window ends in
// (n,k)), found by fixed point. A single-rate chain with the mean service
// time lets a cold request finish as fast as a warm one; this one keeps it
// busy for s_cold, which is what lifts the window maximum when s_cold ≫
// s_warm. It also knows where cold requests run: on on-demand instances,
// never on the provisioned ones, which requests take first (maxima).
type coldClassChain struct {
	lambda, warmRate, coldRate, T float64
	classes, top                  int
	coldAt                        []float64   // q(n, k), flattened like pi
	offset                        []int       // index of (n, 0) in flattened vectors
	pi                            []float64   // stationary distribution, flattened
	pivotInv                      [][]float64 // S_n⁻¹ of the block LU of −Q, row-major
	// kCap caps the busy cold requests a window lets through (a window of
	// at most kCap on-demand instances); classes: no cap. cappedInv holds
	// the pivots of the levels above the cap.
	kCap      int
	cappedInv [][]float64
	// rightAt[m], leftAt[m]: the slowest modes of the chain killed above
	// m, the start of the next fixed-point round's inverse iteration.
	rightAt, leftAt    [][]float64
	scratch, rhs, prev []float64 // buffers of the solves
	reduction          []float64 // R_n of stationary, (K+1)² apart
}

const (
	// maxColdClasses bounds k: more cold requests at once are counted as
	// warm. Fewer are tracked where fewer are busy at once (coldClassesFor).
	maxColdClasses = 8
	// maxColdClassRounds bounds the fixed point of the closure.
	maxColdClassRounds = 12
)

func (ch *coldClassChain) width(n int) int { return min(n, ch.classes) + 1 }

// killedRate multiplies the rate out of states above the class cap: they
// are left at once, as if killed.
const killedRate = 1e9

// capped says whether states above the class cap are killed.
func (ch *coldClassChain) capped() bool { return ch.kCap < ch.classes }

// killed says whether states with k cold requests busy are killed by the
// class cap.
func (ch *coldClassChain) killed(k int) bool { return k > ch.kCap }

// mayStartCold says whether an arrival at (n, k) can start cold with c
// provisioned instances: only when they are all busy, n − k ≥ c, for cold
// requests never run on them.
func mayStartCold(n, k, c int) bool { return n-k >= c }

// newColdClassChain lays out the states for levels 0..top.
func newColdClassChain(lambda, warm, cold, T float64, top, classes int) *coldClassChain {
	ch := &coldClassChain{lambda: lambda, warmRate: 1 / warm, coldRate: 1 / cold, T: T,
		classes: classes, kCap: classes, top: top, offset: make([]int, top+2)}
	for n := 0; n <= top; n++ {
		ch.offset[n+1] = ch.offset[n] + ch.width(n)
	}
	states := ch.offset[top+1]
	ch.coldAt = make([]float64, states)
	ch.rightAt, ch.leftAt = make([][]float64, top+1), make([][]float64, top+1)
	ch.scratch, ch.rhs, ch.prev = make([]float64, 0, ch.classes+1), make([]float64, states), make([]float64, states)
	return ch
}

// levelMass is P(N = n): the stationary mass of level n.
func (ch *coldClassChain) levelMass(n int) float64 {
	return num.Sum(ch.pi[ch.offset[n]:ch.offset[n+1]])
}

// outRate is the total rate out of (n, k), an arrival included.
func (ch *coldClassChain) outRate(n, k int) float64 {
	return ch.lambda + float64(n-k)*ch.warmRate + float64(k)*ch.coldRate
}

// upRates returns the rates from (n,k) to (n+1,k) and to (n+1,k+1).
func (ch *coldClassChain) upRates(n, k int) (warmUp, coldUp float64) {
	if k == ch.classes {
		return ch.lambda, 0
	}
	q := ch.coldAt[ch.offset[n]+k]
	return ch.lambda * (1 - q), ch.lambda * q
}

// downRates returns the rates from (n,k) to (n−1,k) and to (n−1,k−1).
func (ch *coldClassChain) downRates(n, k int) (warmDown, coldDown float64) {
	return float64(n-k) * ch.warmRate, float64(k) * ch.coldRate
}

// maxima returns P(cold), the mean instances and the new closure q(n,k) for
// n ≥ c (arrivals below c find a provisioned instance). Requests take the
// c provisioned instances first, and a cold request always runs on an
// on-demand one, so with k cold requests busy the on-demand instances busy
// are D = max(k, n − c): the instances are c + max_T D, and an arrival at
// level n = c + d starts cold when max_T D ≤ d (n ≤ c + d and k ≤ d all
// window long). Levels below from are always exceeded within the window:
// each adds an instance and no cold start; from moves down while the level
// under it is not.
func (ch *coldClassChain) maxima(c, from int, work *float64) (pCold, instances float64, coldAt []float64, method string) {
	coldAt = make([]float64, len(ch.coldAt))
	method = "exact"
	from = max(c, min(from, ch.top))
	defer func() { ch.kCap = ch.classes }()
	for from > c {
		ch.kCap = min(ch.classes, from-1-c)
		if below, _ := ch.window(from-1, nil, work); below < negligibleWindowMass {
			break
		}
		from--
	}
	instances = float64(from)
	cdf := 0.0
	for n := range from {
		cdf += ch.levelMass(n)
	}
	for m := from; m <= ch.top; m++ {
		level := ch.levelMass(m)
		cdf += level
		ch.kCap = min(ch.classes, m-c)
		atTop := coldAt[ch.offset[m]:ch.offset[m+1]]
		below, spectral := ch.window(m, atTop, work)
		if spectral {
			method = "spectral"
		}
		instances += 1 - below
		for k, x := range atTop {
			pCold += x
			atTop[k] = 0
			if p := ch.pi[ch.offset[m]+k]; p > 0 {
				atTop[k] = min(1, x/p)
			}
		}
		if 1-below < 1e-12 && 1-cdf < 1e-12 {
			for n := m + 1; n <= ch.top; n++ {
				for k := range ch.width(n) {
					if mayStartCold(n, k, c) {
						coldAt[ch.offset[n]+k] = 1
					}
				}
			}
			break
		}
	}
	return min(1, pCold), instances, coldAt, method
}

// coldClassesFor returns how many busy cold requests to track when busyCold
// are busy on average (λ·s_cold·P(cold)): their Poisson 1e-5 quantile plus
// four for the peaks, where they gather, from 4 to maxColdClasses.
func coldClassesFor(busyCold float64) int {
	return min(maxColdClasses, max(4, int(math.Ceil(busyCold+4*math.Sqrt(busyCold)+4))))
}

// coldClassWindowMaxima solves the cold-class chain: the closure q starts
// from the single-rate chain's (closure, by level) and moves half way to
// each round's q, less once P(cold) oscillates, until P(cold) and instances
// settle to 0.1%, or for maxColdClassRounds rounds.
func coldClassWindowMaxima(lambda, warm, cold, T float64, c int, rho, pSingle float64, closure []float64, work *float64) (pCold, instances float64, method string) {
	top := int(math.Ceil(rho + 10*math.Sqrt(rho+1) + 12)) // Poisson(ρ) beyond: < 1e-20
	if c >= top {
		return 0, float64(c), "exact, cold class" // the provisioned instances serve every request
	}
	ch := newColdClassChain(lambda, warm, cold, T, top, coldClassesFor(lambda*cold*pSingle))
	from := 0 // the single-rate chain's first level not always exceeded
	for from < len(closure) && closure[from] == 0 {
		from++
	}
	for n := c; n <= top; n++ {
		q := 1.0
		if n < len(closure) {
			q = closure[n]
		}
		for k := range ch.width(n) {
			if mayStartCold(n, k, c) {
				ch.coldAt[ch.offset[n]+k] = q
			}
		}
	}
	step, lastChange := 0.5, 0.0
	for round := 0; ; round++ {
		ch.stationary()
		ch.pivotInv = ch.pivotInv[:0]
		p, inst, coldAt, how := ch.maxima(c, from, work)
		if change := p - pCold; round > 0 {
			if change*lastChange < 0 {
				step = max(step/2, 1.0/16) // oscillating: relax harder
			}
			lastChange = change
			// A round moves a step of the way: its change over the step is
			// what remains to the fixed point.
			if math.Abs(change) <= 1e-3*p*step/0.5 && math.Abs(inst-instances) <= 1e-3*inst*step/0.5 {
				return p, inst, how + ", cold class"
			}
		}
		if round == maxColdClassRounds-1 { // unsettled: between the last two rounds
			return (p + pCold) / 2, (inst + instances) / 2, how + ", cold class"
		}
		pCold, instances = p, inst
		for n, q := range coldAt {
			ch.coldAt[n] += step * (q - ch.coldAt[n])
		}
	}
}
