// Package app is the planner in the browser: go-app components that edit a
// scenario through a form generated from its JSON Schema and show the
// model's report as figures and charts. The UI never computes a number: it
// reads every figure from the report.
package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/schemas"
)

// Planner is the page: the scenario form on one side, the report on the
// other.
type Planner struct {
	app.Compo

	schema   *Schema
	s        *session
	tab      string
	selected map[string]int

	notice notice
	lib    *library
	// shared is the last link shared, shown for copying by hand.
	shared string
	// computing is true while keep-alive solves and simulated days the
	// report waits for run in the background; progress is 0..1.
	computing bool
	progress  float64
	// updated is true once a new version of the planner is installed;
	// installable while the browser offers to install it; printing while
	// the page shows the printed report.
	updated, installable, printing bool
	// holdAutosave keeps a damaged autosave from being written over until
	// it is kept aside; autosaveBroken is true while autosaves fail.
	// tabSaveBroken while this tab's unsaved work cannot be kept for other
	// tabs.
	holdAutosave, autosaveBroken, tabSaveBroken bool
	// pendingLink opens a link that waits for the user's choice (nil: none).
	pendingLink func()
	// unsaved is the scenario of the last edit until it is autosaved.
	unsaved *model.Scenario
	// visit is what the page found when it started, until it is mounted.
	visit visit
	// formShown is false until the first figures are drawn in the browser:
	// the form, most of the page's elements, is mounted after them. The
	// page prerendered on the server has none: its inputs would take
	// typing that the app then drops, and parsing them held up the app's
	// start (the page's HTML was 104 KB, now 35 KB).
	formShown bool
	// steps draws what the first figures leave for later, a step per task.
	steps drawSteps
	// alertsPage pages the alert rules; lists the form's lists of items.
	alertsPage pager
	lists      map[string]*pager
}

// tabInfo is a view's tab: its ID (in links) and label.
type tabInfo struct{ id, label string }

// tabs of the report, in order.
var tabs = []tabInfo{
	{"function", "Function"},
	{"application", "Application"},
	{"optimize", "Optimize"},
	{"forecast", "Forecast"},
	{"alerts", "Alerts"},
	{"prices", "Prices"},
	{"scenarios", "Scenarios"},
	{"compare", "Compare"},
	{"clouds", "Clouds"},
	{"checklist", "Go-live"},
}

// OnInit loads the scenario the page opens with.
func (p *Planner) OnInit() {
	p.tab = "application"
	p.selected = map[string]int{}
	p.lists = map[string]*pager{}
	p.lib = &library{tell: func(n notice) { p.notice = n }}
	pace := pacer()
	p.s = newSession(p.opening())
	pace() // a long opening's evaluation is one slice of work, drawing its figures another
	if p.visit.linkOpened {
		p.goTo(p.visit.href)
	}
}

// scenarioSchema is the scenario's JSON Schema, parsed when the form or a
// problem's label first needs it (after the first figures).
func (p *Planner) scenarioSchema() *Schema {
	if p.schema == nil {
		schema, err := ParseSchema(schemas.Scenario)
		if err != nil {
			app.Log("planner: bad embedded schema:", err)
			schema = &Schema{}
		}
		p.schema = schema
	}
	return p.schema
}

// form is the schema form bound to the planner's state.
func (p *Planner) form() form {
	return form{s: p.s, selected: p.selected, onSelect: func(list string, i int) { p.selected[list] = i }, pages: p.lists}
}

// selectedFunction is the index of the function shown, within the report.
func (p *Planner) selectedFunction() int {
	i := p.selected["functions"]
	if p.s.report == nil || len(p.s.report.Functions) == 0 {
		return -1
	}
	return min(max(i, 0), len(p.s.report.Functions)-1)
}

// Render draws the page.
func (p *Planner) Render() app.UI {
	// Ready only in the browser: the pre-rendered page is not evaluated
	// there; and only once the report is whole.
	ready := "0"
	if app.IsClient && p.s.report != nil && p.s.report.Complete() && !p.s.stale && !p.s.pending() {
		ready = "1"
	}
	return app.Div().ID("planner").Class(classes("planner", true, "stale", p.s.stale)).
		DataSet("ready", ready).
		DataSet("revision", strconv.Itoa(p.s.revision)).
		Body(
			app.A().Href("#results").Class("skip-link").Text("Skip to the results").
				OnClick(func(ctx app.Context, e app.Event) {
					e.PreventDefault() // the address keeps its share link
					app.Window().GetElementByID("results").Call("focus")
				}),
			p.header(),
			app.Div().Class("layout").Body(
				app.Aside().Class("inputs").Aria("label", "Scenario").Body(
					app.H2().Text("Scenario"),
					p.problemSummary(),
					app.If(p.formShown, p.formComponent).
						Else(func() app.UI {
							return app.P().Class("form-loading").Aria("busy", "true").Text("Loading the form…")
						}),
				),
				app.Main().ID("results").Class("results").Attr("tabindex", -1).Body(
					p.noticeBar(),
					p.staleNotice(),
					p.tabBar(),
					app.Section().ID("panel-"+p.tab).Class("panel").Attr("role", "tabpanel").
						Aria("labelledby", "tab-"+p.tab).Body(p.view()),
				),
			),
		)
}

func (p *Planner) header() app.UI {
	title := "Serverless capacity planner"
	total := app.UI(app.Span())
	if r := p.s.report; r != nil {
		total = figure{
			Label:   "Monthly bill",
			Metric:  "total_summary.total_monthly_cost",
			Value:   r.TotalSummary.TotalMonthlyCost,
			Unit:    "USD/month",
			Explain: "Functions + supporting services + global services (+ compliance) under " + r.Pricing.ProfileName,
		}.render()
	}
	return app.Header().Class("top").Body(
		app.H1().Text(title),
		app.Nav().Class("toolbar").Aria("label", "Scenario actions").Body(
			app.Button().Type("button").Text("Undo").Title("Undo the last edit").Disabled(!p.s.canUndo()).
				OnClick(func(ctx app.Context, e app.Event) { p.s.stepBack() }),
			app.Button().Type("button").Text("Redo").Title("Redo the edit undone").Disabled(!p.s.canRedo()).
				OnClick(func(ctx app.Context, e app.Event) { p.s.stepForward() }),
			app.Button().Type("button").ID("print-report").Text("Print report").Title("Print the Application view and the selected function's").
				Disabled(p.s.report == nil || p.printing).OnClick(p.printReport),
			app.Button().Type("button").Class("share").Text("Share link").Title("Copy a link that opens this scenario").
				Disabled(p.s.scenario == nil).
				OnClick(func(ctx app.Context, e app.Event) { p.share(ctx) }),
			// Last, so that its appearing (when the browser offers it) moves
			// no other button from under the pointer.
			app.If(p.installable, func() app.UI {
				return app.Button().Type("button").ID("install").Text("Install").Title("Install the planner as an app that opens offline").OnClick(p.install)
			}),
		),
		app.Div().Class("headline").Body(total),
	)
}

// OnAppUpdate is told that a new version of the planner is installed.
func (p *Planner) OnAppUpdate(ctx app.Context) { p.updated = true }

// OnAppInstallChange is told when the browser starts or stops offering to
// install the planner.
func (p *Planner) OnAppInstallChange(ctx app.Context) { p.installable = ctx.IsAppInstallable() }

// install asks the browser to install the planner; Safari, which has no
// prompt, is told how.
func (p *Planner) install(ctx app.Context, e app.Event) {
	if ctx.IsAppleBrowser() {
		p.notice = notice{Text: "To install the planner in Safari, choose Share, then Add to Home Screen (iPhone, iPad) or Add to Dock (Mac)."}
		return
	}
	ctx.ShowAppInstallPrompt()
}

// reload saves the scenario and reloads the page into the new version.
func (p *Planner) reload(ctx app.Context, e app.Event) {
	if err := p.persist(p.s.scenario); err != nil {
		p.autosaveFailed(err, p.s.scenario)
		return
	}
	ctx.Reload()
}

// noticeBar shows the last message about links, storage and files, and a
// new version ready to use.
func (p *Planner) noticeBar() app.UI {
	if p.notice.Text == "" && p.shared == "" && !p.updated {
		return app.Div().Class("notice-bar-slot")
	}
	return app.Div().Class("notice-bar-slot").Body(
		app.If(p.updated, func() app.UI {
			keeps := "Reloading keeps your scenario."
			if p.s.stale {
				keeps = "Reloading keeps your last valid scenario, not the inputs with problems."
			}
			return app.P().ID("update-notice").Class("notice").Attr("role", "status").Body(
				app.Text("A new version of the planner is ready. "+keeps+" "),
				app.Button().Type("button").Class("link").ID("update-reload").Text("Reload now").OnClick(p.reload),
			)
		}),
		app.If(p.notice.Text != "", func() app.UI {
			role := "status"
			if p.notice.Bad {
				role = "alert"
			}
			n := p.notice
			return app.P().ID("notice").Class(classes("notice", true, "bad", n.Bad)).Attr("role", role).Body(
				app.Text(n.Text+" "),
				app.If(n.Action != "" && n.Do != nil, func() app.UI {
					return app.Button().Type("button").Class("link").ID("notice-action").Text(n.Action).
						OnClick(func(ctx app.Context, e app.Event) { n.Do() })
				}),
				app.If(p.pendingLink != nil, func() app.UI {
					return app.Button().Type("button").Class("link").ID("open-link-anyway").Text("Open the link without keeping it").
						OnClick(func(ctx app.Context, e app.Event) { open := p.pendingLink; p.pendingLink = nil; open() })
				}),
				app.Button().Type("button").Class("link").Text("Dismiss").
					OnClick(func(ctx app.Context, e app.Event) { p.notice = notice{}; p.shared = ""; p.pendingLink = nil }),
			)
		}),
		app.If(p.shared != "", func() app.UI {
			return app.Div().Class("shared-link").Body(
				app.Label().For("shared-link").Text("Link to this scenario"),
				app.Input().Type("text").ID("shared-link").ReadOnly(true).Value(p.shared).
					OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }),
			)
		}),
	)
}

func (p *Planner) staleNotice() app.UI {
	if !p.s.stale && p.s.pending() {
		return app.Div().Class("notice-slot").Body(
			app.P().Class("stale-notice").Attr("role", "status").Body(
				app.Text("Computing cold starts… until it is done, figures that use a simulated day show the keep-alive model, and those that use the model show the rate given. "),
				app.Progress().Max(1).Value(fmt.Sprint(p.progress)).Aria("label", "Cold-start computation progress"),
			),
		)
	}
	if !p.s.stale {
		return app.Div().Class("notice-slot")
	}
	return app.Div().Class("notice-slot").Body(
		app.P().Class("stale-notice").Attr("role", "status").
			Text("The scenario has " + plural(len(p.s.problems), "problem") + ": these are the last valid results."),
	)
}

// problemSummary lists every problem; each moves focus to its field.
func (p *Planner) problemSummary() app.UI {
	if len(p.s.problems) == 0 {
		return app.Div().Class("summary-slot")
	}
	return app.Div().Class("summary-slot").Body(
		app.Div().Class("problem-summary").Attr("role", "alert").Body(
			app.P().Text(plural(len(p.s.problems), "problem")+" in the scenario:"),
			app.Ul().Body(app.Range(p.s.problems).Slice(func(i int) app.UI {
				pr := p.s.problems[i]
				text := pr.Message
				if pr.Path != "" {
					text = problemLabel(p.scenarioSchema(), p.s.document(), pr.Path) + ": " + pr.Message
				}
				return app.Li().Body(app.Button().Type("button").Class("link").Text(text).Title(pr.Path).DataSet("path", pr.Path).
					OnClick(func(ctx app.Context, e app.Event) { p.focusProblem(ctx, eventData(ctx, "path")) }))
			})),
		),
	)
}

// focusProblem shows the function a problem is in and focuses its field.
func (p *Planner) focusProblem(ctx app.Context, problemPath string) {
	var fn int
	if n, err := strconv.Atoi(between(problemPath, "functions[", "]")); err == nil {
		fn = n
		p.selected["functions"] = fn
	}
	id := "f-" + sanitizeID(problemPath)
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// tabBar follows the ARIA tabs pattern: one tab stop (the selected tab),
// arrow keys move to the previous or next tab, Home and End to the first and
// last, and the tab reached is shown.
func (p *Planner) tabBar() app.UI {
	return app.Nav().Class("tabs").Attr("role", "tablist").Aria("label", "Report views").Body(
		app.Range(tabs).Slice(func(i int) app.UI {
			t := tabs[i]
			tabIndex := -1
			if t.id == p.tab {
				tabIndex = 0
			}
			return app.Button().Type("button").ID("tab-"+t.id).Class(classes("tab", true, "active", t.id == p.tab)).
				Attr("role", "tab").Aria("selected", t.id == p.tab).Aria("controls", "panel-"+t.id).Attr("tabindex", tabIndex).
				Text(t.label).
				OnClick(func(ctx app.Context, e app.Event) { p.tab = t.id }).
				OnKeyDown(func(ctx app.Context, e app.Event) { p.moveTab(ctx, e, i) })
		}),
	)
}

// moveTab shows and focuses the tab an arrow, Home or End key leads to from
// tab i.
func (p *Planner) moveTab(ctx app.Context, e app.Event, i int) {
	next := i
	switch e.Get("key").String() {
	case "ArrowRight":
		next = (i + 1) % len(tabs)
	case "ArrowLeft":
		next = (i + len(tabs) - 1) % len(tabs)
	case "Home":
		next = 0
	case "End":
		next = len(tabs) - 1
	default:
		return
	}
	e.PreventDefault()
	p.tab = tabs[next].id
	id := "tab-" + p.tab
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (p *Planner) view() app.UI {
	r := p.s.report
	if r == nil {
		return app.P().Text("Fix the scenario's problems to see results.")
	}
	if !r.Complete() && (p.tab != "application" || p.printing) {
		return app.P().Class("completing").Attr("role", "status").Aria("busy", "true").
			Text("Analysing " + plural(len(r.Functions), "function") + "… this view shows once the analyses are done (a moment).")
	}
	if p.printing {
		return app.Div().Class("print-report").Body(
			&Application{Session: p.s, Steps: &p.steps, Show: func(int) {}},
			p.functionView(r),
		)
	}
	switch p.tab {
	case "function":
		return p.functionView(r)
	case "optimize":
		return &Optimize{Session: p.s, Revision: p.s.reportRevision, Tell: p.lib.tell}
	case "alerts":
		return alertsView(p.s, p.lib.tell, &p.alertsPage)
	case "forecast":
		return p.forecastView(r)
	case "prices":
		return p.pricesView(r)
	case "scenarios":
		return &Scenarios{Session: p.s, Library: p.lib, Import: p.importInputs}
	case "compare":
		return &Compare{Report: r, Scenario: p.s.scenario, Library: p.lib.entries, ShowClouds: func() { p.tab = "clouds" }}
	case "clouds":
		return &Clouds{Session: p.s, Revision: p.s.reportRevision, Tell: p.lib.tell}
	case "checklist":
		return p.checklistView(r)
	}
	return &Application{Session: p.s, Steps: &p.steps, Show: func(i int) { p.selected["functions"] = i; p.tab = "function" }}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return model.GroupDigits(strconv.Itoa(n)) + " " + word + "s"
}

// scenarioForm is the scenario's form: its name, then its functions (adding
// one is the first thing a new user looks for), then the rest, as much of
// it as part says.
func (p *Planner) scenarioForm(part formPart) []app.UI {
	f := p.form()
	f.partial = part == formMain
	first := []string{"name", "functions"}
	var parts []app.UI
	for _, key := range first {
		if sch := p.scenarioSchema().Property(key); sch != nil {
			parts = append(parts, f.field(path{}.key(key), sch))
		}
	}
	form := []app.UI{app.Div().Class("fields").Body(parts...)}
	if part == formWhole {
		form = append(form, f.objectExcept(path{}, p.scenarioSchema(), append(first, "pricing", "checklist")...))
	}
	return form
}
