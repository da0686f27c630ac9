package charts

import (
	"encoding/json"
	"strings"
	"testing"

	"planner/model"
	"planner/model/simulate"
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

type decodedOption struct {
	Series []struct {
		Name string            `json:"name"`
		Type string            `json:"type"`
		Data []json.RawMessage `json:"data"`
	} `json:"series"`
	XAxis []struct {
		Data []string `json:"data"`
	} `json:"xAxis"`
}

func decode(t *testing.T, name, js string) decodedOption {
	t.Helper()
	var o decodedOption
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
		"memory": MemoryCurve(f), "cold starts": ColdStartScenarios(f), "concurrency": Concurrency(r, 0),
		"cost by function": CostByFunction(r), "share": CostShare(r), "projections": Projections(r), "alerts": Alerts(r),
	} {
		decode(t, name, js)
	}
}

// The concurrency chart draws the figures its cards show: the scorecard's
// busiest-hour p99 (not the spec's rate × p99 duration) outside the
// reference profile, in requests at once off AWS Lambda.
func TestConcurrencyChartIsTheCards(t *testing.T) {
	r := report(t)
	o := decode(t, "concurrency", Concurrency(r, 2))
	var bars struct {
		Series []struct {
			Name string
			Data []struct{ Value float64 }
		}
	}
	if err := json.Unmarshal([]byte(Concurrency(r, 2)), &bars); err != nil {
		t.Fatal(err)
	}
	f := &r.Functions[2]
	if len(o.XAxis[0].Data) != 3 || bars.Series[0].Data[1].Value != float64(f.Scorecard.P99Concurrency) || bars.Series[0].Name != "Instances" {
		t.Errorf("bars %v of %v, p99 card %d", bars.Series, o.XAxis[0].Data, f.Scorecard.P99Concurrency)
	}
	r.Pricing.Platform = "gcp-cloud-run"
	if err := json.Unmarshal([]byte(Concurrency(r, 2)), &bars); err != nil || bars.Series[0].Name != "Requests at once" {
		t.Errorf("off AWS Lambda: %v %v", bars.Series, err)
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

// Measured durations are markers, not a line of their own.
func TestMeasuredDurationsAreMarkersOnly(t *testing.T) {
	r := report(t)
	var o struct {
		Series []struct {
			Name      string `json:"name"`
			LineStyle *struct {
				Opacity *float64 `json:"opacity"`
			} `json:"lineStyle"`
			ShowSymbol bool `json:"showSymbol"`
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(MemoryCurve(&r.Functions[1])), &o); err != nil {
		t.Fatal(err)
	}
	for _, s := range o.Series {
		if s.Name == "Measured duration" {
			if !s.ShowSymbol || s.LineStyle == nil || s.LineStyle.Opacity == nil || *s.LineStyle.Opacity != 0 {
				t.Errorf("measured durations: %+v", s)
			}
			return
		}
	}
	t.Error("no measured-duration series")
}

// The simulated day marks only the minutes with cold starts, on the right
// axis, next to the instance lines.
func TestInstancesOverDayMarksColdMinutes(t *testing.T) {
	r := &simulate.Result{PerMinute: []simulate.Minute{{Running: 1}, {Running: 2, ColdStarts: 2}, {Idle: 1}}}
	o := decode(t, "day", InstancesOverDay(r))
	if len(o.Series) != 4 || o.Series[3].Type != "scatter" || len(o.Series[3].Data) != 1 || string(o.Series[3].Data[0]) != `{"value":["00:01",2]}` {
		t.Errorf("cold starts: %+v", o.Series[len(o.Series)-1])
	}
	if len(o.Series[0].Data) != 3 {
		t.Errorf("running: %d minutes", len(o.Series[0].Data))
	}
}

// The keep-alive curves run on log–log axes and carry the function as a
// point at its rate; without requests it has none.
func TestColdStartCurvesMarkTheFunction(t *testing.T) {
	curves := []model.KeepAliveCurve{{KeepAliveMinutes: 1, ColdStartProbabilities: []float64{0.5, 0.1, 0.01}},
		{KeepAliveMinutes: 10, ColdStartProbabilities: []float64{0.2, 0.03, 0.001}}}
	rates := []float64{0.01, 0.76, 3}
	js := ColdStartCurves(model.ColdStartCurves{RatesPerSecond: rates, Curves: curves,
		Function: model.ColdStartPoint{Name: "auth", RatePerSecond: 0.76, ColdStartProbability: 0.03, KeepAliveMinutes: 10}})
	o := decode(t, "curves", js)
	if len(o.Series) != 3 || o.Series[2].Type != "scatter" || o.Series[2].Name != "auth: 0.76 req/s, keep-alive 10 min" ||
		len(o.Series[2].Data) != 1 || string(o.Series[2].Data[0]) != `{"value":[0.76,3]}` {
		t.Errorf("series %+v", o.Series)
	}
	if got := string(o.Series[1].Data[2]); got != `{"value":[3,0.1]}` {
		t.Errorf("10-minute curve at 3 req/s: %s", got)
	}
	if !strings.Contains(js, `"xAxis":[{"type":"log","name":"Requests per second"`) {
		t.Errorf("x axis: %s", js)
	}
	o = decode(t, "no requests", ColdStartCurves(model.ColdStartCurves{RatesPerSecond: rates, Curves: curves,
		Function: model.ColdStartPoint{Name: "idle", KeepAliveMinutes: 10}}))
	if len(o.Series) != 2 {
		t.Errorf("a function without requests has a point: %+v", o.Series)
	}
}
