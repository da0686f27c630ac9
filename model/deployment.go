package model

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"planner/model/policy"
	"planner/model/pricing"
	"planner/model/spec"
)

// Alias is the alias the exports put provisioned concurrency and its
// scaling on (Application Auto Scaling needs an alias or a version, never
// $LATEST). Users rename it to theirs.
const Alias = "live"

// Deployment is the plan as the infrastructure exports (Terraform, SAM,
// CloudWatch alarms) write it.
type Deployment struct {
	Scenario  string
	Functions []DeployedFunction
	Alarms    []CloudWatchAlarm
	// Skipped are the alert rules with no CloudWatch metric to watch.
	Skipped []string
	// Renamed are scenario names changed into Lambda function names.
	Renamed []string
}

// DeployedFunction is one function's settings and provisioned-concurrency
// plan.
type DeployedFunction struct {
	// Name is the Lambda function name: the scenario's, with characters
	// Lambda refuses replaced by '-' (at most 64).
	Name string
	// ID is a Terraform identifier (snake case) and LogicalID a
	// CloudFormation logical ID (alphanumeric), unique in the export.
	ID, LogicalID string
	MemoryMb      int
	TimeoutS      int // 0: not planned
	EphemeralMb   int
	Architecture  pricing.Architecture
	// Runtime is a current Lambda runtime of the function's language.
	Runtime     string
	Reserved    int // 0: unreserved
	Provisioned int
	Scaling     *Scaling
}

// Scaling is the provisioned-concurrency policy that won the function's
// comparison (policy.Compare): hourly scheduled actions (predictive or
// learned) or target tracking (reactive). Nil when a static level won or
// the function has no provisioned concurrency.
type Scaling struct {
	Policy   string
	Min, Max int
	// Hours are the scheduled actions, at the hours (UTC) the capacity
	// changes.
	Hours []HourCapacity
	// TargetUtilization is the target-tracking utilisation (reactive only).
	TargetUtilization float64
}

// HourCapacity is a scheduled action: from Hour (UTC, daily) on, Capacity
// instances.
type HourCapacity struct{ Hour, Capacity int }

// PlanFunctionPolicies compares the provisioned-concurrency policies of
// every function with provisioned concurrency, on its synthetic history
// (as `planner policies` does), keyed by name. yield is called between
// functions (nil: never).
func PlanFunctionPolicies(s *Scenario, r *Report, yield func()) map[string]*policy.Comparison {
	profile, _ := pricing.LookupProfile(s.Pricing.Profile)
	plans := map[string]*policy.Comparison{}
	for i := range s.Functions {
		f, fr := &s.Functions[i], &r.Functions[i]
		if f.ProvisionedConcurrency == 0 || SimulationTooBusy(fr.Traffic.RequestsPerDay()) != "" {
			continue
		}
		in := PolicyInput(f, SyntheticHistory(f, fr), policyHours, policy.DefaultGuardrails())
		in.Yield = yield
		c := policy.Compare(in, profile, s.ArchitectureOf(f))
		plans[f.Name] = &c
		if yield != nil {
			yield()
		}
	}
	return plans
}

// policyHours are the held-out hours the policies are judged on (and the
// hours planned after the history).
const policyHours = 48

// NewDeployment lays out the export of a valid, evaluated scenario: each
// function's settings, the scaling of its provisioned concurrency from
// plans (PlanFunctionPolicies), and the CloudWatch alarms of its alert
// rules.
func NewDeployment(s *Scenario, r *Report, plans map[string]*policy.Comparison) Deployment {
	d := Deployment{Scenario: s.Name}
	lambdaNames, ids, logical := map[string]bool{}, map[string]bool{}, map[string]bool{}
	alertFns := make([]spec.AlertFunction, len(s.Functions))
	names := make(map[string]string, len(s.Functions))
	for i := range s.Functions {
		f, fr := &s.Functions[i], &r.Functions[i]
		name := unique(lambdaNames, LambdaName(f.Name))
		if name != f.Name {
			d.Renamed = append(d.Renamed, fmt.Sprintf("%q → %s", f.Name, name))
		}
		names[f.Name] = name
		df := DeployedFunction{
			Name: name, ID: unique(ids, terraformID(name)), LogicalID: unique(logical, pascal(name)+"Function"),
			MemoryMb: f.AllocatedMemoryMb, TimeoutS: f.TimeoutSeconds, EphemeralMb: f.EphemeralStorageMb,
			Architecture: s.ArchitectureOf(f), Runtime: spec.CurrentRuntime(f.Runtime),
			Reserved: f.ReservedConcurrency, Provisioned: f.ProvisionedConcurrency,
		}
		if c := plans[f.Name]; c != nil && f.ProvisionedConcurrency > 0 {
			df.Scaling = scalingOf(c, f, fr, len(SyntheticHistory(f, fr))%hoursPerDay)
		}
		d.Functions = append(d.Functions, df)
		alertFns[i] = alertFunction(f)
	}
	profile, _ := pricing.LookupProfile(s.Pricing.Profile)
	for _, rule := range spec.AlertRules(alertFns) {
		if alarm, ok := cloudWatchAlarm(rule, names[rule.Function], profile); ok {
			short := strings.TrimPrefix(alarm.Name, "planner-")
			alarm.ID, alarm.LogicalID = unique(ids, terraformID(short)), unique(logical, pascal(short)+"Alarm")
			d.Alarms = append(d.Alarms, alarm)
		} else {
			d.Skipped = append(d.Skipped, rule.Alert().Name+" ("+skipReason[rule.Kind]+")")
		}
	}
	return d
}

// alertFunction is what the alert rules know of a function.
func alertFunction(f *Function) spec.AlertFunction {
	return spec.AlertFunction{Name: f.Name, Type: f.Type, Criticality: f.Criticality, ReservedConcurrency: float64(f.ReservedConcurrency)}
}

// scalingOf turns the winning policy into scaling: the first planned day
// as scheduled actions, or target tracking between the provisioned level
// and the burst concurrency. firstHour is the UTC hour of the plan's first
// hour.
func scalingOf(c *policy.Comparison, f *Function, fr *FunctionReport, firstHour int) *Scaling {
	switch c.Recommended {
	case "reactive":
		peak := int(math.Ceil(fr.ExecutionCapacity.ExecutionAnalysis.BurstConcurrentExecutions))
		return &Scaling{Policy: c.Recommended, Min: f.ProvisionedConcurrency, Max: max(f.ProvisionedConcurrency, peak), TargetUtilization: policy.TargetUtilization}
	case "static":
		return nil
	}
	if len(c.NextSchedule) < hoursPerDay {
		return nil
	}
	day := make([]int, hoursPerDay)
	for h := range day {
		day[(firstHour+h)%hoursPerDay] = c.NextSchedule[h]
	}
	if slices.Min(day) == slices.Max(day) {
		return nil
	}
	sc := &Scaling{Policy: c.Recommended, Min: slices.Min(day), Max: max(slices.Max(day), f.ProvisionedConcurrency)}
	for h, n := range day {
		if h == 0 || n != day[h-1] {
			sc.Hours = append(sc.Hours, HourCapacity{h, n})
		}
	}
	return sc
}

// maxLambdaName is the longest function name Lambda takes.
const maxLambdaName = 64

// LambdaName is name as a Lambda function name: letters, digits, '-' and
// '_' kept, anything else '-', at most 64 characters ("fn" when nothing is
// left).
func LambdaName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if b.Len() >= maxLambdaName {
			break
		}
		if r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	if strings.Trim(b.String(), "-") == "" {
		return "fn"
	}
	return b.String()
}

// terraformID is a Lambda name as a Terraform identifier: '-' → '_', and
// a leading digit prefixed with "fn_".
func terraformID(name string) string {
	id := strings.ReplaceAll(name, "-", "_")
	if id[0] >= '0' && id[0] <= '9' {
		id = "fn_" + id
	}
	return id
}

// pascal is a name as a CloudFormation logical ID: alphanumeric, words
// capitalised ("user_auth-p95" → "UserAuthP95").
func pascal(name string) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		if r == '-' || r == '_' {
			upper = true
			continue
		}
		if upper && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		upper = false
		b.WriteRune(r)
	}
	return b.String()
}

// unique returns id, or id with the first free "2", "3" … appended, and
// marks it used.
func unique(used map[string]bool, id string) string {
	out := id
	for n := 2; used[out]; n++ {
		out = fmt.Sprintf("%s%d", id, n)
	}
	used[out] = true
	return out
}
