package app

import (
	"fmt"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// tabLabels name the views an item of the checklist links to.
var tabLabels = func() map[string]string {
	m := map[string]string{}
	for _, t := range tabs {
		m[t.id] = t.label
	}
	return m
}()

// checklistView is the spec's go-live checklist in five phases: a box to
// tick per item (kept in the scenario, so links and saves carry it), what
// the plan already answers, and the view that answers it.
func (p *Planner) checklistView(r *model.Report) app.UI {
	done := 0
	for _, it := range r.Checklist {
		if it.Done {
			done++
		}
	}
	var phases []string
	items := map[string][]model.ChecklistItem{}
	for _, it := range r.Checklist {
		if !slices.Contains(phases, it.Phase) {
			phases = append(phases, it.Phase)
		}
		items[it.Phase] = append(items[it.Phase], it)
	}
	return app.Div().Class("checklist").Body(
		app.H2().Text("Go-live checklist"),
		app.P().Attr("role", "status").Text(fmt.Sprintf("%d of %d items done. The ticks are kept in the scenario: its link and saves carry them.", done, len(r.Checklist))),
		app.Range(phases).Slice(func(k int) app.UI {
			phase := phases[k]
			return app.FieldSet().Class("group").Body(
				app.Legend().Text(phase),
				app.Ul().Class("checklist-items").Body(app.Range(items[phase]).Slice(func(i int) app.UI {
					it := items[phase][i]
					id := "check-" + it.ID
					return app.Li().Body(
						app.Input().Type("checkbox").ID(id).Checked(it.Done).
							OnChange(func(ctx app.Context, e app.Event) { p.tick(it.ID, ctx.JSSrc().Get("checked").Bool()) }),
						app.Label().For(id).Text(" "+it.Text),
						app.If(it.Answer != "", func() app.UI { return app.P().Class("answer").Text(it.Answer) }),
						app.If(it.View != "", func() app.UI {
							return app.Button().Type("button").Class("small link").Text("Open " + tabLabels[it.View]).
								OnClick(func(ctx app.Context, e app.Event) { p.tab = it.View })
						}),
					)
				})),
			)
		}),
	)
}

// tick marks a checklist item done or not, as one undoable step; the list
// keeps the checklist's order.
func (p *Planner) tick(id string, done bool) {
	ticked := map[string]bool{id: done}
	for _, v := range p.s.list(path{}.key("checklist")) {
		if s, ok := v.(string); ok && s != id {
			ticked[s] = true
		}
	}
	list := []any{}
	for _, known := range model.ChecklistIDs() {
		if ticked[known] {
			list = append(list, known)
		}
	}
	p.s.replace(path{}.key("checklist"), list)
}
