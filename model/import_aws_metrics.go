package model

import (
	"fmt"
	"strings"
	"time"

	"planner/model/awscli"
	"planner/model/forecast"
	"planner/model/num"
)

// functionMetrics are one function's series, by "METRIC STAT".
type functionMetrics map[string][]awscli.Point

// applyMetrics reads get-metric-data pages into the functions they measure
// (awsMetrics). A series whose label names no function belongs to the only
// function there is, else it is a problem.
func applyMetrics(out *AWSImport, pages []NamedFile, index map[string]int) Problems {
	var probs Problems
	data := make([][]byte, len(pages))
	names := make([]string, len(pages))
	for i, p := range pages {
		data[i], names[i] = p.Data, p.Name
	}
	series, errs := awscli.ParseMetricData(data...)
	probs = appendFileErrors(probs, strings.Join(names, ", "), errs)
	byFunction := map[int]functionMetrics{}
	for _, s := range series {
		i, ok := index[s.Function]
		switch {
		case s.Function == "" && len(index) == 1:
			i = 0
		case !ok:
			probs.Add(strings.Join(names, ", "), fmt.Sprintf("series %s (%s) is of function %q, which the functions file does not list", s.ID, s.Label, s.Function))
			continue
		}
		if byFunction[i] == nil {
			byFunction[i] = functionMetrics{}
		}
		byFunction[i][s.Metric+" "+s.Stat] = s.Points
	}
	for i := range out.Scenario.Functions {
		f := &out.Scenario.Functions[i]
		m, ok := byFunction[i]
		if !ok {
			out.note("%s: no metrics in the files; its rate, durations and profile are the defaults.", f.Name)
			continue
		}
		probs = append(probs, awsMetrics(out, f, m)...)
	}
	return probs
}

// awsMetrics sets a function's traffic and durations from its hourly
// metrics:
//
//	rate      = Σ invocations / (hours × 3600 s)
//	profile_h = mean invocations in hour h of the day (UTC)
//	burst     = max(peak hour / mean hour, max ConcurrentExecutions / (rate × mean duration)), in [1, 1000]
//	mean, p95, p99 duration = invocation-weighted means of the hourly statistics
//	error rate = Σ errors / Σ invocations; throttle rate = Σ throttles / (Σ invocations + Σ throttles)
//
// An hourly p95 or p99 is not the period's (percentiles do not average);
// the weighted mean is what the hours typically saw.
func awsMetrics(out *AWSImport, f *Function, m functionMetrics) Problems {
	var probs Problems
	inv := m["Invocations Sum"]
	if len(inv) < 2 {
		out.note("%s: fewer than two hours of Invocations; its rate and profile are the defaults.", f.Name)
		return probs
	}
	h, err := hourlyInvocations(inv)
	if err != "" {
		probs.Add(f.Name, "Invocations: "+err)
		return probs
	}
	out.Histories[f.Name] = h
	total, peak := 0.0, 0.0
	byHour := make([]float64, hoursPerDay)
	counts := make([]float64, hoursPerDay)
	for k, v := range h.Values {
		total += v
		peak = max(peak, v)
		hour := h.Start.Add(time.Duration(k) * time.Hour).Hour()
		byHour[hour] += v
		counts[hour]++
	}
	hours := float64(len(h.Values))
	rate := total / (hours * awscli.HourSeconds)
	f.InvocationsPerSecond, f.MonthlyInvocations = &rate, nil
	if total > 0 {
		for i := range byHour {
			f.TrafficProfile[i] = num.Ratio(byHour[i], counts[i])
		}
	}

	at := make(map[int64]float64, len(inv)) // invocations by the hour's Unix time
	for _, p := range inv {
		at[p.At.Unix()] = p.Value
	}
	weighted := func(key string) (float64, bool) {
		series := m[key]
		sum, weight := 0.0, 0.0
		for _, p := range series {
			w := at[p.At.Unix()]
			sum += p.Value * w
			weight += w
		}
		return num.Ratio(sum, weight), weight > 0
	}
	avg, okAvg := weighted("Duration Average")
	p95, okP95 := weighted("Duration p95")
	p99, okP99 := weighted("Duration p99")
	if okAvg && avg > 0 {
		f.AvgExecutionTimeMs = avg
		switch {
		case okP99 && okP95:
			f.P95ExecutionTimeMs, f.P99ExecutionTimeMs = max(p95, avg), max(p99, p95, avg)
		case okP99:
			f.P95ExecutionTimeMs, f.P99ExecutionTimeMs = max(p99, avg), max(p99, avg)
			out.note("%s: no Duration p95 in the metrics; p95 is set to the p99.", f.Name)
		default:
			f.P95ExecutionTimeMs, f.P99ExecutionTimeMs = max(f.P95ExecutionTimeMs, avg), max(f.P99ExecutionTimeMs, avg)
			out.note("%s: no Duration percentiles in the metrics; p95 and p99 are the defaults (at least the mean).", f.Name)
		}
		if f.TimeoutSeconds > 0 {
			limit := float64(f.TimeoutSeconds) * 1000
			f.P99ExecutionTimeMs = min(f.P99ExecutionTimeMs, limit)
			f.P95ExecutionTimeMs = min(f.P95ExecutionTimeMs, f.P99ExecutionTimeMs)
			f.AvgExecutionTimeMs = min(f.AvgExecutionTimeMs, f.P95ExecutionTimeMs)
		}
	} else if total > 0 {
		out.note("%s: no Duration Average in the metrics; durations are the defaults.", f.Name)
	}

	burst := 1.0
	if mean := total / hours; mean > 0 {
		burst = peak / mean
	}
	if conc := m["ConcurrentExecutions Maximum"]; len(conc) > 0 && rate > 0 {
		most := 0.0
		for _, p := range conc {
			most = max(most, p.Value)
		}
		burst = max(burst, most/(rate*f.AvgExecutionTimeMs/1000))
	}
	f.BurstMultiplier = min(max(burst, 1), 1000)

	if total > 0 {
		errors, throttles := sumOf(m["Errors Sum"]), sumOf(m["Throttles Sum"])
		f.ErrorRate = min(errors/total, 1)
		f.ThrottleRate = throttles / (total + throttles)
	}
	return probs
}

// sumOf adds a series' values.
func sumOf(points []awscli.Point) float64 {
	total := 0.0
	for _, p := range points {
		total += p.Value
	}
	return total
}

// maxImportHours bounds an imported history: two years of hours.
const maxImportHours = 2 * 366 * 24

// hourlyInvocations sums Invocations into hours (UTC), from the first
// point's hour to the last's. An hour without a datapoint had no
// invocations: CloudWatch writes none for an idle period of a Lambda
// metric. Periods longer than an hour cannot be split and are refused.
func hourlyInvocations(inv []awscli.Point) (*forecast.History, string) {
	start := inv[0].At.Truncate(time.Hour)
	span := inv[len(inv)-1].At.Sub(start)
	n := int(span/time.Hour) + 1
	if n > maxImportHours {
		return nil, fmt.Sprintf("span %d hours, more than two years", n)
	}
	closest := span
	for i := 1; i < len(inv); i++ {
		closest = min(closest, inv[i].At.Sub(inv[i-1].At))
	}
	if closest > time.Hour {
		return nil, fmt.Sprintf("the datapoints are %v apart; the planner reads hourly (Period 3600) or finer metrics", closest)
	}
	values := make([]float64, n)
	for _, p := range inv {
		values[int(p.At.Sub(start)/time.Hour)] += p.Value
	}
	return &forecast.History{Start: start, StepSeconds: awscli.HourSeconds, Values: values}, ""
}
