package model

import (
	"strings"
	"testing"
)

func TestExportsEscapeUserText(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].Name = "<img src=x onerror=alert(1)>|x"
	s.Functions[1].Name = "=HYPERLINK(1)"
	r := mustEvaluate(t, &s)
	var md, csv strings.Builder
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&csv, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "<img") || !strings.Contains(md.String(), `&lt;img src=x onerror=alert(1)&gt;\|x`) {
		t.Errorf("markdown does not escape the name:\n%s", md.String())
	}
	if strings.Contains(csv.String(), "\n=HYPERLINK") || !strings.Contains(csv.String(), "'=HYPERLINK(1)") {
		t.Errorf("csv lets a formula through:\n%s", csv.String())
	}
	if lines := strings.Count(csv.String(), "\n"); lines != len(r.Functions)+2 {
		t.Errorf("csv has %d lines", lines)
	}
}

// Exports follow OWASP's guidance on CSV injection, formulas after leading
// spaces or control characters included; no control character reaches CSV
// or Markdown; numbers are plain decimals, never exponents.
func TestExportsNeutraliseFormulasAndControls(t *testing.T) {
	for in, want := range map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "  =cmd|' /C calc'!A0": "'  =cmd|' /C calc'!A0", "\t+1": "' +1",
		"\r-2": "' -2", "@x": "'@x", "a\x00b": "a b", "plain name": "plain name", "-": "'-",
	} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdEscape("a\x00b\x1b[31m|c\nd"); got != "a b \\[31m\\|c d" {
		t.Errorf("mdEscape: %q", got)
	}
	s := DefaultScenario()
	s.Functions[0].Name = "api\x00\x07"
	s.Functions[1].MonthlyInvocations = ptr(525_600_000.0)
	r := mustEvaluate(t, &s)
	var csv, md strings.Builder
	if err := WriteCSV(&csv, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"CSV": csv.String(), "Markdown": md.String()} {
		if strings.ContainsAny(text, "\x00\x07") {
			t.Errorf("%s carries a control character", name)
		}
	}
	if !strings.Contains(csv.String(), ",525600000,") || strings.Contains(csv.String(), "e+") {
		t.Errorf("CSV numbers: %s", csv.String())
	}
}

// The Markdown report lists every target with its state and the go-live
// checklist with its ticks and answers.
func TestMarkdownTargetsAndChecklist(t *testing.T) {
	s := rareAPI()
	s.Checklist = []string{"assess-costs"}
	r := mustEvaluate(t, &s)
	var md strings.Builder
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	for _, want := range []string{"## Targets", "0 of 1 functions meet their targets",
		"| checkout | interactive | Cold-start rate | 54.9% | ≤ 5% | **missed** |",
		"| checkout | interactive | Error rate | not computed | ≤ 0.1% | not computed |",
		"## Go-live checklist", "### 1. Serverless assessment", "- [x] Estimate complete infrastructure costs — $", "- [ ] Plan cold start optimization strategy — 0 of 1 functions"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}
