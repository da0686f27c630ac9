package model

import "testing"

// Functions pair by name, in A's order, then B's own; the bill's parts add
// up to the bill's difference.
func TestCompareReports(t *testing.T) {
	a, b := DefaultScenario(), DefaultScenario()
	b.Functions = b.Functions[1:]
	b.Functions[0].AllocatedMemoryMb *= 2
	extra := DefaultFunction()
	extra.Name = "extra"
	b.Functions = append(b.Functions, extra)
	ra, _ := Evaluate(&a)
	rb := mustEvaluate(t, &b)
	c := CompareReports(ra, rb)
	if len(c.Functions) != 5 || c.Functions[0].Key != ra.Functions[0].Name || c.Functions[0].B != 0 ||
		c.Functions[4].Key != "extra" || c.Functions[4].A != 0 || c.Functions[4].B != rb.Functions[3].TotalMonthlyCost {
		t.Errorf("functions %+v", c.Functions)
	}
	if d := c.Functions[1]; d.A != ra.Functions[1].TotalMonthlyCost || d.B != rb.Functions[0].TotalMonthlyCost || d.Difference != d.B-d.A {
		t.Errorf("doubled memory: %+v", d)
	}
	parts := 0.0
	for _, f := range c.Totals {
		for _, key := range ComparedBillParts() {
			if f.Key == key {
				parts += f.Difference
			}
		}
	}
	if bill := c.Totals[0]; bill.Key != "total_monthly_cost" || abs(parts-bill.Difference) > 1e-9*max(1, abs(bill.Difference)) {
		t.Errorf("parts %v, bill %+v", parts, bill)
	}
}
