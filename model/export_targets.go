package model

import (
	"fmt"
	"strconv"
	"strings"

	"planner/model/targets"
)

// writeTargetsMarkdown writes every function's targets: value, limit and
// whether it is met, and the account's concurrency against its limit.
func writeTargetsMarkdown(b *strings.Builder, r *Report) {
	met := 0
	for i := range r.Functions {
		if r.Functions[i].Scorecard.Met {
			met++
		}
	}
	fmt.Fprintf(b, "\n## Targets\n\n%d of %d functions meet their targets; the account's peak concurrency (p99 of the busiest hour) is %d of %d.\n\n",
		met, len(r.Functions), r.Account.PeakP99Concurrency, r.Account.Limit)
	b.WriteString("| Function | Class | Target | Value | Limit | State |\n|---|---|---|---:|---:|---|\n")
	for i := range r.Functions {
		sc := &r.Functions[i].Scorecard
		for _, s := range sc.Scores {
			value := "not computed"
			if s.Computed {
				value = kpiText(s.Value, s.Unit)
			}
			op := "≤ "
			if s.AtLeast {
				op = "≥ "
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s%s | %s |\n", mdEscape(r.Functions[i].Name), sc.Class, s.Label, value, op, kpiText(s.Limit, s.Unit), stateText(s))
		}
	}
}

// kpiText writes a KPI value: ms, or a fraction as percent.
func kpiText(v float64, unit string) string {
	if unit == "ms" {
		return GroupDigits(strconv.FormatFloat(v, 'f', 0, 64)) + " ms"
	}
	return strconv.FormatFloat(100*v, 'g', 3, 64) + "%"
}

// stateText is the score's state, a missed requirement in bold.
func stateText(s targets.Score) string {
	if st := s.State(); st != targets.StateMissed {
		return st
	}
	return "**" + targets.StateMissed + "**"
}

// writeChecklistMarkdown writes the go-live checklist: ticks, items and
// what the plan answers.
func writeChecklistMarkdown(b *strings.Builder, r *Report) {
	b.WriteString("\n## Go-live checklist\n")
	phase := ""
	for _, it := range r.Checklist {
		if it.Phase != phase {
			phase = it.Phase
			fmt.Fprintf(b, "\n### %s\n\n", phase)
		}
		tick := " "
		if it.Done {
			tick = "x"
		}
		fmt.Fprintf(b, "- [%s] %s", tick, it.Text)
		if it.Answer != "" {
			fmt.Fprintf(b, " — %s", mdEscape(it.Answer))
		}
		b.WriteString("\n")
	}
}
