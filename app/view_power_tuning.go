package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// architecturesTable compares the cheapest measured size on each
// architecture the function was measured on (Power Tuning runs on x86 and
// Arm).
func architecturesTable(i int, options []model.ArchitectureOption) app.UI {
	if len(options) == 0 {
		return app.Div().Class("architectures-slot")
	}
	return app.Div().Class("architectures-slot").Body(
		tableRegion("Cheapest measured size on each architecture", app.Table(),
			columns("Architecture", "Memory", "Duration", "Monthly cost"),
			app.TBody().Body(app.Range(options).Slice(func(j int) app.UI {
				o := options[j]
				key := fmt.Sprintf("functions.%d.architectures.%d.", i, j)
				label := string(o.Architecture)
				if o.Current {
					label += " (current)"
				}
				return app.Tr().Class(classes("current-row", o.Current)).Body(
					app.Th().Scope("row").Text(label),
					cell(key+"memory_mb", float64(o.MemoryMb), "MB", "the measured size with the lowest monthly cost"),
					cell(key+"execution_time_ms", o.ExecutionTimeMs, "ms", "measured mean duration"),
					cell(key+"monthly_cost", o.MonthlyCost, "USD/month", "(GB × s × the architecture's duration price + request price) × invocations"),
				)
			})),
		),
	)
}

// powerTuningPanel reads Power Tuning results into the function's measured
// durations and draws its measured curve back as a Power Tuning link.
func (p *Planner) powerTuningPanel(fr *model.FunctionReport) app.UI {
	link := model.PowerTuningLink(fr)
	read := func(ctx app.Context, name, text string) {
		p.applyPowerTuning(ctx, model.NamedFile{Name: name, Data: []byte(text)})
	}
	return app.Div().Class("power-tuning").Body(
		app.Label().For("power-tuning-link").Text("AWS Lambda Power Tuning results"),
		app.Div().Class("files").Body(
			app.Input().Type("url").ID("power-tuning-link").Placeholder("https://lambda-power-tuning.show/#…").
				Attr("autocomplete", "off").Aria("describedby", "power-tuning-help").
				OnKeyUp(func(ctx app.Context, e app.Event) {
					if e.Get("key").String() == "Enter" {
						read(ctx, "the Power Tuning link", ctx.JSSrc().Get("value").String())
					}
				}),
			app.Button().Type("button").Class("small").ID("power-tuning-read").Text("Use these measurements").
				OnClick(func(ctx app.Context, e app.Event) {
					read(ctx, "the Power Tuning link", app.Window().GetElementByID("power-tuning-link").Get("value").String())
				}),
			app.If(link != "", func() app.UI {
				return app.A().Href(link).Target("_blank").Rel("noopener noreferrer").ID("power-tuning-open").
					Title("Opens lambda-power-tuning.show; the measured sizes travel in the link's fragment").
					Text("Open the measured curve in Power Tuning ↗")
			}),
		),
		app.P().ID("power-tuning-help").Class("help").Text("Paste the visualization link, or drop the state machine's output JSON on the page: the measured sizes become this function's "+
			"measured durations on its architecture (Undo takes them back). A comparison link of two runs, x86 and arm64, compares the architectures."),
	)
}
