package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/charts"
	"planner/model"
)

// Chart is a chart of the report, drawn by the page's ECharts from an
// option built in Go. Its option is built in a task of its own once the
// figures are on screen: an edit or a page shows its numbers first and its
// charts a moment later.
type Chart struct {
	app.Compo
	// Session holds the report drawn, Revision its evaluation: comparing
	// these is cheap where comparing reports is not. Kind names the chart;
	// Function is the function of per-function charts.
	Session  *session
	Revision int
	Kind     string
	Function int
	// Label describes the chart for assistive technology.
	Label string
}

// Kinds of chart.
const (
	memoryChart      = "memory"
	coldStartChart   = "cold-start"
	concurrencyChart = "concurrency"
	costByFnChart    = "cost-by-function"
	costShareChart   = "cost-share"
	projectionsChart = "projections"
	alertsChart      = "alerts"
)

// option builds the chart's ECharts option.
func (c *Chart) option() string {
	if c.Session == nil || c.Session.report == nil {
		return "{}"
	}
	r := c.Session.report
	if r == nil {
		return "{}"
	}
	fn := func() *model.FunctionReport {
		if c.Function >= 0 && c.Function < len(r.Functions) {
			return &r.Functions[c.Function]
		}
		return nil
	}
	switch c.Kind {
	case memoryChart, coldStartChart, concurrencyChart:
		f := fn()
		if f == nil {
			return "{}"
		}
		switch c.Kind {
		case memoryChart:
			return charts.MemoryCurve(f)
		case coldStartChart:
			return charts.ColdStartScenarios(f)
		}
		return charts.Concurrency(r, c.Function)
	case costByFnChart:
		return charts.CostByFunction(r)
	case costShareChart:
		return charts.CostShare(r)
	case projectionsChart:
		return charts.Projections(r)
	case alertsChart:
		return charts.Alerts(r)
	}
	return "{}"
}

// Render draws the chart's container; ECharts fills it.
func (c *Chart) Render() app.UI {
	return app.Div().Class("chart").Attr("role", "img").Aria("label", c.Label)
}

// OnMount draws the chart (drawLater).
func (c *Chart) OnMount(ctx app.Context) { c.drawLater(ctx) }

// OnUpdate redraws the chart (drawLater).
func (c *Chart) OnUpdate(ctx app.Context) { c.drawLater(ctx) }

// drawLater builds the option after the task that shows the figures (the
// page yields first; no re-render follows) and ECharts draws it in an
// animation frame.
func (c *Chart) drawLater(ctx app.Context) {
	ctx.Async(func() {
		yieldToPage()
		if c.Mounted() {
			c.draw()
		}
	})
}

// OnDismount releases the ECharts instance.
func (c *Chart) OnDismount() { disposeChart(c.JSValue()) }

func (c *Chart) draw() { drawChart(c.JSValue(), c.option()) }

// drawChart hands an option to the page's chart script.
func drawChart(el app.Value, option string) {
	if charts := app.Window().Get("plannerCharts"); charts.Truthy() {
		charts.Call("render", el, option)
	}
}

// disposeChart releases a chart's ECharts instance.
func disposeChart(el app.Value) {
	if charts := app.Window().Get("plannerCharts"); charts.Truthy() {
		charts.Call("dispose", el)
	}
}

// download offers text as a file.
func download(name, mime, text string) {
	if d := app.Window().Get("plannerDownload"); d.Truthy() {
		d.Invoke(name, mime, text)
	}
}
