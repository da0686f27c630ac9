package simulate

import (
	"math"
	"math/rand/v2"

	"planner/model/num"
)

// Distribution is a service-time distribution.
type Distribution struct {
	// Kind is "fixed", "exponential" or "lognormal".
	Kind   string  `json:"kind"`
	MeanMs float64 `json:"mean_ms"`
	// P95Ms fits the lognormal's spread (ignored by the other kinds).
	P95Ms float64 `json:"p95_ms,omitempty"`
}

// Input describes one function on a scale-per-request platform.
type Input struct {
	Seed uint64 `json:"seed"`
	// RatePerMinute is the mean arrival rate (requests/s) of each minute.
	RatePerMinute []float64 `json:"rate_per_minute"`
	// Bursty switches arrivals from Poisson to a two-state modulated
	// Poisson process with the same mean: bursts at BurstFactor × the rate
	// a tenth of the time.
	Bursty      bool         `json:"bursty"`
	BurstFactor float64      `json:"burst_factor"`
	Warm        Distribution `json:"warm"`
	Cold        Distribution `json:"cold"`
	// KeepAliveMinutes is how long an idle instance stays warm.
	KeepAliveMinutes float64 `json:"keep_alive_minutes"`
	// ProvisionedByHour is the provisioned concurrency of each hour of the
	// day (repeated); empty for none.
	ProvisionedByHour []int `json:"provisioned_by_hour"`
	// ConcurrencyLimit caps busy instances (0: unlimited); requests above it
	// are throttled.
	ConcurrencyLimit int `json:"concurrency_limit"`
	// ScalingLimit is how many new instances may start per ScalingWindow
	// seconds (Lambda: 1,000 per 10 s); above it requests are throttled.
	ScalingLimit         int     `json:"scaling_limit"`
	ScalingWindowSeconds float64 `json:"scaling_window_seconds"`
	MemoryMb             float64 `json:"memory_mb"`
	// Progress, when set, is told after every simulated minute; a browser
	// yields to the page there, so a long run never freezes it.
	Progress func(done, total int) `json:"-"`
	// Stop, when set, is asked after every simulated minute: true ends the
	// run there (its result is then incomplete, for the caller to drop).
	Stop func() bool `json:"-"`
}

// Minute is one minute of the simulation: its requests, and its
// instances averaged over the minute (instance-seconds / 60 s).
type Minute struct {
	Arrivals   int `json:"arrivals"`
	ColdStarts int `json:"cold_starts"`
	Throttles  int `json:"throttles"`
	// Running is the mean number of busy instances, provisioned included.
	Running float64 `json:"running"`
	// Idle is the mean number of on-demand instances kept warm.
	Idle float64 `json:"idle"`
	// Provisioned is the provisioned concurrency configured.
	Provisioned int `json:"provisioned"`
}

// Summary is what a simulation measured of its requests.
type Summary struct {
	Arrivals             int     `json:"arrivals"`
	ColdStarts           int     `json:"cold_starts"`
	Throttles            int     `json:"throttles"`
	ColdStartProbability float64 `json:"cold_start_probability"`
	LatencyP50Ms         float64 `json:"latency_p50_ms"`
	LatencyP95Ms         float64 `json:"latency_p95_ms"`
	LatencyP99Ms         float64 `json:"latency_p99_ms"`
}

// Result is what the simulation measured.
type Result struct {
	Summary
	// Instance-seconds: busy serving, idle kept warm (on demand), and
	// provisioned (configured, busy or not).
	BusyInstanceSeconds        float64 `json:"busy_instance_seconds"`
	ProvisionedBusySeconds     float64 `json:"provisioned_busy_seconds"`
	IdleInstanceSeconds        float64 `json:"idle_instance_seconds"`
	ProvisionedInstanceSeconds float64 `json:"provisioned_instance_seconds"`
	AvgInstances               float64 `json:"avg_instances"`
	AvgRunningInstances        float64 `json:"avg_running_instances"`
	DurationSeconds            float64 `json:"duration_seconds"`
	// StandardError of the cold-start probability (batch means).
	ColdStartProbabilitySE float64  `json:"cold_start_probability_se"`
	PerMinute              []Minute `json:"per_minute"`
}

// Run runs a discrete-event simulation of the platform. It is seeded
// and reproducible. Routing is the platform's: provisioned instances first,
// then the most recently used idle instance, else a new (cold) instance;
// idle instances expire after the keep-alive. Work is linear in the
// arrivals, O(log busy) each, with no allocation per request.
func Run(sim Input) Result {
	rng := rand.New(rand.NewPCG(sim.Seed, sim.Seed^0x9e3779b97f4a7c15))
	warm, cold := sampler(sim.Warm), sampler(sim.Cold)
	minutes := len(sim.RatePerMinute)
	res := Result{DurationSeconds: float64(minutes) * 60, PerMinute: make([]Minute, minutes)}
	var (
		busy      departures // on-demand and provisioned departures
		idle      idleStack  // on-demand idle instances, most recent on top
		busyProv  int
		provBusy  float64 // busy seconds of provisioned instances
		hist      latencyHistogram
		starts    scalingWindow
		batchCold [20]int
		batchN    [20]int
	)
	starts.limit, starts.window = sim.ScalingLimit, sim.ScalingWindowSeconds
	keep := sim.KeepAliveMinutes * 60 // s
	provisionedAt := func(t float64) int {
		if len(sim.ProvisionedByHour) == 0 {
			return 0
		}
		return sim.ProvisionedByHour[int(t/3600)%len(sim.ProvisionedByHour)]
	}
	// counted is the time up to which the minutes' instance-seconds are
	// summed; count sums them up to time t, minute by minute.
	counted := 0.0
	count := func(t float64) {
		for counted < t {
			m := int(counted / 60)
			next := min(t, float64(m+1)*60)
			if m < minutes {
				pm := &res.PerMinute[m]
				pm.Running += float64(busy.Len()) * (next - counted)
				pm.Idle += float64(idle.Len()) * (next - counted)
			}
			counted = next
		}
	}
	// release finishes every request that ends by time t and expires every
	// instance idle for the keep-alive, in time order.
	release := func(t float64) {
		for {
			departs, expires := math.Inf(1), math.Inf(1)
			if busy.Len() > 0 {
				departs = busy.peek().end
			}
			if idle.Len() > 0 {
				expires = idle.bottom() + keep
			}
			next := min(departs, expires)
			if !(next <= t) {
				break
			}
			count(next)
			if departs <= expires {
				d := busy.pop()
				if d.provisioned {
					busyProv--
				} else {
					idle.push(d.end)
				}
			} else {
				idle.dropBottom()
				res.IdleInstanceSeconds += keep
			}
		}
		count(t)
	}
	burstOn, nextSwitch := false, 0.0
	t := 0.0
	for m := 0; m < minutes; m++ {
		end := float64(m+1) * 60
		rate := sim.RatePerMinute[m]
		for {
			r := rate
			if sim.Bursty && rate > 0 {
				for t >= nextSwitch {
					burstOn = !burstOn
					mean := 540.0
					if burstOn {
						mean = 60
					}
					nextSwitch = t + rng.ExpFloat64()*mean
				}
				f := max(1, min(sim.BurstFactor, 9.9))
				if burstOn {
					r = rate * f
				} else {
					r = rate * (1 - 0.1*f) / 0.9
				}
			}
			if r <= 0 {
				t = end
				break
			}
			gap := rng.ExpFloat64() / r
			if sim.Bursty && t+gap > nextSwitch && nextSwitch < end {
				t = nextSwitch // re-draw at the switch (memoryless)
				continue
			}
			if t+gap >= end {
				t = end
				break
			}
			t += gap
			release(t)
			res.Arrivals++
			pm := &res.PerMinute[m]
			pm.Arrivals++
			batch := int(t / res.DurationSeconds * float64(len(batchN)))
			batchN[batch]++
			prov := provisionedAt(t)
			switch {
			case busyProv < prov:
				busyProv++
				s := warm(rng)
				busy.push(departure{t + s, true})
				res.BusyInstanceSeconds += s
				provBusy += s
				hist.add(s * 1000)
			case idle.Len() > 0:
				last := idle.pop()
				res.IdleInstanceSeconds += t - last
				s := warm(rng)
				busy.push(departure{t + s, false})
				res.BusyInstanceSeconds += s
				hist.add(s * 1000)
			case (sim.ConcurrencyLimit > 0 && busy.Len() >= sim.ConcurrencyLimit) || !starts.allow(t):
				res.Throttles++
				pm.Throttles++
			default:
				res.ColdStarts++
				pm.ColdStarts++
				batchCold[batch]++
				s := cold(rng)
				busy.push(departure{t + s, false})
				res.BusyInstanceSeconds += s
				hist.add(s * 1000)
			}
		}
		release(end)
		pm := &res.PerMinute[m]
		pm.Running, pm.Idle, pm.Provisioned = pm.Running/60, pm.Idle/60, provisionedAt(end-1)
		res.ProvisionedInstanceSeconds += 60 * float64(provisionedAt(end-1))
		if sim.Progress != nil {
			sim.Progress(m+1, minutes)
		}
		if sim.Stop != nil && sim.Stop() {
			return res
		}
	}
	// Requests still running and instances still idle at the end.
	for busy.Len() > 0 {
		d := busy.pop()
		excess := max(0, d.end-res.DurationSeconds)
		res.BusyInstanceSeconds -= excess
		if d.provisioned {
			provBusy -= excess
		}
	}
	for idle.Len() > 0 {
		res.IdleInstanceSeconds += min(keep, res.DurationSeconds-idle.bottom())
		idle.dropBottom()
	}
	served := res.Arrivals - res.Throttles
	res.ColdStartProbability = num.Ratio(float64(res.ColdStarts), float64(served))
	res.ColdStartProbabilitySE = batchSE(batchCold[:], batchN[:])
	res.LatencyP50Ms, res.LatencyP95Ms, res.LatencyP99Ms = hist.quantile(0.5), hist.quantile(0.95), hist.quantile(0.99)
	res.ProvisionedBusySeconds = provBusy
	if res.DurationSeconds > 0 {
		// Alive instance-time: on-demand busy and idle, plus provisioned
		// (whose busy time is inside their configured time).
		res.AvgRunningInstances = res.BusyInstanceSeconds / res.DurationSeconds
		alive := res.BusyInstanceSeconds - provBusy + res.IdleInstanceSeconds + res.ProvisionedInstanceSeconds
		res.AvgInstances = alive / res.DurationSeconds
	}
	return res
}

// batchSE is the standard error of a proportion from batch means.
func batchSE(hits, n []int) float64 {
	var ps []float64
	for i := range n {
		if n[i] > 0 {
			ps = append(ps, float64(hits[i])/float64(n[i]))
		}
	}
	if len(ps) < 2 {
		return 0
	}
	mean := 0.0
	for _, p := range ps {
		mean += p
	}
	mean /= float64(len(ps))
	v := 0.0
	for _, p := range ps {
		v += (p - mean) * (p - mean)
	}
	return math.Sqrt(v / float64(len(ps)-1) / float64(len(ps)))
}

// sampler draws service times in seconds.
func sampler(d Distribution) func(*rand.Rand) float64 {
	mean := d.MeanMs / 1000
	switch d.Kind {
	case "exponential":
		return func(r *rand.Rand) float64 { return r.ExpFloat64() * mean }
	case "lognormal":
		mu, sigma := LognormalFit(d.MeanMs, d.P95Ms)
		return func(r *rand.Rand) float64 { return math.Exp(mu+sigma*r.NormFloat64()) / 1000 }
	}
	return func(*rand.Rand) float64 { return mean }
}

// LognormalFit finds μ, σ (of ln ms) with the given mean and 95th
// percentile: ln p95 − ln mean = 1.645σ − σ²/2, the smaller root. Without a
// usable p95 the spread is that of p95 = 2 × mean.
func LognormalFit(meanMs, p95Ms float64) (mu, sigma float64) {
	const z95 = 1.6448536269514722
	if p95Ms <= meanMs || meanMs <= 0 {
		p95Ms = 2 * max(meanMs, 1e-9)
	}
	gap := math.Log(p95Ms) - math.Log(max(meanMs, 1e-9))
	disc := z95*z95 - 2*gap
	if disc < 0 {
		sigma = z95
	} else {
		sigma = z95 - math.Sqrt(disc)
	}
	return math.Log(max(meanMs, 1e-9)) - sigma*sigma/2, sigma
}

// departure is a request's end.
type departure struct {
	end         float64
	provisioned bool
}

// departures is a min-heap of request ends.
type departures []departure

func (h departures) Len() int        { return len(h) }
func (h departures) peek() departure { return h[0] }

func (h *departures) push(d departure) {
	*h = append(*h, d)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if s[p].end <= s[i].end {
			break
		}
		s[p], s[i] = s[i], s[p]
		i = p
	}
}

func (h *departures) pop() departure {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s = s[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(s) && s[l].end < s[m].end {
			m = l
		}
		if r < len(s) && s[r].end < s[m].end {
			m = r
		}
		if m == i {
			break
		}
		s[m], s[i] = s[i], s[m]
		i = m
	}
	*h = s
	return top
}

// idleStack holds the times idle instances became idle: most recent on top
// (used first), oldest at the bottom (expiring first).
type idleStack struct {
	times []float64
	head  int // index of the bottom
}

func (s *idleStack) Len() int        { return len(s.times) - s.head }
func (s *idleStack) push(t float64)  { s.times = append(s.times, t) }
func (s *idleStack) bottom() float64 { return s.times[s.head] }
func (s *idleStack) dropBottom()     { s.head++; s.compact() }
func (s *idleStack) pop() (t float64) {
	t, s.times = s.times[len(s.times)-1], s.times[:len(s.times)-1]
	s.compact()
	return
}

// compact reclaims the space below the bottom once it is half the slice.
func (s *idleStack) compact() {
	if s.head > 1024 && s.head*2 > len(s.times) {
		n := copy(s.times, s.times[s.head:])
		s.times, s.head = s.times[:n], 0
	}
	if s.head >= len(s.times) {
		s.times, s.head = s.times[:0], 0
	}
}

// scalingWindow counts instance starts in a sliding window.
type scalingWindow struct {
	limit  int
	window float64
	starts []float64
	head   int
}

// allow records a start at t if the window has room.
func (w *scalingWindow) allow(t float64) bool {
	if w.limit <= 0 || w.window <= 0 {
		return true
	}
	for w.head < len(w.starts) && w.starts[w.head] <= t-w.window {
		w.head++
	}
	if w.head > 4096 && w.head*2 > len(w.starts) {
		n := copy(w.starts, w.starts[w.head:])
		w.starts, w.head = w.starts[:n], 0
	}
	if len(w.starts)-w.head >= w.limit {
		return false
	}
	w.starts = append(w.starts, t)
	return true
}

// latencyHistogram keeps latencies in buckets 1% wide, for percentiles.
type latencyHistogram struct {
	counts [2400]uint32
	n      uint64
}

const latencyBucketGrowth = 1.01

func (h *latencyHistogram) add(ms float64) {
	i := 0
	if ms > 0.01 {
		i = int(math.Log(ms/0.01) / math.Log(latencyBucketGrowth))
	}
	h.counts[min(max(i, 0), len(h.counts)-1)]++
	h.n++
}

// quantile is the q-quantile of the latencies (bucket midpoint, ±0.5%).
func (h *latencyHistogram) quantile(q float64) float64 {
	if h.n == 0 {
		return 0
	}
	target := uint64(math.Ceil(q * float64(h.n)))
	var seen uint64
	for i, c := range h.counts {
		seen += uint64(c)
		if seen >= max(target, 1) {
			return 0.01 * math.Pow(latencyBucketGrowth, float64(i)+0.5)
		}
	}
	return 0
}
