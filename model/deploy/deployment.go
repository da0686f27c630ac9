package deploy

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"planner/model/policy"
	"planner/model/pricing"
)

// Alias is the alias the exports put provisioned concurrency and its
// scaling on (Application Auto Scaling needs an alias or a version, never
// $LATEST). Users rename it to theirs.
const Alias = "live"

// ByHour names the scaling of a function whose provisioned concurrency is
// given by hour of the day.
const ByHour = "by hour"

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

// Scaling is the function's provisioned concurrency by hour of the day
// (policy "by hour"), or the policy that won its comparison
// (policy.Compare): hourly scheduled actions (predictive or learned) or
// target tracking (reactive). Nil when a static level won or the function
// has no provisioned concurrency.
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

// ScalingOf turns the policy that won a function's comparison into
// scaling: the first planned day as scheduled actions, or target tracking
// between the provisioned level and the burst concurrency (instances).
// firstHour is the UTC hour of the plan's first hour. Nil for a static
// level or a plan that does not change.
func ScalingOf(c *policy.Comparison, provisioned int, burst float64, firstHour int) *Scaling {
	switch c.Recommended {
	case "reactive":
		peak := int(math.Ceil(burst))
		return &Scaling{Policy: c.Recommended, Min: provisioned, Max: max(provisioned, peak), TargetUtilization: policy.TargetUtilization}
	case "static":
		return nil
	}
	if len(c.NextSchedule) < HoursPerDay {
		return nil
	}
	day := make([]int, HoursPerDay)
	for h := range day {
		day[(firstHour+h)%HoursPerDay] = c.NextSchedule[h]
	}
	return DailySchedule(c.Recommended, day, provisioned)
}

// DailySchedule is the scaling called name of a day's provisioned
// instances by hour (UTC, hour 0 first): scheduled actions at the hours the
// capacity changes, between the day's least and the larger of its most and
// provisioned. Nil for a day that does not change.
func DailySchedule(name string, day []int, provisioned int) *Scaling {
	if len(day) != HoursPerDay || slices.Min(day) == slices.Max(day) {
		return nil
	}
	sc := &Scaling{Policy: name, Min: slices.Min(day), Max: max(slices.Max(day), provisioned)}
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

// Namer gives each function and alarm of an export its Lambda name and
// identifiers, unique in the export.
type Namer struct{ lambda, ids, logical map[string]bool }

// NewNamer starts an export's names.
func NewNamer() *Namer {
	return &Namer{lambda: map[string]bool{}, ids: map[string]bool{}, logical: map[string]bool{}}
}

// Function names a function: its Lambda name, Terraform identifier and
// CloudFormation logical ID.
func (n *Namer) Function(name string) (lambda, id, logical string) {
	lambda = unique(n.lambda, LambdaName(name))
	return lambda, unique(n.ids, terraformID(lambda)), unique(n.logical, pascal(lambda)+"Function")
}

// Alarm gives an alarm its Terraform identifier and logical ID.
func (n *Namer) Alarm(a *CloudWatchAlarm) {
	short := strings.TrimPrefix(a.Name, "planner-")
	a.ID, a.LogicalID = unique(n.ids, terraformID(short)), unique(n.logical, pascal(short)+"Alarm")
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

// HoursPerDay is the length of a daily plan.
const HoursPerDay = 24
