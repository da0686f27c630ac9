package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Field is one input of the form. It is a component so that, on an edit,
// only the fields whose value or problem changed are rendered again.
type Field struct {
	app.Compo
	Session *session
	Schema  *Schema
	At      path
	// Value is what the input shows: the text typed, "true"/"false" for a
	// switch, the chosen value of a select.
	Value   string
	Problem string
	// Cell and CellLabel make the field a cell of a row (the 24-hour
	// profile): a short visible label and a full accessible one.
	Cell, CellLabel string
	// Placeholder is what an empty number stands for: its default, or the
	// value the model works out from other inputs.
	Placeholder string
}

// Render draws the field by its schema: switch, select, or text input.
// Handlers read f.At when they run: go-app keeps an element's first handler
// (it compares handlers by code), so a captured value would go stale.
func (f *Field) Render() app.UI {
	sch, p := f.Schema, f.At
	id := fieldID(p)
	switch {
	case f.Cell != "":
		return app.Div().Class("cell").Body(
			app.Label().For(id).Class("cell-label").Text(f.Cell),
			app.Input().Type("text").ID(id).Name(p.String()).Attr("inputmode", "decimal").
				Attr("autocomplete", "off").Aria("label", f.CellLabel).Aria("invalid", f.Problem != "").
				Title(f.Problem).Value(f.Value).OnInput(f.onText).OnChange(f.onLeave),
		)
	case sch.Type == "boolean":
		return app.Div().Class("field toggle").Body(
			app.Input().Type("checkbox").ID(id).Name(p.String()).Attr("role", "switch").Checked(f.Value == "true").
				Aria("describedby", describedBy(p, sch, f.Problem)).
				OnChange(func(ctx app.Context, e app.Event) { f.Session.setValue(f.At, ctx.JSSrc().Get("checked").Bool()) }),
			label(id, sch),
			help(p, sch, f.Problem),
		)
	case sch.Type == "string" && len(sch.Enum) > 0:
		return app.Div().Class("field").Body(
			label(id, sch),
			app.Select().ID(id).Name(p.String()).
				Aria("invalid", f.Problem != "").Aria("describedby", describedBy(p, sch, f.Problem)).
				OnChange(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					if v == emptyChoice {
						v = ""
					}
					f.Session.setValue(f.At, v)
				}).
				Body(app.Range(sch.Enum).Slice(func(i int) app.UI {
					v := sch.Enum[i]
					value := v
					if v == "" {
						value = emptyChoice
					}
					return app.Option().Value(value).Selected(v == f.Value).Text(sch.Label(v))
				})),
			help(p, sch, f.Problem),
		)
	case sch.Type == "string":
		return app.Div().Class("field").Body(
			label(id, sch),
			app.Input().Type("text").ID(id).Name(p.String()).Value(f.Value).Attr("autocomplete", "off").
				Aria("invalid", f.Problem != "").Aria("describedby", describedBy(p, sch, f.Problem)).
				OnInput(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					f.edit(ctx, func() { f.Session.setValue(f.At, v) })
				}),
			help(p, sch, f.Problem),
		)
	}
	mode := "decimal"
	if sch.Type == "integer" {
		mode = "numeric"
	}
	return app.Div().Class("field").Body(
		label(id, sch),
		app.Input().Type("text").ID(id).Name(p.String()).Attr("inputmode", mode).Attr("autocomplete", "off").
			Placeholder(f.Placeholder).Value(f.Value).Title(bounds(sch)).
			Aria("invalid", f.Problem != "").Aria("describedby", describedBy(p, sch, f.Problem)).
			OnInput(f.onText).OnChange(f.onLeave),
		help(p, sch, f.Problem),
	)
}

// OnUpdate writes Value into a text input that shows other text (an undo,
// a loaded scenario): go-app compares the value with the one it drew last,
// which is not what is on screen after an edit in place (Field.edit), and
// it drops an empty "value". Spaces around the text typed stay.
func (f *Field) OnUpdate(ctx app.Context) {
	id, want := fieldID(f.At), f.Value
	ctx.Defer(func(ctx app.Context) {
		input := app.Window().GetElementByID(id)
		if input.Truthy() && input.Get("type").String() == "text" && strings.TrimSpace(input.Get("value").String()) != want {
			input.Set("value", want)
		}
	})
}

// onText stores typed text of a number field.
func (f *Field) onText(ctx app.Context, e app.Event) {
	scale, _ := f.Schema.Display()
	text := ctx.JSSrc().Get("value").String()
	f.edit(ctx, func() { f.Session.setText(f.At, text, f.Schema.Type == "integer", scale) })
}

// onLeave applies the default of a number field left empty.
func (f *Field) onLeave(ctx app.Context, e app.Event) { f.Session.leave(f.At) }

// label renders a field's label with its unit.
func label(id string, sch *Schema) app.UI {
	return app.Label().For(id).Body(
		app.Text(sch.Title),
		app.If(sch.Unit != "", func() app.UI {
			_, unit := sch.Display()
			return app.Span().Class("unit").Text(" (" + unit + ")")
		}),
	)
}

// help renders the description and, when present, the field's problem.
func help(p path, sch *Schema, problem string) app.UI {
	id := fieldID(p)
	return app.Div().Body(
		app.If(problem != "", func() app.UI {
			return app.P().ID(id+"-error").Class("error").Attr("role", "alert").Text(problem)
		}),
		app.If(sch.Description != "", func() app.UI {
			return app.Small().ID(id + "-help").Class("help").Text(sch.Help())
		}),
	)
}

func describedBy(p path, sch *Schema, problem string) string {
	id := fieldID(p)
	var ids []string
	if problem != "" {
		ids = append(ids, id+"-error")
	}
	if sch.Description != "" {
		ids = append(ids, id+"-help")
	}
	return strings.Join(ids, " ")
}

// bounds describes a number's allowed range.
func bounds(sch *Schema) string {
	scale, _ := sch.Display()
	var parts []string
	if sch.Minimum != nil {
		parts = append(parts, "≥ "+scaledText(*sch.Minimum, scale))
	}
	if sch.ExclusiveMinimum != nil {
		parts = append(parts, "> "+scaledText(*sch.ExclusiveMinimum, scale))
	}
	if sch.Maximum != nil {
		parts = append(parts, "≤ "+scaledText(*sch.Maximum, scale))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Allowed: " + strings.Join(parts, ", ")
}

// emptyChoice stands for an enum's empty value in a select: go-app writes
// no value attribute for "", and an option without one has its label as
// its value.
const emptyChoice = "-"
