package app

import (
	"fmt"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/spec"
)

// Application shows the application: totals, functions (sortable by any
// column), costs, projections and opportunities.
type Application struct {
	app.Compo
	Session *session
	// Show opens function i in the Function view.
	Show func(i int)
	// Steps draws the view's rest after its first task.
	Steps *drawSteps

	// sortBy orders the functions table: a column key, "-" first for descending.
	sortBy string
	// page is how many of its rows the functions table shows; drawn is how
	// much of the view its tasks have drawn so far.
	page  pager
	drawn drawnPart
}

// drawnPart is how much of the Application view is drawn: its first task
// draws the figures and screenRows of the functions table, the next the
// table's page, the one after what is below the table (each 50–90 ms for
// a big scenario on two cores; together, one long task).
type drawnPart int

const (
	drawnScreen drawnPart = iota
	drawnTable
	drawnAll
)

// OnMount draws the rest of the view in the next steps.
func (v *Application) OnMount(ctx app.Context) {
	v.Steps.add(ctx, func() { v.drawn = drawnTable })
	v.Steps.add(ctx, func() { v.drawn = drawnAll })
}

// Render draws the view: its first task the figures and a screenful of
// the functions table (data-settling until the last), the next ones the
// rest.
func (v *Application) Render() app.UI {
	s := v.Session
	r := s.report
	ts := r.TotalSummary
	return app.Div().DataSet("settling", !v.isSettled()).Body(
		app.H2().Text("Application"),
		figures(
			figure{"Monthly bill", "total_summary.total_monthly_cost", ts.TotalMonthlyCost, "USD/month",
				fmt.Sprintf("functions and services %s + global %s + compliance services %s", money(ts.FunctionsAndServicesCost), money(ts.GlobalServicesCost), money(r.Compliance.AdditionalServicesCost))},
			figure{r.Pricing.FunctionsBillName(), "total_summary.lambda_cost", ts.LambdaCost, "USD/month", computeExplain(r)},
			figure{"Supporting services", "total_summary.supporting_services_cost", ts.SupportingServicesCost, "USD/month", "API Gateway + CloudWatch Logs + DynamoDB + S3"},
			figure{"Global services", "total_summary.global_services_cost", ts.GlobalServicesCost, "USD/month", "deployment + CodeBuild + secrets + X-Ray traces (+ Logs Insights above 1M invocations); broken down below"},
			figure{"Invocations", "total_summary.total_monthly_invocations", ts.TotalMonthlyInvocations, "/month", "sum over functions"},
			figure{"Cost per invocation", "total_summary.cost_per_invocation", ts.CostPerInvocation, "USD",
				fmt.Sprintf("%s ÷ %s invocations", money(ts.TotalMonthlyCost), g(ts.TotalMonthlyInvocations))},
			figure{"Reserved concurrency", "total_summary.total_reserved_concurrency", ts.TotalReservedConcurrency, concurrencyUnit(r), "sum of the functions' reservations"},
			figure{"Peak concurrency", "total_summary.peak_concurrent_executions", ts.PeakConcurrentExecutions, concurrencyUnit(r), "sum of the functions' burst concurrency"},
		),
		app.If(r.Pricing.OnLambda(), func() app.UI {
			return figures(figure{"Free tier used", "pricing.free_gb_seconds", r.Pricing.FreeGBSeconds, "GB-s", "the account's monthly free GB-seconds, shared by functions without provisioned concurrency"})
		}),
		v.functionsTable(r),
		v.page.more("functions", len(r.Functions)),
		app.If(v.isSettled(), func() app.UI { return v.below(r) }),
	)
}

// below is the view below the functions table.
func (v *Application) below(r *model.Report) app.UI {
	s := v.Session
	return app.Div().Body(
		platformBill(r),
		globalServicesTable(r),
		app.Div().Class("charts two").Body(
			&Chart{Session: s, Revision: s.reportRevision, Kind: costByFnChart, Label: "Monthly cost by function and service"},
			&Chart{Session: s, Revision: s.reportRevision, Kind: costShareChart, Label: "Share of the monthly bill"},
		),
		app.H3().Text("Scaling projections"),
		projectionsTable(r),
		app.Div().Class("charts").Body(&Chart{Session: s, Revision: s.reportRevision, Kind: projectionsChart, Label: "Monthly cost at 2, 5, 10 and 20 times today's traffic"}),
		app.H3().Text("Optimization opportunities"),
		opportunities(r.OptimizationOpportunities),
	)
}

// functionColumn is a sortable column of the functions table.
type functionColumn struct {
	key, label, unit, metric string
	value                    func(*model.FunctionReport) float64
}

var functionColumns = functionColumnsArray[:]

var functionColumnsArray = [...]functionColumn{
	{"invocations", "Invocations/month", "", "traffic.monthly_invocations", func(f *model.FunctionReport) float64 { return f.Traffic.MonthlyInvocations }},
	{"memory", "Memory", "MB", "performance_characteristics.memory_mb", func(f *model.FunctionReport) float64 { return f.PerformanceCharacteristics.MemoryMb }},
	{"duration", "Mean duration", "ms", "performance_characteristics.avg_execution_time_ms", func(f *model.FunctionReport) float64 { return f.PerformanceCharacteristics.AvgExecutionTimeMs }},
	{"concurrency", "Avg concurrency", "", "execution_capacity.execution_analysis.avg_concurrent_executions", func(f *model.FunctionReport) float64 {
		return f.ExecutionCapacity.ExecutionAnalysis.AvgConcurrentExecutions
	}},
	{"burst", "Burst concurrency", "", "execution_capacity.execution_analysis.burst_concurrent_executions", func(f *model.FunctionReport) float64 {
		return f.ExecutionCapacity.ExecutionAnalysis.BurstConcurrentExecutions
	}},
	{"lambda", "Lambda", "USD/month", "cost_breakdown.total_function_cost", func(f *model.FunctionReport) float64 { return f.CostBreakdown.TotalFunctionCost }},
	{"services", "Services", "USD/month", "supporting_services.total_cost", func(f *model.FunctionReport) float64 { return f.SupportingServices.TotalCost }},
	{"total", "Total", "USD/month", "total_monthly_cost", func(f *model.FunctionReport) float64 { return f.TotalMonthlyCost }},
}

// functionsTable lists the functions; a column header sorts by it.
func (v *Application) functionsTable(r *model.Report) app.UI {
	order := make([]int, len(r.Functions))
	for i := range order {
		order[i] = i
	}
	key, desc := strings.TrimPrefix(v.sortBy, "-"), strings.HasPrefix(v.sortBy, "-")
	for _, c := range functionColumns {
		if c.key == key {
			sort.SliceStable(order, func(a, b int) bool {
				va, vb := c.value(&r.Functions[order[a]]), c.value(&r.Functions[order[b]])
				if desc {
					return va > vb
				}
				return va < vb
			})
		}
	}
	if key == "name" {
		sort.SliceStable(order, func(a, b int) bool {
			less := r.Functions[order[a]].Name < r.Functions[order[b]].Name
			if desc {
				return !less
			}
			return less
		})
	}
	header := func(key, label string) app.UI {
		sortState := "none"
		if strings.TrimPrefix(v.sortBy, "-") == key {
			sortState = map[bool]string{true: "descending", false: "ascending"}[strings.HasPrefix(v.sortBy, "-")]
		}
		return app.Th().Scope("col").Aria("sort", sortState).Body(
			app.Button().Type("button").Class("sort").Text(label).OnClick(func(ctx app.Context, e app.Event) {
				if v.sortBy == key {
					v.sortBy = "-" + key
				} else {
					v.sortBy = key
				}
			}),
		)
	}
	return tableRegion("Functions (select a column to sort)", app.Table().Class("functions"),
		app.THead().Body(app.Tr().Body(
			header("name", "Function"),
			app.Range(functionColumns).Slice(func(i int) app.UI {
				c := functionColumns[i]
				label := c.label
				if c.key == "lambda" {
					label = r.Pricing.FunctionsBillName()
				}
				if c.unit != "" {
					label += " (" + c.unit + ")"
				}
				return header(c.key, label)
			}),
		)),
		app.TBody().Body(app.Range(order[:v.drawnRows(len(order))]).Slice(func(k int) app.UI {
			i := order[k]
			f := &r.Functions[i]
			row := &functionRow{View: v, Index: i, Name: f.Name, Compute: r.Pricing.FunctionsBillName()}
			for j, c := range functionColumns {
				row.Values[j] = c.value(f)
			}
			return row
		})),
	)
}

// isSettled says whether the view draws all of itself: after its first
// tasks, and always outside a browser.
func (v *Application) isSettled() bool { return v.drawn == drawnAll || !app.IsClient }

// drawnRows is how many of total rows the table draws now.
func (v *Application) drawnRows(total int) int {
	if v.drawn == drawnScreen && app.IsClient {
		return min(total, screenRows)
	}
	return v.page.rows(total)
}

// functionRow is a row of the functions table. Its fields are values, so
// that an edit re-renders only the rows whose figures it changed.
type functionRow struct {
	app.Compo
	View   *Application
	Index  int
	Name   string
	Values [len(functionColumnsArray)]float64
	// Compute names the functions' own bill (Lambda, or their platform).
	Compute string
}

// Render draws the function's name (a button to its Function view) and
// its figures.
func (row *functionRow) Render() app.UI {
	i := row.Index
	return app.Tr().Body(
		app.Th().Scope("row").Body(app.Button().Type("button").Class("link").Text(row.Name).
			Title("Show "+row.Name+" in the Function view").DataSet("index", i).
			OnClick(func(ctx app.Context, e app.Event) { row.View.Show(eventIndex(ctx)) })),
		app.Range(functionColumns).Slice(func(j int) app.UI {
			c := functionColumns[j]
			unit := c.unit
			if unit == "MB" {
				unit = ""
			}
			label := c.label
			if c.key == "lambda" {
				label = row.Compute
			}
			return cell(fmt.Sprintf("functions.%d.%s", i, c.metric), row.Values[j], unit, label+" of "+row.Name)
		}),
	)
}

func projectionsTable(r *model.Report) app.UI {
	return tableRegion(fmt.Sprintf("Functions and their services at a multiple of today's traffic (global services excluded); %g%% saved from %g× on",
		spec.AtScaleSavings*100, float64(spec.AtScaleFactor)), app.Table(),
		columns("Traffic", "Invocations/month", "Monthly cost", "Cost per invocation"),
		app.TBody().Body(app.Range(r.ScalingProjections).Slice(func(i int) app.UI {
			pr := r.ScalingProjections[i]
			key := fmt.Sprintf("scaling_projections.%gx_scale.", pr.Factor)
			return app.Tr().Body(
				app.Th().Scope("row").Text(fmt.Sprintf("%g×", pr.Factor)),
				cell(key+"monthly_invocations", pr.MonthlyInvocations, "", "today's invocations × factor"),
				cell(key+"monthly_cost", pr.MonthlyCost, "USD/month", fmt.Sprintf("today's function and service cost × factor (−%g%% from %g×)",
					spec.AtScaleSavings*100, float64(spec.AtScaleFactor))),
				cell(key+"cost_per_invocation", pr.CostPerInvocation, "USD", "monthly cost ÷ invocations"),
			)
		})),
	)
}

func opportunities(ops []spec.Opportunity) app.UI {
	if len(ops) == 0 {
		return app.P().Text(fmt.Sprintf("No function is under %g%% memory efficiency or over %g%% cold-start impact.",
			float64(spec.LowMemoryEfficiencyPercent), float64(spec.ColdStartImpactPercent)))
	}
	return app.Ul().Class("opportunities").Body(app.Range(ops).Slice(func(i int) app.UI {
		o := ops[i]
		gain := o.PotentialSavings
		if gain == "" {
			gain = o.PotentialImprovement
		}
		return app.Li().Body(
			app.Strong().Text(o.Type+": "),
			app.Text(o.Action+" ("+gain+"). "),
			app.Span().Class("affected").Text("Affects "+strings.Join(o.AffectedFunctions, ", ")+"."),
		)
	}))
}

// globalServicesTable breaks down what the whole application shares.
func globalServicesTable(r *model.Report) app.UI {
	g := r.GlobalServices
	xray := "traces recorded a month beyond X-Ray's free tier × trace price"
	if g.XRayTraces > 0 && g.XRayFreeTraces == 0 {
		xray = "every invocation traced above 1M a month × trace price (the spec's convention)"
	}
	rows := []struct{ key, label, explain string }{
		{"deployment", "Deployment automation", "flat monthly allowance"},
		{"codebuild", "Build pipeline (CodeBuild)", "flat monthly allowance"},
		{"secrets_manager", "Secrets Manager", "secrets × price per secret-month"},
		{"x_ray", "X-Ray", xray},
		{"cloudwatch_insights", "CloudWatch Logs Insights", "flat allowance above 1M invocations a month"},
		{"iam", "IAM", "free"},
	}
	values := map[string]float64{"deployment": g.Deployment, "codebuild": g.CodeBuild, "secrets_manager": g.SecretsManager,
		"x_ray": g.XRay, "cloudwatch_insights": g.CloudWatchInsights, "iam": g.IAM}
	return tableRegion("Global services, shared by the application", app.Table(),
		columns("Service", "Per month"),
		app.TBody().Body(
			app.Range(rows).Slice(func(i int) app.UI {
				row := rows[i]
				return app.Tr().Body(app.Th().Scope("row").Text(row.label),
					cell("global_services."+row.key, values[row.key], "USD/month", row.explain))
			}),
			app.Tr().Body(app.Th().Scope("row").Text("X-Ray traces recorded"),
				cell("global_services.x_ray_traces", g.XRayTraces, "/month", "under the scenario's sampling rule, summed over the functions")),
			app.Tr().Body(app.Th().Scope("row").Text("… of them free"),
				cell("global_services.x_ray_free_traces", g.XRayFreeTraces, "/month", "X-Ray's monthly free tier")),
			app.Tr().Class("total-row").Body(app.Th().Scope("row").Text("Total"),
				cell("global_services.total_cost", g.TotalCost, "USD/month", "sum of the services above")),
		),
	)
}
