package deploy

import (
	"encoding/json"
	"fmt"
	"strings"

	"planner/model/policy"
)

// scalingTarget is the Application Auto Scaling target of a function's
// provisioned concurrency, on its alias "live" (users edit it to theirs).
func scalingTarget(function string) map[string]any {
	return map[string]any{"ServiceNamespace": "lambda", "ResourceId": "function:" + function + ":live",
		"ScalableDimension": "lambda:function:ProvisionedConcurrency"}
}

// ScheduleCSV writes an hourly provisioned-concurrency plan: the hour after
// the history, its hour of day (UTC; firstHourOfDay is the plan's first)
// and the instances.
func ScheduleCSV(plan []int, firstHourOfDay int) string {
	var b strings.Builder
	b.WriteString("hour_after_history,hour_of_day_utc,provisioned_concurrency\n")
	for h, n := range plan {
		fmt.Fprintf(&b, "%d,%d,%d\n", h, (firstHourOfDay+h)%24, n)
	}
	return b.String()
}

// ScheduledActions writes the first day of a plan as Application Auto
// Scaling scheduled actions: one daily cron action per hour (UTC), setting
// the function's provisioned concurrency to the hour's instances.
func ScheduledActions(function string, plan []int, firstHourOfDay int) string {
	actions := []map[string]any{}
	for h := 0; h < min(24, len(plan)); h++ {
		hour := (firstHourOfDay + h) % 24
		action := scalingTarget(function)
		action["ScheduledActionName"] = fmt.Sprintf("planner-%s-%02dh", function, hour)
		action["Schedule"] = fmt.Sprintf("cron(0 %d * * ? *)", hour)
		action["Timezone"] = "Etc/UTC"
		action["ScalableTargetAction"] = map[string]int{"MinCapacity": plan[h], "MaxCapacity": plan[h]}
		actions = append(actions, action)
	}
	data, _ := json.MarshalIndent(actions, "", "  ")
	return string(data)
}

// TargetTrackingPolicy writes the reactive policy as an Application Auto
// Scaling target-tracking policy keeping provisioned-concurrency
// utilisation at policy.TargetUtilization.
func TargetTrackingPolicy(function string) string {
	p := scalingTarget(function)
	p["PolicyName"] = "planner-" + function + "-target-tracking"
	p["PolicyType"] = "TargetTrackingScaling"
	p["TargetTrackingScalingPolicyConfiguration"] = map[string]any{"TargetValue": policy.TargetUtilization,
		"PredefinedMetricSpecification": map[string]string{"PredefinedMetricType": "LambdaProvisionedConcurrencyUtilization"}}
	data, _ := json.MarshalIndent(p, "", "  ")
	return string(data)
}
