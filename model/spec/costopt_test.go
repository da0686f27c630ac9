package spec

import (
	"testing"

	"planner/model/internal/check"
)

func TestOptimizeCosts(t *testing.T) {
	o := OptimizeCosts(CurrentUsage{
		MonthlyCost: 50000, ProvisionedConcurrencyCost: 20000,
		Functions: []UsageFunction{{"api_handler", 0.6, 300}, {"data_processor", 0.9, 45000},
			{"notification_sender", 0.5, 150}, {"report_generator", 0.8, 120000}},
		ColdStartSensitiveFunctions: []string{"api_handler"},
		ScheduledFunctions:          []string{"report_generator"},
	}, 25)
	// 2 × 0.2 × 12,500 + 0.4 × 20,000 + 0.15 × 50,000 + 0.05 × 50,000
	check.Near(t, "savings", o.TotalPotentialSavings, 5000+8000+7500+2500)
	if !o.MeetsTarget || len(o.Optimizations) != 4 {
		t.Errorf("%+v", o)
	}
	if z := OptimizeCosts(CurrentUsage{}, 20); z.PotentialSavingsPercentage != 0 || len(z.Optimizations) != 0 {
		t.Errorf("empty usage: %+v", z)
	}
}
