package model

import (
	"strings"
	"testing"

	"planner/model/powertuning"
	"planner/model/pricing"
)

func TestPowerTuningMeasurements(t *testing.T) {
	f := DefaultFunction()
	f.ExecutionTimesByMemory = []MeasuredDuration{{MemoryMb: 256, ExecutionTimeMs: 900}, {MemoryMb: 512, ExecutionTimeMs: 700, Architecture: pricing.ARM64}}
	one := []powertuning.Run{{Name: "Power Tuning", Points: []powertuning.Point{{MemoryMb: 128, ExecutionTimeMs: 2000, CostUSD: 1e-6}, {MemoryMb: 1024, ExecutionTimeMs: 300, CostUSD: 2e-6}, {MemoryMb: 20480, ExecutionTimeMs: 50, CostUSD: 9e-6}}}}
	got, notes, err := PowerTuningMeasurements(&f, pricing.X86_64, one)
	if err != nil {
		t.Fatal(err)
	}
	// The x86 measurement is replaced, the arm64 one kept, 20 GB left out.
	want := []MeasuredDuration{{MemoryMb: 512, ExecutionTimeMs: 700, Architecture: pricing.ARM64}, {MemoryMb: 128, ExecutionTimeMs: 2000}, {MemoryMb: 1024, ExecutionTimeMs: 300}}
	if len(got) != len(want) {
		t.Fatalf("measurements %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("measurement %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if !strings.Contains(strings.Join(notes, "\n"), "20480 MB at 50 ms left out") || strings.Contains(strings.Join(notes, "\n"), "own") {
		t.Errorf("notes %v", notes)
	}
	f.AllocatedMemoryMb = 1024
	if _, notes, _ := PowerTuningMeasurements(&f, pricing.X86_64, one); !strings.Contains(strings.Join(notes, "\n"), "at the function's own 1024 MB it measured 300 ms; its mean duration (500 ms)") {
		t.Errorf("notes %v", notes)
	}

	two := []powertuning.Run{{Name: "run A", Points: one[0].Points[:2]}, {Name: "Graviton run", Points: one[0].Points[:1]}}
	got, _, err = PowerTuningMeasurements(&f, pricing.X86_64, two)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[2].Architecture != pricing.ARM64 || got[0].Architecture != "" {
		t.Errorf("x86 vs Graviton: %+v", got)
	}
	// Applied, the function evaluates with both architectures compared.
	s := DefaultScenario()
	s.Functions[0].ExecutionTimesByMemory = got
	r, probs := Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if len(r.Functions[0].Architectures) != 2 {
		t.Errorf("architectures compared: %+v", r.Functions[0].Architectures)
	}
	same := []powertuning.Run{{Name: "arm64 a", Points: one[0].Points[:1]}, {Name: "arm64 b", Points: one[0].Points[:1]}}
	if _, _, err := PowerTuningMeasurements(&f, pricing.X86_64, same); err == nil {
		t.Error("two arm64 runs accepted")
	}
}

// A function's measured curve goes back to Power Tuning as the tool's own
// link, and reads back as the same sizes and durations (at float32).
func TestPowerTuningLinkRoundTrips(t *testing.T) {
	s := DefaultScenario()
	s.Functions[0].ExecutionTimesByMemory = []MeasuredDuration{{MemoryMb: 128, ExecutionTimeMs: 2000}, {MemoryMb: 1024, ExecutionTimeMs: 300}}
	r, err := Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	link := PowerTuningLink(&r.Functions[0])
	if !strings.HasPrefix(link, powertuning.DefaultBase+"#") {
		t.Fatalf("link %q", link)
	}
	res, decodeErr := powertuning.DecodeURL(link)
	if decodeErr != nil {
		t.Fatal(decodeErr)
	}
	pts := res.Runs[0].Points
	if len(pts) != 3 || pts[0].MemoryMb != 128 || float32(pts[0].ExecutionTimeMs) != 2000 || pts[1].MemoryMb != s.Functions[0].AllocatedMemoryMb {
		t.Errorf("points %+v", pts)
	}
	if pts[0].CostUSD <= 0 {
		t.Errorf("cost per invocation %v", pts[0].CostUSD)
	}
}
