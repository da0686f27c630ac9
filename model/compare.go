package model

// Comparison puts two scenarios' reports side by side: the application's
// totals and each function's monthly cost (functions matched by name; a
// function in one scenario only costs 0 in the other).
type Comparison struct {
	Totals    []ComparedFigure `json:"totals"`
	Functions []ComparedFigure `json:"functions"`
}

// ComparedFigure is one figure in scenarios A and B and its change B − A.
// Key is the figure's key in the report's total_summary, or the function's
// name.
type ComparedFigure struct {
	Key        string  `json:"key"`
	A          float64 `json:"a"`
	B          float64 `json:"b"`
	Difference float64 `json:"difference"`
}

// ComparedBillParts are the keys of the totals that add up to the bill's
// difference (the rest are the bill itself and figures that do not add).
func ComparedBillParts() []string {
	return []string{"lambda_cost", "supporting_services_cost", "global_services_cost", "compliance_cost"}
}

// CompareReports compares report a with report b: the totals of the bill,
// its parts, invocations, cost per invocation and peak concurrency, then the
// functions in a's order followed by those only b has.
func CompareReports(a, b *Report) Comparison {
	ta, tb := &a.TotalSummary, &b.TotalSummary
	pair := func(key string, x, y float64) ComparedFigure {
		return ComparedFigure{Key: key, A: x, B: y, Difference: y - x}
	}
	c := Comparison{Totals: []ComparedFigure{
		pair("total_monthly_cost", ta.TotalMonthlyCost, tb.TotalMonthlyCost),
		pair("lambda_cost", ta.LambdaCost, tb.LambdaCost),
		pair("supporting_services_cost", ta.SupportingServicesCost, tb.SupportingServicesCost),
		pair("global_services_cost", ta.GlobalServicesCost, tb.GlobalServicesCost),
		pair("compliance_cost", ta.ComplianceCost, tb.ComplianceCost),
		pair("total_monthly_invocations", ta.TotalMonthlyInvocations, tb.TotalMonthlyInvocations),
		pair("cost_per_invocation", ta.CostPerInvocation, tb.CostPerInvocation),
		pair("peak_concurrent_executions", ta.PeakConcurrentExecutions, tb.PeakConcurrentExecutions),
	}}
	index := make(map[string]int, len(a.Functions))
	for i := range a.Functions {
		index[a.Functions[i].Name] = len(c.Functions)
		c.Functions = append(c.Functions, pair(a.Functions[i].Name, a.Functions[i].TotalMonthlyCost, 0))
	}
	for i := range b.Functions {
		f := &b.Functions[i]
		if j, ok := index[f.Name]; ok {
			c.Functions[j] = pair(f.Name, c.Functions[j].A, f.TotalMonthlyCost)
		} else {
			c.Functions = append(c.Functions, pair(f.Name, 0, f.TotalMonthlyCost))
		}
	}
	return c
}
