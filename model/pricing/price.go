package pricing

// Price is one list price together with where it was read and when.
type Price struct {
	// Amount is the price in USD per Unit.
	Amount float64 `json:"amount"`
	// Unit says what one Amount buys, e.g. "GB-second" or "request".
	Unit string `json:"unit"`
	// Source names the page or document the price comes from.
	Source string `json:"source"`
	// Date is the day the price was read, YYYY-MM-DD.
	Date string `json:"date"`
	// Hand says how the price was read: "first-hand" (the vendor's own
	// page or docs), "second-hand" (a third party), "derived" (computed
	// from tagged figures) or "assumed" (carried over from another region,
	// not read for this one); empty where Source says it.
	Hand string `json:"hand,omitempty"`
}

// Tier is one step of a tiered price: Price applies to the units that fall
// below UpTo (cumulative over the month). UpTo 0 means no upper bound.
type Tier struct {
	UpTo  float64 `json:"up_to,omitempty"`
	Price Price   `json:"price"`
}

// TieredPrice is a price whose rate falls with monthly volume. The tiers are
// ordered by UpTo and the last one is unbounded.
type TieredPrice []Tier

// Cost returns the price of quantity units:
//
//	cost = Σ_i rate_i × (min(q, upTo_i) − upTo_{i−1})⁺
//
// Quantities at or below zero cost nothing.
func (t TieredPrice) Cost(quantity float64) float64 {
	cost, below := 0.0, 0.0
	for _, tier := range t {
		if quantity <= below {
			break
		}
		top := quantity
		if tier.UpTo > 0 && tier.UpTo < top {
			top = tier.UpTo
		}
		cost += (top - below) * tier.Price.Amount
		below = top
	}
	return cost
}

// FirstRate is the rate of the first tier: the price of the first unit.
func (t TieredPrice) FirstRate() float64 {
	if len(t) == 0 {
		return 0
	}
	return t[0].Price.Amount
}
