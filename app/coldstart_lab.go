package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/charts"
	"planner/model"
	"planner/model/keepalive"
	"planner/model/num"
	"planner/model/pricing"
)

// ColdStartLab shows a function's cold starts by the three methods side by
// side: the rate given (the spec's rule), the keep-alive model of its day,
// and a simulated day run on request. The model and the simulation run off
// the update (the simulation in slices, yielding to the page), so the page
// never freezes and shows progress.
type ColdStartLab struct {
	app.Compo
	Session  *session
	Revision int
	Function int

	day      *keepalive.Day
	curves   string
	sim      *model.FunctionSimulation
	progress float64 // 0..1 while a simulation runs
	running  bool
	solved   int // the revision the model was solved for
}

// labSettle is how long the scenario must stay unchanged before the lab
// solves it.
const labSettle = 300 * time.Millisecond

// labKeepAlives are the keep-alives the curves compare, minutes; the
// function's own joins them (curveKeepAlives).
var labKeepAlives = []float64{1, 5, 10, 30}

// curveKeepAlives returns labKeepAlives with own among them, in order.
func curveKeepAlives(own float64) []float64 {
	return withValue(labKeepAlives, own)
}

// curveRates returns the request rates of the curves, per second: steps of
// 1 and 3 per decade from 0.001 up to at least 30 and three times the
// function's peak hourly rate, and its mean rate (two significant digits)
// among them.
func curveRates(mean, peak float64) []float64 {
	var rates []float64
	top := max(30, 3*peak)
	for decade := 0.001; ; decade *= 10 {
		rates = append(rates, num.RoundSignificant(decade, 1))
		if decade >= top {
			break
		}
		rates = append(rates, num.RoundSignificant(3*decade, 1))
		if 3*decade >= top {
			break
		}
	}
	if mean <= 0 {
		return rates
	}
	return withValue(rates, num.RoundSignificant(mean, 2))
}

// withValue returns the ascending values with v inserted in order (a copy;
// v already there is not repeated).
func withValue(values []float64, v float64) []float64 {
	out := make([]float64, 0, len(values)+1)
	placed := false
	for _, x := range values {
		if !placed && x == v {
			placed = true
		} else if !placed && v < x {
			out, placed = append(out, v), true
		}
		out = append(out, x)
	}
	if !placed {
		out = append(out, v)
	}
	return out
}

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
	warm, cold := f.AvgExecutionTimeMs, f.AvgExecutionTimeMs+f.ColdStartDurationMs
	revision := c.Revision
	ctx.Async(func() {
		time.Sleep(labSettle) // typing on: solve only the scenario that stays
		if c.Revision != revision {
			return
		}
		memo := &c.Session.keepAlive
		day, _ := keepalive.SolveDay(memo.solver, fr.Traffic.RequestsPerHour, warm, cold, f.KeepAliveMinutes,
			float64(f.ProvisionedConcurrency), float64(f.AllocatedMemoryMb))
		mean, peak := fr.Traffic.RequestsPerDay()/86400, 0.0
		for _, r := range fr.Traffic.RequestsPerHour {
			peak = max(peak, r/3600)
		}
		rates := curveRates(mean, peak)
		here := charts.ColdStartPoint{Name: f.Name, Rate: num.RoundSignificant(mean, 2), KeepAliveMinutes: f.KeepAliveMinutes}
		keepAlives := curveKeepAlives(f.KeepAliveMinutes)
		curves := make([]charts.KeepAliveCurve, len(keepAlives))
		for i, k := range keepAlives {
			curves[i].KeepAliveMinutes = k
			for _, rate := range rates {
				r := memo.solve(keepalive.Input{ArrivalRatePerSecond: rate, WarmServiceTimeMs: warm,
					ColdServiceTimeMs: cold, KeepAliveMinutes: k, ProvisionedConcurrency: float64(f.ProvisionedConcurrency)})
				curves[i].Probabilities = append(curves[i].Probabilities, r.ColdStartProbability)
				if k == here.KeepAliveMinutes && rate == here.Rate {
					here.Probability = r.ColdStartProbability
				}
				time.Sleep(time.Millisecond) // let the page breathe
			}
		}
		option := charts.ColdStartCurves(rates, curves, here)
		ctx.Dispatch(func(ctx app.Context) {
			if c.Revision == revision {
				c.day, c.curves = &day, option
			}
		})
	})
}

// simulate runs a simulated day in slices, showing progress.
func (c *ColdStartLab) simulate(ctx app.Context, e app.Event) {
	f, fr, ok := c.function()
	if !ok || c.running {
		return
	}
	s := c.Session
	profile, _ := pricing.LookupProfile(s.scenario.Pricing.Profile)
	arch, revision := s.scenario.Pricing.Architecture, c.Revision
	c.running, c.progress, c.sim = true, 0, nil
	ctx.Async(func() {
		started := time.Now()
		input := model.FunctionSimulationInput(f, fr, f.KeepAliveMinutes, uint64(revision)+1)
		input.Progress = func(done, total int) {
			if done%30 == 0 {
				ctx.Dispatch(func(ctx app.Context) { c.progress = float64(done) / float64(total) })
				time.Sleep(time.Millisecond) // yield to the page
			}
		}
		result := model.SimulateWith(profile, arch, f, input)
		elapsed := time.Since(started)
		ctx.Dispatch(func(ctx app.Context) {
			c.running = false
			if c.Revision == revision {
				c.sim = &result
				c.sim.ElapsedMs = float64(elapsed.Milliseconds())
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
	modelRate, modelInstances := "…", "…"
	if c.day != nil {
		modelRate = formatValue(c.day.ColdStartProbability, "fraction")
		modelInstances = formatValue(c.day.AvgInstances, "instances")
	}
	simRate, simInstances, simLatency := "not run", "", ""
	if c.sim != nil {
		r := c.sim.Result
		simRate = formatValue(r.ColdStartProbability, "fraction")
		simInstances = formatValue(r.AvgInstances, "instances")
		simLatency = fmt.Sprintf("p50 %s, p95 %s, p99 %s; %d throttled", formatValue(r.LatencyP50Ms, "ms"),
			formatValue(r.LatencyP95Ms, "ms"), formatValue(r.LatencyP99Ms, "ms"), r.Throttles)
	}
	used := fr.ColdStartRate.Method
	tooBusy := model.SimulationTooBusy(fr.Traffic.RequestsPerDay())
	row := func(method, label, rate, instances, note string) app.UI {
		return app.Tr().Class(classes("current-row", method == used)).Body(
			app.Th().Scope("row").Text(label), app.Td().Class("num").Text(rate), app.Td().Class("num").Text(instances), app.Td().Text(note))
	}
	return app.Div().Class("cold-start-lab").Body(
		tableRegion(fmt.Sprintf("Cold starts of %s by method (keep-alive %g min); the highlighted one feeds the figures above", f.Name, f.KeepAliveMinutes), app.Table(),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Method"), app.Th().Scope("col").Text("Cold-start rate"),
				app.Th().Scope("col").Text("Instances"), app.Th().Scope("col").Text("Notes"))),
			app.TBody().Body(
				row(model.ColdStartReference, "Rate given (spec rule)", formatValue(f.ColdStartRate, "fraction"), "", "the cold_start_rate input"),
				row(model.ColdStartModel, "Keep-alive model", modelRate, modelInstances, "each hour of the day at steady state, weighted by its requests"),
				row("simulated", "Simulated day", simRate, simInstances, simLatency),
			),
		),
		app.Div().Class("sim-controls").Body(
			app.Button().Type("button").Class("primary").Text("Simulate a day").Disabled(c.running || tooBusy != "").OnClick(c.simulate),
			app.If(tooBusy != "", func() app.UI { return app.Small().Text("Not simulated: " + tooBusy + ".") }),
			app.If(c.running, func() app.UI {
				return app.Progress().Max(1).Value(fmt.Sprint(c.progress)).Aria("label", "Simulation progress")
			}),
			app.If(c.sim != nil, func() app.UI {
				return app.Small().Text(fmtNumber(float64(c.sim.Result.Arrivals), 0) + " requests simulated in " + fmtNumber(c.sim.ElapsedMs, 0) + " ms")
			}),
		),
		app.If(c.curves != "", func() app.UI {
			return app.Div().Class("charts").Body(&StaticChart{Option: c.curves, Label: fmt.Sprintf(
				"Cold-start probability by request rate for keep-alives of %s minutes; the point is %s at its mean rate and keep-alive",
				listOf(curveKeepAlives(f.KeepAliveMinutes)), f.Name)})
		}),
		app.If(c.sim != nil, func() app.UI {
			return app.Div().Class("charts two").Body(
				&StaticChart{Option: charts.InstancesOverDay(&c.sim.Result), Label: "Simulated instances over the day"},
				&StaticChart{Option: charts.LatencyPercentiles(&c.sim.Result), Label: "Simulated latency percentiles"},
			)
		}),
	)
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
