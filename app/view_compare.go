package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/charts"
	"planner/model"
)

// compareView puts two scenarios side by side: totals, per-function
// differences and a chart of where the difference comes from. Its numbers
// are not the current report's, so they carry no data-metric.
func (p *Planner) compareView() app.UI {
	if p.compareA == "" {
		p.compareA = "current"
	}
	if p.compareB == "" {
		p.compareB = "preset:e-commerce"
	}
	options := p.comparables()
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
	a, errA := p.comparedReport(p.compareA)
	b, errB := p.comparedReport(p.compareB)
	body := []app.UI{
		app.H2().Text("Compare"),
		app.Div().Class("compare-pickers").Body(picker("compare-a", "Scenario A", &p.compareA), picker("compare-b", "Scenario B", &p.compareB)),
	}
	if a == nil || b == nil {
		return app.Div().Body(append(body, app.P().Class("error").Text("Cannot compare: "+errA+errB))...)
	}
	deltas := functionDeltas(a, b)
	row := func(label string, va, vb float64, unit string) app.UI {
		return app.Tr().Body(app.Th().Scope("row").Text(label), app.Td().Class("num").Text(formatValue(va, unit)),
			app.Td().Class("num").Text(formatValue(vb, unit)), app.Td().Class("num").Text(signed(vb-va, unit)))
	}
	ta, tb := a.TotalSummary, b.TotalSummary
	return app.Div().Body(append(body,
		tableRegion("Totals", app.Table(),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Figure"), app.Th().Scope("col").Text("A"),
				app.Th().Scope("col").Text("B"), app.Th().Scope("col").Text("B − A"))),
			app.TBody().Body(
				row("Monthly bill", ta.TotalMonthlyCost, tb.TotalMonthlyCost, "USD/month"),
				row("Lambda", ta.LambdaCost, tb.LambdaCost, "USD/month"),
				row("Supporting services", ta.SupportingServicesCost, tb.SupportingServicesCost, "USD/month"),
				row("Global services", ta.GlobalServicesCost, tb.GlobalServicesCost, "USD/month"),
				row("Compliance", ta.ComplianceCost, tb.ComplianceCost, "USD/month"),
				row("Invocations", ta.TotalMonthlyInvocations, tb.TotalMonthlyInvocations, "/month"),
				row("Cost per invocation", ta.CostPerInvocation, tb.CostPerInvocation, "USD"),
				row("Peak concurrency", ta.PeakConcurrentExecutions, tb.PeakConcurrentExecutions, "instances"),
			),
		),
		tableRegion("Functions (matched by name; a function in one scenario only costs 0 in the other)", app.Table(),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Function"), app.Th().Scope("col").Text("A"),
				app.Th().Scope("col").Text("B"), app.Th().Scope("col").Text("B − A"))),
			app.TBody().Body(app.Range(deltas).Slice(func(i int) app.UI {
				d := deltas[i]
				return row(d.Name, d.A, d.B, "USD/month")
			})),
		),
		app.Div().Class("charts").Body(&StaticChart{Option: charts.CompareCosts(a, b, deltas), Label: "Where the cost difference between A and B comes from"}),
	)...)
}

// functionDeltas pairs the functions of two reports by name, A's order first.
func functionDeltas(a, b *model.Report) []charts.FunctionDelta {
	index := map[string]int{}
	var out []charts.FunctionDelta
	for _, f := range a.Functions {
		index[f.Name] = len(out)
		out = append(out, charts.FunctionDelta{Name: f.Name, A: f.TotalMonthlyCost})
	}
	for _, f := range b.Functions {
		if i, ok := index[f.Name]; ok {
			out[i].B = f.TotalMonthlyCost
		} else {
			out = append(out, charts.FunctionDelta{Name: f.Name, B: f.TotalMonthlyCost})
		}
	}
	return out
}

func signed(v float64, unit string) string {
	s := formatValue(v, unit)
	if v > 0 {
		return "+" + s
	}
	return s
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
