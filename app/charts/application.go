package charts

import (
	"github.com/go-echarts/go-echarts/v2/opts"

	"planner/model"
	"planner/model/num"
)

// costPart is one stacked part of a function's monthly bill.
type costPart struct {
	name string
	cost func(*model.FunctionReport) float64
}

var costParts = []costPart{
	{"Compute", func(f *model.FunctionReport) float64 { return f.CostBreakdown.ComputeCost }},
	{"INIT (cold starts)", func(f *model.FunctionReport) float64 { return f.CostBreakdown.InitCost }},
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

// CostByFunction stacks each function's monthly cost by service (past
// maxBars functions, the costliest and the others together). Parts no
// function pays for are left out.
func CostByFunction(r *model.Report) string {
	names := make([]string, len(r.Functions))
	for i := range r.Functions {
		names[i] = r.Functions[i].Name
	}
	labels, groupOf := barGroups(names, func(i int) float64 { return r.Functions[i].TotalMonthlyCost })
	o := newAxisChart("Monthly cost by function and service",
		functionAxis(labels),
		values("USD/month"))
	sums := make([]float64, len(labels))
	for _, part := range costParts {
		clear(sums)
		any := false
		for i := range r.Functions {
			v := part.cost(&r.Functions[i])
			any = any || v > 0
			sums[groupOf[i]] += v
		}
		if any {
			data := make([]opts.BarData, len(labels))
			for g, v := range sums {
				data[g] = opts.BarData{Value: num.Round(v, 2)}
			}
			o.add(series{Name: part.name, Type: "bar", Stack: "cost", Data: data})
		}
	}
	return o.json()
}

// CostShare is a donut of the bill's main parts.
func CostShare(r *model.Report) string {
	ts := r.TotalSummary
	data := []opts.PieData{}
	for _, p := range []struct {
		name string
		v    float64
	}{{r.Pricing.FunctionsBillName(), ts.LambdaCost}, {"Supporting services", ts.SupportingServicesCost},
		{"Global services", ts.GlobalServicesCost}, {"Compliance", ts.ComplianceCost}} {
		if p.v > 0 {
			data = append(data, opts.PieData{Name: p.name, Value: num.Round(p.v, 2)})
		}
	}
	return newOption("Where the money goes", "item").add(series{Name: "Monthly cost (USD)", Type: "pie", Data: data,
		Radius: []string{"40%", "68%"}, Center: []string{"50%", "58%"}, Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}: {d}%"}}).json()
}

// Projections draws the monthly cost at 2×, 5×, 10× and 20× today's traffic.
func Projections(r *model.Report) string {
	labels := make([]string, 0, len(r.ScalingProjections)+1)
	costs := make([]opts.BarData, 0, cap(labels))
	perCall := make([]opts.LineData, 0, cap(labels))
	labels = append(labels, "today")
	today := r.TotalSummary.FunctionsAndServicesCost
	costs = append(costs, opts.BarData{Value: num.Round(today, 2)})
	perMillion := 0.0
	if n := r.TotalSummary.TotalMonthlyInvocations; n > 0 {
		perMillion = today / n * 1e6
	}
	perCall = append(perCall, opts.LineData{Value: num.Round(perMillion, 4)})
	for _, p := range r.ScalingProjections {
		labels = append(labels, formatFactor(p.Factor))
		costs = append(costs, opts.BarData{Value: num.Round(p.MonthlyCost, 2)})
		perCall = append(perCall, opts.LineData{Value: num.Round(p.CostPerInvocation*1e6, 4)})
	}
	o := newAxisChart("Scaling projections", categories("Traffic", labels), values("USD/month"))
	o.addRightAxis("USD per million invocations")
	return o.add(
		series{Name: "Monthly cost (USD)", Type: "bar", Data: costs},
		series{Name: "Cost per million invocations (USD)", Type: "line", YAxisIndex: 1, Data: perCall},
	).json()
}

// functionAxis has a category per function, every name shown, slanted.
func functionAxis(names []string) opts.XAxis {
	return opts.XAxis{AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 20}, Data: names}
}

// functionsCost is what the projections scale: functions and their services.
func formatFactor(f float64) string {
	return trimFloat(f) + "×"
}

// Alerts counts the generated rules by function and severity (past maxBars
// functions, those with the most rules and the others together). Global
// rules have a category of their own, "(global)".
func Alerts(r *model.Report) string {
	var names []string
	index := map[string]int{}
	var rules []int
	of := make([]int, len(r.Alerts)) // each rule's function in names
	for k, a := range r.Alerts {
		fn := a.Function
		if fn == "" {
			fn = "(global)"
		}
		i, ok := index[fn]
		if !ok {
			i = len(names)
			index[fn] = i
			names = append(names, fn)
			rules = append(rules, 0)
		}
		rules[i]++
		of[k] = i
	}
	labels, groupOf := barGroups(names, func(i int) float64 { return float64(rules[i]) })
	o := newAxisChart("Alert rules by function and severity",
		functionAxis(labels),
		opts.YAxis{Name: "Rules", Type: "value", MinInterval: 1})
	colours := map[string]string{"critical": "#D55E00", "warning": "#E69F00"}
	for _, severity := range []string{"critical", "warning"} {
		n := make([]int, len(labels))
		for k, a := range r.Alerts {
			if a.Severity == severity {
				n[groupOf[of[k]]]++
			}
		}
		counts := make([]opts.BarData, len(labels))
		for g, c := range n {
			counts[g] = opts.BarData{Value: c}
		}
		o.add(series{Name: severity, Type: "bar", Stack: "rules", Data: counts, ItemStyle: &opts.ItemStyle{Color: colours[severity]}})
	}
	return o.json()
}
