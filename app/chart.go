package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Chart is a chart drawn by the page's ECharts from an option built in Go.
type Chart struct {
	app.Compo
	// Option is the ECharts option JSON.
	Option string
	// Label describes the chart for assistive technology.
	Label string
}

// Render draws the chart's container; ECharts fills it once mounted.
func (c *Chart) Render() app.UI {
	return app.Div().Class("chart").Attr("role", "img").Aria("label", c.Label)
}

// OnMount draws the chart.
func (c *Chart) OnMount(ctx app.Context) { c.draw() }

// OnUpdate redraws the chart with a new option.
func (c *Chart) OnUpdate(ctx app.Context) { c.draw() }

// OnDismount releases the ECharts instance.
func (c *Chart) OnDismount() {
	if charts := app.Window().Get("plannerCharts"); charts.Truthy() {
		charts.Call("dispose", c.JSValue())
	}
}

func (c *Chart) draw() {
	if charts := app.Window().Get("plannerCharts"); charts.Truthy() {
		charts.Call("render", c.JSValue(), c.Option)
	}
}

// download offers text as a file.
func download(name, mime, text string) {
	if d := app.Window().Get("plannerDownload"); d.Truthy() {
		d.Invoke(name, mime, text)
	}
}
