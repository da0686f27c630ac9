package charts

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"planner/model"
)

// costPart is one stacked part of a function's monthly bill.
type costPart struct {
	name string
	cost func(*model.FunctionReport) float64
}

var costParts = []costPart{
	{"Compute", func(f *model.FunctionReport) float64 { return f.CostBreakdown.ComputeCost }},
	{"Requests", func(f *model.FunctionReport) float64 { return f.CostBreakdown.RequestCost }},
	{"Provisioned", func(f *model.FunctionReport) float64 { return f.CostBreakdown.ProvisionedCost }},
	{"Ephemeral storage", func(f *model.FunctionReport) float64 { return f.CostBreakdown.EphemeralStorageCost }},
	{"Compliance and monitoring", func(f *model.FunctionReport) float64 {
		return f.CostBreakdown.ComplianceCost + f.CostBreakdown.MonitoringCost
	}},
	{"API Gateway", func(f *model.FunctionReport) float64 { return f.SupportingServices.APIGateway }},
	{"CloudWatch Logs", func(f *model.FunctionReport) float64 { return f.SupportingServices.CloudWatchLogs }},
	{"DynamoDB", func(f *model.FunctionReport) float64 { return f.SupportingServices.DynamoDB }},
	{"S3", func(f *model.FunctionReport) float64 { return f.SupportingServices.S3 }},
}

// CostByFunction stacks each function's monthly cost by service. Parts no
// function pays for are left out.
func CostByFunction(r *model.Report) string {
	names := make([]string, len(r.Functions))
	for i := range r.Functions {
		names[i] = r.Functions[i].Name
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Monthly cost by function and service"), axisTooltip(), grid(),
		charts.WithYAxisOpts(opts.YAxis{Name: "USD/month", Type: "value"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 20}}))...)
	bar.SetXAxis(names)
	for _, part := range costParts {
		data := make([]opts.BarData, len(r.Functions))
		any := false
		for i := range r.Functions {
			v := part.cost(&r.Functions[i])
			any = any || v > 0
			data[i] = opts.BarData{Value: round(v, 2)}
		}
		if any {
			bar.AddSeries(part.name, data, charts.WithBarChartOpts(opts.BarChart{Stack: "cost"}))
		}
	}
	return encode(bar)
}

// CostShare is a donut of the bill's main parts.
func CostShare(r *model.Report) string {
	ts := r.TotalSummary
	pie := charts.NewPie()
	pie.SetGlobalOptions(append(common("Where the money goes"), itemTooltip())...)
	data := []opts.PieData{}
	for _, p := range []struct {
		name string
		v    float64
	}{{"Lambda", ts.LambdaCost}, {"Supporting services", ts.SupportingServicesCost},
		{"Global services", ts.GlobalServicesCost}, {"Compliance", ts.ComplianceCost}} {
		if p.v > 0 {
			data = append(data, opts.PieData{Name: p.name, Value: round(p.v, 2)})
		}
	}
	pie.AddSeries("Monthly cost (USD)", data, charts.WithPieChartOpts(opts.PieChart{Radius: []string{"40%", "68%"}, Center: []string{"50%", "58%"}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}: {d}%"}))
	return encode(pie)
}

// Projections draws the monthly cost at 2×, 5×, 10× and 20× today's traffic.
func Projections(r *model.Report) string {
	labels := make([]string, 0, len(r.ScalingProjections)+1)
	costs := make([]opts.BarData, 0, cap(labels))
	perCall := make([]opts.LineData, 0, cap(labels))
	labels = append(labels, "today")
	today := functionsCost(r)
	costs = append(costs, opts.BarData{Value: round(today, 2)})
	perMillion := 0.0
	if n := r.TotalSummary.TotalMonthlyInvocations; n > 0 {
		perMillion = today / n * 1e6
	}
	perCall = append(perCall, opts.LineData{Value: round(perMillion, 4)})
	for _, p := range r.ScalingProjections {
		labels = append(labels, formatFactor(p.Factor))
		costs = append(costs, opts.BarData{Value: round(p.MonthlyCost, 2)})
		perCall = append(perCall, opts.LineData{Value: round(p.CostPerInvocation*1e6, 4)})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Scaling projections"), axisTooltip(), grid(),
		charts.WithXAxisOpts(opts.XAxis{Name: "Traffic", NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(opts.YAxis{Name: "USD/month", Type: "value"}))...)
	bar.ExtendYAxis(opts.YAxis{Name: "USD per million invocations", Type: "value", Position: "right"})
	line := charts.NewLine()
	line.SetXAxis(labels).AddSeries("Cost per million invocations (USD)", perCall, charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1}))
	bar.SetXAxis(labels).AddSeries("Monthly cost (USD)", costs)
	bar.Overlap(line)
	return encode(bar)
}

// functionsCost is what the projections scale: functions and their services.
func functionsCost(r *model.Report) float64 {
	total := 0.0
	for i := range r.Functions {
		total += r.Functions[i].TotalMonthlyCost
	}
	return total
}

func formatFactor(f float64) string {
	return trimFloat(f) + "×"
}

// Alerts counts the generated rules by function and severity.
func Alerts(r *model.Report) string {
	var names []string
	index := map[string]int{}
	for _, a := range r.Alerts {
		fn := a.Function
		if fn == "" {
			fn = "(global)"
		}
		if _, ok := index[fn]; !ok {
			index[fn] = len(names)
			names = append(names, fn)
		}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Alert rules by function and severity"), axisTooltip(), grid(),
		charts.WithYAxisOpts(opts.YAxis{Name: "Rules", Type: "value", MinInterval: 1}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 20}}))...)
	bar.SetXAxis(names)
	colours := map[string]string{"critical": "#D55E00", "warning": "#E69F00"}
	for _, severity := range []string{"critical", "warning"} {
		counts := make([]opts.BarData, len(names))
		for i := range counts {
			counts[i] = opts.BarData{Value: 0}
		}
		n := make([]int, len(names))
		for _, a := range r.Alerts {
			fn := a.Function
			if fn == "" {
				fn = "(global)"
			}
			if a.Severity == severity {
				n[index[fn]]++
			}
		}
		for i, c := range n {
			counts[i] = opts.BarData{Value: c}
		}
		bar.AddSeries(severity, counts, charts.WithBarChartOpts(opts.BarChart{Stack: "rules"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colours[severity]}))
	}
	return encode(bar)
}
