package charts

import (
	"math"

	"github.com/go-echarts/go-echarts/v2/opts"

	"planner/model"
	"planner/model/num"
)

// CompareCosts shows where the cost difference between scenarios A and B
// comes from: B − A by part of the bill (named by labels, keyed as the
// report's totals), then by function.
func CompareCosts(c model.Comparison, labels map[string]string) string {
	var names []string
	var deltas []float64
	for _, key := range model.ComparedBillParts() {
		for _, t := range c.Totals {
			if t.Key == key {
				names, deltas = append(names, labels[key]), append(deltas, t.Difference)
			}
		}
	}
	// Past maxBars functions, those that move the bill most and the others
	// together.
	keys := make([]string, len(c.Functions))
	for i := range c.Functions {
		keys[i] = c.Functions[i].Key
	}
	shown, groupOf := barGroups(keys, func(i int) float64 { return math.Abs(c.Functions[i].Difference) })
	sums := make([]float64, len(shown))
	for i := range c.Functions {
		sums[groupOf[i]] += c.Functions[i].Difference
	}
	names, deltas = append(names, shown...), append(deltas, sums...)
	data := make([]opts.BarData, len(deltas))
	for i, d := range deltas {
		colour := "#009E73"
		if d > 0 {
			colour = "#D55E00"
		}
		data[i] = opts.BarData{Value: num.Round(d, 2), ItemStyle: &opts.ItemStyle{Color: colour}}
	}
	// Horizontal bars: the parts and functions down the y axis.
	o := newAxisChart("Where the difference comes from (B − A, USD/month)",
		opts.XAxis{Type: "value", Name: "USD/month"},
		opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: names})
	o.Grid = []opts.Grid{{Left: "16", Right: "32", Top: "64", Bottom: "24", ContainLabel: opts.Bool(true)}}
	return o.add(series{Name: "B − A", Type: "bar", Data: data}).json()
}
