package keepalive

import "math"

// stationary solves πQ = 0 on levels 0..top (no arrivals at top) by level
// reduction: π_{n+1} = π_n·R_n with R_{n−1} = Q↑_{n−1}·(−(Q_nn + R_n·Q↓_{n+1}))⁻¹.
func (ch *coldClassChain) stationary() {
	bb := (ch.classes + 1) * (ch.classes + 1)
	if ch.reduction == nil {
		ch.reduction = make([]float64, ch.top*bb)
		ch.pi = make([]float64, ch.offset[ch.top+1])
	}
	scratch, inv, below := make([]float64, bb), make([]float64, bb), make([]float64, bb)
	for n := ch.top; n >= 1; n-- {
		b, a := ch.width(n), ch.width(n-1)
		M := scratch[:b*b] // −(Q_nn + R_n·Q↓_{n+1}); below holds R_n·Q↓_{n+1}
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
// Under a class cap (kCap) the levels above the cap, where states
// are killed, get pivots of their own, from the shared ones below.
func (ch *coldClassChain) factor(m int) {
	if len(ch.pivotInv) == 0 {
		ch.pivotInv = append(ch.pivotInv, []float64{1 / ch.outRate(0, 0)})
	}
	shared := m
	if ch.capped() {
		shared = min(m, ch.kCap)
	}
	for n := len(ch.pivotInv); n <= shared; n++ {
		ch.pivotInv = append(ch.pivotInv, ch.pivotAt(n, ch.pivotInv[n-1]))
	}
	ch.cappedInv = ch.cappedInv[:0]
	for n := shared + 1; n <= m; n++ {
		ch.cappedInv = append(ch.cappedInv, ch.pivotAt(n, ch.pivot(n-1)))
	}
}

// pivotAt is S_n⁻¹ from S_{n−1}⁻¹ (prev); states above the class cap leave
// at once (a rate killedRate times all others).
func (ch *coldClassChain) pivotAt(n int, prev []float64) []float64 {
	a, b := ch.width(n-1), ch.width(n)
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
		if ch.killed(k) {
			S[k*b+k] *= killedRate
		}
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
	return inv
}

// pivot is S_n⁻¹ of the chain as it is killed now.
func (ch *coldClassChain) pivot(n int) []float64 {
	if ch.capped() && n > ch.kCap {
		return ch.cappedInv[n-ch.kCap-1]
	}
	return ch.pivotInv[n]
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
	inv := ch.pivot(n)
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
