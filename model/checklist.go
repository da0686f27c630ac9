package model

import (
	"fmt"

	"planner/model/spec"
	"planner/model/targets"
)

// ChecklistItem is one step of the spec's implementation checklist (its
// five phases), with what the plan already says of it.
type ChecklistItem struct {
	ID    string `json:"id"`
	Phase string `json:"phase"`
	Text  string `json:"text"`
	// View is the planner's view that answers it ("": none does).
	View string `json:"view,omitempty"`
	// Done is the user's tick, kept in the scenario's checklist.
	Done bool `json:"done"`
	// Answer is what the plan says of it, where it says something.
	Answer string `json:"answer,omitempty"`
}

// checklistStep is an item and how the plan answers it.
type checklistStep struct {
	id, phase, text, view string
	answer                func(*Scenario, *Report) string
}

// The phases of the spec's checklist.
const (
	phaseAssess   = "1. Serverless assessment"
	phaseDesign   = "2. Function design"
	phaseDeploy   = "3. Infrastructure deployment"
	phaseOptimize = "4. Performance optimization"
	phaseValidate = "5. Production validation"
)

// checklistSteps are the spec's 25 items in order.
func checklistSteps() []checklistStep {
	return []checklistStep{
		{"assess-traffic", phaseAssess, "Analyze current application requirements and traffic patterns", "application", answerTraffic},
		{"assess-capacity", phaseAssess, "Calculate function execution capacity using mathematical models", "function", answerCapacity},
		{"assess-memory", phaseAssess, "Determine optimal memory allocation and timeout settings", "optimize", answerMemory},
		{"assess-cold-starts", phaseAssess, "Plan cold start optimization strategy", "optimize", answerColdStarts},
		{"assess-costs", phaseAssess, "Estimate complete infrastructure costs", "application", answerCosts},
		{"design-granularity", phaseDesign, "Design function architecture with optimal granularity", "", nil},
		{"design-memory", phaseDesign, "Configure memory allocation based on performance testing", "function", answerMeasured},
		{"design-cold-starts", phaseDesign, "Implement cold start optimization (provisioned concurrency/warm-up)", "optimize", answerProvisioned},
		{"design-errors", phaseDesign, "Set up proper error handling and retry mechanisms", "", nil},
		{"design-events", phaseDesign, "Design event-driven architecture with appropriate triggers", "", nil},
		{"deploy-capacity", phaseDeploy, "Deploy functions with calculated capacity settings", "scenarios", answerExport},
		{"deploy-reserved", phaseDeploy, "Configure reserved concurrency for critical functions", "optimize", answerReserved},
		{"deploy-services", phaseDeploy, "Set up supporting services (API Gateway, DynamoDB, S3)", "application", answerServices},
		{"deploy-monitoring", phaseDeploy, "Implement monitoring and logging infrastructure", "alerts", answerAlerts},
		{"deploy-security", phaseDeploy, "Configure security policies and access controls", "", nil},
		{"optimize-load-test", phaseOptimize, "Performance test functions under realistic load", "", nil},
		{"optimize-memory", phaseOptimize, "Optimize memory allocation based on actual usage patterns", "function", answerMemoryUse},
		{"optimize-cold-starts", phaseOptimize, "Fine-tune cold start mitigation strategies", "function", answerColdStartModel},
		{"optimize-pooling", phaseOptimize, "Implement connection pooling and caching where appropriate", "", nil},
		{"optimize-packages", phaseOptimize, "Optimize function package sizes and dependencies", "function", answerPackages},
		{"validate-sla", phaseValidate, "Validate performance meets SLA requirements", "optimize", answerTargets},
		{"validate-spikes", phaseValidate, "Test auto-scaling behavior under traffic spikes", "function", answerBursts},
		{"validate-costs", phaseValidate, "Verify cost projections against actual usage", "application", answerProjections},
		{"validate-alerts", phaseValidate, "Validate monitoring and alerting effectiveness", "alerts", nil},
		{"validate-docs", phaseValidate, "Document operational procedures and capacity planning", "", answerReport},
	}
}

// ChecklistIDs lists the checklist's item IDs in order (the schema's enum
// of a scenario's ticked items).
func ChecklistIDs() []string {
	steps := checklistSteps()
	out := make([]string, len(steps))
	for i, st := range steps {
		out[i] = st.id
	}
	return out
}

// checklistOf is the checklist with the scenario's ticks and the report's
// answers.
func checklistOf(s *Scenario, r *Report) []ChecklistItem {
	done := make(map[string]bool, len(s.Checklist))
	for _, id := range s.Checklist {
		done[id] = true
	}
	steps := checklistSteps()
	out := make([]ChecklistItem, len(steps))
	for i, st := range steps {
		out[i] = ChecklistItem{ID: st.id, Phase: st.phase, Text: st.text, View: st.view, Done: done[st.id]}
		if st.answer != nil {
			out[i].Answer = st.answer(s, r)
		}
	}
	return out
}

func answerTraffic(s *Scenario, r *Report) string {
	return fmt.Sprintf("%d functions, %s invocations a month (traffic by hour in each function's profile).",
		len(s.Functions), GroupDigits(fmt.Sprintf("%.0f", r.TotalSummary.TotalMonthlyInvocations)))
}

func answerCapacity(_ *Scenario, r *Report) string {
	return fmt.Sprintf("Peak concurrency p99 %d of the account's %d (busiest hour, every function).", r.Account.PeakP99Concurrency, r.Account.Limit)
}

func answerMemory(s *Scenario, r *Report) string {
	if !s.Pricing.OnLambda() {
		return "Memory sizes are modelled on AWS Lambda, where CPU follows memory; these functions run on " + r.Pricing.PlatformName + " at the memory given (Clouds shows them on AWS Lambda)."
	}
	at := 0
	for i := range r.Functions {
		if float64(s.Functions[i].AllocatedMemoryMb) == r.Functions[i].MemoryChoice.CheapestFitMb {
			at++
		}
	}
	return fmt.Sprintf("%d of %d functions are at the cheapest size of their memory table that meets their targets; goal seek (Optimize) tries every 64 MB.", at, len(s.Functions))
}

func answerColdStarts(_ *Scenario, r *Report) string {
	with, met := 0, 0
	for i := range r.Functions {
		for _, sc := range r.Functions[i].Scorecard.Scores {
			if sc.KPI == targets.ColdStartRate && sc.Required {
				with++
				if sc.Met {
					met++
				}
			}
		}
	}
	return fmt.Sprintf("%d of %d functions with a cold-start target meet it.", met, with)
}

func answerCosts(_ *Scenario, r *Report) string {
	return fmt.Sprintf("$%s a month, services and global services included.", GroupDigits(fmt.Sprintf("%.2f", r.TotalSummary.TotalMonthlyCost)))
}

func answerMeasured(s *Scenario, _ *Report) string {
	n := 0
	for i := range s.Functions {
		if len(s.Functions[i].ExecutionTimesByMemory) > 0 {
			n++
		}
	}
	return fmt.Sprintf("%d of %d functions have durations measured at other sizes (Power Tuning).", n, len(s.Functions))
}

func answerProvisioned(s *Scenario, _ *Report) string {
	n := 0
	for i := range s.Functions {
		if s.Functions[i].ProvisionedPeak() > 0 {
			n++
		}
	}
	return fmt.Sprintf("%d of %d functions have provisioned concurrency.", n, len(s.Functions))
}

func answerExport(s *Scenario, r *Report) string {
	if !s.Pricing.OnLambda() {
		return "Infrastructure code (Terraform, SAM, CloudWatch alarms) is written for AWS Lambda; these functions run on " + r.Pricing.PlatformName + "."
	}
	return "Export the plan as Terraform, a SAM template or CloudWatch alarms in Scenarios."
}

func answerReserved(s *Scenario, _ *Report) string {
	critical, reserved := 0, 0
	for i := range s.Functions {
		if c := s.Functions[i].Criticality; c == spec.HighCriticality || c == spec.CriticalCriticality {
			critical++
			if s.Functions[i].ReservedConcurrency > 0 {
				reserved++
			}
		}
	}
	return fmt.Sprintf("%d of %d high- or critical-criticality functions have reserved concurrency.", reserved, critical)
}

func answerServices(s *Scenario, _ *Report) string {
	api, db, s3 := 0, 0, 0
	for i := range s.Functions {
		f := &s.Functions[i]
		api += boolCount(f.APIGatewayEnabled)
		db += boolCount(f.DynamoDBEnabled)
		s3 += boolCount(f.S3Enabled)
	}
	return fmt.Sprintf("API Gateway on %d, DynamoDB on %d, S3 on %d functions.", api, db, s3)
}

func answerAlerts(_ *Scenario, r *Report) string {
	return fmt.Sprintf("%d alert rules (%d critical) at the functions' targets.", r.AlertCounts.Rules, r.AlertCounts.Critical)
}

func answerMemoryUse(s *Scenario, _ *Report) string {
	low := 0
	for i := range s.Functions {
		if s.Functions[i].ActualMemoryUsageMb < 0.7*float64(s.Functions[i].AllocatedMemoryMb) {
			low++
		}
	}
	return fmt.Sprintf("%d of %d functions use less than 70%% of their memory.", low, len(s.Functions))
}

func answerColdStartModel(_ *Scenario, r *Report) string {
	n := 0
	for i := range r.Functions {
		if r.Functions[i].ColdStartRate.Method != ColdStartReference {
			n++
		}
	}
	return fmt.Sprintf("%d of %d functions take their cold-start rate from their traffic (keep-alive model or simulation).", n, len(r.Functions))
}

func answerPackages(s *Scenario, _ *Report) string {
	largest, name := 0.0, ""
	for i := range s.Functions {
		if s.Functions[i].DeploymentSizeMb > largest {
			largest, name = s.Functions[i].DeploymentSizeMb, s.Functions[i].Name
		}
	}
	if name == "" {
		return ""
	}
	return fmt.Sprintf("The largest package is %g MB (%s).", largest, name)
}

func answerTargets(_ *Scenario, r *Report) string {
	met := 0
	for i := range r.Functions {
		met += boolCount(r.Functions[i].Scorecard.Met)
	}
	return fmt.Sprintf("%d of %d functions meet every target the models compute.", met, len(r.Functions))
}

func answerBursts(_ *Scenario, r *Report) string {
	return fmt.Sprintf("Bursts add up to %s concurrent executions (each function's burst multiplier).",
		GroupDigits(fmt.Sprintf("%.0f", r.TotalSummary.PeakConcurrentExecutions)))
}

func answerProjections(*Scenario, *Report) string {
	return "Projections to 10× in Application; import CloudWatch metrics (Scenarios) to set the scenario from actual usage."
}

func answerReport(*Scenario, *Report) string {
	return "The Markdown report (Scenarios) records the plan, its targets and this checklist."
}

func boolCount(b bool) int {
	if b {
		return 1
	}
	return 0
}
