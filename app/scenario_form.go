package app

import (
	"maps"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ScenarioForm is the scenario's form as a component of its own, so that
// the planner's drawing after an edit leaves its 450-odd elements alone
// unless what they show changed: Revision is the session's formRevision
// (an edit typed into a field whose input already shows it does not move
// it), Selected the item shown of each selectable list.
type ScenarioForm struct {
	app.Compo
	Planner  *Planner
	Revision int
	Selected map[string]int
}

// Render draws the form.
func (c *ScenarioForm) Render() app.UI { return c.Planner.scenarioForm() }

// formComponent is the form as the planner draws it now.
func (p *Planner) formComponent() app.UI {
	return &ScenarioForm{Planner: p, Revision: p.s.formRevision, Selected: maps.Clone(p.selected)}
}
