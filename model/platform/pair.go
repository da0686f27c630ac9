package platform

// Compared is one figure of the application on two platforms.
type Compared struct {
	Key        string  `json:"key"`
	A          float64 `json:"a"`
	B          float64 `json:"b"`
	Difference float64 `json:"difference"` // B − A
}

// Pair is the application on platform A against platform B: its totals
// (monthly bill, mean instances, cold-start rate, slowest p99) and each
// function's monthly cost (Key its name).
type Pair struct {
	A         string     `json:"a"`
	B         string     `json:"b"`
	Totals    []Compared `json:"totals"`
	Functions []Compared `json:"functions"`
}

// PairKeys are the keys of a Pair's totals, in order: the JSON names of
// Result's figures.
func PairKeys() [4]string {
	return [4]string{"monthly_usd", "avg_instances", "cold_start_rate", "p99_latency_ms"}
}

// Pair compares platform a with platform b (false when either is not in
// the comparison).
func (c *Comparison) Pair(a, b string) (Pair, bool) {
	ra, rb := c.result(a), c.result(b)
	if ra == nil || rb == nil {
		return Pair{}, false
	}
	figures := func(r *Result) [4]float64 { return [4]float64{r.MonthlyUSD, r.Instances, r.ColdStartRate, r.P99Ms} }
	fa, fb := figures(ra), figures(rb)
	p := Pair{A: a, B: b, Functions: make([]Compared, len(ra.Functions))}
	for i, key := range PairKeys() {
		p.Totals = append(p.Totals, Compared{Key: key, A: fa[i], B: fb[i], Difference: fb[i] - fa[i]})
	}
	for i := range ra.Functions {
		x, y := ra.Functions[i].MonthlyUSD, rb.Functions[i].MonthlyUSD
		p.Functions[i] = Compared{Key: ra.Functions[i].Name, A: x, B: y, Difference: y - x}
	}
	return p, true
}

// Cheapest is the platform with the smallest monthly bill, other than
// except ("" when there is none).
func (c *Comparison) Cheapest(except string) string {
	best, id := 0.0, ""
	for _, r := range c.Platforms {
		if r.Platform != except && (id == "" || r.MonthlyUSD < best) {
			best, id = r.MonthlyUSD, r.Platform
		}
	}
	return id
}

func (c *Comparison) result(id string) *Result {
	for i := range c.Platforms {
		if c.Platforms[i].Platform == id {
			return &c.Platforms[i]
		}
	}
	return nil
}
