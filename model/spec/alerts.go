package spec

import (
	"strconv"
	"strings"
)

// FunctionType is what a function does; it sets its duration alert.
type FunctionType string

// The function types.
const (
	APIFunction        FunctionType = "api"
	ProcessingFunction FunctionType = "processing"
	ScheduledFunction  FunctionType = "scheduled"
	GeneralFunction    FunctionType = "general"
)

// Criticality is how much a function matters; it sets alert severities.
type Criticality string

// The criticality levels.
const (
	LowCriticality      Criticality = "low"
	MediumCriticality   Criticality = "medium"
	HighCriticality     Criticality = "high"
	CriticalCriticality Criticality = "critical"
)

// AlertFunction is what the alert rules need to know of a function.
type AlertFunction struct {
	Name                string       `json:"-"`
	Type                FunctionType `json:"type"`
	Criticality         Criticality  `json:"criticality"`
	ReservedConcurrency float64      `json:"reserved_concurrency"`
}

// DefaultAlertFunction is the spec's default: general, medium, no reservation.
func DefaultAlertFunction() AlertFunction {
	return AlertFunction{Type: GeneralFunction, Criticality: MediumCriticality}
}

// Alert is one Prometheus-style alert rule.
type Alert struct {
	Name        string `json:"name"`
	Function    string `json:"function,omitempty"`
	Condition   string `json:"condition"`
	Severity    string `json:"severity"`
	Duration    string `json:"duration"`
	Description string `json:"description"`
	Runbook     string `json:"runbook"`
}

// Alert thresholds.
const (
	apiDurationMs           = 2000  // p95 duration alert of API functions
	processingDurationMs    = 10000 // … of processing functions
	batchDurationMs         = 30000 // … of everything else
	criticalErrorThreshold  = 0.001 // error-rate alert of critical functions
	defaultErrorThreshold   = 0.01  // … of the others
	coldStartAlertRate      = 0.1
	memoryUsedAlertPercent  = 90
	alertsPerFunction       = 5
	globalConcurrencyRatio  = 0.8
	dailyCostIncreaseFactor = 1.5
)

// AlertKind is what an alert rule watches.
type AlertKind string

// The alert kinds, with the unit of their thresholds.
const (
	AlertP95Duration        AlertKind = "p95_duration"        // ms
	AlertErrorRate          AlertKind = "error_rate"          // errors / invocations
	AlertColdStartRate      AlertKind = "cold_start_rate"     // cold starts / invocations
	AlertThrottles          AlertKind = "throttles"           // throttles per second over 5 min
	AlertMemoryUsed         AlertKind = "memory_used_percent" // % of the allocated memory
	AlertAccountConcurrency AlertKind = "account_concurrency" // concurrent executions / account limit
	AlertCostIncrease       AlertKind = "daily_cost_increase" // today's cost / yesterday's
	// Kinds of the planner's target-based rules (package targets), beyond
	// the spec's.
	AlertP50Duration AlertKind = "p50_duration"     // ms
	AlertP99Duration AlertKind = "p99_duration"     // ms
	AlertCostRatio   AlertKind = "daily_cost_ratio" // today's cost / yesterday's, as a ratio
)

// AlertRule is one alert rule as numbers: what it watches, whose (empty for
// the account), the threshold it must exceed, for how long, its severity.
type AlertRule struct {
	Kind      AlertKind
	Function  string
	Threshold float64
	For       string // Prometheus duration: "5m"
	Severity  string
}

// DurationAlertMs is the p95 duration a function of type t alerts above:
// 2 s for APIs, 10 s for processing, 30 s otherwise.
func DurationAlertMs(t FunctionType) int {
	switch t {
	case APIFunction:
		return apiDurationMs
	case ProcessingFunction:
		return processingDurationMs
	}
	return batchDurationMs
}

// AlertRules are the rules of every function and the account's: p95
// duration (DurationAlertMs; critical for high and critical functions),
// error rate (0.1% for critical functions, 1% otherwise), cold-start rate
// above 10% for API functions and functions with reserved concurrency, any
// throttling, memory above 90%; then account concurrency above 80% of the
// limit and a 50% daily cost rise.
func AlertRules(functions []AlertFunction) []AlertRule {
	rules := make([]AlertRule, 0, len(functions)*alertsPerFunction+2)
	for _, f := range functions {
		severity := "warning"
		if f.Criticality != LowCriticality && f.Criticality != MediumCriticality {
			severity = "critical"
		}
		errorThreshold := defaultErrorThreshold
		if f.Criticality == CriticalCriticality {
			errorThreshold = criticalErrorThreshold
		}
		rules = append(rules,
			AlertRule{AlertP95Duration, f.Name, float64(DurationAlertMs(f.Type)), "5m", severity},
			AlertRule{AlertErrorRate, f.Name, errorThreshold, "2m", "critical"})
		if f.Type == APIFunction || f.ReservedConcurrency > 0 {
			rules = append(rules, AlertRule{AlertColdStartRate, f.Name, coldStartAlertRate, "10m", "warning"})
		}
		rules = append(rules,
			AlertRule{AlertThrottles, f.Name, 0, "1m", "critical"},
			AlertRule{AlertMemoryUsed, f.Name, memoryUsedAlertPercent, "5m", "warning"})
	}
	return append(rules,
		AlertRule{AlertAccountConcurrency, "", globalConcurrencyRatio, "5m", "warning"},
		AlertRule{AlertCostIncrease, "", dailyCostIncreaseFactor, "1h", "warning"})
}

// GenerateAlerts writes AlertRules as the spec's Prometheus-style rules.
func GenerateAlerts(functions []AlertFunction) []Alert { return AlertsOf(AlertRules(functions)) }

// AlertsOf writes rules as Prometheus-style alerts.
func AlertsOf(rules []AlertRule) []Alert {
	alerts := make([]Alert, len(rules))
	for i, r := range rules {
		alerts[i] = r.Alert()
	}
	return alerts
}

// alertTexts are each kind's Prometheus metric, rule name suffix,
// description and runbook; in the descriptions %s is the function's name
// and %v the threshold as the description states it (ms, %).
var alertTexts = map[AlertKind]struct{ metric, suffix, description, runbook string }{
	AlertP95Duration:        {"aws_lambda_duration_p95", "HighDuration", "%s P95 duration >%vms", "Investigate %s performance and optimize memory/code"},
	AlertErrorRate:          {"aws_lambda_error_rate", "HighErrorRate", "%s error rate >%v%%", "Check %s logs and dependencies"},
	AlertColdStartRate:      {"aws_lambda_cold_start_rate", "HighColdStartRate", "%s cold start rate >%v%%", "Consider provisioned concurrency for %s"},
	AlertThrottles:          {"rate(aws_lambda_throttles", "Throttling", "%s experiencing throttling", "Increase concurrency limits or reserved concurrency for %s"},
	AlertMemoryUsed:         {"aws_lambda_memory_used_percent", "HighMemoryUsage", "%s memory usage >%v%%", "Increase memory allocation for %s or optimize memory usage"},
	AlertAccountConcurrency: {"aws_lambda_concurrent_executions / aws_lambda_concurrent_executions_limit", "GlobalLambdaConcurrencyHigh", "Global Lambda concurrency >%[2]v%%", "Review concurrency allocation and request limit increase"},
	AlertCostIncrease:       {"increase(aws_lambda_cost_daily[1d])", "LambdaCostAnomaly", "Lambda costs increased >%[2]v%% in 24 hours", "Investigate unusual function execution patterns"},
	AlertP50Duration:        {"aws_lambda_duration_p50", "HighMedianDuration", "%s P50 duration >%vms (its target)", "Investigate %s performance: cold starts, memory, dependencies"},
	AlertP99Duration:        {"aws_lambda_duration_p99", "HighTailDuration", "%s P99 duration >%vms (its target)", "Investigate %s tail latency: cold starts, memory, dependencies"},
	AlertCostRatio:          {"aws_lambda_cost_daily / (aws_lambda_cost_daily offset 1d)", "LambdaCostAnomaly", "Lambda costs increased >%[2]v%% in 24 hours", "Investigate unusual function execution patterns"},
}

// Alert writes the rule as the spec's Prometheus-style alert.
func (r AlertRule) Alert() Alert {
	t := alertTexts[r.Kind]
	limit := strconv.FormatFloat(r.Threshold, 'g', -1, 64)
	shown := limit // the threshold as the description states it
	switch r.Kind {
	case AlertErrorRate:
		shown = strconv.FormatFloat(r.Threshold*100, 'f', 1, 64)
	case AlertColdStartRate, AlertAccountConcurrency:
		shown = strconv.FormatFloat(r.Threshold*100, 'g', -1, 64)
	case AlertCostIncrease, AlertCostRatio:
		shown = strconv.FormatFloat((r.Threshold-1)*100, 'g', -1, 64)
	}
	a := Alert{Name: r.Function + t.suffix, Function: r.Function, Severity: r.Severity, Duration: r.For,
		Condition: t.metric + " > " + limit, Description: fill(t.description, r.Function, shown), Runbook: fill(t.runbook, r.Function, shown)}
	if r.Function != "" {
		selector := "{function_name=" + strconv.Quote(r.Function) + "}"
		a.Condition = t.metric + selector + " > " + limit
		if r.Kind == AlertThrottles {
			a.Condition = t.metric + selector + "[5m]) > " + limit
		}
	}
	return a
}

// fill writes a text of alertTexts as fmt.Sprintf(text, function, shown)
// would: %s is the function, %v and %[2]v the threshold as shown, %% a
// percent sign. (fmt took a quarter of writing 14,000 alerts.)
func fill(text, function, shown string) string {
	if strings.IndexByte(text, '%') < 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + len(function) + len(shown))
	for i := 0; i < len(text); i++ {
		rest := text[i:]
		switch {
		case strings.HasPrefix(rest, "%s"):
			b.WriteString(function)
			i++
		case strings.HasPrefix(rest, "%v"):
			b.WriteString(shown)
			i++
		case strings.HasPrefix(rest, "%[2]v"):
			b.WriteString(shown)
			i += 4
		case strings.HasPrefix(rest, "%%"):
			b.WriteByte('%')
			i++
		default:
			b.WriteByte(text[i])
		}
	}
	return b.String()
}
