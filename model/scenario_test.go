package model

import (
	"testing"

	"planner/model/internal/check"
)

func TestParseScenarioDefaultsAndDerivedRates(t *testing.T) {
	s, probs := ParseScenario([]byte(`{"version":1,"functions":[{"name":"a","monthly_invocations":2628000},{"name":"b","invocations_per_second":2},{"name":"c"}]}`))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if s.Pricing != DefaultPricing() || s.SecretsCount != 5 {
		t.Errorf("scenario defaults: %+v", s)
	}
	a := s.Functions[0]
	if a.AllocatedMemoryMb != 256 || a.AvgExecutionTimeMs != 500 || a.Runtime != "python3.9" || len(a.TrafficProfile) != 24 {
		t.Errorf("function defaults: %+v", a)
	}
	seconds := 730 * 3600.0
	ips, monthly := a.Traffic(seconds)
	check.Near(t, "derived rate", ips, 1)
	check.Near(t, "given monthly", monthly, 2628000)
	_, monthly = s.Functions[1].Traffic(seconds)
	check.Near(t, "derived monthly", monthly, 2*seconds)
	ips, monthly = s.Functions[2].Traffic(seconds)
	check.Near(t, "spec default rate", ips, 100)
	check.Near(t, "spec default monthly", monthly, 100000)
}
