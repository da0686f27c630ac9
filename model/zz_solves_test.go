package model

import (
	"testing"
	"time"

	"planner/model/keepalive"
)

func TestZZSolves(t *testing.T) {
	sc := DefaultScenario()
	seen := map[keepalive.Input]bool{}
	var total time.Duration
	EvaluateWith(&sc, Sources{KeepAlive: func(in keepalive.Input) (keepalive.Result, bool) {
		if seen[in] {
			return keepalive.Solve(in), true
		}
		seen[in] = true
		t0 := time.Now()
		r := keepalive.Solve(in)
		d := time.Since(t0)
		total += d
		if d > 2*time.Millisecond {
			t.Logf("%v %+v", d, in)
		}
		return r, true
	}})
	t.Logf("%d solves, %v", len(seen), total)
}
