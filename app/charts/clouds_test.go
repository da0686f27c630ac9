package charts

import (
	"encoding/json"
	"testing"

	"planner/model/platform"
)

// One line per platform, a point per traffic scale at the application's
// mean rate; a free month ($0) is a gap, which a log axis can show.
func TestCloudCostsDrawsEveryPlatform(t *testing.T) {
	c := platform.Comparison{
		Platforms:         []platform.Result{{Platform: "a", Name: "Platform <A>"}, {Platform: "b", Name: "B"}},
		Scales:            []float64{0.1, 1, 10},
		RequestsPerSecond: []float64{0.5, 5, 50},
		Curves:            []platform.Curve{{Platform: "a", MonthlyUSD: []float64{0, 12.345, 120}}, {Platform: "b", MonthlyUSD: []float64{3, 30, 300}}},
	}
	o := decode(t, "clouds", CloudCosts(c))
	if len(o.Series) != 2 || o.Series[0].Name != "Platform <A>" || len(o.Series[1].Data) != 3 {
		t.Fatalf("series: %+v", o.Series)
	}
	var first, second struct {
		Value []any `json:"value"`
	}
	if json.Unmarshal(o.Series[0].Data[0], &first) != nil || json.Unmarshal(o.Series[0].Data[1], &second) != nil {
		t.Fatal("points are not values")
	}
	if first.Value[1] != "-" || second.Value[0] != 5.0 || second.Value[1] != 12.35 {
		t.Errorf("points: %v, %v", first.Value, second.Value)
	}
}
