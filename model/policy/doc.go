// Package policy compares provisioned-concurrency policies: hour by hour,
// how many instances to keep warm, judged by simulating the hours each
// policy did not see.
//
// # Policies (Compare)
//
// From an hourly history, the last EvaluationHours are held out. Each policy
// sets a schedule from what it could know before them:
//
//	static     : ⌈0.8 × peak concurrency⌉ of the training history, all day
//	reactive   : ⌈concurrency of the previous hour / 0.7⌉ (target tracking, one hour late)
//	predictive : ⌈concurrency of the forecast's upper 95% band (package forecast) / 0.7⌉
//	learned    : tabular Q-learning over (hour, forecast level), actions 0–2× the
//	             forecast concurrency, rewarded by cost plus $1 a cold start
//	             from the keep-alive model's single rate (package keepalive)
//
// where concurrency = requests per hour / 3600 × s_warm. Every schedule passes the
// guardrails (at most ±50% an hour by default, with at least one instance of
// step; minimum and maximum; shadow mode runs without), then the held-out
// hours are simulated (package simulate: lognormal durations with p95 twice
// the mean, the keep-alive, Lambda's account concurrency and scaling limits)
// and priced. The cheapest policy whose cold-start rate is no worse than the
// static one's is recommended, and its schedule is planned for the next 48
// hours from the whole history.
//
// # Assumptions
//
// Traffic within an hour is Poisson at the hour's mean; the learner's reward
// uses the single-rate keep-alive model (microseconds a solve) rather than
// the full one. Results are seeded and reproducible.
//
// Validated by tests that the guardrails hold hour by hour, that the
// recommendation meets its own rule, and that the plan follows the last
// applied hour.
package policy
