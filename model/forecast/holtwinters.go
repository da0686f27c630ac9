package forecast

import (
	"math"

	"planner/model/num"
)

// holtWinters fits Holt–Winters exponential smoothing with a damped trend
// (additive, or multiplicative seasonality) by minimising the one-step
// squared error over (α, β, γ, φ) with Nelder–Mead, and forecasts h ahead:
//
//	level_t  = α (y_t − s_{t−p}) + (1−α)(level_{t−1} + φ b_{t−1})
//	b_t      = β (level_t − level_{t−1}) + (1−β) φ b_{t−1}
//	s_t      = γ (y_t − level_t) + (1−γ) s_{t−p}
//	ŷ_{t+k}  = level_t + (φ + … + φ^k) b_t + s_{t+k−p}
//
// (with ratios instead of differences for multiplicative seasonality).
func holtWinters(y []float64, p, h int, mult bool) []float64 {
	sse := func(x []float64) float64 {
		a, b, g, phi := clamp01(x[0]), clamp01(x[1]), clamp01(x[2]), 0.8+0.2*clamp01(x[3])
		e, _ := hwRun(y, p, 0, a, b, g, phi, mult)
		return e
	}
	best := nelderMead(sse, []float64{0.3, 0.05, 0.2, 0.9}, 0.2, holtWintersSweeps)
	a, b, g, phi := clamp01(best[0]), clamp01(best[1]), clamp01(best[2]), 0.8+0.2*clamp01(best[3])
	_, f := hwRun(y, p, h, a, b, g, phi, mult)
	return f
}

func clamp01(x float64) float64 { return min(1, max(0, x)) }

// hwRun smooths y and returns the one-step SSE and an h-step forecast.
func hwRun(y []float64, p, h int, a, b, g, phi float64, mult bool) (float64, []float64) {
	// Initial level and season from the first two seasons.
	level := 0.0
	for t := 0; t < p; t++ {
		level += y[t]
	}
	level /= float64(p)
	next := 0.0
	for t := p; t < 2*p && t < len(y); t++ {
		next += y[t]
	}
	trend := (next/float64(p) - level) / float64(p)
	season := make([]float64, p)
	for t := 0; t < p; t++ {
		if mult {
			season[t] = num.Ratio(y[t], level)
		} else {
			season[t] = y[t] - level
		}
	}
	sse := 0.0
	for t := p; t < len(y); t++ {
		s := season[t%p]
		var pred float64
		if mult {
			pred = (level + phi*trend) * s
		} else {
			pred = level + phi*trend + s
		}
		e := y[t] - pred
		sse += e * e
		prev := level
		if mult {
			level = a*num.Ratio(y[t], s) + (1-a)*(prev+phi*trend)
			season[t%p] = g*num.Ratio(y[t], level) + (1-g)*s
		} else {
			level = a*(y[t]-s) + (1-a)*(prev+phi*trend)
			season[t%p] = g*(y[t]-level) + (1-g)*s
		}
		trend = b*(level-prev) + (1-b)*phi*trend
	}
	f := make([]float64, h)
	damp := 0.0
	for k := 0; k < h; k++ {
		damp += math.Pow(phi, float64(k+1))
		s := season[(len(y)+k)%p]
		if mult {
			f[k] = (level + damp*trend) * s
		} else {
			f[k] = level + damp*trend + s
		}
	}
	return sse, f
}

// nelderMead minimises f from x0 with an initial simplex of the given step.
func nelderMead(f func([]float64) float64, x0 []float64, step float64, iterations int) []float64 {
	n := len(x0)
	simplex := make([][]float64, n+1)
	values := make([]float64, n+1)
	for i := range simplex {
		simplex[i] = append([]float64(nil), x0...)
		if i > 0 {
			simplex[i][i-1] += step
		}
		values[i] = f(simplex[i])
	}
	point := func(c []float64, d []float64, t float64) []float64 {
		out := make([]float64, n)
		for j := range out {
			out[j] = c[j] + t*(d[j]-c[j])
		}
		return out
	}
	for range iterations {
		// Order: best first.
		for i := 1; i <= n; i++ {
			for j := i; j > 0 && values[j] < values[j-1]; j-- {
				values[j], values[j-1] = values[j-1], values[j]
				simplex[j], simplex[j-1] = simplex[j-1], simplex[j]
			}
		}
		centroid := make([]float64, n)
		for i := 0; i < n; i++ {
			for j := range centroid {
				centroid[j] += simplex[i][j] / float64(n)
			}
		}
		worst := simplex[n]
		reflected := point(centroid, worst, -1)
		fr := f(reflected)
		switch {
		case fr < values[0]:
			expanded := point(centroid, worst, -2)
			if fe := f(expanded); fe < fr {
				simplex[n], values[n] = expanded, fe
			} else {
				simplex[n], values[n] = reflected, fr
			}
		case fr < values[n-1]:
			simplex[n], values[n] = reflected, fr
		default:
			contracted := point(centroid, worst, 0.5)
			if fc := f(contracted); fc < values[n] {
				simplex[n], values[n] = contracted, fc
			} else {
				for i := 1; i <= n; i++ {
					simplex[i] = point(simplex[0], simplex[i], 0.5)
					values[i] = f(simplex[i])
				}
			}
		}
	}
	bestIndex := 0
	for i := range values {
		if values[i] < values[bestIndex] {
			bestIndex = i
		}
	}
	return simplex[bestIndex]
}
