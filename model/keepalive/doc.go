// Package keepalive is the cold-start model from first principles: how
// often a request starts cold, and how many instances a function keeps
// alive, on a platform that scales per request and keeps idle instances warm
// for a keep-alive.
//
// # Model
//
// Poisson arrivals at λ per second; one request per instance at a time; an
// idle instance is kept warm for T (the keep-alive) and then stopped; c
// provisioned instances are always warm and take requests first; a request
// goes to the most recently used idle instance, else starts a new instance
// cold. Warm requests take s_warm, cold ones s_cold (both means, seconds).
//
// The busy count N(t) is an M/G/∞ queue, N ~ Poisson(ρ), ρ = λ·s̄, modelled
// as the birth–death chain with up-rate λ and down-rate n/s̄. Idle instances
// form a stack, so the k-th instance is alive exactly when N reached k within
// the last T (or k ≤ c):
//
//	instances      = c + Σ_{k>c} P(max_{[t−T,t]} N ≥ k)
//	P(max_T N ≤ m) = Σ_{j≤m} π_j · P_j(N stays ≤ m for T)        (reversibility)
//	P(cold)        = Σ_{n≥c} π_n · P_n(N stays ≤ n for T)         (PASTA)
//	running        = λ·s̄ (Little's Law),  idle = instances − running
//	s̄              = s_warm + P(cold)·(s_cold − s_warm)           (fixed point)
//
// P_j(stay ≤ m for T) is exact by uniformization of the chain killed above
// m, or, for long windows, from the chain's slowest mode (inverse iteration
// on the tridiagonal generator; exact to e^{−T/s̄}). For rare requests
// (λT tiny) the model is P(cold) = e^{−λ(T+s)}.
//
// A cold request holds its instance for s_cold and starts exactly at a new
// maximum of N, so where another arrival within s_cold − s_warm is likely
// (λ(s_cold − s_warm) ≥ 0.01) and ρ ≤ 40, the chain also counts the busy cold
// requests (state (n, k); cold requests run on on-demand instances, so k cold
// requests busy mean at least k on-demand instances alive). Above ρ = 40,
// where T ≥ 2·s_cold and s_cold ≥ 1.25·s_warm, the factor that chain applies
// to P(cold) at ρ₀ = 36 is carried over by the diffusion scaling (P(cold)
// ∝ 1/√ρ). Above ρ = 200 the chain is solved at 50 and 200 and extrapolated
// by the diffusion limit (instances above the mean grow as √ρ, P(cold) falls
// as 1/√ρ). Result.Method names the path taken.
//
// SolveDay applies the model to each hour of a day at its own steady state
// (the keep-alive is short against an hour) and weights the hours by their
// requests.
//
// # Validation
//
//   - The 20 AWS Lambda experiments (internal/awsdata): P(cold) MAPE 12.84%,
//     instances MAPE 3.06%. An exact simulation of the same platform scores
//     13.0% / 3.0% there; the measurements' own standard error is about 10%.
//   - Against the simulator (package simulate): AWS-like durations, 48 random
//     configurations, P(cold) mean absolute error 1.00%, instances 0.13%; a
//     broad random set (0.05–50 req/s, cold 1–20× warm, 0–10 provisioned,
//     57 configurations) 2.21% / 0.26%; one provisioned instance with 4 s
//     cold starts and 3–12 s keep-alives within 1%.
//   - The diffusion scaling is within 1.2% of the full chain up to ρ = 2,000.
//
// # Where it is weakest
//
// The cold-class chain's chance of a cold start depends on the busy and
// busy-cold counts only, not on the path: with 200 ms warm requests, 10 s cold
// starts and keep-alives of 5–10 s at 10 requests/s it is 18–32% low on
// P(cold) (instances 1–5% low). Above ρ = 40 with slow cold starts the carried
// factor leaves P(cold) 4–5.5% low on average (60 configurations, ρ 40–500).
//
// Sources: the AWS measurements of ../shared/reference/data; the method is
// uniformization of a continuous-time Markov chain and the spectral
// decomposition of birth–death chains.
package keepalive
