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
func comparables(library []savedScenario) []compareChoice {
	out := []compareChoice{{"current", "Current scenario"}}
	for _, e := range library {
		out = append(out, compareChoice{"saved:" + e.Name, "Saved: " + e.Name})
	}
	for _, pr := range model.Presets() {
		out = append(out, compareChoice{"preset:" + pr.ID, "Preset: " + pr.Name})
	}
	return out
}

// comparedSide is the evaluation of a scenario chosen for comparison, with
// the saved text it was evaluated from (a saved scenario that changes is
// evaluated again).
type comparedSide struct {
	from    []byte
	report  *model.Report
	problem string
}

// evaluateChoice evaluates the scenario an ID names; the current scenario's
// report is the session's.
func evaluateChoice(id string, current *model.Report, library []savedScenario) comparedSide {
	switch {
	case id == "current":
		if current == nil {
			return comparedSide{problem: "the current scenario has problems"}
		}
		return comparedSide{report: current}
	case strings.HasPrefix(id, "preset:"):
		pr, ok := model.LookupPreset(strings.TrimPrefix(id, "preset:"))
		if !ok {
			return comparedSide{problem: "no such preset"}
		}
		s := pr.Scenario()
		return evaluated(nil, &s, nil)
	case strings.HasPrefix(id, "saved:"):
		e, ok := savedNamed(library, strings.TrimPrefix(id, "saved:"))
		if !ok {
			return comparedSide{problem: "no saved scenario named " + strings.TrimPrefix(id, "saved:")}
		}
		s, probs := model.ParseScenario([]byte(e.Text))
		return evaluated([]byte(e.Text), s, probs)
	}
	return comparedSide{problem: "nothing chosen"}
}

func evaluated(from []byte, s *model.Scenario, probs model.Problems) comparedSide {
	if len(probs) == 0 {
		var r *model.Report
		if r, probs = model.Evaluate(s); len(probs) == 0 {
			return comparedSide{from: from, report: r}
		}
	}
	return comparedSide{from: from, problem: probs.Error()}
}

// stillCurrent says whether a side evaluated earlier is the one id names
// now: the current report is always taken afresh, a saved scenario only
// while its text is the same.
func (c comparedSide) stillCurrent(id string, library []savedScenario) bool {
	switch {
	case id == "current":
		return false
	case strings.HasPrefix(id, "saved:"):
		e, ok := savedNamed(library, strings.TrimPrefix(id, "saved:"))
		return ok && string(c.from) == e.Text
	}
	return true
}

// savedNamed finds a saved scenario by name.
func savedNamed(library []savedScenario, name string) (savedScenario, bool) {
	for _, e := range library {
		if e.Name == name {
			return e, true
		}
	}
	return savedScenario{}, false
}
