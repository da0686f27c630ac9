package deploy

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteTerraform writes the deployment as Terraform (HCL) for the AWS
// provider: each function's planned settings as a reviewable local value
// (aws_lambda_function argument names, for the user's own resources), and
// as resources the provisioned concurrency on the alias, its Application
// Auto Scaling target with scheduled actions or a target-tracking policy,
// and the CloudWatch alarms. Every string is an HCL quoted template with
// "${" and "%{" escaped, so names cannot inject expressions.
func WriteTerraform(w io.Writer, d *Deployment) error {
	var b strings.Builder
	writeHeader(&b, d, "Review before applying. Provisioned concurrency and its scaling act on the alias "+strconv.Quote(Alias),
		"of each function (Application Auto Scaling needs an alias or version, never $LATEST): create it or rename it.")
	b.WriteString("\nlocals {\n")
	b.WriteString("  # The planned settings, to set on your aws_lambda_function resources, e.g.\n")
	b.WriteString("  #   memory_size = local.planner_functions[\"NAME\"].memory_size\n")
	b.WriteString("  # reserved_concurrent_executions = -1 means unreserved (0 would stop the function).\n")
	b.WriteString("  planner_functions = {\n")
	for _, f := range d.Functions {
		b.WriteString("    " + hclString(f.Name) + " = {\n")
		attrs := [][2]string{
			{"memory_size", strconv.Itoa(f.MemoryMb)},
			{"architectures", "[" + hclString(string(f.Architecture)) + "]"},
			{"ephemeral_storage", "{ size = " + strconv.Itoa(f.EphemeralMb) + " }"},
			{"reserved_concurrent_executions", strconv.Itoa(reservedOrUnreserved(f.Reserved))},
		}
		if f.TimeoutS > 0 {
			attrs = append(attrs, [2]string{"timeout", strconv.Itoa(f.TimeoutS)})
		}
		writeHCLAttrs(&b, "      ", attrs)
		b.WriteString("    }\n")
	}
	b.WriteString("  }\n}\n")

	for _, f := range d.Functions {
		if f.Provisioned == 0 {
			continue
		}
		id := f.ID + "_" + Alias
		sc := f.Scaling
		lifecycle := ""
		if sc != nil {
			// The scaling changes the level; the plan must not undo it.
			lifecycle = "  lifecycle {\n    ignore_changes = [provisioned_concurrent_executions]\n  }\n"
		}
		block(&b, "aws_lambda_provisioned_concurrency_config", id, [][2]string{
			{"function_name", hclString(f.Name)},
			{"qualifier", hclString(Alias)},
			{"provisioned_concurrent_executions", strconv.Itoa(f.Provisioned)},
		}, lifecycle)
		if sc == nil {
			continue
		}
		target := "aws_appautoscaling_target." + id
		block(&b, "aws_appautoscaling_target", id, [][2]string{
			{"service_namespace", hclString("lambda")},
			{"resource_id", hclString("function:" + f.Name + ":" + Alias)},
			{"scalable_dimension", hclString("lambda:function:ProvisionedConcurrency")},
			{"min_capacity", strconv.Itoa(sc.Min)},
			{"max_capacity", strconv.Itoa(sc.Max)},
			{"depends_on", "[aws_lambda_provisioned_concurrency_config." + id + "]"},
		}, "")
		same := [][2]string{
			{"service_namespace", target + ".service_namespace"},
			{"resource_id", target + ".resource_id"},
			{"scalable_dimension", target + ".scalable_dimension"},
		}
		for _, h := range sc.Hours {
			attrs := append([][2]string{{"name", hclString(fmt.Sprintf("planner-%s-%02dh", f.Name, h.Hour))}}, same...)
			attrs = append(attrs, [2]string{"schedule", hclString(fmt.Sprintf("cron(0 %d * * ? *)", h.Hour))}, [2]string{"timezone", hclString("UTC")})
			block(&b, "aws_appautoscaling_scheduled_action", fmt.Sprintf("%s_%02dh", id, h.Hour), attrs,
				fmt.Sprintf("  scalable_target_action {\n    min_capacity = %d\n    max_capacity = %d\n  }\n", h.Capacity, h.Capacity))
		}
		if sc.TargetUtilization > 0 {
			attrs := append([][2]string{{"name", hclString("planner-" + f.Name + "-pc-utilization")}, {"policy_type", hclString("TargetTrackingScaling")}}, same...)
			block(&b, "aws_appautoscaling_policy", id+"_target_tracking", attrs,
				"  target_tracking_scaling_policy_configuration {\n    target_value = "+hclNumber(sc.TargetUtilization)+"\n"+
					"    predefined_metric_specification {\n      predefined_metric_type = \"LambdaProvisionedConcurrencyUtilization\"\n    }\n  }\n")
		}
	}

	for _, a := range d.Alarms {
		attrs := [][2]string{
			{"alarm_name", hclString(a.Name)},
			{"alarm_description", hclString(a.Description)},
			{"comparison_operator", hclString(a.ComparisonOperator)},
			{"evaluation_periods", strconv.Itoa(a.EvaluationPeriods)},
			{"datapoints_to_alarm", strconv.Itoa(a.DatapointsToAlarm)},
			{"threshold", hclNumber(a.Threshold)},
			{"treat_missing_data", hclString(a.TreatMissingData)},
		}
		var nested strings.Builder
		if len(a.Math) == 0 {
			attrs = append(attrs, [2]string{"namespace", hclString(a.Namespace)}, [2]string{"metric_name", hclString(a.Metric)}, [2]string{"period", strconv.Itoa(a.Period)})
			if a.ExtendedStatistic != "" {
				attrs = append(attrs, [2]string{"extended_statistic", hclString(a.ExtendedStatistic)})
			} else {
				attrs = append(attrs, [2]string{"statistic", hclString(a.Statistic)})
			}
			if a.Function != "" {
				attrs = append(attrs, [2]string{"dimensions", "{ FunctionName = " + hclString(a.Function) + " }"})
			}
		}
		for i, q := range a.Math {
			nested.WriteString("  metric_query {\n")
			writeHCLAttrs(&nested, "    ", [][2]string{{"id", hclString(q.ID)}, {"return_data", strconv.FormatBool(i == len(a.Math)-1)}})
			if q.Expression != "" {
				writeHCLAttrs(&nested, "    ", [][2]string{{"expression", hclString(q.Expression)}, {"label", hclString(q.Label)}})
			} else {
				nested.WriteString("    metric {\n")
				writeHCLAttrs(&nested, "      ", [][2]string{{"namespace", hclString(a.Namespace)}, {"metric_name", hclString(q.Metric)},
					{"period", strconv.Itoa(a.Period)}, {"stat", hclString(q.Stat)}, {"dimensions", "{ FunctionName = " + hclString(a.Function) + " }"}})
				nested.WriteString("    }\n")
			}
			nested.WriteString("  }\n")
		}
		block(&b, "aws_cloudwatch_metric_alarm", a.ID, attrs, nested.String())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// reservedOrUnreserved is a reservation as Terraform's argument: the
// planner's 0 (none) is the provider's -1.
func reservedOrUnreserved(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

// writeHeader writes the "#" comments both file formats open with: where
// the file comes from, the format's own lines, the renames and the rules
// not exported.
func writeHeader(b *strings.Builder, d *Deployment, lines ...string) {
	b.WriteString("# Generated by the serverless capacity planner")
	if d.Scenario != "" {
		b.WriteString(" from " + hclComment(d.Scenario))
	}
	b.WriteString(".\n")
	for _, l := range lines {
		b.WriteString("# " + l + "\n")
	}
	for _, r := range d.Renamed {
		b.WriteString("# Renamed for Lambda: " + oneLine(r) + "\n")
	}
	for _, s := range d.Skipped {
		b.WriteString("# Not exported: " + oneLine(s) + "\n")
	}
}

// oneLine keeps text on one comment line: control characters become spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// block writes a resource with aligned attributes and nested blocks.
func block(b *strings.Builder, kind, name string, attrs [][2]string, nested string) {
	b.WriteString("\nresource " + strconv.Quote(kind) + " " + strconv.Quote(name) + " {\n")
	writeHCLAttrs(b, "  ", attrs)
	if nested != "" {
		b.WriteString("\n" + nested)
	}
	b.WriteString("}\n")
}

// writeHCLAttrs writes "name = value" lines, the '=' aligned as terraform
// fmt aligns them.
func writeHCLAttrs(b *strings.Builder, indent string, attrs [][2]string) {
	width := 0
	for _, a := range attrs {
		width = max(width, len(a[0]))
	}
	for _, a := range attrs {
		b.WriteString(indent + a[0] + strings.Repeat(" ", width-len(a[0])) + " = " + a[1] + "\n")
	}
}

// hclString quotes s as an HCL string: JSON-like escapes, and template
// sequences ("${", "%{") doubled so they stay text.
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		case (r == '$' || r == '%') && strings.HasPrefix(s[i+1:], "{"):
			b.WriteRune(r)
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hclNumber writes a number without an exponent.
func hclNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// hclComment is text safe inside a "#" comment line.
func hclComment(s string) string { return strconv.Quote(oneLine(s)) }
