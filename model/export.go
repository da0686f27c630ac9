package model

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// WriteMarkdown writes the report as a Markdown document for people:
// totals, a table of functions, shared services, opportunities, projections
// and alert counts. Function names are escaped for Markdown tables.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	title := r.Scenario
	if title == "" {
		title = "Scenario"
	}
	ts := r.TotalSummary
	fmt.Fprintf(&b, "# %s — serverless capacity report\n\n", mdEscape(title))
	platform := r.Pricing.PlatformName
	if r.Pricing.Region != "" {
		fmt.Fprintf(&b, "Functions on **%s** (%s); services priced with **%s** (%s, free tier %s, %g-hour month).\n\n",
			platform, r.Pricing.Region, r.Pricing.ProfileName, r.Pricing.Profile, onOff(r.Pricing.FreeTier), r.Pricing.HoursPerMonth)
	} else {
		fmt.Fprintf(&b, "Functions on **%s**, priced with **%s** (%s, %s, free tier %s, %g-hour month).\n\n",
			platform, r.Pricing.ProfileName, r.Pricing.Profile, r.Pricing.Architecture, onOff(r.Pricing.FreeTier), r.Pricing.HoursPerMonth)
	}
	b.WriteString("| Total | Value |\n|---|---:|\n")
	fmt.Fprintf(&b, "| Monthly cost | %s |\n", usd(ts.TotalMonthlyCost))
	fmt.Fprintf(&b, "| %s | %s |\n", mdEscape(platform), usd(ts.LambdaCost))
	fmt.Fprintf(&b, "| Supporting services | %s |\n", usd(ts.SupportingServicesCost))
	fmt.Fprintf(&b, "| Global services | %s |\n", usd(ts.GlobalServicesCost))
	if r.Compliance.Enabled {
		fmt.Fprintf(&b, "| Compliance | %s |\n", usd(ts.ComplianceCost))
	}
	fmt.Fprintf(&b, "| Monthly invocations | %s |\n", count(ts.TotalMonthlyInvocations))
	fmt.Fprintf(&b, "| Cost per invocation | $%.8f |\n", ts.CostPerInvocation)
	fmt.Fprintf(&b, "| Reserved concurrency | %s instances |\n", count(ts.TotalReservedConcurrency))
	fmt.Fprintf(&b, "| Peak concurrency (sum of bursts) | %s instances |\n\n", count(ts.PeakConcurrentExecutions))

	b.WriteString("## Functions\n\n")
	fmt.Fprintf(&b, "| Function | Memory (MB) | Invocations/month | Mean (ms) | Avg concurrency | Burst concurrency | %s ($/month) | Services ($/month) | Total ($/month) |\n", mdEscape(platform))
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, f := range r.Functions {
		ea := f.ExecutionCapacity.ExecutionAnalysis
		fmt.Fprintf(&b, "| %s | %g | %s | %g | %.1f | %.1f | %.2f | %.2f | %.2f |\n",
			mdEscape(f.Name), f.PerformanceCharacteristics.MemoryMb, count(f.Traffic.MonthlyInvocations),
			f.PerformanceCharacteristics.AvgExecutionTimeMs, ea.AvgConcurrentExecutions, ea.BurstConcurrentExecutions,
			f.CostBreakdown.TotalFunctionCost, f.SupportingServices.TotalCost, f.TotalMonthlyCost)
	}

	if len(r.Pricing.Bill) > 0 {
		fmt.Fprintf(&b, "\n## %s bill\n\n| Meter | Quantity | Unit | Unit price (USD) | Cost |\n|---|---:|---|---:|---:|\n", mdEscape(platform))
		for _, l := range r.Pricing.Bill {
			fmt.Fprintf(&b, "| %s | %s | %s | %g | %s |\n", mdEscape(l.Meter), count(l.Quantity), mdEscape(l.Unit), l.UnitPriceUSD, usd(l.USD))
		}
		for _, n := range r.Pricing.Notes {
			fmt.Fprintf(&b, "\n- %s", mdEscape(n))
		}
		if len(r.Pricing.Notes) > 0 {
			b.WriteString("\n")
		}
	}

	g := r.GlobalServices
	b.WriteString("\n## Global services ($/month)\n\n| Service | Cost |\n|---|---:|\n")
	for _, row := range []struct {
		name string
		cost float64
	}{{"Deployment", g.Deployment}, {"X-Ray", g.XRay}, {"CloudWatch Logs Insights", g.CloudWatchInsights},
		{"IAM", g.IAM}, {"Secrets Manager", g.SecretsManager}, {"CodeBuild", g.CodeBuild}} {
		fmt.Fprintf(&b, "| %s | %s |\n", row.name, usd(row.cost))
	}
	fmt.Fprintf(&b, "\nX-Ray: %s traces recorded a month, %s of them free.\n", count(g.XRayTraces), count(g.XRayFreeTraces))

	writeTargetsMarkdown(&b, r)

	b.WriteString("\n## Optimization opportunities\n\n")
	if len(r.OptimizationOpportunities) == 0 {
		b.WriteString("None found.\n")
	}
	for _, o := range r.OptimizationOpportunities {
		names := make([]string, len(o.AffectedFunctions))
		for i, n := range o.AffectedFunctions {
			names[i] = mdEscape(n)
		}
		fmt.Fprintf(&b, "- **%s**: %s (%s)\n", o.Type, o.Action, strings.Join(names, ", "))
	}

	b.WriteString("\n## Scaling projections\n\n| Scale | Invocations/month | Cost ($/month) | Cost per invocation ($) |\n|---|---:|---:|---:|\n")
	for _, p := range r.ScalingProjections {
		fmt.Fprintf(&b, "| %g× | %s | %.2f | %.8f |\n", p.Factor, count(p.MonthlyInvocations), p.MonthlyCost, p.CostPerInvocation)
	}
	critical := 0
	for _, a := range r.Alerts {
		if a.Severity == "critical" {
			critical++
		}
	}
	fmt.Fprintf(&b, "\n## Alerts\n\n%d rules, %d critical.\n", len(r.Alerts), critical)
	writeChecklistMarkdown(&b, r)
	_, err := io.WriteString(w, b.String())
	return err
}

// csvColumns are the columns of WriteCSV.
var csvColumns = []string{"function", "memory_mb", "monthly_invocations", "invocations_per_second",
	"avg_execution_time_ms", "avg_concurrent_executions", "burst_concurrent_executions",
	"compute_cost", "init_cost", "request_cost", "provisioned_cost", "ephemeral_storage_cost", "compliance_cost",
	"monitoring_cost", "supporting_services_cost", "total_monthly_cost"}

// WriteCSV writes one row per function and a total row, costs in USD per
// month, numbers unrounded (RFC 4180: fields with commas, quotes or line
// breaks are quoted).
func WriteCSV(w io.Writer, r *Report) error {
	var b strings.Builder
	write := func(fields []string) error {
		for i, f := range fields {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(f, ",\"\r\n") {
				f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
			}
			b.WriteString(f)
		}
		b.WriteString("\r\n")
		return nil
	}
	if err := write(csvColumns); err != nil {
		return err
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	for _, f := range r.Functions {
		c, ea := f.CostBreakdown, f.ExecutionCapacity.ExecutionAnalysis
		row := []string{csvSafe(f.Name), num(f.PerformanceCharacteristics.MemoryMb), num(f.Traffic.MonthlyInvocations),
			num(f.Traffic.InvocationsPerSecond), num(f.PerformanceCharacteristics.AvgExecutionTimeMs),
			num(ea.AvgConcurrentExecutions), num(ea.BurstConcurrentExecutions), num(c.ComputeCost), num(c.InitCost), num(c.RequestCost),
			num(c.ProvisionedCost), num(c.EphemeralStorageCost), num(c.ComplianceCost), num(c.MonitoringCost),
			num(f.SupportingServices.TotalCost), num(f.TotalMonthlyCost)}
		if err := write(row); err != nil {
			return err
		}
	}
	ts := r.TotalSummary
	total := make([]string, len(csvColumns))
	total[0], total[2] = "TOTAL (with global services)", num(ts.TotalMonthlyInvocations)
	total[len(total)-1] = num(ts.TotalMonthlyCost)
	if err := write(total); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// csvSafe makes user text safe in a spreadsheet, after OWASP's guidance on
// CSV injection: control characters become spaces, and a cell whose first
// character other than a space could start a formula (= + - @) is prefixed
// with a quote, so it is read as text.
func csvSafe(s string) string {
	s = withoutControls(s)
	if t := strings.TrimLeft(s, " "); t != "" && strings.ContainsRune("=+-@", rune(t[0])) {
		return "'" + s
	}
	return s
}

// withoutControls replaces control characters (NUL, tabs, line breaks, …)
// by spaces: user text is one line of text in every export.
func withoutControls(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// mdEscape makes user text safe inside Markdown (tables, emphasis, HTML).
func mdEscape(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "|", "\\|", "*", "\\*", "_", "\\_", "`", "\\`",
		"<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]")
	return r.Replace(withoutControls(s))
}

func usd(x float64) string { return "$" + GroupDigits(strconv.FormatFloat(x, 'f', 2, 64)) }

func count(x float64) string { return GroupDigits(strconv.FormatFloat(x, 'f', 0, 64)) }

// GroupDigits inserts thousands commas into the integer part of a decimal
// string ("1234567.5" → "1,234,567.5").
func GroupDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, d := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if hasFrac {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
