package model

import (
	"encoding/json"
	"io"
	"strconv"
	"testing"

	"planner/model/keepalive"
	"planner/model/spec"
)

// generatedScenario has n functions with varied traffic, memory and services.
func generatedScenario(n int) Scenario {
	s := NewScenario()
	s.Functions = make([]Function, n)
	memories := []int{128, 256, 512, 1024, 1536, 3008, 4096, 10240}
	for i := range s.Functions {
		f := DefaultFunction()
		f.Name = "fn_" + strconv.Itoa(i)
		f.MonthlyInvocations = ptr(float64(1000 + (i*7919)%50_000_000))
		f.AllocatedMemoryMb = memories[i%len(memories)]
		f.ActualMemoryUsageMb = float64(f.AllocatedMemoryMb) * 0.6
		f.AvgExecutionTimeMs = float64(50 + i%3000)
		f.ReservedConcurrency = i % 50
		f.APIGatewayEnabled = i%2 == 0
		f.DynamoDBEnabled = i%3 == 0
		f.S3Enabled = i%5 == 0
		f.Type = []spec.FunctionType{spec.APIFunction, spec.ProcessingFunction, spec.ScheduledFunction, spec.GeneralFunction}[i%4]
		s.Functions[i] = f
	}
	return s
}

func BenchmarkEvaluateDefault(b *testing.B) {
	s := DefaultScenario()
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := Evaluate(&s); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

func BenchmarkEvaluate10k(b *testing.B) {
	s := generatedScenario(10_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := Evaluate(&s); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

// BenchmarkCalcInfrastructure10k is `planner calc infrastructure` on 10,000
// functions without process start: decode, evaluate, encode (streamed, as
// the CLI writes it).
func BenchmarkCalcInfrastructure10k(b *testing.B) {
	fns := map[string]map[string]any{}
	for i := range 10_000 {
		fns["fn_"+strconv.Itoa(i)] = map[string]any{
			"invocations_per_second": float64(i%500) + 1, "avg_execution_time_ms": float64(50 + i%3000),
			"allocated_memory_mb": 512, "actual_memory_usage_mb": 300, "monthly_invocations": 1_000_000,
			"reserved_concurrency": i % 20, "api_gateway_enabled": i%2 == 0, "dynamodb_enabled": i%3 == 0,
		}
	}
	input, _ := json.Marshal(map[string]any{"functions": fns, "secrets_count": 10})
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		out, probs := Calc("infrastructure", input)
		if len(probs) > 0 {
			b.Fatal(probs)
		}
		if err := out.(StreamEncoder).WriteJSON(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// The keep-alive model across regimes: rare requests, moderate, heavy load
// (spectral), very heavy (scaled), short windows on long requests (exact),
// and the cold-class chain on a short keep-alive and at ρ ≈ 36.
func BenchmarkKeepAlive(b *testing.B) {
	for _, c := range []struct {
		name string
		k    keepalive.Input
	}{
		{"rare", keepalive.Input{ArrivalRatePerSecond: 0.003, WarmServiceTimeMs: 2000, ColdServiceTimeMs: 2500, KeepAliveMinutes: 10}},
		{"moderate", keepalive.Input{ArrivalRatePerSecond: 1, WarmServiceTimeMs: 2000, ColdServiceTimeMs: 2300, KeepAliveMinutes: 10}},
		{"heavy", keepalive.Input{ArrivalRatePerSecond: 600, WarmServiceTimeMs: 200, ColdServiceTimeMs: 800, KeepAliveMinutes: 10}},
		{"very-heavy", keepalive.Input{ArrivalRatePerSecond: 20000, WarmServiceTimeMs: 200, ColdServiceTimeMs: 800, KeepAliveMinutes: 10}},
		{"long-requests", keepalive.Input{ArrivalRatePerSecond: 1, WarmServiceTimeMs: 400000, ColdServiceTimeMs: 900000, KeepAliveMinutes: 1}},
		{"cold-class-short", keepalive.Input{ArrivalRatePerSecond: 0.5, WarmServiceTimeMs: 100, ColdServiceTimeMs: 2000, KeepAliveMinutes: 0.1}},
		{"cold-class-busy", keepalive.Input{ArrivalRatePerSecond: 120, WarmServiceTimeMs: 300, ColdServiceTimeMs: 1300, KeepAliveMinutes: 10}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				keepalive.Solve(c.k)
			}
		})
	}
}
