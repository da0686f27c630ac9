package policy

import (
	"fmt"
	"math"
	"math/rand/v2"

	"planner/model/forecast"
	"planner/model/keepalive"
	"planner/model/pricing"
	"planner/model/simulate"
)

// hoursPerDay is the season of the hourly histories the policies learn from.
const hoursPerDay = 24

// Guardrails bound what any policy may do.
type Guardrails struct {
	// MaxChange is the largest relative change per hour (0.5: ±50%); a
	// step of at least one instance is always allowed.
	MaxChange float64 `json:"max_change"`
	Min       int     `json:"min"`
	Max       int     `json:"max"`
	// Shadow only reports what the policy would do; the function runs
	// without provisioned concurrency.
	Shadow bool `json:"shadow"`
}

// DefaultGuardrails: ±50% an hour, between 0 and 1,000 instances.
func DefaultGuardrails() Guardrails { return Guardrails{MaxChange: 0.5, Max: 1000} }

// apply bounds a wanted level given the previous one.
func (g Guardrails) apply(previous, wanted int) int {
	step := max(1, int(math.Floor(float64(previous)*g.MaxChange)))
	wanted = min(max(wanted, previous-step), previous+step)
	return min(max(wanted, g.Min), g.Max)
}

// Input is a function's history and what the policies need.
type Input struct {
	// History is hourly invocation counts, oldest first; the last
	// EvaluationHours are the hours the policies are judged on.
	History          []float64
	EvaluationHours  int
	WarmMs, ColdMs   float64
	MemoryMb         float64
	KeepAliveMinutes float64
	Guardrails       Guardrails
	Seed             uint64
	// Yield, when set, is called between steps of the work (episodes,
	// simulated half hours); a browser yields to the page there.
	Yield func() `json:"-"`
}

func (in Input) yield() {
	if in.Yield != nil {
		in.Yield()
	}
}

// Result is one policy's schedule and its outcome (simulated, or by the
// keep-alive model: Comparison.Method).
type Result struct {
	Policy      string  `json:"policy"`
	Schedule    []int   `json:"schedule"`
	Applied     []int   `json:"applied"`
	Cost        float64 `json:"cost"` // USD over the evaluated hours
	ColdStarts  int     `json:"cold_starts"`
	ColdRate    float64 `json:"cold_start_rate"`
	P99Ms       float64 `json:"p99_ms"`
	Throttles   int     `json:"throttles"`
	Description string  `json:"description"`
}

// Comparison compares the policies and recommends one.
type Comparison struct {
	Policies       []Result `json:"policies"`
	Recommended    string   `json:"recommended"`
	Explanation    string   `json:"explanation"`
	ForecastMethod string   `json:"forecast_method"`
	// Method says how the schedules were judged: simulated request by
	// request, or by the keep-alive model hour by hour (busy functions).
	Method string `json:"method"`
	// NeededConcurrency is the mean concurrency each evaluated hour's
	// requests needed, instances: requests / 3600 s × the warm duration.
	NeededConcurrency []float64 `json:"needed_concurrency"`
	// PredictedConcurrency is the forecast's mean concurrency of each
	// evaluated hour, instances.
	PredictedConcurrency []float64 `json:"predicted_concurrency"`
	// NextSchedule is the recommended policy's provisioned concurrency for
	// each hour after the history, guardrails applied; empty when the
	// reactive policy is recommended (it tracks utilisation instead).
	NextSchedule []int `json:"next_schedule,omitempty"`
}

// TargetUtilization is the provisioned-concurrency utilisation the reactive
// and predictive policies aim for, and the target-tracking rule keeps.
const TargetUtilization = 0.7

// Parameters of the policies.
const (
	staticPeakShare     = 0.8  // the spec's 80% of the peak
	qEpisodes           = 30   // Q-learning passes over the training days
	qLearningRate       = 0.2  //
	qDiscount           = 0.5  //
	qExploration        = 0.15 //
	coldStartPenaltyUSD = 1.0  // reward: USD per cold start, as a latency cost
)

// qActions are the learned policy's choices: multiples of the forecast
// concurrency.
var qActions = []float64{0, 0.5, 1, 1.5, 2}

// Steps is how many times Compare yields for in at most: once per training
// episode (twice trained: for the evaluated hours, and for the plan ahead
// unless the reactive policy wins) and per simulated half hour of each
// policy (or per hour, judged by the model). A caller's progress counts
// them.
func Steps(in Input) int {
	perHour := 2 // simulated half hours
	if in.method() == MethodModel {
		perHour = 1 // modelled hours
	}
	return 2*qEpisodes + len(policyNames)*in.EvaluationHours*perHour
}

// Compare builds the four policies' hourly schedules from what each
// could know before the evaluated hours, applies the guardrails, simulates
// the evaluated hours with each schedule and recommends the cheapest policy
// whose cold-start rate is no worse than the static policy's (or the one
// with the fewest cold starts when none is). It then plans the recommended
// policy's schedule for the hours after the history, from the whole history
// and its forecast; the reactive policy is not planned ahead (it is a
// target-tracking rule).
func Compare(in Input, p *pricing.Profile, arch pricing.Architecture) Comparison {
	n, eval := len(in.History), in.EvaluationHours
	train := in.History[:n-eval]
	actual := in.History[n-eval:]
	fc := forecast.Make(forecast.Input{History: train, SeasonLength: hoursPerDay, Horizon: eval, Method: "auto"})

	schedules := plannedSchedules(in, train, fc, p, arch)
	reactive := make([]int, eval)
	for h := range reactive {
		prev := train[len(train)-1]
		if h > 0 {
			prev = actual[h-1] // one hour of reaction delay
		}
		reactive[h] = int(math.Ceil(in.concurrency(prev) / TargetUtilization))
	}
	schedules["reactive"] = reactive

	out := Comparison{ForecastMethod: fc.Method, NeededConcurrency: make([]float64, eval), PredictedConcurrency: make([]float64, eval)}
	for h, requests := range actual {
		out.NeededConcurrency[h] = in.concurrency(requests)
	}
	for h, v := range fc.Forecast {
		out.PredictedConcurrency[h] = in.concurrency(v)
	}
	judge := simulateSchedule
	if out.Method = in.method(); out.Method == MethodModel {
		judge = modelSchedule
	}
	for _, name := range policyNames {
		res := judge(in, actual, in.Guardrails.applyAll(0, schedules[name]), p, arch)
		res.Policy, res.Schedule, res.Description = name, schedules[name], policyDescriptions[name]
		out.Policies = append(out.Policies, res)
	}
	out.Recommended, out.Explanation = recommend(out.Policies)

	if out.Recommended != "reactive" {
		last := 0
		for _, r := range out.Policies {
			if r.Policy == out.Recommended && len(r.Applied) > 0 {
				last = r.Applied[len(r.Applied)-1]
			}
		}
		ahead := forecast.Make(forecast.Input{History: in.History, SeasonLength: hoursPerDay, Horizon: eval, Method: "auto"})
		out.NextSchedule = in.Guardrails.applyAll(last, plannedSchedules(in, in.History, ahead, p, arch)[out.Recommended])
	}
	return out
}

// The policies, in the order they are compared, and what each does.
var (
	policyNames        = []string{"static", "reactive", "predictive", "learned"}
	policyDescriptions = map[string]string{
		"static":     "80% of the peak concurrency seen, all day",
		"reactive":   "last hour's concurrency at 70% utilisation (one hour late)",
		"predictive": "the forecast's upper band at 70% utilisation",
		"learned":    "Q-learning over hour and forecast level, trained on the history",
	}
)

// concurrency is the mean concurrency of an hour with perHour requests:
// perHour / 3600 s × the warm duration, s.
func (in Input) concurrency(perHour float64) float64 { return perHour / 3600 * in.WarmMs / 1000 }

// plannedSchedules are the schedules the static, predictive and learned
// policies set for the hours fc forecasts, knowing train.
func plannedSchedules(in Input, train []float64, fc forecast.Forecast, p *pricing.Profile, arch pricing.Architecture) map[string][]int {
	peak := 0.0
	for _, v := range train {
		peak = max(peak, in.concurrency(v))
	}
	static := make([]int, len(fc.Forecast))
	predictive := make([]int, len(fc.Forecast))
	for h := range static {
		static[h] = int(math.Ceil(staticPeakShare * peak))
		predictive[h] = int(math.Ceil(in.concurrency(fc.Upper[h]) / TargetUtilization))
	}
	return map[string][]int{"static": static, "predictive": predictive, "learned": learnPolicy(in, train, fc, p, arch)}
}

// applyAll applies the guardrails to a schedule that follows the value
// previous; in shadow mode nothing is applied.
func (g Guardrails) applyAll(previous int, schedule []int) []int {
	applied := make([]int, len(schedule))
	for h, wanted := range schedule {
		previous = g.apply(previous, wanted)
		if !g.Shadow {
			applied[h] = previous
		}
	}
	return applied
}

// simulateSchedule runs the evaluated hours with a provisioned schedule.
func simulateSchedule(in Input, actual []float64, provisioned []int, p *pricing.Profile, arch pricing.Architecture) Result {
	rates := make([]float64, 0, len(actual)*60)
	for _, perHour := range actual {
		for range 60 {
			rates = append(rates, perHour/3600)
		}
	}
	sim := simulate.Run(simulate.Input{
		Seed: in.Seed, RatePerMinute: rates,
		Warm:              simulate.Distribution{Kind: "lognormal", MeanMs: in.WarmMs, P95Ms: 2 * in.WarmMs},
		Cold:              simulate.Distribution{Kind: "lognormal", MeanMs: in.ColdMs, P95Ms: 2 * in.ColdMs},
		KeepAliveMinutes:  in.KeepAliveMinutes,
		ProvisionedByHour: provisioned, ConcurrencyLimit: simulate.LambdaAccountConcurrency,
		ScalingLimit: simulate.LambdaScalingStarts, ScalingWindowSeconds: simulate.LambdaScalingWindowSeconds,
		Progress: func(minutes, _ int) {
			if minutes%30 == 0 {
				in.yield()
			}
		},
	})
	cost := scheduleCost(in, p, arch, sim.BusyInstanceSeconds, sim.ProvisionedBusySeconds, sim.ProvisionedInstanceSeconds, float64(sim.Arrivals-sim.Throttles))
	return Result{Applied: provisioned, Cost: cost, ColdStarts: sim.ColdStarts, ColdRate: sim.ColdStartProbability,
		P99Ms: sim.LatencyP99Ms, Throttles: sim.Throttles}
}

// learnPolicy trains a tabular Q-learning agent on the training days: state
// (hour of day, forecast-level bucket), action a multiple of the expected
// concurrency, reward −(provisioned cost + cold starts × penalty), with the
// keep-alive model as the environment; seeded, so runs repeat. It then acts
// greedily on the evaluated hours' forecast.
func learnPolicy(in Input, train []float64, fc forecast.Forecast, p *pricing.Profile, arch pricing.Architecture) []int {
	r := rand.New(rand.NewPCG(in.Seed, 0x9e37))
	const buckets = 4
	maxLevel := 1.0
	for _, v := range train {
		maxLevel = max(maxLevel, v)
	}
	bucket := func(perHour float64) int { return min(buckets-1, int(perHour/maxLevel*buckets)) }
	q := make([][]float64, hoursPerDay*buckets)
	for i := range q {
		q[i] = make([]float64, len(qActions))
	}
	prices := p.Lambda[arch]
	gb := in.MemoryMb / 1024
	meanS := in.WarmMs / 1000
	type key struct{ rate, c float64 }
	cache := map[key]float64{}
	coldRate := func(perHour float64, c int) float64 {
		k := key{math.Round(perHour), float64(c)}
		if v, ok := cache[k]; ok {
			return v
		}
		v := keepalive.SingleRate(keepalive.Input{ArrivalRatePerSecond: perHour / 3600, WarmServiceTimeMs: in.WarmMs, ColdServiceTimeMs: in.ColdMs,
			KeepAliveMinutes: in.KeepAliveMinutes, ProvisionedConcurrency: float64(c)}).ColdStartProbability
		cache[k] = v
		return v
	}
	reward := func(perHour float64, c int) float64 {
		provisioned := float64(c) * gb * 3600 * prices.ProvisionedCapacity.Amount
		return -(provisioned + perHour*coldRate(perHour, c)*coldStartPenaltyUSD)
	}
	level := func(expected float64, a int) int {
		return int(math.Ceil(qActions[a] * expected / 3600 * meanS / TargetUtilization))
	}
	for range qEpisodes {
		in.yield()
		for t := hoursPerDay; t < len(train)-1; t++ {
			expected := train[t-hoursPerDay] // yesterday's same hour, what a forecast would say
			s := (t%hoursPerDay)*buckets + bucket(expected)
			a := argmax(q[s])
			if r.Float64() < qExploration {
				a = r.IntN(len(qActions))
			}
			rw := reward(train[t], level(expected, a))
			next := ((t+1)%hoursPerDay)*buckets + bucket(train[t+1-hoursPerDay])
			q[s][a] += qLearningRate * (rw + qDiscount*q[next][argmax(q[next])] - q[s][a])
		}
	}
	out := make([]int, len(fc.Forecast))
	start := len(train)
	for h := range out {
		s := ((start+h)%hoursPerDay)*buckets + bucket(fc.Forecast[h])
		out[h] = level(fc.Forecast[h], argmax(q[s]))
	}
	return out
}

func argmax(xs []float64) int {
	best := 0
	for i := range xs {
		if xs[i] > xs[best] {
			best = i
		}
	}
	return best
}

// coldRateTolerance: cold-start rates within this of the static policy's
// (0.1 percentage point) count as no worse.
const coldRateTolerance = 0.001

// recommend picks the cheapest policy that starts no more cold than the
// static one (within 0.1 point) and throttles no more, and says why.
func recommend(ps []Result) (string, string) {
	var static Result
	for _, p := range ps {
		if p.Policy == "static" {
			static = p
		}
	}
	best := -1
	for i, p := range ps {
		if p.ColdRate <= static.ColdRate+coldRateTolerance && p.Throttles <= static.Throttles && (best < 0 || p.Cost < ps[best].Cost) {
			best = i
		}
	}
	if best < 0 {
		best = 0
	}
	b := ps[best]
	why := fmt.Sprintf("%s costs $%.2f over the evaluated hours against $%.2f for static, with %.2f%% cold starts (static %.2f%%) and p99 %.0f ms",
		b.Policy, b.Cost, static.Cost, b.ColdRate*100, static.ColdRate*100, b.P99Ms)
	for _, p := range ps {
		if p.Policy == "learned" && b.Policy != "learned" {
			why += fmt.Sprintf("; the learned policy costs $%.2f with %.2f%% cold starts", p.Cost, p.ColdRate*100)
		}
	}
	return b.Policy, why
}
