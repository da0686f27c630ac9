package app

import (
	"maps"
	"math"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// editInPlace runs an edit made in the input of the field at p, which
// already shows it, and reports whether the form can stay as it is: the
// edit changed none of the problems shown, none of the placeholders worked
// out from the report (derived) and no name listed (a selectable list's).
// The form is then left out of the next drawing (formRevision kept).
func (s *session) editInPlace(p path, edit func()) bool {
	revision, problems, derived := s.formRevision, s.byPath, s.derivedKey()
	edit()
	if s.redraw == nil || (len(p) > 0 && p[len(p)-1].key == "name") ||
		!maps.Equal(problems, s.byPath) || derived != s.derivedKey() {
		return false
	}
	s.formRevision = revision
	return true
}

// derivedKey sums up the report's figures the form shows as placeholders
// of empty traffic fields (form.derived): each function's requests/s and
// requests/month, mixed as bits.
func (s *session) derivedKey() uint64 {
	if s.report == nil {
		return 0
	}
	var key uint64 = 14695981039346656037
	for i := range s.report.Functions {
		t := &s.report.Functions[i].Traffic
		for _, v := range [2]float64{t.InvocationsPerSecond, t.MonthlyInvocations} {
			key = (key ^ math.Float64bits(v)) * 1099511628211
		}
	}
	return key
}

// edit runs an edit made in the field's input: when the form can stay as
// it is, only the page around it is drawn again, and the field's Value
// becomes what its input shows, as a drawing would have made it (a later
// drawing then compares against what is on screen: an undo that brings
// back the value before the edit writes it into the input).
func (f *Field) edit(ctx app.Context, edit func()) {
	if f.Session.editInPlace(f.At, edit) {
		f.Value = f.Session.shown(f.At, f.Schema)
		ctx.PreventUpdate()
		f.Session.redraw()
	}
}
