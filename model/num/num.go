// Package num holds the few numeric helpers the model packages and the
// charts share.
package num

import "math"

// Truncate drops the fraction of x toward zero, as Python's int() does, and
// saturates at the int64 range.
func Truncate(x float64) int64 {
	switch {
	case x >= math.MaxInt64:
		return math.MaxInt64
	case x <= math.MinInt64:
		return math.MinInt64
	}
	return int64(x)
}

// Ratio is a / b, or 0 when b is 0.
func Ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// ChangePercent is the change from base to v in percent of base:
// (v − base) / base × 100, or 0 when base is 0.
func ChangePercent(v, base float64) float64 { return Ratio(v-base, base) * 100 }

// Sum is the sum of xs.
func Sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// Round keeps decimals decimals; negative decimals round to tens,
// hundreds… by exact powers of ten (1e5 stays 1e5).
func Round(v float64, decimals int) float64 {
	if decimals < 0 {
		p := math.Pow(10, float64(-decimals))
		return math.Round(v/p) * p
	}
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

// RoundSignificant keeps n significant digits of v.
func RoundSignificant(v float64, n int) float64 {
	if v == 0 {
		return 0
	}
	return Round(v, n-1-int(math.Floor(math.Log10(math.Abs(v)))))
}
