package model

import (
	"reflect"
	"slices"

	"planner/model/spec"
)

// Earlier is a scenario evaluated before and its report. An evaluation
// given one (Sources.Earlier) takes from it what a function that has not
// changed since had computed — its cold-start rate, the spec's analyses,
// the architectures and memory sizes judged, its scorecard — and computes
// the rest: the bill, shared by every function through the free tier and
// the price tiers, and whatever a changed function moves. The figures are
// those of an evaluation without it (tested).
type Earlier struct {
	Scenario *Scenario
	Report   *Report
}

// reuse finds earlier reports of unchanged functions.
type reuse struct {
	earlier Earlier
	// byName is filled on the first lookup a function's index misses.
	byName map[string]int
	// ruleAt is filled on the first alert rule its index misses.
	ruleAt map[spec.AlertRule]int
}

// reuseFor returns what s can reuse of an earlier evaluation, or nil: an
// earlier one priced otherwise, or of the costs alone, reuses nothing.
func reuseFor(s *Scenario, e Earlier) *reuse {
	if e.Scenario == nil || e.Report == nil || !e.Report.Complete() || len(e.Report.Functions) != len(e.Scenario.Functions) ||
		e.Scenario.Pricing != s.Pricing {
		return nil
	}
	return &reuse{earlier: e}
}

// function is the earlier report of f, at index i now, when f is unchanged
// (found at its index, or by its name after a move) and its cold-start rate
// was not pending; nil otherwise.
func (r *reuse) function(i int, f *Function) *FunctionReport {
	if r == nil {
		return nil
	}
	fs := r.earlier.Scenario.Functions
	j := i
	if j >= len(fs) || fs[j].Name != f.Name {
		if r.byName == nil {
			r.byName = make(map[string]int, len(fs))
			for k := range fs {
				r.byName[fs[k].Name] = k
			}
		}
		var ok bool
		if j, ok = r.byName[f.Name]; !ok {
			return nil
		}
	}
	fr := &r.earlier.Report.Functions[j]
	if fr.ColdStartRate.Pending || !reflect.DeepEqual(&fs[j], f) {
		return nil
	}
	return fr
}

// scorecard is the earlier scorecard of an unchanged function when nothing
// it is scored on has changed: its reservation, or the account's shared
// pool (its instances and each hour's blocking).
func (r *reuse) scorecard(earlier *FunctionReport, f *Function, pool *sharedPool) (Scorecard, bool) {
	if earlier == nil {
		return Scorecard{}, false
	}
	was := &r.earlier.Report.pool
	if f.ReservedConcurrency > 0 || (was.servers == pool.servers && slices.Equal(was.blocking, pool.blocking)) {
		return earlier.Scorecard, true
	}
	return Scorecard{}, false
}

// alerts writes alert rules as alerts, taking an earlier alert written from
// the same rule (at the same place, or anywhere in the earlier list).
func (r *reuse) alerts(rules []spec.AlertRule, pace func()) []spec.Alert {
	var was []spec.AlertRule
	var wasAlerts []spec.Alert
	if r != nil {
		was, wasAlerts = r.earlier.Report.alertRules, r.earlier.Report.Alerts
	}
	out := make([]spec.Alert, len(rules))
	for i, rule := range rules {
		if i < len(was) && was[i] == rule {
			out[i] = wasAlerts[i]
			continue
		}
		if r != nil {
			if r.ruleAt == nil {
				r.ruleAt = make(map[spec.AlertRule]int, len(was))
				for j, w := range was {
					r.ruleAt[w] = j
				}
			}
			if j, ok := r.ruleAt[rule]; ok {
				out[i] = wasAlerts[j]
				continue
			}
		}
		out[i] = rule.Alert()
		pace()
	}
	return out
}
