package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// pageRows is how many rows a long table shows at first and adds at a time:
// a scenario of thousands of functions renders what a person reads.
const pageRows = 100

// pager is how many rows of a long table are shown (0: the first page).
type pager struct{ shown int }

// rows is how many of total rows to render.
func (p *pager) rows(total int) int {
	if p.shown <= 0 {
		return min(total, pageRows)
	}
	return min(total, p.shown)
}

// more says how many rows of total are shown, with buttons to show more
// or all; nothing when all are shown.
func (p *pager) more(what string, total int) app.UI {
	n := p.rows(total)
	if n >= total {
		return app.Div()
	}
	count := func(k int) string { return model.GroupDigits(strconv.Itoa(k)) }
	return app.P().Class("pager").Attr("role", "status").Body(
		app.Text("Showing "+count(n)+" of "+count(total)+" "+what+". "),
		app.Button().Type("button").Class("small").Text("Show "+count(min(pageRows, total-n))+" more").
			OnClick(func(app.Context, app.Event) { p.shown = n + pageRows }),
		app.Button().Type("button").Class("small").Text("Show all").
			OnClick(func(app.Context, app.Event) { p.shown = total }),
	)
}
