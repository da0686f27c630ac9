package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// forecastView forecasts the selected function and compares policies.
func (p *Planner) forecastView(r *model.Report) app.UI {
	i := p.selectedFunction()
	if i < 0 {
		return app.P().Text("Add a function to forecast it.")
	}
	return app.Div().Body(
		app.H2().Text("Forecast: "+r.Functions[i].Name),
		&ForecastLab{Session: p.s, Revision: p.s.reportRevision, Function: i},
	)
}
