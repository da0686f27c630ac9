package model

import (
	"testing"

	"planner/model/internal/check"
	"planner/model/pricing"
)

// Under the reference profile the default scenario costs what the spec's
// e-commerce example costs through `planner calc infrastructure`: the rates
// differ (the scenario derives invocations per second), the bill does not.
func TestDefaultScenarioMatchesSpecExampleBill(t *testing.T) {
	spec := `{"functions": {
	  "user_authentication": {"monthly_invocations": 2000000, "allocated_memory_mb": 256, "actual_memory_usage_mb": 180, "avg_execution_time_ms": 150, "reserved_concurrency": 10, "api_gateway_enabled": true, "dynamodb_enabled": true, "dynamodb_read_units": 10, "dynamodb_write_units": 5, "log_data_gb_monthly": 2},
	  "product_catalog": {"monthly_invocations": 5000000, "allocated_memory_mb": 512, "actual_memory_usage_mb": 400, "avg_execution_time_ms": 300, "reserved_concurrency": 20, "api_gateway_enabled": true, "s3_enabled": true, "s3_storage_gb": 500, "s3_requests_monthly": 100000, "log_data_gb_monthly": 5},
	  "order_processing": {"monthly_invocations": 800000, "allocated_memory_mb": 1024, "actual_memory_usage_mb": 800, "avg_execution_time_ms": 800, "reserved_concurrency": 15, "dynamodb_enabled": true, "dynamodb_read_units": 20, "dynamodb_write_units": 20, "log_data_gb_monthly": 3},
	  "analytics_processor": {"monthly_invocations": 10000000, "allocated_memory_mb": 3008, "actual_memory_usage_mb": 2800, "avg_execution_time_ms": 1200, "reserved_concurrency": 50, "s3_enabled": true, "s3_storage_gb": 2000, "s3_requests_monthly": 500000, "log_data_gb_monthly": 10}},
	  "secrets_count": 8}`
	out, probs := Calc("infrastructure", []byte(spec))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	want := out.(specInfrastructure)
	s := DefaultScenario()
	s.Pricing.Profile, s.Pricing.Architecture, s.Pricing.FreeTier = "reference", pricing.X86_64, false
	got := mustEvaluate(t, &s)
	check.Near(t, "total", got.TotalSummary.TotalMonthlyCost, want.TotalSummary.TotalMonthlyCost)
	for _, f := range got.Functions {
		w := want.FunctionDetails[f.Name]
		check.Near(t, f.Name, f.TotalMonthlyCost, w.CostBreakdown.TotalFunctionCost+w.SupportingServices.TotalCost)
	}
}
