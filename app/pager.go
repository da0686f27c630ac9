package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// pageRows is how many rows a long table shows at first and adds at a time:
// a scenario of thousands of functions renders what a person reads (a
// page of 50 rows mounts in about a quarter of the time 2,000 functions'
// figures take to open).
const pageRows = 50

// screenRows is how many rows of a long list a view's first task draws,
// about a screenful; the rest of its page follows in the next task (the
// first 50 rows of figures alone took 100–200 ms to mount).
const screenRows = 15

// pager is how many rows of a long table are shown (0: the first page),
// and how many a page holds (0: pageRows; fewer where each row is a group
// of rows).
type pager struct{ shown, per int }

// page is how many rows a page holds.
func (p *pager) page() int {
	if p.per > 0 {
		return p.per
	}
	return pageRows
}

// rows is how many of total rows to render.
func (p *pager) rows(total int) int {
	if p.shown <= 0 {
		return min(total, p.page())
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
		app.Button().Type("button").Class("small").Text("Show "+count(min(p.page(), total-n))+" more").
			OnClick(func(app.Context, app.Event) { p.shown = n + p.page() }),
		app.Button().Type("button").Class("small").Text("Show all").
			OnClick(func(app.Context, app.Event) { p.shown = total }),
	)
}
