package targets

import (
	"math"
	"testing"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.10g, want %.10g (±%g)", what, got, want, tol)
	}
}

// Erlang-B against published table values and the closed forms of 1 and 2
// servers.
func TestErlangB(t *testing.T) {
	near(t, "B(1, 1)", ErlangB(1, 1), 0.5, 1e-12)
	near(t, "B(2, 2)", ErlangB(2, 2), 0.4, 1e-12) // (A²/2)/(1+A+A²/2) = 2/5
	near(t, "B(10, 10)", ErlangB(10, 10), 0.2145823, 1e-6)
	near(t, "B(100, 100)", ErlangB(100, 100), 0.0757, 1e-4)
	near(t, "B(5, 15)", ErlangB(5, 15), 0.000157, 1e-6)
	if ErlangB(0, 0) != 0 || ErlangB(1, 1000) != 0 {
		t.Error("no load or ample servers lose nothing")
	}
	if ErlangB(3, 0) != 1 {
		t.Error("no servers lose everything")
	}
}

// Poisson quantiles and E[min(N, k)] against direct sums, small and large
// means.
func TestPoisson(t *testing.T) {
	for _, mean := range []float64{0.0005, 0.3, 4, 37.5, 250, 5000} {
		for _, q := range []float64{0.5, 0.99} {
			n := PoissonQuantile(mean, q)
			if cdf(mean, n) < q || (n > 0 && cdf(mean, n-1) >= q) {
				t.Errorf("PoissonQuantile(%g, %g) = %d: P(N≤n) %.6f, P(N≤n−1) %.6f", mean, q, n, cdf(mean, n), cdf(mean, n-1))
			}
		}
		for _, k := range []int{1, 2, 10, int(mean), int(mean) + 3} {
			want := 0.0
			for j := 0; j < k; j++ {
				want += 1 - cdf(mean, j)
			}
			near(t, "E[min(N,k)]", ExpectedMin(mean, k), want, 1e-9*max(1, want))
		}
	}
	near(t, "E[min(N,1)] at 0.3", ExpectedMin(0.3, 1), 1-math.Exp(-0.3), 1e-12)
}

// cdf is P(N ≤ n) summed in log space.
func cdf(mean float64, n int) float64 {
	s := 0.0
	for j := 0; j <= n; j++ {
		lg, _ := math.Lgamma(float64(j) + 1)
		s += math.Exp(-mean + float64(j)*math.Log(mean) - lg)
	}
	return s
}
