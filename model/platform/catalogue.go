package platform

import "planner/model/pricing"

// The platform catalogue. Every figure is data with its source, the day it
// was read and how (first-hand: the vendor's page or docs; second-hand: a
// third party; derived: computed from tagged figures).

const (
	readDate       = "2026-12-03"
	otherPlatforms = "pricing-other-platforms.md"

	azurePricing  = "Azure Functions pricing, East US PAYG (modal.com 2025-05-22; infracost golden eastus)"
	azureGrant    = "Azure Functions pricing page (azure.microsoft.com/pricing/details/functions)"
	azureMeter    = "Azure Stack Hub usage meter D1D04836 'Functions - Compute' (rounding rules)"
	flexDocs      = "MS Learn, Flex Consumption plan and Estimating consumption-based costs"
	flexRates2nd  = "Flex Consumption always-ready rates (several independent third-party tables)"
	flexConcDocs  = "MS Learn, functions-concurrency (HTTP per-instance concurrency defaults)"
	azureIdle     = "oneuptime.com 2026-02-16; dev.to 2021 (unofficial: 'roughly 20 minutes')"
	cloudRunPage  = "Cloud Run pricing (cloud.google.com/run/pricing, scraped 2025-08-19), request-based billing"
	cloudRunTier2 = "infracost golden cloud_run_v2_service_test, europe-west3 (Tier 2 = 1.4 × Tier 1)"
	cloudRunConc  = "Cloud Run docs, about-concurrency (default 80, maximum 1,000)"
	cloudRunIdle  = "Cloud Run docs, about-instance-autoscaling (idle up to 15 minutes), via notes"
	workersPage   = "Cloudflare Workers pricing (developers.cloudflare.com/workers/platform/pricing), Standard usage model"
)

func rate(amount float64, unit, source, hand string) pricing.Price {
	return pricing.Price{Amount: amount, Unit: unit, Source: source, Date: readDate, Hand: hand}
}

// catalogue makes each platform, by ID, in catalogue order (a test checks
// that each makes the platform of its ID).
var catalogue = [...]struct {
	id   string
	make func() *Platform
}{
	{LambdaID, awsLambda}, {"azure-functions-consumption", azureConsumption}, {"azure-functions-flex", azureFlex},
	{"gcp-cloud-run", cloudRun}, {"cloudflare-workers", cloudflareWorkers},
}

// All returns a fresh copy of every platform, in catalogue order.
func All() []*Platform {
	all := make([]*Platform, len(catalogue))
	for i, c := range catalogue {
		all[i] = c.make()
	}
	return all
}

func awsLambda() *Platform {
	return &Platform{
		ID: "aws-lambda", Name: "AWS Lambda",
		Keys: []Key{KeyPlatform, KeyRegion, KeyArchitecture, KeyFreeTier, KeyPeriodHours, KeyInvocations,
			KeyDurationMs, KeyMemoryMb, KeyMinInstances, KeyProvisioned, KeyEphemeralMb},
		Regions:         []string{"us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-1"},
		DefaultMemoryMb: 128, MinMemoryMb: 128, MaxMemoryMb: 10240,
		MaxConcurrency: 1,
		// The scenario's keep-alive is used for Lambda; this is the default.
		IdleMinutes: rate(5, "minutes", "AWS does not publish it; measured 5-7 minutes (the planner's default keep-alive)", "second-hand"),
		CPUPerGB:    rate(1024.0/1769, "vCPU per GB", "Lambda docs, configuration-memory (1,769 MB = 1 vCPU)", "first-hand"),
		Sources:     []string{"AWS Lambda pricing page (aws.amazon.com/lambda/pricing)", "the planner's AWS price profiles"},
	}
}

func azureConsumption() *Platform {
	return &Platform{
		ID: "azure-functions-consumption", Name: "Azure Functions Consumption",
		Keys: []Key{KeyPlatform, KeyRegion, KeyFreeTier, KeyPeriodHours, KeyInvocations, KeyDurationMs,
			KeyMemoryMb},
		Regions:         []string{"eastus"},
		DefaultMemoryMb: 128, MinMemoryMb: 1, MaxMemoryMb: 1536,
		MaxConcurrency: 1,
		IdleMinutes:    rate(20, "minutes", azureIdle, "second-hand"),
		Sources:        []string{azurePricing, azureGrant, azureMeter},
	}
}

func azureFlex() *Platform {
	return &Platform{
		ID: "azure-functions-flex", Name: "Azure Functions Flex Consumption",
		Keys: []Key{KeyPlatform, KeyRegion, KeyFreeTier, KeyPeriodHours, KeyInvocations, KeyDurationMs,
			KeyMemoryMb, KeyConcurrency, KeyAlwaysReady, KeyTraffic},
		Regions:         []string{"eastus"},
		DefaultMemoryMb: 2048, MinMemoryMb: 512, MaxMemoryMb: 4096,
		MemorySizes:    []float64{512, 2048, 4096},
		MaxConcurrency: 1000,
		IdleMinutes:    rate(20, "minutes", azureIdle+", taken for Flex too", "second-hand"),
		// 512 MB: 0.25 cores, 2,048 MB: 1 core, 4,096 MB: 2 cores.
		CPUPerGB: rate(0.5, "vCPU per GB", flexDocs+" (instance sizes)", "first-hand"),
		Sources:  []string{flexDocs, flexRates2nd, flexConcDocs},
	}
}

func cloudRun() *Platform {
	return &Platform{
		ID: "gcp-cloud-run", Name: "Google Cloud Run",
		Keys: []Key{KeyPlatform, KeyRegion, KeyFreeTier, KeyPeriodHours, KeyInvocations, KeyDurationMs,
			KeyMemoryMb, KeyVCPU, KeyConcurrency, KeyMinInstances, KeyTraffic},
		Regions:         append(append([]string{}, cloudRunTier1...), cloudRunTier2Regions...),
		DefaultMemoryMb: 512, MinMemoryMb: 128, MaxMemoryMb: 32768,
		MaxConcurrency: 1000,
		IdleMinutes:    rate(15, "minutes", cloudRunIdle, "second-hand"),
		Sources:        []string{cloudRunPage, cloudRunTier2, cloudRunConc},
	}
}

func cloudflareWorkers() *Platform {
	return &Platform{
		ID: "cloudflare-workers", Name: "Cloudflare Workers",
		Keys:            []Key{KeyPlatform, KeyPeriodHours, KeyInvocations, KeyCPUTimeMs},
		Regions:         []string{"global"},
		DefaultMemoryMb: 128, MinMemoryMb: 128, MaxMemoryMb: 128,
		MaxConcurrency: 1000,
		// Isolates start while the TLS handshake runs; no idle retention to model.
		ColdStartMs: rate(0, "ms", "Cloudflare Workers docs (isolates, no cold starts)", "first-hand"),
		IdleMinutes: rate(0, "minutes", "isolates are not kept per request", "derived"),
		Sources:     []string{workersPage},
	}
}
