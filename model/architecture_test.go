package model

import (
	"math"
	"strings"
	"testing"

	"planner/model/pricing"
)

// A function on its own architecture is priced as if the whole scenario ran
// on it; the report names the architecture it priced.
func TestFunctionArchitectureIsPricedOnItsOwn(t *testing.T) {
	s := DefaultScenario()
	s.Functions = s.Functions[:1]
	s.Pricing.FreeTier = false
	onArm := s
	onArm.Pricing.Architecture = pricing.ARM64
	mixed := s
	mixed.Functions = []Function{s.Functions[0]}
	mixed.Functions[0].Architecture = pricing.ARM64
	want, err := Evaluate(&onArm)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Evaluate(&mixed)
	if err != nil {
		t.Fatal(err)
	}
	w, g := want.Functions[0], got.Functions[0]
	if math.Abs(w.CostBreakdown.ComputeCost-g.CostBreakdown.ComputeCost) > 1e-9 || w.CostBreakdown.ComputeCost == 0 {
		t.Errorf("compute on arm64: %v as the function's, %v as the scenario's", g.CostBreakdown.ComputeCost, w.CostBreakdown.ComputeCost)
	}
	x86, _ := Evaluate(&s)
	if g.CostBreakdown.ComputeCost >= x86.Functions[0].CostBreakdown.ComputeCost {
		t.Errorf("arm64 %v is not below x86 %v", g.CostBreakdown.ComputeCost, x86.Functions[0].CostBreakdown.ComputeCost)
	}
	if g.PerformanceCharacteristics.Architecture != pricing.ARM64 || x86.Functions[0].PerformanceCharacteristics.Architecture != pricing.X86_64 {
		t.Errorf("architectures reported: %q and %q", g.PerformanceCharacteristics.Architecture, x86.Functions[0].PerformanceCharacteristics.Architecture)
	}
}

func TestFunctionArchitectureMustBePriced(t *testing.T) {
	s := DefaultScenario()
	s.Pricing.Profile = "reference"
	s.Functions[1].Architecture = pricing.ARM64
	probs := Validate(&s)
	if len(probs) != 1 || probs[0].Path != "functions[1].architecture" || !strings.Contains(probs[0].Message, "does not price") {
		t.Errorf("problems = %v", probs)
	}
	s.Functions[1].Architecture = "sparc"
	if probs := Validate(&s); len(probs) != 1 || probs[0].Path != "functions[1].architecture" {
		t.Errorf("sparc: problems = %v", probs)
	}
}

// Sizes measured on another architecture do not enter the memory model of
// the function's own; the architectures are compared by their cheapest
// measured size.
func TestMeasurementsOnTwoArchitectures(t *testing.T) {
	s := DefaultScenario()
	f := &s.Functions[0]
	f.AllocatedMemoryMb, f.AvgExecutionTimeMs = 1024, 200
	f.ExecutionTimesByMemory = []MeasuredDuration{
		{MemoryMb: 512, ExecutionTimeMs: 380},
		{MemoryMb: 512, ExecutionTimeMs: 300, Architecture: pricing.ARM64},
		{MemoryMb: 1024, ExecutionTimeMs: 210, Architecture: pricing.ARM64},
	}
	r, err := Evaluate(&s)
	if err != nil {
		t.Fatal(err)
	}
	fr := r.Functions[0]
	for _, c := range fr.Memory.MemoryConfigurations {
		if c.MemoryMb == 512 && (!c.Measured || c.ExecutionTimeMs != 380) {
			t.Errorf("512 MB on x86 = %+v, want the x86 measurement", c)
		}
	}
	if len(fr.Architectures) != 2 {
		t.Fatalf("architectures = %+v", fr.Architectures)
	}
	x86, arm := fr.Architectures[0], fr.Architectures[1]
	if !x86.Current || x86.Architecture != pricing.X86_64 || x86.MemoryMb != 512 {
		t.Errorf("x86 option = %+v, want 512 MB (cheaper than 1024 MB at 200 ms)", x86)
	}
	if arm.Current || arm.MemoryMb != 512 || arm.ExecutionTimeMs != 300 || arm.MonthlyCost >= x86.MonthlyCost {
		t.Errorf("arm64 option = %+v against %+v", arm, x86)
	}
	f.ExecutionTimesByMemory = f.ExecutionTimesByMemory[:1]
	r, _ = Evaluate(&s)
	if r.Functions[0].Architectures != nil {
		t.Errorf("one architecture measured: %+v", r.Functions[0].Architectures)
	}
}
