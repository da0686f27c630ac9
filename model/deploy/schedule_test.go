package deploy

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
