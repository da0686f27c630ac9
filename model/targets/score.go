package targets

import (
	"fmt"
	"strconv"
)

// Measures are what the planner's models give of one function.
type Measures struct {
	// ColdStartRate is P(cold) and ColdStartModel the model it comes from.
	ColdStartRate  float64
	ColdStartModel string
	// Latency is its warm durations, cold-start duration and P(cold).
	Latency Duration
	// ThrottleRate is the Erlang-loss share throttled against Servers
	// instances, which ServersFrom names.
	ThrottleRate float64
	Servers      int
	ServersFrom  string
	// P99Concurrency is the busiest hour's 99th percentile of busy
	// instances; Reserved its reservation (0: none).
	P99Concurrency int
	Reserved       int
	// ProvisionedUtilisation is the busy share of the provisioned
	// instances, at most Provisioned in an hour.
	Provisioned            int
	ProvisionedUtilisation float64
	// MemoryUsedMb of MemoryMb.
	MemoryUsedMb, MemoryMb float64
	// TimeoutMs is its timeout (0: none).
	TimeoutMs float64
	// ObservedErrorRate is the error rate given as an input.
	ObservedErrorRate float64
}

// Score is a target with its value: met or missed, and why.
type Score struct {
	Target
	Label string `json:"label"`
	Unit  string `json:"unit"`
	// AtLeast is true for a floor.
	AtLeast bool    `json:"at_least"`
	Value   float64 `json:"value"`
	// Computed is false where no model gives the value (the error rate):
	// Met is then false and Value 0, never invented.
	Computed bool   `json:"computed"`
	Met      bool   `json:"met"`
	Why      string `json:"why"`
}

// Value is the KPI's value and the model behind it, or false where no
// model gives it.
func (m *Measures) Value(k KPI) (float64, string, bool) {
	switch k {
	case ColdStartRate:
		return m.ColdStartRate, m.ColdStartModel, true
	case P50Latency, P95Latency, P99Latency:
		v, _ := m.Latency.Latency(k, m.TimeoutMs)
		return v, fmt.Sprintf("warm durations (mean %s, p95 %s, p99 %s ms) and cold ones %s ms longer, mixed at %s%% cold",
			g(m.Latency.MeanMs), g(m.Latency.P95Ms), g(m.Latency.P99Ms), g(m.Latency.ColdStartMs), g(100*m.Latency.ColdRate)), true
	case ThrottleRate:
		return m.ThrottleRate, fmt.Sprintf("Erlang loss of each hour's traffic against %d instances (%s)", m.Servers, m.ServersFrom), true
	case TimeoutRate:
		v, _ := m.Latency.Latency(k, m.TimeoutMs)
		return v, fmt.Sprintf("latency beyond the %s s timeout", g(m.TimeoutMs/1000)), true
	case ReservedUsage:
		return float64(m.P99Concurrency) / float64(max(m.Reserved, 1)), fmt.Sprintf("p99 concurrency %d of %d reserved", m.P99Concurrency, m.Reserved), true
	case ProvisionedUtilisation:
		return m.ProvisionedUtilisation, fmt.Sprintf("busy share of its provisioned instances (%d at most) over the day", m.Provisioned), true
	case MemoryUtilisation, MemoryFit:
		return m.MemoryUsedMb / m.MemoryMb, fmt.Sprintf("%s MB used of %s MB", g(m.MemoryUsedMb), g(m.MemoryMb)), true
	}
	return 0, fmt.Sprintf("no model of it: the %s%% observed is an input", g(100*m.ObservedErrorRate)), false
}

// Scores are the targets with their values.
func (m *Measures) Scores(targets []Target) []Score {
	out := make([]Score, len(targets))
	for i, t := range targets {
		v, why, ok := m.Value(t.KPI)
		out[i] = Score{Target: t, Label: t.KPI.Label(), Unit: t.KPI.Unit(), AtLeast: t.KPI.AtLeast(), Computed: ok, Why: why}
		if ok {
			out[i].Value, out[i].Met = v, t.KPI.Met(v, t.Limit)
			if met, latency := m.Latency.Meets(t.KPI, t.Limit, m.TimeoutMs); latency {
				out[i].Met = met // the distribution's answer, not the search's 0.01 ms
			}
		}
	}
	return out
}

// The states of a score.
const (
	StateMet            = "met"
	StateMetAdvisory    = "met (advisory)"
	StateMissed         = "missed"
	StateMissedAdvisory = "missed (advisory)"
	StateNotComputed    = "not computed"
)

// State says whether the score is met or missed, as a requirement or an
// advisory, or not computed.
func (s *Score) State() string {
	switch {
	case !s.Computed:
		return StateNotComputed
	case s.Met && s.Required:
		return StateMet
	case s.Met:
		return StateMetAdvisory
	case s.Required:
		return StateMissed
	}
	return StateMissedAdvisory
}

// Missed lists the required targets a set of scores misses (a KPI not
// computed is not missed).
func Missed(scores []Score) []Score {
	var out []Score
	for _, s := range scores {
		if s.Required && s.Computed && !s.Met {
			out = append(out, s)
		}
	}
	return out
}

// g formats a number compactly.
func g(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
