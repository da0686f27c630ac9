package model

import "planner/model/targets"

// MemoryFit says whether one size of a function's memory table meets its
// targets that memory moves: the latency and timeout targets (its
// durations at that size, scaled like its mean, mixed with cold starts at
// today's rate) and the memory it uses.
type MemoryFit struct {
	MemoryMb     float64 `json:"memory_mb"`
	MeetsTargets bool    `json:"meets_targets"`
	// Missed names the targets it misses.
	Missed []string `json:"missed"`
}

// MemoryChoice is the memory table judged by the function's targets.
type MemoryChoice struct {
	Fits []MemoryFit `json:"fits"`
	// CheapestFitMb is the cheapest size that meets them (0: none does).
	CheapestFitMb float64 `json:"cheapest_fit_mb"`
}

// memoryChoice judges each size of fr's memory table by f's targets.
func memoryChoice(f *Function, fr *FunctionReport) MemoryChoice {
	out := MemoryChoice{Fits: make([]MemoryFit, 0, len(fr.Memory.MemoryConfigurations))}
	best := -1.0
	list := f.TargetsOf()
	for _, c := range fr.Memory.MemoryConfigurations {
		scale := c.ExecutionTimeMs / f.AvgExecutionTimeMs
		d := targets.Duration{MeanMs: c.ExecutionTimeMs, P95Ms: f.P95ExecutionTimeMs * scale, P99Ms: f.P99ExecutionTimeMs * scale,
			ColdStartMs: f.ColdStartDurationMs, ColdRate: fr.ColdStartRate.Rate}
		fit := MemoryFit{MemoryMb: c.MemoryMb, Missed: []string{}}
		for _, t := range list {
			if !t.Required {
				continue
			}
			met, ok := d.Meets(t.KPI, t.Limit, float64(f.TimeoutSeconds)*1000)
			if t.KPI == targets.MemoryFit {
				met, ok = t.KPI.Met(f.ActualMemoryUsageMb/c.MemoryMb, t.Limit), true
			}
			if ok && !met {
				fit.Missed = append(fit.Missed, t.KPI.Label())
			}
		}
		fit.MeetsTargets = len(fit.Missed) == 0
		if fit.MeetsTargets && (best < 0 || c.MonthlyCost < best) {
			best, out.CheapestFitMb = c.MonthlyCost, c.MemoryMb
		}
		out.Fits = append(out.Fits, fit)
	}
	return out
}
