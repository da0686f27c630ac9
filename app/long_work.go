package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// longWork shows work running in the background: how far it has gone (a
// share, 0 to 1) and a button that stops it.
func longWork(label string, share float64, stop app.EventHandler) app.UI {
	return app.Span().Class("long-work").Attr("role", "status").Body(
		app.Progress().Max(1).Value(strconv.FormatFloat(share, 'f', 3, 64)).Aria("label", label),
		app.Text(" "+strconv.Itoa(int(share*100))+"% "),
		app.Button().Type("button").Class("small").Text("Cancel").Aria("label", "Cancel: "+label).OnClick(stop),
	)
}
