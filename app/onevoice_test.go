package app

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// On a real price profile the Optimize and Function views speak with the
// models' voice: none of the spec's rules of thumb (its natural cold-start
// rate, recommended reservations, memory picks, tuning and cost review),
// and the memory table judged by the targets; under the reference profile
// they are there, labelled as the spec's.
func TestSpecHeuristicsOnlyUnderReference(t *testing.T) {
	p, _ := mounted(t)
	views := func() string {
		return app.HTMLString((&Optimize{Session: p.s}).Render()) + app.HTMLString(p.functionView(p.s.report))
	}
	specOnly := []string{"Natural scaling", "Recommended reserved concurrency", "Performance tuning", "Cost review", "Pick (the spec", "heuristics (reference profile)"}
	real := views()
	for _, text := range specOnly {
		if strings.Contains(real, text) {
			t.Errorf("a real profile shows the spec's %q", text)
		}
	}
	for _, text := range []string{"Targets", "cheapest that meets the targets", "99th percentile of busy instances"} {
		if !strings.Contains(real, text) {
			t.Errorf("a real profile does not show %q", text)
		}
	}
	s := model.DefaultScenario()
	s.Pricing.Profile = "reference"
	p.s.load(s)
	ref := views()
	for _, text := range specOnly {
		if !strings.Contains(ref, text) {
			t.Errorf("the reference profile does not show the spec's %q", text)
		}
	}
}
