// Package check holds the comparisons the model packages' tests share.
package check

import (
	"math"
	"testing"
)

// Near fails t when got differs from want by more than 1e-9 relative (or
// absolute below 1).
func Near(t testing.TB, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}
