package keepalive

import (
	"math"

	"planner/model/num"
)

// Input describes one function on a scale-per-request platform: Poisson
// arrivals, one request per instance at a time, idle instances kept warm for
// the keep-alive, provisioned instances always warm.
type Input struct {
	ArrivalRatePerSecond   float64 `json:"arrival_rate_per_second"`
	WarmServiceTimeMs      float64 `json:"warm_service_time_ms"`
	ColdServiceTimeMs      float64 `json:"cold_service_time_ms"`
	KeepAliveMinutes       float64 `json:"keep_alive_minutes"`
	ProvisionedConcurrency float64 `json:"provisioned_concurrency"`
	// PerInstance is how many requests one instance holds at once (0 or 1:
	// one at a time, as on Lambda); see solvePacked.
	PerInstance int `json:"per_instance,omitempty"`
}

// Result is the steady state of the keep-alive model.
type Result struct {
	ColdStartProbability float64 `json:"cold_start_probability"`
	// AvgInstances counts every instance alive, provisioned ones included.
	AvgInstances        float64 `json:"avg_instances"`
	AvgRunningInstances float64 `json:"avg_running_instances"`
	AvgIdleInstances    float64 `json:"avg_idle_instances"`
	Utilization         float64 `json:"utilization"`
	// IdleInstanceSecondsPerSecond is what keep-alive holds in memory:
	// idle instance-seconds per second of wall time.
	IdleInstanceSecondsPerSecond float64 `json:"idle_instance_seconds_per_second"`
	// Method says how the window maxima were computed: "exact"
	// (uniformization) or "spectral" (slowest mode, long windows), with
	// ", scaled" above a mean concurrency of 200 (diffusion scaling) and
	// ", cold class" where busy cold requests are counted apart, or ", cold
	// class rescaled" where that correction of P(cold) was measured at a
	// mean concurrency of 36 and carried over (above 40).
	Method string `json:"method"`
}

// Limits of the exact computation: beyond them the spectral approximation,
// accurate when the keep-alive is long against the service time, is used.
const (
	maxUniformizationSteps = 20_000
	poissonTailSigmas      = 12
	// spectralMinRelaxations: a window this many service times long has
	// mostly forgotten its start: its slowest mode gives P(cold) within 0.5%
	// and instances within 0.01% of uniformization (TestSpectralWindows).
	spectralMinRelaxations = 3
	// maxExactWork bounds the uniformization work of one model solve (state
	// updates); beyond it the slowest mode stands in, and says so.
	maxExactWork = 10_000_000
	// maxChainConcurrency bounds the chain: beyond this mean concurrency
	// the chain is solved at this concurrency and scaled (diffusion limit).
	maxChainConcurrency = 200
	// negligibleWindowMass: levels whose window maximum stays below them
	// with less probability than this are always exceeded.
	negligibleWindowMass = 1e-14
	// Where another request arrives during a cold request's extra time
	// (cold − warm) with at least this probability, up to a mean concurrency
	// of maxColdClassConcurrency, the model is solved on the cold-class
	// chain (coldClassWindowMaxima).
	coldClassMinOverlap     = 0.01
	maxColdClassConcurrency = 40
)

// Solve solves the keep-alive model.
//
// The busy instances N(t) form an M/G/∞ queue: N is Poisson(ρ) with
// ρ = λ·s̄ (s̄ the mean service time, cold requests taking longer), and N is
// modelled as the birth–death chain with up-rate λ and down-rate n/s̄. A
// request goes to the most recently used idle instance, so instances form a
// stack and the k-th instance is alive exactly when N reached k during the
// last keep-alive T (or k ≤ c, the provisioned ones). Hence
//
//	instances     = E[max(c, max_{[t−T,t]} N)]   = c + Σ_{k>c} P(max_T N ≥ k)
//	P(max_T N ≤ m) = Σ_{j≤m} π_j · P_j(N stays ≤ m for T)          (reversibility)
//	P(cold)        = Σ_{n≥c} π_n · P_n(N stays ≤ n for T)            (PASTA)
//	running        = λ·s̄ (Little's Law),  idle = instances − running
//
// P_j(stay ≤ m for T) is computed exactly by uniformization of the chain
// killed above m, or, when λT is large, from the chain's slowest mode
// (inverse iteration on the tridiagonal generator), exact to e^{−T/s̄}.
// Where T·λ is tiny the model reduces to P(cold) = e^{−λ(T+s)}. Above a
// mean concurrency of 200 the chain is solved at lower concurrencies with
// the same T/s̄ and scaled by the diffusion limit (scaledWindowMaxima).
// s̄ = s_warm + P(cold)(s_cold − s_warm) is found by fixed-point iteration.
//
// A cold request holds its instance for s_cold, not s̄, and it starts
// exactly when N reaches a new maximum, so the single rate understates how
// long N stays at its peaks. Where that matters (another arrival within
// s_cold − s_warm is likely: λ(s_cold − s_warm) ≥ 0.01) and the mean
// concurrency is at most 40, the chain that counts the busy cold requests
// refines the result (coldClassWindowMaxima; within 1–7% of simulation
// where the single rate is 5–30% off). Above 40, where the keep-alive is
// at least twice the cold service time and a cold start adds at least a
// quarter of the warm one, the factor that chain applies to P(cold) at a
// mean concurrency of 36 is carried over by the diffusion scaling
// (rescaledColdClass; mean error against simulation 7–9% → 4–5.5%).
func Solve(k Input) Result {
	if k.PerInstance > 1 {
		return solvePacked(k)
	}
	return solveKeepAlive(k, true)
}

// Solver supplies keep-alive solves: the result of an input, or
// false when it is not ready (a browser that has spent its time for an edit
// solves the rest in the background).
type Solver func(Input) (Result, bool)

// SingleRate is Solve without the cold-class
// refinement: microseconds instead of milliseconds a solve, for callers
// that need thousands of rough values (the policy learner's reward).
func SingleRate(k Input) Result {
	return solveKeepAlive(k, false)
}

func solveKeepAlive(k Input, coldClass bool) Result {
	lambda := k.ArrivalRatePerSecond
	warm, cold := k.WarmServiceTimeMs/1000, k.ColdServiceTimeMs/1000
	T := k.KeepAliveMinutes * 60
	c := math.Floor(k.ProvisionedConcurrency)
	if lambda <= 0 || warm+cold <= 0 {
		return Result{AvgInstances: c, AvgIdleInstances: c, IdleInstanceSecondsPerSecond: c, Method: "exact"}
	}
	var work float64 // uniformization done, against maxExactWork
	p, instances, method, closure := singleRateFixedPoint(lambda, warm, cold, T, c, &work)
	if rho := lambda * meanServiceTime(warm, cold, p); coldClass && lambda*(cold-warm) >= coldClassMinOverlap {
		switch {
		case rho <= maxColdClassConcurrency:
			p, instances, method = coldClassWindowMaxima(lambda, warm, cold, T, int(c), rho, p, closure, &work)
		case T >= 2*cold && cold-warm >= rescaledColdClassMinExtra*warm:
			if rescaled, ok := rescaledColdClass(lambda, warm, cold, T, c, rho, p, &work); ok {
				p, method = rescaled, method+", cold class rescaled"
			}
		}
	}
	return newResult(p, instances, lambda*meanServiceTime(warm, cold, p), c, method)
}

// newResult is the steady state with P(cold) p, the instances alive (at
// least the running and the provisioned c) and the running ones.
func newResult(p, instances, running, c float64, method string) Result {
	instances = max(instances, running, c)
	return Result{
		ColdStartProbability:         p,
		AvgInstances:                 instances,
		AvgRunningInstances:          running,
		AvgIdleInstances:             instances - running,
		Utilization:                  num.Ratio(running, instances),
		IdleInstanceSecondsPerSecond: instances - running,
		Method:                       method,
	}
}

// meanServiceTime is s̄ = s_warm + P(cold)·(s_cold − s_warm), seconds (at
// least 1 ns, so that a rate over it stays finite).
func meanServiceTime(warm, cold, pCold float64) float64 {
	return max(warm+pCold*(cold-warm), 1e-9)
}

// singleRateFixedPoint solves the single-rate chain, whose mean service
// time s = s_warm + P(cold)·(s_cold − s_warm) depends on its answer, by
// fixed-point iteration from the single-instance value e^{−λ(T+s_warm)}.
// closure is P(cold | n busy) by level (nil in the scaled regime).
func singleRateFixedPoint(lambda, warm, cold, T, c float64, work *float64) (p, instances float64, method string, closure []float64) {
	p = math.Exp(-lambda * (T + warm))
	for range 6 {
		s := meanServiceTime(warm, cold, p)
		previous := p
		if lambda*s > maxChainConcurrency {
			p, instances, method = scaledWindowMaxima(lambda, s, T, c, work)
		} else {
			solver := newWindowSolver(lambda, s, T, work)
			p, instances, method = solver.maxima(c)
			closure = solver.coldAt
		}
		if math.IsNaN(p) {
			p = 1
		}
		// Done when p has settled, or when the service time it implies is
		// the one just solved with (to 1e-4: another solve changes p less).
		if math.Abs(p-previous) <= 1e-4*p || math.Abs(meanServiceTime(warm, cold, p)-s) <= 1e-4*s {
			break
		}
	}
	return p, instances, method, closure
}

// windowMaxima returns P(cold) and E[max(c, max_T N)] for the chain with
// arrival rate lambda, mean service s (seconds) and window T (seconds).
// Levels m below the first one the window maximum can stay under (found by
// bisection) each add one instance and no cold starts. A fractional c
// interpolates linearly between the integer levels around it.
func windowMaxima(lambda, s, T, c float64, work *float64) (pCold, instances float64, method string) {
	return newWindowSolver(lambda, s, T, work).maxima(c)
}

func newWindowSolver(lambda, s, T float64, work *float64) *windowSolver {
	rho := lambda * s
	top := int(math.Ceil(rho + poissonTailSigmas*math.Sqrt(rho+1) + 30))
	return &windowSolver{lambda: lambda, mu: 1 / s, T: T, pi: poissonPMF(rho, top), work: work,
		budget: maxExactWork, spectralFrom: spectralMinRelaxations, method: "exact"}
}

// maxima is windowMaxima on the solver's chain.
func (w *windowSolver) maxima(c float64) (pCold, instances float64, method string) {
	top := len(w.pi) - 1
	first := w.firstReachableLevel(top)
	cdf := 0.0
	for _, v := range w.pi[:first] {
		cdf += v
	}
	instances = max(c, float64(first))
	w.coldAt = make([]float64, top+1)
	for m := range w.coldAt {
		w.coldAt[m] = 1 // levels above the last solved one: always a new maximum
	}
	for m := range first {
		w.coldAt[m] = 0 // always exceeded within the window
	}
	w.mode = nil // the bisection's modes are no start for the ascent
	for m := first; m <= top; m++ {
		cdf += w.pi[m]
		u, below := w.solve(m)
		// The weight of level m: 1 above c, 1 − frac(c) at ⌊c⌋, 0 below.
		weight := min(1, max(0, float64(m)+1-c))
		pCold += weight * w.pi[m] * u[m]
		w.coldAt[m] = u[m]
		instances += weight * (1 - below) // P(max_T N > m)
		if 1-below < 1e-12 && 1-cdf < 1e-12 {
			break
		}
	}
	return pCold, instances, w.method
}

// Richardson extrapolation of the diffusion limit: the chain is solved at
// two mean concurrencies, scaledFrom and maxChainConcurrency.
const scaledFrom = maxChainConcurrency / 4

// scaledWindowMaxima is windowMaxima for ρ = λ·s above maxChainConcurrency.
// In the diffusion limit N ≈ ρ + √ρ·X (X an Ornstein–Uhlenbeck process with
// relaxation time s) the window maximum is ρ + √ρ·M (M independent of ρ for a
// fixed T/s) and a cold start is a step to a new maximum, so
//
//	instances(ρ) = ρ + (instances₀ − ρ₀)·√(ρ/ρ₀),   P(cold)(ρ) = P₀·√(ρ₀/ρ)
//
// with the chain solved at ρ₀ and the provisioned level c₀ = ρ₀ + (c − ρ)·√(ρ₀/ρ)
// at the same distance in standard deviations. The error of this scaling
// falls as 1/√ρ₀; solving at ρ₀ = 50 and 200 and extrapolating in 1/√ρ₀
// (Richardson) removes its leading term.
func scaledWindowMaxima(lambda, s, T, c float64, work *float64) (pCold, instances float64, method string) {
	rho := lambda * s
	at := func(rho0 float64) (p, inst float64, how string) {
		scale := math.Sqrt(rho / rho0)
		c0 := max(0, rho0+(c-rho)/scale)
		p0, inst0, how := windowMaxima(rho0/s, s, T, c0, work)
		return p0 / scale, rho + (inst0-rho0)*scale, how
	}
	p1, inst1, _ := at(scaledFrom)
	p2, inst2, how := at(maxChainConcurrency)
	// f(ρ) = f₂ + (f₂ − f₁)·(ρ₂^{−½} − ρ^{−½}) / (ρ₁^{−½} − ρ₂^{−½})
	k := (1/math.Sqrt(maxChainConcurrency) - 1/math.Sqrt(rho)) / (1/math.Sqrt(scaledFrom) - 1/math.Sqrt(maxChainConcurrency))
	pCold = min(1, max(0, p2+k*(p2-p1)))
	instances = max(c, rho, inst2+k*(inst2-inst1))
	return pCold, instances, how + ", scaled"
}

// windowSolver holds one chain's constants and what its solves share.
type windowSolver struct {
	lambda, mu, T float64
	pi            []float64 // Poisson(ρ) weights of the busy count
	work          *float64  // uniformization done so far, against budget
	budget        float64   // most uniformization work, then the slowest mode
	spectralFrom  float64   // windows of at least this many service times: slowest mode
	mode          []float64 // the last slowest mode, the next one's start
	method        string    // "exact" unless a solve used the slowest mode
	coldAt        []float64 // P(max_T N ≤ n | N = n) per level, set by maxima
}

// solve returns u_j = P_j(N stays ≤ m for T) for j ≤ m and
// P(max_T N ≤ m) = Σ_{j≤m} π_j·u_j.
func (w *windowSolver) solve(m int) (u []float64, below float64) {
	u = w.stayBelow(m)
	for j := 0; j <= m; j++ {
		below += w.pi[j] * u[j]
	}
	return u, below
}

// firstReachableLevel returns the lowest level m ≤ top with
// P(max_T N ≤ m) ≥ negligibleWindowMass (P is increasing in m).
func (w *windowSolver) firstReachableLevel(top int) int {
	lo, hi := 0, top
	if _, below := w.solve(0); below >= negligibleWindowMass {
		return 0
	}
	for hi-lo > 1 { // below(lo) negligible, below(hi) not or hi = top
		mid := (lo + hi) / 2
		if _, below := w.solve(mid); below < negligibleWindowMass {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// poissonPMF returns P(N = n) for n = 0..top, N Poisson(rho), in a stable way.
func poissonPMF(rho float64, top int) []float64 {
	pi := make([]float64, top+1)
	for n := range pi {
		lg, _ := math.Lgamma(float64(n) + 1)
		pi[n] = math.Exp(float64(n)*math.Log(rho) - rho - lg)
	}
	if rho == 0 {
		pi[0] = 1
	}
	return pi
}

// stayBelow returns, for every start j ≤ m, the probability that the chain
// (up-rate lambda, down-rate j·mu) stays at or below m for T seconds.
func (w *windowSolver) stayBelow(m int) []float64 {
	rate := w.lambda + float64(m)*w.mu
	cost := rate * w.T * float64(min(m, reach(w.lambda*w.T))+1)
	if w.mu*w.T < w.spectralFrom && rate*w.T <= maxUniformizationSteps && *w.work+cost <= w.budget {
		*w.work += cost
		return uniformize(w.lambda, w.mu, w.T, m, rate)
	}
	w.method = "spectral"
	var u []float64
	u, w.mode = slowestMode(w.lambda, w.mu, w.T, m, w.pi, w.mode)
	return u
}

// uniformize computes exp(Q_m T)·1 with Q_m the generator killed above m:
//
//	u(T) = Σ_k e^{−ΛT} (ΛT)^k / k! · P^k 1,   P = I + Q_m/Λ
//
// Starts more than reach(λT) levels below m cannot get above m within T
// (that takes more arrivals than Poisson(λT) gives but with e^{−70}): their
// u is 1 and only the band of levels above them is iterated.
func uniformize(lambda, mu, T float64, m int, rate float64) []float64 {
	out := make([]float64, m+1)
	lo := max(0, m-reach(lambda*T))
	for j := range lo {
		out[j] = 1
	}
	v := make([]float64, m+1)
	next := make([]float64, m+1)
	for j := range v {
		v[j], next[j] = 1, 1 // below lo both stay 1
	}
	lt := rate * T
	steps := int(lt + 10*math.Sqrt(lt) + 20)
	logWeight := -lt // log of the Poisson(ΛT) weight of step k
	logLT := math.Log(lt)
	for k := 0; k <= steps; k++ {
		w := math.Exp(logWeight)
		for j := lo; j <= m; j++ {
			out[j] += w * v[j]
		}
		for j := lo; j <= m; j++ {
			down := float64(j) * mu
			stay := 1 - (lambda+down)/rate
			x := stay * v[j]
			if j < m {
				x += lambda / rate * v[j+1]
			}
			if j > 0 {
				x += down / rate * v[j-1] // v[lo−1] stays 1
			}
			next[j] = x
		}
		v, next = next, v
		logWeight += logLT - math.Log(float64(k+1))
	}
	for j := lo; j <= m; j++ {
		out[j] = min(1, max(0, out[j]))
	}
	return out
}

// reach is the most arrivals a window with mean arrivals a brings, but with
// probability e^{−70}: a + 12√a + 30.
func reach(a float64) int {
	return int(math.Ceil(a + 12*math.Sqrt(a) + 30))
}

// slowestMode approximates exp(Q_m T)·1 by the slowest decaying mode of the
// killed chain: r · ⟨r,1⟩_π / ⟨r,r⟩_π · e^{−γT}, found by inverse iteration
// (the generator is tridiagonal and self-adjoint in ℓ²(π), pi its
// stationary weights, at least m+1 of them) started from start (the mode one
// level down) where given. It returns the probabilities and the mode.
func slowestMode(lambda, mu, T float64, m int, pi, start []float64) (u, mode []float64) {
	n := m + 1
	// LU of −Q_m once: diagonal λ + jμ, sub-diagonal −jμ, super-diagonal −λ.
	upper := make([]float64, n)   // super-diagonal of U, divided by its diagonal
	invDiag := make([]float64, n) // 1 / diagonal of U
	for j := range n {
		d := lambda + float64(j)*mu
		if j > 0 {
			d -= -float64(j) * mu * upper[j-1]
		}
		invDiag[j] = 1 / d
		upper[j] = -lambda * invDiag[j]
	}
	r := make([]float64, n)
	for j := range r {
		r[j] = 1
		if len(start) > 0 {
			r[j] = start[min(j, len(start)-1)]
		}
	}
	x := make([]float64, n)
	gamma, scale := 0.0, 1.0 // scale: the largest |r|
	for range 60 {
		// Solve (−Q_m) x = r by forward and back substitution.
		x[0] = r[0] * invDiag[0]
		for j := 1; j < n; j++ {
			x[j] = (r[j] + float64(j)*mu*x[j-1]) * invDiag[j]
		}
		norm := math.Abs(x[n-1])
		for j := n - 2; j >= 0; j-- {
			x[j] -= upper[j] * x[j+1]
			norm = max(norm, math.Abs(x[j]))
		}
		if norm == 0 || math.IsInf(norm, 0) || math.IsNaN(norm) {
			break
		}
		next := scale / norm
		for j := range r {
			r[j] = x[j] / norm
		}
		scale = 1
		if math.Abs(next-gamma) <= 1e-11*next {
			gamma = next
			break
		}
		gamma = next
	}
	// Project 1 on r in ℓ²(π).
	var dot1, dotR float64
	for j, w := range pi[:n] {
		dot1 += w * r[j]
		dotR += w * r[j] * r[j]
	}
	if !(dotR > 0) || math.IsNaN(dot1) || math.IsInf(dotR, 0) {
		return make([]float64, n), nil // no usable mode: nothing stays below
	}
	out := make([]float64, n)
	decay := math.Exp(-gamma * T)
	for j := range out {
		out[j] = min(1, max(0, r[j]*dot1/dotR*decay))
	}
	return out, r
}
