package model

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// referenceCase is one input/output pair of the spec's Python reference.
type referenceCase struct {
	Model  string          `json:"model"`
	Input  json.RawMessage `json:"input"`
	Output json.RawMessage `json:"output"`
}

// comparedStrings are the keys whose strings must match; the rest is prose.
var comparedStrings = map[string]bool{
	"strategy": true, "configuration": true, "severity": true, "name": true, "condition": true,
	"duration": true, "priority": true, "optimization_potential": true, "type": true, "optimization": true,
	"description": true, "runbook": true,
}

// matchKeys identify the objects of a list that is compared by key.
var matchKeys = []string{"name", "strategy", "configuration", "type", "optimization"}

// TestReferenceParity runs every reference case through Calc (the code path
// of `planner calc`) and compares it with the reference's output.
func TestReferenceParity(t *testing.T) {
	data, err := os.ReadFile("testdata/reference-cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []referenceCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no reference cases")
	}
	counts := map[string]int{}
	for i, c := range cases {
		t.Run(fmt.Sprintf("%03d-%s", i, c.Model), func(t *testing.T) {
			out, probs := Calc(c.Model, c.Input)
			if len(probs) > 0 {
				t.Fatalf("refused: %v", probs)
			}
			gotJSON, err := json.Marshal(out)
			if err != nil {
				t.Fatal(err)
			}
			var got, want any
			if err := json.Unmarshal(gotJSON, &got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(c.Output, &want); err != nil {
				t.Fatal(err)
			}
			var diffs []string
			compareJSON("$", "", want, got, &diffs)
			if len(diffs) > 0 {
				t.Errorf("%d differences:\n%s", len(diffs), strings.Join(diffs, "\n"))
			} else {
				counts[c.Model]++
			}
		})
	}
	t.Logf("matched: %v of %d cases", counts, len(cases))
}

// compareJSON applies the golden README's comparison rules.
func compareJSON(path, key string, want, got any, diffs *[]string) {
	fail := func(format string, args ...any) {
		*diffs = append(*diffs, path+": "+fmt.Sprintf(format, args...))
	}
	switch w := want.(type) {
	case float64:
		g, ok := got.(float64)
		if !ok {
			fail("want number %v, got %v", w, got)
			return
		}
		tol := 1e-6
		if math.Abs(w) >= 1 {
			tol *= math.Abs(w)
		}
		if math.Abs(g-w) > tol {
			fail("want %v, got %v", w, g)
		}
	case bool:
		if g, ok := got.(bool); !ok || g != w {
			fail("want %v, got %v", w, got)
		}
	case string:
		if !comparedStrings[key] {
			return
		}
		if g, ok := got.(string); !ok || g != w {
			fail("want %q, got %v", w, got)
		}
	case nil:
		if got != nil {
			fail("want null, got %v", got)
		}
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			fail("want object, got %T", got)
			return
		}
		for k, wv := range w {
			gv, present := g[k]
			if !present {
				fail("missing key %q", k)
				continue
			}
			compareJSON(path+"."+k, k, wv, gv, diffs)
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			fail("want list, got %T", got)
			return
		}
		if len(g) != len(w) {
			fail("want %d items, got %d", len(w), len(g))
			return
		}
		compareList(path, key, w, g, diffs, fail)
	default:
		fail("unexpected JSON value %T", want)
	}
}

func compareList(path, key string, w, g []any, diffs *[]string, fail func(string, ...any)) {
	if len(w) == 0 {
		return
	}
	if mk := listMatchKey(w); mk != "" {
		index := map[string]any{}
		for _, item := range g {
			if obj, ok := item.(map[string]any); ok {
				if s, ok := obj[mk].(string); ok {
					index[s] = obj
				}
			}
		}
		for _, item := range w {
			id := item.(map[string]any)[mk].(string)
			gv, ok := index[id]
			if !ok {
				fail("no item with %s %q", mk, id)
				continue
			}
			compareJSON(path+"["+id+"]", key, item, gv, diffs)
		}
		return
	}
	if allStrings(w) {
		ws, gs := stringsOf(w), stringsOf(g)
		sort.Strings(ws)
		sort.Strings(gs)
		if strings.Join(ws, "\x00") != strings.Join(gs, "\x00") {
			fail("want set %v, got %v", ws, gs)
		}
		return
	}
	for i := range w {
		compareJSON(fmt.Sprintf("%s[%d]", path, i), key, w[i], g[i], diffs)
	}
}

// listMatchKey is the key all objects of a list carry, by the README's order.
func listMatchKey(items []any) string {
	for _, k := range matchKeys {
		all := true
		for _, item := range items {
			obj, ok := item.(map[string]any)
			if !ok {
				return ""
			}
			if _, ok := obj[k].(string); !ok {
				all = false
				break
			}
		}
		if all {
			return k
		}
	}
	return ""
}

func allStrings(items []any) bool {
	for _, item := range items {
		if _, ok := item.(string); !ok {
			return false
		}
	}
	return true
}

func stringsOf(items []any) []string {
	out := make([]string, len(items))
	for i, item := range items {
		out[i], _ = item.(string)
	}
	return out
}

// The streamed infrastructure output is the JSON json.Marshal gives.
func TestStreamedInfrastructureEqualsMarshal(t *testing.T) {
	data, _ := os.ReadFile("testdata/reference-cases.json")
	var cases []referenceCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, c := range cases {
		if c.Model != "infrastructure" {
			continue
		}
		out, probs := Calc(c.Model, c.Input)
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		var streamed strings.Builder
		if err := out.(StreamEncoder).WriteJSON(&streamed); err != nil {
			t.Fatal(err)
		}
		var a, b any
		marshalled, _ := json.Marshal(out)
		if err := json.Unmarshal([]byte(streamed.String()), &a); err != nil {
			t.Fatalf("streamed output is not JSON: %v", err)
		}
		_ = json.Unmarshal(marshalled, &b)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("streamed and marshalled output differ")
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no infrastructure case")
	}
}
