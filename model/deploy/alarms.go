package deploy

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"planner/model/spec"
)

// CloudWatchAlarm is an alert rule as a CloudWatch alarm on Lambda's
// metrics (one-minute periods): a metric and statistic, or metric math.
type CloudWatchAlarm struct {
	Name        string
	Description string
	// ID and LogicalID name its Terraform resource and CloudFormation
	// logical resource, unique in the export.
	ID, LogicalID string
	// Function is the Lambda function's name ("" for the account's).
	Function          string
	Namespace, Metric string
	// Statistic (Sum, Maximum …) or ExtendedStatistic (p95), never both.
	Statistic, ExtendedStatistic string
	Period                       int // s
	EvaluationPeriods            int
	DatapointsToAlarm            int
	Threshold                    float64
	ComparisonOperator           string
	TreatMissingData             string
	// Math is metric math when the rule is a ratio: the queries and the
	// expression (the last, returned) alarmed on.
	Math []MetricQuery
}

// MetricQuery is one query of a metric-math alarm: a metric's statistic,
// or an expression of other queries' IDs.
type MetricQuery struct {
	ID, Metric, Stat, Expression, Label string
}

// alarmPeriod is the period of the alarms: Lambda's metrics are per minute.
const alarmPeriod = 60

// SkipReason says why an alert kind has no CloudWatch alarm.
func SkipReason(kind spec.AlertKind) string { return skipReasons[kind] }

var skipReasons = map[spec.AlertKind]string{
	spec.AlertColdStartRate: "Lambda publishes no cold-start metric: INIT appears in the logs only",
	spec.AlertMemoryUsed:    "memory used is a Lambda Insights metric, not a standard one",
	spec.AlertCostIncrease:  "cost is not a Lambda metric; use AWS Cost Anomaly Detection",
	spec.AlertCostRatio:     "cost is not a Lambda metric; use AWS Cost Anomaly Detection",
}

// AlarmFor writes a rule as an alarm on function (its Lambda name): a
// duration percentile on Duration p50, p95 or p99, error rate as Errors / Invocations, any
// throttle on Throttles Sum, account concurrency on ConcurrentExecutions
// Maximum against accountConcurrency (the account's quota, executions).
// Each fires after the rule's duration in one-minute periods. False for
// rules no Lambda metric watches (SkipReason).
func AlarmFor(rule spec.AlertRule, function string, accountConcurrency float64) (CloudWatchAlarm, bool) {
	a := rule.Alert()
	minutes := 1
	if d, err := time.ParseDuration(rule.For); err == nil && d >= time.Minute {
		minutes = int(d / time.Minute)
	}
	alarm := CloudWatchAlarm{
		Name: "planner-" + alarmName(function, rule.Kind), Description: a.Description + " (" + rule.Severity + "). " + a.Runbook,
		Function: function, Namespace: "AWS/Lambda", Period: alarmPeriod, EvaluationPeriods: minutes, DatapointsToAlarm: minutes,
		Threshold: rule.Threshold, ComparisonOperator: "GreaterThanThreshold", TreatMissingData: "notBreaching",
	}
	switch rule.Kind {
	case spec.AlertP50Duration:
		alarm.Metric, alarm.ExtendedStatistic = "Duration", "p50"
	case spec.AlertP95Duration:
		alarm.Metric, alarm.ExtendedStatistic = "Duration", "p95"
	case spec.AlertP99Duration:
		alarm.Metric, alarm.ExtendedStatistic = "Duration", "p99"
	case spec.AlertErrorRate:
		alarm.Math = []MetricQuery{{ID: "errors", Metric: "Errors", Stat: "Sum"}, {ID: "invocations", Metric: "Invocations", Stat: "Sum"},
			{ID: "error_rate", Expression: "IF(invocations > 0, errors / invocations, 0)", Label: "Error rate"}}
	case spec.AlertThrottles:
		alarm.Metric, alarm.Statistic = "Throttles", "Sum"
	case spec.AlertAccountConcurrency:
		alarm.Metric, alarm.Statistic = "ConcurrentExecutions", "Maximum"
		alarm.Threshold = rule.Threshold * accountConcurrency
		alarm.Description = strings.TrimSuffix(a.Description, ".") + " of " + strconv.FormatFloat(accountConcurrency, 'g', -1, 64) + " (" + rule.Severity + "). " + a.Runbook
	default:
		return CloudWatchAlarm{}, false
	}
	return alarm, true
}

// alarmName is "NAME-kind", or the kind alone for the account.
func alarmName(function string, kind spec.AlertKind) string {
	k := strings.ReplaceAll(string(kind), "_", "-")
	if function == "" {
		return k
	}
	return function + "-" + k
}

// putMetricAlarm is a put-metric-alarm request (botocore's cloudwatch
// model), one `aws cloudwatch put-metric-alarm --cli-input-json` each.
type putMetricAlarm struct {
	AlarmName          string            `json:"AlarmName"`
	AlarmDescription   string            `json:"AlarmDescription"`
	Namespace          string            `json:"Namespace,omitempty"`
	MetricName         string            `json:"MetricName,omitempty"`
	Dimensions         []cwDimension     `json:"Dimensions,omitempty"`
	Statistic          string            `json:"Statistic,omitempty"`
	ExtendedStatistic  string            `json:"ExtendedStatistic,omitempty"`
	Period             int               `json:"Period,omitempty"`
	Metrics            []cwMetricDataQry `json:"Metrics,omitempty"`
	EvaluationPeriods  int               `json:"EvaluationPeriods"`
	DatapointsToAlarm  int               `json:"DatapointsToAlarm"`
	Threshold          float64           `json:"Threshold"`
	ComparisonOperator string            `json:"ComparisonOperator"`
	TreatMissingData   string            `json:"TreatMissingData"`
}

type cwDimension struct {
	Name  string `json:"Name"`
	Value string `json:"Value"`
}

type cwMetricDataQry struct {
	ID         string      `json:"Id"`
	Expression string      `json:"Expression,omitempty"`
	Label      string      `json:"Label,omitempty"`
	MetricStat *cwMetricSt `json:"MetricStat,omitempty"`
	ReturnData bool        `json:"ReturnData"`
}

type cwMetricSt struct {
	Metric struct {
		Namespace  string        `json:"Namespace"`
		MetricName string        `json:"MetricName"`
		Dimensions []cwDimension `json:"Dimensions,omitempty"`
	} `json:"Metric"`
	Period int    `json:"Period"`
	Stat   string `json:"Stat"`
}

// dimensions are the alarm's FunctionName dimension, none for the account.
func (a *CloudWatchAlarm) dimensions() []cwDimension {
	if a.Function == "" {
		return nil
	}
	return []cwDimension{{"FunctionName", a.Function}}
}

// request is the alarm as a put-metric-alarm request.
func (a *CloudWatchAlarm) request() putMetricAlarm {
	req := putMetricAlarm{AlarmName: a.Name, AlarmDescription: a.Description, EvaluationPeriods: a.EvaluationPeriods,
		DatapointsToAlarm: a.DatapointsToAlarm, Threshold: a.Threshold, ComparisonOperator: a.ComparisonOperator, TreatMissingData: a.TreatMissingData}
	if len(a.Math) == 0 {
		req.Namespace, req.MetricName, req.Dimensions = a.Namespace, a.Metric, a.dimensions()
		req.Statistic, req.ExtendedStatistic, req.Period = a.Statistic, a.ExtendedStatistic, a.Period
		return req
	}
	for i, q := range a.Math {
		m := cwMetricDataQry{ID: q.ID, Expression: q.Expression, Label: q.Label, ReturnData: i == len(a.Math)-1}
		if q.Metric != "" {
			m.MetricStat = &cwMetricSt{Period: a.Period, Stat: q.Stat}
			m.MetricStat.Metric.Namespace, m.MetricStat.Metric.MetricName, m.MetricStat.Metric.Dimensions = a.Namespace, q.Metric, a.dimensions()
		}
		req.Metrics = append(req.Metrics, m)
	}
	return req
}

// AlarmsJSON writes the deployment's alarms as a JSON array of
// put-metric-alarm requests; each element is one call's --cli-input-json:
//
//	jq -c '.[]' alarms.json | while read -r a; do aws cloudwatch put-metric-alarm --cli-input-json "$a"; done
func AlarmsJSON(d *Deployment) []byte {
	reqs := make([]putMetricAlarm, len(d.Alarms))
	for i := range d.Alarms {
		reqs[i] = d.Alarms[i].request()
	}
	data, _ := json.MarshalIndent(reqs, "", "  ")
	return append(data, '\n')
}
