// Package pricing is the price catalogue and the bills computed from it:
// Lambda requests, duration (tiered by the account's monthly GB-seconds),
// provisioned concurrency, ephemeral storage and the account-wide free tier,
// and the supporting and global services.
//
// Every price is data: a Price carries its amount, unit, source and the day
// it was read (catalogue.go); formulas hold no price of their own. Profiles
// are built afresh by LookupProfile, so no caller can change the prices
// another sees. The `reference` profile holds exactly the spec's constants
// (a 720-hour month, reserved concurrency billed as provisioned, no free
// tier); `aws-us-east-1` holds AWS list prices (730-hour month, the AWS
// Pricing Calculator's convention).
//
// # Lambda (PriceLambda)
//
// For functions i with memory m_i (GB), mean duration d_i (s) and n_i
// invocations a month, P_i provisioned instances:
//
//	gbs_i         = m_i × d_i × n_i
//	pcCap_i       = P_i × m_i × seconds per month
//	pcExec_i      = min(gbs_i, pcCap_i)          (0 where the profile bills them on demand)
//	provisioned_i = pcCap_i × capacity rate + pcExec_i × provisioned duration rate
//	compute_i     = (gbs_i − pcExec_i − free_i) × tiered(B) / B    B: the account's on-demand GB-s
//	requests_i    = (n_i − free requests_i) × request rate
//	ephemeral_i   = max(0, storage_mb − 512)/1024 × d_i × n_i × ephemeral rate
//
// The free tier is account-wide and for functions without provisioned
// concurrency only, shared in proportion to their on-demand use; the duration
// tiers count the account's billable on-demand GB-seconds B, so every function
// pays the blended rate tiered(B)/B.
//
// # Services (CalculateSupportingServices, CalculateGlobalServices)
//
//	api_gateway = invocations × blended rate (tiers on the account's total requests per API type)
//	logs        = GB × ingestion price;  dynamodb = (RCU·RCU-h + WCU·WCU-h) × hours + GB × GB-month
//	s3          = GB × GB-month + requests × request price
//	global      = deployment + CodeBuild + secrets × secret price + Logs Insights above 1M invocations
//	              + (traces − free traces)⁺ × trace price
//	traces      = Σ_functions Σ_hours 3600 (r + fixed rate × (λ_h − r)) × days,
//	              r = E[min(N, reservoir)], N ~ Poisson(λ_h) a second   (X-Ray's sampling rule)
//
// The reference profile keeps the spec's convention instead: every
// invocation traced once the application passes 1 million a month, no free
// tier. INIT: since 2025-08-01 AWS bills the INIT phase of on-demand cold
// starts as duration (the profile's InitBilled share), which the reference
// profile does not.
//
// Validated against the AWS pricing page's and operator guide's worked
// examples (model/calc_lambdacost_test.go: 512 MB × 3 million × 1 s =
// $18.34 + $0.40; the memory table at 128–1,024 MB within 0.1%) and list
// prices written out independently of the catalogue.
//
// Sources: ../shared/reference/pricing.md, each price's Source and Date.
package pricing
