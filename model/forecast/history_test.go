package forecast

import (
	"strings"
	"testing"

	"planner/model/internal/jsonin"
)

func TestParseHistoryCSV(t *testing.T) {
	h, probs := ParseHistoryCSV([]byte("timestamp,count\n2026-11-01T00:00:00Z,10\n2026-11-01 01:00,12\n2026-11-01 03:00,7\n1761962400,3\n"))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	// The Unix timestamp is a year earlier: the year between is filled.
	if h.StepSeconds != 3600 || h.FilledGaps == 0 {
		t.Errorf("%+v", h)
	}
	h, probs = ParseHistoryCSV([]byte("2026-11-01T00:00:00Z,10\n2026-11-01T01:00:00Z,12\n2026-11-01T03:00:00Z,7\n"))
	if len(probs) > 0 || len(h.Values) != 4 || h.FilledGaps != 1 || h.Values[3] != 7 {
		t.Errorf("%+v %v", h, probs)
	}
	_, probs = ParseHistoryCSV([]byte("timestamp,count\nyesterday,4\n2026-11-01T01:00:00Z,-3\n2026-11-01T02:00:00Z,many\n2026-11-01T03:00:00Z\n"))
	got := probs.Error()
	for _, want := range []string{"line 2: timestamp", "line 3: count must not be negative", "line 4: count \"many\"", "line 5: needs two fields"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems %q lack %q", got, want)
		}
	}
}

func TestParseCloudWatch(t *testing.T) {
	h, probs := ParseCloudWatch([]byte(`{"MetricDataResults":[{"Id":"e","Label":"Errors","Timestamps":["2026-11-01T00:00:00Z"],"Values":[1]},
		{"Id":"i","Label":"Invocations","Timestamps":["2026-11-01T02:00:00Z","2026-11-01T01:00:00Z","2026-11-01T00:00:00Z"],"Values":[30,20,10],"StatusCode":"Complete"}]}`))
	if len(probs) > 0 || len(h.Values) != 3 || h.Values[0] != 10 || h.Values[2] != 30 || h.StepSeconds != 3600 {
		t.Errorf("%+v %v", h, probs)
	}
	for _, bad := range []string{`{}`, `[]`, `{"MetricDataResults":[{"Label":"Invocations","Timestamps":["2026-11-01T00:00:00Z"],"Values":[1,2]}]}`,
		`{"MetricDataResults":[{"Label":"Invocations","Timestamps":["2026-11-01T00:00:00Z","2026-11-01T01:00:00Z"],"Values":[1,-2]}]}`} {
		if _, probs := ParseCloudWatch([]byte(bad)); len(probs) == 0 {
			t.Errorf("accepted %s", bad)
		}
	}
}

func FuzzHistoryImport(f *testing.F) {
	f.Add([]byte("timestamp,count\n2026-11-01T00:00:00Z,10\n2026-11-01T01:00:00Z,12\n"), false)
	f.Add([]byte(`{"MetricDataResults":[{"Label":"Invocations","Timestamps":["2026-11-01T00:00:00Z","2026-11-01T00:01:00Z"],"Values":[1,2]}]}`), true)
	f.Fuzz(func(t *testing.T, data []byte, cloudWatch bool) {
		var h *History
		var probs jsonin.Problems
		if cloudWatch {
			h, probs = ParseCloudWatch(data)
		} else {
			h, probs = ParseHistoryCSV(data)
		}
		if len(probs) > 0 {
			return
		}
		if h.StepSeconds <= 0 || len(h.Values) < 2 || len(h.Values) > maxHistoryPoints {
			t.Fatalf("%+v", h)
		}
		for _, v := range h.Values {
			if v < 0 {
				t.Fatalf("negative count %v", v)
			}
		}
	})
}
