package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/interop"
)

// alertsView lists the generated alert rules, charts them and offers them as
// a Prometheus rules file.
func alertsView(s *session, tell func(notice), page *pager) app.UI {
	r := s.report
	return app.Div().Body(
		app.H2().Text("Alerts"),
		app.P().Text(plural(r.AlertCounts.Rules, "rule")+", "+plural(r.AlertCounts.Critical, "critical rule")+"."),
		app.Button().Type("button").Class("primary").ID("export-prometheus").Text("Download Prometheus rules (YAML)").
			OnClick(func(ctx app.Context, e app.Event) {
				downloadReport(ctx, s, interop.FormatPrometheusRules, "alert-rules.yaml", "application/yaml", tell)
			}),
		app.Div().Class("charts").Body(&Chart{Session: s, Revision: s.reportRevision, Kind: alertsChart, Label: "Alert rules by function and severity"}),
		tableRegion("Alert rules", app.Table().Class("alerts", "wide-text"),
			columns("Rule", "Severity", "Condition", "For", "Description"),
			app.TBody().Body(app.Range(r.Alerts[:page.rows(len(r.Alerts))]).Slice(func(i int) app.UI {
				a := r.Alerts[i]
				return app.Tr().Body(
					app.Th().Scope("row").Text(a.Name),
					app.Td().Body(app.Span().Class("badge "+a.Severity).Text(a.Severity)),
					app.Td().Body(app.Code().Text(a.Condition)),
					app.Td().Text(a.Duration),
					app.Td().Text(a.Description),
				)
			})),
		),
		page.more("alert rules", len(r.Alerts)),
	)
}
