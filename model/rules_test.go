package model

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"planner/schemas"
)

// probeScenario is a valid scenario with one of every object the schema
// defines, and values that leave every bound free to probe (p95 0, no
// reservation, little traffic).
const probeScenario = `{"version": 1, "compliance": {"additional_services": [{"name": "WAF", "monthly_cost": 10}]},
	"functions": [{"name": "probe", "monthly_invocations": 1000, "p95_execution_time_ms": 0,
		"traffic_profile": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
		"execution_times_by_memory": [{"memory_mb": 1024, "execution_time_ms": 400}], "targets": {}}]}`

// schemaObjects says where each object of the schema sits in probeScenario.
var schemaObjects = map[string][]any{
	"Scenario":         {},
	"Pricing":          {"pricing"},
	"Compliance":       {"compliance"},
	"SamplingRule":     {"tracing"},
	"FixedService":     {"compliance", "additional_services", 0},
	"Function":         {"functions", 0},
	"MeasuredDuration": {"functions", 0, "execution_times_by_memory", 0},
	"Limits":           {"functions", 0, "targets"},
}

// The schema and Validate follow from the same rules: every bound, length,
// item count and enum of schemas/scenario.json holds at its edge and is
// refused just beyond it, with the problem at the value's path.
func TestValidateFollowsTheSchema(t *testing.T) {
	var schema struct {
		Defs map[string]struct {
			Properties map[string]map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schemas.Scenario, &schema); err != nil {
		t.Fatal(err)
	}
	probes := 0
	for def, d := range schema.Defs {
		where, ok := schemaObjects[def]
		if !ok {
			t.Errorf("the schema defines %s, which the probe scenario does not hold", def)
			continue
		}
		for key, prop := range d.Properties {
			for _, p := range probesOf(prop) {
				probes++
				path := append(append([]any{}, where...), key)
				if p.item {
					path = append(path, 0)
				}
				problem := problemAt(t, path, p.value)
				if p.valid && problem != "" {
					t.Errorf("%s.%s %s: refused (%s)", def, key, p.what, problem)
				}
				if !p.valid && problem == "" {
					t.Errorf("%s.%s %s: accepted", def, key, p.what)
				}
			}
		}
	}
	t.Logf("%d probes of the schema's rules", probes)
	if probes < 100 {
		t.Errorf("only %d probes: the schema was not read", probes)
	}
}

// probe is one value to try and whether the schema allows it.
type probe struct {
	what  string
	value any
	valid bool
	// item: the value is the list's first item, not the list.
	item bool
}

// probesOf lists the edges of a property: each bound and just beyond it,
// each length, item count and enum value, and a value outside the enum.
func probesOf(prop map[string]any) []probe {
	var out []probe
	switch prop["type"] {
	case "number", "integer":
		out = numberProbes(prop, prop["type"] == "integer")
	case "string":
		out = stringProbes(prop)
	case "array":
		items, _ := prop["items"].(map[string]any)
		var fill any = 1.0
		if items["type"] == "string" {
			fill = "x"
		}
		if n, ok := prop["minItems"].(float64); ok {
			out = append(out, probe{"at minItems", repeat(fill, int(n)), true, false}, probe{"below minItems", repeat(fill, int(n)-1), false, false})
		}
		if n, ok := prop["maxItems"].(float64); ok {
			out = append(out, probe{"at maxItems", listOf(items, int(n)), true, false}, probe{"above maxItems", listOf(items, int(n)+1), false, false})
		}
		if prop["uniqueItems"] == true {
			if enum, ok := items["enum"].([]any); ok {
				out = append(out, probe{"with a repeated item", []any{enum[0], enum[0]}, false, false})
			}
		}
		if items["type"] == "number" || items["type"] == "integer" || items["type"] == "string" {
			for _, p := range probesOf(items) {
				p.item = true
				out = append(out, p)
			}
		}
	}
	return out
}

func numberProbes(prop map[string]any, integer bool) []probe {
	step := func(x float64, up bool) float64 {
		d := max(1e-9, 1e-9*abs(x))
		if integer {
			d = 1
		}
		if up {
			return x + d
		}
		return x - d
	}
	var out []probe
	if lo, ok := prop["minimum"].(float64); ok {
		out = append(out, probe{"at minimum", lo, true, false}, probe{"below minimum", step(lo, false), false, false})
	}
	if lo, ok := prop["exclusiveMinimum"].(float64); ok {
		out = append(out, probe{"at exclusiveMinimum", lo, false, false}, probe{"above exclusiveMinimum", step(lo, true), true, false})
	}
	if hi, ok := prop["maximum"].(float64); ok {
		out = append(out, probe{"at maximum", hi, true, false}, probe{"above maximum", step(hi, true), false, false})
	}
	return out
}

func stringProbes(prop map[string]any) []probe {
	var out []probe
	if n, ok := prop["minLength"].(float64); ok {
		out = append(out, probe{"at minLength", strings.Repeat("é", int(n)), true, false}, probe{"below minLength", strings.Repeat("é", int(n)-1), false, false})
	}
	if n, ok := prop["maxLength"].(float64); ok {
		out = append(out, probe{"at maxLength", strings.Repeat("é", int(n)), true, false}, probe{"above maxLength", strings.Repeat("é", int(n)+1), false, false})
	}
	if enum, ok := prop["enum"].([]any); ok {
		for _, v := range enum {
			out = append(out, probe{"= " + v.(string), v, true, false})
		}
		out = append(out, probe{"outside the enum", "no-such-value", false, false})
	}
	return out
}

func abs(x float64) float64 { return max(x, -x) }

func repeat(v any, n int) []any {
	out := make([]any, max(n, 0))
	for i := range out {
		out[i] = v
	}
	return out
}

// listOf is n valid items of a list: numbers, the enum's first value, or
// objects that differ where they must (names, measured memory sizes).
func listOf(items map[string]any, n int) []any {
	ref, _ := items["$ref"].(string)
	out := make([]any, n)
	for i := range out {
		switch ref {
		case "#/$defs/MeasuredDuration":
			out[i] = map[string]any{"memory_mb": 128 + i, "execution_time_ms": 100}
		case "#/$defs/FixedService":
			out[i] = map[string]any{"name": "service " + strconv.Itoa(i), "monthly_cost": 1}
		case "#/$defs/Function":
			out[i] = map[string]any{"name": "f" + strconv.Itoa(i), "monthly_invocations": 1}
		default:
			out[i] = 1.0
			if enum, ok := items["enum"].([]any); ok {
				out[i] = enum[0]
			}
		}
	}
	return out
}

// problemAt sets the value at path in probeScenario, parses it, and returns
// the problems at that path (or under it), "" when none.
func problemAt(t *testing.T, path []any, value any) string {
	t.Helper()
	var doc any
	if err := json.Unmarshal([]byte(probeScenario), &doc); err != nil {
		t.Fatal(err)
	}
	if len(path) == 1 {
		doc.(map[string]any)[path[0].(string)] = value
	} else {
		node := doc
		for i, step := range path[:len(path)-1] {
			node = child(node, step, path[i+1])
		}
		switch last := path[len(path)-1].(type) {
		case string:
			node.(map[string]any)[last] = value
		case int:
			list := node.([]any)
			list[last] = value
		}
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	_, probs := ParseScenario(data)
	want := jsonPath(path)
	var found []string
	for _, p := range probs {
		if p.Path == want || strings.HasPrefix(p.Path, want+"[") || strings.HasPrefix(p.Path, want+".") {
			found = append(found, p.String())
		}
	}
	return strings.Join(found, "; ")
}

// child steps into node by step, creating what is missing (an object, or a
// list long enough for the next step's index).
func child(node, step, next any) any {
	switch s := step.(type) {
	case string:
		m := node.(map[string]any)
		if m[s] == nil {
			if _, isIndex := next.(int); isIndex {
				m[s] = []any{nil}
			} else {
				m[s] = map[string]any{}
			}
		}
		return m[s]
	default:
		list := node.([]any)
		if list[s.(int)] == nil {
			list[s.(int)] = map[string]any{}
		}
		return list[s.(int)]
	}
}

// jsonPath writes a path as the problems do: a.b[0].c.
func jsonPath(path []any) string {
	var b strings.Builder
	for _, step := range path {
		switch s := step.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s)
		case int:
			b.WriteString("[" + strconv.Itoa(s) + "]")
		}
	}
	return b.String()
}
