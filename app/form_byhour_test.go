package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// "By hour" turns provisioned concurrency into 24 hours at its level, the
// form shows them as inputs, "One level all day" turns them back at their
// largest; each switch is one step for Undo and the report follows.
func TestProvisionedConcurrencySwitchesByHour(t *testing.T) {
	p, _ := mounted(t)
	p.tab = "prices"
	s := p.s
	fn := path{}.key("functions").at(0)
	list := fn.key("provisioned_concurrency_by_hour")
	s.setValue(fn.key("provisioned_concurrency"), 2.0)
	s.switchByHour(list, "provisioned_concurrency", 24)
	if got := s.list(list); len(got) != 24 || got[7] != 2.0 || get(s.document(), fn.key("provisioned_concurrency")) != 0.0 || s.stale {
		t.Fatalf("by hour: %v, constant %v, problems %v", got, get(s.document(), fn.key("provisioned_concurrency")), s.problems)
	}
	if pc := s.report.Functions[0].PerformanceCharacteristics; pc.ProvisionedConcurrency != 2 || len(pc.ProvisionedByHour) != 24 {
		t.Errorf("report: %+v", pc)
	}
	html := app.HTMLString(p.Render())
	for _, want := range []string{`id="f-functions-0-provisioned-concurrency-by-hour-23"`, `aria-label="Set provisioned concurrency by hour as one level all day"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the form has no %s", want)
		}
	}
	s.setValue(list.at(3), 5.0)
	s.switchByHour(list, "provisioned_concurrency", 24)
	if s.list(list) != nil || get(s.document(), fn.key("provisioned_concurrency")) != 5.0 {
		t.Errorf("one level: %v, constant %v", s.list(list), get(s.document(), fn.key("provisioned_concurrency")))
	}
	s.stepBack()
	if got := s.list(list); len(got) != 24 || got[3] != 5.0 || !slices.Contains(got, any(2.0)) {
		t.Errorf("undo gives %v", got)
	}
}
