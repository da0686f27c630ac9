package model_test

import (
	"fmt"

	"planner/model"
)

// The default scenario, the spec's e-commerce application, priced with AWS
// list prices.
func ExampleEvaluate() {
	s := model.DefaultScenario()
	r, problems := model.Evaluate(&s)
	if len(problems) > 0 {
		fmt.Println(problems)
		return
	}
	fmt.Printf("%d functions, %.0f invocations, $%.2f a month\n", len(r.Functions), r.TotalSummary.TotalMonthlyInvocations, r.TotalSummary.TotalMonthlyCost)
	// Output:
	// 4 functions, 17800000 invocations, $917.21 a month
}

// Invalid input is refused with every problem at its JSON path.
func ExampleParseScenario() {
	_, problems := model.ParseScenario([]byte(`{"version": 1, "functions": [{"name": "api", "allocated_memory_mb": 64, "runtime": "cobol"}]}`))
	fmt.Println(problems)
	// Output:
	// functions[0].allocated_memory_mb: must be at least 128 (got 64)
	// functions[0].runtime: unknown value "cobol"; choose one of "nodejs", "python3.9", "java11", "dotnet6", "go1.x", "other"
}
