package targets

import "planner/model/spec"

// AlertFunction is what the target-based alert rules know of a function.
type AlertFunction struct {
	spec.AlertFunction
	// Targets are its targets (Of).
	Targets []Target
}

// Thresholds of the rules that no target sets (the spec's).
const (
	memoryAlertPercent = 90  // memory used, % of allocated
	accountAlertRatio  = 0.8 // concurrent executions / limit
	dailyCostRatio     = 1.5 // today's cost / yesterday's
)

// AlertRules are the planner's alert rules, each at a function's target:
// a duration rule per latency target (p50, p95 or p99 above its limit;
// critical for high and critical functions; without a latency target the
// spec's p95 rule of its type), error rate above its error-rate target
// (critical), cold-start rate above its cold-start target (warning) where
// it has one, any throttling (critical), memory above 90% (warning); then
// the account's concurrency above 80% of its limit and today's cost above
// 1.5 times yesterday's, compared as a ratio.
func AlertRules(functions []AlertFunction) []spec.AlertRule {
	rules := make([]spec.AlertRule, 0, 6*len(functions)+2)
	for _, f := range functions {
		severity := "warning"
		if f.Criticality == spec.HighCriticality || f.Criticality == spec.CriticalCriticality {
			severity = "critical"
		}
		latency := false
		for _, t := range f.Targets {
			if !t.Required {
				continue
			}
			switch t.KPI {
			case P50Latency:
				rules, latency = append(rules, spec.AlertRule{Kind: spec.AlertP50Duration, Function: f.Name, Threshold: t.Limit, For: "5m", Severity: severity}), true
			case P95Latency:
				rules, latency = append(rules, spec.AlertRule{Kind: spec.AlertP95Duration, Function: f.Name, Threshold: t.Limit, For: "5m", Severity: severity}), true
			case P99Latency:
				rules, latency = append(rules, spec.AlertRule{Kind: spec.AlertP99Duration, Function: f.Name, Threshold: t.Limit, For: "5m", Severity: severity}), true
			case ErrorRate:
				rules = append(rules, spec.AlertRule{Kind: spec.AlertErrorRate, Function: f.Name, Threshold: t.Limit, For: "2m", Severity: "critical"})
			case ColdStartRate:
				rules = append(rules, spec.AlertRule{Kind: spec.AlertColdStartRate, Function: f.Name, Threshold: t.Limit, For: "10m", Severity: "warning"})
			}
		}
		if !latency {
			rules = append(rules, spec.AlertRule{Kind: spec.AlertP95Duration, Function: f.Name, Threshold: float64(spec.DurationAlertMs(f.Type)), For: "5m", Severity: severity})
		}
		rules = append(rules,
			spec.AlertRule{Kind: spec.AlertThrottles, Function: f.Name, Threshold: 0, For: "1m", Severity: "critical"},
			spec.AlertRule{Kind: spec.AlertMemoryUsed, Function: f.Name, Threshold: memoryAlertPercent, For: "5m", Severity: "warning"})
	}
	return append(rules,
		spec.AlertRule{Kind: spec.AlertAccountConcurrency, Threshold: accountAlertRatio, For: "5m", Severity: "warning"},
		spec.AlertRule{Kind: spec.AlertCostRatio, Threshold: dailyCostRatio, For: "1h", Severity: "warning"})
}
