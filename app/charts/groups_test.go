package charts

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"testing"

	"planner/model"
)

// Thirty functions: the nineteen costliest keep a bar each, in their order,
// and the eleven others share one; every series adds up to the functions'.
func TestCostByFunctionGroupsTheCheapest(t *testing.T) {
	s := model.DefaultScenario()
	base := s.Functions
	s.Functions = nil
	for i := range 30 {
		f := base[i%len(base)]
		f.Name = "fn" + strconv.Itoa(i)
		f.AvgExecutionTimeMs = float64(10 + 7*((i*13)%30)) // costs in no order
		s.Functions = append(s.Functions, f)
	}
	r, probs := model.Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	o := decode(t, "cost", CostByFunction(r))
	labels := o.XAxis[0].Data
	if len(labels) != maxBars || labels[maxBars-1] != "Other 11 functions" {
		t.Fatalf("categories %v", labels)
	}
	index := map[string]int{}
	for i, fr := range r.Functions {
		index[fr.Name] = i
	}
	at := map[string]bool{}
	cheapestKept, previous := math.Inf(1), -1
	for _, name := range labels[:maxBars-1] {
		at[name] = true
		i := index[name]
		if i <= previous {
			t.Errorf("%s is out of the scenario's order", name)
		}
		previous = i
		cheapestKept = min(cheapestKept, r.Functions[i].TotalMonthlyCost)
	}
	for _, fr := range r.Functions {
		if !at[fr.Name] && fr.TotalMonthlyCost > cheapestKept {
			t.Errorf("%s ($%.2f) is among the others but costs more than a kept one ($%.2f)", fr.Name, fr.TotalMonthlyCost, cheapestKept)
		}
	}
	chart, total := seriesTotal(t, o), 0.0
	for _, fr := range r.Functions {
		total += fr.TotalMonthlyCost
	}
	if math.Abs(chart-total) > 0.01*float64(maxBars*len(o.Series)) {
		t.Errorf("the chart adds up to $%.2f, the functions to $%.2f", chart, total)
	}
	a := decode(t, "alerts", Alerts(r))
	rules := int(seriesTotal(t, a))
	if len(a.XAxis[0].Data) != maxBars || rules != len(r.Alerts) {
		t.Errorf("alerts chart: %d categories, %d rules of %d", len(a.XAxis[0].Data), rules, len(r.Alerts))
	}
	if fmt.Sprint(barGroupsOf(3)) != "[[a b c] [0 1 2]]" {
		t.Errorf("three functions: %v", barGroupsOf(3))
	}
}

func barGroupsOf(n int) []any {
	names := []string{"a", "b", "c", "d"}[:n]
	labels, groupOf := barGroups(names, func(int) float64 { return 1 })
	return []any{labels, groupOf}
}

// seriesTotal adds up every value of every series of a chart.
func seriesTotal(t *testing.T, o decodedOption) float64 {
	t.Helper()
	total := 0.0
	for _, series := range o.Series {
		for _, d := range series.Data {
			var v struct{ Value float64 }
			if err := json.Unmarshal(d, &v); err != nil {
				t.Fatal(err)
			}
			total += v.Value
		}
	}
	return total
}

// A comparison of thirty functions draws the bill's parts, the nineteen
// functions that move it most and the others together; the functions'
// bars add up to their differences.
func TestCompareCostsGroupsTheSmallestDifferences(t *testing.T) {
	var c model.Comparison
	want := 0.0
	for i := range 30 {
		d := float64((i*7)%30) - 10
		c.Functions = append(c.Functions, model.ComparedFigure{Key: "fn" + strconv.Itoa(i), A: 100, B: 100 + d, Difference: d})
		want += d
	}
	o := decode(t, "compare", CompareCosts(c, nil))
	var y struct {
		YAxis []struct{ Data []string } `json:"yAxis"`
	}
	if err := json.Unmarshal([]byte(CompareCosts(c, nil)), &y); err != nil {
		t.Fatal(err)
	}
	if got := y.YAxis[0].Data; len(got) != maxBars || got[maxBars-1] != "Other 11 functions" {
		t.Fatalf("categories %v", got)
	}
	if got := seriesTotal(t, o); math.Abs(got-want) > 0.01*maxBars {
		t.Errorf("the bars add up to %.2f, the differences to %.2f", got, want)
	}
}
