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

// Monthly invocations and invocations per second are one fact: given both,
// they must agree (within 1%) over the profile's month, or the scenario
// names the conflict; the spec's infrastructure input keeps both as given.
func TestTrafficInputsAgree(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].InvocationsPerSecond = ptr(2_000_000.0 / (730 * 3600) * 1.005)
	if probs := Validate(&s); len(probs) > 0 {
		t.Errorf("0.5%% apart: %v", probs)
	}
	s.Functions[0].InvocationsPerSecond = ptr(10.0)
	wantProblems(t, Validate(&s), map[string]string{"functions[0].monthly_invocations": "disagrees with invocations_per_second"})
	if probs := validateScenario(&s, true, nil); len(probs) > 0 {
		t.Errorf("spec rules: %v", probs)
	}
}
