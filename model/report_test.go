package model

import (
	"encoding/json"
	"testing"
)

// A report read back from its JSON encodes to the same JSON.
func TestReportJSONRoundTrip(t *testing.T) {
	s := DefaultScenario()
	r, _ := Evaluate(&s)
	first, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(first, &back); err != nil {
		t.Fatal(err)
	}
	second, _ := json.Marshal(&back)
	if string(first) != string(second) {
		t.Error("report JSON does not survive a round trip")
	}
}
