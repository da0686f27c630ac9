package keepalive

import "math"

// window returns P(the window stays below the kill) and, into atTop (if
// given), per state of level m the probability that it does and ends in
// that state: from v = π_{≤m}·exp(Q_m·T), Q_m the chain killed above level m
// and above the class cap. By uniformization when the window is shorter
// than spectralMinRelaxations cold service times and the work fits the
// budget, else from the slowest mode (right r, left l, rate θ of −Q_m):
// v ≈ (π·r)/(l·r)·l·e^{−θT}.
func (ch *coldClassChain) window(m int, atTop []float64, work *float64) (below float64, spectral bool) {
	states := ch.offset[m+1]
	rate := ch.lambda + float64(m)*max(ch.warmRate, ch.coldRate)
	cost := rate * ch.T * float64(states)
	if ch.T*ch.coldRate < spectralMinRelaxations && rate*ch.T <= maxUniformizationSteps && *work+cost <= maxExactWork {
		*work += cost
		return ch.uniformize(m, rate, atTop), false
	}
	return ch.slowestModeWindow(m, atTop), true
}

// slowestModeWindow is window from the slowest mode of −Q_m, found by
// inverse iteration on the block LU from the last round's modes.
func (ch *coldClassChain) slowestModeWindow(m int, atTop []float64) (below float64) {
	states := ch.offset[m+1]
	ch.factor(m)
	right, left := ch.startingMode(m)
	theta, ok := ch.inverseIteration(m, right, false)
	clear(atTop)
	if _, okLeft := ch.inverseIteration(m, left, true); !ok || !okLeft {
		return 0
	}
	var piR, lR, l1 float64
	for i := range states {
		piR += ch.pi[i] * right[i]
		lR += left[i] * right[i]
		l1 += left[i]
	}
	if !(lR > 0) {
		return 0
	}
	scale := piR / lR * math.Exp(-theta*ch.T)
	for k := range atTop {
		if !ch.killed(k) {
			atTop[k] = max(0, scale*left[ch.offset[m]+k])
		}
	}
	return min(1, max(0, scale*l1))
}

// inverseIteration turns v, max-normed, into the slowest mode of −Q_m (or
// of its transpose) in place, until it moves by at most 1e-9, and returns
// the mode's rate θ: 1 over the growth of the last solve. ok is false when
// a solve breaks down.
func (ch *coldClassChain) inverseIteration(m int, v []float64, transposed bool) (theta float64, ok bool) {
	rhs, prev := ch.rhs[:len(v)], ch.prev[:len(v)]
	for range 60 {
		copy(rhs, v)
		copy(prev, v)
		ch.solve(m, rhs, v, transposed)
		norm := 0.0
		for _, x := range v {
			norm = max(norm, math.Abs(x))
		}
		if !(norm > 0) || math.IsInf(norm, 0) {
			return 0, false
		}
		change := 0.0
		for i := range v {
			v[i] /= norm
			change = max(change, math.Abs(v[i]-prev[i]))
		}
		theta = 1 / norm
		if change <= 1e-9 {
			break
		}
	}
	return theta, true
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
func (ch *coldClassChain) uniformize(m int, rate float64, atTop []float64) (below float64) {
	states := ch.offset[m+1]
	v := append([]float64(nil), ch.pi[:states]...)
	ch.dropKilled(m, v)
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
		ch.dropKilled(m, next)
		v, next = next, v
		logWeight += logLT - math.Log(float64(j+1))
	}
	for _, x := range acc {
		below += x
	}
	copy(atTop, acc[ch.offset[m]:])
	return min(1, below)
}

// dropKilled clears the mass of the states above the class cap, levels
// 0..m of v.
func (ch *coldClassChain) dropKilled(m int, v []float64) {
	for n := ch.kCap + 1; ch.capped() && n <= m; n++ {
		for k := ch.kCap + 1; k < ch.width(n); k++ {
			v[ch.offset[n]+k] = 0
		}
	}
}
