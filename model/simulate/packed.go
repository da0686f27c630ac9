package simulate

import (
	"container/heap"
	"math"
	"math/rand/v2"

	"planner/model/num"
)

// PackedInput is a function on a platform whose instances hold up to
// PerInstance requests at once (Cloud Run, Azure Flex Consumption).
type PackedInput struct {
	Seed                 uint64       `json:"seed"`
	ArrivalRatePerSecond float64      `json:"arrival_rate_per_second"`
	Seconds              float64      `json:"seconds"`
	Warm                 Distribution `json:"warm"`
	Cold                 Distribution `json:"cold"`
	KeepAliveMinutes     float64      `json:"keep_alive_minutes"`
	PerInstance          int          `json:"per_instance"`
	// Minimum instances are started warm and never expire.
	Minimum int `json:"minimum"`
}

// PackedResult is what a packed simulation measured.
type PackedResult struct {
	Arrivals             int     `json:"arrivals"`
	ColdStarts           int     `json:"cold_starts"`
	ColdStartProbability float64 `json:"cold_start_probability"`
	// AvgInstances are alive (busy or kept warm), AvgBusyInstances hold at
	// least one request.
	AvgInstances     float64 `json:"avg_instances"`
	AvgBusyInstances float64 `json:"avg_busy_instances"`
}

type packedInstance struct {
	inFlight  int
	idleSince float64
	minimum   bool
}

type packedEnd struct {
	at   float64
	inst *packedInstance
}

type packedEnds []packedEnd

func (h packedEnds) Len() int           { return len(h) }
func (h packedEnds) Less(i, j int) bool { return h[i].at < h[j].at }
func (h packedEnds) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *packedEnds) Push(x any)        { *h = append(*h, x.(packedEnd)) }
func (h *packedEnds) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// RunPacked simulates Poisson arrivals routed to the first instance, in the
// order instances started, with a free slot (so requests pack onto the
// fewest instances); with none free a new instance starts cold. An instance
// with no request for the keep-alive stops (minimum instances never do).
// It is the reference the packed keep-alive model is checked against.
func RunPacked(in PackedInput) PackedResult {
	rng := rand.New(rand.NewPCG(in.Seed, in.Seed^0x9e3779b97f4a7c15))
	warm, cold := sampler(in.Warm), sampler(in.Cold)
	per := max(in.PerInstance, 1)
	keep := in.KeepAliveMinutes * 60
	var (
		instances         []*packedInstance
		ends              packedEnds
		res               PackedResult
		aliveSec, busySec float64
		last              float64
	)
	for range in.Minimum {
		instances = append(instances, &packedInstance{minimum: true})
	}
	advance := func(t float64) {
		for t > last {
			next := t
			if ends.Len() > 0 && ends[0].at < next {
				next = ends[0].at
			}
			for _, inst := range instances {
				if inst.inFlight == 0 && !inst.minimum && inst.idleSince+keep < next {
					next = max(last, inst.idleSince+keep)
				}
			}
			busy := 0
			for _, inst := range instances {
				if inst.inFlight > 0 {
					busy++
				}
			}
			aliveSec += float64(len(instances)) * (next - last)
			busySec += float64(busy) * (next - last)
			last = next
			for ends.Len() > 0 && ends[0].at <= last {
				e := heap.Pop(&ends).(packedEnd)
				e.inst.inFlight--
				if e.inst.inFlight == 0 {
					e.inst.idleSince = e.at
				}
			}
			kept := instances[:0]
			for _, inst := range instances {
				if inst.minimum || inst.inFlight > 0 || inst.idleSince+keep > last {
					kept = append(kept, inst)
				}
			}
			instances = kept
		}
	}
	t := 0.0
	for in.ArrivalRatePerSecond > 0 {
		t += rng.ExpFloat64() / in.ArrivalRatePerSecond
		if t >= in.Seconds {
			break
		}
		advance(t)
		res.Arrivals++
		var target *packedInstance
		for _, inst := range instances {
			if inst.inFlight < per {
				target = inst
				break
			}
		}
		s := 0.0
		if target == nil {
			target = &packedInstance{}
			instances = append(instances, target)
			res.ColdStarts++
			s = cold(rng)
		} else {
			s = warm(rng)
		}
		target.inFlight++
		heap.Push(&ends, packedEnd{at: t + s, inst: target})
	}
	advance(in.Seconds)
	res.ColdStartProbability = num.Ratio(float64(res.ColdStarts), float64(res.Arrivals))
	if in.Seconds > 0 {
		res.AvgInstances, res.AvgBusyInstances = aliveSec/in.Seconds, busySec/in.Seconds
	}
	if math.IsNaN(res.AvgInstances) {
		res.AvgInstances = 0
	}
	return res
}
