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

// stationary solves πQ = 0 on levels 0..top (no arrivals at top) by level
// reduction: π_{n+1} = π_n·R_n with R_{n−1} = Q↑_{n−1}·(−(Q_nn + R_n·Q↓_{n+1}))⁻¹.
func (ch *coldClassChain) stationary() {
	bb := (ch.classes + 1) * (ch.classes + 1)
	if ch.reduction == nil {
		ch.reduction = make([]float64, ch.top*bb)
		ch.pi = make([]float64, ch.offset[ch.top+1])
	}
	M, inv, below := make([]float64, bb), make([]float64, bb), make([]float64, bb)
	for n := ch.top; n >= 1; n-- {
		b, a := ch.width(n), ch.width(n-1)
		M := M[:b*b] // −(Q_nn + R_n·Q↓_{n+1}); below holds R_n·Q↓_{n+1}
		for i := range M {
			M[i] = 0
			if n < ch.top {
				M[i] = -below[i]
			}
		}
		for k := range b {
			M[k*b+k] += ch.outRate(n, k)
			if n == ch.top {
				M[k*b+k] -= ch.lambda
			}
		}
		invert(M, b, inv)
		R := ch.reduction[(n-1)*bb : (n-1)*bb+a*b]
		for i := range a { // row i of Q↑_{n−1} has two entries
			wu, cu := ch.upRates(n-1, i)
			for j := range b {
				v := wu * inv[i*b+j]
				if i+1 < b {
					v += cu * inv[(i+1)*b+j]
				}
				R[i*b+j] = v
			}
		}
		// R_{n−1}·Q↓_n, a × a: Q↓_n maps (n,k) to (n−1,k) and (n−1,k−1).
		clear(below)
		for i := range a {
			for k := range b {
				r := R[i*b+k]
				wd, cd := ch.downRates(n, k)
				if k < a {
					below[i*a+k] += r * wd
				}
				if k > 0 {
					below[i*a+k-1] += r * cd
				}
			}
		}
	}
	pi := ch.pi
	clear(pi)
	pi[0] = 1
	total := 1.0
	for n := 0; n < ch.top; n++ {
		a, b := ch.width(n), ch.width(n+1)
		R := ch.reduction[n*bb:]
		for j := range b {
			var v float64
			for i := range a {
				v += pi[ch.offset[n]+i] * R[i*b+j]
			}
			pi[ch.offset[n+1]+j] = v
			total += v
		}
	}
	for i := range pi {
		pi[i] /= total
	}
}

// invert sets inv to the inverse of the b×b row-major matrix M, which it
// overwrites (Gauss–Jordan with partial pivoting; M is an M-matrix here, so
// it is invertible).
func invert(M []float64, b int, inv []float64) {
	inv = inv[:b*b]
	clear(inv)
	for i := range b {
		inv[i*b+i] = 1
	}
	for col := range b {
		p := col
		for r := col + 1; r < b; r++ {
			if math.Abs(M[r*b+col]) > math.Abs(M[p*b+col]) {
				p = r
			}
		}
		for j := range b {
			M[col*b+j], M[p*b+j] = M[p*b+j], M[col*b+j]
			inv[col*b+j], inv[p*b+j] = inv[p*b+j], inv[col*b+j]
		}
		d := 1 / M[col*b+col]
		for j := range b {
			M[col*b+j] *= d
			inv[col*b+j] *= d
		}
		for r := range b {
			if f := M[r*b+col]; r != col && f != 0 {
				for j := range b {
					M[r*b+j] -= f * M[col*b+j]
					inv[r*b+j] -= f * inv[col*b+j]
				}
			}
		}
	}
}

// factor extends the block LU pivots of −Q up to level m: S₀ = D₀,
// S_n = D_n − Q↓_n·S_{n−1}⁻¹·Q↑_{n−1} (D_n the rates out, arrivals
// included). They are the same for the chain killed above any m ≥ n, so one
// factorization serves every level's solve, and Sᵀ serves the transpose.
func (ch *coldClassChain) factor(m int) {
	if len(ch.pivotInv) == 0 {
		ch.pivotInv = append(ch.pivotInv, []float64{1 / ch.outRate(0, 0)})
	}
	for n := len(ch.pivotInv); n <= m; n++ {
		a, b := ch.width(n-1), ch.width(n)
		prev := ch.pivotInv[n-1]
		G := make([]float64, a*b) // S_{n−1}⁻¹·Q↑_{n−1}
		for k := range a {
			wu, cu := ch.upRates(n-1, k)
			for i := range a {
				G[i*b+k] += prev[i*a+k] * wu
				if k+1 < b {
					G[i*b+k+1] += prev[i*a+k] * cu
				}
			}
		}
		S := make([]float64, b*b)
		for k := range b {
			S[k*b+k] = ch.outRate(n, k)
			wd, cd := ch.downRates(n, k)
			for j := range b {
				if k < a {
					S[k*b+j] -= wd * G[k*b+j]
				}
				if k > 0 {
					S[k*b+j] -= cd * G[(k-1)*b+j]
				}
			}
		}
		inv := make([]float64, b*b)
		invert(S, b, inv)
		ch.pivotInv = append(ch.pivotInv, inv)
	}
}

// solve sets x so that (−Q_m)·x = r, or xᵀ·(−Q_m) = rᵀ when transposed,
// Q_m the generator killed above level m; r is overwritten.
func (ch *coldClassChain) solve(m int, r, x []float64, transposed bool) {
	z := ch.scratch[:0]
	for n := 1; n <= m; n++ { // forward: y_n = r_n + Q↓_n·S_{n−1}⁻¹·y_{n−1}
		z = ch.pivotApply(n-1, r[ch.offset[n-1]:ch.offset[n]], z[:0], transposed)
		y := r[ch.offset[n]:ch.offset[n+1]]
		for k := range y {
			if transposed { // Q↑_{n−1}ᵀ
				if k < len(z) {
					wu, _ := ch.upRates(n-1, k)
					y[k] += wu * z[k]
				}
				if k > 0 {
					_, cu := ch.upRates(n-1, k-1)
					y[k] += cu * z[k-1]
				}
				continue
			}
			wd, cd := ch.downRates(n, k)
			if k < len(z) {
				y[k] += wd * z[k]
			}
			if k > 0 {
				y[k] += cd * z[k-1]
			}
		}
	}
	ch.pivotApply(m, r[ch.offset[m]:ch.offset[m+1]], x[ch.offset[m]:ch.offset[m]], transposed)
	for n := m - 1; n >= 0; n-- { // back: x_n = S_n⁻¹·(y_n + Q↑_n·x_{n+1})
		y := r[ch.offset[n]:ch.offset[n+1]]
		above := x[ch.offset[n+1]:ch.offset[n+2]]
		for k := range y {
			if transposed { // Q↓_{n+1}ᵀ
				wd, _ := ch.downRates(n+1, k)
				y[k] += wd * above[k]
				if k+1 < len(above) {
					_, cd := ch.downRates(n+1, k+1)
					y[k] += cd * above[k+1]
				}
				continue
			}
			wu, cu := ch.upRates(n, k)
			y[k] += wu * above[k]
			if k+1 < len(above) {
				y[k] += cu * above[k+1]
			}
		}
		ch.pivotApply(n, y, x[ch.offset[n]:ch.offset[n]], transposed)
	}
}

// pivotApply appends S_n⁻¹·v, or S_n⁻ᵀ·v when transposed, to out.
func (ch *coldClassChain) pivotApply(n int, v, out []float64, transposed bool) []float64 {
	b := len(v)
	inv := ch.pivotInv[n]
	for i := range b {
		var x float64
		for j := range b {
			if transposed {
				x += inv[j*b+i] * v[j]
			} else {
				x += inv[i*b+j] * v[j]
			}
		}
		out = append(out, x)
	}
	return out
}

// window returns P(max_T N ≤ m) and P(max_T N ≤ m, N = m at the end), both
// from v = π_{≤m}·exp(Q_m·T): by uniformization when the window is shorter
// than spectralMinRelaxations cold service times and the work fits the
// budget, else from the slowest mode (right r, left l, rate θ of −Q_m):
// v ≈ (π·r)/(l·r)·l·e^{−θT}.
func (ch *coldClassChain) window(m int, work *float64) (below, atTop float64, spectral bool) {
	states := ch.offset[m+1]
	rate := ch.lambda + float64(m)*max(ch.warmRate, ch.coldRate)
	cost := rate * ch.T * float64(states)
	if ch.T*ch.coldRate < spectralMinRelaxations && rate*ch.T <= maxUniformizationSteps && *work+cost <= maxExactWork {
		*work += cost
		below, atTop = ch.uniformize(m, rate)
		return below, atTop, false
	}
	below, atTop = ch.slowestModeWindow(m)
	return below, atTop, true
}

// slowestModeWindow is window from the slowest mode of −Q_m, found by
// inverse iteration on the block LU from the last round's modes.
func (ch *coldClassChain) slowestModeWindow(m int) (below, atTop float64) {
	states := ch.offset[m+1]
	ch.factor(m)
	right, left := ch.startingMode(m)
	rhs, prev := ch.rhs[:states], ch.prev[:states]
	theta := 0.0
	for range 60 {
		copy(rhs, right)
		ch.solve(m, rhs, right, false)
		norm := 0.0
		for _, v := range right {
			norm = max(norm, math.Abs(v))
		}
		if !(norm > 0) || math.IsInf(norm, 0) {
			return 0, 0
		}
		for i := range right {
			right[i] /= norm
		}
		next := 1 / norm // right was scaled to max 1
		if math.Abs(next-theta) <= 1e-9*next {
			theta = next
			break
		}
		theta = next
	}
	for range 60 {
		copy(rhs, left)
		copy(prev, left)
		ch.solve(m, rhs, left, true)
		norm, change := 0.0, 0.0
		for _, v := range left {
			norm = max(norm, math.Abs(v))
		}
		if !(norm > 0) || math.IsInf(norm, 0) {
			return 0, 0
		}
		for i := range left {
			left[i] /= norm
			change = max(change, math.Abs(left[i]-prev[i]))
		}
		if change <= 1e-9 {
			break
		}
	}
	var piR, lR, l1, lTop float64
	for i := range states {
		piR += ch.pi[i] * right[i]
		lR += left[i] * right[i]
		l1 += left[i]
		if i >= ch.offset[m] {
			lTop += left[i]
		}
	}
	if !(lR > 0) {
		return 0, 0
	}
	scale := piR / lR * math.Exp(-theta*ch.T)
	return min(1, max(0, scale*l1)), min(1, max(0, scale*lTop))
}

// startingMode returns the vectors to start level m's inverse iteration
// from: its modes of the last round, else level m−1's extended by a copy of
// their top level, else ones.
func (ch *coldClassChain) startingMode(m int) (right, left []float64) {
	if ch.rightAt[m] == nil {
		states := ch.offset[m+1]
		right, left = make([]float64, states), make([]float64, states)
		for i := range right {
			right[i], left[i] = 1, 1
		}
		if m > 0 && ch.rightAt[m-1] != nil {
			from := ch.offset[m-1]
			copy(right, ch.rightAt[m-1])
			copy(left, ch.leftAt[m-1])
			copy(right[ch.offset[m]:], ch.rightAt[m-1][from:])
			copy(left[ch.offset[m]:], ch.leftAt[m-1][from:])
		}
		ch.rightAt[m], ch.leftAt[m] = right, left
	}
	return ch.rightAt[m], ch.leftAt[m]
}

// uniformize evolves v = π_{≤m} under the chain killed above m for T:
// Σ_j Poisson(ΛT; j)·v·P^j with P = I + Q_m/Λ.
func (ch *coldClassChain) uniformize(m int, rate float64) (below, atTop float64) {
	states := ch.offset[m+1]
	v := append([]float64(nil), ch.pi[:states]...)
	next := make([]float64, states)
	acc := make([]float64, states)
	lt := rate * ch.T
	steps := int(lt + 10*math.Sqrt(lt) + 20)
	logWeight, logLT := -lt, math.Log(lt)
	for j := 0; j <= steps; j++ {
		w := math.Exp(logWeight)
		for i, x := range v {
			acc[i] += w * x
		}
		clear(next)
		for n := 0; n <= m; n++ {
			for k := range ch.width(n) {
				x := v[ch.offset[n]+k]
				if x == 0 {
					continue
				}
				next[ch.offset[n]+k] += x * (1 - ch.outRate(n, k)/rate)
				if n < m {
					wu, cu := ch.upRates(n, k)
					next[ch.offset[n+1]+k] += x * wu / rate
					if cu > 0 {
						next[ch.offset[n+1]+k+1] += x * cu / rate
					}
				}
				if n > 0 {
					wd, cd := ch.downRates(n, k)
					if wd > 0 {
						next[ch.offset[n-1]+k] += x * wd / rate
					}
					if cd > 0 {
						next[ch.offset[n-1]+k-1] += x * cd / rate
					}
				}
			}
		}
		v, next = next, v
		logWeight += logLT - math.Log(float64(j+1))
	}
	for i, x := range acc {
		below += x
		if i >= ch.offset[m] {
			atTop += x
		}
	}
	return min(1, below), min(1, atTop)
}

// maxima returns P(cold), E[max(c, max_T N)] and the new closure q(n) =
// P(max_T N ≤ n | N = n) for n ≥ c (arrivals below c find a provisioned
// instance).
func (ch *coldClassChain) maxima(c int, work *float64) (pCold, instances float64, coldAt []float64, method string) {
	coldAt = make([]float64, ch.top+1)
	method = "exact"
	instances = float64(c)
	cdf := 0.0
	for n := range c {
		cdf += sum(ch.pi[ch.offset[n]:ch.offset[n+1]])
	}
	for m := c; m <= ch.top; m++ {
		level := sum(ch.pi[ch.offset[m]:ch.offset[m+1]])
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

func sum(v []float64) (s float64) {
	for _, x := range v {
		s += x
	}
	return s
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
	for n := c; n <= top; n++ {
		ch.coldAt[n] = 1
		if n < len(closure) {
			ch.coldAt[n] = closure[n]
		}
	}
	step, lastChange := 0.5, 0.0
	for round := range maxColdClassRounds {
		ch.stationary()
		ch.pivotInv = ch.pivotInv[:0]
		p, inst, coldAt, how := ch.maxima(c, work)
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
		pCold, instances, method = p, inst, how
		for n, q := range coldAt {
			ch.coldAt[n] += step * (q - ch.coldAt[n])
		}
	}
	return pCold, instances, method
}
