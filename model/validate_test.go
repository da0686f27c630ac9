package model

import (
	"math"
	"strings"
	"testing"
)

func TestValidateRefusesNonFiniteNumbers(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].AvgExecutionTimeMs = math.NaN()
	s.Functions[1].ColdStartDurationMs = math.Inf(1)
	s.Functions[2].TrafficProfile[3] = math.Inf(-1)
	inf := math.Inf(1)
	s.Functions[3].MonthlyInvocations = &inf
	got := problemPaths(Validate(&s))
	for _, path := range []string{"functions[0].avg_execution_time_ms", "functions[1].cold_start_duration_ms",
		"functions[2].traffic_profile[3]", "functions[3].monthly_invocations"} {
		if !strings.Contains(got[path], "finite") {
			t.Errorf("%s: %q", path, got[path])
		}
	}
}
