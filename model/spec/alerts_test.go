package spec

import (
	"fmt"
	"strings"
	"testing"
)

func TestAlerts(t *testing.T) {
	alerts := GenerateAlerts([]AlertFunction{
		{Name: "auth", Type: APIFunction, Criticality: CriticalCriticality},
		{Name: "batch", Type: ScheduledFunction, Criticality: LowCriticality},
		{Name: `we"ird`, Type: GeneralFunction, Criticality: MediumCriticality},
	})
	if len(alerts) != 5+4+4+2 {
		t.Fatalf("%d alerts", len(alerts))
	}
	if alerts[0].Condition != `aws_lambda_duration_p95{function_name="auth"} > 2000` || alerts[0].Severity != "critical" {
		t.Errorf("%+v", alerts[0])
	}
	if alerts[1].Condition != `aws_lambda_error_rate{function_name="auth"} > 0.001` {
		t.Errorf("%+v", alerts[1])
	}
	if alerts[5].Severity != "warning" || alerts[5].Condition != `aws_lambda_duration_p95{function_name="batch"} > 30000` {
		t.Errorf("%+v", alerts[5])
	}
	if alerts[9].Condition != `aws_lambda_duration_p95{function_name="we\"ird"} > 30000` {
		t.Errorf("label value not escaped: %s", alerts[9].Condition)
	}
}

// fill writes every alert text as fmt.Sprintf does (a runbook without a
// function in it as it is), function names with verbs and percent signs
// included; a text without the threshold gets no "%!(EXTRA …)" (the
// throttling alert said "fn experiencing throttling%!(EXTRA string=0)").
func TestFillWritesAlertTextsAsSprintf(t *testing.T) {
	for kind, text := range alertTexts {
		for _, function := range []string{"", "api", "odd%s%v%%name", "名前"} {
			for _, shown := range []string{"99.9", "2.5", "%v"} {
				want := fmt.Sprintf(text.description, function) // a text without the threshold (fmt added "%!(EXTRA …)" to it)
				if strings.Contains(text.description, "%v") || strings.Contains(text.description, "%[2]v") {
					want = fmt.Sprintf(text.description, function, shown)
				}
				if got := fill(text.description, function, shown); got != want || strings.Contains(got, "%!") {
					t.Errorf("%v description: %q, want %q", kind, got, want)
				}
				want = text.runbook
				if strings.Contains(text.runbook, "%s") {
					want = fmt.Sprintf(text.runbook, function)
				}
				if got := fill(text.runbook, function, shown); got != want {
					t.Errorf("%v runbook: %q, want %q", kind, got, want)
				}
			}
		}
	}
}

// The throttling alert reads as the reference's.
func TestThrottlingAlertText(t *testing.T) {
	a := AlertRule{Kind: AlertThrottles, Function: "fn_0", Threshold: 0}.Alert()
	if a.Description != "fn_0 experiencing throttling" {
		t.Errorf("%q", a.Description)
	}
}
