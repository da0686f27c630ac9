package targets

import "math"

// ErlangB is the share of Poisson arrivals lost when load erlangs of work
// (arrival rate × mean holding time) meet servers servers with no queue:
// B(A, 0) = 1, B(A, k) = A·B(A, k−1) / (k + A·B(A, k−1)). Past
// A + 12√A + 30 servers the loss is below 1e-20 and 0 is returned.
func ErlangB(load float64, servers int) float64 {
	if load <= 0 {
		return 0
	}
	if float64(servers) > load+12*math.Sqrt(load)+30 {
		return 0
	}
	b := 1.0
	for k := 1; k <= servers; k++ {
		b = load * b / (float64(k) + load*b)
	}
	return b
}

// poissonFrom is where sums over Poisson(mean) start: the mass below
// mean − 12√mean is under 1e-30 and counted as none. It returns that n and
// P(N = n) (at least 1e-32: no underflow). The sums go on with the
// recurrence P(N = n+1) = P(N = n) · mean / (n+1), a multiplication a
// term where exp and log each took a call (in the browser, most of the
// time a big scenario's evaluation spent here).
func poissonFrom(mean float64) (n int, pmf float64) {
	n = int(math.Max(0, math.Floor(mean-12*math.Sqrt(mean))))
	return n, PoissonPMF(mean, n)
}

// PoissonPMF is P(N = n) for N ~ Poisson(mean > 0):
// exp(−mean + n·ln mean − ln n!). A sum over n starts from it and goes on
// by the recurrence P(n+1) = P(n)·mean/(n+1).
func PoissonPMF(mean float64, n int) float64 {
	lg, _ := math.Lgamma(float64(n) + 1)
	return math.Exp(-mean + float64(n)*math.Log(mean) - lg)
}

// PoissonQuantile is the least n with P(N ≤ n) ≥ q for N ~ Poisson(mean).
func PoissonQuantile(mean, q float64) int {
	if mean <= 0 {
		return 0
	}
	n, pmf := poissonFrom(mean)
	last := int(mean + 40*math.Sqrt(mean) + 100)
	for cdf := pmf; cdf < q && n < last; cdf += pmf {
		n++
		pmf *= mean / float64(n)
	}
	return n
}

// ExpectedMin is E[min(N, k)] for N ~ Poisson(mean): Σ_{j<k} P(N > j).
func ExpectedMin(mean float64, k int) float64 {
	if mean <= 0 || k <= 0 {
		return 0
	}
	if float64(k) > mean+12*math.Sqrt(mean)+30 {
		return mean // N (almost) never reaches k
	}
	j, pmf := poissonFrom(mean)
	if j >= k {
		return float64(k) // N (almost) always exceeds k
	}
	sum, cdf := float64(j), 0.0 // P(N > i) is 1 for every i < j
	for ; j < k; j++ {
		cdf += pmf
		sum += max(0, 1-cdf)
		pmf *= mean / float64(j+1)
	}
	return sum
}
