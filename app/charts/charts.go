// Package charts builds the ECharts options of the planner's charts from a
// report, from go-echarts' typed option components. Options are JSON; the
// browser's ECharts draws them. Text from users (function names) is only
// ever data: the page's chart script renders tooltips with escaped text.
package charts

import (
	"encoding/json"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// option is one chart's ECharts option, built from go-echarts' components
// (package opts). go-echarts' charts package assembles the same, but it
// also renders HTML pages with html/template, which the browser never runs
// and app.wasm would carry.
type option struct {
	Animation bool         `json:"animation"`
	Color     []string     `json:"color"`
	Title     opts.Title   `json:"title"`
	Legend    opts.Legend  `json:"legend"`
	Tooltip   opts.Tooltip `json:"tooltip"`
	Grid      []opts.Grid  `json:"grid,omitempty"`
	XAxis     []opts.XAxis `json:"xAxis,omitempty"`
	YAxis     []opts.YAxis `json:"yAxis,omitempty"`
	Series    []series     `json:"series"`
}

// series is one ECharts series: Type "line", "bar", "scatter" or "pie",
// Data a slice of go-echarts' LineData, BarData, ScatterData or PieData.
type series struct {
	Name       string          `json:"name"`
	Type       string          `json:"type"`
	Data       any             `json:"data"`
	Stack      string          `json:"stack,omitempty"`
	YAxisIndex int             `json:"yAxisIndex,omitempty"`
	ShowSymbol *bool           `json:"showSymbol,omitempty"`
	Symbol     string          `json:"symbol,omitempty"`
	SymbolSize int             `json:"symbolSize,omitempty"`
	Step       string          `json:"step,omitempty"`
	Radius     []string        `json:"radius,omitempty"`
	Center     []string        `json:"center,omitempty"`
	Label      *opts.Label     `json:"label,omitempty"`
	LineStyle  *opts.LineStyle `json:"lineStyle,omitempty"`
	AreaStyle  *opts.AreaStyle `json:"areaStyle,omitempty"`
	ItemStyle  *opts.ItemStyle `json:"itemStyle,omitempty"`
	MarkPoint  *markPoint      `json:"markPoint,omitempty"`
}

// markPoint labels points of a series.
type markPoint struct {
	Data []opts.MarkPointNameCoordItem `json:"data"`
}

// Palette of the planner, colour-blind safe (Okabe–Ito).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#000000"}

// newOption starts a chart with the planner's title, palette and legend;
// its tooltip shows on "axis" or on "item".
func newOption(title, tooltipTrigger string) *option {
	return &option{
		Color:   palette,
		Title:   opts.Title{Title: title, TitleStyle: &opts.TextStyle{FontSize: 14}},
		Legend:  opts.Legend{Show: opts.Bool(true), Top: "24", Type: "scroll"},
		Tooltip: opts.Tooltip{Show: opts.Bool(true), Trigger: tooltipTrigger},
	}
}

// newAxisChart starts a chart on the usual grid with its x axis and its
// first y axis.
func newAxisChart(title string, x opts.XAxis, y opts.YAxis) *option {
	o := newOption(title, "axis")
	o.Grid = []opts.Grid{{Left: "64", Right: "64", Top: "72", Bottom: "48", ContainLabel: opts.Bool(true)}}
	o.XAxis, o.YAxis = []opts.XAxis{x}, []opts.YAxis{y}
	return o
}

// categories is an x axis of labelled categories, named below its middle.
func categories(name string, labels []string) opts.XAxis {
	return opts.XAxis{Name: name, NameLocation: "middle", NameGap: 30, Data: labels}
}

// values is a value axis.
func values(name string) opts.YAxis {
	return opts.YAxis{Name: name, Type: "value"}
}

// addRightAxis adds a second value axis on the right, for the series with
// YAxisIndex 1.
func (o *option) addRightAxis(name string) {
	o.YAxis = append(o.YAxis, opts.YAxis{Name: name, Type: "value", Position: "right"})
}

// add appends series.
func (o *option) add(s ...series) *option {
	o.Series = append(o.Series, s...)
	return o
}

// json is the option's JSON.
func (o *option) json() string {
	data, err := json.Marshal(o)
	if err != nil {
		return "{}"
	}
	return string(data)
}

// noSymbol hides a line's point symbols.
var noSymbol = opts.Bool(false)

// trimFloat writes a number without trailing zeros.
func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
