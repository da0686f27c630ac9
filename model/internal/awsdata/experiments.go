// Package awsdata holds the 20 AWS Lambda cold-start experiments the
// keep-alive model and the simulator are validated against (tests only).
package awsdata

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

//go:embed aws-lambda-coldstart-experiments.csv
var experimentsCSV string

// Experiment is one measured configuration: Poisson arrivals at Rate per
// second, warm and cold service times (ms), the keep-alive (minutes), and
// what was measured: mean instances, P(cold) with its standard error, mean
// running and idle instances.
type Experiment struct {
	Name                            string
	Rate, WarmMs, ColdMs            float64
	KeepAliveMinutes                float64
	Instances, PCold, PColdSE       float64
	RunningInstances, IdleInstances float64
}

// Experiments parses the embedded measurements, in file order.
func Experiments() ([]Experiment, error) {
	rows, err := csv.NewReader(strings.NewReader(experimentsCSV)).ReadAll()
	if err != nil {
		return nil, err
	}
	out := make([]Experiment, 0, len(rows)-1)
	for _, r := range rows[1:] {
		v := make([]float64, len(r))
		for i := 1; i < len(r); i++ {
			if v[i], err = strconv.ParseFloat(r[i], 64); err != nil {
				return nil, fmt.Errorf("%s column %d: %w", r[0], i, err)
			}
		}
		out = append(out, Experiment{Name: r[0], Rate: v[1], WarmMs: v[2], ColdMs: v[3], KeepAliveMinutes: v[4],
			Instances: v[5], PCold: v[7], PColdSE: v[8], RunningInstances: v[9], IdleInstances: v[10]})
	}
	return out, nil
}
