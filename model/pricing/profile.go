package pricing

import "sort"

// Architecture is a Lambda instruction set.
type Architecture string

// The architectures Lambda runs.
const (
	X86_64 Architecture = "x86_64"
	ARM64  Architecture = "arm64"
)

// Architectures lists the instruction sets Lambda runs.
func Architectures() []Architecture { return []Architecture{X86_64, ARM64} }

// APIType is the kind of API Gateway API in front of a function.
type APIType string

// The API Gateway products.
const (
	RESTAPI APIType = "rest"
	HTTPAPI APIType = "http"
)

// LambdaPrices are the prices of one architecture.
type LambdaPrices struct {
	// Request is the price of one invocation.
	Request Price `json:"request"`
	// Duration is the on-demand price per GB-second, tiered by the
	// account's monthly GB-seconds of that architecture.
	Duration TieredPrice `json:"duration"`
	// ProvisionedCapacity is the price per GB-second that provisioned
	// concurrency stays configured, busy or not.
	ProvisionedCapacity Price `json:"provisioned_capacity"`
	// ProvisionedDuration is the price per GB-second of executions served by
	// provisioned concurrency (ignored when the profile bills them on demand).
	ProvisionedDuration Price `json:"provisioned_duration"`
	// EphemeralStorage is the price per GB-second of /tmp above the free 512 MB.
	EphemeralStorage Price `json:"ephemeral_storage"`
}

// FreeTier is the monthly allowance an account gets before Lambda charges:
// it is shared by all functions of the account.
type FreeTier struct {
	Requests  Price `json:"requests"`
	GBSeconds Price `json:"gb_seconds"`
}

// DynamoDBPrices price provisioned-capacity DynamoDB tables.
type DynamoDBPrices struct {
	ReadCapacityUnitHour  Price `json:"read_capacity_unit_hour"`
	WriteCapacityUnitHour Price `json:"write_capacity_unit_hour"`
	StorageGBMonth        Price `json:"storage_gb_month"`
}

// S3Prices price S3 Standard storage and requests.
type S3Prices struct {
	StorageGBMonth Price `json:"storage_gb_month"`
	Request        Price `json:"request"`
}

// Profile is one complete set of prices a scenario can be priced with.
// Profiles live in a read-only catalogue; callers must not modify them.
type Profile struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// HoursPerMonth is the length of the billing month in hours.
	HoursPerMonth Price                         `json:"hours_per_month"`
	Lambda        map[Architecture]LambdaPrices `json:"lambda"`
	FreeTier      FreeTier                      `json:"free_tier"`
	// ProvisionedExecutionOnDemand: executions on provisioned concurrency are
	// billed at the on-demand duration price (the spec's convention) instead
	// of ProvisionedDuration.
	ProvisionedExecutionOnDemand bool `json:"provisioned_execution_on_demand"`
	// ReservedBilledAsProvisioned: reserved concurrency is billed as if it
	// were provisioned (the spec's convention). On AWS reserving concurrency
	// is free.
	ReservedBilledAsProvisioned bool                    `json:"reserved_billed_as_provisioned"`
	APIGateway                  map[APIType]TieredPrice `json:"api_gateway"`
	CloudWatchLogsIngestionGB   Price                   `json:"cloudwatch_logs_ingestion_gb"`
	DynamoDB                    DynamoDBPrices          `json:"dynamodb"`
	S3                          S3Prices                `json:"s3"`
	XRayTrace                   Price                   `json:"xray_trace"`
	// XRayFreeTraces are the traces X-Ray records free each month.
	XRayFreeTraces Price `json:"xray_free_traces"`
	// TraceEveryInvocation: once the application passes 1 million
	// invocations a month, X-Ray records every invocation and Logs Insights
	// is paid for (the spec's convention); otherwise each function's traces
	// follow the scenario's sampling rule and X-Ray's free tier applies.
	TraceEveryInvocation bool `json:"trace_every_invocation"`
	// InitBilled is the share of the INIT phase billed as duration for
	// on-demand cold starts (AWS: all of it since 2025-08-01; provisioned
	// instances initialise outside their requests).
	InitBilled           Price `json:"init_billed"`
	SecretsManagerSecret Price `json:"secrets_manager_secret"`
	// AccountConcurrency is the account's concurrent executions in a
	// region (a quota, not a price; raised on request).
	AccountConcurrency Price `json:"account_concurrency"`
	// Deployment, CodeBuild and LogsInsights are flat monthly allowances for
	// deployment automation, the build pipeline and log analytics.
	Deployment   Price `json:"deployment"`
	CodeBuild    Price `json:"codebuild"`
	LogsInsights Price `json:"logs_insights"`
}

// SecondsPerMonth is HoursPerMonth × 3600.
func (p *Profile) SecondsPerMonth() float64 { return p.HoursPerMonth.Amount * 3600 }

// LookupProfile returns a fresh copy of the catalogue profile with the
// given ID.
func LookupProfile(id string) (*Profile, bool) {
	for _, entry := range catalogue {
		if entry.id == id {
			return entry.build(), true
		}
	}
	return nil, false
}

// Profiles returns a fresh copy of every catalogue profile, in a stable
// order.
func Profiles() []*Profile {
	out := make([]*Profile, len(catalogue))
	for i, entry := range catalogue {
		out[i] = entry.build()
	}
	return out
}

// ProfileIDs lists the IDs of the catalogue's profiles.
func ProfileIDs() []string {
	ids := make([]string, len(catalogue))
	for i, entry := range catalogue {
		ids[i] = entry.id
	}
	return ids
}

// Prices reports whether the profile prices Lambda on a.
func (p *Profile) Prices(a Architecture) bool {
	_, ok := p.Lambda[a]
	return ok
}

// Architectures lists the architectures a profile prices, sorted.
func (p *Profile) Architectures() []Architecture {
	archs := make([]Architecture, 0, len(p.Lambda))
	for a := range p.Lambda {
		archs = append(archs, a)
	}
	sort.Slice(archs, func(i, j int) bool { return archs[i] < archs[j] })
	return archs
}
