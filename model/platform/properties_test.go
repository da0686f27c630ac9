package platform

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"planner/model/internal/jsonin"
)

// randomUsage draws a usage the platform accepts.
func randomUsage(r *rand.Rand, p *Platform) Usage {
	u := Usage{Platform: p.ID, FreeTier: r.IntN(2) == 0, Invocations: float64(r.IntN(50_000_000)),
		DurationMs: 1 + r.Float64()*3000, CPUTimeMs: r.Float64() * 50}
	if r.IntN(2) == 0 {
		u.Traffic = "steady"
	}
	switch p.ID {
	case "azure-functions-flex":
		u.MemoryMb = p.MemorySizes[r.IntN(len(p.MemorySizes))]
		u.AlwaysReady = r.IntN(3)
	case "gcp-cloud-run":
		u.MinInstances = r.IntN(3)
	case "aws-lambda":
		u.MemoryMb = float64(128 + r.IntN(4000))
		u.Provisioned = r.IntN(2) * r.IntN(5)
	}
	return u
}

func given(p *Platform, u Usage) func(Key) bool {
	return func(k Key) bool {
		switch k {
		case KeyPlatform, KeyInvocations:
			return true
		case KeyDurationMs, KeyCPUTimeMs:
			return p.Uses(k)
		case KeyFreeTier:
			return p.Uses(k) && u.FreeTier
		case KeyTraffic:
			return p.Uses(k) && u.Traffic != ""
		case KeyAlwaysReady:
			return u.AlwaysReady > 0
		case KeyMinInstances:
			return u.MinInstances > 0
		case KeyProvisioned:
			return u.Provisioned > 0
		case KeyMemoryMb:
			return u.MemoryMb > 0
		}
		return false
	}
}

// More requests never cost less, on every platform.
func TestCostNeverFallsWhenInvocationsRise(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, p := range All() {
		for range 300 {
			u := randomUsage(r, p)
			if p.ID != "cloudflare-workers" {
				u.CPUTimeMs = 0
			} else {
				u.DurationMs = 0
			}
			if !p.Uses(KeyTraffic) {
				u.Traffic = ""
			}
			if !p.Uses(KeyFreeTier) {
				u.FreeTier = false
			}
			lo, probs := Price(u, given(p, u))
			if len(probs) > 0 {
				t.Fatalf("%s %+v: %v", p.ID, u, probs)
			}
			more := u
			more.Invocations = u.Invocations*(1+r.Float64()) + 1
			hi, _ := Price(more, given(p, more))
			if hi.TotalUSD < lo.TotalUSD-1e-9 {
				t.Errorf("%s: %g → %g invocations cost $%.6f → $%.6f", p.ID, u.Invocations, more.Invocations, lo.TotalUSD, hi.TotalUSD)
			}
		}
	}
}

// More requests per instance never need more instances.
func TestMoreConcurrencyNeverRaisesInstances(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		l := Load{Rho: r.ExpFloat64() * 50, Steady: r.IntN(2) == 0, Lambda: 1}
		c := 1 + r.IntN(100)
		a := r.IntN(3)
		low, high := l.Busy(c, a), l.Busy(c+1+r.IntN(100), a)
		if high.Reserved+high.OnDemand > low.Reserved+low.OnDemand+1e-9 {
			t.Errorf("%+v: instances %g at c=%d but more with more concurrency (%g)", l, low.Reserved+low.OnDemand, c, high.Reserved+high.OnDemand)
		}
	}
}

// A key the platform does not read is refused by name, with every other
// problem.
func TestUnusedKeysAreRefusedByName(t *testing.T) {
	_, probs := priceJSON(t, `{"platform":"cloudflare-workers","invocations":1,"cpu_time_ms":1,"memory_mb":128,"vcpu":1,"free_tier":true}`)
	text := fmt.Sprint(probs)
	for _, k := range []string{"memory_mb", "vcpu", "free_tier"} {
		if !hasPath(probs, k) || !strings.Contains(text, "cloudflare-workers does not use "+k) {
			t.Errorf("%s not refused: %v", k, probs)
		}
	}
	_, probs = priceJSON(t, `{"platform":"azure-functions-flex","invocations":1,"avg_execution_time_ms":100,"memory_mb":1024,"traffic":"bursty"}`)
	if !hasPath(probs, "memory_mb") || !hasPath(probs, "traffic") {
		t.Errorf("flex 1,024 MB and bursty traffic accepted: %v", probs)
	}
	_, probs = priceJSON(t, `{"platform":"gcp-cloud-run","invocations":1,"avg_execution_time_ms":100,"memory_mb":2048,"vcpu":0.5,"concurrency_per_instance":1}`)
	if !hasPath(probs, "vcpu") {
		t.Errorf("2 GiB on half a vCPU accepted: %v", probs)
	}
	_, probs = priceJSON(t, `{"platform":"nope","invocations":1}`)
	if !hasPath(probs, "platform") {
		t.Errorf("unknown platform accepted")
	}
}

func hasPath(probs jsonin.Problems, path string) bool {
	for _, p := range probs {
		if p.Path == path {
			return true
		}
	}
	return false
}

// The catalogue makes, under each ID, the platform of that ID.
func TestCatalogueIDs(t *testing.T) {
	for i, p := range All() {
		if p.ID != IDs()[i] || !Known(p.ID) {
			t.Errorf("catalogue entry %d makes %q, listed as %q", i, p.ID, IDs()[i])
		}
		if q, ok := Lookup(p.ID); !ok || q.ID != p.ID || q == p {
			t.Errorf("Lookup(%q) = %v, %v: not a fresh copy of it", p.ID, q, ok)
		}
	}
	if Known("aws-lambda-2") {
		t.Error("an unknown ID is known")
	}
}
