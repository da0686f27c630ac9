package model

import (
	"fmt"

	"planner/model/forecast"
	"planner/model/keepalive"
	"planner/model/policy"
)

// ColdServiceTimeMs is how long a cold request holds its instance: the mean
// duration plus what a cold start adds, ms.
func (f *Function) ColdServiceTimeMs() float64 { return f.AvgExecutionTimeMs + f.ColdStartDurationMs }

// RateGiven says whether the function's cold-start rate is the one given
// (the spec's reference method) rather than modelled or simulated.
func (f *Function) RateGiven() bool {
	return f.ColdStartMethod != ColdStartModel && f.ColdStartMethod != ColdStartSimulated
}

// DayKeepAlive is the keep-alive model of a function's day: each hour of
// its traffic at steady state, warm requests taking its mean duration and
// cold ones ColdServiceTimeMs, its keep-alive and provisioned instances.
// Solves come from solve (nil: on the spot); ready is false when one is not
// ready yet.
func DayKeepAlive(solve keepalive.Solver, f *Function, fr *FunctionReport) (keepalive.Day, bool) {
	return keepalive.SolveDay(solve, fr.Traffic.RequestsPerHour, f.AvgExecutionTimeMs, f.ColdServiceTimeMs(),
		f.KeepAliveMinutes, f.ProvisionedHours(), float64(f.AllocatedMemoryMb))
}

// The history synthesised for a function without measurements.
const (
	syntheticWeeks        = 4
	syntheticHours        = syntheticWeeks * 7 * hoursPerDay // SyntheticHistory's length
	syntheticWeekendShare = 0.6                              // of a weekday's traffic
	syntheticNoise        = 0.1                              // spread of the multiplicative noise
)

// SyntheticHistorySource says how SyntheticHistory makes a history.
func SyntheticHistorySource() string {
	return fmt.Sprintf("synthesised from the daily profile (%d weeks, weekends at %g%%, %g%% noise)",
		syntheticWeeks, syntheticWeekendShare*100, syntheticNoise*100)
}

// SyntheticHistory is four weeks of hourly invocations shaped like the
// function's daily profile and scaled to its monthly invocations, weekends
// at 60% of a weekday, 10% multiplicative noise, seeded by its name
// (NameSeed), so that every view and the CLI see the same history.
func SyntheticHistory(f *Function, fr *FunctionReport) []float64 {
	return forecast.SyntheticHistory(f.TrafficProfile, fr.Traffic.MonthlyInvocations, syntheticWeekendShare, syntheticNoise,
		syntheticWeeks, NameSeed(f.Name))
}

// PolicyInput is what the provisioned-concurrency policies of a function
// are compared on: its hourly history, the last evaluationHours held out,
// its warm and cold service times, memory and keep-alive, the guardrails,
// and its name's seed.
func PolicyInput(f *Function, history []float64, evaluationHours int, guard policy.Guardrails) policy.Input {
	return policy.Input{History: history, EvaluationHours: evaluationHours, WarmMs: f.AvgExecutionTimeMs,
		ColdMs: f.ColdServiceTimeMs(), MemoryMb: float64(f.AllocatedMemoryMb), KeepAliveMinutes: f.KeepAliveMinutes,
		Guardrails: guard, Seed: NameSeed(f.Name)}
}
