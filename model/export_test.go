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
