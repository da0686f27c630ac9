package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"planner/model/num"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// form renders the input UI of a document from its JSON Schema: no field is
// written by hand. Objects become fieldsets (grouped by x-group), enums
// selects, booleans switches, numbers text inputs that keep what was typed,
// lists of numbers compact rows, lists of enums check boxes, lists of named
// objects a selectable list, other lists editable item fieldsets.
type form struct {
	s *session
	// selected is the index of the item shown of each selectable list.
	selected map[string]int
	// onSelect changes the selection of a selectable list.
	onSelect func(list string, i int)
	// pages page the names of each selectable list (nil: all shown).
	pages map[string]*pager
	// partial renders only the first partialGroups groups of each object
	// and the first screenRows names of each list (a form mounted in
	// parts: the main fields first).
	partial bool
}

// partialGroups is how many groups of an object a partial form renders:
// a function's name, traffic, duration and memory.
const partialGroups = 3

// fieldID is the element ID of the input at p.
func fieldID(p path) string { return "f-" + sanitizeID(p.String()) }

// sanitizeID turns a problem path into the tail of an element ID.
// "functions[2].cold_start_method" → "functions-2-cold-start-method": "[",
// "." and "_" become "-", "]" goes. (A strings.Replacer was built for
// every call: 14 ms of mounting a form.)
func sanitizeID(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '[', '.', '_':
			b = append(b, '-')
		case ']':
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// object renders the properties of an object, in schema order, grouped.
func (f form) object(p path, sch *Schema) app.UI { return f.objectExcept(p, sch) }

// objectExcept renders an object without the named properties (shown
// elsewhere).
func (f form) objectExcept(p path, sch *Schema, skip ...string) app.UI {
	var groups []string
	byGroup := map[string][]app.UI{}
	for _, prop := range sch.Properties {
		if prop.Schema.ReadOnly || slices.Contains(skip, prop.Name) {
			continue
		}
		g := prop.Schema.Group
		if _, seen := byGroup[g]; !seen {
			if f.partial && len(groups) == partialGroups {
				break
			}
			groups = append(groups, g)
		}
		byGroup[g] = append(byGroup[g], f.field(p.key(prop.Name), prop.Schema))
	}
	if len(groups) == 1 && groups[0] == "" {
		return app.Div().Class("fields").Body(byGroup[""]...)
	}
	return app.Div().Class("fields").Body(app.Range(groups).Slice(func(i int) app.UI {
		g := groups[i]
		if g == "" {
			return app.Div().Class("fields").Body(byGroup[g]...)
		}
		return app.FieldSet().Class("group").Body(app.Legend().Text(g), app.Div().Class("fields").Body(byGroup[g]...))
	}))
}

// field renders one property.
func (f form) field(p path, sch *Schema) app.UI {
	switch {
	case sch.Type == "object":
		return app.FieldSet().Class("object").Body(
			app.Legend().Text(sch.Title),
			f.help(p, sch),
			f.object(p, sch),
		)
	case sch.Type == "array" && sch.Items != nil:
		items := sch.Items
		switch {
		case items.Type == "number" || items.Type == "integer":
			return f.numberRow(p, sch)
		case items.Type == "string" && len(items.Enum) > 0:
			return f.checkboxes(p, sch)
		case items.Type == "object" && items.Property("name") != nil:
			return f.selectableList(p, sch)
		case items.Type == "object":
			return f.itemList(p, sch)
		}
	case sch.Type == "boolean", sch.Type == "string", sch.Type == "number", sch.Type == "integer":
		return f.input(p, sch)
	}
	return app.Div().Class("field").Text(sch.Title + ": unsupported in the form")
}

// help renders a property's description and problem.
func (f form) help(p path, sch *Schema) app.UI { return help(p, sch, f.s.problemAt(p)) }

// input is the Field of a scalar property.
func (f form) input(p path, sch *Schema) app.UI {
	scale, _ := sch.Display()
	value := f.s.shown(p, sch)
	placeholder := defaultText(sch)
	if d, ok := sch.Default.(float64); ok {
		placeholder = scaledText(d, scale)
	}
	if v, ok := f.derived(p, sch); ok {
		placeholder = strconv.FormatFloat(num.RoundSignificant(v, 4), 'f', -1, 64)
	}
	problem := f.s.problemAt(p)
	if problem != "" && scale != 1 {
		problem += " (the scenario stores it as a fraction: 100% is 1)"
	}
	return &Field{Session: f.s, Schema: sch, At: p, Value: value, Problem: problem, Placeholder: placeholder}
}

// shown is what the input of the scalar at p shows: the number as typed
// (text), "true"/"false" for a switch, the chosen value of a select (its
// default when none is) or the text of a string.
func (s *session) shown(p path, sch *Schema) string {
	switch sch.Type {
	case "boolean":
		on, ok := get(s.document(), p).(bool)
		if !ok {
			on, _ = sch.Default.(bool)
		}
		return strconv.FormatBool(on)
	case "string":
		value, _ := get(s.document(), p).(string)
		if value == "" && len(sch.Enum) > 0 && sch.Default != nil {
			value = fmt.Sprint(sch.Default)
		}
		return value
	}
	scale, _ := sch.Display()
	return s.text(p, scale)
}

// defaultText is a number's default as its input's placeholder ("" without).
func defaultText(sch *Schema) string {
	if sch.Default == nil {
		return ""
	}
	return fmt.Sprint(sch.Default)
}

// derived returns what the empty number at p becomes, by its schema's
// x-derived, from the function's report (the last valid one).
func (f form) derived(p path, sch *Schema) (float64, bool) {
	if sch.Derived == "" || f.s.report == nil || len(p) < 2 || p[0].key != "functions" || !p[1].isIndex() ||
		p[1].index >= len(f.s.report.Functions) {
		return 0, false
	}
	traffic := f.s.report.Functions[p[1].index].Traffic
	switch sch.Derived {
	case "traffic.invocations_per_second":
		return traffic.InvocationsPerSecond, true
	case "traffic.monthly_invocations":
		return traffic.MonthlyInvocations, true
	}
	return 0, false
}

// numberRow renders a fixed list of numbers (the 24-hour profile) as one
// compact row of inputs; a list in place of a constant (x-constant) has a
// button to switch between them.
func (f form) numberRow(p path, sch *Schema) app.UI {
	values := f.s.list(p)
	n := len(values)
	if sch.MinItems > n {
		n = sch.MinItems
	}
	return app.FieldSet().Class("row-field").Body(
		app.Legend().Body(app.Text(sch.Title), app.If(sch.Unit != "", func() app.UI {
			return app.Span().Class("unit").Text(" (" + sch.Unit + ")")
		})),
		f.help(p, sch),
		app.If(sch.Constant != "", func() app.UI { return f.switchToConstant(p, sch, n > 0) }),
		app.Div().Class("number-row").Body(app.Range(make([]struct{}, n)).Slice(func(i int) app.UI {
			ip := p.at(i)
			return &Field{Session: f.s, Schema: sch.Items, At: ip, Value: f.s.shown(ip, sch.Items), Problem: f.s.problemAt(ip),
				Cell: fmt.Sprintf("%02d", i), CellLabel: fmt.Sprintf("%s, hour %02d", sch.Title, i), Placeholder: defaultText(sch.Items)}
		})),
	)
}

// checkboxes renders a set of enum values.
func (f form) checkboxes(p path, sch *Schema) app.UI {
	chosen := f.chosen(p)
	return app.FieldSet().Class("checks").Body(
		app.Legend().Text(sch.Title),
		f.help(p, sch),
		app.Range(sch.Items.Enum).Slice(func(i int) app.UI {
			v := sch.Items.Enum[i]
			id := fieldID(p) + "-" + strings.ToLower(strings.ReplaceAll(v, " ", "-"))
			return app.Span().Class("check").Body(
				app.Input().Type("checkbox").ID(id).Checked(chosen[v]).
					DataSet("path", p.String()).DataSet("value", v).
					OnChange(func(ctx app.Context, e app.Event) {
						p, v := eventPath(ctx), eventData(ctx, "value")
						on := ctx.JSSrc().Get("checked").Bool()
						chosen := f.chosen(p)
						next := []any{}
						for _, e := range sch.Items.Enum {
							if (e == v && on) || (e != v && chosen[e]) {
								next = append(next, e)
							}
						}
						f.s.setValue(p, next)
					}),
				app.Label().For(id).Text(sch.Items.Label(v)),
			)
		}),
	)
}

// chosen is the set of values in the list at p.
func (f form) chosen(p path) map[string]bool {
	chosen := map[string]bool{}
	for _, v := range f.s.list(p) {
		if s, ok := v.(string); ok {
			chosen[s] = true
		}
	}
	return chosen
}

// itemList renders a list of objects as removable fieldsets.
func (f form) itemList(p path, sch *Schema) app.UI {
	items := f.s.list(p)
	return app.FieldSet().Class("list").Body(
		app.Legend().Text(sch.Title),
		f.help(p, sch),
		app.Range(items).Slice(func(i int) app.UI {
			ip := p.at(i)
			return app.Div().Class("item").Body(
				f.object(ip, sch.Items),
				app.Button().Type("button").Class("small").Text("Remove").
					Aria("label", fmt.Sprintf("Remove %s %d", sch.Title, i+1)).
					DataSet("path", p.String()).DataSet("index", i).
					OnClick(func(ctx app.Context, e app.Event) { f.s.editList(eventPath(ctx), removeItem(eventIndex(ctx))) }),
			)
		}),
		app.Button().Type("button").Class("small").Text("Add").Aria("label", "Add to "+sch.Title).
			DataSet("path", p.String()).
			OnClick(func(ctx app.Context, e app.Event) { f.s.editList(eventPath(ctx), appendItem(map[string]any{})) }),
	)
}

// selectableList renders a list of named objects (the functions): their
// names with add, select, duplicate, reorder and remove, and the fields of
// the selected one. Handlers find the list and the item in the element's
// data when they run.
func (f form) selectableList(p path, sch *Schema) app.UI {
	items := f.s.list(p)
	key := p.String()
	sel := f.selected[key]
	if sel >= len(items) {
		sel = len(items) - 1
	}
	at := func(ctx app.Context) (path, int, []any) {
		p := eventPath(ctx)
		return p, eventIndex(ctx), f.s.list(p)
	}
	// Long lists show a page of names, and the selected item's wherever it is.
	page := f.pages[key]
	if page == nil && f.pages != nil {
		page = &pager{}
		f.pages[key] = page
	}
	limit := len(items)
	if page != nil {
		limit = page.rows(len(items))
	}
	if f.partial {
		limit = min(limit, screenRows)
	}
	shown := make([]int, 0, min(len(items), limit+1))
	for i := range items {
		if i < limit || i == sel {
			shown = append(shown, i)
		}
	}
	return app.FieldSet().Class("selectable").Body(
		app.Legend().Text(sch.Title),
		app.Ul().Class("item-names").Body(app.Range(shown).Slice(func(k int) app.UI {
			i := shown[k]
			name := itemName(items, i)
			data := func(b app.HTMLButton) app.HTMLButton { return b.DataSet("path", key).DataSet("index", i) }
			return app.Li().Class(classes("current", i == sel, "invalid", f.hasProblemUnder(p.at(i)))).Body(
				data(app.Button().Type("button").Class("name").Aria("pressed", i == sel).Text(name)).
					OnClick(func(ctx app.Context, e app.Event) {
						p, i, _ := at(ctx)
						f.onSelect(p.String(), i)
					}),
				app.Span().Class("actions").Body(
					data(app.Button().Type("button").Class("icon").Text("↑").Title("Move up").Aria("label", "Move "+name+" up")).
						Disabled(i == 0).
						OnClick(func(ctx app.Context, e app.Event) {
							p, i, _ := at(ctx)
							f.s.editList(p, moveItem(i, i-1))
							f.onSelect(p.String(), i-1)
						}),
					data(app.Button().Type("button").Class("icon").Text("↓").Title("Move down").Aria("label", "Move "+name+" down")).
						Disabled(i == len(items)-1).
						OnClick(func(ctx app.Context, e app.Event) {
							p, i, _ := at(ctx)
							f.s.editList(p, moveItem(i, i+1))
							f.onSelect(p.String(), i+1)
						}),
					data(app.Button().Type("button").Class("icon").Text("⊕").Title("Duplicate").Aria("label", "Duplicate "+name)).
						OnClick(func(ctx app.Context, e app.Event) {
							p, i, items := at(ctx)
							f.s.editList(p, duplicateItem(i, func(v any) any {
								if m, ok := v.(map[string]any); ok {
									m["name"] = uniqueName(itemName(items, i)+"_copy", items)
								}
								return v
							}))
							f.onSelect(p.String(), i+1)
						}),
					data(app.Button().Type("button").Class("icon danger").Text("✕").Title("Remove").Aria("label", "Remove "+name)).
						OnClick(func(ctx app.Context, e app.Event) {
							p, i, _ := at(ctx)
							f.s.editList(p, removeItem(i))
							f.onSelect(p.String(), max(0, i-1))
						}),
				),
			)
		})),
		app.If(page != nil, func() app.UI { return page.more(strings.ToLower(sch.Title), len(items)) }),
		app.Button().Type("button").Class("small").Text("Add "+strings.ToLower(singular(sch.Title))).
			DataSet("path", key).
			OnClick(func(ctx app.Context, e app.Event) {
				p := eventPath(ctx)
				items := f.s.list(p)
				base := strings.ReplaceAll(strings.ToLower(singular(sch.Title)), " ", "_")
				f.s.editList(p, appendItem(map[string]any{"name": uniqueName(base, items)}))
				f.onSelect(p.String(), len(items))
			}),
		app.If(sel >= 0 && sel < len(items), func() app.UI {
			return app.Div().Class("selected-item").Body(f.object(p.at(sel), sch.Items))
		}),
	)
}

// itemName is the name of item i of a list of objects.
func itemName(items []any, i int) string {
	if i >= 0 && i < len(items) {
		if s := fieldOf(items[i], "name"); s != "" {
			return s
		}
	}
	return fmt.Sprintf("(unnamed %d)", i+1)
}

// hasProblemUnder reports whether any problem lies at or below p.
func (f form) hasProblemUnder(p path) bool {
	prefix := p.String()
	for k := range f.s.byPath {
		if k == prefix || strings.HasPrefix(k, prefix+".") || strings.HasPrefix(k, prefix+"[") {
			return true
		}
	}
	return false
}

// uniqueName returns base, or base_2, base_3 … not used by items.
func uniqueName(base string, items []any) string {
	used := map[string]bool{}
	for _, it := range items {
		if s := fieldOf(it, "name"); s != "" {
			used[s] = true
		}
	}
	name := base
	for i := 2; used[name]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	return name
}

func singular(s string) string { return strings.TrimSuffix(s, "s") }

// classes joins the names whose condition holds.
func classes(pairs ...any) string {
	var out []string
	for i := 0; i+1 < len(pairs); i += 2 {
		if on, _ := pairs[i+1].(bool); on {
			out = append(out, pairs[i].(string))
		}
	}
	return strings.Join(out, " ")
}

// between returns the text of s between the first open and the next close.
func between(s, open, close string) string {
	_, rest, ok := strings.Cut(s, open)
	if !ok {
		return ""
	}
	inner, _, _ := strings.Cut(rest, close)
	return inner
}

// eventData reads a data-* attribute of the element an event came from.
func eventData(ctx app.Context, name string) string {
	v := ctx.JSSrc().Get("dataset").Get(name)
	if !v.Truthy() {
		return ""
	}
	return v.String()
}

// eventIndex reads the data-index of the element an event came from.
func eventIndex(ctx app.Context) int {
	i, _ := strconv.Atoi(eventData(ctx, "index"))
	return i
}

// eventPath reads the data-path of the element an event came from.
func eventPath(ctx app.Context) path { return parsePath(eventData(ctx, "path")) }

// switchToConstant is the button that switches a list by hour
// (x-constant) and its constant (session.switchByHour).
func (f form) switchToConstant(p path, sch *Schema, byHour bool) app.UI {
	text, label := "By hour", "Set "+strings.ToLower(sch.Title)
	if byHour {
		text, label = "One level all day", "Set "+strings.ToLower(sch.Title)+" as one level all day"
	}
	return app.Button().Type("button").Class("small").Text(text).Aria("label", label).DataSet("path", p.String()).
		OnClick(func(ctx app.Context, e app.Event) { f.s.switchByHour(p, sch.Constant, sch.MaxItems) })
}

// switchByHour turns the list by hour at p into its constant (the field
// constant beside it) at the list's largest value, or the constant into a
// list of hours copies of it: one step for Undo.
func (s *session) switchByHour(p path, constant string, hours int) {
	parent := p[:len(p)-1]
	obj, ok := get(s.document(), parent).(map[string]any)
	if !ok || len(p) == 0 {
		return
	}
	next := make(map[string]any, len(obj)+1)
	for k, v := range obj {
		next[k] = v
	}
	key := p[len(p)-1].key
	if list, _ := obj[key].([]any); len(list) > 0 {
		most := 0.0
		for _, v := range list {
			if x, ok := v.(float64); ok {
				most = max(most, x)
			}
		}
		delete(next, key)
		next[constant] = most
	} else {
		level, _ := obj[constant].(float64)
		list := make([]any, hours)
		for i := range list {
			list[i] = level
		}
		next[key], next[constant] = list, 0.0
	}
	s.replace(parent, next)
}
