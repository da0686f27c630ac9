package awscli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Metrics the planner reads, and the statistic of each.
const (
	Invocations          = "Invocations"          // Sum
	Duration             = "Duration"             // Average, p95, p99 (ms)
	ConcurrentExecutions = "ConcurrentExecutions" // Maximum
	Errors               = "Errors"               // Sum
	Throttles            = "Throttles"            // Sum
)

// Point is one period's value.
type Point struct {
	At    time.Time `json:"at"`
	Value float64   `json:"value"`
}

// Series is one query's results, oldest first.
type Series struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Function, Metric and Stat are read from the label "NAME METRIC STAT"
	// (QueryFile writes it); Function is empty when the label does not name
	// one (the interop note's single-function query, a console export).
	Function string  `json:"function,omitempty"`
	Metric   string  `json:"metric"`
	Stat     string  `json:"stat"`
	Points   []Point `json:"points"`
}

// metricResult is MetricDataResult in botocore's cloudwatch model.
type metricResult struct {
	ID         string      `json:"Id"`
	Label      string      `json:"Label"`
	Timestamps []Timestamp `json:"Timestamps"`
	Values     []float64   `json:"Values"`
	StatusCode string      `json:"StatusCode"`
}

// knownIDs name the metric of the single-function query in the interop
// note (durAvg, durP99 …) when a label does not.
var knownIDs = map[string][2]string{
	"inv": {Invocations, "Sum"}, "durAvg": {Duration, "Average"}, "durP95": {Duration, "p95"}, "durP99": {Duration, "p99"},
	"conc": {ConcurrentExecutions, "Maximum"}, "err": {Errors, "Sum"}, "thr": {Throttles, "Sum"},
}

// ParseMetricData reads get-metric-data pages (one file per page, or the
// CLI's merged output) into one series per query Id, oldest first. A
// period given twice keeps its first value; every problem is returned.
func ParseMetricData(pages ...[]byte) ([]Series, []error) {
	var out []Series
	var errs []error
	index := map[string]int{}
	for p, data := range pages {
		where := ""
		if len(pages) > 1 {
			where = "page " + strconv.Itoa(p+1) + ": "
		}
		if len(data) > MaxFileBytes {
			errs = append(errs, fmt.Errorf("%sthe file is larger than %d MiB", where, MaxFileBytes>>20))
			continue
		}
		var doc struct {
			MetricDataResults []metricResult
		}
		if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\uFEFF")), &doc); err != nil {
			errs = append(errs, fmt.Errorf("%snot get-metric-data output: %v", where, err))
			continue
		}
		if doc.MetricDataResults == nil {
			errs = append(errs, fmt.Errorf("%sno MetricDataResults: not get-metric-data output", where))
			continue
		}
		for i, r := range doc.MetricDataResults {
			path := fmt.Sprintf("%sMetricDataResults[%d]", where, i)
			switch {
			case r.StatusCode == "Forbidden" || r.StatusCode == "InternalError":
				errs = append(errs, fmt.Errorf("%s (%s): CloudWatch answered %s", path, r.ID, r.StatusCode))
				continue
			case len(r.Timestamps) != len(r.Values):
				errs = append(errs, fmt.Errorf("%s (%s): %d timestamps for %d values", path, r.ID, len(r.Timestamps), len(r.Values)))
				continue
			}
			k, seen := index[r.ID]
			if !seen {
				s, ok := describe(r.ID, r.Label)
				if !ok {
					errs = append(errs, fmt.Errorf("%s.Label: %q names no metric the planner reads (labels are \"FUNCTION METRIC STAT\", as the query file writes them)", path, r.Label))
					continue
				}
				k, index[r.ID] = len(out), len(out)
				out = append(out, s)
			}
			for j, v := range r.Values {
				if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
					errs = append(errs, fmt.Errorf("%s.Values[%d]: %v is not a measurement", path, j, v))
					break
				}
				out[k].Points = append(out[k].Points, Point{r.Timestamps[j].Time, v})
			}
		}
	}
	for i := range out {
		pts := out[i].Points
		slices.SortStableFunc(pts, func(a, b Point) int { return a.At.Compare(b.At) })
		out[i].Points = slices.CompactFunc(pts, func(a, b Point) bool { return a.At.Equal(b.At) })
	}
	return out, errs
}

// describe reads a series' function, metric and statistic from its label
// ("NAME METRIC STAT"), else from a known Id.
func describe(id, label string) (Series, bool) {
	s := Series{ID: id, Label: label}
	fields := strings.Fields(label)
	if len(fields) == 3 && slices.Contains([]string{Invocations, Duration, ConcurrentExecutions, Errors, Throttles}, fields[1]) {
		s.Function, s.Metric, s.Stat = fields[0], fields[1], fields[2]
		return s, true
	}
	if m, ok := knownIDs[id]; ok {
		s.Metric, s.Stat = m[0], m[1]
		return s, true
	}
	return s, false
}
