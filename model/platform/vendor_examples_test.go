package platform

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"planner/model/internal/jsonin"
)

// priceJSON prices a platform-cost input as the CLI reads it.
func priceJSON(t *testing.T, input string) (Bill, jsonin.Problems) {
	t.Helper()
	var u Usage
	if err := json.Unmarshal([]byte(input), &u); err != nil {
		t.Fatal(err)
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal([]byte(input), &keys); err != nil {
		t.Fatal(err)
	}
	return Price(u, func(k Key) bool { _, ok := keys[string(k)]; return ok })
}

// The vendors' own worked examples: totals within max(0.1%, $0.01).
func TestVendorWorkedExamples(t *testing.T) {
	cases := []struct {
		name, input string
		total       float64
	}{
		// AWS Lambda pricing page (us-east-1).
		{"aws: 512 MB, 3M × 1 s, free tier", `{"platform":"aws-lambda","free_tier":true,"invocations":3e6,"avg_execution_time_ms":1000,"memory_mb":512}`, 18.74},
		{"aws example 1: mobile backend 3M × 120 ms at 1,536 MB", `{"platform":"aws-lambda","free_tier":true,"invocations":3e6,"avg_execution_time_ms":120,"memory_mb":1536}`, 2.73},
		{"aws example 2: telemetry, no free tier", `{"platform":"aws-lambda","invocations":7.44e6,"avg_execution_time_ms":2000,"memory_mb":1024}`, 249.49},
		{"aws example 3: BERT with 2,048 MB ephemeral", `{"platform":"aws-lambda","free_tier":true,"invocations":6e6,"avg_execution_time_ms":280,"memory_mb":4096,"ephemeral_storage_mb":2048}`, 106.41},
		{"aws provisioned example 2: Cyber Monday, 24 h", `{"platform":"aws-lambda","free_tier":true,"period_hours":24,"invocations":2e6,"avg_execution_time_ms":280,"memory_mb":4096,"provisioned_concurrency":7}`, 32.26},
		// Operator guide: 1,000 invocations at 1,024 MB, 1.465 s.
		{"aws operator guide 1,024 MB", `{"platform":"aws-lambda","invocations":1000,"avg_execution_time_ms":1465,"memory_mb":1024}`, 0.024638},
		// MS Learn, Estimating consumption-based costs, Flex: 40 req/s steady,
		// 10 in flight, 2,048 MB, one hour without grants.
		{"azure flex, CPU-bound (concurrency 1)", `{"platform":"azure-functions-flex","period_hours":1,"invocations":144000,"avg_execution_time_ms":250,"memory_mb":2048,"concurrency_per_instance":1,"traffic":"steady"}`, 1.9296},
		{"azure flex, IO-bound (10 on one instance)", `{"platform":"azure-functions-flex","period_hours":1,"invocations":144000,"avg_execution_time_ms":250,"memory_mb":2048,"concurrency_per_instance":10,"traffic":"steady"}`, 0.2448},
		{"azure flex, IO-bound at the default concurrency (16)", `{"platform":"azure-functions-flex","period_hours":1,"invocations":144000,"avg_execution_time_ms":250,"memory_mb":2048,"traffic":"steady"}`, 0.2448},
		// MS Learn: 0.5 GB × 3 s = 1.5 GB-s; a 160 MB process pays for 256 MB.
		{"azure consumption, 0.5 GB × 3 s", `{"platform":"azure-functions-consumption","invocations":1,"avg_execution_time_ms":3000,"memory_mb":512}`, 1.5*0.000016 + 0.2e-6},
		{"azure consumption, 160 MB billed as 256 MB", `{"platform":"azure-functions-consumption","invocations":1000,"avg_execution_time_ms":1000,"memory_mb":160}`, 250*0.000016 + 1000*0.2e-6},
		// Cloudflare Workers pricing, Standard usage model.
		{"workers example 1: 15M × 7 ms", `{"platform":"cloudflare-workers","invocations":15e6,"cpu_time_ms":7}`, 8.00},
		{"workers cron: 720 × 180,000 ms", `{"platform":"cloudflare-workers","invocations":720,"cpu_time_ms":180000}`, 6.99},
		{"workers high traffic: 100M × 7 ms", `{"platform":"cloudflare-workers","invocations":100e6,"cpu_time_ms":7}`, 45.40},
		{"workers static assets: 3M of 15M invoke the Worker", `{"platform":"cloudflare-workers","invocations":3e6,"cpu_time_ms":7}`, 5.00},
	}
	for _, c := range cases {
		b, probs := priceJSON(t, c.input)
		if len(probs) > 0 {
			t.Errorf("%s: %v", c.name, probs)
			continue
		}
		if tol := max(0.001*c.total, 0.01); math.Abs(b.TotalUSD-c.total) > tol {
			t.Errorf("%s: total $%.4f, the vendor's $%.4f (%+v)", c.name, b.TotalUSD, c.total, b.Lines)
		}
		sum := 0.0
		for _, l := range b.Lines {
			sum += l.USD
		}
		if math.Abs(sum-b.TotalUSD) > 1e-9 {
			t.Errorf("%s: lines add to %g, total %g", c.name, sum, b.TotalUSD)
		}
	}
}

// Cloud Run's free tier is a Tier 1 spend: $4.32 of CPU and $0.90 of
// memory a month, whatever the region; 2 million requests.
func TestCloudRunFreeTierIsATierOneSpend(t *testing.T) {
	in := `{"platform":"gcp-cloud-run","invocations":10e6,"avg_execution_time_ms":500,"memory_mb":1024,"vcpu":1,"concurrency_per_instance":1,"traffic":"steady"%s}`
	without, _ := priceJSON(t, fmt.Sprintf(in, ""))
	with, _ := priceJSON(t, fmt.Sprintf(in, `,"free_tier":true`))
	if d := without.TotalUSD - with.TotalUSD; math.Abs(d-(4.32+0.90+2*0.40)) > 1e-6 {
		t.Errorf("free tier worth $%.4f, want $6.02 ($5.22 of CPU and memory, 2M requests)", d)
	}
	// 10M × 0.5 s on one instance at a time: 5M instance-seconds (rounding none: steady, ρ = 1.9).
	tier2, _ := priceJSON(t, fmt.Sprintf(in, `,"region":"europe-west3"`))
	if r := (tier2.TotalUSD - 10*0.40) / (without.TotalUSD - 10*0.40); math.Abs(r-1.4) > 1e-9 {
		t.Errorf("Tier 2 compute %.4f × Tier 1's, want 1.4", r)
	}
}
