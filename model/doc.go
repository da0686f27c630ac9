// Package model is the planner's model of a scenario: the Scenario and its
// validation, the evaluation that composes the domain packages into one
// Report, the spec's `planner calc` models, share links and exports, and
// the other tools' files: AWS accounts and Power Tuning results read into a
// scenario (ImportAWS, PowerTuningMeasurements), the plan written as
// Terraform, SAM and CloudWatch alarms (NewDeployment, WriteTerraform,
// WriteSAM, CloudWatchAlarmsJSON).
//
// The models themselves live in domain packages that know no scenario, each
// documented with its formulas, assumptions and validation:
//
//	planner/model/spec       the capacity model's own formulas (parity with the spec)
//	planner/model/pricing    the price catalogue and the bills computed from it
//	planner/model/keepalive  cold starts and instances from first principles
//	planner/model/simulate   the discrete-event simulator
//	planner/model/forecast   forecasting and anomaly detection
//	planner/model/policy     provisioned-concurrency policies
//	planner/model/powertuning  AWS Lambda Power Tuning's results and links
//	planner/model/awscli     what the AWS CLI prints of functions, concurrency and metrics
//
// It is pure Go: it imports neither go-app nor syscall/js, holds no mutable
// global state (the price catalogue is read-only) and is deterministic, so the
// browser (WebAssembly) and the native CLI give the same numbers.
//
// Units are part of every name: _ms milliseconds, _mb megabytes (MiB, as
// Lambda counts them), _gb gigabytes (memory_mb / 1024), costs in USD per
// month unless a name says otherwise.
package model
