package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// specHeuristics shows the spec's cost review and tuning rules of thumb
// (the reference profile only: elsewhere goal seek answers).
func specHeuristics(r *model.Report) app.UI {
	co := r.CostOptimization
	return app.Div().Class("spec-heuristics").Body(
		app.H3().Text("The spec's heuristics (reference profile)"),
		app.P().Class("help").Text("Rules of thumb of the capacity model's specification, kept for the reference profile; goal seek above solves the targets."),
		app.H4().Text("Cost review"),
		figures(
			figure{"Potential savings", "cost_optimization.total_potential_savings", co.TotalPotentialSavings, "USD/month", "sum of the optimizations below"},
			figure{"Share of the bill", "cost_optimization.potential_savings_percentage", co.PotentialSavingsPercentage, "%",
				fmt.Sprintf("%s ÷ %s × 100", money(co.TotalPotentialSavings), money(co.CurrentMonthlyCost))},
		),
		app.P().Class(classes("verdict", true, "ok", co.MeetsTarget)).Text(map[bool]string{
			true:  "The savings meet the cost reduction target.",
			false: "The savings fall short of the cost reduction target.",
		}[co.MeetsTarget]),
		app.If(len(co.Optimizations) == 0, func() app.UI { return app.P().Text("No cost optimization applies.") }),
		app.Ul().Class("opportunities").Body(app.Range(co.Optimizations).Slice(func(i int) app.UI {
			o := co.Optimizations[i]
			return app.Li().Body(
				app.Strong().Text(o.Optimization+": "),
				figure{Metric: fmt.Sprintf("cost_optimization.optimizations.%d.potential_monthly_savings", i), Value: o.PotentialMonthlySavings,
					Unit: "USD/month", Explain: "estimated saving"}.cellRender(),
				app.Text(" — "+o.Action),
				app.If(len(o.AffectedFunctions) > 0, func() app.UI {
					return app.Span().Class("affected").Text(" (" + strings.Join(o.AffectedFunctions, ", ") + ")")
				}),
			)
		})),
		app.H4().Text("Performance tuning"),
		tableRegion("The spec's changes for functions that miss their p99 latency or error-rate targets", app.Table(),
			columns("Function", "Change", "Action", "Expected"),
			app.TBody().Body(app.Range(r.Functions).Slice(func(i int) app.UI {
				f := &r.Functions[i]
				if len(f.Tuning) == 0 {
					return app.Tr().Body(app.Th().Scope("row").Text(f.Name), app.Td().ColSpan(3).Text("Meets its targets"))
				}
				return app.Range(f.Tuning).Slice(func(j int) app.UI {
					t := f.Tuning[j]
					return app.Tr().Body(app.Th().Scope("row").Text(f.Name), app.Td().Text(t.Type), app.Td().Text(t.Action), app.Td().Text(t.ExpectedImprovement))
				})
			})),
		),
	)
}
