package model

import (
	"encoding/json"
	"strings"
	"testing"

	"planner/model/policy"
)

// The plan's hours wrap around midnight from the first hour after the
// history; scheduled actions cover one day; the target-tracking rule keeps
// the policies' utilisation target.
func TestScheduleExports(t *testing.T) {
	plan := make([]int, 30)
	for h := range plan {
		plan[h] = h + 1
	}
	lines := strings.Split(strings.TrimSpace(ScheduleCSV(plan, 22)), "\n")
	if len(lines) != 31 || lines[1] != "0,22,1" || lines[3] != "2,0,3" {
		t.Errorf("CSV: %q …", lines[:4])
	}
	var actions []struct {
		ScheduledActionName  string
		Schedule             string
		ScalableTargetAction struct{ MinCapacity, MaxCapacity int }
	}
	if err := json.Unmarshal([]byte(ScheduledActions("api", plan, 22)), &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 24 || actions[2].Schedule != "cron(0 0 * * ? *)" || actions[2].ScheduledActionName != "planner-api-00h" ||
		actions[2].ScalableTargetAction.MinCapacity != 3 || actions[2].ScalableTargetAction.MaxCapacity != 3 {
		t.Errorf("actions: %d, %+v", len(actions), actions[2])
	}
	var rule struct {
		ResourceId                               string
		TargetTrackingScalingPolicyConfiguration struct{ TargetValue float64 }
	}
	if err := json.Unmarshal([]byte(TargetTrackingPolicy("api")), &rule); err != nil {
		t.Fatal(err)
	}
	if rule.ResourceId != "function:api:live" || rule.TargetTrackingScalingPolicyConfiguration.TargetValue != policy.TargetUtilization {
		t.Errorf("rule: %+v", rule)
	}
}

// Every view builds a function's model inputs the same way: the cold
// service time, the synthetic history (seeded by the name) and the policy
// input.
func TestFunctionInputs(t *testing.T) {
	s := DefaultScenario()
	r := mustEvaluate(t, &s)
	f, fr := &s.Functions[0], &r.Functions[0]
	if got := f.ColdServiceTimeMs(); got != f.AvgExecutionTimeMs+f.ColdStartDurationMs {
		t.Errorf("cold service time %v", got)
	}
	h1, h2 := SyntheticHistory(f, fr), SyntheticHistory(f, fr)
	if len(h1) != 4*7*24 || h1[100] != h2[100] {
		t.Errorf("history of %d hours, not reproducible", len(h1))
	}
	in := PolicyInput(f, h1, 48, policy.DefaultGuardrails())
	if in.ColdMs != f.ColdServiceTimeMs() || in.WarmMs != f.AvgExecutionTimeMs || in.Seed != NameSeed(f.Name) || in.EvaluationHours != 48 {
		t.Errorf("policy input %+v", in)
	}
	if !strings.Contains(SyntheticHistorySource(), "4 weeks, weekends at 60%, 10% noise") {
		t.Errorf("source %q", SyntheticHistorySource())
	}
}
