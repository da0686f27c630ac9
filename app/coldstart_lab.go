package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/charts"
	"planner/model"
	"planner/model/pricing"
)

// ColdStartLab shows a function's cold starts by the three methods side by
// side: the rate given (the spec's rule), the keep-alive model of its day,
// and a simulated day run on request, with the model's curves
// (model.CompareColdStartMethods). The model and the simulation run off the
// update (the simulation in slices, yielding to the page), so the page never
// freezes and shows progress.
type ColdStartLab struct {
	app.Compo
	Session  *session
	Revision int
	Function int

	methods  *model.ColdStartMethods
	curves   string
	sim      *model.FunctionSimulation
	progress float64 // 0..1 while a simulation runs
	running  bool
	// stopped is a simulation the user cancelled.
	stopped bool
	solved  int // the revision the model was solved for
}

// labSettle is how long the scenario must stay unchanged before the lab
// solves it.
const labSettle = 300 * time.Millisecond

// methodsSource names the lab's figures' document (data-source): the
// cold-start methods of each function, a list in the scenario's order.
const methodsSource = "cold-start-methods"

func (c *ColdStartLab) function() (*model.Function, *model.FunctionReport, bool) {
	return c.Session.function(c.Function)
}

// OnMount solves the model.
func (c *ColdStartLab) OnMount(ctx app.Context) { c.solve(ctx) }

// OnUpdate solves the model again for the new scenario; a simulation of an
// older scenario is dropped.
func (c *ColdStartLab) OnUpdate(ctx app.Context) {
	c.sim = nil
	c.solve(ctx)
}

// solve runs the keep-alive model of the function's day and its curves off
// the update, yielding between solves.
func (c *ColdStartLab) solve(ctx app.Context) {
	f, fr, ok := c.function()
	if !ok || c.solved == c.Revision {
		return
	}
	c.solved = c.Revision
	revision := c.Revision
	ended := working()
	ctx.Async(func() {
		time.Sleep(labSettle) // typing on: solve only the scenario that stays
		if c.Revision != revision {
			ctx.Dispatch(func(ctx app.Context) { ended() })
			return
		}
		methods := model.CompareColdStartMethods(c.Session.keepAlive.solve, f, fr, func() { time.Sleep(time.Millisecond) })
		option := charts.ColdStartCurves(methods.Curves)
		ctx.Dispatch(func(ctx app.Context) {
			ended()
			if c.Revision == revision {
				c.methods, c.curves = &methods, option
			}
		})
	})
}

// simulate runs a simulated day in slices, showing progress. It is the
// report's simulated day (same input, seeded by the function's name).
func (c *ColdStartLab) simulate(ctx app.Context, e app.Event) {
	f, fr, ok := c.function()
	if !ok || c.running {
		return
	}
	s := c.Session
	profile, _ := pricing.LookupProfile(s.scenario.Pricing.Profile)
	arch, revision := s.scenario.ArchitectureOf(f), c.Revision
	c.running, c.progress, c.sim, c.stopped = true, 0, nil, false
	ended := working()
	ctx.Async(func() {
		started := time.Now()
		input := model.FunctionSimulationInput(f, fr, f.KeepAliveMinutes, model.NameSeed(f.Name))
		input.Progress = func(done, total int) {
			if done%30 == 0 {
				ctx.Dispatch(func(ctx app.Context) { c.progress = float64(done) / float64(total) })
				time.Sleep(time.Millisecond) // yield to the page
			}
		}
		input.Stop = func() bool { return c.stopped }
		result := model.SimulateWith(profile, arch, f, input)
		elapsed := time.Since(started)
		ctx.Dispatch(func(ctx app.Context) {
			c.running = false
			ended()
			if c.Revision == revision && !c.stopped {
				c.sim = &result
				c.sim.ElapsedMs = float64(elapsed.Milliseconds())
				s.storeSimulation(input, result.Result) // the report's day, should the method become "simulated"
			}
		})
	})
}

// Render draws the methods table, the curves and the simulation.
func (c *ColdStartLab) Render() app.UI {
	f, fr, ok := c.function()
	if !ok {
		return app.Div().Class("cold-start-lab")
	}
	pending := func() app.UI { return app.Td().Class("num").Aria("label", "computing").Text("…") } // one element per cell
	modelRate, modelInstances := pending(), pending()
	if c.methods != nil {
		modelRate = methodCell(c.metric("model.cold_start_probability"), c.methods.Model.ColdStartProbability, "fraction",
			"share of the day's requests that start cold: each hour at steady state, weighted by its requests")
		modelInstances = methodCell(c.metric("model.avg_instances"), c.methods.Model.AvgInstances, "instances", "instances alive, mean over the day's hours")
	}
	simRate, simInstances, simLatency := app.UI(app.Td().Text("not run")), app.UI(app.Td()), app.UI(app.Td())
	if c.sim != nil {
		r := c.sim.Result
		simRate = methodCell(c.metric("simulated.result.cold_start_probability"), r.ColdStartProbability, "fraction", "cold starts ÷ requests served")
		simInstances = methodCell(c.metric("simulated.result.avg_instances"), r.AvgInstances, "instances", "alive instance-seconds ÷ seconds of the day")
		simLatency = app.Td().Body(
			app.Text("p50 "), methodFigure(c.metric("simulated.result.latency_p50_ms"), r.LatencyP50Ms, "ms", "median latency, cold starts included"),
			app.Text(", p95 "), methodFigure(c.metric("simulated.result.latency_p95_ms"), r.LatencyP95Ms, "ms", "95th-percentile latency"),
			app.Text(", p99 "), methodFigure(c.metric("simulated.result.latency_p99_ms"), r.LatencyP99Ms, "ms", "99th-percentile latency"),
			app.Text("; "), methodFigure(c.metric("simulated.result.throttles"), float64(r.Throttles), "", "requests throttled"), app.Text(" throttled"),
		)
	}
	used := fr.ColdStartRate.Method
	tooBusy := model.SimulationTooBusy(fr.Traffic.RequestsPerDay())
	row := func(method, label string, rate, instances, note app.UI) app.UI {
		return app.Tr().Class(classes("current-row", method == used)).Body(app.Th().Scope("row").Text(label), rate, instances, note)
	}
	return app.Div().Class("cold-start-lab").Body(
		tableRegion(fmt.Sprintf("Cold starts of %s by method (keep-alive %g min); the highlighted one feeds the figures above", f.Name, f.KeepAliveMinutes), app.Table(),
			columns("Method", "Cold-start rate", "Instances", "Notes"),
			app.TBody().Body(
				row(model.ColdStartReference, "Rate given (spec rule)", methodCell(c.metric("given"), f.ColdStartRate, "fraction", "the cold_start_rate input"),
					app.Td(), app.Td().Text("the cold_start_rate input")),
				row(model.ColdStartModel, "Keep-alive model", modelRate, modelInstances, app.Td().Text("each hour of the day at steady state, weighted by its requests")),
				row(model.ColdStartSimulated, "Simulated day", simRate, simInstances, simLatency),
			),
		),
		app.Div().Class("sim-controls").Body(
			app.Button().Type("button").Class("primary").Text("Simulate a day").Disabled(c.running || tooBusy != "").OnClick(c.simulate),
			app.If(tooBusy != "", func() app.UI { return app.Small().Text("Not simulated: " + tooBusy + ".") }),
			app.If(c.running, func() app.UI {
				return longWork("Simulated day", c.progress, func(ctx app.Context, e app.Event) { c.stopped = true })
			}),
			app.If(c.stopped && !c.running, func() app.UI { return app.Small().Attr("role", "status").Text("Simulation cancelled.") }),
			app.If(c.sim != nil, func() app.UI {
				return app.Small().Text(fmtNumber(float64(c.sim.Result.Arrivals), 0) + " requests simulated in " + fmtNumber(c.sim.ElapsedMs, 0) + " ms")
			}),
		),
		app.If(c.methods != nil, func() app.UI {
			curves := c.methods.Curves
			keepAlives := make([]float64, len(curves.Curves))
			for i, k := range curves.Curves {
				keepAlives[i] = k.KeepAliveMinutes
			}
			return app.Div().Class("charts").Body(&StaticChart{Option: c.curves, Label: fmt.Sprintf(
				"Cold-start probability by request rate for keep-alives of %s minutes; the point is %s at its mean rate and keep-alive",
				listOf(keepAlives), f.Name)})
		}),
		app.If(c.sim != nil, func() app.UI {
			return app.Div().Class("charts two").Body(
				&StaticChart{Option: charts.InstancesOverDay(&c.sim.Result), Label: "Simulated instances over the day"},
				&StaticChart{Option: charts.LatencyPercentiles(&c.sim.Result), Label: "Simulated latency percentiles"},
			)
		}),
	)
}

// metric is the path of a figure of the function's methods in the list of
// every function's.
func (c *ColdStartLab) metric(path string) string { return strconv.Itoa(c.Function) + "." + path }

// methodFigure is a number of the cold-start methods (not of the report).
func methodFigure(metric string, v float64, unit, explain string) app.UI {
	return figure{Metric: metric, Value: v, Unit: unit, Explain: explain}.cellElement().DataSet("source", methodsSource)
}

// methodCell is a table cell holding a number of the cold-start methods.
func methodCell(metric string, v float64, unit, explain string) app.UI {
	return app.Td().Class("num").Body(methodFigure(metric, v, unit, explain))
}

// listOf writes numbers as "1, 5, 10 and 30".
func listOf(values []float64) string {
	words := make([]string, len(values))
	for i, v := range values {
		words[i] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
