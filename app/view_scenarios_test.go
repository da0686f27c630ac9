package app

import (
	"strings"
	"testing"

	"planner/model"
)

// Another tab's work asked for before the list has read it (or that cannot
// be read) is told, not opened: f never sees a nil scenario.
func TestOtherTabsWorkThatCannotBeReadIsToldNotOpened(t *testing.T) {
	var told []notice
	c := &Scenarios{Library: &library{
		others: []savedScenario{{ID: "tab-1", SavedAt: "2026-12-04T21:00:00Z"}},
		tell:   func(n notice) { told = append(told, n) },
	}}
	opened := 0
	c.withOtherScenario(func(savedScenario, *model.Scenario) { opened++ })("tab-1")
	if opened != 0 {
		t.Errorf("opened %d times", opened)
	}
	if len(told) != 1 || !told[0].Bad || !strings.Contains(told[0].Text, "cannot be opened") {
		t.Errorf("told %+v", told)
	}
	discarded := ""
	c.withOther(func(o savedScenario) { discarded = o.ID })("tab-1")
	if discarded != "tab-1" {
		t.Errorf("discard reached %q", discarded)
	}
}
