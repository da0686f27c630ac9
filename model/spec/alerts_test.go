package spec

import (
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
