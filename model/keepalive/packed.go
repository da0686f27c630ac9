package keepalive

import "math"

// solvePacked is the model for instances that hold C > 1 requests at once
// (Cloud Run, Azure Flex Consumption). Requests are packed onto the most
// recently used instances, so with N requests in flight ⌈N/C⌉ instances
// are busy and the (j+1)-th instance is alive exactly when N exceeded j·C
// within the last keep-alive T. An arrival starts an instance cold when it
// finds N = j·C (every busy instance full) and the (j+1)-th is not alive:
//
//	P(cold)   = Σ_{j≥c} π_{jC} · P_{jC}(N stays ≤ jC for T)
//	instances = c + Σ_{j≥c} P(max_T N > jC)
//	running   = E[⌈N/C⌉]                      (N ~ Poisson(ρ))
//
// with c provisioned (minimum) instances, on the same chain and fixed point
// in s̄ as Solve. It is Solve's single-rate model at levels j·C: without the
// cold-class refinement and without the diffusion scaling (the chain is
// solved at its own concurrency, by the slowest mode where the window is
// long), so it is weakest where cold starts are long against the warm
// time. For C = 1 it equals Solve's single rate.
func solvePacked(k Input) Result {
	lambda := k.ArrivalRatePerSecond
	warm, cold := k.WarmServiceTimeMs/1000, k.ColdServiceTimeMs/1000
	T := k.KeepAliveMinutes * 60
	c := math.Floor(k.ProvisionedConcurrency)
	per := k.PerInstance
	if lambda <= 0 || warm+cold <= 0 {
		return Result{AvgInstances: c, AvgIdleInstances: c, IdleInstanceSecondsPerSecond: c, Method: "packed"}
	}
	var work float64
	p := math.Exp(-lambda * (T + warm))
	var instances float64
	var method string
	for range 6 {
		s := meanServiceTime(warm, cold, p)
		previous := p
		w := newWindowSolver(lambda, s, T, &work)
		p, instances = w.packedMaxima(c, per)
		method = w.method
		if math.IsNaN(p) {
			p = 1
		}
		if math.Abs(p-previous) <= 1e-4*p || math.Abs(meanServiceTime(warm, cold, p)-s) <= 1e-4*s {
			break
		}
	}
	running := busyInstances(lambda*meanServiceTime(warm, cold, p), per)
	return newResult(p, instances, running, c, method+", packed")
}

// packedMaxima is maxima at the levels j·per: P(cold) and the instances
// alive, c of them provisioned.
func (w *windowSolver) packedMaxima(c float64, per int) (pCold, instances float64) {
	top := len(w.pi) - 1
	first := w.firstReachableLevel(top)
	// Levels below first are always exceeded within the window: each
	// multiple of per below it keeps one more instance alive.
	instances = max(c, math.Ceil(float64(first)/float64(per)))
	cdf := 0.0
	for _, v := range w.pi[:first] {
		cdf += v
	}
	start := (first + per - 1) / per * per
	for m := first; m < start && m <= top; m++ {
		cdf += w.pi[m]
	}
	for m := start; m <= top; m += per {
		j := float64(m / per)
		u, below := w.solve(m)
		weight := min(1, max(0, j+1-c))
		pCold += weight * w.pi[m] * u[m]
		instances += weight * (1 - below)
		for i := m; i < m+per && i <= top; i++ {
			cdf += w.pi[i]
		}
		if 1-below < 1e-12 && 1-cdf < 1e-12 {
			break
		}
	}
	return pCold, instances
}

// busyInstances is E[⌈N/per⌉] for N ~ Poisson(ρ).
func busyInstances(rho float64, per int) float64 {
	top := int(math.Ceil(rho + poissonTailSigmas*math.Sqrt(rho+1) + 30))
	pi := poissonPMF(rho, top)
	out := 0.0
	for n, p := range pi {
		out += p * float64((n+per-1)/per)
	}
	return out
}
