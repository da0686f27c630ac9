package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/charts"
	"planner/model"
	"planner/model/platform"
)

// Compare puts two scenarios side by side: totals, per-function
// differences and a chart of where the difference comes from. Its numbers
// are those of model.CompareReports (data-source "compare"); the scenarios
// chosen are evaluated once, again only when a saved one changes.
type Compare struct {
	app.Compo
	// Report is the current scenario's report (nil while it has problems),
	// Scenario the scenario it is of.
	Report   *model.Report
	Scenario *model.Scenario
	Library  []savedScenario
	// ShowClouds opens the Clouds view, where one scenario is put on two
	// platforms.
	ShowClouds func()

	a, b string
	// pa and pb put A and B on a platform ("": their own).
	pa, pb string
	sides  map[string]comparedSide
	// page is how many of the compared functions are listed.
	page pager
}

// compareSource names the comparison's figures' document (data-source).
const compareSource = "compare"

// comparedTotals label the totals of a comparison, by key.
var comparedTotals = map[string]struct{ label, unit string }{
	"total_monthly_cost":         {"Monthly bill", "USD/month"},
	"lambda_cost":                {"Functions on their platform", "USD/month"},
	"supporting_services_cost":   {"Supporting services", "USD/month"},
	"global_services_cost":       {"Global services", "USD/month"},
	"compliance_cost":            {"Compliance", "USD/month"},
	"total_monthly_invocations":  {"Invocations", "/month"},
	"cost_per_invocation":        {"Cost per invocation", "USD"},
	"peak_concurrent_executions": {"Peak concurrency", "instances"},
}

// side is the evaluation of a chosen scenario on a chosen platform ("": its
// own), from the cache while it holds.
func (c *Compare) side(id, platform string) comparedSide {
	key := id + "@" + platform
	if cached, ok := c.sides[key]; ok && cached.stillCurrent(id, c.Report, c.Library) {
		return cached
	}
	side := evaluateChoice(id, platform, c.Report, c.Scenario, c.Library)
	if c.sides == nil {
		c.sides = map[string]comparedSide{}
	}
	c.sides[key] = side
	return side
}

// platformChoices are the platforms a side can be put on, its own first.
func platformChoices() []compareChoice {
	out := []compareChoice{{"", "The platform it runs on"}}
	for _, p := range platform.All() {
		out = append(out, compareChoice{p.ID, p.Name})
	}
	return out
}

// Render draws the pickers and the comparison.
func (c *Compare) Render() app.UI {
	if c.a == "" {
		c.a, c.b = "current", "preset:e-commerce"
	}
	options, platforms := comparables(c.Library), platformChoices()
	a, b := c.side(c.a, c.pa), c.side(c.b, c.pb)
	body := []app.UI{
		app.H2().Text("Compare"),
		app.Div().Class("compare-pickers").Body(
			choicePicker("compare-a", "Scenario A", c.a, options, func(id string) { c.a = id }),
			choicePicker("compare-b", "Scenario B", c.b, options, func(id string) { c.b = id }),
			choicePicker("compare-a-platform", "A runs on", c.pa, platforms, func(id string) { c.pa = id }),
			choicePicker("compare-b-platform", "B runs on", c.pb, platforms, func(id string) { c.pb = id })),
		app.P().Class("help").Body(app.Text("Each scenario on the platform it runs on (Pricing: platform), or on the one chosen: the current scenario on both sides, on two platforms, compares them figure by figure. To put this scenario on every platform at once, "),
			app.Button().Type("button").Class("link").ID("compare-platforms").Text("compare platforms in Clouds").
				OnClick(func(ctx app.Context, e app.Event) { c.ShowClouds() }), app.Text(".")),
	}
	if a.report == nil || b.report == nil {
		return app.Div().Body(append(body, app.P().Class("error").Text("Cannot compare: "+a.problem+b.problem))...)
	}
	body = append(body, app.P().Class("profile-note").Text(fmt.Sprintf("A runs on %s, B on %s.", a.report.Pricing.PlatformName, b.report.Pricing.PlatformName)))
	cmp := model.CompareReports(a.report, b.report)
	totals := make([]app.UI, len(cmp.Totals))
	for i, f := range cmp.Totals {
		t := comparedTotals[f.Key]
		totals[i] = comparedRow(compareSource, "totals", i, f.A, f.B, f.Difference, t.label, t.unit)
	}
	functions := make([]app.UI, c.page.rows(len(cmp.Functions)))
	for i, f := range cmp.Functions[:len(functions)] {
		functions[i] = comparedRow(compareSource, "functions", i, f.A, f.B, f.Difference, f.Key, "USD/month")
	}
	return app.Div().Body(append(body,
		comparedTable("Totals", totals),
		comparedTable("Functions (matched by name; a function in one scenario only costs 0 in the other)", functions),
		c.page.more("functions", len(cmp.Functions)),
		app.Div().Class("charts").Body(&StaticChart{Option: charts.CompareCosts(cmp, comparedLabels()), Label: "Where the cost difference between A and B comes from"}),
	)...)
}

// comparedLabels names the totals of a comparison, by key.
func comparedLabels() map[string]string {
	labels := map[string]string{}
	for key, t := range comparedTotals {
		labels[key] = t.label
	}
	return labels
}

// choicePicker is a labelled select of choices with chosen selected; choose
// is told the ID picked.
func choicePicker(id, label, chosen string, choices []compareChoice, choose func(string)) app.UI {
	return app.Div().Class("field").Body(
		app.Label().For(id).Text(label),
		app.Select().ID(id).OnChange(func(ctx app.Context, e app.Event) { choose(ctx.JSSrc().Get("value").String()) }).
			Body(app.Range(choices).Slice(func(i int) app.UI {
				o := choices[i]
				return app.Option().Value(o.ID).Selected(o.ID == chosen).Text(o.Label)
			})),
	)
}

// comparedTable is a table of A, B and B − A, one row per figure.
func comparedTable(caption string, rows []app.UI) app.UI {
	return tableRegion(caption, app.Table(),
		columns("Figure", "A", "B", "B − A"),
		app.TBody().Body(rows...))
}

// comparedRow is row i of a comparison's list (its document's data-source
// is source): the figure's label, its value in A and in B, and B − A read
// with its sign.
func comparedRow(source, list string, i int, a, b, difference float64, label, unit string) app.UI {
	cell := func(key string, v float64, explain string) app.UI {
		el := figure{Metric: fmt.Sprintf("%s.%d.%s", list, i, key), Value: v, Unit: unit, Explain: explain}.cellElement().DataSet("source", source)
		if key == "difference" && v > 0 {
			el = el.Text("+" + formatValue(v, unit))
		}
		return app.Td().Class("num").Body(el)
	}
	return app.Tr().Body(app.Th().Scope("row").Text(label),
		cell("a", a, label+" in A"), cell("b", b, label+" in B"), cell("difference", difference, "B − A"))
}

// StaticChart is a chart whose option is given.
type StaticChart struct {
	app.Compo
	Option, Label string
}

// Render draws the container.
func (c *StaticChart) Render() app.UI {
	return app.Div().Class("chart").Attr("role", "img").Aria("label", c.Label)
}

// OnMount draws the chart.
func (c *StaticChart) OnMount(ctx app.Context) { drawChart(c.JSValue(), c.Option) }

// OnUpdate redraws it with a new option.
func (c *StaticChart) OnUpdate(ctx app.Context) { drawChart(c.JSValue(), c.Option) }

// OnDismount releases the ECharts instance.
func (c *StaticChart) OnDismount() { disposeChart(c.JSValue()) }
