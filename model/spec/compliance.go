package spec

// ComplianceRequirement is a regulation a function is audited against.
type ComplianceRequirement string

// The compliance regimes the model knows.
const (
	PCIDSS ComplianceRequirement = "PCI-DSS"
	SOX    ComplianceRequirement = "SOX"
	GDPR   ComplianceRequirement = "GDPR"
	CCPA   ComplianceRequirement = "CCPA"
	HIPAA  ComplianceRequirement = "HIPAA"
)

// ComplianceRequirements lists the known regimes.
func ComplianceRequirements() [5]ComplianceRequirement {
	return [5]ComplianceRequirement{PCIDSS, SOX, GDPR, CCPA, HIPAA}
}

// Compliance is the regulated-industry option of the infrastructure model
// (the spec's banking model, generalised): an overhead on compute for audited
// functions, per-invocation monitoring, and fixed extra services.
type Compliance struct {
	// Enabled turns the option on.
	Enabled bool `json:"enabled" jsonschema:"title=Regulated workload,default=false"`
	// PCIOverheadPercent is the compute overhead of PCI-DSS functions.
	PCIOverheadPercent float64 `json:"pci_overhead_percent" jsonschema:"title=PCI-DSS overhead,minimum=0,maximum=1000,default=30" jsonschema_extras:"x-unit=% of compute"`
	// GeneralOverheadPercent is the compute overhead of every other function.
	GeneralOverheadPercent float64 `json:"general_overhead_percent" jsonschema:"title=General compliance overhead,minimum=0,maximum=1000,default=10" jsonschema_extras:"x-unit=% of compute"`
	// MonitoringCostPerInvocation is enhanced monitoring and tracing, USD per invocation.
	MonitoringCostPerInvocation float64 `json:"monitoring_cost_per_invocation" jsonschema:"title=Enhanced monitoring,minimum=0,maximum=1,default=0.0000001" jsonschema_extras:"x-unit=USD per invocation"`
	// AdditionalServices are fixed monthly services (WAF, audit, DR, …).
	AdditionalServices []FixedService `json:"additional_services" jsonschema:"title=Additional services"`
}

// FixedService is a service billed at a flat monthly amount.
type FixedService struct {
	Name        string  `json:"name" jsonschema:"title=Service,minLength=1,maxLength=120"`
	MonthlyCost float64 `json:"monthly_cost" jsonschema:"title=Monthly cost,minimum=0,maximum=1e15" jsonschema_extras:"x-unit=USD per month"`
}

// DefaultCompliance is the spec's banking overheads, switched off.
func DefaultCompliance() Compliance {
	return Compliance{PCIOverheadPercent: 30, GeneralOverheadPercent: 10, MonitoringCostPerInvocation: 0.0000001}
}

// ComplianceCost is one function's compliance overhead, USD per month.
type ComplianceCost struct {
	ComplianceCost float64
	MonitoringCost float64
}

// CalculateComplianceCost applies the compliance option to one function:
//
//	compliance = compute × (PCI % if PCI-DSS applies, else general %) / 100
//	monitoring = invocations × monitoring cost per invocation
func CalculateComplianceCost(c Compliance, requirements []ComplianceRequirement, computeCost, invocations float64) ComplianceCost {
	if !c.Enabled {
		return ComplianceCost{}
	}
	overhead := c.GeneralOverheadPercent
	for _, r := range requirements {
		if r == PCIDSS {
			overhead = c.PCIOverheadPercent
			break
		}
	}
	return ComplianceCost{
		ComplianceCost: computeCost * overhead / 100,
		MonitoringCost: invocations * c.MonitoringCostPerInvocation,
	}
}

// AdditionalServicesCost is the sum of the fixed services, USD per month.
func (c Compliance) AdditionalServicesCost() float64 {
	if !c.Enabled {
		return 0
	}
	total := 0.0
	for _, s := range c.AdditionalServices {
		total += s.MonthlyCost
	}
	return total
}

// ComplianceIDs lists the requirements a function may name.
func ComplianceIDs() []string {
	known := ComplianceRequirements()
	ids := make([]string, len(known))
	for i, c := range known {
		ids[i] = string(c)
	}
	return ids
}
