package charts

import (
	"encoding/json"
	"strings"
	"testing"

	"planner/model"
)

func report(t *testing.T) *model.Report {
	t.Helper()
	s := model.DefaultScenario()
	s.Functions[0].Name = `<img src=x onerror=alert(1)>`
	r, probs := model.Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return r
}

type option struct {
	Series []struct {
		Name string            `json:"name"`
		Type string            `json:"type"`
		Data []json.RawMessage `json:"data"`
	} `json:"series"`
	XAxis []struct {
		Data []string `json:"data"`
	} `json:"xAxis"`
}

func decode(t *testing.T, name, js string) option {
	t.Helper()
	var o option
	if err := json.Unmarshal([]byte(js), &o); err != nil {
		t.Fatalf("%s: not JSON: %v", name, err)
	}
	if len(o.Series) == 0 {
		t.Fatalf("%s: no series", name)
	}
	return o
}

func TestEveryChartIsAnOption(t *testing.T) {
	r := report(t)
	f := &r.Functions[0]
	for name, js := range map[string]string{
		"memory": MemoryCurve(f), "cold starts": ColdStartScenarios(f), "concurrency": Concurrency(f),
		"cost by function": CostByFunction(r), "share": CostShare(r), "projections": Projections(r), "alerts": Alerts(r),
	} {
		decode(t, name, js)
	}
}

func TestCostByFunctionStacksEveryFunction(t *testing.T) {
	r := report(t)
	o := decode(t, "cost", CostByFunction(r))
	if len(o.XAxis[0].Data) != len(r.Functions) || o.XAxis[0].Data[0] != r.Functions[0].Name {
		t.Errorf("categories %v", o.XAxis[0].Data)
	}
	for _, s := range o.Series {
		if len(s.Data) != len(r.Functions) {
			t.Errorf("%s has %d values", s.Name, len(s.Data))
		}
	}
}

func TestMemoryCurveExplainsEachPoint(t *testing.T) {
	r := report(t)
	js := MemoryCurve(&r.Functions[1])
	for _, want := range []string{"same cost", "slower than current", "faster than current", "current configuration", "Duration (ms)", "Monthly cost (USD)", "Measured duration", "balanced"} {
		if !strings.Contains(js, want) {
			t.Errorf("memory chart lacks %q", want)
		}
	}
}

func TestChange(t *testing.T) {
	for _, c := range []struct {
		v, base float64
		want    string
	}{{50, 100, "50.0% cheaper"}, {150, 100, "50.0% dearer"}, {100, 100, "same"}, {1, 0, "same"}} {
		if got := change(c.v, c.base, "cheaper", "dearer", "same"); got != c.want {
			t.Errorf("change(%v, %v) = %q", c.v, c.base, got)
		}
	}
}
