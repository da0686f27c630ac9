package deploy

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteSAM writes the deployment as an AWS SAM template: each function
// with its planned settings (CodeUri and Handler are placeholders to
// replace with the user's), AutoPublishAlias and its provisioned
// concurrency, a ScalableTarget on the alias (after the alias SAM creates,
// DependsOn <Function>Alias<alias>) with scheduled actions or a
// target-tracking ScalingPolicy, and an AWS::CloudWatch::Alarm per alarm.
// User text is written as YAML double-quoted scalars.
func WriteSAM(w io.Writer, d *Deployment) error {
	var b strings.Builder
	writeHeader(&b, d, "Merge into your template: CodeUri and Handler are placeholders, the runtime is a current one of the",
		"function's language. Provisioned concurrency and its scaling act on the alias "+strconv.Quote(Alias)+".")
	b.WriteString("AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\n")
	b.WriteString("Description: " + yamlString("Capacity plan: "+oneLine(d.Scenario)) + "\nResources:\n")
	logical := map[string]string{} // Lambda name → logical ID
	for _, f := range d.Functions {
		logical[f.Name] = f.LogicalID
		fmt.Fprintf(&b, "  %s:\n    Type: AWS::Serverless::Function\n    Properties:\n", f.LogicalID)
		p := "      "
		b.WriteString(p + "FunctionName: " + yamlString(f.Name) + "\n")
		b.WriteString(p + "CodeUri: " + yamlString("src/"+f.Name+"/") + "\n")
		b.WriteString(p + "Handler: " + yamlString(handlerPlaceholder(f.Runtime)) + "\n")
		b.WriteString(p + "Runtime: " + yamlString(f.Runtime) + "\n")
		fmt.Fprintf(&b, "%sMemorySize: %d\n", p, f.MemoryMb)
		if f.TimeoutS > 0 {
			fmt.Fprintf(&b, "%sTimeout: %d\n", p, f.TimeoutS)
		}
		fmt.Fprintf(&b, "%sArchitectures:\n%s  - %s\n", p, p, f.Architecture)
		fmt.Fprintf(&b, "%sEphemeralStorage:\n%s  Size: %d\n", p, p, f.EphemeralMb)
		if f.Reserved > 0 {
			fmt.Fprintf(&b, "%sReservedConcurrentExecutions: %d\n", p, f.Reserved)
		}
		if f.Provisioned == 0 {
			continue
		}
		fmt.Fprintf(&b, "%sAutoPublishAlias: %s\n%sProvisionedConcurrencyConfig:\n%s  ProvisionedConcurrentExecutions: %d\n", p, Alias, p, p, f.Provisioned)
		if sc := f.Scaling; sc != nil {
			writeSAMScaling(&b, f, sc)
		}
	}
	for _, a := range d.Alarms {
		writeSAMAlarm(&b, &a, logical[a.Function])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// handlerPlaceholder is a handler in the form runtime's functions use.
func handlerPlaceholder(runtime string) string {
	switch {
	case strings.HasPrefix(runtime, "java"):
		return "example.Handler::handleRequest"
	case strings.HasPrefix(runtime, "dotnet"):
		return "Assembly::Namespace.Function::Handler"
	case strings.HasPrefix(runtime, "provided"):
		return "bootstrap"
	}
	return "index.handler"
}

// writeSAMScaling writes a function's scalable target and its scheduled
// actions or target-tracking policy.
func writeSAMScaling(b *strings.Builder, f DeployedFunction, sc *Scaling) {
	target := f.LogicalID + "ScalableTarget"
	fmt.Fprintf(b, "  %s:\n    Type: AWS::ApplicationAutoScaling::ScalableTarget\n    DependsOn: %sAlias%s\n    Properties:\n", target, f.LogicalID, Alias)
	fmt.Fprintf(b, "      MinCapacity: %d\n      MaxCapacity: %d\n", sc.Min, sc.Max)
	b.WriteString("      ServiceNamespace: lambda\n      ScalableDimension: lambda:function:ProvisionedConcurrency\n")
	fmt.Fprintf(b, "      ResourceId: !Sub \"function:${%s}:%s\"\n", f.LogicalID, Alias)
	if len(sc.Hours) > 0 {
		b.WriteString("      ScheduledActions:\n")
		for _, h := range sc.Hours {
			fmt.Fprintf(b, "        - ScheduledActionName: %s\n", yamlString(fmt.Sprintf("planner-%s-%02dh", f.Name, h.Hour)))
			fmt.Fprintf(b, "          Schedule: \"cron(0 %d * * ? *)\"\n          Timezone: UTC\n", h.Hour)
			fmt.Fprintf(b, "          ScalableTargetAction:\n            MinCapacity: %d\n            MaxCapacity: %d\n", h.Capacity, h.Capacity)
		}
	}
	if sc.TargetUtilization > 0 {
		fmt.Fprintf(b, "  %sTargetTracking:\n    Type: AWS::ApplicationAutoScaling::ScalingPolicy\n    Properties:\n", f.LogicalID)
		b.WriteString("      PolicyName: " + yamlString("planner-"+f.Name+"-pc-utilization") + "\n      PolicyType: TargetTrackingScaling\n")
		fmt.Fprintf(b, "      ScalingTargetId: !Ref %s\n      TargetTrackingScalingPolicyConfiguration:\n        TargetValue: %s\n", target, hclNumber(sc.TargetUtilization))
		b.WriteString("        PredefinedMetricSpecification:\n          PredefinedMetricType: LambdaProvisionedConcurrencyUtilization\n")
	}
}

// writeSAMAlarm writes an alarm; fn is its function's logical ID ("" for
// the account's).
func writeSAMAlarm(b *strings.Builder, a *CloudWatchAlarm, fn string) {
	fmt.Fprintf(b, "  %s:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n", a.LogicalID)
	p := "      "
	b.WriteString(p + "AlarmName: " + yamlString(a.Name) + "\n")
	b.WriteString(p + "AlarmDescription: " + yamlString(a.Description) + "\n")
	fmt.Fprintf(b, "%sComparisonOperator: %s\n%sEvaluationPeriods: %d\n%sDatapointsToAlarm: %d\n%sThreshold: %s\n%sTreatMissingData: %s\n",
		p, a.ComparisonOperator, p, a.EvaluationPeriods, p, a.DatapointsToAlarm, p, hclNumber(a.Threshold), p, a.TreatMissingData)
	dims := func(indent string) {
		if fn != "" {
			fmt.Fprintf(b, "%sDimensions:\n%s  - Name: FunctionName\n%s    Value: !Ref %s\n", indent, indent, indent, fn)
		}
	}
	if len(a.Math) == 0 {
		fmt.Fprintf(b, "%sNamespace: %s\n%sMetricName: %s\n%sPeriod: %d\n", p, a.Namespace, p, a.Metric, p, a.Period)
		if a.ExtendedStatistic != "" {
			fmt.Fprintf(b, "%sExtendedStatistic: %s\n", p, a.ExtendedStatistic)
		} else {
			fmt.Fprintf(b, "%sStatistic: %s\n", p, a.Statistic)
		}
		dims(p)
		return
	}
	b.WriteString(p + "Metrics:\n")
	for i, q := range a.Math {
		fmt.Fprintf(b, "%s  - Id: %s\n%s    ReturnData: %t\n", p, q.ID, p, i == len(a.Math)-1)
		if q.Expression != "" {
			fmt.Fprintf(b, "%s    Expression: %s\n%s    Label: %s\n", p, yamlString(q.Expression), p, yamlString(q.Label))
			continue
		}
		fmt.Fprintf(b, "%s    MetricStat:\n%s      Period: %d\n%s      Stat: %s\n%s      Metric:\n%s        Namespace: %s\n%s        MetricName: %s\n",
			p, p, a.Period, p, q.Stat, p, p, a.Namespace, p, q.Metric)
		dims(p + "        ")
	}
}

// QuoteYAML quotes s as a YAML double-quoted scalar: JSON-like escapes,
// control and line-separator characters escaped, so user text cannot break
// a file.
func QuoteYAML(s string) string { return yamlString(s) }

// yamlString quotes s as a YAML double-quoted scalar.
func yamlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatInt(int64(r)|0x100, 16)[1:])
		case r == '\u2028' || r == '\u2029' || r == '\ufeff':
			b.WriteString(`\u`)
			b.WriteString(strconv.FormatInt(int64(r)|0x10000, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
