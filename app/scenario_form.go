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
	// whole is false until the form's second part (the function's other
	// fields, the settings after the functions) is mounted, in a task after
	// its first.
	whole bool
}

// OnMount mounts the rest of the form once the page has had its turn.
func (c *ScenarioForm) OnMount(ctx app.Context) {
	nextTask(ctx, func() { c.whole = true })
}

// Render draws the form: its name and functions first, then the rest;
// the root says when it is whole (data-whole).
func (c *ScenarioForm) Render() app.UI {
	whole := c.whole || !app.IsClient
	return app.Div().DataSet("whole", whole).Body(c.Planner.scenarioForm(whole)...)
}

// formComponent is the form as the planner draws it now.
func (p *Planner) formComponent() app.UI {
	return &ScenarioForm{Planner: p, Revision: p.s.formRevision, Selected: maps.Clone(p.selected)}
}
