package simulate

import "math"

// Lambda's scaling limits, which the simulation applies when asked: the
// account's default concurrency per region, and new execution environments
// per function, LambdaScalingStarts every LambdaScalingWindowSeconds.
const (
	LambdaAccountConcurrency   = 1000
	LambdaScalingStarts        = 1000
	LambdaScalingWindowSeconds = 10
)

// Poisson is a simulation of constant Poisson traffic: rate requests per
// second for the given minutes, exponential warm and cold service times of
// the given means (ms), idle instances kept keepAliveMinutes minutes, and
// provisioned instances all day (0: none).
func Poisson(rate, warmMs, coldMs, keepAliveMinutes float64, provisioned, minutes int, seed uint64) Input {
	perMinute := make([]float64, minutes)
	for i := range perMinute {
		perMinute[i] = rate
	}
	sim := Input{
		Seed: seed, RatePerMinute: perMinute,
		Warm: Distribution{Kind: "exponential", MeanMs: warmMs}, Cold: Distribution{Kind: "exponential", MeanMs: coldMs},
		KeepAliveMinutes: keepAliveMinutes,
	}
	if provisioned > 0 {
		sim.ProvisionedByHour = []int{provisioned}
	}
	return sim
}

// SteadyColdStartProbability is P(cold) counted after the first skip
// minutes (the start-up, when every instance starts cold), and its standard
// error. Cold starts come in bursts (a new peak opens several instances),
// so the error is taken from the minutes as batches:
//
//	p  = Σ colds / Σ arrivals
//	se = sqrt((E[c²] − E[c]²) / (n − 1)) · n / Σ arrivals   (c colds a minute, n minutes)
func (r *Result) SteadyColdStartProbability(skip int) (p, se float64) {
	var arrivals, colds, squares float64
	steady := r.PerMinute[skip:]
	for _, m := range steady {
		arrivals += float64(m.Arrivals)
		colds += float64(m.ColdStarts)
		squares += float64(m.ColdStarts * m.ColdStarts)
	}
	n := float64(len(steady))
	perMinute := colds / n
	return colds / arrivals, math.Sqrt((squares/n-perMinute*perMinute)/(n-1)) * n / arrivals
}
