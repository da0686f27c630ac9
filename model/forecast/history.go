package forecast

import (
	"encoding/json"
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"planner/model/internal/jsonin"
)

// History is a function's invocation counts at a regular step.
type History struct {
	// Start is the time of the first value; StepSeconds the spacing
	// (3600 for hourly counts, 60 per minute).
	Start       time.Time `json:"start"`
	StepSeconds int       `json:"step_seconds"`
	Values      []float64 `json:"values"`
	// FilledGaps counts missing periods, filled with the value a day
	// earlier (zero when there is none): a gap is missing data, not silence.
	FilledGaps int `json:"filled_gaps"`
}

// Limits of imported histories.
const (
	maxHistoryPoints = 1_000_000
	maxHistoryBytes  = 64 << 20
)

// point is one timestamped count.
type point struct {
	at    time.Time
	count float64
}

// ParseHistoryCSV reads "timestamp,count" lines (a header line is allowed;
// fields may be quoted).
// Timestamps are RFC 3339, "2006-01-02 15:04[:05]" (UTC) or Unix seconds;
// counts are non-negative numbers. Every bad line is refused with its number
// and reason.
func ParseHistoryCSV(data []byte) (*History, jsonin.Problems) {
	if len(data) > maxHistoryBytes {
		return nil, jsonin.Problems{{Path: "file", Message: "larger than 64 MiB"}}
	}
	lines := strings.Split(string(data), "\n")
	var probs jsonin.Problems
	var points []point
	for i, text := range lines {
		line := i + 1
		where := "line " + strconv.Itoa(line)
		var rec []string
		for _, field := range strings.Split(strings.TrimRight(text, "\r"), ",") {
			rec = append(rec, strings.Trim(strings.TrimSpace(field), `"`))
		}
		if len(rec) == 1 && rec[0] == "" {
			continue
		}
		if len(rec) != 2 {
			probs.Add(where, "needs two fields, timestamp,count; got "+strconv.Itoa(len(rec)))
			continue
		}
		at, terr := parseTimestamp(rec[0])
		count, cerr := strconv.ParseFloat(strings.TrimSpace(rec[1]), 64)
		if line == 1 && terr != nil && cerr != nil {
			continue // a header
		}
		switch {
		case terr != nil:
			probs.Add(where, "timestamp "+strconv.Quote(rec[0])+" is not RFC 3339, \"YYYY-MM-DD hh:mm\" or Unix seconds")
		case cerr != nil || math.IsNaN(count) || math.IsInf(count, 0):
			probs.Add(where, "count "+strconv.Quote(rec[1])+" is not a number")
		case count < 0:
			probs.Add(where, "count must not be negative (got "+rec[1]+")")
		default:
			points = append(points, point{at, count})
		}
		if len(points) > maxHistoryPoints {
			probs.Add(where, "more than 1,000,000 points")
			break
		}
		if len(probs) >= 20 {
			probs.Add("", "stopped after 20 problems")
			break
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return regularize(points)
}

func parseTimestamp(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	if secs, err := strconv.ParseInt(s, 10, 64); err == nil && secs >= 0 && secs < 1<<40 {
		return time.Unix(secs, 0).UTC(), nil
	}
	return time.Time{}, errors.New("bad timestamp")
}

// ParseCloudWatch reads a CloudWatch GetMetricData export of the
// Invocations metric: {"MetricDataResults": [{"Label", "Timestamps",
// "Values"}]}. The result labelled Invocations is taken (else the first).
func ParseCloudWatch(data []byte) (*History, jsonin.Problems) {
	if len(data) > maxHistoryBytes {
		return nil, jsonin.Problems{{Path: "file", Message: "larger than 64 MiB"}}
	}
	var export struct {
		MetricDataResults []struct {
			Label      string      `json:"Label"`
			Timestamps []time.Time `json:"Timestamps"`
			Values     []float64   `json:"Values"`
		} `json:"MetricDataResults"`
	}
	if err := json.Unmarshal(data, &export); err != nil {
		return nil, jsonin.Problems{{Path: "file", Message: "not a GetMetricData export: " + err.Error()}}
	}
	if len(export.MetricDataResults) == 0 {
		return nil, jsonin.Problems{{Path: "MetricDataResults", Message: "no metric in the export"}}
	}
	pick := 0
	for i, r := range export.MetricDataResults {
		if strings.Contains(strings.ToLower(r.Label), "invocations") {
			pick = i
			break
		}
	}
	r := export.MetricDataResults[pick]
	path := "MetricDataResults[" + strconv.Itoa(pick) + "]"
	if len(r.Timestamps) != len(r.Values) {
		return nil, jsonin.Problems{{Path: path, Message: "has " + strconv.Itoa(len(r.Timestamps)) + " timestamps for " + strconv.Itoa(len(r.Values)) + " values"}}
	}
	if len(r.Values) > maxHistoryPoints {
		return nil, jsonin.Problems{{Path: path, Message: "more than 1,000,000 points"}}
	}
	points := make([]point, len(r.Values))
	for i := range r.Values {
		if r.Values[i] < 0 || math.IsNaN(r.Values[i]) {
			return nil, jsonin.Problems{{Path: path + ".Values[" + strconv.Itoa(i) + "]", Message: "must be a non-negative count"}}
		}
		points[i] = point{r.Timestamps[i].UTC(), r.Values[i]}
	}
	return regularize(points)
}

// regularize sorts points, finds the step (the most common spacing), sums
// points of the same period and fills gaps.
func regularize(points []point) (*History, jsonin.Problems) {
	if len(points) < 2 {
		return nil, jsonin.Problems{{Path: "history", Message: "needs at least two points"}}
	}
	sort.Slice(points, func(i, j int) bool { return points[i].at.Before(points[j].at) })
	gaps := map[int64]int{}
	for i := 1; i < len(points); i++ {
		if d := int64(points[i].at.Sub(points[i-1].at).Seconds()); d > 0 {
			gaps[d]++
		}
	}
	step, seen := int64(0), 0
	for d, c := range gaps {
		if c > seen || (c == seen && d < step) {
			step, seen = d, c
		}
	}
	if step <= 0 {
		return nil, jsonin.Problems{{Path: "history", Message: "all points have the same timestamp"}}
	}
	start := points[0].at
	span := points[len(points)-1].at.Sub(start).Seconds()
	n := int(span/float64(step)) + 1
	if n > maxHistoryPoints {
		return nil, jsonin.Problems{{Path: "history", Message: "spans more than 1,000,000 periods of " + strconv.FormatInt(step, 10) + " s"}}
	}
	values := make([]float64, n)
	present := make([]bool, n)
	for _, p := range points {
		i := int(p.at.Sub(start).Seconds()) / int(step)
		values[i] += p.count
		present[i] = true
	}
	day := int(86400 / step)
	filled := 0
	for i := range values {
		if !present[i] {
			filled++
			if day > 0 && i >= day {
				values[i] = values[i-day]
			}
		}
	}
	return &History{Start: start, StepSeconds: int(step), Values: values, FilledGaps: filled}, nil
}
