// Package targets holds what an architect asks of a function and the
// models that say whether a configuration meets it: the KPIs, their
// default limits by class of function, and the queueing and duration
// models behind each value.
//
// # Classes and default limits
//
// A function is interactive (a person waits on it), processing (events),
// batch or scheduled. Defaults (Defaults), each overridable:
//
//	cold-start rate          ≤ 5%       interactive, and any cold-start-sensitive function
//	p50 latency              ≤ 500 ms   interactive
//	p95 latency              ≤ 2,000 ms processing
//	p99 latency              ≤ 5,000 ms batch (any class: the function's own p99 target)
//	throttle rate            ≤ 0.01%    every class
//	memory used of allocated ≤ 100%     every class (a function cannot use more than it has)
//	timeout rate             ≤ 0.1%     functions with a timeout
//	reserved usage           ≤ 80%      functions with reserved concurrency
//	provisioned utilisation  ≥ 80%      advisory; functions with provisioned concurrency and no cold-start target
//	memory utilisation       ≥ 70%      advisory
//
// The two utilisations are efficiency indicators: by default they are
// reported, not required (a cold-start-sensitive function at one request an
// hour needs a warm instance it cannot keep 80% busy; memory buys CPU). A
// limit set explicitly makes either a requirement. The error rate has no
// model here: it is reported as not computed, never invented.
//
// # Latency (Duration)
//
// A warm request's duration is, below its p95, the lognormal with its mean
// and p95 (the simulator's service time, package simulate):
//
//	ln p95 − ln mean = z95·σ − σ²/2 (the smaller root),  μ = ln mean − σ²/2
//
// and above its p95 the lognormal through its p95 and p99
// (σ = ln(p99/p95) / (z99 − z95)), so the p99 given is kept. A cold request
// takes the same plus the cold-start duration. Latency percentiles mix the
// two by P(cold):
//
//	F(x) = (1 − P(cold))·W(x) + P(cold)·W(x − cold start)
//
// solved for F(x) = q by bisection; the timeout rate is 1 − F(timeout).
//
// # Concurrency (Erlang-loss)
//
// Requests arrive as Poisson traffic at each hour's rate λ_h and hold an
// instance for the mean service time S̄ = mean + P(cold)·cold start, so the
// busy instances of an unlimited function are Poisson with mean A_h = λ_h·S̄
// (M/G/∞, any service distribution). With c instances allowed (its reserved
// concurrency, or the account's unreserved pool shared by every function
// without a reservation) the share of requests throttled is Erlang's loss
// formula B(A_h, c) (M/G/c/c, insensitive to the service distribution):
//
//	B(A, 0) = 1,  B(A, k) = A·B(A, k−1) / (k + A·B(A, k−1))
//
// and the throttle rate is Σ λ_h·B_h / Σ λ_h. The function's p99
// concurrency is the largest hourly 99th percentile of Poisson(A_h);
// reserved usage is that over its reservation. Provisioned instances serve
// first, so their utilisation is Σ_h E[min(N_h, k)] / (24·k). Bursts within
// an hour beyond Poisson's are not modelled; the daily profile carries the
// day's shape.
package targets
