package model

import (
	"strings"
	"testing"
)

func TestPrometheusRules(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].Name = "a\"b\\c\nd"
	r, _ := Evaluate(&s)
	var b strings.Builder
	if err := WritePrometheusRules(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, "- alert: "); n != len(r.Alerts) {
		t.Errorf("%d rules written, want %d", n, len(r.Alerts))
	}
	if !strings.Contains(out, `alert: "a\"b\\c\ndHighMedianDuration"`) || strings.Contains(out, "\nd") {
		t.Errorf("name not escaped:\n%s", out[:400])
	}
}
