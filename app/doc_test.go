package app

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"planner/model"
)

func TestPathRoundTrip(t *testing.T) {
	for _, p := range []path{
		{}, path{}.key("name"), path{}.key("functions").at(12).key("traffic_profile").at(3),
		path{}.key("compliance").key("additional_services").at(0).key("monthly_cost"),
	} {
		if got := parsePath(p.String()); got.String() != p.String() || len(got) != len(p) {
			t.Errorf("%q read back as %q", p.String(), got.String())
		}
	}
}

// A loaded scenario's functions stay typed until the form reads one; the
// doc encodes as the whole tree would, and a read turns only that function.
func TestLoadedFunctionsStayLazyUntilRead(t *testing.T) {
	sc := model.DefaultScenario()
	s := newSession(sc, false)
	fns := s.list(path{}.key("functions"))
	for i, f := range fns {
		if _, ok := f.(lazyFunction); !ok {
			t.Fatalf("function %d is %T after loading", i, f)
		}
	}
	lazy, _ := json.Marshal(s.document())
	whole, _ := json.Marshal(toDoc(sc))
	var a, b any
	if json.Unmarshal(lazy, &a) != nil || json.Unmarshal(whole, &b) != nil || !reflect.DeepEqual(a, b) {
		t.Fatalf("the lazy doc encodes differently:\n%s\n%s", lazy, whole)
	}
	if got := s.text(path{}.key("functions").at(2).key("allocated_memory_mb"), 1); got != strconv.Itoa(sc.Functions[2].AllocatedMemoryMb) {
		t.Fatalf("memory read as %q", got)
	}
	if _, ok := fns[2].(map[string]any); !ok {
		t.Errorf("the function read is %T, not its tree", fns[2])
	}
	if _, ok := fns[1].(lazyFunction); !ok {
		t.Errorf("a function not read is %T", fns[1])
	}
	if itemName(fns, 1) != sc.Functions[1].Name || uniqueName(sc.Functions[1].Name, fns) == sc.Functions[1].Name {
		t.Errorf("a lazy function's name is not read: %q", itemName(fns, 1))
	}
	s.setText(path{}.key("functions").at(1).key("allocated_memory_mb"), "1024", true, 1)
	if s.stale || s.scenario.Functions[1].AllocatedMemoryMb != 1024 || s.scenario.Functions[0].AllocatedMemoryMb != sc.Functions[0].AllocatedMemoryMb {
		t.Errorf("edit of a lazy function: %v, %+v", s.problems, s.scenario.Functions[1])
	}
}

// Undo keeps documents, not copies: an edit copies the containers on its
// path and leaves every document undo holds as it was, whatever follows
// (edits inside a function, list edits that append, steps back and
// forward); each step back gives exactly the document before its edit.
func TestUndoStepsShareWhatEditsLeft(t *testing.T) {
	s := newSession(model.DefaultScenario(), false)
	fns := path{}.key("functions")
	encode := func() string {
		data, err := json.Marshal(s.document())
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	var before []string
	edit := func(do func()) {
		before = append(before, encode())
		do()
	}
	edit(func() { s.setText(fns.at(1).key("allocated_memory_mb"), "2048", true, 1) })
	edit(func() { s.setValue(path{}.key("pricing").key("platform"), "gcp-cloud-run") })
	edit(func() { s.editList(fns, appendItem(map[string]any{"name": "added_a"})) })
	edit(func() { s.setText(fns.at(4).key("avg_execution_time_ms"), "90", false, 1) })
	edit(func() { s.editList(fns, removeItem(0)) })
	if s.stale || len(s.scenario.Functions) != 4 || s.scenario.Pricing.Platform != "gcp-cloud-run" {
		t.Fatalf("after the edits: %v", s.problems)
	}
	for i := len(before) - 1; i >= 0; i-- {
		s.stepBack()
		if got := encode(); got != before[i] {
			t.Fatalf("step back %d gives\n%s\nwant\n%s", len(before)-i, got, before[i])
		}
	}
	// A different edit from the start, appending into the same list, does
	// not reach the steps Redo had.
	s.stepForward()
	s.stepForward()
	s.editList(fns, appendItem(map[string]any{"name": "added_b"}))
	s.stepBack()
	if got := encode(); got != before[2] {
		t.Fatalf("after another append and a step back:\n%s\nwant\n%s", got, before[2])
	}
	for range 3 {
		s.stepForward()
	}
	if s.canRedo() || !strings.Contains(encode(), "added_b") || strings.Contains(encode(), "added_a") {
		t.Errorf("redo of the other branch: %s", encode())
	}
}

// Element IDs from paths: brackets, dots and underscores become dashes,
// as the strings.Replacer it replaces wrote them.
func TestSanitizeID(t *testing.T) {
	for path, want := range map[string]string{
		"functions[2].cold_start_method": "functions-2-cold-start-method",
		"pricing.free_tier":              "pricing-free-tier",
		"":                               "",
		"a[10][3]_b":                     "a-10-3-b",
	} {
		if got := sanitizeID(path); got != want {
			t.Errorf("%q → %q, want %q", path, got, want)
		}
	}
}

// "Run here" in Clouds makes a platform the scenario's own as one step,
// its region dropped; a move the platform refuses says so, keeps the last
// valid figures, and Undo takes it back.
func TestCloudsRunHere(t *testing.T) {
	sc := model.DefaultScenario()
	var told []notice
	c := &Clouds{Session: newSession(sc, false), Tell: func(n notice) { told = append(told, n) }}
	c.runOn("azure-functions-flex", "Azure Functions Flex Consumption")
	if s := c.Session.scenario; s.Pricing.Platform != "azure-functions-flex" || c.Session.stale || len(told) != 1 || told[0].Bad ||
		!strings.Contains(told[0].Text, "now runs on Azure Functions Flex Consumption") {
		t.Fatalf("run on Flex: %q, %v, %+v", s.Pricing.Platform, c.Session.problems, told)
	}
	c.Session.stepBack()
	if c.Session.scenario.Pricing.Platform != "aws-lambda" {
		t.Fatalf("undo gives %q", c.Session.scenario.Pricing.Platform)
	}
	c.Session.setValue(path{}.key("functions").at(0).key("cold_start_method"), model.ColdStartSimulated)
	before := c.Session.report
	c.runOn("gcp-cloud-run", "Google Cloud Run")
	last := told[len(told)-1]
	if !last.Bad || !strings.Contains(last.Text, "1 setting") || !strings.Contains(last.Text, "AWS Lambda's") || c.Session.report != before || !c.Session.stale {
		t.Errorf("a refused move: %+v, stale %v", last, c.Session.stale)
	}
}
