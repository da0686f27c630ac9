package model

import (
	"testing"
)

func TestMetricValue(t *testing.T) {
	s := DefaultScenario()
	r, _ := Evaluate(&s)
	for metric, want := range map[string]float64{
		"total_summary.total_monthly_cost":                          r.TotalSummary.TotalMonthlyCost,
		"functions.2.total_monthly_cost":                            r.Functions[2].TotalMonthlyCost,
		"scaling_projections.10x_scale.monthly_cost":                r.ScalingProjections[2].MonthlyCost,
		"functions.0.memory.memory_configurations.512.monthly_cost": r.Functions[0].Memory.MemoryConfigurations[2].MonthlyCost,
	} {
		if got, ok := MetricValues(r, []string{metric}); !ok[0] || got[0] != want {
			t.Errorf("%s = %v (%v), want %v", metric, got[0], ok[0], want)
		}
	}
	for _, bad := range []string{"", "functions.9.total_monthly_cost", "functions.x", "scenario", "functions.0"} {
		if _, ok := MetricValues(r, []string{bad}); ok[0] {
			t.Errorf("%q resolved", bad)
		}
	}
}
