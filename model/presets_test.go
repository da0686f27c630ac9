package model

import (
	"testing"

	"planner/model/internal/check"
)

func TestPresetsAreValid(t *testing.T) {
	ids := map[string]bool{}
	for _, p := range Presets() {
		s := p.Scenario()
		r, probs := Evaluate(&s)
		if len(probs) > 0 {
			t.Errorf("%s: %v", p.ID, probs)
			continue
		}
		if ids[p.ID] || p.Name == "" || r.TotalSummary.TotalMonthlyCost <= 0 {
			t.Errorf("%s: duplicate or empty", p.ID)
		}
		ids[p.ID] = true
		u, _ := LinkURL("https://planner.example/", &s)
		back, probs := DecodeLink(u)
		if len(probs) > 0 || back.Name != s.Name {
			t.Errorf("%s does not survive a link: %v", p.ID, probs)
		}
	}
	if len(ids) != 7 {
		t.Errorf("%d presets", len(ids))
	}
	bank, _ := LookupPreset("banking")
	s := bank.Scenario()
	r, _ := Evaluate(&s)
	check.Near(t, "banking additional services", r.Compliance.AdditionalServicesCost, 127000)
}
