package model

import "slices"

// ProvisionedAt is the provisioned concurrency in hour h of the day
// (instances): the schedule's value, or the constant.
func (f *Function) ProvisionedAt(h int) int {
	if len(f.ProvisionedByHour) == hoursPerDay {
		return f.ProvisionedByHour[h%hoursPerDay]
	}
	return f.ProvisionedConcurrency
}

// ProvisionedMean is the provisioned concurrency over a day, Σ_h k_h / 24
// instances: what is billed, instance-seconds being linear in it.
func (f *Function) ProvisionedMean() float64 {
	if len(f.ProvisionedByHour) != hoursPerDay {
		return float64(f.ProvisionedConcurrency)
	}
	total := 0
	for _, k := range f.ProvisionedByHour {
		total += k
	}
	return float64(total) / hoursPerDay
}

// ProvisionedPeak is the most provisioned instances in any hour.
func (f *Function) ProvisionedPeak() int {
	if len(f.ProvisionedByHour) != hoursPerDay {
		return f.ProvisionedConcurrency
	}
	return slices.Max(f.ProvisionedByHour)
}

// ProvisionedHours is provisionedList as the keep-alive model takes it.
func (f *Function) ProvisionedHours() []float64 {
	list := provisionedList(f)
	out := make([]float64, len(list))
	for h, k := range list {
		out[h] = float64(k)
	}
	return out
}

// provisionedList is the function's provisioned concurrency by hour (one
// value: every hour; none: none), as package platform takes it.
func provisionedList(f *Function) []int {
	if len(f.ProvisionedByHour) == hoursPerDay {
		return f.ProvisionedByHour
	}
	if f.ProvisionedConcurrency == 0 {
		return nil
	}
	return []int{f.ProvisionedConcurrency}
}
