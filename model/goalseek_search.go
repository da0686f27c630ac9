package model

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"planner/model/num"
	"planner/model/platform"
	"planner/model/pricing"
	"planner/model/spec"
	"planner/model/targets"
)

// exactPricingLimit is the most functions whose candidates are priced
// against the whole account.
const exactPricingLimit = 50

// seeker searches one function's configurations at a time, keeping the
// account's state (concurrency pool, Lambda usage) current.
type seeker struct {
	s       *Scenario
	p       *pricing.Profile
	src     Sources
	reports []FunctionReport
	loads   [][]float64
	pool    sharedPool
	usages  []pricing.LambdaUsage
	costs   []pricing.LambdaCost
	// own is the platform the functions run on (AWS Lambda: goal seek
	// refuses others).
	own *platform.Platform
}

func newSeeker(s *Scenario, r *Report, src Sources) *seeker {
	p, _ := pricing.LookupProfile(s.Pricing.Profile)
	g := &seeker{s: s, p: p, own: s.Pricing.OwnPlatform(), src: src, reports: r.Functions, loads: make([][]float64, len(s.Functions)),
		usages: make([]pricing.LambdaUsage, len(s.Functions))}
	for i := range s.Functions {
		f, fr := &s.Functions[i], &r.Functions[i]
		g.loads[i] = hourlyLoads(f, fr.Traffic.RequestsPerHour, fr.ColdStartRate.Rate)
		g.usages[i] = lambdaUsage(p, f, fr.Traffic.MonthlyInvocations, fr.ColdStartRate.Rate)
	}
	g.pool = accountPool(s, g.loads)
	return g
}

// candidate is a configuration with its scores and cost.
type candidate struct {
	cfg       Configuration
	fn        Function
	scores    []targets.Score
	missed    int
	shortfall float64
	cost      float64
	coldRate  float64
	loads     []float64
}

// better orders candidates: fewer missed targets, less shortfall, lower
// cost, fewer changes from the function's configuration, less memory.
func (c *candidate) better(o *candidate, from Configuration) bool {
	if c.missed != o.missed {
		return c.missed < o.missed
	}
	if c.missed > 0 && c.shortfall != o.shortfall {
		return c.shortfall < o.shortfall
	}
	if d := c.cost - o.cost; math.Abs(d) > 1e-9*max(1, math.Abs(o.cost)) {
		return d < 0
	}
	if a, b := changes(c.cfg, from), changes(o.cfg, from); a != b {
		return a < b
	}
	return c.cfg.MemoryMb < o.cfg.MemoryMb
}

// changes counts the settings of c that differ from from.
func changes(c, from Configuration) int {
	n := 0
	for _, differs := range []bool{c.MemoryMb != from.MemoryMb, c.Architecture != from.Architecture,
		c.ProvisionedConcurrency != from.ProvisionedConcurrency || !slices.Equal(c.ProvisionedByHour, from.ProvisionedByHour),
		c.ReservedConcurrency != from.ReservedConcurrency} {
		if differs {
			n++
		}
	}
	return n
}

// seek finds function i's configuration, applies it and says what changed.
func (g *seeker) seek(i int) FunctionTuning {
	f0 := g.s.Functions[i]
	from := configurationOf(g.s, &f0)
	t := FunctionTuning{Name: f0.Name, Before: from, Notes: []string{}}
	var best *candidate
	consider := func(c *candidate) {
		t.Tried++
		if best == nil || c.better(best, from) {
			best = c
		}
	}
	current := g.score(i, &f0)
	current.cfg.Measured = true
	consider(current)
	var provisioned []*candidate // the cheapest with provisioned concurrency at each size
	for _, arch := range g.architectures(&f0) {
		sizes := memorySizes(g.s, &f0, arch)
		warm := slices.DeleteFunc(slices.Clone(sizes), func(o sizeOption) bool { return !g.warmFeasible(&f0, arch, o) })
		if len(warm) == 0 && len(sizes) > 0 {
			warm = sizes[len(sizes)-1:] // nothing meets the latency even warm: the fastest is the nearest
		}
		afterFeasible := -1 // estimated sizes scored since the first that met every target
		for _, o := range warm {
			if !o.measured && afterFeasible >= 4 {
				continue
			}
			c := g.bestAtSize(i, &f0, arch, o, consider)
			if c.missed == 0 && c.cfg.ProvisionedConcurrency > 0 {
				provisioned = append(provisioned, c)
			}
			switch {
			case !o.measured && afterFeasible >= 0:
				afterFeasible++
			case !o.measured && c.missed == 0:
				afterFeasible = 0
			}
		}
	}
	slices.SortStableFunc(provisioned, func(a, b *candidate) int { return cmp.Compare(a.cost, b.cost) })
	for _, c := range provisioned[:min(len(provisioned), scheduledSizes)] {
		if s := g.searchSchedule(i, c); s != nil {
			s.cfg.Measured = c.cfg.Measured
			consider(s)
		}
	}
	t.After = best.cfg
	t.Changed = changes(best.cfg, from) > 0
	if t.Changed {
		g.apply(i, best)
	}
	t.Notes = g.notes(&f0, best)
	return t
}

// architectures are the function's own and any other it was measured on.
func (g *seeker) architectures(f *Function) []pricing.Architecture {
	own := g.s.ArchitectureOf(f)
	out := []pricing.Architecture{own}
	for _, m := range f.ExecutionTimesByMemory {
		if m.Architecture != "" && !slices.Contains(out, m.Architecture) && g.p.Lambda[m.Architecture].Request.Amount > 0 {
			out = append(out, m.Architecture)
		}
	}
	return out
}

// sizeOption is a memory size with its mean duration.
type sizeOption struct {
	mb       int
	ms       float64
	measured bool
}

// memorySizes lists the sizes to try on arch, ascending: the measured ones
// and, on the function's own architecture, its own and every 64 MB from
// 128 MB to 10,240 MB estimated; none below the memory it uses, none whose
// p99 would pass its timeout.
func memorySizes(s *Scenario, f *Function, arch pricing.Architecture) []sizeOption {
	own := s.ArchitectureOf(f)
	var out []sizeOption
	add := func(o sizeOption) {
		if float64(o.mb) < f.ActualMemoryUsageMb {
			return
		}
		if f.TimeoutSeconds > 0 && f.P99ExecutionTimeMs*o.ms/f.AvgExecutionTimeMs > float64(f.TimeoutSeconds)*1000 {
			return
		}
		if k := slices.IndexFunc(out, func(x sizeOption) bool { return x.mb == o.mb }); k >= 0 {
			if o.measured && !out[k].measured {
				out[k] = o
			}
			return
		}
		out = append(out, o)
	}
	for _, m := range f.ExecutionTimesByMemory {
		on := m.Architecture
		if on == "" {
			on = own
		}
		if on == arch {
			add(sizeOption{m.MemoryMb, m.ExecutionTimeMs, true})
		}
	}
	if arch == own {
		add(sizeOption{f.AllocatedMemoryMb, f.AvgExecutionTimeMs, true})
		for mb := 128; mb <= 10240; mb += 64 {
			add(sizeOption{mb, estimatedMs(f.AvgExecutionTimeMs, f.AllocatedMemoryMb, mb), false})
		}
	}
	slices.SortFunc(out, func(a, b sizeOption) int { return a.mb - b.mb })
	return out
}

// sized is f at a size on arch: its durations scaled to the size's mean.
func (g *seeker) sized(f0 *Function, arch pricing.Architecture, o sizeOption) Function {
	f := *f0
	ratio := o.ms / f0.AvgExecutionTimeMs
	f.AllocatedMemoryMb, f.AvgExecutionTimeMs = o.mb, o.ms
	f.P95ExecutionTimeMs, f.P99ExecutionTimeMs = f0.P95ExecutionTimeMs*ratio, f0.P99ExecutionTimeMs*ratio
	if arch != g.s.ArchitectureOf(f0) {
		f.Architecture = arch
	}
	return f
}

// warmFeasible says whether a size meets the latency and timeout targets
// with no cold start at all (no provisioned concurrency does better).
func (g *seeker) warmFeasible(f0 *Function, arch pricing.Architecture, o sizeOption) bool {
	f := g.sized(f0, arch, o)
	d := targets.Duration{MeanMs: f.AvgExecutionTimeMs, P95Ms: f.P95ExecutionTimeMs, P99Ms: f.P99ExecutionTimeMs}
	for _, t := range f.TargetsOf() {
		if met, ok := d.Meets(t.KPI, t.Limit, float64(f.TimeoutSeconds)*1000); ok && !met {
			return false
		}
	}
	return true
}

// bestAtSize scores a size with the least provisioned concurrency that
// meets the targets it moves, and the cheapest above it.
func (g *seeker) bestAtSize(i int, f0 *Function, arch pricing.Architecture, o sizeOption, consider func(*candidate)) *candidate {
	f := g.sized(f0, arch, o)
	try := func(k int) *candidate {
		f.ProvisionedConcurrency, f.ProvisionedByHour = k, nil
		c := g.score(i, &f)
		c.cfg.Measured = o.measured
		consider(c)
		return c
	}
	c := try(0)
	if c.missed > 0 && pcMoves(c.scores) {
		limit := min(max(4, 2*peakP99(c.loads)), 1_000_000)
		lo, hi := 0, 1
		var h *candidate
		for {
			h = try(hi)
			if h.missed == 0 || hi >= limit {
				break
			}
			lo, hi = hi, min(2*hi, limit)
		}
		if h.missed > 0 {
			return h
		}
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if m := try(mid); m.missed == 0 {
				hi, h = mid, m
			} else {
				lo = mid
			}
		}
		c = h
	}
	// Busy provisioned instances cost less than on-demand ones: try the
	// mean busy instances (GB-s over the month's instance-seconds).
	busy := g.reports[i].Traffic.MonthlyInvocations * f.AvgExecutionTimeMs / 1000 / g.p.SecondsPerMonth()
	k := c.cfg.ProvisionedConcurrency
	for _, more := range []int{int(math.Floor(busy)), int(math.Ceil(busy))} {
		if more > k {
			if m := try(more); m.better(c, Configuration{}) {
				c = m
			}
		}
	}
	return c
}

// pcMoves says whether provisioned concurrency could mend every missed
// target: cold starts and the latency they add.
func pcMoves(scores []targets.Score) bool {
	for _, s := range targets.Missed(scores) {
		switch s.KPI {
		case targets.ColdStartRate, targets.P50Latency, targets.P95Latency, targets.P99Latency, targets.TimeoutRate:
		default:
			return false
		}
	}
	return true
}

// score is function i configured as f0: its cold-start rate (the
// keep-alive model for a simulated function), reservation, targets and the
// account's bill.
func (g *seeker) score(i int, f0 *Function) *candidate {
	f := *f0
	fr := FunctionReport{Name: f.Name, Traffic: g.reports[i].Traffic}
	byModel := f
	if byModel.ColdStartMethod == ColdStartSimulated {
		byModel.ColdStartMethod = ColdStartModel
	}
	fr.ColdStartRate = coldStartRate(g.s, g.own, &byModel, &fr, Sources{KeepAlive: g.src.KeepAlive})
	rate := fr.ColdStartRate.Rate
	loads := hourlyLoads(&f, fr.Traffic.RequestsPerHour, rate)
	f.ReservedConcurrency = g.reservedFor(&f, g.s.Functions[i].ReservedConcurrency, loads)
	pool := g.poolWith(i, &f, loads)
	m := measures(&f, &fr, loads, &pool)
	c := &candidate{fn: f, scores: m.Scores(f.TargetsOf()), coldRate: rate, loads: loads,
		cfg: Configuration{MemoryMb: f.AllocatedMemoryMb, Architecture: g.s.ArchitectureOf(&f), AvgExecutionTimeMs: f.AvgExecutionTimeMs,
			ProvisionedConcurrency: f.ProvisionedConcurrency, ProvisionedByHour: f.ProvisionedByHour, ReservedConcurrency: f.ReservedConcurrency}}
	for _, s := range targets.Missed(c.scores) {
		c.missed++
		c.shortfall += math.Abs(s.Value-s.Limit) / max(math.Abs(s.Limit), 1e-12)
	}
	c.cost = g.cost(i, &f, lambdaUsage(g.p, &f, fr.Traffic.MonthlyInvocations, rate))
	return c
}

// reservedFor is a function's reservation: none where it had none; else
// the one it had while that meets its usage and throttle targets and holds
// its provisioned instances, or the least that does.
func (g *seeker) reservedFor(f *Function, had int, loads []float64) int {
	if had == 0 {
		return 0
	}
	usage := targets.DefaultReservedUsage
	if f.Targets.ReservedUsage != nil && *f.Targets.ReservedUsage > 0 {
		usage = *f.Targets.ReservedUsage
	}
	throttle := targets.DefaultThrottleRate
	if f.Targets.ThrottleRate != nil {
		throttle = *f.Targets.ThrottleRate
	}
	p99 := peakP99(loads)
	fits := func(r int) bool {
		return r >= f.ProvisionedPeak() && r >= p99 && float64(p99) <= usage*float64(r) &&
			throttleRate(loads, r) <= throttle
	}
	if fits(had) {
		return had
	}
	r := max(1, f.ProvisionedPeak(), p99, int(math.Ceil(float64(p99)/usage)))
	for !fits(r) && r < 1_000_000 {
		r += max(1, r/20)
	}
	return r
}

// throttleRate is the Erlang-loss share of a function's requests throttled
// against r instances.
// Within one function requests are proportional to load.
func throttleRate(loads []float64, r int) float64 {
	throttled, total := 0.0, 0.0
	for _, a := range loads {
		throttled += a * targets.ErlangB(a, r)
		total += a
	}
	return num.Ratio(throttled, total)
}

// poolWith is the account's shared concurrency with function i as f.
func (g *seeker) poolWith(i int, f *Function, loads []float64) sharedPool {
	old := &g.s.Functions[i]
	p := sharedPool{servers: g.pool.servers + old.ReservedConcurrency - f.ReservedConcurrency, loads: slices.Clone(g.pool.loads)}
	for h := range p.loads {
		if old.ReservedConcurrency == 0 {
			p.loads[h] -= g.loads[i][h]
		}
		if f.ReservedConcurrency == 0 {
			p.loads[h] += loads[h]
		}
		p.loads[h] = max(p.loads[h], 0)
	}
	p.block()
	return p
}

// cost is the account's Lambda bill and compliance overhead with function
// i as f using u (past exactPricingLimit functions, f's own bill alone).
func (g *seeker) cost(i int, f *Function, u pricing.LambdaUsage) float64 {
	if len(g.usages) > exactPricingLimit {
		c := pricing.PriceLambda(g.p, g.s.Pricing.Architecture, g.s.Pricing.FreeTier, []pricing.LambdaUsage{u}, g.costs[:0])
		g.costs = c
		return c[0].TotalMonthlyCost + g.compliance(f, c[0].ComputeCost, u.MonthlyInvocations)
	}
	saved := g.usages[i]
	g.usages[i] = u
	g.costs = pricing.PriceLambda(g.p, g.s.Pricing.Architecture, g.s.Pricing.FreeTier, g.usages, g.costs[:0])
	g.usages[i] = saved
	total := 0.0
	for j, c := range g.costs {
		fj := &g.s.Functions[j]
		if j == i {
			fj = f
		}
		total += c.TotalMonthlyCost + g.compliance(fj, c.ComputeCost, g.usages[j].MonthlyInvocations)
	}
	return total
}

// compliance is a function's compliance and monitoring overhead.
func (g *seeker) compliance(f *Function, compute, invocations float64) float64 {
	c := spec.CalculateComplianceCost(g.s.Compliance, f.ComplianceRequirements, compute, invocations)
	return c.ComplianceCost + c.MonitoringCost
}

// apply sets function i to the chosen candidate: its memory, durations,
// architecture and concurrency; the size it was measured at joins its
// measurements.
func (g *seeker) apply(i int, c *candidate) {
	f := &g.s.Functions[i]
	old := *f
	if c.fn.AllocatedMemoryMb != old.AllocatedMemoryMb || g.s.ArchitectureOf(&c.fn) != g.s.ArchitectureOf(&old) {
		measured := append([]MeasuredDuration(nil), old.ExecutionTimesByMemory...)
		own := MeasuredDuration{MemoryMb: old.AllocatedMemoryMb, ExecutionTimeMs: old.AvgExecutionTimeMs}
		if g.s.ArchitectureOf(&c.fn) != g.s.ArchitectureOf(&old) {
			own.Architecture = g.s.ArchitectureOf(&old)
		}
		known := slices.ContainsFunc(measured, func(m MeasuredDuration) bool {
			return m.MemoryMb == own.MemoryMb && (m.Architecture == own.Architecture || m.Architecture == "" && own.Architecture == "")
		})
		if !known && len(measured) < 64 {
			measured = append(measured, own)
		}
		c.fn.ExecutionTimesByMemory = measured
	}
	g.pool = g.poolWith(i, &c.fn, c.loads)
	*f = c.fn
	g.loads[i] = c.loads
	g.usages[i] = lambdaUsage(g.p, f, g.reports[i].Traffic.MonthlyInvocations, c.coldRate)
}

// notes say which targets the chosen configuration still misses, and why.
func (g *seeker) notes(f0 *Function, c *candidate) []string {
	out := []string{}
	for _, s := range targets.Missed(c.scores) {
		note := fmt.Sprintf("%s: %s misses %s (%s)", s.Label, kpiText(s.Value, s.Unit), kpiText(s.Limit, s.Unit), s.Why)
		switch {
		case s.KPI == targets.ColdStartRate && f0.RateGiven():
			note += "; the rate is the one given (the spec's rule), which provisioned concurrency does not move: choose the keep-alive model"
		case s.KPI == targets.ThrottleRate && c.fn.ReservedConcurrency == 0:
			note += "; raise the account's concurrency limit (a Service Quotas request)"
		case s.KPI == targets.P50Latency || s.KPI == targets.P95Latency || s.KPI == targets.P99Latency:
			note += fmt.Sprintf("; the nearest is %d MB with %s", c.cfg.MemoryMb, c.cfg.provisionedText())
		}
		out = append(out, note)
	}
	return out
}
