package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/charts"
	"planner/model"
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
	source    string
	imported  string // function name the imported history belongs to
	forecast  *model.Forecast
	anomalies *model.Anomalies
	chart     string
	policies  *model.PolicyComparison
	polChart  string
	running   bool
	notice    string
	solved    int
}

// forecastHistoryWeeks of synthetic history; forecastHorizon hours ahead.
const (
	forecastHistoryWeeks = 4
	forecastHorizon      = 48
)

func (c *ForecastLab) function() (*model.Function, *model.FunctionReport, bool) {
	s := c.Session
	if s == nil || s.scenario == nil || s.report == nil || c.Function < 0 ||
		c.Function >= len(s.scenario.Functions) || c.Function >= len(s.report.Functions) {
		return nil, nil, false
	}
	return &s.scenario.Functions[c.Function], &s.report.Functions[c.Function], true
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
	history, source := c.history, c.source
	if c.imported != f.Name || len(history) == 0 {
		history = model.SyntheticHistory(f.TrafficProfile, fr.Traffic.MonthlyInvocations, 0.6, 0.1, forecastHistoryWeeks, model.NameSeed(f.Name))
		source = "synthesised from the daily profile (4 weeks, weekends at 60%, 10% noise)"
	}
	ctx.Async(func() {
		time.Sleep(labSettle)
		if c.Revision != revision {
			return
		}
		fc := model.MakeForecast(model.ForecastInput{History: history, SeasonLength: 24, Horizon: forecastHorizon, Method: "auto"})
		an := model.DetectAnomalies(history, 24)
		option := charts.ForecastChart(history, fc, an.Anomalies)
		ctx.Dispatch(func(ctx app.Context) {
			if c.Revision == revision {
				c.history, c.source, c.forecast, c.anomalies, c.chart = history, source, &fc, &an, option
			}
		})
	})
}

// comparePolicies compares the policies in the background.
func (c *ForecastLab) comparePolicies(ctx app.Context, e app.Event) {
	f, _, ok := c.function()
	if !ok || c.running || len(c.history) < 3*7*24 {
		return
	}
	s := c.Session
	profile, _ := model.LookupProfile(s.scenario.Pricing.Profile)
	arch, revision, history := s.scenario.Pricing.Architecture, c.Revision, c.history
	in := model.PolicyInput{History: history, EvaluationHours: forecastHorizon, WarmMs: f.AvgExecutionTimeMs,
		ColdMs: f.AvgExecutionTimeMs + f.ColdStartDurationMs, MemoryMb: float64(f.AllocatedMemoryMb), KeepAliveMin: f.KeepAliveMinutes,
		Guardrails: model.DefaultGuardrails(), Seed: model.NameSeed(f.Name), Yield: func() { time.Sleep(time.Millisecond) }}
	c.running = true
	ctx.Async(func() {
		result := model.ComparePolicies(in, profile, arch)
		needed := make([]float64, forecastHorizon)
		for h := range needed {
			needed[h] = history[len(history)-forecastHorizon+h] / 3600 * f.AvgExecutionTimeMs / 1000
		}
		option := charts.PolicySchedules(needed, result)
		ctx.Dispatch(func(ctx app.Context) {
			c.running = false
			if c.Revision == revision {
				c.policies, c.polChart = &result, option
			}
		})
	})
}

// importHistory reads a CSV or CloudWatch JSON file as the function's history.
func (c *ForecastLab) importHistory(ctx app.Context, e app.Event) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	file := files.Index(0)
	name := file.Get("name").String()
	var done app.Func
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := ""
		if len(args) > 0 {
			text = args[0].String()
		}
		ctx.Dispatch(func(ctx app.Context) {
			parse := model.ParseHistoryCSV
			if strings.HasPrefix(strings.TrimSpace(text), "{") {
				parse = model.ParseCloudWatch
			}
			h, probs := parse([]byte(text))
			switch {
			case len(probs) > 0:
				c.notice = name + " was not imported: " + probs.Error()
			case h.StepSeconds != 3600:
				c.notice = fmt.Sprintf("%s has a step of %d s; the forecast view reads hourly counts", name, h.StepSeconds)
			case len(h.Values) < 3*7*24:
				c.notice = fmt.Sprintf("%s has %d hours; three weeks (504) are needed", name, len(h.Values))
			default:
				f, _, _ := c.function()
				c.history, c.imported, c.solved = h.Values, f.Name, 0
				c.source = fmt.Sprintf("%s: %d hours from %s, %d gaps filled", name, len(h.Values), h.Start.Format("2006-01-02 15:04"), h.FilledGaps)
				c.notice = ""
				c.solve(ctx)
			}
		})
		done.Release()
		return nil
	})
	file.Call("text").Call("then", done)
	ctx.JSSrc().Set("value", "")
}

// exportSchedule downloads the recommended schedule as CSV or as
// Application Auto Scaling scheduled actions.
func (c *ForecastLab) exportSchedule(asJSON bool) {
	f, _, ok := c.function()
	if !ok || c.policies == nil {
		return
	}
	var applied []int
	for _, p := range c.policies.Policies {
		if p.Policy == c.policies.Recommended {
			applied = p.Applied
		}
	}
	if !asJSON {
		var b strings.Builder
		b.WriteString("hour_from_now,provisioned_concurrency\n")
		for h, a := range applied {
			fmt.Fprintf(&b, "%d,%d\n", h, a)
		}
		download(f.Name+"-schedule.csv", "text/csv", b.String())
		return
	}
	type action struct {
		ScheduledActionName  string         `json:"ScheduledActionName"`
		ServiceNamespace     string         `json:"ServiceNamespace"`
		ResourceID           string         `json:"ResourceId"`
		ScalableDimension    string         `json:"ScalableDimension"`
		Schedule             string         `json:"Schedule"`
		ScalableTargetAction map[string]int `json:"ScalableTargetAction"`
	}
	var actions []action
	for h := 0; h < min(24, len(applied)); h++ {
		actions = append(actions, action{
			ScheduledActionName: fmt.Sprintf("planner-%s-h%02d", f.Name, h), ServiceNamespace: "lambda",
			ResourceID: "function:" + f.Name + ":live", ScalableDimension: "lambda:function:ProvisionedConcurrency",
			Schedule: fmt.Sprintf("cron(0 %d * * ? *)", h), ScalableTargetAction: map[string]int{"MinCapacity": applied[h], "MaxCapacity": applied[h]},
		})
	}
	data, _ := json.MarshalIndent(actions, "", "  ")
	download(f.Name+"-scheduled-actions.json", "application/json", string(data))
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
			return app.P().Text(fmt.Sprintf("Method %s, chosen by backtest: MAE %s, sMAPE %s, MASE %s. %d anomalies, %d days up more than 50%%.",
				c.forecast.Method, num(b.MAE, 1), num(b.SMAPE, 1)+"%", num(b.MASE, 2), len(c.anomalies.Anomalies), len(c.anomalies.DailyIncreases)))
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
		app.Div().Class("sim-controls").Body(
			app.Button().Type("button").Class("primary").Text("Compare policies").Disabled(c.running || len(c.history) == 0).OnClick(c.comparePolicies),
			app.If(c.running, func() app.UI { return app.Small().Text("Training and simulating…") }),
		),
		app.If(c.policies != nil, func() app.UI { return c.policyTable() }),
	)
}

func (c *ForecastLab) policyTable() app.UI {
	pc := c.policies
	return app.Div().Body(
		app.Div().Class("table-wrap").Body(app.Table().Body(
			app.Caption().Text("Policies on the last 48 hours, guardrails applied (±50% an hour)"),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Policy"), app.Th().Scope("col").Text("Cost"),
				app.Th().Scope("col").Text("Cold starts"), app.Th().Scope("col").Text("p99"), app.Th().Scope("col").Text("Throttles"),
				app.Th().Scope("col").Text("How"))),
			app.TBody().Body(app.Range(pc.Policies).Slice(func(i int) app.UI {
				p := pc.Policies[i]
				return app.Tr().Class(classes("current-row", p.Policy == pc.Recommended)).Body(
					app.Th().Scope("row").Text(p.Policy), app.Td().Class("num").Text(formatValue(p.Cost, "USD")),
					app.Td().Class("num").Text(formatValue(p.ColdRate, "fraction")), app.Td().Class("num").Text(formatValue(p.P99Ms, "ms")),
					app.Td().Class("num").Text(fmt.Sprint(p.Throttles)), app.Td().Text(p.Description))
			})),
		)),
		app.P().Body(app.Strong().Text("Recommended: "+pc.Recommended+". "), app.Text(pc.Explanation+".")),
		app.Div().Class("files").Body(
			app.Button().Type("button").Class("small").Text("Schedule CSV").OnClick(func(ctx app.Context, e app.Event) { c.exportSchedule(false) }),
			app.Button().Type("button").Class("small").Text("Scheduled actions JSON").OnClick(func(ctx app.Context, e app.Event) { c.exportSchedule(true) }),
		),
		app.If(c.polChart != "", func() app.UI {
			return app.Div().Class("charts").Body(&StaticChart{Option: c.polChart, Label: "Provisioned concurrency by policy"})
		}),
	)
}
