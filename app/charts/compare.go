package charts

import (
	"github.com/go-echarts/go-echarts/v2/opts"

	"planner/model"
	"planner/model/num"
)

// FunctionDelta is one function's monthly cost in two scenarios (0 where it
// is absent).
type FunctionDelta struct {
	Name string
	A, B float64
}

// CompareCosts shows where the cost difference between scenarios A and B
// comes from: B − A by part of the bill, then by function.
func CompareCosts(a, b *model.Report, fns []FunctionDelta) string {
	labels := []string{"Lambda", "Supporting services", "Global services", "Compliance"}
	ta, tb := a.TotalSummary, b.TotalSummary
	deltas := []float64{tb.LambdaCost - ta.LambdaCost, tb.SupportingServicesCost - ta.SupportingServicesCost,
		tb.GlobalServicesCost - ta.GlobalServicesCost, tb.ComplianceCost - ta.ComplianceCost}
	for _, f := range fns {
		labels = append(labels, f.Name)
		deltas = append(deltas, f.B-f.A)
	}
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
		opts.YAxis{Type: "category", Inverse: opts.Bool(true), Data: labels})
	o.Grid = []opts.Grid{{Left: "16", Right: "32", Top: "64", Bottom: "24", ContainLabel: opts.Bool(true)}}
	return o.add(series{Name: "B − A", Type: "bar", Data: data}).json()
}
