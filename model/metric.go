package model

import (
	"encoding/json"
	"strconv"
	"strings"
)

// MetricValues resolves data-metric paths ("functions.0.total_monthly_cost",
// "scaling_projections.2x_scale.monthly_cost") in a report, or another
// model document (a comparison, the cold-start methods), as its JSON reads:
// the contract between the page's figures and `planner report`. found[i] is
// false where a path names no number.
func MetricValues(doc any, metrics []string) ([]float64, []bool) {
	values, found := make([]float64, len(metrics)), make([]bool, len(metrics))
	data, err := json.Marshal(doc)
	if err != nil {
		return values, found
	}
	var tree any
	if json.Unmarshal(data, &tree) != nil {
		return values, found
	}
	for i, m := range metrics {
		values[i], found[i] = metricIn(tree, m)
	}
	return values, found
}

func metricIn(tree any, metric string) (float64, bool) {
	v := tree
	for _, part := range strings.Split(metric, ".") {
		switch c := v.(type) {
		case map[string]any:
			v = c[part]
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(c) {
				return 0, false
			}
			v = c[i]
		default:
			return 0, false
		}
	}
	f, ok := v.(float64)
	return f, ok
}
