package backup

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestBackupOpensItsScenarios(t *testing.T) {
	doc := json.RawMessage(`{"version": 1, "name": "shop"}`)
	b := Backup{Format: Format, Version: 1, Scenarios: []Entry{
		{Name: "shop", Scenario: doc},
		{Name: "broken", Scenario: json.RawMessage(`{"version": 1, "functions": [{"name": ""}]}`)},
	}}
	data, _ := json.Marshal(b)
	if !Is(data) || Is(doc) {
		t.Fatal("IsBackup does not tell a backup from a scenario")
	}
	got, probs := Parse(data)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if raw, probs := got.Scenario("shop"); len(probs) > 0 || string(raw) != `{"version":1,"name":"shop"}` {
		t.Errorf("shop: %v", probs)
	}
	if raw, probs := got.Scenario("broken"); len(probs) > 0 || string(raw) != `{"version":1,"functions":[{"name":""}]}` {
		t.Errorf("broken is not kept as it was: %s %v", raw, probs)
	}
	if _, probs := got.Scenario("nope"); len(probs) == 0 || !strings.Contains(probs.Error(), `"broken", "shop"`) {
		t.Errorf("nope: %v", probs)
	}
	for text, want := range map[string]string{
		`{"format": "x", "version": 1, "scenarios": []}`:                                                                                     "format",
		`{"format": "serverless-planner-backup", "version": 9, "scenarios": []}`:                                                             "unsupported version 9",
		`{"format": "serverless-planner-backup", "version": 1, "scenarios": [{"scenario": {}}]}`:                                             "scenarios[0].name",
		`{"format": "serverless-planner-backup", "version": 1, "scenarios": [{"name": "a"}]}`:                                                "scenarios[0].scenario",
		`{"format": "serverless-planner-backup", "version": 1, "scenarios": [{"name": "a", "scenario": {}}, {"name": "a", "scenario": {}}]}`: "twice",
		`[1]`: "not a backup",
	} {
		if _, probs := Parse([]byte(text)); !strings.Contains(probs.Error(), want) {
			t.Errorf("%s: %v, want %q", text, probs, want)
		}
	}
}
