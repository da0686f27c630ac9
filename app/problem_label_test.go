package app

import (
	"testing"

	"planner/schemas"
)

// Problems are named by the form's labels, a function by its name.
func TestProblemLabel(t *testing.T) {
	schema, err := ParseSchema(schemas.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	doc := map[string]any{"functions": []any{map[string]any{"name": "api"}, map[string]any{}}}
	for path, want := range map[string]string{
		"functions[0].allocated_memory_mb":                    "Function “api” › Memory",
		"functions[1].name":                                   "Function “#2” › Name",
		"functions[0].execution_times_by_memory[1].memory_mb": "Function “api” › Measured durations by memory › item 2 › Memory",
		"pricing.architecture":                                "Prices › Architecture",
		"compliance.additional_services[0].monthly_cost":      "Compliance › Additional services › item 1 › Monthly cost",
		"link":                       "link",
		"functions[0].no_such_field": "functions[0].no_such_field",
	} {
		if got := problemLabel(schema, doc, path); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
}
