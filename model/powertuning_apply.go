package model

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"planner/model/num"
	"planner/model/powertuning"
	"planner/model/pricing"
)

// RunArchitecture guesses the architecture a Power Tuning run measured
// from its name ("arm64", "Graviton", "x86" …); "" when it does not say.
func RunArchitecture(name string) pricing.Architecture {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "arm") || strings.Contains(n, "graviton"):
		return pricing.ARM64
	case strings.Contains(n, "x86") || strings.Contains(n, "intel") || strings.Contains(n, "amd64"):
		return pricing.X86_64
	}
	return ""
}

// PowerTuningMeasurements turns Power Tuning runs into f's measured
// durations: one run is measured on f's architecture own; of two (a
// comparison), each on the architecture its name gives, else the first on
// own and the second on the other. Measurements of the runs'
// architectures are replaced, others kept. Sizes the planner does not
// size (outside 128–10,240 MB) are left out and noted.
func PowerTuningMeasurements(f *Function, own pricing.Architecture, runs []powertuning.Run) ([]MeasuredDuration, []string, error) {
	if len(runs) == 0 || len(runs) > 2 {
		return nil, nil, fmt.Errorf("%d runs: the planner reads one, or two compared", len(runs))
	}
	other := pricing.ARM64
	if own == pricing.ARM64 {
		other = pricing.X86_64
	}
	archs := []pricing.Architecture{RunArchitecture(runs[0].Name), ""}
	if len(runs) == 2 {
		archs[1] = RunArchitecture(runs[1].Name)
		switch {
		case archs[0] == "" && archs[1] == "":
			archs[0], archs[1] = own, other
		case archs[0] == "":
			archs[0] = opposite(archs[1])
		case archs[1] == "":
			archs[1] = opposite(archs[0])
		}
		if archs[0] == archs[1] {
			return nil, nil, fmt.Errorf("both runs, %q and %q, measured %s: compare runs on two architectures, or import one", runs[0].Name, runs[1].Name, archs[0])
		}
	} else if archs[0] == "" {
		archs[0] = own
	}
	var notes []string
	var out []MeasuredDuration
	for _, m := range f.ExecutionTimesByMemory {
		arch := m.Architecture
		if arch == "" {
			arch = own
		}
		if !slices.Contains(archs, arch) {
			out = append(out, m)
		}
	}
	for i, run := range runs {
		arch := archs[i]
		label := ""
		if arch != own {
			label = string(arch)
		}
		for _, p := range run.Points {
			if p.MemoryMb < MinMemoryMb || p.MemoryMb > MaxMemoryMb || p.ExecutionTimeMs <= 0 {
				notes = append(notes, fmt.Sprintf("%s: %d MB at %s ms left out (the planner sizes 128–10,240 MB)", run.Name, p.MemoryMb, msText(p.ExecutionTimeMs)))
				continue
			}
			out = append(out, MeasuredDuration{MemoryMb: p.MemoryMb, ExecutionTimeMs: p.ExecutionTimeMs, Architecture: pricing.Architecture(label)})
			if arch == own && p.MemoryMb == f.AllocatedMemoryMb && math.Abs(p.ExecutionTimeMs-f.AvgExecutionTimeMs) > 0.01*f.AvgExecutionTimeMs {
				notes = append(notes, fmt.Sprintf("%s: at the function's own %d MB it measured %s ms; its mean duration (%s ms) is what the planner uses there: set Mean duration to use the measurement.",
					run.Name, p.MemoryMb, msText(p.ExecutionTimeMs), msText(f.AvgExecutionTimeMs)))
			}
		}
		notes = append(notes, fmt.Sprintf("%s: %d sizes measured on %s", run.Name, len(run.Points), arch))
	}
	if len(out) > maxMeasurements {
		return nil, nil, fmt.Errorf("%d measured sizes: a function holds at most %d", len(out), maxMeasurements)
	}
	return out, notes, nil
}

// maxMeasurements is the measured sizes a function holds (the schema's
// maxItems of execution_times_by_memory).
const maxMeasurements = 64

// opposite is the other architecture.
func opposite(a pricing.Architecture) pricing.Architecture {
	if a == pricing.ARM64 {
		return pricing.X86_64
	}
	return pricing.ARM64
}

// PowerTuningLink draws a function's measured sizes (its own mean at its
// memory included) as a Power Tuning visualization link, with the cost
// per invocation the memory model gives each; "" when none is measured.
func PowerTuningLink(fr *FunctionReport) string {
	var points []powertuning.Point
	for _, c := range fr.Memory.MemoryConfigurations {
		if c.Measured && c.MemoryMb <= powertuning.MaxMemoryMb {
			points = append(points, powertuning.Point{MemoryMb: int(c.MemoryMb), ExecutionTimeMs: c.ExecutionTimeMs, CostUSD: c.CostPerInvocation})
		}
	}
	link, err := powertuning.URL("", points)
	if err != nil {
		return ""
	}
	return link
}

// msText writes a duration for people: four significant digits, digits
// grouped ("18,650").
func msText(ms float64) string {
	return GroupDigits(strconv.FormatFloat(num.RoundSignificant(ms, 4), 'f', -1, 64))
}
