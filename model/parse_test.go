package model

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestParseScenarioReportsEveryProblemWithItsPath(t *testing.T) {
	_, probs := ParseScenario([]byte(`{
		"version": 1,
		"pricing": {"profile": "reference", "architecture": "arm64"},
		"functions": [
			{"name": "a", "allocated_memory_mb": 64, "cold_start_rate": 1.5, "type": "web", "avg_execution_time_ms": 0},
			{"name": "a", "traffic_profile": [1, 2], "p95_execution_time_ms": 900, "p99_execution_time_ms": 800},
			{"name": "", "provisioned_concurrency": 5, "reserved_concurrency": 2, "runtime": "cobol"}
		]}`))
	got := problemPaths(probs)
	for _, path := range []string{
		"pricing.architecture",
		"functions[0].allocated_memory_mb", "functions[0].cold_start_rate", "functions[0].type", "functions[0].avg_execution_time_ms",
		"functions[1].name", "functions[1].traffic_profile", "functions[1].p99_execution_time_ms",
		"functions[2].name", "functions[2].provisioned_concurrency", "functions[2].runtime",
	} {
		if _, ok := got[path]; !ok {
			t.Errorf("no problem at %s; got %v", path, probs)
		}
	}
	if len(got) != 11 {
		t.Errorf("%d problems, want 11: %v", len(probs), probs)
	}
}

func TestParseScenarioRefusesWrongTypesAndUnknownKeys(t *testing.T) {
	_, probs := ParseScenario([]byte(`{"version":1,"functions":[{"name":"a","allocated_memory_mb":"big","vpc_enabled":"yes","alocated_memory_mb":512,"reserved_concurrency":1.5}],"extra":1}`))
	wantProblems(t, probs, map[string]string{
		"functions[0].allocated_memory_mb":  "whole number",
		"functions[0].vpc_enabled":          "true or false",
		"functions[0].alocated_memory_mb":   "unknown field",
		"functions[0].reserved_concurrency": "whole number",
		"extra":                             "unknown field",
	})
	for _, bad := range []string{``, `{`, `[]`, `"x"`, `{"version": 99}`, `{"functions": {"a": {}}}`, `{"version":1,"functions":[{"name":"x","burst_multiplier":NaN}]}`} {
		if _, probs := ParseScenario([]byte(bad)); len(probs) == 0 {
			t.Errorf("accepted %q", bad)
		}
	}
}

// A value of the wrong type and a value out of range are reported
// together; a field that did not decode is reported once, by its type.
func TestParseScenarioReportsTypeAndRangeProblemsTogether(t *testing.T) {
	_, probs := ParseScenario([]byte(`{"functions":[{"name":"a","allocated_memory_mb":"big","avg_execution_time_ms":-5,"traffic_profile":"flat"}],"secrets_count":-1}`))
	wantProblems(t, probs, map[string]string{
		"functions[0].allocated_memory_mb":   "whole number",
		"functions[0].avg_execution_time_ms": "negative",
		"functions[0].traffic_profile":       "expected a list",
		"secrets_count":                      "negative",
	})
	if len(probs) != 4 {
		t.Errorf("%d problems, want 4: %v", len(probs), probs)
	}
	if _, probs := ParseScenario([]byte(`{"functions": [`)); len(probs) != 1 || probs[0].Path != "" {
		t.Errorf("malformed JSON: %v, want its syntax error alone", probs)
	}
}

// Input hygiene: a UTF-8 byte-order mark is skipped, UTF-16 is named,
// text that is not UTF-8 and a key given twice are refused at their paths.
func TestParseScenarioInputHygiene(t *testing.T) {
	if _, probs := ParseScenario([]byte("\xef\xbb\xbf{\"version\": 1}")); len(probs) > 0 {
		t.Errorf("a UTF-8 byte-order mark: %v", probs)
	}
	for _, utf16 := range [][]byte{{0xFF, 0xFE, '{', 0, '}', 0}, {'{', 0, '}', 0}, {0, '{', 0, '}'}} {
		if _, probs := ParseScenario(utf16); len(probs) != 1 || !strings.Contains(probs[0].Message, "UTF-16") {
			t.Errorf("UTF-16 % x: %v", utf16, probs)
		}
	}
	_, probs := ParseScenario([]byte(`{"version": 1, "name": "x", "functions": [{"name": "a` + "\xff" + `", "allocated_memory_mb": 256, "allocated_memory_mb": 512}], "name": "y"}`))
	wantProblems(t, probs, map[string]string{
		"functions[0].name":                "not valid UTF-8",
		"functions[0].allocated_memory_mb": "given twice",
		"name":                             "given twice",
	})
	_, probs = ParseScenario([]byte(`{"version": 1, "functions": [{"name": "a", "x` + "\xff" + `": 1}]}`))
	if len(probs) == 0 || !probs.Has("a key is not valid UTF-8") {
		t.Errorf("a key that is not UTF-8: %v", probs)
	}
}

func TestObjectKeys(t *testing.T) {
	keys, ok := ObjectKeys([]byte(` {"a": 1, "b": {"c": [2, "}"]}, "d\u00e9": null} `))
	if !ok || len(keys) != 3 || !keys["a"] || !keys["b"] || !keys["dé"] || keys["c"] {
		t.Errorf("keys %v, %v", keys, ok)
	}
	for _, doc := range []string{`[1]`, ``, `"x"`} {
		if _, ok := ObjectKeys([]byte(doc)); ok {
			t.Errorf("%q read as an object", doc)
		}
	}
	// Keys are read from text that is not JSON throughout: the reader
	// they choose names where it is not.
	if keys, ok := ObjectKeys([]byte(`{"power": 128, "stats": [1,`)); !ok || !keys["power"] || !keys["stats"] {
		t.Errorf("keys of a cut object: %v, %v", keys, ok)
	}
}

// Reading a long scenario with a pace calls it through each stage that
// goes over every function — checking the JSON, decoding, validating — so
// that a browser can yield to the page between functions (EvaluateWith's
// validation takes Sources.Pace alike).
func TestReadingPacesEachFunction(t *testing.T) {
	s := DefaultScenario()
	for i := len(s.Functions); i < 400; i++ {
		f := s.Functions[i%4]
		f.Name = fmt.Sprintf("%s_%d", f.Name, i)
		s.Functions = append(s.Functions, f)
	}
	data, err := json.Marshal(&s)
	if err != nil {
		t.Fatal(err)
	}
	paces := 0
	read, probs := ParseScenarioWith(data, ReadOptions{Pace: func() { paces++ }})
	if len(probs) > 0 || len(read.Functions) != 400 {
		t.Fatalf("read %v", probs)
	}
	if paces < 3*400 {
		t.Errorf("reading 400 functions paced %d times, want at least one per function in each of 3 stages", paces)
	}
	paces = 0
	if probs := validateScenario(read, false, func() { paces++ }); len(probs) > 0 || paces < 400 {
		t.Errorf("validating 400 functions paced %d times (%v)", paces, probs)
	}
}
