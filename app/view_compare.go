package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/charts"
	"planner/model"
)

// Compare puts two scenarios side by side: totals, per-function
// differences and a chart of where the difference comes from. Its numbers
// are those of model.CompareReports (data-source "compare"); the scenarios
// chosen are evaluated once, again only when a saved one changes.
type Compare struct {
	app.Compo
	// Report is the current scenario's report (nil while it has problems).
	Report  *model.Report
	Library []savedScenario

	a, b  string
	sides map[string]comparedSide
}

// compareSource names the comparison's figures' document (data-source).
const compareSource = "compare"

// comparedTotals label the totals of a comparison, by key.
var comparedTotals = map[string]struct{ label, unit string }{
	"total_monthly_cost":         {"Monthly bill", "USD/month"},
	"lambda_cost":                {"Lambda", "USD/month"},
	"supporting_services_cost":   {"Supporting services", "USD/month"},
	"global_services_cost":       {"Global services", "USD/month"},
	"compliance_cost":            {"Compliance", "USD/month"},
	"total_monthly_invocations":  {"Invocations", "/month"},
	"cost_per_invocation":        {"Cost per invocation", "USD"},
	"peak_concurrent_executions": {"Peak concurrency", "instances"},
}

// side is the evaluation of a chosen scenario, from the cache while it holds.
func (c *Compare) side(id string) comparedSide {
	if cached, ok := c.sides[id]; ok && cached.stillCurrent(id, c.Library) {
		return cached
	}
	side := evaluateChoice(id, c.Report, c.Library)
	if c.sides == nil {
		c.sides = map[string]comparedSide{}
	}
	c.sides[id] = side
	return side
}

// Render draws the pickers and the comparison.
func (c *Compare) Render() app.UI {
	if c.a == "" {
		c.a, c.b = "current", "preset:e-commerce"
	}
	options := comparables(c.Library)
	picker := func(id, label string, current *string) app.UI {
		return app.Div().Class("field").Body(
			app.Label().For(id).Text(label),
			app.Select().ID(id).OnChange(func(ctx app.Context, e app.Event) { *current = ctx.JSSrc().Get("value").String() }).
				Body(app.Range(options).Slice(func(i int) app.UI {
					o := options[i]
					return app.Option().Value(o.ID).Selected(o.ID == *current).Text(o.Label)
				})),
		)
	}
	a, b := c.side(c.a), c.side(c.b)
	body := []app.UI{
		app.H2().Text("Compare"),
		app.Div().Class("compare-pickers").Body(picker("compare-a", "Scenario A", &c.a), picker("compare-b", "Scenario B", &c.b)),
	}
	if a.report == nil || b.report == nil {
		return app.Div().Body(append(body, app.P().Class("error").Text("Cannot compare: "+a.problem+b.problem))...)
	}
	cmp := model.CompareReports(a.report, b.report)
	row := func(list string, i int, f model.ComparedFigure, label, unit string) app.UI {
		at := func(key string) string { return fmt.Sprintf("%s.%d.%s", list, i, key) }
		return app.Tr().Body(app.Th().Scope("row").Text(label),
			compareCell(at("a"), f.A, unit, label+" in A"), compareCell(at("b"), f.B, unit, label+" in B"),
			compareCell(at("difference"), f.Difference, unit, "B − A"))
	}
	return app.Div().Body(append(body,
		tableRegion("Totals", app.Table(),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Figure"), app.Th().Scope("col").Text("A"),
				app.Th().Scope("col").Text("B"), app.Th().Scope("col").Text("B − A"))),
			app.TBody().Body(app.Range(cmp.Totals).Slice(func(i int) app.UI {
				f := cmp.Totals[i]
				return row("totals", i, f, comparedTotals[f.Key].label, comparedTotals[f.Key].unit)
			})),
		),
		tableRegion("Functions (matched by name; a function in one scenario only costs 0 in the other)", app.Table(),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Function"), app.Th().Scope("col").Text("A"),
				app.Th().Scope("col").Text("B"), app.Th().Scope("col").Text("B − A"))),
			app.TBody().Body(app.Range(cmp.Functions).Slice(func(i int) app.UI {
				return row("functions", i, cmp.Functions[i], cmp.Functions[i].Key, "USD/month")
			})),
		),
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

// compareCell is a table cell holding a number of the comparison; a
// difference reads with its sign.
func compareCell(metric string, v float64, unit, explain string) app.UI {
	el := figure{Metric: metric, Value: v, Unit: unit, Explain: explain}.cellElement().DataSet("source", compareSource)
	if strings.HasSuffix(metric, ".difference") && v > 0 {
		el = el.Text("+" + formatValue(v, unit))
	}
	return app.Td().Class("num").Body(el)
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
