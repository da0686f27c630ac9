package pricing

import (
	"testing"

	"planner/model/internal/check"
)

func TestTieredPriceCost(t *testing.T) {
	tp := TieredPrice{{UpTo: 10, Price: Price{Amount: 2}}, {UpTo: 20, Price: Price{Amount: 1}}, {Price: Price{Amount: 0.5}}}
	for q, want := range map[float64]float64{-1: 0, 0: 0, 5: 10, 10: 20, 15: 25, 30: 35} {
		check.Near(t, "tiered", tp.Cost(q), want)
	}
}
