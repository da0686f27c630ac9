package model

import "math"

// truncate drops the fraction of x toward zero, as Python's int() does, and
// saturates at the int64 range.
func truncate(x float64) int64 {
	switch {
	case x >= math.MaxInt64:
		return math.MaxInt64
	case x <= math.MinInt64:
		return math.MinInt64
	}
	return int64(x)
}

// ratio is a / b, or 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// abs is |x| for an int.
func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
