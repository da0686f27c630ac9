package pricing

import "math"

// SamplingRule is how X-Ray samples a function's requests when tracing is
// on: the first ReservoirPerSecond requests of each second, then FixedRate
// of the rest. X-Ray's default rule is 1 a second and 5%.
type SamplingRule struct {
	// Enabled turns X-Ray tracing on for every function.
	Enabled bool `json:"enabled" jsonschema:"title=X-Ray tracing,default=true"`
	// ReservoirPerSecond is how many requests a second are traced first.
	ReservoirPerSecond int `json:"reservoir_per_second" jsonschema:"title=Traced first each second,minimum=0,maximum=10000,default=1" jsonschema_extras:"x-unit=requests/s"`
	// FixedRate is the share of the other requests traced.
	FixedRate float64 `json:"fixed_rate" jsonschema:"title=Traced share of the rest,minimum=0,maximum=1,default=0.05" jsonschema_extras:"x-unit=fraction"`
}

// DefaultSamplingRule is X-Ray's default rule, on: 1 request a second and
// 5% of the rest.
func DefaultSamplingRule() SamplingRule {
	return SamplingRule{Enabled: true, ReservoirPerSecond: 1, FixedRate: 0.05}
}

// TracesPerSecond is what the rule records of Poisson traffic at lambda
// requests a second (0 when tracing is off): with N ~ Poisson(λ) the
// requests of a second and k the reservoir,
//
//	r      = E[min(N, k)] = Σ_{j<k} P(N > j)
//	traces = r + fixed rate × (λ − r)
func (s SamplingRule) TracesPerSecond(lambda float64) float64 {
	if !s.Enabled || lambda <= 0 {
		return 0
	}
	reservoir, pmf, cdf := 0.0, math.Exp(-lambda), 0.0
	for j := 0; j < s.ReservoirPerSecond; j++ {
		cdf += pmf // P(N ≤ j)
		tail := 1 - cdf
		if tail <= 1e-15 { // the rest of the reservoir is never reached
			break
		}
		reservoir += tail
		pmf *= lambda / float64(j+1)
	}
	reservoir = min(reservoir, lambda)
	return reservoir + s.FixedRate*(lambda-reservoir)
}

// MonthlyTraces are the traces the rule records of a function over a
// month: each hour of its day at its own rate (requests_h / 3600 s), the
// day repeated daysPerMonth times.
func (s SamplingRule) MonthlyTraces(requestsPerHour []float64, daysPerMonth float64) float64 {
	perDay := 0.0
	for _, requests := range requestsPerHour {
		perDay += 3600 * s.TracesPerSecond(requests/3600)
	}
	return perDay * daysPerMonth
}
