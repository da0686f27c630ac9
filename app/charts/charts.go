// Package charts builds the ECharts options of the planner's charts from a
// report, with go-echarts. Options are JSON; the browser's ECharts draws
// them. Text from users (function names) is only ever data: the page's chart
// script renders tooltips with escaped text.
package charts

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// validator is a go-echarts chart.
type validator interface {
	Validate()
	JSON() map[string]any
}

// encode validates a chart and returns its option JSON.
func encode(c validator) string {
	c.Validate()
	data, err := json.Marshal(c.JSON())
	if err != nil {
		return "{}"
	}
	return string(data)
}

// Palette of the planner, colour-blind safe (Okabe–Ito).
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#000000"}

// common are the options every chart shares.
func common(title string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title, TitleStyle: &opts.TextStyle{FontSize: 14}}),
		charts.WithColorsOpts(opts.Colors(palette)),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "24", Type: "scroll"}),
		charts.WithAnimation(false),
	}
}

func axisTooltip() charts.GlobalOpts {
	return charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"})
}

func itemTooltip() charts.GlobalOpts {
	return charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"})
}

func grid() charts.GlobalOpts {
	return charts.WithGridOpts(opts.Grid{Left: "64", Right: "64", Top: "72", Bottom: "48", ContainLabel: opts.Bool(true)})
}

// round keeps `decimals` decimals, enough for a chart and a short option.
func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

// roundSignificant keeps n significant digits.
func roundSignificant(v float64, n int) float64 {
	if v == 0 {
		return 0
	}
	d := n - 1 - int(math.Floor(math.Log10(math.Abs(v))))
	return round(v, d)
}

// trimFloat writes a number without trailing zeros.
func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
