package app

import (
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// figure is one number of the report on screen. Metric is its dotted path in
// the Report JSON; the element carries data-metric and data-value (the raw
// number) for other tools, shows the value with its unit, and explains
// itself (the formula with the inputs filled in) on hover, focus or tap.
type figure struct {
	Label   string
	Metric  string
	Value   float64
	Unit    string // "USD", "USD/month", "ms", "%", "instances", …
	Explain string
}

// render draws the figure.
func (f figure) render() app.UI { return f.element() }

// element is render's element, for callers that add attributes (a
// data-source).
func (f figure) element() app.HTMLDiv {
	return app.Div().Class("figure").
		DataSet("metric", f.Metric).
		DataSet("value", strconv.FormatFloat(f.Value, 'g', -1, 64)).
		Attr("tabindex", 0).
		Title(f.Explain).
		Aria("label", f.Label+": "+formatValue(f.Value, f.Unit)+". "+f.Explain).
		Body(
			app.Span().Class("fig-label").Text(f.Label),
			app.Span().Class("fig-value").Text(formatValue(f.Value, f.Unit)),
			app.If(f.Explain != "", func() app.UI {
				return app.Span().Class("fig-explain").Aria("hidden", true).Text(f.Explain)
			}),
		)
}

// cellRender draws the figure inside a table cell: the value only, the
// label being the cell's headers.
func (f figure) cellRender() app.UI { return f.cellElement() }

// cellElement is cellRender's element, for callers that add attributes.
func (f figure) cellElement() app.HTMLSpan {
	return app.Span().Class("cell-figure").
		DataSet("metric", f.Metric).
		DataSet("value", strconv.FormatFloat(f.Value, 'g', -1, 64)).
		DataSet("explain", f.Explain).
		Attr("tabindex", 0).
		Title(f.Explain).
		Text(formatValue(f.Value, f.Unit))
}

// figures renders a grid of figures.
func figures(fs ...figure) app.UI {
	return app.Div().Class("figures").Body(app.Range(fs).Slice(func(i int) app.UI { return fs[i].render() }))
}

// formatValue writes a number with its unit for people.
func formatValue(v float64, unit string) string {
	switch unit {
	case "USD/month":
		return money(v) + "/month"
	case "USD":
		return money(v)
	case "%":
		return fmtNumber(v, 1) + "%"
	case "fraction":
		return fmtNumber(v*100, 2) + "%"
	case "":
		return fmtNumber(v, 2)
	}
	if strings.HasPrefix(unit, "/") { // a rate: "/month"
		return fmtNumber(v, 2) + unit
	}
	return fmtNumber(v, 2) + " " + unit
}

// money writes dollars: cents for amounts of a dollar and more, four
// significant digits below.
func money(v float64) string {
	if v < 0 {
		return "−" + money(-v)
	}
	if a := math.Abs(v); a != 0 && a < 1 {
		decimals := min(12, 3-int(math.Floor(math.Log10(a))))
		return "$" + strconv.FormatFloat(v, 'f', decimals, 64)
	}
	return "$" + model.GroupDigits(strconv.FormatFloat(v, 'f', 2, 64))
}

// fmtNumber writes a number with at most `decimals` decimals, thousands commas
// and a minus sign (U+2212) where it is negative once rounded.
func fmtNumber(v float64, decimals int) string {
	if math.Abs(v) >= 1000 {
		decimals = 0
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if v < 0 && strings.Trim(s, "0.") != "" {
		return "−" + model.GroupDigits(s)
	}
	return model.GroupDigits(s)
}

// g writes a number compactly for formulas.
func g(v float64) string {
	if math.Abs(v) >= 1e6 && v == math.Trunc(v) && math.Abs(v) < 1e18 {
		return model.GroupDigits(strconv.FormatFloat(v, 'f', 0, 64))
	}
	if math.Abs(v) >= 1e6 || (v != 0 && math.Abs(v) < 1e-3) {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	return fmtNumber(v, 4)
}
