package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// tableRegion is a table with its caption, in a region that scrolls sideways
// on narrow screens. The region is named by the caption and takes keyboard
// focus, so that it also scrolls with the arrow keys.
func tableRegion(caption string, table app.HTMLTable, parts ...app.UI) app.HTMLDiv {
	return app.Div().Class("table-wrap").TabIndex(0).Attr("role", "region").Aria("label", caption).
		Body(table.Body(append([]app.UI{app.Caption().Text(caption)}, parts...)...))
}

// columns is a table's head: one column header per label.
func columns(labels ...string) app.HTMLTHead {
	cells := make([]app.UI, len(labels))
	for i, l := range labels {
		cells[i] = app.Th().Scope("col").Text(l)
	}
	return app.THead().Body(app.Tr().Body(cells...))
}
