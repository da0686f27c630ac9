package app

import (
	"testing"

	"planner/model"
)

// An edit the form already shows leaves the form's revision alone; one that
// changes a problem, a derived placeholder or a listed name moves it.
func TestEditInPlaceLeavesTheFormOnlyWhenNothingElseChanged(t *testing.T) {
	s := newSession(model.DefaultScenario(), false)
	redraws := 0
	s.redraw = func() { redraws++ }
	fn := path{}.key("functions").at(0)
	cases := []struct {
		what      string
		at        path
		edit      func(p path)
		formStays bool
	}{
		{"memory typed", fn.key("allocated_memory_mb"), func(p path) { s.setText(p, "1024", true, 1) }, true},
		{"memory typed again", fn.key("allocated_memory_mb"), func(p path) { s.setText(p, "512", true, 1) }, true},
		{"memory made invalid: its problem is shown", fn.key("allocated_memory_mb"), func(p path) { s.setText(p, "12a", true, 1) }, false},
		{"another field while the problem stays", fn.key("timeout_seconds"), func(p path) { s.setText(p, "20", true, 1) }, true},
		{"valid again: the problem goes", fn.key("allocated_memory_mb"), func(p path) { s.setText(p, "768", true, 1) }, false},
		{"emptied: the field says so", fn.key("allocated_memory_mb"), func(p path) { s.setText(p, "", true, 1) }, false},
		{"typed after emptying", fn.key("allocated_memory_mb"), func(p path) { s.setText(p, "640", true, 1) }, false},
		{"a duration typed", fn.key("avg_execution_time_ms"), func(p path) { s.setText(p, "150", false, 1) }, true},
		{"requests/s moves the monthly placeholder", fn.key("invocations_per_second"), func(p path) { s.setText(p, "5", false, 1) }, false},
		{"a function renamed: the list shows names", fn.key("name"), func(p path) { s.setValue(p, "checkout") }, false},
	}
	for _, c := range cases {
		before, draws := s.formRevision, redraws
		stays := s.editInPlace(c.at, func() { c.edit(c.at) })
		if stays != c.formStays || (s.formRevision == before) != c.formStays {
			t.Errorf("%s: form stays %v (revision %d → %d), want %v", c.what, stays, before, s.formRevision, c.formStays)
		}
		if redraws != draws {
			t.Errorf("%s: editInPlace drew the page itself", c.what)
		}
	}
	// Any other edit, an undo, moves it.
	before := s.formRevision
	s.stepBack()
	if s.formRevision == before {
		t.Error("an undo left the form as it was")
	}
}
