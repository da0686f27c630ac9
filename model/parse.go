package model

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"

	"planner/model/internal/jsonin"
)

// ParseScenario reads a scenario from JSON: missing values take their
// defaults, unknown keys and values of the wrong type are refused, and what
// did decode is validated. It returns every problem with its JSON path.
func ParseScenario(data []byte) (*Scenario, Problems) {
	return ParseScenarioWith(data, ReadOptions{})
}

// ReadOptions say how a scenario is read where it is opened.
type ReadOptions struct {
	// MaxFunctions refuses, before they are read, scenarios of more
	// functions (0: no limit but the format's).
	MaxFunctions int
	// MaxBytes refuses, before it is read, a scenario whose JSON is longer
	// (a link's, as it expands; 0: the format's 64 MiB).
	MaxBytes int
	// Pace, when set, is called between the functions read (a browser
	// yields to the page there).
	Pace func()
}

// ParseScenarioWith is ParseScenario as opts say.
func ParseScenarioWith(data []byte, opts ReadOptions) (*Scenario, Problems) {
	if opts.MaxBytes > 0 && len(data) > opts.MaxBytes {
		return nil, Problems{{Path: "", Message: tooLarge(opts.MaxBytes)}}
	}
	if msg, over := opts.tooManyFunctions(data); over {
		return nil, Problems{{Path: "functions", Message: msg}}
	}
	if opts.Pace != nil {
		opts.Pace()
	}
	s := NewScenario()
	decoding := jsonin.DecodeJSON(data, &s, jsonin.DecodeOptions{RefuseDuplicates: true, Pace: opts.Pace})
	if probs := jsonin.Alongside(decoding, validateScenario(&s, false, opts.Pace)); len(probs) > 0 {
		return nil, probs
	}
	return &s, nil
}

// WithFunction is s, a valid scenario, with its function i read from data,
// the JSON of one function, as ParseScenario reads a function of a
// scenario: missing values at their defaults, the same problems at the same
// paths (functions[i]…), in time independent of the other functions. s is
// left as it was; the result shares its other functions. An editor
// changing one function reads that function alone instead of the scenario.
func WithFunction(s *Scenario, i int, data []byte) (*Scenario, Problems) {
	path := "functions[" + strconv.Itoa(i) + "]"
	if i < 0 || i >= len(s.Functions) {
		return nil, Problems{{Path: path, Message: "the scenario has no such function"}}
	}
	if !json.Valid(data) || !utf8.Valid(data) {
		return nil, Problems{{Path: path, Message: "not valid JSON text"}}
	}
	f := DefaultFunction()
	var decoding Problems
	jsonin.DecodeAt(data, &f, jsonin.DecodeOptions{RefuseDuplicates: true}, path, &decoding)
	out := *s
	out.Functions = slices.Clone(s.Functions)
	out.Functions[i] = f
	if probs := jsonin.Alongside(decoding, validateFunction(&out, i)); len(probs) > 0 {
		return nil, probs
	}
	return &out, nil
}

// FunctionCount counts the functions of a scenario document without reading
// or validating them (0 when it is not a JSON object with a list of
// functions), so that a caller can refuse one too big before parsing it. In
// a document that is not valid JSON the count is what the scan makes of it
// (reading such a document reports its syntax).
func FunctionCount(doc []byte) int {
	doc = bytes.TrimSpace(bytes.TrimPrefix(doc, []byte("\xef\xbb\xbf")))
	if len(doc) == 0 || doc[0] != '{' {
		return 0
	}
	n := 0
	jsonin.EachMember(doc, func(key string, value []byte) {
		if key != "functions" || len(value) == 0 || value[0] != '[' {
			return
		}
		jsonin.EachElement(value, func([]byte) { n++ })
	})
	return n
}

// ObjectKeys is the set of top-level keys of what reads as a JSON object,
// found without decoding or validating its values (a reader chosen by them
// says where the text is not JSON; validating 2.5 MB here, then again in
// the reader, was a page's longest task); false when data does not start
// as an object.
func ObjectKeys(data []byte) (map[string]bool, bool) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return nil, false
	}
	keys := map[string]bool{}
	jsonin.EachMember(data, func(key string, _ []byte) { keys[key] = true })
	return keys, true
}

// tooLarge says that a scenario's JSON is longer than where it is opened
// reads, and what opens it.
func tooLarge(limit int) string {
	return "the scenario is larger than the " + strconv.Itoa(limit>>20) + " MiB the planner in a browser opens" + useTheCLI
}

// useTheCLI names the commands that open what a browser does not.
const useTheCLI = ": use the command line (planner report FILE; for a link, planner open URL > FILE first)"

// tooManyFunctions says why doc has more functions than opts allow, if it
// does (counted only when they set a limit).
func (opts ReadOptions) tooManyFunctions(doc []byte) (string, bool) {
	if opts.MaxFunctions <= 0 {
		return "", false
	}
	if n := FunctionCount(doc); n > opts.MaxFunctions {
		return tooManyFunctions(n, opts.MaxFunctions), true
	}
	return "", false
}

// tooManyFunctions says that a scenario is too big for where it is opened,
// and what opens it.
func tooManyFunctions(n, limit int) string {
	return "the scenario has " + count(float64(n)) + " functions; the planner in a browser opens up to " + count(float64(limit)) + useTheCLI
}
