package spec

import (
	"testing"

	"planner/model/internal/check"
)

func TestScalingProjections(t *testing.T) {
	ps := CalculateScalingProjections(1e6, 100)
	check.Near(t, "2x", ps[0].MonthlyCost, 200)
	check.Near(t, "10x", ps[2].MonthlyCost, 850)
	check.Near(t, "20x per invocation", ps[3].CostPerInvocation, 1700/20e6)
	zero := CalculateScalingProjections(0, 0)
	check.Near(t, "no traffic", zero[3].CostPerInvocation, 0)
}
