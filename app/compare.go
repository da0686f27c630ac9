package app

import (
	"strings"

	"planner/model"
)

// A comparison side is chosen by an ID: "current", "preset:<id>" or
// "saved:<name>".

// compareChoice is one scenario that can be compared.
type compareChoice struct {
	ID, Label string
}

// comparables lists the scenarios the user can compare.
func (p *Planner) comparables() []compareChoice {
	out := []compareChoice{{"current", "Current scenario"}}
	for _, e := range p.library {
		out = append(out, compareChoice{"saved:" + e.Name, "Saved: " + e.Name})
	}
	for _, pr := range model.Presets() {
		out = append(out, compareChoice{"preset:" + pr.ID, "Preset: " + pr.Name})
	}
	return out
}

// comparedReport evaluates the scenario an ID names.
func (p *Planner) comparedReport(id string) (*model.Report, string) {
	switch {
	case id == "current":
		if p.s.report == nil {
			return nil, "the current scenario has problems"
		}
		return p.s.report, ""
	case strings.HasPrefix(id, "preset:"):
		pr, ok := model.LookupPreset(strings.TrimPrefix(id, "preset:"))
		if !ok {
			return nil, "no such preset"
		}
		s := pr.Scenario()
		r, probs := model.Evaluate(&s)
		if len(probs) > 0 {
			return nil, probs.Error()
		}
		return r, ""
	case strings.HasPrefix(id, "saved:"):
		name := strings.TrimPrefix(id, "saved:")
		for _, e := range p.library {
			if e.Name == name {
				s, probs := model.ParseScenario(e.Scenario)
				if len(probs) > 0 {
					return nil, probs.Error()
				}
				r, probs := model.Evaluate(s)
				if len(probs) > 0 {
					return nil, probs.Error()
				}
				return r, ""
			}
		}
		return nil, "no saved scenario named " + name
	}
	return nil, "nothing chosen"
}
