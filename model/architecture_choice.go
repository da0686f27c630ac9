package model

import (
	"slices"

	"planner/model/pricing"
)

// ArchitectureOption is the cheapest measured memory size of a function on
// one architecture, priced like the memory model's configurations (first
// duration tier, requests; no free tier):
//
//	monthly = (MB/1024 × ms/1000 × durationRate_arch + requestRate_arch) × invocations
type ArchitectureOption struct {
	Architecture    pricing.Architecture `json:"architecture"`
	MemoryMb        int                  `json:"memory_mb"`
	ExecutionTimeMs float64              `json:"execution_time_ms"`
	MonthlyCost     float64              `json:"monthly_cost"`
	// Current marks the function's own architecture.
	Current bool `json:"current"`
}

// architectureOptions compares the architectures a function was measured on
// (Power Tuning runs on x86 and Arm, say): for each, the measured size with
// the lowest monthly cost; the function's own mean counts as measured at its
// memory on its architecture. Nil unless another architecture was measured;
// architectures the profile does not price are left out.
func architectureOptions(f *Function, own pricing.Architecture, monthly float64, prices *archPrices) []ArchitectureOption {
	if !slices.ContainsFunc(f.ExecutionTimesByMemory, func(m MeasuredDuration) bool { return m.Architecture != "" && m.Architecture != own }) {
		return nil
	}
	var out []ArchitectureOption
	consider := func(arch pricing.Architecture, mb int, ms float64) {
		p, ok := prices.invocations(arch)
		if !ok {
			return
		}
		cost := (float64(mb)/1024*ms/1000*p.DurationGBSecond + p.Request) * monthly
		for i := range out {
			if out[i].Architecture == arch {
				if cost < out[i].MonthlyCost {
					out[i] = ArchitectureOption{arch, mb, ms, cost, arch == own}
				}
				return
			}
		}
		out = append(out, ArchitectureOption{arch, mb, ms, cost, arch == own})
	}
	consider(own, f.AllocatedMemoryMb, f.AvgExecutionTimeMs)
	for _, m := range f.ExecutionTimesByMemory {
		arch := m.Architecture
		if arch == "" {
			arch = own
		}
		consider(arch, m.MemoryMb, m.ExecutionTimeMs)
	}
	return out
}
