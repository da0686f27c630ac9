package platform

import (
	"fmt"
	"math"
	"strconv"

	"planner/model/keepalive"
	"planner/model/num"
	"planner/model/targets"
)

// FunctionOn is one workload on one platform.
type FunctionOn struct {
	Name   string `json:"name"`
	Config Config `json:"config"`
	// MonthlyUSD is its share of the platform's bill: its own meters, the
	// free grants shared in proportion to them; RequestsUSD is the part of
	// it for its requests (requests, executions), shared alike.
	MonthlyUSD    float64 `json:"monthly_usd"`
	RequestsUSD   float64 `json:"requests_usd"`
	Invocations   float64 `json:"monthly_invocations"`
	Instances     float64 `json:"avg_instances"`
	ColdStartRate float64 `json:"cold_start_rate"`
	P99Ms         float64 `json:"p99_latency_ms"`
}

// Result is the application on one platform.
type Result struct {
	Platform string `json:"platform"`
	Name     string `json:"name"`
	Region   string `json:"region"`
	// MonthlyUSD and Lines are the month's bill, meter by meter.
	MonthlyUSD float64 `json:"monthly_usd"`
	Lines      []Line  `json:"lines"`
	// Instances are the mean instances alive, all functions together.
	Instances float64 `json:"avg_instances"`
	// ColdStartRate is the share of all requests that start cold.
	ColdStartRate float64 `json:"cold_start_rate"`
	// P99Ms is the slowest function's p99 latency.
	P99Ms     float64      `json:"p99_latency_ms"`
	Functions []FunctionOn `json:"functions"`
	Notes     []string     `json:"notes,omitempty"`
}

// Curve is a platform's monthly bill at each traffic scale.
type Curve struct {
	Platform   string    `json:"platform"`
	MonthlyUSD []float64 `json:"monthly_usd"`
}

// Crossover is where the cheaper of two platforms changes.
type Crossover struct {
	// Cheaper is cheaper than Than above RequestsPerSecond (the
	// application's mean), and Than below it.
	Cheaper           string  `json:"cheaper"`
	Than              string  `json:"than"`
	Scale             float64 `json:"scale"`
	RequestsPerSecond float64 `json:"requests_per_second"`
	Text              string  `json:"text"`
}

// Comparison is one application on every platform.
type Comparison struct {
	// Own is the platform the application runs on, when its caller names
	// it (model.Clouds: the scenario's).
	Own         string      `json:"own_platform,omitempty"`
	Assumptions Assumptions `json:"assumptions"`
	Platforms   []Result    `json:"platforms"`
	// Scales multiply every function's traffic; RequestsPerSecond is the
	// application's mean rate at each.
	Scales            []float64   `json:"scales"`
	RequestsPerSecond []float64   `json:"requests_per_second"`
	Curves            []Curve     `json:"curves"`
	Crossovers        []Crossover `json:"crossovers"`
	// Model names how the figures were computed.
	Model string `json:"model"`
}

// Scales are the traffic multiples the cost curves are drawn at.
func Scales() []float64 {
	return []float64{0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100}
}

// ComparisonModel says how Compare computes its figures.
const ComparisonModel = "Each platform's bill from its price catalogue; instances from the busy-request distribution " +
	"(Poisson arrivals hour by hour, ⌈n/C⌉ instances for C requests each); cold starts from the keep-alive model " +
	"with the platform's idle retention (packed for C > 1); the curves solve cold starts once at the day's mean rate."

// Compare prices and sizes the workloads on every platform.
func Compare(workloads []Workload, a Assumptions) Comparison {
	out := Comparison{Assumptions: a, Scales: Scales(), Model: ComparisonModel}
	mean := 0.0
	for _, w := range workloads {
		mean += num.Sum(w.RequestsPerHour) / 86400
	}
	for _, s := range out.Scales {
		out.RequestsPerSecond = append(out.RequestsPerSecond, mean*s)
	}
	for _, p := range All() {
		region := p.Regions[0]
		if r, ok := a.Regions[p.ID]; ok && r != "" {
			region = r
		}
		out.Platforms = append(out.Platforms, On(p, workloads, a, region))
		curve := Curve{Platform: p.ID}
		for _, s := range out.Scales {
			curve.MonthlyUSD = append(curve.MonthlyUSD, appBill(p, workloads, a, region, s, nil).TotalUSD)
		}
		out.Curves = append(out.Curves, curve)
	}
	out.Crossovers = crossovers(out)
	return out
}

// On is the application on platform p at today's traffic, in region (its
// first when empty): each function's nearest configuration, cold starts,
// instances and p99, and the month's bill with each function's share.
func On(p *Platform, workloads []Workload, a Assumptions, region string) Result {
	if region == "" {
		region = p.Regions[0]
	}
	res := Result{Platform: p.ID, Name: p.Name, Region: region, Functions: []FunctionOn{}}
	if p.ID == "cloudflare-workers" {
		res.Notes = append(res.Notes, "Workers run in isolates, which are not billed while idle: no instances are kept, and an isolate's start-up is not modelled as a cold start")
	}
	cold := make([]float64, len(workloads))
	var requests float64
	for i, w := range workloads {
		cfg := ConfigOn(p, w, a)
		day := coldStarts(p, w, cfg, 1, true)
		cold[i] = day.ColdStartProbability
		f := FunctionOn{Name: w.Name, Config: cfg, Invocations: num.Sum(w.RequestsPerHour) * HoursPerMonth / 24,
			ColdStartRate: day.ColdStartProbability, Instances: day.AvgInstances}
		scale := num.Ratio(cfg.DurationMs, w.DurationMs)
		f.P99Ms = targets.Duration{MeanMs: cfg.DurationMs, P95Ms: w.P95Ms * scale, P99Ms: w.P99Ms * scale,
			ColdStartMs: cfg.ColdStartMs, ColdRate: f.ColdStartRate}.Percentile(0.99)
		if cfg.Note != "" {
			res.Notes = append(res.Notes, w.Name+": "+cfg.Note)
		}
		requests += f.Invocations
		res.ColdStartRate += f.Invocations * f.ColdStartRate
		res.Instances += f.Instances
		res.P99Ms = max(res.P99Ms, f.P99Ms)
		res.Functions = append(res.Functions, f)
		a.pace()
	}
	res.ColdStartRate = num.Ratio(res.ColdStartRate, requests)
	var own []grossCost
	b := appBill(p, workloads, a, region, 1, cold, &own)
	res.MonthlyUSD, res.Lines = b.TotalUSD, b.Lines
	grossTotal := 0.0
	for _, g := range own {
		grossTotal += g.total
	}
	for i := range res.Functions {
		res.Functions[i].MonthlyUSD = b.TotalUSD * num.Ratio(own[i].total, grossTotal)
		res.Functions[i].RequestsUSD = b.TotalUSD * num.Ratio(own[i].requests, grossTotal)
	}
	return res
}

// coldStarts solves the keep-alive model for a workload on a platform:
// hour by hour (exact) or once at the day's mean rate (the curves). On its
// own platform the workload's keep-alive, provisioned concurrency and
// given cold-start rate apply, and a day already solved (Workload.Day) is
// used as it is; elsewhere the platform's idle retention decides.
func coldStarts(p *Platform, w Workload, cfg Config, scale float64, hourly bool) keepalive.Day {
	if p.ID == "cloudflare-workers" {
		return keepalive.Day{}
	}
	own := w.at(p)
	if own && w.Day != nil && scale == 1 && hourly {
		return *w.Day
	}
	keep := p.IdleMinutes.Amount
	if own && w.KeepAliveMinutes > 0 {
		keep = w.KeepAliveMinutes
	}
	var provisioned []float64
	if own && p.ID == "aws-lambda" {
		provisioned = w.provisionedHours(hourly)
	}
	solve := func(k keepalive.Input) (keepalive.Result, bool) {
		k.PerInstance = cfg.Concurrency
		return keepalive.Solve(k), true
	}
	hours := make([]float64, len(w.RequestsPerHour))
	for i, r := range w.RequestsPerHour {
		hours[i] = r * scale
	}
	if !hourly {
		hours = []float64{num.Sum(hours) / float64(max(1, len(hours)))}
	}
	day, _ := keepalive.SolveDay(solve, hours, cfg.DurationMs, cfg.DurationMs+cfg.ColdStartMs, keep, provisioned, cfg.MemoryMb)
	if own && w.ColdStartRate != nil {
		day.ColdStartProbability = *w.ColdStartRate
	}
	return day
}

// grossCost is a function's own meters before the free grants: in all,
// and those of its requests (requests, executions).
type grossCost struct{ total, requests float64 }

// add counts a bill's lines.
func (g *grossCost) add(b Bill) {
	for _, l := range b.Lines {
		g.total += l.USD
		if l.Unit == "request" || l.Unit == "execution" {
			g.requests += l.USD
		}
	}
}

// appBill is the application's month on a platform at a traffic scale:
// every function's hours priced together, the free grants applied once.
// cold gives each function's cold-start rate (nil: solved at the mean
// rate); own, when set, receives each function's gross cost.
func appBill(p *Platform, workloads []Workload, a Assumptions, region string, scale float64, cold []float64, own ...*[]grossCost) Bill {
	var all []Usage
	var b Bill
	initGBs, startup := 0.0, Bill{}
	for i, w := range workloads {
		cfg := ConfigOn(p, w, a)
		rate := 0.0
		if cold != nil {
			rate = cold[i]
		} else {
			rate = coldStarts(p, w, cfg, scale, false).ColdStartProbability
		}
		usages := hourlyUsages(p, w, cfg, region, scale)
		coldSeconds := 0.0
		for _, u := range usages {
			coldSeconds += u.Invocations * rate * cfg.ColdStartMs / 1000
		}
		var ownCost grossCost
		if p.ID == "aws-lambda" {
			// Cold starts left with provisioned concurrency are on-demand
			// instances' (the keep-alive model counts those only): billed INIT.
			initGBs += coldSeconds * cfg.MemoryMb / 1024
			all = append(all, usages...)
			ownCost.add(lambdaBill(usages, 0, 0))
		} else {
			for i := range usages {
				one := gross(&usages[i], p)
				ownCost.add(one)
				b.merge(one)
			}
			if p.ID == "gcp-cloud-run" && coldSeconds > 0 {
				// Cloud Run bills an instance while it starts.
				r := cloudRunRates(region)
				startup.add("CPU, active", cfg.VCPU*coldSeconds, "vCPU-second", r.ActiveVCPU.Amount)
				startup.add("memory, active", cfg.MemoryMb/1024*coldSeconds, "GiB-second", r.ActiveGiB.Amount)
			}
		}
		if len(own) > 0 {
			*own[0] = append(*own[0], ownCost)
		}
		a.pace()
	}
	if p.ID == "aws-lambda" {
		if len(all) == 0 {
			return Bill{Lines: []Line{}}
		}
		free := 0.0
		if a.FreeTier { // the hours of the day make one month
			free = 1
		}
		return lambdaBill(all, initGBs, free)
	}
	b.merge(startup)
	allowances(&b, p, region, a.FreeTier, 1)
	if b.Lines == nil {
		b.Lines = []Line{}
	}
	return b
}

// crossovers finds, for each pair of platforms, the traffic scales where
// the cheaper one changes, interpolating the rate linearly in log scale.
func crossovers(c Comparison) []Crossover {
	var out []Crossover
	names := map[string]string{}
	for _, r := range c.Platforms {
		names[r.Platform] = r.Name
	}
	for i := range c.Curves {
		for j := i + 1; j < len(c.Curves); j++ {
			a, b := c.Curves[i], c.Curves[j]
			for k := 1; k < len(c.Scales); k++ {
				d0 := a.MonthlyUSD[k-1] - b.MonthlyUSD[k-1]
				d1 := a.MonthlyUSD[k] - b.MonthlyUSD[k]
				if d0 == 0 || d1 == 0 || (d0 < 0) == (d1 < 0) {
					continue
				}
				f := d0 / (d0 - d1)
				scale := math.Exp(math.Log(c.Scales[k-1]) + f*(math.Log(c.Scales[k])-math.Log(c.Scales[k-1])))
				x := Crossover{Cheaper: b.Platform, Than: a.Platform, Scale: scale,
					RequestsPerSecond: c.RequestsPerSecond[k] / c.Scales[k] * scale}
				if d1 < 0 {
					x.Cheaper, x.Than = a.Platform, b.Platform
				}
				x.Text = fmt.Sprintf("%s is cheaper than %s above %s req/s", names[x.Cheaper], names[x.Than], strconv.FormatFloat(num.RoundSignificant(x.RequestsPerSecond, 2), 'f', -1, 64))
				out = append(out, x)
			}
		}
	}
	return out
}
