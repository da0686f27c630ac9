package model

import (
	"fmt"
	"slices"
	"strconv"

	"planner/model/keepalive"
	"planner/model/num"
	"planner/model/pricing"
	"planner/model/spec"
	"planner/model/targets"
)

// Configuration is what goal seek may change of a function.
type Configuration struct {
	MemoryMb     int                  `json:"memory_mb"`
	Architecture pricing.Architecture `json:"architecture"`
	// AvgExecutionTimeMs is the mean duration at MemoryMb: measured when
	// Measured, else the spec's estimate from the function's own size.
	AvgExecutionTimeMs     float64 `json:"avg_execution_time_ms"`
	Measured               bool    `json:"measured"`
	ProvisionedConcurrency int     `json:"provisioned_concurrency"`
	// ProvisionedByHour is provisioned concurrency by hour of the day in
	// place of a constant one (none: constant).
	ProvisionedByHour   []int `json:"provisioned_concurrency_by_hour,omitempty"`
	ReservedConcurrency int   `json:"reserved_concurrency"`
}

// FunctionTuning is goal seek's answer for one function.
type FunctionTuning struct {
	Name    string        `json:"name"`
	Before  Configuration `json:"before"`
	After   Configuration `json:"after"`
	Changed bool          `json:"changed"`
	// Met is true when After meets every required target.
	Met          bool            `json:"met"`
	ScoresBefore []targets.Score `json:"scores_before"`
	ScoresAfter  []targets.Score `json:"scores_after"`
	// CostBefore and CostAfter are the function's own bill (Lambda, its
	// services, compliance), USD per month.
	CostBefore float64 `json:"cost_before"`
	CostAfter  float64 `json:"cost_after"`
	// Notes say what no configuration meets and what would.
	Notes []string `json:"notes"`
	// Tried counts the configurations scored.
	Tried int `json:"configurations_tried"`
}

// Tuning is goal seek over a scenario.
type Tuning struct {
	Functions []FunctionTuning `json:"functions"`
	// Met is true when every function meets its targets after tuning.
	Met         bool    `json:"met"`
	TotalBefore float64 `json:"total_monthly_cost_before"`
	TotalAfter  float64 `json:"total_monthly_cost_after"`
}

// Tune returns the scenario with each function set to the cheapest
// configuration that meets every required target, and what changed. The
// search, per function and in order (each function sees the account's
// concurrency as the ones before it left it):
//
//   - architectures: its own, and another where durations were measured on it;
//   - memory: every measured size and 64 MB steps from 128 MB to 10,240 MB,
//     none below the memory it uses; a size's duration is measured, or the
//     spec's estimate (duration × own size / size, floored at 50 ms) with
//     p95 and p99 scaled alike; the cold-start duration stays;
//   - provisioned concurrency: the least that meets the targets it moves
//     (cold-start rate and latency: doubling, then bisection, up to twice
//     the busiest hour's p99 concurrency), then the cheapest at or above it
//     (provisioned execution is cheaper than on-demand when busy); at the
//     three cheapest sizes that need it, also by hour of the day where the
//     traffic varies (searchSchedule);
//   - reserved concurrency, only where the function has one: kept while it
//     meets its targets, else the least that meets its usage and throttle
//     targets, never below the p99 concurrency nor the provisioned
//     instances; never 0.
//
// Estimated sizes cost no less as memory grows (GB-s stay, INIT and
// provisioned instances cost more), so the scan of estimated sizes stops
// four sizes past the first that meets every target. Cold-start rates come
// from the keep-alive model (a simulated function is searched with the
// model and then scored by its simulation). The candidates are priced
// against the whole account (free tier and tiers); past 50 functions each
// is priced on its own. Where nothing meets a target, the configuration
// that misses fewest (then by the least shortfall) is kept and the notes
// say which target and why.
func Tune(s *Scenario, src Sources) (*Scenario, *Tuning, Problems) {
	if probs := Validate(s); len(probs) > 0 {
		return nil, nil, probs
	}
	if probs := LambdaOnly(s, "goal seek tunes memory, provisioned concurrency and keep-alive, which are"); len(probs) > 0 {
		return nil, nil, probs
	}
	src.KeepAlive = memoSolver(src.KeepAlive)
	src = src.onTheSpot() // a simulated function is scored by its simulation, as Evaluate does
	before := evaluate(s, fullReport, src)
	tuned := *s
	tuned.Functions = append([]Function(nil), s.Functions...)
	g := newSeeker(&tuned, before, src)
	out := &Tuning{Functions: make([]FunctionTuning, len(s.Functions))}
	for i := range tuned.Functions {
		out.Functions[i] = g.seek(i)
		if src.Progress != nil {
			src.Progress(float64(i+1) / float64(len(tuned.Functions)))
		}
	}
	after := evaluate(&tuned, fullReport, src)
	out.Met, out.TotalBefore, out.TotalAfter = true, before.TotalSummary.TotalMonthlyCost, after.TotalSummary.TotalMonthlyCost
	for i := range out.Functions {
		t := &out.Functions[i]
		t.ScoresBefore, t.ScoresAfter = before.Functions[i].Scorecard.Scores, after.Functions[i].Scorecard.Scores
		t.CostBefore, t.CostAfter = before.Functions[i].TotalMonthlyCost, after.Functions[i].TotalMonthlyCost
		t.Met = after.Functions[i].Scorecard.Met
		out.Met = out.Met && t.Met
	}
	return &tuned, out, nil
}

// memoSolver solves keep-alive inputs once each, on the spot where next is
// nil or not ready (goal seek needs every answer now).
func memoSolver(next keepalive.Solver) keepalive.Solver {
	seen := map[keepalive.Input]keepalive.Result{}
	return func(k keepalive.Input) (keepalive.Result, bool) {
		if r, ok := seen[k]; ok {
			return r, true
		}
		r, ok := keepalive.Result{}, false
		if next != nil {
			r, ok = next(k)
		}
		if !ok {
			r = keepalive.Solve(k)
		}
		seen[k] = r
		return r, true
	}
}

// configurationOf is a function's current configuration.
func configurationOf(s *Scenario, f *Function) Configuration {
	return Configuration{MemoryMb: f.AllocatedMemoryMb, Architecture: s.ArchitectureOf(f), AvgExecutionTimeMs: f.AvgExecutionTimeMs,
		Measured: true, ProvisionedConcurrency: f.ProvisionedConcurrency, ProvisionedByHour: f.ProvisionedByHour,
		ReservedConcurrency: f.ReservedConcurrency}
}

// String is "512 MB x86_64 · 120 ms measured · 1 provisioned · 10 reserved"
// (the reservation only where there is one); provisioned by hour reads
// "0–2 provisioned by hour (mean 0.75)".
func (c Configuration) String() string {
	kind := "measured"
	if !c.Measured {
		kind = "estimated"
	}
	out := fmt.Sprintf("%d MB %s · %s ms %s · %s", c.MemoryMb, c.Architecture,
		GroupDigits(strconv.FormatFloat(c.AvgExecutionTimeMs, 'f', 0, 64)), kind, c.provisionedText())
	if c.ReservedConcurrency > 0 {
		out += fmt.Sprintf(" · %d reserved", c.ReservedConcurrency)
	}
	return out
}

// estimatedMs is the spec's estimate of a duration at another size.
func estimatedMs(ms float64, ownMb, mb int) float64 {
	return spec.EstimateExecutionTimeMs(ms, float64(ownMb), float64(mb))
}

// provisionedText is "2 provisioned", or "0–2 provisioned by hour (mean 0.75)".
func (c Configuration) provisionedText() string {
	f := Function{ProvisionedConcurrency: c.ProvisionedConcurrency, ProvisionedByHour: c.ProvisionedByHour}
	if len(c.ProvisionedByHour) != hoursPerDay {
		return strconv.Itoa(c.ProvisionedConcurrency) + " provisioned"
	}
	return fmt.Sprintf("%d–%d provisioned by hour (mean %s)", slices.Min(c.ProvisionedByHour), f.ProvisionedPeak(),
		strconv.FormatFloat(num.RoundSignificant(f.ProvisionedMean(), 3), 'f', -1, 64))
}
