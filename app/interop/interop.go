// Package interop is the planner's work with other tools' files that the
// page hands to a Web Worker: an account's AWS CLI outputs read into a
// scenario, and the plan written as Terraform, a SAM template or CloudWatch
// alarms (which compares provisioned-concurrency policies: seconds of
// work). The worker (interop/worker) runs this package as its own small
// WebAssembly module, loaded the first time it is needed, so the page's
// app.wasm carries none of it and the page never waits on it.
package interop

import (
	"encoding/json"
	"io"
	"strings"

	"planner/model"
	"planner/model/deploy"
	"planner/model/forecast"
	"planner/model/platform"
	"planner/model/policy"
	"planner/model/powertuning"
	"planner/model/pricing"
)

// The operations a request asks for.
const (
	OpImportAWS   = "import-aws"
	OpExport      = "export"
	OpPowerTuning = "power-tuning"
	OpForecast    = "forecast"
	OpPolicies    = "policies"
	OpClouds      = "clouds"
	OpReport      = "report"
	OpHistory     = "history"
	OpTune        = "tune"
)

// Export formats: the plan's infrastructure (OpExport), and the report's
// (OpReport).
const (
	FormatTerraform        = "terraform"
	FormatSAM              = "sam"
	FormatCloudWatchAlarms = "cloudwatch-alarms"
	FormatReportCSV        = "report-csv"
	FormatReportMarkdown   = "report-markdown"
	FormatPrometheusRules  = "prometheus-rules"
)

// File is a file's name and text.
type File struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// Request is one job: import an account's files, or export a scenario.
type Request struct {
	Op string `json:"op"`
	// Files are the AWS CLI outputs to import.
	Files []File `json:"files,omitempty"`
	// Scenario and Format are what to export, and how.
	Scenario json.RawMessage `json:"scenario,omitempty"`
	Format   string          `json:"format,omitempty"`
	// Report is the report the page shows, to write in Format.
	Report *model.Report `json:"report,omitempty"`
	// Function and Architecture are the function Power Tuning results
	// (Files[0]) measure, and the architecture it runs on.
	Function     *model.Function      `json:"function,omitempty"`
	Architecture pricing.Architecture `json:"architecture,omitempty"`
	// History is hourly invocations to forecast, or to compare the
	// provisioned-concurrency policies of Function on (priced by Profile
	// on Architecture), Horizon hours held out or ahead.
	History []float64 `json:"history,omitempty"`
	Horizon int       `json:"horizon,omitempty"`
	Profile string    `json:"profile,omitempty"`
	// Assumptions are how Scenario's functions move between platforms.
	Assumptions *platform.Assumptions `json:"assumptions,omitempty"`
}

// Response is a job's result; Problems is set when it failed.
type Response struct {
	Import *model.AWSImport `json:"import,omitempty"`
	Text   string           `json:"text,omitempty"`
	// Measurements and Notes are a function's durations from Power Tuning.
	Measurements []model.MeasuredDuration `json:"measurements,omitempty"`
	Notes        []string                 `json:"notes,omitempty"`
	// Forecast, Anomalies and Policies are a history's forecast, its
	// anomalies, and the policies compared on it.
	Forecast  *forecast.Forecast  `json:"forecast,omitempty"`
	Anomalies *forecast.Anomalies `json:"anomalies,omitempty"`
	Policies  *policy.Comparison  `json:"policies,omitempty"`
	// History is a history file read (a CSV of timestamp,count or
	// CloudWatch's get-metric-data JSON).
	History *forecast.History `json:"history,omitempty"`
	// Clouds is Scenario on every platform.
	Clouds *platform.Comparison `json:"clouds,omitempty"`
	// Tuning is goal seek on Scenario, and Tuned the scenario it tunes.
	Tuning   *model.Tuning   `json:"tuning,omitempty"`
	Tuned    *model.Scenario `json:"tuned,omitempty"`
	Problems string          `json:"problems,omitempty"`
	// Cancelled is a call the page stopped (web/planner.js answers it).
	Cancelled bool `json:"cancelled,omitempty"`
}

// Handle runs a request given as JSON and returns its response as JSON
// (a response that cannot be written says so). Long work (policy
// comparison, goal seek) tells progress, when set, the share done, 0 to 1.
func Handle(request []byte, progress func(float64)) []byte {
	if progress == nil {
		progress = func(float64) {}
	}
	data, err := json.Marshal(handle(request, progress))
	if err != nil {
		data, _ = json.Marshal(Response{Problems: "the result could not be written: " + err.Error()})
	}
	return data
}

func handle(request []byte, progress func(float64)) Response {
	var req Request
	if err := json.Unmarshal(request, &req); err != nil {
		return Response{Problems: "the request is not JSON: " + err.Error()}
	}
	switch req.Op {
	case OpImportAWS:
		return importAWS(req.Files)
	case OpExport:
		return export(req.Scenario, req.Format)
	case OpPowerTuning:
		return powerTuning(req)
	case OpForecast:
		return forecastOf(req.History, req.Horizon)
	case OpPolicies:
		return policies(req, progress)
	case OpClouds:
		return clouds(req.Scenario, req.Assumptions)
	case OpReport:
		return writeReport(req.Report, req.Format)
	case OpHistory:
		return readHistory(req.Files)
	case OpTune:
		return tune(req.Scenario, progress)
	}
	return Response{Problems: "unknown operation " + req.Op}
}

// importAWS sorts the files by what they hold and builds the scenario.
func importAWS(files []File) Response {
	var in model.AWSFiles
	for _, f := range files {
		nf := model.NamedFile{Name: f.Name, Data: []byte(f.Text)}
		switch ClassifyImport(nf.Data) {
		case ImportAWSFunctions:
			if in.Functions.Data != nil {
				return Response{Problems: "two list-functions files (" + in.Functions.Name + " and " + f.Name + "): import one account at a time"}
			}
			in.Functions = nf
		case ImportAWSConcurrency:
			in.Concurrency = append(in.Concurrency, nf)
		case ImportAWSMetrics:
			in.Metrics = append(in.Metrics, nf)
		default:
			return Response{Problems: f.Name + " is not an AWS CLI output the planner reads"}
		}
	}
	if in.Functions.Data == nil {
		return Response{Problems: "AWS CLI outputs need the list-functions output with them (functions.json)"}
	}
	imp, probs := model.ImportAWS(in)
	if len(probs) > 0 {
		return Response{Problems: probs.Error()}
	}
	return Response{Import: imp}
}

// export writes a valid scenario in format, its provisioned concurrency
// scaled by the policies its comparison recommends.
func export(scenario json.RawMessage, format string) Response {
	s, probs := model.ParseScenario(scenario)
	if len(probs) > 0 {
		return Response{Problems: probs.Error()}
	}
	r, probs := model.Evaluate(s)
	if len(probs) == 0 {
		probs = model.LambdaOnly(s, "infrastructure code (Terraform, SAM, CloudWatch alarms) is")
	}
	if len(probs) > 0 {
		return Response{Problems: probs.Error()}
	}
	d := model.NewDeployment(s, r, model.PlanFunctionPolicies(s, r, nil))
	var b strings.Builder
	switch format {
	case FormatTerraform:
		deploy.WriteTerraform(&b, &d)
	case FormatSAM:
		deploy.WriteSAM(&b, &d)
	case FormatCloudWatchAlarms:
		b.Write(deploy.AlarmsJSON(&d))
	default:
		return Response{Problems: "unknown format " + format}
	}
	return Response{Text: b.String()}
}

// powerTuning reads Power Tuning results (a link or the tool's output) as
// the measured durations of req.Function.
func powerTuning(req Request) Response {
	if len(req.Files) != 1 || req.Function == nil {
		return Response{Problems: "Power Tuning results need one input and the function they measure"}
	}
	in := req.Files[0]
	res, err := powertuning.Decode([]byte(in.Text))
	if err != nil {
		return Response{Problems: in.Name + " was not read as Power Tuning results: " + err.Error()}
	}
	measured, notes, err := model.PowerTuningMeasurements(req.Function, req.Architecture, res.Runs)
	if err != nil {
		return Response{Problems: in.Name + " was not used: " + err.Error()}
	}
	if measured == nil {
		measured = []model.MeasuredDuration{}
	}
	return Response{Measurements: measured, Notes: notes}
}

// seasonHours is the season of hourly histories: a day.
const seasonHours = 24

// forecastOf forecasts history horizon hours ahead and finds its
// anomalies.
func forecastOf(history []float64, horizon int) Response {
	if len(history) < 3*seasonHours || horizon < 1 || horizon > forecast.MaxDays*seasonHours {
		return Response{Problems: "a forecast needs three days of history and a horizon within the forecast's days"}
	}
	fc := forecast.Make(forecast.Input{History: history, SeasonLength: seasonHours, Horizon: horizon, Method: "auto"})
	an := forecast.DetectAnomalies(history, seasonHours)
	return Response{Forecast: &fc, Anomalies: &an}
}

// policies compares the provisioned-concurrency policies of req.Function on
// its history, req.Horizon hours held out.
func policies(req Request, progress func(float64)) Response {
	p, ok := pricing.LookupProfile(req.Profile)
	if req.Function == nil || !ok || !p.Prices(req.Architecture) || req.Horizon < 1 || len(req.History) < req.Horizon+3*7*seasonHours {
		return Response{Problems: "the policies need a function, a priced architecture and three weeks of history beyond the hours held out"}
	}
	in := model.PolicyInput(req.Function, req.History, req.Horizon, policy.DefaultGuardrails())
	steps, total := 0, float64(policy.Steps(in))
	in.Yield = func() {
		if steps++; steps%8 == 0 {
			progress(min(float64(steps)/total, 1))
		}
	}
	c := policy.Compare(in, p, req.Architecture)
	return Response{Policies: &c}
}

// clouds puts a valid scenario on every platform under a (the defaults
// when nil).
func clouds(scenario json.RawMessage, a *platform.Assumptions) Response {
	s, probs := model.ParseScenario(scenario)
	if len(probs) > 0 {
		return Response{Problems: probs.Error()}
	}
	assumed := platform.DefaultAssumptions()
	if a != nil {
		assumed = *a
	}
	if !(assumed.CPUBoundShare >= 0 && assumed.CPUBoundShare <= 1) {
		return Response{Problems: "assumptions.cpu_bound_share must be from 0 to 1"}
	}
	c := model.Clouds(s, assumed)
	return Response{Clouds: &c}
}

// tune runs goal seek on a scenario (model.Tune).
func tune(scenario json.RawMessage, progress func(float64)) Response {
	s, probs := model.ParseScenario(scenario)
	if len(probs) > 0 {
		return Response{Problems: probs.Error()}
	}
	tuned, t, probs := model.Tune(s, model.Sources{Progress: progress})
	if len(probs) > 0 {
		return Response{Problems: probs.Error()}
	}
	return Response{Tuning: t, Tuned: tuned}
}

// writeReport writes the page's report as CSV, Markdown or Prometheus
// alerting rules.
func writeReport(r *model.Report, format string) Response {
	write := map[string]func(io.Writer, *model.Report) error{
		FormatReportCSV: model.WriteCSV, FormatReportMarkdown: model.WriteMarkdown, FormatPrometheusRules: model.WritePrometheusRules,
	}[format]
	switch {
	case r == nil:
		return Response{Problems: "no report to write"}
	case write == nil:
		return Response{Problems: "unknown format " + format}
	}
	var b strings.Builder
	if err := write(&b, r); err != nil {
		return Response{Problems: err.Error()}
	}
	return Response{Text: b.String()}
}

// readHistory reads one history file: CloudWatch's JSON when it is an
// object, else a CSV of timestamp,count.
func readHistory(files []File) Response {
	if len(files) != 1 {
		return Response{Problems: "a history is one file"}
	}
	parse := forecast.ParseHistoryCSV
	if strings.HasPrefix(strings.TrimSpace(files[0].Text), "{") {
		parse = forecast.ParseCloudWatch
	}
	h, probs := parse([]byte(files[0].Text))
	if len(probs) > 0 {
		return Response{Problems: probs.Error()}
	}
	return Response{History: h}
}
