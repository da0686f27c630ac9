package platform

import (
	"slices"

	"planner/model/pricing"
)

// Key names one input of a platform bill (the JSON keys of Usage).
type Key string

// The inputs of a bill.
const (
	KeyPlatform     Key = "platform"
	KeyRegion       Key = "region"
	KeyArchitecture Key = "architecture"
	KeyFreeTier     Key = "free_tier"
	KeyPeriodHours  Key = "period_hours"
	KeyInvocations  Key = "invocations"
	KeyDurationMs   Key = "avg_execution_time_ms"
	KeyMemoryMb     Key = "memory_mb"
	KeyVCPU         Key = "vcpu"
	KeyCPUTimeMs    Key = "cpu_time_ms"
	KeyConcurrency  Key = "concurrency_per_instance"
	KeyAlwaysReady  Key = "always_ready_instances"
	KeyMinInstances Key = "min_instances"
	KeyProvisioned  Key = "provisioned_concurrency"
	KeyEphemeralMb  Key = "ephemeral_storage_mb"
	KeyTraffic      Key = "traffic"
)

// LambdaID is AWS Lambda's ID, the platform a scenario runs on unless it
// says otherwise.
const LambdaID = "aws-lambda"

// Platform is one serverless offer: what it bills, what it reads and how
// it runs a function.
type Platform struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Keys are the inputs its bill reads; any other key is refused.
	Keys []Key `json:"keys"`
	// Regions it is priced in; the first is the default.
	Regions []string `json:"regions"`
	// DefaultMemoryMb, MinMemoryMb, MaxMemoryMb bound the memory (or
	// instance size) a function gets.
	DefaultMemoryMb, MinMemoryMb, MaxMemoryMb float64
	// MemorySizes, when set, are the only sizes offered (Flex Consumption).
	MemorySizes []float64 `json:"memory_sizes,omitempty"`
	// MaxConcurrency is the most requests one instance may hold (1: one at
	// a time).
	MaxConcurrency int `json:"max_concurrency"`
	// IdleMinutes is how long an idle instance is kept warm.
	IdleMinutes pricing.Price `json:"idle_minutes"`
	// ColdStartMs is a cold start's added latency where the platform does
	// not take it from the function (Cloudflare's isolates), else 0.
	ColdStartMs pricing.Price `json:"cold_start_ms"`
	// CPUPerGB is the vCPU a GB of memory buys where CPU follows memory
	// (0 where CPU is chosen or not billed).
	CPUPerGB pricing.Price `json:"cpu_per_gb"`
	// Sources list where the platform's prices and rules were read.
	Sources []string `json:"sources"`
}

// Uses reports whether the platform's bill reads key k.
func (p *Platform) Uses(k Key) bool { return slices.Contains(p.Keys, k) }

// Lookup returns a fresh copy of the platform with the given ID.
func Lookup(id string) (*Platform, bool) {
	for _, c := range catalogue {
		if c.id == id {
			return c.make(), true
		}
	}
	return nil, false
}

// Known reports whether the catalogue has a platform of that ID.
func Known(id string) bool {
	for _, c := range catalogue {
		if c.id == id {
			return true
		}
	}
	return false
}

// IDs lists the platforms' IDs in catalogue order.
func IDs() []string {
	ids := make([]string, len(catalogue))
	for i, c := range catalogue {
		ids[i] = c.id
	}
	return ids
}
