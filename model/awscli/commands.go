package awscli

import (
	"encoding/json"
	"fmt"
	"strings"
)

// QueriesPerFunction is the metric queries QueryFile writes per function.
const QueriesPerFunction = 7

// MaxQueriesPerCall is GetMetricData's limit of queries in one call.
const MaxQueriesPerCall = 500

// FunctionsPerQueryFile is how many functions one query file holds.
const FunctionsPerQueryFile = MaxQueriesPerCall / QueriesPerFunction

// Query is one MetricDataQuery of get-metric-data.
type Query struct {
	ID         string     `json:"Id"`
	Label      string     `json:"Label"`
	MetricStat metricStat `json:"MetricStat"`
}

type metricStat struct {
	Metric struct {
		Namespace  string      `json:"Namespace"`
		MetricName string      `json:"MetricName"`
		Dimensions []dimension `json:"Dimensions"`
	} `json:"Metric"`
	Period int    `json:"Period"`
	Stat   string `json:"Stat"`
}

type dimension struct {
	Name  string `json:"Name"`
	Value string `json:"Value"`
}

// HourSeconds is the period of the queries: the planner's traffic profile
// and forecasts are hourly.
const HourSeconds = 3600

// QueryFile writes the metric-data queries of functions (at most
// FunctionsPerQueryFile) for `--metric-data-queries file://…`: hourly
// Invocations Sum, Duration Average, p95 and p99, ConcurrentExecutions
// Maximum, Errors Sum and Throttles Sum, labelled "NAME METRIC STAT".
func QueryFile(functions []string) ([]byte, error) {
	if len(functions) > FunctionsPerQueryFile {
		return nil, fmt.Errorf("%d functions: one call takes %d queries, %d functions; split them", len(functions), MaxQueriesPerCall, FunctionsPerQueryFile)
	}
	stats := []struct{ id, metric, stat string }{
		{"inv", Invocations, "Sum"}, {"avg", Duration, "Average"}, {"p95", Duration, "p95"}, {"p99", Duration, "p99"},
		{"conc", ConcurrentExecutions, "Maximum"}, {"err", Errors, "Sum"}, {"thr", Throttles, "Sum"},
	}
	queries := make([]Query, 0, len(functions)*len(stats))
	for i, name := range functions {
		for _, s := range stats {
			q := Query{ID: fmt.Sprintf("f%d_%s", i, s.id), Label: name + " " + s.metric + " " + s.stat}
			q.MetricStat.Metric.Namespace = "AWS/Lambda"
			q.MetricStat.Metric.MetricName = s.metric
			q.MetricStat.Metric.Dimensions = []dimension{{"FunctionName", name}}
			q.MetricStat.Period, q.MetricStat.Stat = HourSeconds, s.stat
			queries = append(queries, q)
		}
	}
	return json.MarshalIndent(queries, "", "  ")
}

// Commands writes the shell commands (bash, AWS CLI v2, GNU date) that
// produce the files `planner import aws` reads for functions in region over
// the last days: the inventory, each function's concurrency (files named
// after it), and hourly metrics, one get-metric-data call per query file.
// Without functions the concurrency commands loop over the inventory.
func Commands(functions []string, region string, days int) string {
	var b strings.Builder
	r := ""
	if region != "" {
		r = " --region " + shellQuote(region)
	}
	b.WriteString("# Files for `planner import aws`. The planner never calls AWS: run these with your credentials.\n")
	b.WriteString("# 1. The functions (the CLI reads every page):\n")
	b.WriteString("aws lambda list-functions" + r + " --output json > functions.json\n\n")
	b.WriteString("# 2. Each function's reserved and provisioned concurrency (a file per function, named after it):\n")
	if len(functions) == 0 {
		b.WriteString("for f in $(aws lambda list-functions" + r + " --query 'Functions[].FunctionName' --output text); do\n")
		b.WriteString("  aws lambda get-function-concurrency --function-name \"$f\"" + r + " --output json > \"concurrency.$f.json\"\n")
		b.WriteString("  aws lambda list-provisioned-concurrency-configs --function-name \"$f\"" + r + " --output json > \"provisioned.$f.json\"\n")
		b.WriteString("done\n\n")
	}
	for _, f := range functions {
		q := shellQuote(f)
		b.WriteString("aws lambda get-function-concurrency --function-name " + q + r + " --output json > " + shellQuote("concurrency."+f+".json") + "\n")
		b.WriteString("aws lambda list-provisioned-concurrency-configs --function-name " + q + r + " --output json > " + shellQuote("provisioned."+f+".json") + "\n")
	}
	if len(functions) > 0 {
		b.WriteString("\n")
	}
	parts := max(1, (len(functions)+FunctionsPerQueryFile-1)/FunctionsPerQueryFile)
	fmt.Fprintf(&b, "# 3. %d days of hourly metrics. The queries: planner import aws --queries --functions functions.json --part K > metric-queries-K.json\n", days)
	b.WriteString("start=$(date -u -d \"-" + fmt.Sprint(days) + " days\" +%Y-%m-%dT%H:00:00Z); end=$(date -u +%Y-%m-%dT%H:00:00Z)\n")
	for k := 1; k <= parts; k++ {
		fmt.Fprintf(&b, "planner import aws --queries --functions functions.json --part %d > metric-queries-%d.json\n", k, k)
		fmt.Fprintf(&b, "aws cloudwatch get-metric-data --metric-data-queries file://metric-queries-%d.json --start-time \"$start\" --end-time \"$end\"%s --output json > metrics-%d.json\n", k, r, k)
	}
	b.WriteString("\n# 4. The scenario:\n")
	b.WriteString("planner import aws --functions functions.json --concurrency concurrency.*.json provisioned.*.json --metrics metrics-*.json > scenario.json\n")
	return b.String()
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
