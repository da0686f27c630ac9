package platform

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes a comparison for people: the platforms side by side,
// the crossovers and the assumptions.
func WriteMarkdown(w io.Writer, c Comparison) error {
	var b strings.Builder
	b.WriteString("# The application on every platform\n\n")
	b.WriteString("| Platform | Region | Monthly bill (USD) | Mean instances | Cold-start rate | p99 latency (ms) |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|\n")
	for _, r := range c.Platforms {
		instances := fmt.Sprintf("%.2f", r.Instances)
		if r.Platform == "cloudflare-workers" {
			instances = "n/a (isolates)"
		}
		name := cell(r.Name)
		if r.Platform == c.Own {
			name += " (this scenario's)"
		}
		fmt.Fprintf(&b, "| %s | %s | %.2f | %s | %.3f%% | %.0f |\n", name, cell(r.Region), r.MonthlyUSD, instances, 100*r.ColdStartRate, r.P99Ms)
	}
	b.WriteString("\n## Where the cheapest changes\n\n")
	if len(c.Crossovers) == 0 {
		b.WriteString("No crossover between ×0.1 and ×100 of today's traffic.\n")
	}
	for _, x := range c.Crossovers {
		fmt.Fprintf(&b, "- %s (×%.2g today's traffic).\n", cell(x.Text), x.Scale)
	}
	b.WriteString("\n## Notes\n\n")
	for _, r := range c.Platforms {
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "- %s: %s\n", cell(r.Name), cell(n))
		}
	}
	fmt.Fprintf(&b, "- Assumed: %.0f%% of each request's duration is CPU-bound; free tiers %s.\n", 100*c.Assumptions.CPUBoundShare, map[bool]string{true: "applied", false: "not applied"}[c.Assumptions.FreeTier])
	fmt.Fprintf(&b, "- Model: %s\n", c.Model)
	_, err := io.WriteString(w, b.String())
	return err
}

// cell makes text safe in a Markdown table cell: no control characters,
// pipes and markup escaped.
func cell(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		case strings.ContainsRune(`|\*_[]<>`+"`", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
