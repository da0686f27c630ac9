package spec

import (
	"fmt"
	"strconv"
	"strings"

	"planner/model/num"
)

// ScaleFactors are the traffic multiples the projections look at.
func ScaleFactors() [4]float64 { return [4]float64{2, 5, 10, 20} }

// Constants of the projection model.
// From AtScaleFactor times today's traffic on, reserved capacity saves
// AtScaleSavings of the projected cost.
const (
	AtScaleFactor  = 10
	AtScaleSavings = 0.15
)

// Projection is the bill at a multiple of today's traffic.
type Projection struct {
	Factor             float64 `json:"factor"`
	MonthlyInvocations float64 `json:"monthly_invocations"`
	MonthlyCost        float64 `json:"monthly_cost"`
	CostPerInvocation  float64 `json:"cost_per_invocation"`
}

// Projections encode as an object keyed "2x_scale", "5x_scale", … in order.
type Projections []Projection

// MarshalJSON writes the projections keyed by "<factor>x_scale".
func (ps Projections) MarshalJSON() ([]byte, error) {
	return marshalKeyed(ps, func(p *Projection) string { return strconv.FormatFloat(p.Factor, 'f', -1, 64) + "x_scale" })
}

// UnmarshalJSON reads the object MarshalJSON writes, in ascending factor.
func (ps *Projections) UnmarshalJSON(b []byte) error {
	out, err := unmarshalKeyed(b, func(k string, p *Projection) error {
		factor, err := strconv.ParseFloat(strings.TrimSuffix(k, "x_scale"), 64)
		if err != nil {
			return fmt.Errorf("projection key %q is not \"<factor>x_scale\"", k)
		}
		p.Factor = factor
		return nil
	}, func(a, b *Projection) bool { return a.Factor < b.Factor })
	*ps = out
	return err
}

// CalculateScalingProjections scales today's invocations and cost linearly,
// less 15% from 10× on, where reserved capacity pays off:
//
//	cost(k) = k × cost × (1 − 0.15·[k ≥ 10]);  per invocation = cost(k) / (k × invocations)
//
// The cost is what the functions and their services cost (the spec leaves
// the shared global services out).
func CalculateScalingProjections(invocations, cost float64) Projections {
	factors := ScaleFactors()
	ps := make(Projections, len(factors))
	for i, k := range factors {
		projected := cost * k
		if k >= AtScaleFactor {
			projected -= projected * AtScaleSavings
		}
		ps[i] = Projection{
			Factor:             k,
			MonthlyInvocations: invocations * k,
			MonthlyCost:        projected,
			CostPerInvocation:  num.Ratio(projected, invocations*k),
		}
	}
	return ps
}
