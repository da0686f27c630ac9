package app

import (
	"encoding/json"
	"reflect"
	"strconv"
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
	s := newSession(sc)
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
