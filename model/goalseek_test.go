package model

import (
	"math"
	"strings"
	"testing"

	"planner/model/spec"
)

// rareAPI is a latency-sensitive API at one request every 1,000 s: about
// 55% of its requests start cold on a 10-minute keep-alive.
func rareAPI() Scenario {
	s := NewScenario()
	f := DefaultFunction()
	f.Name, f.Type, f.ColdStartSensitive = "checkout", spec.APIFunction, true
	f.InvocationsPerSecond = ptr(0.001)
	f.AvgExecutionTimeMs, f.P95ExecutionTimeMs, f.P99ExecutionTimeMs = 120, 250, 400
	f.AllocatedMemoryMb, f.ActualMemoryUsageMb = 512, 200
	s.Functions = []Function{f}
	return s
}

// bruteForce scores every size of 64 MB steps (durations by the spec's
// estimate, as goal seek sizes them) from the memory used to 3,008 MB with
// 0 to 4 provisioned instances, and returns the cheapest scenario total
// among those that meet every target.
func bruteForce(t *testing.T, s Scenario, i int) (float64, int, int) {
	t.Helper()
	best, bestMb, bestPC := math.Inf(1), 0, 0
	f0 := s.Functions[i]
	for mb := 128; mb <= 3008; mb += 64 {
		if float64(mb) < f0.ActualMemoryUsageMb {
			continue
		}
		for pc := 0; pc <= 4; pc++ {
			c := s
			c.Functions = append([]Function(nil), s.Functions...)
			f := &c.Functions[i]
			ratio := spec.EstimateExecutionTimeMs(f0.AvgExecutionTimeMs, float64(f0.AllocatedMemoryMb), float64(mb)) / f0.AvgExecutionTimeMs
			f.AllocatedMemoryMb, f.ProvisionedConcurrency = mb, pc
			f.AvgExecutionTimeMs, f.P95ExecutionTimeMs, f.P99ExecutionTimeMs = f0.AvgExecutionTimeMs*ratio, f0.P95ExecutionTimeMs*ratio, f0.P99ExecutionTimeMs*ratio
			r, probs := Evaluate(&c)
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			if r.Functions[i].Scorecard.Met && r.TotalSummary.TotalMonthlyCost < best {
				best, bestMb, bestPC = r.TotalSummary.TotalMonthlyCost, mb, pc
			}
		}
	}
	return best, bestMb, bestPC
}

// The rare API misses its cold-start target without provisioned
// concurrency; tuned, it meets every target and costs no more than the
// cheapest passing configuration a brute-force search finds.
func TestTuneRareAPI(t *testing.T) {
	s := rareAPI()
	r := mustEvaluate(t, &s)
	sc := r.Functions[0].Scorecard
	if sc.Met || sc.Scores[0].KPI != "cold_start_rate" || sc.Scores[0].Met || math.Abs(sc.Scores[0].Value-0.55) > 0.02 {
		t.Fatalf("before: %+v", sc)
	}
	tuned, tuning, probs := Tune(&s, Sources{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	after := mustEvaluate(t, tuned)
	if !tuning.Met || !after.Functions[0].Scorecard.Met || tuned.Functions[0].ProvisionedConcurrency < 1 {
		t.Fatalf("tuned: %+v\n%+v", tuning.Functions[0], after.Functions[0].Scorecard)
	}
	best, mb, pc := bruteForce(t, s, 0)
	if after.TotalSummary.TotalMonthlyCost > best+1e-9 {
		t.Errorf("tuned costs $%.6f at %d MB / %d provisioned; brute force finds $%.6f at %d MB / %d provisioned",
			after.TotalSummary.TotalMonthlyCost, tuned.Functions[0].AllocatedMemoryMb, tuned.Functions[0].ProvisionedConcurrency, best, mb, pc)
	}
	if tuning.TotalAfter != after.TotalSummary.TotalMonthlyCost || tuning.Functions[0].CostAfter != after.Functions[0].TotalMonthlyCost {
		t.Errorf("the tuning's costs are not the tuned scenario's: %+v", tuning)
	}
	m := tuned.Functions[0].ExecutionTimesByMemory
	if tuned.Functions[0].AllocatedMemoryMb != 512 && (len(m) != 1 || m[0].MemoryMb != 512 || m[0].ExecutionTimeMs != 120) {
		t.Errorf("the measured size is not kept: %+v", m)
	}
}

// Several functions, reservations and a processing function: every tuned
// function costs no more than the brute force finds for it.
func TestTuneDefaultScenario(t *testing.T) {
	s := DefaultScenario()
	tuned, tuning, probs := Tune(&s, Sources{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	after := mustEvaluate(t, tuned)
	for i := range tuned.Functions {
		if !after.Functions[i].Scorecard.Met {
			t.Errorf("%s misses a target: %+v", tuned.Functions[i].Name, tuning.Functions[i].Notes)
		}
		if tuned.Functions[i].ReservedConcurrency < after.Functions[i].Scorecard.P99Concurrency || tuned.Functions[i].ReservedConcurrency == 0 {
			t.Errorf("%s reserves %d for a p99 concurrency of %d", tuned.Functions[i].Name, tuned.Functions[i].ReservedConcurrency, after.Functions[i].Scorecard.P99Concurrency)
		}
	}
	if tuning.TotalAfter > tuning.TotalBefore+1e-9 {
		t.Errorf("tuning a scenario that meets its targets raised its bill: $%.2f → $%.2f", tuning.TotalBefore, tuning.TotalAfter)
	}
	start := *tuned
	start.Functions = append([]Function(nil), tuned.Functions...)
	start.Functions[1] = s.Functions[1]
	best, mb, pc := bruteForce(t, start, 1)
	if after.TotalSummary.TotalMonthlyCost > best+1e-6 {
		t.Errorf("%s: brute force finds $%.4f at %d MB / %d provisioned, tuned $%.4f", tuned.Functions[1].Name, best, mb, pc, after.TotalSummary.TotalMonthlyCost)
	}
}

// Where no configuration meets a target, the nearest is kept and the notes
// name the target.
func TestTuneUnreachable(t *testing.T) {
	s := rareAPI()
	s.Functions[0].Targets.P50LatencyMs = ptr(5.0)
	_, tuning, probs := Tune(&s, Sources{})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	f := tuning.Functions[0]
	if tuning.Met || f.Met || len(f.Notes) == 0 || !strings.Contains(f.Notes[0], "p50 latency") {
		t.Errorf("%+v", f)
	}
}
