package spec

import "strconv"

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
	coldStartAlertRate      = "0.1"
	memoryUsedAlertPercent  = "90"
	alertsPerFunction       = 5
	globalConcurrencyRatio  = "0.8"
	dailyCostIncreaseFactor = "1.5"
)

// GenerateAlerts writes the alert rules of every function and the global
// ones: p95 duration (2 s API, 10 s processing, 30 s otherwise; critical for
// high and critical functions), error rate (0.1% for critical functions, 1%
// otherwise), cold-start rate above 10% for API functions and functions with
// reserved concurrency, any throttling, memory above 90%; then account
// concurrency above 80% of the limit and a 50% daily cost rise.
func GenerateAlerts(functions []AlertFunction) []Alert {
	alerts := make([]Alert, 0, len(functions)*alertsPerFunction+2)
	for _, f := range functions {
		name := f.Name
		selector := "{function_name=" + strconv.Quote(name) + "}"
		var duration int
		switch f.Type {
		case APIFunction:
			duration = apiDurationMs
		case ProcessingFunction:
			duration = processingDurationMs
		default:
			duration = batchDurationMs
		}
		severity := "warning"
		if f.Criticality != LowCriticality && f.Criticality != MediumCriticality {
			severity = "critical"
		}
		ms := strconv.Itoa(duration)
		alerts = append(alerts, Alert{
			Name: name + "HighDuration", Function: name,
			Condition:   "aws_lambda_duration_p95" + selector + " > " + ms,
			Severity:    severity,
			Duration:    "5m",
			Description: name + " P95 duration >" + ms + "ms",
			Runbook:     "Investigate " + name + " performance and optimize memory/code",
		})
		errorThreshold := defaultErrorThreshold
		if f.Criticality == CriticalCriticality {
			errorThreshold = criticalErrorThreshold
		}
		alerts = append(alerts, Alert{
			Name: name + "HighErrorRate", Function: name,
			Condition:   "aws_lambda_error_rate" + selector + " > " + strconv.FormatFloat(errorThreshold, 'g', -1, 64),
			Severity:    "critical",
			Duration:    "2m",
			Description: name + " error rate >" + strconv.FormatFloat(errorThreshold*100, 'f', 1, 64) + "%",
			Runbook:     "Check " + name + " logs and dependencies",
		})
		if f.Type == APIFunction || f.ReservedConcurrency > 0 {
			alerts = append(alerts, Alert{
				Name: name + "HighColdStartRate", Function: name,
				Condition:   "aws_lambda_cold_start_rate" + selector + " > " + coldStartAlertRate,
				Severity:    "warning",
				Duration:    "10m",
				Description: name + " cold start rate >10%",
				Runbook:     "Consider provisioned concurrency for " + name,
			})
		}
		alerts = append(alerts, Alert{
			Name: name + "Throttling", Function: name,
			Condition:   "rate(aws_lambda_throttles" + selector + "[5m]) > 0",
			Severity:    "critical",
			Duration:    "1m",
			Description: name + " experiencing throttling",
			Runbook:     "Increase concurrency limits or reserved concurrency for " + name,
		}, Alert{
			Name: name + "HighMemoryUsage", Function: name,
			Condition:   "aws_lambda_memory_used_percent" + selector + " > " + memoryUsedAlertPercent,
			Severity:    "warning",
			Duration:    "5m",
			Description: name + " memory usage >90%",
			Runbook:     "Increase memory allocation for " + name + " or optimize memory usage",
		})
	}
	return append(alerts, Alert{
		Name:        "GlobalLambdaConcurrencyHigh",
		Condition:   "aws_lambda_concurrent_executions / aws_lambda_concurrent_executions_limit > " + globalConcurrencyRatio,
		Severity:    "warning",
		Duration:    "5m",
		Description: "Global Lambda concurrency >80%",
		Runbook:     "Review concurrency allocation and request limit increase",
	}, Alert{
		Name:        "LambdaCostAnomaly",
		Condition:   "increase(aws_lambda_cost_daily[1d]) > " + dailyCostIncreaseFactor,
		Severity:    "warning",
		Duration:    "1h",
		Description: "Lambda costs increased >50% in 24 hours",
		Runbook:     "Investigate unusual function execution patterns",
	})
}
