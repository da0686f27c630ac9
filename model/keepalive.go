package model

import "math"

// KeepAlive describes one function on a scale-per-request platform: Poisson
// arrivals, one request per instance at a time, idle instances kept warm for
// the keep-alive, provisioned instances always warm.
type KeepAlive struct {
	ArrivalRatePerSecond   float64 `json:"arrival_rate_per_second"`
	WarmServiceTimeMs      float64 `json:"warm_service_time_ms"`
	ColdServiceTimeMs      float64 `json:"cold_service_time_ms"`
	KeepAliveMinutes       float64 `json:"keep_alive_minutes"`
	ProvisionedConcurrency float64 `json:"provisioned_concurrency"`
}

// KeepAliveResult is the steady state of the keep-alive model.
type KeepAliveResult struct {
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
	// (uniformization) or "spectral" (slowest mode, long windows).
	Method string `json:"method"`
}

// Limits of the exact computation: beyond them the spectral approximation,
// accurate when the keep-alive is long against the service time, is used.
const (
	maxUniformizationSteps = 20_000
	poissonTailSigmas      = 12
	// spectralMinRelaxations: a window this many service times long has
	// forgotten its start but for e^{-30}; its slowest mode is exact.
	spectralMinRelaxations = 30
	// maxExactWork bounds the uniformization work of one solve (state
	// updates); beyond it the slowest mode stands in, and says so.
	maxExactWork = 5_000_000
	// maxChainConcurrency bounds the chain: beyond this mean concurrency
	// the busy count is Gaussian and its window maximum is taken as such.
	maxChainConcurrency = 100
)

// CalculateKeepAlive solves the keep-alive model.
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
// Where T·λ is tiny the model reduces to P(cold) = e^{−λ(T+s)}; where it is
// huge, to the Gaussian maximum of N. s̄ = s_warm + P(cold)(s_cold − s_warm)
// is found by fixed-point iteration.
func CalculateKeepAlive(k KeepAlive) KeepAliveResult {
	lambda := k.ArrivalRatePerSecond
	warm, cold := k.WarmServiceTimeMs/1000, k.ColdServiceTimeMs/1000
	T := k.KeepAliveMinutes * 60
	c := math.Floor(k.ProvisionedConcurrency)
	if lambda <= 0 || warm+cold <= 0 {
		return KeepAliveResult{ColdStartProbability: 0, AvgInstances: c, AvgIdleInstances: c, Method: "exact"}
	}
	p, s := 0.5, warm
	var instances float64
	var method string
	for range 6 {
		s = max(warm+p*(cold-warm), 1e-9)
		previous := p
		if lambda*s > maxChainConcurrency {
			p, instances, method = gaussianMaxima(lambda, s, T, c)
		} else {
			p, instances, method = windowMaxima(lambda, s, T, c)
		}
		if math.IsNaN(p) {
			p = 1
		}
		if math.Abs(p-previous) <= 1e-4*p {
			break
		}
	}
	s = max(warm+p*(cold-warm), 1e-9)
	running := lambda * s
	instances = max(instances, running, c)
	return KeepAliveResult{
		ColdStartProbability:         p,
		AvgInstances:                 instances,
		AvgRunningInstances:          running,
		AvgIdleInstances:             instances - running,
		Utilization:                  ratio(running, instances),
		IdleInstanceSecondsPerSecond: instances - running,
		Method:                       method,
	}
}

// windowMaxima returns P(cold) and E[max(c, max_T N)] for the chain with
// arrival rate lambda, mean service s (seconds) and window T (seconds).
func windowMaxima(lambda, s, T, c float64) (pCold, instances float64, method string) {
	mu := 1 / s
	rho := lambda * s
	top := int(math.Ceil(rho + poissonTailSigmas*math.Sqrt(rho+1) + 30))
	pi := poissonPMF(rho, top)
	cdf := 0.0
	instances = c
	method = "exact"
	work := 0.0
	for m := 0; m <= top; m++ {
		cdf += pi[m]
		fm := float64(m)
		u, how := stayBelow(lambda, mu, T, m, &work)
		if how != "exact" {
			method = how
		}
		if fm >= c {
			pCold += pi[m] * u[m]
		}
		// P(max ≤ m) over the window; instances above c count while it is < 1.
		below := 0.0
		for j := 0; j <= m; j++ {
			below += pi[j] * u[j]
		}
		if fm >= c {
			instances += 1 - below
		}
		if 1-below < 1e-12 && 1-cdf < 1e-12 {
			break
		}
	}
	return pCold, instances, method
}

// gaussianMaxima is the large-load limit: N ≈ Normal(ρ, ρ) relaxing at
// rate μ = 1/s, so a window of T holds about 1 + μT independent values and
// its maximum is ρ + √ρ·√(2 ln(1 + μT)). A cold start is then a request that
// finds the count at a new maximum, P ≈ 1/(λ·(T + s)) per instance created,
// with (max − ρ) instances turning over each window.
func gaussianMaxima(lambda, s, T, c float64) (pCold, instances float64, method string) {
	rho := lambda * s
	peak := rho + math.Sqrt(rho)*math.Sqrt(2*math.Log(1+T/s))
	instances = max(c, peak)
	if peak > c {
		pCold = min(1, (peak-max(c, rho))/(lambda*(T+s)))
	}
	return pCold, instances, "gaussian"
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
// (up-rate lambda, down-rate j·mu) stays at or below m for T seconds. work
// counts the uniformization done so far, against maxExactWork.
func stayBelow(lambda, mu, T float64, m int, work *float64) ([]float64, string) {
	rate := lambda + float64(m)*mu
	cost := rate * T * float64(m+1)
	if mu*T < spectralMinRelaxations && rate*T <= maxUniformizationSteps && *work+cost <= maxExactWork {
		*work += cost
		return uniformize(lambda, mu, T, m, rate), "exact"
	}
	return slowestMode(lambda, mu, T, m), "spectral"
}

// uniformize computes exp(Q_m T)·1 with Q_m the generator killed above m:
//
//	u(T) = Σ_k e^{−ΛT} (ΛT)^k / k! · P^k 1,   P = I + Q_m/Λ
func uniformize(lambda, mu, T float64, m int, rate float64) []float64 {
	v := make([]float64, m+1)
	next := make([]float64, m+1)
	out := make([]float64, m+1)
	for j := range v {
		v[j] = 1
	}
	lt := rate * T
	steps := int(lt + 10*math.Sqrt(lt) + 20)
	logWeight := -lt // log of the Poisson(ΛT) weight of step k
	logLT := math.Log(lt)
	for k := 0; k <= steps; k++ {
		w := math.Exp(logWeight)
		for j := range out {
			out[j] += w * v[j]
		}
		for j := 0; j <= m; j++ {
			down := float64(j) * mu
			stay := 1 - (lambda+down)/rate
			x := stay * v[j]
			if j < m {
				x += lambda / rate * v[j+1]
			}
			if j > 0 {
				x += down / rate * v[j-1]
			}
			next[j] = x
		}
		v, next = next, v
		logWeight += logLT - math.Log(float64(k+1))
	}
	for j := range out {
		out[j] = min(1, max(0, out[j]))
	}
	return out
}

// slowestMode approximates exp(Q_m T)·1 by the slowest decaying mode of the
// killed chain: r · ⟨r,1⟩_π / ⟨r,r⟩_π · e^{−γT}, found by inverse iteration
// (the generator is tridiagonal and self-adjoint in ℓ²(π)).
func slowestMode(lambda, mu, T float64, m int) []float64 {
	n := m + 1
	diag := make([]float64, n) // −Q: diagonal
	for j := range diag {
		diag[j] = lambda + float64(j)*mu
	}
	r := make([]float64, n)
	for j := range r {
		r[j] = 1
	}
	x := make([]float64, n)
	cp := make([]float64, n)
	dp := make([]float64, n)
	gamma := 0.0
	for range 60 {
		// Solve (−Q) x = r: sub-diagonal −j·mu, super-diagonal −lambda.
		for j := 0; j < n; j++ {
			sub := 0.0
			if j > 0 {
				sub = -float64(j) * mu
			}
			den := diag[j]
			if j > 0 {
				den -= sub * cp[j-1]
			}
			if j < n-1 {
				cp[j] = -lambda / den
			}
			prev := 0.0
			if j > 0 {
				prev = dp[j-1]
			}
			dp[j] = (r[j] - sub*prev) / den
		}
		x[n-1] = dp[n-1]
		for j := n - 2; j >= 0; j-- {
			x[j] = dp[j] - cp[j]*x[j+1]
		}
		norm := 0.0
		for _, v := range x {
			norm = max(norm, math.Abs(v))
		}
		if norm == 0 || math.IsInf(norm, 0) || math.IsNaN(norm) {
			break
		}
		rn := 0.0
		for _, v := range r {
			rn = max(rn, math.Abs(v))
		}
		next := rn / norm
		for j := range r {
			r[j] = x[j] / norm
		}
		if math.Abs(next-gamma) <= 1e-12*next {
			gamma = next
			break
		}
		gamma = next
	}
	// Project 1 on r in ℓ²(π); π up to a constant: π_j ∝ ρ^j / j!,
	// scaled by its largest term so that no weight overflows.
	rho := lambda / mu
	logPi := make([]float64, n)
	top := math.Inf(-1)
	for j := 1; j < n; j++ {
		logPi[j] = logPi[j-1] + math.Log(rho) - math.Log(float64(j))
	}
	for _, l := range logPi {
		top = max(top, l)
	}
	var dot1, dotR float64
	for j := 0; j < n; j++ {
		w := math.Exp(logPi[j] - top)
		dot1 += w * r[j]
		dotR += w * r[j] * r[j]
	}
	if !(dotR > 0) || math.IsNaN(dot1) || math.IsInf(dotR, 0) {
		return make([]float64, n) // no usable mode: nothing stays below
	}
	out := make([]float64, n)
	decay := math.Exp(-gamma * T)
	for j := range out {
		out[j] = min(1, max(0, r[j]*dot1/dotR*decay))
	}
	return out
}
