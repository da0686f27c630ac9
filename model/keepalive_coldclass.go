package model

import "math"

// coldClassChain is the busy-count chain that remembers how many busy
// requests started cold: state (n, k), n requests running of which k ≤
// min(n, K) hold their instance for the cold service time. Per state:
//
//	(n,k) → (n+1,k+1)  at λ·q(n)         (the arrival starts cold)
//	(n,k) → (n+1,k)    at λ·(1 − q(n))   (warm; at k = K every arrival)
//	(n,k) → (n−1,k)    at (n−k)/s_warm
//	(n,k) → (n−1,k−1)  at k/s_cold
//
// q(n), the probability that an arrival finding n busy starts cold, closes
// the chain: it is P(no window maximum above n) at level n, found by fixed
// point. A single-rate chain with the mean service time lets a cold request
// finish as fast as a warm one; this one keeps it busy for s_cold, which is
// what lifts the window maximum when s_cold ≫ s_warm.
type coldClassChain struct {
	lambda, warmRate, coldRate, T float64
	classes, top                  int
	coldAt                        []float64   // q(n) for n = 0..top
	offset                        []int       // index of (n, 0) in flattened vectors
	pi                            []float64   // stationary distribution, flattened
	pivotInv                      [][]float64 // S_n⁻¹ of the block LU of −Q, row-major
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

// newColdClassChain lays out the states for levels 0..top.
func newColdClassChain(lambda, warm, cold, T float64, top, classes int) *coldClassChain {
	ch := &coldClassChain{lambda: lambda, warmRate: 1 / warm, coldRate: 1 / cold, T: T,
		classes: classes, top: top, coldAt: make([]float64, top+1), offset: make([]int, top+2)}
	for n := 0; n <= top; n++ {
		ch.offset[n+1] = ch.offset[n] + ch.width(n)
	}
	states := ch.offset[top+1]
	ch.rightAt, ch.leftAt = make([][]float64, top+1), make([][]float64, top+1)
	ch.scratch, ch.rhs, ch.prev = make([]float64, 0, ch.classes+1), make([]float64, states), make([]float64, states)
	return ch
}

// levelMass is P(N = n): the stationary mass of level n.
func (ch *coldClassChain) levelMass(n int) float64 {
	return total(ch.pi[ch.offset[n]:ch.offset[n+1]])
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
	return ch.lambda * (1 - ch.coldAt[n]), ch.lambda * ch.coldAt[n]
}

// downRates returns the rates from (n,k) to (n−1,k) and to (n−1,k−1).
func (ch *coldClassChain) downRates(n, k int) (warmDown, coldDown float64) {
	return float64(n-k) * ch.warmRate, float64(k) * ch.coldRate
}

// maxima returns P(cold), E[max(c, max_T N)] and the new closure q(n) =
// P(max_T N ≤ n | N = n) for n ≥ c (arrivals below c find a provisioned
// instance). Levels below from are always exceeded within the window: each
// adds an instance and no cold start; from moves down while the level
// under it is not.
func (ch *coldClassChain) maxima(c, from int, work *float64) (pCold, instances float64, coldAt []float64, method string) {
	coldAt = make([]float64, ch.top+1)
	method = "exact"
	from = max(c, min(from, ch.top))
	for from > c {
		if below, _, _ := ch.window(from-1, work); below < negligibleWindowMass {
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
		below, atTop, spectral := ch.window(m, work)
		if spectral {
			method = "spectral"
		}
		pCold += atTop
		instances += 1 - below
		coldAt[m] = 1
		if level > 0 {
			coldAt[m] = min(1, atTop/level)
		}
		if 1-below < 1e-12 && 1-cdf < 1e-12 {
			for n := m + 1; n <= ch.top; n++ {
				coldAt[n] = 1
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
		ch.coldAt[n] = 1
		if n < len(closure) {
			ch.coldAt[n] = closure[n]
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
