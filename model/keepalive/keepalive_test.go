package keepalive

import (
	"math"
	"strings"
	"testing"

	"planner/model/internal/awsdata"
	"planner/model/internal/check"
)

// The analytical model against the 20 AWS experiments. The bounds guard
// today's accuracy (12.8% and 3.07%); the target is 12% and 3%.
func TestKeepAliveAgainstAWSExperiments(t *testing.T) {
	var errCold, errInst float64
	exps, err := awsdata.Experiments()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range exps {
		r := Solve(Input{ArrivalRatePerSecond: e.Rate, WarmServiceTimeMs: e.WarmMs, ColdServiceTimeMs: e.ColdMs, KeepAliveMinutes: e.KeepAliveMinutes})
		ec := math.Abs(r.ColdStartProbability-e.PCold) / e.PCold
		ei := math.Abs(r.AvgInstances-e.Instances) / e.Instances
		errCold += ec
		errInst += ei
		t.Logf("%-14s λ=%.4f  cold %.4f vs %.4f (%5.1f%%)  instances %.3f vs %.3f (%4.1f%%) %s", e.Name, e.Rate,
			r.ColdStartProbability, e.PCold, ec*100, r.AvgInstances, e.Instances, ei*100, r.Method)
	}
	mapeCold, mapeInst := errCold/float64(len(exps))*100, errInst/float64(len(exps))*100
	t.Logf("MAPE cold-start probability %.2f%%, average instances %.2f%%", mapeCold, mapeInst)
	if mapeCold > 13 || mapeInst > 3.2 {
		t.Errorf("MAPE cold %.2f%% (want ≤ 13%%), instances %.2f%% (want ≤ 3.2%%)", mapeCold, mapeInst)
	}
}

// In the single-instance regime the model is e^{−λ(T+s)}; with provisioned
// instances above the peak nothing starts cold; Little's Law holds.
func TestKeepAliveLimits(t *testing.T) {
	r := Solve(Input{ArrivalRatePerSecond: 0.0005, WarmServiceTimeMs: 100, ColdServiceTimeMs: 100, KeepAliveMinutes: 10})
	want := math.Exp(-0.0005 * (600 + 0.1))
	if math.Abs(r.ColdStartProbability-want)/want > 0.01 {
		t.Errorf("rare requests: %v, want ≈ %v", r.ColdStartProbability, want)
	}
	r = Solve(Input{ArrivalRatePerSecond: 2, WarmServiceTimeMs: 500, ColdServiceTimeMs: 900, KeepAliveMinutes: 10, ProvisionedConcurrency: 20})
	if r.ColdStartProbability > 1e-9 || r.AvgInstances < 20 {
		t.Errorf("20 provisioned instances for ρ = 1: %+v", r)
	}
	check.Near(t, "Little", r.AvgRunningInstances, 2*0.5)
	r = Solve(Input{ArrivalRatePerSecond: 50, WarmServiceTimeMs: 200, ColdServiceTimeMs: 600, KeepAliveMinutes: 10})
	if !strings.HasPrefix(r.Method, "spectral") || r.ColdStartProbability <= 0 || r.ColdStartProbability > 0.01 || r.AvgInstances < 10 {
		t.Errorf("heavy load: %+v", r)
	}
	huge := Solve(Input{ArrivalRatePerSecond: 1e6, WarmServiceTimeMs: 900000, ColdServiceTimeMs: 900000, KeepAliveMinutes: 1440})
	if !strings.Contains(huge.Method, ", scaled") || huge.AvgInstances < huge.AvgRunningInstances || math.IsNaN(huge.ColdStartProbability) {
		t.Errorf("huge load: %+v", huge)
	}
	// Without traffic the provisioned instances stand idle, and count as idle instance-time.
	quiet := Solve(Input{WarmServiceTimeMs: 100, ColdServiceTimeMs: 500, KeepAliveMinutes: 10, ProvisionedConcurrency: 2})
	if quiet.ColdStartProbability != 0 || quiet.AvgInstances != 2 || quiet.AvgIdleInstances != 2 || quiet.IdleInstanceSecondsPerSecond != 2 {
		t.Errorf("no traffic, 2 provisioned: %+v", quiet)
	}
	short := Solve(Input{ArrivalRatePerSecond: 0.05, WarmServiceTimeMs: 2000, ColdServiceTimeMs: 2300, KeepAliveMinutes: 1})
	long := Solve(Input{ArrivalRatePerSecond: 0.05, WarmServiceTimeMs: 2000, ColdServiceTimeMs: 2300, KeepAliveMinutes: 10})
	if short.ColdStartProbability <= long.ColdStartProbability || short.AvgInstances >= long.AvgInstances {
		t.Errorf("a shorter keep-alive must mean more cold starts and fewer instances: %+v %+v", short, long)
	}
}

// Above a mean concurrency of 200 the chain is solved at 50 and 200 and
// scaled; where the full chain is still affordable, both agree.
func TestScaledChainMatchesFullChain(t *testing.T) {
	for _, c := range []struct{ rho, s, T, c float64 }{
		{1000, 1, 30, 0},      // short keep-alive: uniformization
		{1000, 2, 600, 1050},  // provisioned above the mean: slowest mode
		{500, 0.2, 60, 560},   // provisioned near the peak
		{2000, 0.2, 600, 0},   // ten times the chain's bound
		{2000, 0.2, 60, 2150}, // provisioned two standard deviations up
	} {
		p, inst, _ := windowMaxima(c.rho/c.s, c.s, c.T, c.c, new(float64))
		ps, insts, how := scaledWindowMaxima(c.rho/c.s, c.s, c.T, c.c, new(float64))
		t.Logf("%+v: full chain P(cold) %.4g, instances %.2f; scaled %.4g, %.2f (%s)", c, p, inst, ps, insts, how)
		if math.Abs(ps-p) > 0.02*p || math.Abs(insts-inst) > 0.0005*inst || !strings.HasSuffix(how, "scaled") {
			t.Errorf("%+v: scaled %.4g / %.2f, full chain %.4g / %.2f", c, ps, insts, p, inst)
		}
	}
}

// From windows of three service times on, the slowest mode alone gives the
// window maxima of exact uniformization.
func TestSpectralWindows(t *testing.T) {
	for _, c := range []struct{ lambda, s, T, c float64 }{
		{0.5, 30, 90, 0}, {2, 30, 90, 0}, {6, 30, 90, 150}, {20, 10, 60, 0}, {1, 100, 300, 105},
	} {
		exact := newWindowSolver(c.lambda, c.s, c.T, new(float64))
		exact.spectralFrom, exact.budget = math.Inf(1), math.Inf(1)
		p, inst, how := exact.maxima(c.c)
		spectral := newWindowSolver(c.lambda, c.s, c.T, new(float64))
		spectral.spectralFrom = 0
		ps, insts, hows := spectral.maxima(c.c)
		t.Logf("%+v: exact P(cold) %.5g, instances %.3f; slowest mode %.5g, %.3f", c, p, inst, ps, insts)
		if how != "exact" || hows != "spectral" || math.Abs(ps-p) > 0.005*p || math.Abs(insts-inst) > 1e-4*inst {
			t.Errorf("%+v: exact (%s) %.5g / %.3f, slowest mode (%s) %.5g / %.3f", c, how, p, inst, hows, ps, insts)
		}
	}
}

// Where both apply, the exact and the spectral computations agree.
func TestUniformizationAndSpectralAgree(t *testing.T) {
	lambda, mu, T := 0.3, 0.5, 200.0
	for _, m := range []int{0, 1, 3, 6} {
		exact := uniformize(lambda, mu, T, m, lambda+float64(m)*mu)
		spectral, _ := slowestMode(lambda, mu, T, m, poissonPMF(lambda/mu, m), nil)
		for j := range exact {
			if math.Abs(exact[j]-spectral[j]) > 1e-6+1e-3*exact[j] {
				t.Errorf("m=%d j=%d: exact %v, spectral %v", m, j, exact[j], spectral[j])
			}
		}
	}
}

// Every input solves in bounded time.
func TestKeepAliveBoundedWork(t *testing.T) {
	for _, k := range []Input{
		{ArrivalRatePerSecond: 400, WarmServiceTimeMs: 1200, ColdServiceTimeMs: 1200, KeepAliveMinutes: 0.5},
		{ArrivalRatePerSecond: 1, WarmServiceTimeMs: 400000, ColdServiceTimeMs: 900000, KeepAliveMinutes: 1},
		{ArrivalRatePerSecond: 1e7, WarmServiceTimeMs: 0.001, ColdServiceTimeMs: 900000, KeepAliveMinutes: 1440, ProvisionedConcurrency: 1e6},
	} {
		r := Solve(k)
		if math.IsNaN(r.ColdStartProbability) || math.IsNaN(r.AvgInstances) || r.ColdStartProbability < 0 || r.ColdStartProbability > 1 {
			t.Errorf("%+v: %+v", k, r)
		}
	}
}
