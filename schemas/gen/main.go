// Command gen writes schemas/scenario.json from the model's Go types: titles
// and bounds from struct tags, descriptions from doc comments, units as
// x-unit, enum labels as x-enum-labels, and x-derived on a value that, left
// empty, is worked out from others (the report's path of what it becomes).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"unicode"

	"github.com/invopop/jsonschema"

	"planner/model"
	"planner/model/platform"
	"planner/model/pricing"
	"planner/model/spec"
)

func main() {
	root := flag.String("root", ".", "the module's root directory")
	flag.Parse()
	if err := os.Chdir(*root); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	data, err := Generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(filepath.Join("schemas", "scenario.json"), data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// Generate returns the scenario schema. It reads the doc comments of ./model,
// so it runs in the module's root (comment keys depend on the path).
func Generate() ([]byte, error) {
	r := &jsonschema.Reflector{
		RequiredFromJSONSchemaTags: true,
		Namer:                      func(t reflect.Type) string { return t.Name() },
	}
	if err := r.AddGoComments("planner", "model"); err != nil {
		return nil, err
	}
	s := r.Reflect(&model.Scenario{})
	s.ID = "https://serverless-planner.local/schemas/scenario.json"
	s.Title = "Serverless capacity scenario"
	enums := model.DataEnums()
	for name, def := range s.Definitions {
		if def.Properties == nil {
			continue
		}
		for pair := def.Properties.Oldest(); pair != nil; pair = pair.Next() {
			if values, ok := enums[name+"."+pair.Key]; ok {
				target := pair.Value
				if target.Items != nil {
					target = target.Items
				}
				target.Enum = toAny(values)
			}
			pair.Value.Description = plainDescription(pair.Value.Description)
			labels, ok := enumLabels()[name+"."+pair.Key]
			if !ok {
				labels, ok = enumLabels()[pair.Key]
			}
			if ok {
				if pair.Value.Extras == nil {
					pair.Value.Extras = map[string]any{}
				}
				pair.Value.Extras["x-enum-labels"] = labels
			}
			if group, ok := fieldGroups[pair.Key]; ok && def == s.Definitions["Function"] {
				if pair.Value.Extras == nil {
					pair.Value.Extras = map[string]any{}
				}
				pair.Value.Extras["x-group"] = group
			}
		}
	}
	// The format version is the file's, not the user's to edit.
	if v, ok := s.Definitions["Scenario"].Properties.Get("version"); ok {
		v.ReadOnly = true
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// fieldGroups put a function's fields into the fieldsets of the form.
var fieldGroups = func() map[string]string {
	groups := []struct {
		name string
		keys []string
	}{
		{"Function", []string{"name", "type", "class", "criticality", "runtime"}},
		{"Traffic", []string{"monthly_invocations", "invocations_per_second", "burst_multiplier", "traffic_profile", "idle_periods_hours"}},
		{"Duration and memory", []string{"avg_execution_time_ms", "p95_execution_time_ms", "p99_execution_time_ms", "timeout_seconds", "allocated_memory_mb",
			"architecture", "actual_memory_usage_mb", "ephemeral_storage_mb", "execution_times_by_memory"}},
		{"Cold starts and concurrency", []string{"cold_start_method", "keep_alive_minutes", "cold_start_rate", "cold_start_duration_ms", "deployment_size_mb", "vpc_enabled",
			"reserved_concurrency", "provisioned_concurrency", "provisioned_concurrency_by_hour", "cold_start_sensitive"}},
		{"Supporting services", []string{"api_gateway_enabled", "api_gateway_type", "log_data_gb_monthly", "dynamodb_enabled",
			"dynamodb_read_units", "dynamodb_write_units", "dynamodb_storage_gb", "s3_enabled", "s3_storage_gb", "s3_requests_monthly"}},
		{"Observed and targets", []string{"error_rate", "throttle_rate", "target_p99_latency_ms", "targets", "target_error_rate",
			"max_cost_increase_percent", "min_performance_improvement_percent", "compliance_requirements"}},
	}
	m := map[string]string{}
	for _, g := range groups {
		for _, k := range g.keys {
			m[k] = g.name
		}
	}
	return m
}()

// plainDescription turns a Go doc comment ("SecretsCount is the number of
// secrets …") into help text ("The number of secrets …") on one line.
func plainDescription(doc string) string {
	words := strings.Fields(doc)
	if len(words) < 2 {
		return strings.Join(words, " ")
	}
	words = words[1:]
	if words[0] == "is" || words[0] == "are" {
		words = words[1:]
	}
	if len(words) == 0 {
		return ""
	}
	r := []rune(words[0])
	r[0] = unicode.ToUpper(r[0])
	words[0] = string(r)
	return strings.Join(words, " ")
}

// enumLabels are the human names of enum values, by property name.
func enumLabels() map[string]map[string]string {
	runtimes := map[string]string{}
	for _, r := range spec.Runtimes() {
		runtimes[r.ID] = r.Label
	}
	archs := map[string]string{"x86_64": "x86_64 (Intel/AMD)", "arm64": "arm64 (Graviton)"}
	platforms := map[string]string{}
	for _, p := range platform.All() {
		platforms[p.ID] = p.Name
	}
	profiles := map[string]string{}
	for _, p := range pricing.Profiles() {
		profiles[p.ID] = p.Name
	}
	return map[string]map[string]string{
		"runtime":                       runtimes,
		"profile":                       profiles,
		"platform":                      platforms,
		"architecture":                  archs,
		"Function.architecture":         withDefault(archs, "As the scenario"),
		"MeasuredDuration.architecture": withDefault(archs, "The function's"),
		"type":                          {"api": "API (synchronous)", "processing": "Event processing", "scheduled": "Scheduled / batch", "general": "General"},
		"Function.class": withDefault(map[string]string{"interactive": "Interactive (a caller waits)", "processing": "Processing (events, messages)",
			"batch": "Batch (long jobs)", "scheduled": "Scheduled (timers)"}, "From the function type"),
		"criticality":       {"low": "Low", "medium": "Medium", "high": "High", "critical": "Critical"},
		"api_gateway_type":  {"rest": "REST API", "http": "HTTP API"},
		"cold_start_method": {"reference": "The rate given (spec rule)", "model": "Keep-alive model of the traffic", "simulated": "Simulated day of the traffic"},
	}
}

// withDefault adds the empty value's label to labels.
func withDefault(labels map[string]string, empty string) map[string]string {
	out := map[string]string{"": empty}
	for k, v := range labels {
		out[k] = v
	}
	return out
}

func toAny[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
