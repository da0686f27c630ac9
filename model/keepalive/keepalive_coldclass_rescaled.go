package keepalive

import "math"

// rescaledColdClassConcurrency is the mean concurrency at which the
// cold-class chain is solved for a busier function (rescaledColdClass):
// inside the cold-class gate, where a solve takes milliseconds.
const rescaledColdClassConcurrency = 36

// rescaledColdClassMinExtra: where a cold start adds less than this share of
// the warm service time the carried factor is below 1% (at ρ = 100, 0.4% at
// +10%, 0.7% at +20%, 1.4–1.6% at +50%) and is not worth the solve.
const rescaledColdClassMinExtra = 0.25

// rescaledColdClass carries the cold-class correction of P(cold) above the
// cold-class gate (mean concurrency ρ > maxColdClassConcurrency), where
// solving the chain itself would take seconds. In the diffusion limit the
// busy count is ρ + √ρ·X and a cold start is a step to a new maximum, so
// P(cold) scales as 1/√ρ and the busy cold requests, λ·s_cold·P(cold), as √ρ
// like the fluctuations they lift: at a fixed keep-alive and service times
// the cold class changes P(cold) by about the same factor at every ρ. That
// factor is measured at ρ₀ = 36, λ₀ = λ·ρ₀/ρ, with the provisioned level at
// the same distance in standard deviations, c₀ = ρ₀ + (c − ρ)·√(ρ₀/ρ):
//
//	P(cold) = pSingle · P₀(cold-class chain) / P₀(single-rate chain)
//
// The instances stay the single rate's, which they match within 0.6% there.
// Against simulation (ρ 40–500, cold 1.5–12× warm, keep-alive 3 s–10 min,
// start-up skipped; three random sets, 60 configurations) the mean absolute
// error of P(cold) falls from 8.6%, 8.1% and 7.2% to 5.3%, 5.5% and 4.4%,
// still low. The caller applies it where the keep-alive is at least twice
// the cold service time: with a keep-alive near the cold start the factor
// does not carry over (−5% became −10%, −7% became −20%). ok is false where
// the cold class does not apply at ρ₀.
func rescaledColdClass(lambda, warm, cold, T, c, rho, pSingle float64, work *float64) (pCold float64, ok bool) {
	scale := math.Sqrt(rho / rescaledColdClassConcurrency)
	lambda0 := lambda / (scale * scale)
	c0 := max(0, math.Round(rescaledColdClassConcurrency+(c-rho)/scale))
	p0, _, _, closure0 := singleRateFixedPoint(lambda0, warm, cold, T, c0, work)
	if p0 <= 0 || lambda0*(cold-warm) < coldClassMinOverlap {
		return pSingle, false
	}
	rho0 := lambda0 * meanServiceTime(warm, cold, p0)
	p1, _, _ := coldClassWindowMaxima(lambda0, warm, cold, T, int(c0), rho0, p0, closure0, work)
	return min(1, pSingle*p1/p0), true
}
