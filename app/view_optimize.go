package app

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/interop"
	"planner/model"
	"planner/model/pricing"
	"planner/model/targets"
)

// Optimize is every function's targets, met or missed, and goal seek: the
// cheapest configuration of each that meets them (model.Tune, run in the
// interop worker), applied with one click and undone like any edit. The
// goal seek's figures are data-source "tune" (the Tuning document). The
// spec's cost review and tuning heuristics appear under the reference
// profile only.
type Optimize struct {
	app.Compo
	Session  *session
	Revision int
	Tell     func(notice)

	tuning *model.Tuning
	tuned  *model.Scenario
	// asked and shown are the report revisions sent to the worker and on
	// screen.
	asked, shown int
	notice       string
	// running is goal seek under way, progress its share done; stop
	// cancels it.
	running  bool
	progress float64
	stop     func()
	// scorePage and tunePage page the scorecard's and goal seek's
	// functions (the scorecard's hold a row per target each: fewer a page).
	scorePage, tunePage pager
}

// scorecardFunctions is how many functions a page of the targets lists.
const scorecardFunctions = 25

const tuneSource = "tune"

// OnInit sets the targets' page size.
func (o *Optimize) OnInit() { o.scorePage.per = scorecardFunctions }

// OnMount runs goal seek on the scenario.
func (o *Optimize) OnMount(ctx app.Context) { o.seek(ctx) }

// OnUpdate runs it again for a new scenario.
func (o *Optimize) OnUpdate(ctx app.Context) { o.seek(ctx) }

// seek asks the worker for goal seek once the scenario has settled; the
// last answer stays on screen, marked, meanwhile.
func (o *Optimize) seek(ctx app.Context) {
	if o.Session.scenario == nil || o.Revision == o.asked || !o.Session.scenario.Pricing.OnLambda() {
		return
	}
	revision := o.Revision
	o.asked = revision
	ctx.After(labSettle, func(ctx app.Context) {
		if o.asked != revision || o.Session.scenario == nil {
			return
		}
		doc, err := json.Marshal(o.Session.scenario)
		if err != nil {
			o.notice = "The scenario could not be written: " + err.Error()
			return
		}
		if o.stop != nil {
			o.stop() // a search for an earlier scenario
		}
		o.running, o.progress = true, 0
		o.stop = callInteropLong(ctx, interop.Request{Op: interop.OpTune, Scenario: doc}, func(ctx app.Context, resp interop.Response) {
			if o.asked == revision {
				o.running, o.stop = false, nil
			}
			switch {
			case resp.Cancelled && o.asked == revision:
				o.notice = "Goal seek was cancelled; it runs again after the next edit."
			case o.asked != revision:
			case resp.Problems != "" || resp.Tuning == nil || resp.Tuned == nil:
				o.notice = "Goal seek failed: " + resp.Problems
			default:
				o.tuning, o.tuned, o.shown, o.notice = resp.Tuning, resp.Tuned, revision, ""
			}
		}, func(ctx app.Context, share float64) {
			if o.asked == revision {
				o.progress = share
			}
		})
	})
}

// cancelSeek stops goal seek under way.
func (o *Optimize) cancelSeek(ctx app.Context, e app.Event) {
	if o.stop != nil {
		o.stop()
	}
}

// Render draws the scorecard, goal seek and, under the reference profile,
// the spec's heuristics.
func (o *Optimize) Render() app.UI {
	r := o.Session.report
	if r == nil {
		return app.Div()
	}
	acc := r.Account
	return app.Div().Class("optimize").Body(
		app.H2().Text("Optimize"),
		app.If(acc.Exceeded, func() app.UI {
			return app.P().Class("error").Attr("role", "alert").Text(fmt.Sprintf(
				"The account's peak concurrency (p99 %d instances at %02d:00 UTC) exceeds its limit of %d: functions without a reservation are throttled. "+
					"Raise the limit (a Service Quotas request) or spread the load.", acc.PeakP99Concurrency, acc.PeakHour, acc.Limit))
		}),
		scorecardTable(r, &o.scorePage),
		app.If(r.Pricing.OnLambda(), o.goalSeek).Else(func() app.UI {
			return app.Div().Body(app.H3().Text("Goal seek"), lambdaOnly(r, "Goal seek tunes memory, provisioned concurrency and keep-alive, which"))
		}),
		app.If(r.Pricing.Profile == pricing.ReferenceProfileID, func() app.UI { return specHeuristics(r) }),
	)
}

// scorecardTable lists every function's targets: value, limit, met or
// missed, and the model behind the value.
func scorecardTable(r *model.Report, page *pager) app.UI {
	met := 0
	for i := range r.Functions {
		if r.Functions[i].Scorecard.Met {
			met++
		}
	}
	caption := fmt.Sprintf("Targets: %d of %d functions meet theirs; account peak concurrency p99 %d of %d", met, len(r.Functions),
		r.Account.PeakP99Concurrency, r.Account.Limit)
	return app.Div().Body(
		app.H3().Text("Targets"),
		tableRegion(caption, app.Table().Class("scorecard"),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Function"), app.Th().Scope("col").Text("Target"),
				app.Th().Scope("col").Text("Value"), app.Th().Scope("col").Text("Limit"), app.Th().Scope("col").Text("State"),
				app.Th().Scope("col").Class("why").Text("Model"))),
			app.TBody().Body(app.Range(r.Functions[:page.rows(len(r.Functions))]).Slice(func(i int) app.UI {
				sc := &r.Functions[i].Scorecard
				return app.Range(sc.Scores).Slice(func(j int) app.UI {
					s := sc.Scores[j]
					at := fmt.Sprintf("functions.%d.scorecard.scores.%d.", i, j)
					var name app.UI
					if j == 0 {
						name = app.Th().Scope("rowgroup").Rowspan(len(sc.Scores)).Text(r.Functions[i].Name + " (" + string(sc.Class) + ")")
					}
					op := "≤ "
					if s.AtLeast {
						op = "≥ "
					}
					value := app.Td().Class("num").Text("not computed")
					if s.Computed {
						value = app.Td().Class("num").Body(figure{Metric: at + "value", Value: s.Value, Unit: s.Unit, Explain: s.Why}.cellRender())
					}
					return app.Tr().Class(classes("missed-row", s.Required && s.Computed && !s.Met)).Body(
						name,
						app.Td().Text(s.Label),
						value,
						app.Td().Class("num").Body(app.Text(op), figure{Metric: at + "limit", Value: s.Limit, Unit: s.Unit, Explain: "the target"}.cellRender()),
						app.Td().Text(scoreState(s)),
						app.Td().Class("why").Text(s.Why),
					)
				})
			})),
		),
		page.more("functions", len(r.Functions)),
	)
}

// stateMarks prefix each state of a target with a mark that reads
// without colour.
var stateMarks = map[string]string{targets.StateMet: "✓ ", targets.StateMetAdvisory: "✓ ", targets.StateMissed: "✗ ", targets.StateMissedAdvisory: "~ "}

// scoreState says whether a target is met, missed, advisory or not
// computed, marked.
func scoreState(s targets.Score) string { return stateMarks[s.State()] + s.State() }

// goalSeek shows each function's cheapest configuration that meets its
// targets, with Apply buttons while it is the scenario's on screen.
func (o *Optimize) goalSeek() app.UI {
	body := []app.UI{app.H3().Text("Goal seek: the cheapest configuration that meets the targets"),
		app.P().Class("help").Text("Memory (measured durations where given, else the spec's estimate: duration × memory ÷ new memory), " +
			"architecture where measured, provisioned concurrency constant or by hour of the day (cold starts by the keep-alive model) and reserved concurrency (where the function has one), " +
			"each function in turn against the account's shared concurrency and free tier.")}
	if o.notice != "" {
		body = append(body, app.P().Class("error").Attr("role", "alert").Text(o.notice))
	}
	if o.running {
		body = append(body, app.P().Body(longWork("Goal seek: functions searched", o.progress, o.cancelSeek)))
	}
	t := o.tuning
	if t == nil {
		return app.Div().Body(body...)
	}
	current := o.shown == o.Revision
	if !current {
		body = append(body, app.P().Class("stale-notice").Attr("role", "status").Text("Updating: these results are of the previous scenario."))
	}
	changed := 0
	for _, f := range t.Functions {
		if f.Changed {
			changed++
		}
	}
	body = append(body,
		app.Div().Class("figures").Body(
			figure{"Bill now", "total_monthly_cost_before", t.TotalBefore, "USD/month", "the scenario's monthly bill"}.element().DataSet("source", tuneSource),
			figure{"Bill tuned", "total_monthly_cost_after", t.TotalAfter, "USD/month", "the monthly bill with every function tuned"}.element().DataSet("source", tuneSource),
		),
		tableRegion("Each function's configuration now and tuned, and its own monthly bill", app.Table().Class("tuning"),
			columns("Function", "Now", "Tuned", "Bill now", "Bill tuned", "Targets", "Apply"),
			app.TBody().Body(app.Range(t.Functions[:o.tunePage.rows(len(t.Functions))]).Slice(func(i int) app.UI {
				f := t.Functions[i]
				state := "All met"
				if !f.Met {
					state = "Not all met"
				}
				var apply app.UI = app.Text("No change")
				if f.Changed {
					apply = app.Button().Type("button").Class("small").Text("Apply").Disabled(!current).
						Aria("label", "Apply the tuned configuration of "+f.Name).
						OnClick(func(ctx app.Context, e app.Event) { o.apply(i) })
				}
				return app.Tr().Body(
					app.Th().Scope("row").Text(f.Name),
					app.Td().Text(f.Before.String()),
					app.Td().Text(f.After.String()),
					tuneCell(fmt.Sprintf("functions.%d.cost_before", i), f.CostBefore, "the function's bill now"),
					tuneCell(fmt.Sprintf("functions.%d.cost_after", i), f.CostAfter, "the function's bill tuned"),
					app.Td().Body(app.Text(state), kpiChanges(i, &f), app.If(len(f.Notes) > 0, func() app.UI {
						return app.Ul().Class("notes").Body(app.Range(f.Notes).Slice(func(k int) app.UI { return app.Li().Text(f.Notes[k]) }))
					})),
					app.Td().Body(apply),
				)
			})),
		),
		o.tunePage.more("functions", len(t.Functions)),
		app.If(changed > 1, func() app.UI {
			return app.Button().Type("button").Text("Apply all " + plural(changed, "change")).Disabled(!current).
				OnClick(func(ctx app.Context, e app.Event) { o.apply(-1) })
		}),
	)
	return app.Div().Class("goal-seek").Body(body...)
}

// kpiChanges lists each required target's value now and tuned.
func kpiChanges(i int, f *model.FunctionTuning) app.UI {
	var rows []app.UI
	for j, after := range f.ScoresAfter {
		b := slices.IndexFunc(f.ScoresBefore, func(s targets.Score) bool { return s.KPI == after.KPI })
		if !after.Required || !after.Computed || b < 0 {
			continue
		}
		before := f.ScoresBefore[b]
		fig := func(list string, k int, v float64, explain string) app.UI {
			return figure{Metric: fmt.Sprintf("functions.%d.%s.%d.value", i, list, k), Value: v, Unit: after.Unit, Explain: explain}.
				cellElement().DataSet("source", tuneSource)
		}
		rows = append(rows, app.Li().Body(app.Text(after.Label+": "), fig("scores_before", b, before.Value, before.Why),
			app.Text(" → "), fig("scores_after", j, after.Value, after.Why)))
	}
	if len(rows) == 0 {
		return app.Text("")
	}
	return app.Details().Body(app.Summary().Text("Targets now → tuned"), app.Ul().Class("notes").Body(rows...))
}

// tuneCell is a goal-seek figure in a table cell.
func tuneCell(metric string, v float64, explain string) app.UI {
	return app.Td().Class("num").Body(figure{Metric: metric, Value: v, Unit: "USD/month", Explain: explain}.cellElement().DataSet("source", tuneSource))
}

// apply puts the tuned configuration of function i (or of all, for -1)
// into the scenario, as one step that Undo takes back.
func (o *Optimize) apply(i int) {
	if o.tuned == nil || o.shown != o.Revision {
		return
	}
	if i < 0 {
		o.Session.replace(path{}.key("functions"), toDoc(o.tuned.Functions))
		o.Tell(notice{Text: "Applied goal seek to every function. Undo takes it back."})
		return
	}
	o.Session.replace(path{}.key("functions").at(i), toDoc(o.tuned.Functions[i]))
	o.Tell(notice{Text: "Applied goal seek to " + o.tuned.Functions[i].Name + ". Undo takes it back."})
}
