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
// the saved record it was evaluated from (a saved scenario that changes is
// evaluated again) or, for the current scenario put on another platform,
// the current report it was made beside.
type comparedSide struct {
	from    savedScenario
	basis   *model.Report
	report  *model.Report
	problem string
}

// evaluateChoice evaluates the scenario an ID names, on platform when one
// is given (else on its own); the current scenario's report is the
// session's.
func evaluateChoice(id, platform string, current *model.Report, scenario *model.Scenario, library []savedScenario) comparedSide {
	var s *model.Scenario
	var from savedScenario
	switch {
	case id == "current":
		if current == nil || scenario == nil {
			return comparedSide{problem: "the current scenario has problems"}
		}
		if platform == "" || platform == scenario.Pricing.Platform {
			return comparedSide{report: current}
		}
		copied := *scenario
		s = &copied
	case strings.HasPrefix(id, "preset:"):
		pr, ok := model.LookupPreset(strings.TrimPrefix(id, "preset:"))
		if !ok {
			return comparedSide{problem: "no such preset"}
		}
		preset := pr.Scenario()
		s = &preset
	case strings.HasPrefix(id, "saved:"):
		e, ok := savedNamed(library, strings.TrimPrefix(id, "saved:"))
		if !ok {
			return comparedSide{problem: "no saved scenario named " + strings.TrimPrefix(id, "saved:")}
		}
		read, probs := readSaved(e)
		if len(probs) > 0 {
			return comparedSide{from: e, problem: probs.Error()}
		}
		s, from = read, e
	default:
		return comparedSide{problem: "nothing chosen"}
	}
	if platform != "" && platform != s.Pricing.Platform {
		s.Pricing.Platform, s.Pricing.Region = platform, ""
	}
	side := evaluated(from, s, nil)
	side.basis = current
	return side
}

func evaluated(from savedScenario, s *model.Scenario, probs model.Problems) comparedSide {
	if len(probs) == 0 {
		var r *model.Report
		if r, probs = model.EvaluateWith(s, model.Sources{Pace: pacer()}); len(probs) == 0 {
			return comparedSide{from: from, report: r}
		}
	}
	return comparedSide{from: from, problem: probs.Error()}
}

// stillCurrent says whether a side evaluated earlier is the one id names
// now: the current report is always taken afresh (the current scenario on
// another platform while that report is), a saved scenario only while its
// text is the same.
func (c comparedSide) stillCurrent(id string, current *model.Report, library []savedScenario) bool {
	switch {
	case id == "current":
		return c.basis != nil && c.basis == current // put on another platform beside this report
	case strings.HasPrefix(id, "saved:"):
		e, ok := savedNamed(library, strings.TrimPrefix(id, "saved:"))
		return ok && sameRecord(c.from, e)
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
