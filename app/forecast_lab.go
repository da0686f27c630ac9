package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/charts"
	"planner/app/interop"
	"planner/model"
	"planner/model/deploy"
	"planner/model/forecast"
	"planner/model/policy"
)

// ForecastLab is the Forecast view of a function: its history (synthesised
// from its daily profile until a file is imported), the forecast with its
// band, the anomalies found, and the provisioned-concurrency policies
// compared on held-out days. All of it runs off the update, yielding to the
// page.
type ForecastLab struct {
	app.Compo
	Session  *session
	Revision int
	Function int

	history   []float64
	startHour int // UTC hour of day of the first hour of history
	source    string
	imported  string // function name the imported history belongs to
	forecast  *forecast.Forecast
	anomalies *forecast.Anomalies
	chart     string
	policies  *policy.Comparison
	polChart  string
	running   bool
	notice    string
	// progress is the share of the policy comparison done; stop cancels it.
	progress float64
	stop     func()
	solved   int
}

// minHistoryHours is the history a forecast and the policies need: three
// weeks of hours.
const minHistoryHours = 3 * 7 * 24

// forecastHorizon is the hours forecast, and the hours the policies are
// judged on.
const forecastHorizon = 48

func (c *ForecastLab) function() (*model.Function, *model.FunctionReport, bool) {
	return c.Session.function(c.Function)
}

// OnMount forecasts.
func (c *ForecastLab) OnMount(ctx app.Context) { c.solve(ctx) }

// OnUpdate forecasts again; policies of an older scenario are dropped.
func (c *ForecastLab) OnUpdate(ctx app.Context) {
	c.policies, c.polChart = nil, ""
	c.solve(ctx)
}

func (c *ForecastLab) solve(ctx app.Context) {
	f, fr, ok := c.function()
	if !ok || c.solved == c.Revision {
		return
	}
	c.solved = c.Revision
	revision := c.Revision
	history, source, startHour := c.history, c.source, c.startHour
	if c.imported != f.Name || len(history) == 0 {
		history = model.SyntheticHistory(f, fr)
		source, startHour = model.SyntheticHistorySource(), 0
		if h := c.Session.histories[f.Name]; h != nil && len(h.Values) >= minHistoryHours {
			history, startHour = h.Values, h.Start.UTC().Hour()
			source = fmt.Sprintf("imported with the scenario from CloudWatch: %d hours from %s UTC", len(h.Values), h.Start.UTC().Format("2006-01-02 15:04"))
		} else if h != nil {
			source += fmt.Sprintf(" (the %d hours imported from CloudWatch are fewer than the three weeks a forecast needs)", len(h.Values))
		}
	}
	ctx.After(labSettle, func(ctx app.Context) {
		if c.Revision != revision {
			return
		}
		callInterop(ctx, interop.Request{Op: interop.OpForecast, History: history, Horizon: forecastHorizon}, func(ctx app.Context, resp interop.Response) {
			if c.Revision != revision {
				return
			}
			if resp.Problems != "" || resp.Forecast == nil || resp.Anomalies == nil {
				c.notice = "The forecast could not be made: " + resp.Problems
				return
			}
			c.history, c.source, c.startHour, c.forecast, c.anomalies = history, source, startHour, resp.Forecast, resp.Anomalies
			c.chart = charts.ForecastChart(history, *resp.Forecast, resp.Anomalies.Anomalies)
		})
	})
}

// comparePolicies compares the policies in the background.
func (c *ForecastLab) comparePolicies(ctx app.Context, e app.Event) {
	f, _, ok := c.function()
	if !ok || c.running || len(c.history) < minHistoryHours {
		return
	}
	s := c.Session
	revision := c.Revision
	req := interop.Request{Op: interop.OpPolicies, Function: f, History: c.history, Horizon: forecastHorizon,
		Profile: s.scenario.Pricing.Profile, Architecture: s.scenario.ArchitectureOf(f)}
	c.running, c.progress = true, 0
	c.stop = callInteropLong(ctx, req, func(ctx app.Context, resp interop.Response) {
		c.running, c.stop = false, nil
		switch {
		case resp.Cancelled:
			c.notice = "The policy comparison was cancelled."
		case c.Revision != revision:
		case resp.Problems != "" || resp.Policies == nil:
			c.notice = "The policies could not be compared: " + resp.Problems
		default:
			c.policies, c.polChart = resp.Policies, charts.PolicySchedules(*resp.Policies)
		}
	}, func(ctx app.Context, share float64) { c.progress = share })
}

// cancelPolicies stops the policy comparison under way.
func (c *ForecastLab) cancelPolicies(ctx app.Context, e app.Event) {
	if c.stop != nil {
		c.stop()
	}
}

// importHistory reads a CSV or CloudWatch JSON file as the function's history.
func (c *ForecastLab) importHistory(ctx app.Context, e app.Event) {
	file, name, ok := chosenFile(ctx)
	if !ok {
		return
	}
	readFileText(ctx, file, func(ctx app.Context, text string) {
		callInterop(ctx, interop.Request{Op: interop.OpHistory, Files: []interop.File{{Name: name, Text: text}}}, func(ctx app.Context, resp interop.Response) {
			h := resp.History
			switch {
			case resp.Problems != "" || h == nil:
				c.notice = name + " was not imported: " + resp.Problems
			case h.StepSeconds != 3600:
				c.notice = fmt.Sprintf("%s has a step of %d s; the forecast view reads hourly counts", name, h.StepSeconds)
			case len(h.Values) < minHistoryHours:
				c.notice = fmt.Sprintf("%s has %d hours; three weeks (504) are needed", name, len(h.Values))
			default:
				f, _, _ := c.function()
				c.history, c.imported, c.solved, c.startHour = h.Values, f.Name, 0, h.Start.UTC().Hour()
				c.source = fmt.Sprintf("%s: %d hours from %s, %d gaps filled", name, len(h.Values), h.Start.Format("2006-01-02 15:04"), h.FilledGaps)
				c.notice = ""
				c.solve(ctx)
			}
		})
	})
}

// exportSchedule downloads the recommended policy's plan for the hours after
// the history: hourly as CSV, or as Application Auto Scaling scheduled
// actions (a daily cron per hour, UTC). A reactive recommendation is a
// target-tracking policy instead.
func (c *ForecastLab) exportSchedule(asJSON bool) {
	f, _, ok := c.function()
	if !ok || c.policies == nil {
		return
	}
	next := c.policies.NextSchedule
	firstHour := (c.startHour + len(c.history)) % 24
	switch {
	case c.policies.Recommended == "reactive":
		download(f.Name+"-target-tracking.json", "application/json", deploy.TargetTrackingPolicy(f.Name))
	case !asJSON:
		download(f.Name+"-schedule.csv", "text/csv", deploy.ScheduleCSV(next, firstHour))
	default:
		download(f.Name+"-scheduled-actions.json", "application/json", deploy.ScheduledActions(f.Name, next, firstHour))
	}
}

// Render draws the view.
func (c *ForecastLab) Render() app.UI {
	f, _, ok := c.function()
	if !ok {
		return app.Div().Class("forecast-lab")
	}
	return app.Div().Class("forecast-lab").Body(
		app.P().Class("profile-note").Text("History: "+c.source+"."),
		app.Div().Class("files").Body(
			app.Input().Type("file").ID("history-file").Class("visually-hidden").Accept(".csv,.json,text/csv,application/json").OnChange(c.importHistory),
			app.Label().For("history-file").Class("button-like").Text("Import history (CSV timestamp,count or CloudWatch JSON)…"),
		),
		app.If(c.notice != "", func() app.UI { return app.P().Class("error").Attr("role", "alert").Text(c.notice) }),
		app.If(c.forecast != nil, func() app.UI {
			b := c.forecast.Backtest
			anomalies := "1 anomaly"
			if n := len(c.anomalies.Anomalies); n != 1 {
				anomalies = fmt.Sprintf("%d anomalies", n)
			}
			return app.P().Body(
				app.Text("Method "+c.forecast.Method+", chosen by backtest: MAE "),
				forecastFigure("backtest.mae", b.MAE, "", "mean absolute error of the backtests, invocations an hour"),
				app.Text(", sMAPE "), forecastFigure("backtest.smape", b.SMAPE, "%", "symmetric mean absolute percentage error"),
				app.Text(", MASE "), forecastFigure("backtest.mase", b.MASE, "", "MAE ÷ the daily seasonal naive's in-sample MAE"),
				app.Text(fmt.Sprintf(". %s, %s up more than %g%%.", anomalies, plural(len(c.anomalies.DailyIncreases), "day"), (forecast.DailyIncreaseMax-1)*100)),
			)
		}),
		app.If(c.chart != "", func() app.UI {
			return app.Div().Class("charts").Body(&StaticChart{Option: c.chart, Label: "History, forecast and anomalies of " + f.Name})
		}),
		app.If(c.anomalies != nil && len(c.anomalies.Anomalies) > 0, func() app.UI {
			list := c.anomalies.Anomalies
			if len(list) > 8 {
				list = list[len(list)-8:]
			}
			return app.Ul().Class("opportunities").Body(app.Range(list).Slice(func(i int) app.UI {
				a := list[i]
				return app.Li().Text(fmt.Sprintf("hour %d (%s, score %.1f): %s", a.Index-len(c.history), a.Kind, a.Score, a.Explanation))
			}))
		}),
		app.H3().Text("Provisioned-concurrency policies"),
		app.If(c.Session.report != nil && !c.Session.report.Pricing.OnLambda(), func() app.UI {
			return lambdaOnly(c.Session.report, "Provisioned concurrency and its policies")
		}).Else(func() app.UI {
			return app.Div().Body(
				app.Div().Class("sim-controls").Body(
					app.Button().Type("button").Class("primary").Text("Compare policies").Disabled(c.running || len(c.history) == 0).OnClick(c.comparePolicies),
					app.If(c.running, func() app.UI {
						return longWork("Policy comparison", c.progress, c.cancelPolicies)
					}),
				),
				app.If(c.policies != nil, func() app.UI { return c.policyTable() }),
			)
		}),
	)
}

func (c *ForecastLab) policyTable() app.UI {
	pc := c.policies
	judged, how := "simulated", "each request simulated"
	if pc.Method == policy.MethodModel {
		judged, how = "modelled", "the keep-alive model hour by hour (too many requests to simulate here)"
	}
	return app.Div().Body(
		tableRegion(fmt.Sprintf("Policies on the last %d hours, guardrails applied (±%g%% an hour); outcomes from %s", len(pc.NeededConcurrency), policy.DefaultGuardrails().MaxChange*100, how), app.Table(),
			columns("Policy", "Cost", "Cold starts", "p99", "Throttles", "How"),
			app.TBody().Body(app.Range(pc.Policies).Slice(func(i int) app.UI {
				p := pc.Policies[i]
				return app.Tr().Class(classes("current-row", p.Policy == pc.Recommended)).Body(
					app.Th().Scope("row").Text(p.Policy),
					policyCell(i, "cost", p.Cost, "USD", "over the evaluated hours: provisioned and on-demand"),
					policyCell(i, "cold_start_rate", p.ColdRate, "fraction", judged+" cold starts ÷ requests"),
					policyCell(i, "p99_ms", p.P99Ms, "ms", judged+" p99 latency, cold starts included"),
					policyCell(i, "throttles", float64(p.Throttles), "", "requests throttled"),
					app.Td().Text(p.Description))
			})),
		),
		app.P().Body(app.Strong().Text("Recommended: "+pc.Recommended+". "), app.Text(pc.Explanation+".")),
		app.If(pc.Recommended == "reactive", func() app.UI {
			return app.Div().Class("files").Body(
				app.Button().Type("button").Class("small").Text("Target-tracking policy JSON").OnClick(func(ctx app.Context, e app.Event) { c.exportSchedule(true) }),
				app.Small().Text(fmt.Sprintf("Reactive scaling is a rule, not a schedule: Application Auto Scaling keeps utilisation at %g%% (alias live; edit it to yours).", policy.TargetUtilization*100)),
			)
		}).Else(func() app.UI {
			return app.Div().Class("files").Body(
				app.Button().Type("button").Class("small").Text("Next 48 h schedule CSV").OnClick(func(ctx app.Context, e app.Event) { c.exportSchedule(false) }),
				app.Button().Type("button").Class("small").Text("Scheduled actions JSON").OnClick(func(ctx app.Context, e app.Event) { c.exportSchedule(true) }),
				app.Small().Text(fmt.Sprintf("The %s plan for the 48 hours after the history, guardrails applied; daily actions in UTC for alias live (edit it to yours).", pc.Recommended)),
			)
		}),
		app.If(c.polChart != "", func() app.UI {
			return app.Div().Class("charts").Body(&StaticChart{Option: c.polChart, Label: "Provisioned concurrency by policy"})
		}),
	)
}

// The forecast view's figures' documents (data-source): the forecast of the
// function's history, and the policies compared on it.
const (
	forecastSource = "forecast"
	policiesSource = "policies"
)

// forecastFigure is a number of the forecast.
func forecastFigure(metric string, v float64, unit, explain string) app.UI {
	return figure{Metric: metric, Value: v, Unit: unit, Explain: explain}.cellElement().DataSet("source", forecastSource)
}

// policyCell is a table cell holding a number of policy i's result.
func policyCell(i int, key string, v float64, unit, explain string) app.UI {
	metric := fmt.Sprintf("policies.%d.%s", i, key)
	return app.Td().Class("num").Body(figure{Metric: metric, Value: v, Unit: unit, Explain: explain}.cellElement().DataSet("source", policiesSource))
}
