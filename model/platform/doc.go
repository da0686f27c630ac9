// Package platform prices and sizes one function on each serverless
// platform the planner knows: AWS Lambda (us-east-1, eu-west-1,
// eu-central-1, ap-southeast-1; x86_64 and arm64), Azure Functions
// Consumption and Flex Consumption (East US), Google Cloud Run with
// request-based billing (Tier 1 and Tier 2 regions) and Cloudflare Workers
// (Standard usage model). Every price is data in the catalogue with its
// source, the day it was read and whether it was read first- or
// second-hand; the billing rules are one small function per platform.
//
// # Instances
//
// With λ requests a second of s seconds each, ρ = λ·s are in flight: n is
// Poisson(ρ) for random arrivals and ⌊ρ⌋ or ⌈ρ⌉ (mean ρ) for evenly spaced
// ones. An instance holding c requests, with a reserved (always-ready,
// minimum or provisioned) instances taking requests first:
//
//	busy instances = E[⌈n/c⌉]   (= ⌈ρ/c⌉ for steady whole ρ)
//	reserved busy  = E[min(⌈n/c⌉, a)],  on demand = E[(⌈n/c⌉ − a)⁺]
//
// Platforms that bill instance activity (Flex: at least 1,000 ms, then
// 100 ms steps; Cloud Run: 100 ms steps) pay for each activity period's
// rounding: the k-th instance starts a period at each up-crossing of
// level (k−1)·c, at rate λ·P(n = (k−1)·c); the extra is bounded by the
// idle gap to the next period (Load.Periods).
//
// # Bills
//
//	aws-lambda    requests + GB-s (tiered) + provisioned GB-s and its execution
//	              price + ephemeral storage; the planner's AWS profiles
//	azure consumption  n × max(⌈d⌉, 100 ms) × ⌈observed MB⌉₁₂₈ (≤ 1,536) GB-s + executions
//	azure flex    on-demand active GB-s of the instance size + executions;
//	              always ready: baseline + active GB-s + executions, no grants
//	cloud run     vCPU-s and GiB-s of active instance time (+ idle minimum
//	              instances at the idle rate) + requests; free tier as a Tier 1 spend
//	workers       $5 subscription + requests and CPU-ms beyond what it includes
//
// Monthly grants and subscriptions are prorated to the billing period.
// The vendors' worked examples (TestVendorWorkedExamples) are reproduced
// within max(0.1%, $0.01): the AWS pricing page's examples, MS Learn's
// Flex Consumption examples, Cloudflare's Standard examples.
//
// # Moving a function
//
// Compare describes a function once, as it runs on its own platform
// (Workload.Platform, AWS Lambda unless named: its hours, warm mean, p95
// and p99, cold start, memory), and maps it to each platform's nearest
// configuration (ConfigOn): on its own platform its duration is the one
// given; elsewhere the CPU-bound share s scales with the CPU it gets,
// d × ((1 − s) + s × cpu_own/cpu), Lambda's CPU following memory (1,769 MB
// = 1 vCPU). Cold starts come from the keep-alive model with each
// platform's idle retention (on its own platform the function's
// keep-alive; Lambda 5 minutes, Azure 20 minutes, second-hand; Cloud Run
// 15 minutes) and, for instances holding several requests, its packed form
// (keepalive, checked against simulate.RunPacked). Cloudflare's isolates
// have no cold start modelled. A function's p99 latency mixes its warm
// durations, scaled like its mean, with cold ones by P(cold)
// (targets.Duration, as the scorecard does). A cold-start rate given for a
// workload (Workload.ColdStartRate: the scenario's reference method or its
// simulated day) is its own platform's at every traffic, as the scenario's
// report uses it, so that that platform's bill here is the report's (On
// prices the scenario's own platform for the report itself).
// The account's free tier is granted once a month, however many functions
// and hours share it. Pair sets two platforms side by side (B − A).
//
// # Assumptions and gaps
//
//   - Azure's USD rates are second-hand (the vendor pages render prices
//     client-side); Flex's on-demand rates are the ones MS Learn's worked
//     example assumes. Other AWS regions' prices are assumed equal to
//     us-east-1's and marked so.
//   - Whether Flex's 1,000 ms minimum applies per execution or per
//     instance activity is an open question; per activity period is used.
//   - Cloud Run's Tier 2 idle rates are 1.4 × Tier 1 (derived). Instance
//     start-up is billed in Compare (cold starts × start-up time), not in a
//     single usage, which has no cold-start input.
//   - Requests on one instance do not slow each other down.
package platform
