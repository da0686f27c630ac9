package simulate

import (
	"math"
	"strings"
	"testing"

	"planner/model/internal/awsdata"
	"planner/model/keepalive"
)

// constantRate is minutes of a constant arrival rate.
func constantRate(perSecond float64, minutes int) []float64 {
	r := make([]float64, minutes)
	for i := range r {
		r[i] = perSecond
	}
	return r
}

// Little's Law: mean running instances = λ × mean service time.
func TestSimulatorLittlesLaw(t *testing.T) {
	sim := Poisson(5, 400, 400, 10, 0, 24*60, 7)
	r := Run(sim)
	want := 5 * 0.4
	if math.Abs(r.AvgRunningInstances-want)/want > 0.02 {
		t.Errorf("running %v, want %v", r.AvgRunningInstances, want)
	}
	if r.Arrivals < 400000 || r.AvgInstances < r.AvgRunningInstances {
		t.Errorf("%+v", r)
	}
}

// The analytical model and the simulator agree on Poisson traffic with
// exponential services across regimes.
func TestSimulatorAgreesWithModel(t *testing.T) {
	for _, c := range []struct {
		name                      string
		rate, warm, cold, keepMin float64
		provisioned, minutes      int
		tolCold, tolInstances     float64
	}{
		{"rare requests", 0.003, 2000, 2500, 10, 0, 60 * 24 * 60, 0.08, 0.05},
		{"moderate", 0.2, 2000, 2300, 10, 0, 40 * 24 * 60, 0.12, 0.04},
		{"heavy load", 40, 500, 900, 10, 0, 6 * 60, 0.25, 0.03},
		{"provisioned", 2, 500, 900, 10, 2, 5 * 24 * 60, 0.25, 0.04},
		{"1-minute keep-alive", 0.5, 2000, 2200, 1, 0, 10 * 24 * 60, 0.08, 0.04},
	} {
		t.Run(c.name, func(t *testing.T) {
			sim := Run(Poisson(c.rate, c.warm, c.cold, c.keepMin, c.provisioned, c.minutes, 11))
			m := keepalive.Solve(keepalive.Input{ArrivalRatePerSecond: c.rate, WarmServiceTimeMs: c.warm, ColdServiceTimeMs: c.cold,
				KeepAliveMinutes: c.keepMin, ProvisionedConcurrency: float64(c.provisioned)})
			errCold := math.Abs(sim.ColdStartProbability-m.ColdStartProbability) / max(m.ColdStartProbability, 1e-9)
			errInst := math.Abs(sim.AvgInstances-m.AvgInstances) / m.AvgInstances
			t.Logf("cold: simulated %.5f ± %.5f, model %.5f (%.1f%%); instances: simulated %.3f, model %.3f (%.1f%%)",
				sim.ColdStartProbability, sim.ColdStartProbabilitySE, m.ColdStartProbability, errCold*100, sim.AvgInstances, m.AvgInstances, errInst*100)
			if errCold > c.tolCold && math.Abs(sim.ColdStartProbability-m.ColdStartProbability) > 3*sim.ColdStartProbabilitySE {
				t.Errorf("cold-start probability differs by %.1f%%", errCold*100)
			}
			if errInst > c.tolInstances {
				t.Errorf("instances differ by %.1f%%", errInst*100)
			}
		})
	}
}

// Under heavy load (the model's scaled regime) the simulated steady state
// agrees with the model: cold starts counted after the start-up minutes.
func TestSimulatorAgreesWithScaledModel(t *testing.T) {
	for _, c := range []struct {
		name        string
		provisioned int
	}{{"on demand", 0}, {"provisioned above the mean", 260}} {
		t.Run(c.name, func(t *testing.T) {
			const rate, warm, cold, keepMin, minutes, skip = 1200, 200, 800, 1, 60, 6
			sim := Run(Poisson(rate, warm, cold, keepMin, c.provisioned, minutes, 5))
			pSim, se := sim.SteadyColdStartProbability(skip)
			m := keepalive.Solve(keepalive.Input{ArrivalRatePerSecond: rate, WarmServiceTimeMs: warm, ColdServiceTimeMs: cold,
				KeepAliveMinutes: keepMin, ProvisionedConcurrency: float64(c.provisioned)})
			t.Logf("cold: simulated %.3g ± %.2g, model %.3g; instances: simulated %.2f, model %.2f (%s)",
				pSim, se, m.ColdStartProbability, sim.AvgInstances, m.AvgInstances, m.Method)
			if !strings.Contains(m.Method, ", scaled") || math.Abs(pSim-m.ColdStartProbability) > 3*se ||
				math.Abs(sim.AvgInstances-m.AvgInstances) > 0.01*m.AvgInstances {
				t.Errorf("simulated %.3g / %.2f, model %.3g / %.2f", pSim, sim.AvgInstances, m.ColdStartProbability, m.AvgInstances)
			}
		})
	}
}

// The simulator against the 20 AWS experiments (fixed service times).
func TestSimulatorAgainstAWSExperiments(t *testing.T) {
	exps, err := awsdata.Experiments()
	if err != nil {
		t.Fatal(err)
	}
	var errCold, errInst float64
	for i, e := range exps {
		minutes := int(math.Min(40*24*60, math.Max(2*24*60, 3e5/e.Rate/60)))
		r := Run(Input{Seed: uint64(i + 1), RatePerMinute: constantRate(e.Rate, minutes),
			Warm: Distribution{Kind: "fixed", MeanMs: e.WarmMs}, Cold: Distribution{Kind: "fixed", MeanMs: e.ColdMs},
			KeepAliveMinutes: e.KeepAliveMinutes})
		errCold += math.Abs(r.ColdStartProbability-e.PCold) / e.PCold
		errInst += math.Abs(r.AvgInstances-e.Instances) / e.Instances
	}
	mc, mi := errCold/float64(len(exps))*100, errInst/float64(len(exps))*100
	t.Logf("simulator MAPE: cold-start probability %.2f%%, instances %.2f%%", mc, mi)
	if mc > 20 || mi > 5 {
		t.Errorf("simulator MAPE %.2f%% / %.2f%%", mc, mi)
	}
}

func TestSimulatorLimits(t *testing.T) {
	sim := Poisson(200, 1000, 1000, 10, 0, 10, 3)
	sim.ConcurrencyLimit = 100
	r := Run(sim)
	if r.Throttles == 0 || r.AvgRunningInstances > 100.5 {
		t.Errorf("concurrency limit: %+v", r.Throttles)
	}
	sim = Poisson(2000, 5000, 5000, 10, 0, 1, 3)
	sim.ScalingLimit, sim.ScalingWindowSeconds = 1000, 10
	r = Run(sim)
	if r.ColdStarts > 6*1000 || r.Throttles == 0 {
		t.Errorf("scaling limit: %d cold starts in a minute, %d throttles", r.ColdStarts, r.Throttles)
	}
	a, b := Run(Poisson(3, 200, 400, 5, 1, 60, 42)), Run(Poisson(3, 200, 400, 5, 1, 60, 42))
	if a.ColdStarts != b.ColdStarts || a.LatencyP99Ms != b.LatencyP99Ms {
		t.Error("the same seed gave different runs")
	}
	if len(a.PerMinute) != 60 || a.PerMinute[10].Provisioned != 1 {
		t.Errorf("per-minute series %+v", a.PerMinute[10])
	}
}

func TestLognormalFit(t *testing.T) {
	mu, sigma := LognormalFit(100, 250)
	mean := math.Exp(mu + sigma*sigma/2)
	p95 := math.Exp(mu + 1.6448536269514722*sigma)
	if math.Abs(mean-100) > 1e-6 || math.Abs(p95-250) > 1e-6 {
		t.Errorf("mean %v p95 %v", mean, p95)
	}
}

func BenchmarkSimulatorThroughput(b *testing.B) {
	sim := Poisson(100, 200, 600, 10, 0, 24*60, 1)
	arrivals := 0
	for b.Loop() {
		arrivals += Run(sim).Arrivals
	}
	b.ReportMetric(float64(arrivals)/b.Elapsed().Seconds(), "arrivals/s")
}

// FuzzSimulate: any parameters give a run without panics or NaN, and
// conservation holds (every arrival is served cold, warm or throttled).
func FuzzSimulate(f *testing.F) {
	f.Add(uint64(1), 5.0, 100.0, 300.0, 2.0, 1, 0, 3.0, false, "exponential")
	f.Add(uint64(2), 300.0, 2000.0, 2000.0, 0.0, 0, 50, 9.0, true, "lognormal")
	f.Fuzz(func(t *testing.T, seed uint64, rate, warm, cold, keepMin float64, provisioned, limit int, burst float64, bursty bool, kind string) {
		if math.IsNaN(rate+warm+cold+keepMin+burst) || rate < 0 || rate > 500 || warm < 0 || cold < 0 || warm > 1e5 || cold > 1e5 ||
			keepMin < 0 || keepMin > 60 || provisioned < 0 || provisioned > 1000 || limit < 0 {
			return
		}
		sim := Input{Seed: seed, RatePerMinute: constantRate(rate, 10), Bursty: bursty, BurstFactor: burst,
			Warm: Distribution{Kind: kind, MeanMs: warm, P95Ms: 2 * warm}, Cold: Distribution{Kind: kind, MeanMs: cold},
			KeepAliveMinutes: keepMin, ProvisionedByHour: []int{provisioned}, ConcurrencyLimit: limit,
			ScalingLimit: 1000, ScalingWindowSeconds: 10}
		r := Run(sim)
		if math.IsNaN(r.AvgInstances) || math.IsNaN(r.LatencyP99Ms) || r.ColdStarts+r.Throttles > r.Arrivals {
			t.Fatalf("%+v", r)
		}
		minute, busy, idle := 0, 0.0, 0.0
		for _, m := range r.PerMinute {
			minute += m.Arrivals
			busy += m.Running * 60
			idle += m.Idle * 60
		}
		if minute != r.Arrivals {
			t.Fatalf("per-minute arrivals %d, total %d", minute, r.Arrivals)
		}
		if math.Abs(busy-r.BusyInstanceSeconds) > 1e-6*(1+r.BusyInstanceSeconds) || math.Abs(idle-r.IdleInstanceSeconds) > 1e-6*(1+r.IdleInstanceSeconds) {
			t.Fatalf("per-minute instance-seconds %v busy, %v idle; totals %v, %v", busy, idle, r.BusyInstanceSeconds, r.IdleInstanceSeconds)
		}
	})
}

// The minutes' mean instance counts add up to the simulation's
// instance-seconds: they are the same time integral, minute by minute.
func TestSimulatorMinutesAddUpToTotals(t *testing.T) {
	sim := Poisson(3, 400, 1500, 0.5, 0, 6*60, 5)
	sim.Bursty, sim.BurstFactor = true, 5
	sim.ProvisionedByHour = []int{0, 1, 2, 0, 3, 1}
	r := Run(sim)
	var running, idle float64
	for _, m := range r.PerMinute {
		running += m.Running * 60
		idle += m.Idle * 60
		if m.Running < 0 || m.Idle < 0 {
			t.Fatalf("negative minute %+v", m)
		}
	}
	if math.Abs(running-r.BusyInstanceSeconds) > 1e-6*r.BusyInstanceSeconds || math.Abs(idle-r.IdleInstanceSeconds) > 1e-6*r.IdleInstanceSeconds {
		t.Errorf("minutes: %.3f busy, %.3f idle instance-seconds; totals %.3f, %.3f", running, idle, r.BusyInstanceSeconds, r.IdleInstanceSeconds)
	}
	if r.ColdStarts == 0 || idle == 0 {
		t.Errorf("a run without cold starts or idle time tests nothing: %+v", r.Summary)
	}
}
