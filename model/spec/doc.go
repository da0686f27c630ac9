// Package spec holds the capacity model's own formulas
// (serverless-capacity-model.md), exactly as its Python reference computes
// them. `planner calc` and the `reference` price profile use them unchanged;
// the parity test (model/parity_test.go, 175 cases of
// ../shared/golden/reference-cases.json) holds every output to 1e-9.
//
// Each function takes plain inputs of its own and knows no scenario.
//
// # Execution capacity (CalculateExecutionCapacity)
//
// Little's Law per percentile, with cold starts added to the mean:
//
//	concurrency_x = λ × t_x / 1000                       λ invocations/s, t_x ms
//	effective_ms  = t_avg + r × t_cold                   r cold-start rate (fraction)
//	burst         = λ × burst_multiplier × effective_ms / 1000
//	reserved      = ⌊1.2 × concurrency_avg⌋, burst limit ⌊1.1 × burst⌋
//
// # Cold starts (CalculateColdStartOptimization, NaturalColdStartRate)
//
//	cold_ms = runtime_ms / clamp(memory_mb/512, 0.5, 2) + max(0, (package_mb − 10) × 20) + 1000·vpc
//	natural = min(0.5, 0.05 + 0.02 × idle_hours + min(0.1, 0.001 × peak_instances))
//
// with provisioned concurrency (⌊0.8 × peak⌋ instances, rate × 0.1) and
// warm-up pings (rate × 0.3) as the alternatives. The natural rate is a rule
// of thumb: it rises with traffic where a real platform's falls. The planner's
// best estimate is the keep-alive model (package keepalive); this one is kept
// for parity and shown only under the reference profile or labelled as the
// spec's.
//
// # Memory (OptimizeMemory, EstimateExecutionTimeMs)
//
//	t(m)        = max(50, t_base × m_base / m)           when not measured
//	monthly     = (m/1024 × t/1000 × duration rate + request rate) × invocations
//	balanced    = argmin over faster configurations of (cost − cost_cheapest) / (t_cheapest − t)
//
// # Tuning, cost review, alerts, projections, compliance
//
// OptimizeFunctionPerformance suggests changes where a function misses its
// p99, error or throttle targets; OptimizeCosts reviews an application's spend
// against a reduction target; GenerateAlerts writes the spec's
// Prometheus-style rules by type and criticality; CalculateScalingProjections
// scales cost linearly, less 15% from 10× on; CalculateComplianceCost adds the
// banking model's overheads (PCI-DSS or general % of compute, monitoring per
// invocation). IdentifyOptimizations lists the capacity model's
// recommendations per function.
//
// # Assumptions and regime
//
// Durations scale inversely with memory (CPU share grows linearly with
// memory, one vCPU per 1,769 MB) until measured; the savings percentages of
// the cost review and the tuning gains (half the latency gap from doubled
// memory, 90% fewer cold starts from provisioning) are the spec's constants,
// not measurements.
//
// Sources: ../shared/spec/serverless-capacity-model.md (formulas and
// constants), validated by the parity cases above and the worked examples
// in formulas_test.go (checkout: 2,900 ms cold start, natural rate 0.131;
// data processing at 5 million invocations).
package spec
