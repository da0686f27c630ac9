package targets

import (
	"reflect"
	"testing"
)

func kpis(ts []Target) (required, advisory []KPI) {
	for _, t := range ts {
		if t.Required {
			required = append(required, t.KPI)
		} else {
			advisory = append(advisory, t.KPI)
		}
	}
	return
}

// Each class has the seed's defaults; set limits replace them and are
// required; the utilisations are advisories until set.
func TestTargetsByClass(t *testing.T) {
	cases := []struct {
		s                  Setting
		required, advisory []KPI
	}{
		{Setting{Class: Interactive}, []KPI{ColdStartRate, P50Latency, ThrottleRate, MemoryFit}, []KPI{MemoryUtilisation}},
		{Setting{Class: Processing, HasProvisioned: true}, []KPI{P95Latency, ThrottleRate, MemoryFit}, []KPI{ProvisionedUtilisation, MemoryUtilisation}},
		{Setting{Class: Processing, ColdStartSensitive: true, HasProvisioned: true}, []KPI{ColdStartRate, P95Latency, ThrottleRate, MemoryFit}, []KPI{MemoryUtilisation}},
		{Setting{Class: Batch, HasTimeout: true, HasReserved: true}, []KPI{P99Latency, ThrottleRate, MemoryFit, TimeoutRate, ReservedUsage}, []KPI{MemoryUtilisation}},
		{Setting{Class: Scheduled}, []KPI{ThrottleRate, MemoryFit}, []KPI{MemoryUtilisation}},
	}
	for _, c := range cases {
		req, adv := kpis(Of(c.s))
		if !reflect.DeepEqual(req, c.required) || !reflect.DeepEqual(adv, c.advisory) {
			t.Errorf("%+v: required %v advisory %v, want %v and %v", c.s, req, adv, c.required, c.advisory)
		}
	}
	p99, mem := 800.0, 0.5
	own := Of(Setting{Class: Scheduled, P99LatencyMs: &p99, Limits: Limits{MemoryUtilisation: &mem}})
	want := []Target{{P99Latency, 800, true}, {ThrottleRate, DefaultThrottleRate, true}, {MemoryFit, 1, true}, {MemoryUtilisation, 0.5, true}}
	if !reflect.DeepEqual(own, want) {
		t.Errorf("own limits: %v, want %v", own, want)
	}
}

// A score is met on the right side of its limit; a KPI without a model is
// neither met nor missed.
func TestScores(t *testing.T) {
	m := Measures{ColdStartRate: 0.55, ColdStartModel: "keep-alive model", MemoryUsedMb: 180, MemoryMb: 256, ObservedErrorRate: 0.01,
		Latency: Duration{MeanMs: 100, P95Ms: 200, P99Ms: 300}}
	s := m.Scores([]Target{{ColdStartRate, 0.05, true}, {MemoryUtilisation, 0.7, false}, {ErrorRate, 0.001, true}, {P50Latency, 500, true}})
	if s[0].Met || !s[1].Met || s[2].Computed || s[2].Met || !s[3].Met {
		t.Errorf("scores: %+v", s)
	}
	missed := Missed(s)
	if len(missed) != 1 || missed[0].KPI != ColdStartRate {
		t.Errorf("missed: %+v", missed)
	}
}
