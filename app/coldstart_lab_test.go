package app

import "testing"

func TestListOf(t *testing.T) {
	if got := listOf([]float64{1, 5, 10, 15, 30}); got != "1, 5, 10, 15 and 30" {
		t.Errorf("listOf: %q", got)
	}
	if got := listOf([]float64{10}); got != "10" {
		t.Errorf("listOf one: %q", got)
	}
}
