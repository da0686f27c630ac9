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
	// part is how much of the form is mounted: it mounts in three tasks.
	part formPart
}

// formPart is how much of the form is drawn.
type formPart int

const (
	// formMain is the name, the functions list and the selected
	// function's main fields (form.partial).
	formMain formPart = iota
	// formFunction adds the selected function's other fields.
	formFunction
	// formWhole adds the settings after the functions.
	formWhole
)

// OnMount mounts the rest of the form, a part per step.
func (c *ScenarioForm) OnMount(ctx app.Context) {
	c.Planner.steps.add(ctx, func() { c.part = formFunction })
	c.Planner.steps.add(ctx, func() { c.part = formWhole })
}

// Render draws the form, as much as is mounted; the root says when it is
// whole (data-whole).
func (c *ScenarioForm) Render() app.UI {
	part := c.part
	if !app.IsClient {
		part = formWhole
	}
	return app.Div().DataSet("whole", part == formWhole).Body(c.Planner.scenarioForm(part)...)
}

// formComponent is the form as the planner draws it now.
func (p *Planner) formComponent() app.UI {
	return &ScenarioForm{Planner: p, Revision: p.s.formRevision, Selected: maps.Clone(p.selected)}
}
