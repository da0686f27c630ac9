package app

import (
	"encoding/json"
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/charts"
	"planner/app/interop"
	"planner/model"
	"planner/model/platform"
)

// Clouds is the scenario on every platform: bills by meter, instances,
// cold starts and p99, the cost against traffic with its crossovers, and
// two platforms side by side. platform.Compare runs in the interop worker
// (model.Clouds); its figures' document is data-source "clouds", the pair's
// "clouds-pair/A/B".
type Clouds struct {
	app.Compo
	Session  *session
	Revision int
	// Tell shows a notice.
	Tell func(notice)

	comparison *platform.Comparison
	chart      string
	// page pages the functions of the per-function table.
	page pager
	// shareText is the CPU-bound share as typed (percent); problem says
	// why it is not used.
	shareText, problem string
	// freeTier is the user's choice (nil: the scenario's pricing.free_tier).
	freeTier     *bool
	a, b         string
	asked, shown string // the request last sent, and the one on screen
	notice       string
}

const cloudsSource = "clouds"

// assumptions are the user's, or the problem with the share typed.
func (c *Clouds) assumptions() (platform.Assumptions, string) {
	a := platform.DefaultAssumptions()
	if s := c.Session.scenario; s != nil {
		a = model.CloudsAssumptions(s)
	}
	if c.freeTier != nil {
		a.FreeTier = *c.freeTier
	}
	if t := strings.TrimSpace(c.shareText); t != "" {
		v, err := strconv.ParseFloat(t, 64)
		if err != nil || !(v >= 0 && v <= 100) {
			return a, "the CPU-bound share must be a number from 0 to 100 (%)"
		}
		a.CPUBoundShare = v / 100
	}
	return a, ""
}

// OnMount compares the platforms.
func (c *Clouds) OnMount(ctx app.Context) { c.solve(ctx) }

// OnUpdate compares them again for a new scenario.
func (c *Clouds) OnUpdate(ctx app.Context) { c.solve(ctx) }

// solve asks the worker for the comparison once the scenario or the
// assumptions have settled; the last comparison stays on screen meanwhile.
func (c *Clouds) solve(ctx app.Context) {
	a, problem := c.assumptions()
	c.problem = problem
	if problem != "" || c.Session.scenario == nil {
		return
	}
	key := fmt.Sprint(c.Revision, a.CPUBoundShare, a.FreeTier)
	if key == c.asked {
		return
	}
	doc, err := json.Marshal(c.Session.scenario)
	if err != nil {
		c.notice = "The scenario could not be written: " + err.Error()
		return
	}
	c.asked = key
	ctx.After(labSettle, func(ctx app.Context) {
		if c.asked != key {
			return
		}
		callInterop(ctx, interop.Request{Op: interop.OpClouds, Scenario: doc, Assumptions: &a}, func(ctx app.Context, resp interop.Response) {
			switch {
			case c.asked != key:
			case resp.Problems != "" || resp.Clouds == nil:
				c.notice = "The platforms could not be compared: " + resp.Problems
			default:
				c.comparison, c.chart, c.shown, c.notice = resp.Clouds, charts.CloudCosts(*resp.Clouds), key, ""
			}
		})
	})
}

// Render draws the assumptions and, once computed, the comparison.
func (c *Clouds) Render() app.UI {
	body := []app.UI{
		app.H2().Text("Clouds: this scenario on every platform"),
		c.assumptionsForm(),
		app.If(c.notice != "", func() app.UI { return app.P().Class("error").Attr("role", "alert").Text(c.notice) }),
	}
	cmp := c.comparison
	if cmp == nil {
		return app.Div().Class("clouds").Body(append(body, app.P().Attr("role", "status").Text("Pricing the scenario on every platform…"))...)
	}
	notes := notesOf(cmp)
	if c.shown != c.asked {
		body = append(body, app.P().Class("stale-notice").Attr("role", "status").Text("Updating: these figures are of the previous scenario or assumptions."))
	}
	return app.Div().Class("clouds").Body(append(body,
		app.P().Class("profile-note").Text(cmp.Model),
		c.platformTable(cmp),
		app.If(len(cmp.Crossovers) > 0, func() app.UI {
			return app.Ul().Class("crossovers").Aria("label", "Crossovers").Body(app.Range(cmp.Crossovers).Slice(func(i int) app.UI {
				return app.Li().Text(cmp.Crossovers[i].Text + ".")
			}))
		}).Else(func() app.UI {
			return app.P().Text("The cheapest platform is the same from ×0.1 to ×100 today's traffic.")
		}),
		app.Div().Class("charts").Body(&StaticChart{Option: c.chart,
			Label: "Monthly cost of each platform against the mean request rate, log scales; a month within a free tier ($0) is not drawn"}),
		c.functionTable(cmp),
		app.If(len(cmp.Platforms) > 0, func() app.UI { return c.page.more("functions", len(cmp.Platforms[0].Functions)) }),
		c.pairTable(cmp),
		app.H3().Text("Bills by meter"),
		app.Range(cmp.Platforms).Slice(func(i int) app.UI { return c.meterTable(i, &cmp.Platforms[i]) }),
		app.If(len(notes) > 0, func() app.UI {
			return app.Ul().Class("opportunities").Aria("label", "Notes").Body(app.Range(notes).Slice(func(i int) app.UI { return app.Li().Text(notes[i]) }))
		}),
	)...)
}

// assumptionsForm edits how functions move between platforms.
func (c *Clouds) assumptionsForm() app.UI {
	a, _ := c.assumptions()
	return app.Div().Class("sim-controls").Body(
		app.Div().Class("field").Body(
			app.Label().For("clouds-cpu-share").Text("CPU-bound share of each request (%)"),
			app.Input().Type("text").ID("clouds-cpu-share").Attr("inputmode", "decimal").Attr("autocomplete", "off").
				Placeholder(fmt.Sprint(platform.DefaultAssumptions().CPUBoundShare*100)).Value(c.shareText).
				Aria("invalid", c.problem != "").Aria("describedby", "clouds-cpu-share-help").
				OnInput(func(ctx app.Context, e app.Event) { c.shareText = ctx.JSSrc().Get("value").String(); c.solve(ctx) }),
			app.Small().ID("clouds-cpu-share-help").Class(classes("help", true, "error", c.problem != "")).Text(strings.TrimSpace(c.problem+
				" The part of a request's duration that scales with the CPU a platform gives; the rest waits on I/O.")),
		),
		app.Div().Class("field toggle").Body(
			app.Input().Type("checkbox").ID("clouds-free-tier").Attr("role", "switch").Checked(a.FreeTier).
				OnChange(func(ctx app.Context, e app.Event) {
					free := ctx.JSSrc().Get("checked").Bool()
					c.freeTier = &free
					c.solve(ctx)
				}),
			app.Label().For("clouds-free-tier").Text("Apply each platform's monthly free tier (once per account)"),
		),
	)
}

// platformTable is the application on each platform.
func (c *Clouds) platformTable(cmp *platform.Comparison) app.UI {
	cheapest, own := cmp.Cheapest(""), cmp.Own
	return tableRegion("The scenario on each platform, a month at today's traffic", app.Table(),
		columns("Platform", "Region", "Monthly bill", "Instances (mean)", "Cold-start rate", "Slowest p99", "Run the scenario there"),
		app.TBody().Body(app.Range(cmp.Platforms).Slice(func(i int) app.UI {
			r := &cmp.Platforms[i]
			name := r.Name
			switch {
			case r.Platform == own && r.Platform == cheapest:
				name += " (this scenario's, cheapest)"
			case r.Platform == own:
				name += " (this scenario's)"
			case r.Platform == cheapest:
				name += " (cheapest)"
			}
			at := func(key string) string { return fmt.Sprintf("platforms.%d.%s", i, key) }
			return app.Tr().Class(classes("current-row", r.Platform == cheapest)).Body(
				app.Th().Scope("row").Text(name), app.Td().Text(r.Region),
				cloudsCell(at("monthly_usd"), r.MonthlyUSD, "USD/month", "every meter of the month, free grants applied once per account"),
				cloudsCell(at("avg_instances"), r.Instances, "instances", "mean instances alive, all functions: busy requests ÷ requests per instance, and idle ones kept warm"),
				cloudsCell(at("cold_start_rate"), r.ColdStartRate, "fraction", "cold starts ÷ requests, all functions: the keep-alive model with the platform's idle retention, or on the scenario's own platform its keep-alive and the rate it gives"),
				cloudsCell(at("p99_latency_ms"), r.P99Ms, "ms", "the slowest function's p99: its warm durations (as given on the scenario's own platform, elsewhere scaled by the CPU it gets) mixed with cold ones by its cold-start rate"),
				app.Td().Body(app.If(r.Platform != own, func() app.UI {
					id, name := r.Platform, r.Name
					return app.Button().Type("button").Class("small").Text("Run here").Aria("label", "Run the scenario on "+name).
						Title("Make " + name + " the scenario's platform: its durations, keep-alive and bill are then " + name + "'s").
						OnClick(func(ctx app.Context, e app.Event) { c.runOn(id, name) })
				}).Else(func() app.UI { return app.Text("This scenario's") })),
			)
		})),
	)
}

// runOn makes platform id the scenario's own (its region the platform's
// first), as one step Undo takes back, and says what the change did.
func (c *Clouds) runOn(id, name string) {
	pricing, _ := get(c.Session.document(), path{}.key("pricing")).(map[string]any)
	next := maps.Clone(pricing)
	if next == nil {
		next = map[string]any{}
	}
	next["platform"] = id
	delete(next, "region")
	c.Session.replace(path{}.key("pricing"), next)
	if n := len(c.Session.problems); n > 0 {
		c.Tell(notice{Text: fmt.Sprintf("On %s, %s of the scenario must change first (%s): see the form. The figures are still the last valid ones; Undo takes the change back.",
			name, plural(n, "setting"), c.Session.problems[0].Message), Bad: true})
		return
	}
	c.Tell(notice{Text: "The scenario now runs on " + name + ": its functions' bill and cold starts are " + name + "'s. Undo takes it back."})
}

// functionTable is each function's share of each platform's bill.
func (c *Clouds) functionTable(cmp *platform.Comparison) app.UI {
	if len(cmp.Platforms) == 0 {
		return app.Div()
	}
	head := []string{"Function"}
	for _, r := range cmp.Platforms {
		head = append(head, r.Name)
	}
	return tableRegion("Each function's monthly cost by platform (its own meters; free grants shared in proportion)", app.Table(),
		columns(head...),
		app.TBody().Body(app.Range(cmp.Platforms[0].Functions[:c.page.rows(len(cmp.Platforms[0].Functions))]).Slice(func(k int) app.UI {
			row := []app.UI{app.Th().Scope("row").Text(cmp.Platforms[0].Functions[k].Name)}
			for i := range cmp.Platforms {
				f := &cmp.Platforms[i].Functions[k]
				row = append(row, cloudsCell(fmt.Sprintf("platforms.%d.functions.%d.monthly_usd", i, k), f.MonthlyUSD, "USD/month", configText(f)))
			}
			return app.Tr().Body(row...)
		})),
	)
}

// configText says how a function runs on a platform.
func configText(f *platform.FunctionOn) string {
	cfg := f.Config
	text := fmt.Sprintf("%s MB, %s vCPU, %s per instance, %s ms mean on this CPU, %s cold starts",
		fmtNumber(cfg.MemoryMb, 0), fmtNumber(cfg.VCPU, 2), plural(cfg.Concurrency, "request"), fmtNumber(cfg.DurationMs, 1), formatValue(f.ColdStartRate, "fraction"))
	if cfg.Note != "" {
		text += "; " + cfg.Note
	}
	return text
}

// pairTable puts the scenario on two chosen platforms side by side.
func (c *Clouds) pairTable(cmp *platform.Comparison) app.UI {
	// A is the scenario's own platform and B the cheapest other one until
	// chosen.
	a, b := c.a, c.b
	if a == "" {
		a = cmp.Own
	}
	if b == "" {
		b = cmp.Cheapest(a)
	}
	pair, ok := cmp.Pair(a, b)
	choices := make([]compareChoice, len(cmp.Platforms))
	for i, r := range cmp.Platforms {
		choices[i] = compareChoice{r.Platform, r.Name}
	}
	body := []app.UI{
		app.H3().Text("Two platforms side by side"),
		app.Div().Class("compare-pickers").Body(
			choicePicker("clouds-a", "Platform A", a, choices, func(id string) { c.a = id }),
			choicePicker("clouds-b", "Platform B", b, choices, func(id string) { c.b = id })),
	}
	if !ok {
		return app.Div().Body(body...)
	}
	source := "clouds-pair/" + pair.A + "/" + pair.B
	rows := make([]app.UI, 0, len(pair.Totals)+len(pair.Functions))
	for i, f := range pair.Totals {
		l := pairLabels[i]
		rows = append(rows, comparedRow(source, "totals", i, f.A, f.B, f.Difference, l[0], l[1]))
	}
	for i, f := range pair.Functions {
		rows = append(rows, comparedRow(source, "functions", i, f.A, f.B, f.Difference, f.Key+" (monthly cost)", "USD/month"))
	}
	return app.Div().Body(append(body, comparedTable("A against B", rows))...)
}

// pairLabels name a pair's totals (platform.PairKeys) and give their units.
var pairLabels = [4][2]string{{"Monthly bill", "USD/month"}, {"Instances (mean)", "instances"}, {"Cold-start rate", "fraction"}, {"Slowest p99", "ms"}}

// meterTable is one platform's bill, meter by meter.
func (c *Clouds) meterTable(i int, r *platform.Result) app.UI {
	return tableRegion(fmt.Sprintf("%s (%s): %s", r.Name, r.Region, formatValue(r.MonthlyUSD, "USD/month")), app.Table(),
		columns("Meter", "Quantity", "Unit price", "USD/month"),
		app.TBody().Body(app.Range(r.Lines).Slice(func(j int) app.UI {
			l := &r.Lines[j]
			at := func(key string) string { return fmt.Sprintf("platforms.%d.lines.%d.%s", i, j, key) }
			return app.Tr().Body(app.Th().Scope("row").Text(l.Meter),
				cloudsCell(at("quantity"), l.Quantity, l.Unit, l.Meter+" in the month"),
				cloudsCell(at("unit_price_usd"), l.UnitPriceUSD, "USD", "per "+l.Unit+", from the platform's price catalogue"),
				cloudsCell(at("usd"), l.USD, "USD/month", "quantity × unit price"))
		})),
	)
}

// notesOf lists what does not fit on each platform.
func notesOf(cmp *platform.Comparison) []string {
	var notes []string
	for _, r := range cmp.Platforms {
		for _, n := range r.Notes {
			notes = append(notes, r.Name+": "+n)
		}
	}
	return notes
}

// cloudsCell is a table cell holding a number of the comparison.
func cloudsCell(metric string, v float64, unit, explain string) app.UI {
	return app.Td().Class("num").Body(figure{Metric: metric, Value: v, Unit: unit, Explain: explain}.cellElement().DataSet("source", cloudsSource))
}
