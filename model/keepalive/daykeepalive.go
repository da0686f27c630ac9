package keepalive

import "planner/model/num"

// Day is the keep-alive model over a day of hourly traffic.
type Day struct {
	// ColdStartProbability is the share of the day's requests that start
	// cold: Σ_h requests_h · P_h(cold) / Σ_h requests_h.
	ColdStartProbability float64 `json:"cold_start_probability"`
	// AvgInstances, AvgIdleInstances: means over the 24 hours.
	AvgInstances     float64 `json:"avg_instances"`
	AvgIdleInstances float64 `json:"avg_idle_instances"`
	// IdleGBSecondsPerDay is the memory keep-alive holds: idle instances ×
	// memory (GB) × 86,400 s.
	IdleGBSecondsPerDay float64 `json:"idle_gb_seconds_per_day"`
}

// SolveDay applies the keep-alive model to each hour of a day (each
// hour at its own steady state: the keep-alive is short against an hour) and
// weights the hours by their requests. Hour h keeps provisioned[h]
// instances initialised (one value: every hour; none: no provisioned
// concurrency). Hours of equal traffic and provisioning are solved once.
// Solves come from solve (nil: Solve); ready is false when one
// of them is not ready, after every hour has been asked for.
func SolveDay(solve Solver, requestsPerHour []float64, warmMs, coldMs, keepAliveMinutes float64, provisioned []float64, memoryMb float64) (d Day, ready bool) {
	if solve == nil {
		solve = func(k Input) (Result, bool) { return Solve(k), true }
	}
	total := 0.0
	ready = true
	// The hours solved so far: a day has few, and a scan of them costs
	// less than a map (a tenth of evaluating 2,000 functions in a browser).
	type hour struct {
		requests, provisioned float64
		result                Result
	}
	var solvedArray [24]hour
	solved := solvedArray[:0]
	for h, requests := range requestsPerHour {
		key := hour{requests: requests, provisioned: provisionedIn(provisioned, h)}
		found := -1
		for i := range solved {
			if solved[i].requests == key.requests && solved[i].provisioned == key.provisioned {
				found = i
				break
			}
		}
		if found < 0 {
			var ok bool
			key.result, ok = solve(Input{ArrivalRatePerSecond: requests / 3600, WarmServiceTimeMs: warmMs,
				ColdServiceTimeMs: coldMs, KeepAliveMinutes: keepAliveMinutes, ProvisionedConcurrency: key.provisioned})
			ready = ready && ok
			found, solved = len(solved), append(solved, key)
		}
		r := solved[found].result
		d.ColdStartProbability += requests * r.ColdStartProbability
		d.AvgInstances += r.AvgInstances
		d.AvgIdleInstances += r.AvgIdleInstances
		total += requests
	}
	hours := float64(len(requestsPerHour))
	if hours > 0 {
		d.AvgInstances /= hours
		d.AvgIdleInstances /= hours
	}
	d.ColdStartProbability = num.Ratio(d.ColdStartProbability, total)
	d.IdleGBSecondsPerDay = d.AvgIdleInstances * memoryMb / 1024 * 86400
	if !ready {
		return Day{}, false
	}
	return d, true
}

// provisionedIn is hour h's provisioned instances: provisioned[h], the
// only value, or 0.
func provisionedIn(provisioned []float64, h int) float64 {
	switch {
	case len(provisioned) == 0:
		return 0
	case len(provisioned) == 1:
		return provisioned[0]
	}
	return provisioned[h%len(provisioned)]
}
