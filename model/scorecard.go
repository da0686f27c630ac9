package model

import (
	"planner/model/num"
	"planner/model/spec"
	"planner/model/targets"
)

// Scorecard is a function's targets with their values (package targets
// documents each model).
type Scorecard struct {
	Class  targets.Class   `json:"class"`
	Scores []targets.Score `json:"scores"`
	// Met is true when every required target the models compute is met.
	Met bool `json:"met"`
	// P99Concurrency is the busiest hour's 99th percentile of busy
	// instances (M/G/∞), instances.
	P99Concurrency int `json:"p99_concurrency"`
}

// AccountConcurrency is the account's concurrency against its limit.
type AccountConcurrency struct {
	Limit int `json:"limit"`
	// Reserved is the functions' reservations; the rest is shared.
	Reserved int `json:"reserved"`
	// PeakP99Concurrency is the busiest hour's 99th percentile of every
	// function's busy instances together, in PeakHour (UTC).
	PeakP99Concurrency int  `json:"peak_p99_concurrency"`
	PeakHour           int  `json:"peak_hour"`
	Exceeded           bool `json:"exceeded"`
}

// ClassOf is the function's class: its own, or its type's (API:
// interactive, scheduled: scheduled, others: processing).
func (f *Function) ClassOf() targets.Class {
	if f.Class != "" {
		return f.Class
	}
	switch f.Type {
	case spec.APIFunction:
		return targets.Interactive
	case spec.ScheduledFunction:
		return targets.Scheduled
	}
	return targets.Processing
}

// TargetsOf lists the function's targets.
func (f *Function) TargetsOf() []targets.Target {
	errorRate := f.TargetErrorRate
	return targets.Of(targets.Setting{
		Class:              f.ClassOf(),
		ColdStartSensitive: f.ColdStartSensitive,
		P99LatencyMs:       f.TargetP99LatencyMs,
		ErrorRate:          &errorRate,
		HasTimeout:         f.TimeoutSeconds > 0,
		HasReserved:        f.ReservedConcurrency > 0,
		HasProvisioned:     f.ProvisionedPeak() > 0,
		Limits:             f.Targets,
	})
}

// hourlyLoads are a function's busy instances hour by hour under unlimited
// concurrency: A_h = requests_h / 3600 s × (mean + P(cold) × cold start) ms
// / 1000, erlangs.
func hourlyLoads(f *Function, requestsPerHour []float64, coldRate float64) []float64 {
	hold := (f.AvgExecutionTimeMs + coldRate*f.ColdStartDurationMs) / 1000
	out := make([]float64, len(requestsPerHour))
	for h, r := range requestsPerHour {
		out[h] = r / 3600 * hold
	}
	return out
}

// sharedPool is the account's concurrency left to functions without a
// reservation, the load they put on it hour by hour, and the share of
// requests it throttles each hour (Erlang B, the same for every function
// on it).
type sharedPool struct {
	servers  int
	loads    []float64
	blocking []float64
}

// block computes the pool's hourly blocking from its servers and loads.
func (p *sharedPool) block() {
	p.servers = max(p.servers, 0)
	p.blocking = make([]float64, len(p.loads))
	for h, a := range p.loads {
		p.blocking[h] = targets.ErlangB(a, p.servers)
	}
}

// peakP99 is the busiest hour's 99th percentile of busy instances for
// hourly loads (Poisson, M/G/∞).
func peakP99(loads []float64) int {
	n := 0
	for _, a := range loads {
		n = max(n, targets.PoissonQuantile(a, 0.99))
	}
	return n
}

// accountPool sums the loads of every function without a reservation.
func accountPool(s *Scenario, loads [][]float64) sharedPool {
	p := sharedPool{servers: s.AccountConcurrencyLimit, loads: make([]float64, hoursPerDay)}
	for i := range s.Functions {
		if r := s.Functions[i].ReservedConcurrency; r > 0 {
			p.servers -= r
			continue
		}
		for h, a := range loads[i] {
			p.loads[h] += a
		}
	}
	p.block()
	return p
}

// measures are the KPIs of a function whose hourly loads are loads; pool is
// the shared concurrency with loads already in it when the function has no
// reservation.
func measures(f *Function, fr *FunctionReport, loads []float64, pool *sharedPool) targets.Measures {
	m := targets.Measures{
		ColdStartRate:  fr.ColdStartRate.Rate,
		ColdStartModel: coldStartModelName(fr.ColdStartRate.Method),
		Latency: targets.Duration{MeanMs: f.AvgExecutionTimeMs, P95Ms: f.P95ExecutionTimeMs, P99Ms: f.P99ExecutionTimeMs,
			ColdStartMs: f.ColdStartDurationMs, ColdRate: fr.ColdStartRate.Rate},
		Reserved:          f.ReservedConcurrency,
		Provisioned:       f.ProvisionedPeak(),
		MemoryUsedMb:      f.ActualMemoryUsageMb,
		MemoryMb:          float64(f.AllocatedMemoryMb),
		TimeoutMs:         float64(f.TimeoutSeconds) * 1000,
		ObservedErrorRate: f.ErrorRate,
	}
	m.Servers, m.ServersFrom = pool.servers, "the account's unreserved concurrency"
	if f.ReservedConcurrency > 0 {
		m.Servers, m.ServersFrom = f.ReservedConcurrency, "its reserved concurrency"
	}
	throttled, requests, busy, provisioned := 0.0, 0.0, 0.0, 0
	for h, a := range loads {
		r := fr.Traffic.RequestsPerHour[h]
		blocking := pool.blocking[h]
		if f.ReservedConcurrency > 0 {
			blocking = targets.ErlangB(a, f.ReservedConcurrency)
		}
		throttled += r * blocking
		requests += r
		k := f.ProvisionedAt(h)
		busy += targets.ExpectedMin(a, k)
		provisioned += k
	}
	m.P99Concurrency = peakP99(loads)
	m.ThrottleRate = num.Ratio(throttled, requests)
	m.ProvisionedUtilisation = num.Ratio(busy, float64(provisioned))
	return m
}

// coldStartModelName names the model behind a cold-start rate.
func coldStartModelName(method string) string {
	switch method {
	case ColdStartModel:
		return "the keep-alive model of its hourly traffic"
	case ColdStartSimulated:
		return "a simulated day of its traffic"
	}
	return "the rate given (the spec's rule)"
}

// scoreFunctions fills every function's scorecard (an unchanged one's
// earlier scorecard when nothing it is scored on changed) and returns the
// account's concurrency and its shared pool; pace is called between
// functions scored.
func scoreFunctions(s *Scenario, reports []FunctionReport, reused *reuse, earlier []*FunctionReport, pace func()) (AccountConcurrency, sharedPool) {
	loads := make([][]float64, len(s.Functions))
	for i := range s.Functions {
		loads[i] = hourlyLoads(&s.Functions[i], reports[i].Traffic.RequestsPerHour, reports[i].ColdStartRate.Rate)
	}
	pool := accountPool(s, loads)
	acc := AccountConcurrency{Limit: s.AccountConcurrencyLimit, Reserved: s.AccountConcurrencyLimit - pool.servers}
	for i := range s.Functions {
		f, fr := &s.Functions[i], &reports[i]
		if card, ok := reused.scorecard(earlier[i], f, &pool); ok {
			fr.Scorecard = card
			continue
		}
		m := measures(f, fr, loads[i], &pool)
		fr.Scorecard = newScorecard(f, &m)
		pace()
	}
	for h := range hoursPerDay {
		total := 0.0
		for i := range loads {
			total += loads[i][h]
		}
		if q := targets.PoissonQuantile(total, 0.99); q > acc.PeakP99Concurrency {
			acc.PeakP99Concurrency, acc.PeakHour = q, h
		}
	}
	acc.Exceeded = acc.PeakP99Concurrency > acc.Limit
	return acc, pool
}

// newScorecard scores a function's targets on its measures.
func newScorecard(f *Function, m *targets.Measures) Scorecard {
	scores := m.Scores(f.TargetsOf())
	return Scorecard{Class: f.ClassOf(), Scores: scores, Met: len(targets.Missed(scores)) == 0, P99Concurrency: m.P99Concurrency}
}
