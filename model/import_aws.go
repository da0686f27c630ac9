package model

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"

	"planner/model/awscli"
	"planner/model/forecast"
	"planner/model/pricing"
	"planner/model/spec"
)

// NamedFile is a file's base name and contents.
type NamedFile struct {
	Name string
	Data []byte
}

// AWSFiles are what `planner import aws` reads (awscli.Commands prints the
// commands that write them).
type AWSFiles struct {
	// Functions is list-functions output.
	Functions NamedFile
	// Concurrency are get-function-concurrency and provisioned-concurrency
	// outputs; a file that does not name its function is named after it
	// ("concurrency.NAME.json", or "NAME=FILE" on the command line).
	Concurrency []NamedFile
	// Metrics are get-metric-data pages.
	Metrics []NamedFile
}

// AWSImport is a scenario built from an account's files.
type AWSImport struct {
	Scenario Scenario `json:"scenario"`
	// Histories are each function's hourly invocations, for the Forecast
	// view, by function name.
	Histories map[string]*forecast.History `json:"histories,omitempty"`
	// Notes say what the files did not tell and what was assumed.
	Notes []string `json:"notes"`
}

// ImportAWS builds a scenario from an account's files: per function its
// memory, architecture, runtime, ephemeral storage, timeout, package size,
// VPC, reserved and provisioned concurrency, and from the metrics (when
// given) its rate, durations, hourly profile, burst, error and throttle
// rates (awsMetrics). Every problem of every file is returned.
func ImportAWS(files AWSFiles) (*AWSImport, Problems) {
	var probs Problems
	fns, errs := awscli.ParseFunctions(files.Functions.Data)
	probs = appendFileErrors(probs, files.Functions.Name, errs)
	if len(fns) == 0 {
		return nil, probs
	}
	out := &AWSImport{Scenario: NewScenario(), Histories: map[string]*forecast.History{}}
	s := &out.Scenario
	region := awscli.Region(fns[0].Arn)
	s.Name = "AWS account"
	if region != "" {
		s.Name += " (" + region + ")"
		if _, ok := pricing.LookupProfile("aws-" + region); ok {
			s.Pricing.Profile = "aws-" + region
		} else {
			out.note("The price catalogue has no %s profile yet: priced with %s list prices.", region, s.Pricing.Profile)
		}
	}
	s.Pricing.Architecture = majorityArchitecture(fns)

	index := make(map[string]int, len(fns))
	for i, fn := range fns {
		index[fn.Name] = i
		f, notes := importedFunction(fn, s.Pricing.Architecture)
		out.Notes = append(out.Notes, notes...)
		s.Functions = append(s.Functions, f)
		if fn.MemoryMb > MaxMemoryMb {
			probs.Add(files.Functions.Name+": "+fn.Name, fmt.Sprintf("memory %d MB is above the %d MB the planner sizes", fn.MemoryMb, MaxMemoryMb))
		}
	}
	for _, file := range files.Concurrency {
		probs = append(probs, applyConcurrency(out, file, index)...)
	}
	if len(files.Metrics) > 0 {
		probs = append(probs, applyMetrics(out, files.Metrics, index)...)
	} else {
		out.note("No metrics given: rates, durations and profiles are the defaults. Run the get-metric-data command for measured ones.")
	}
	if len(probs) > 0 {
		return nil, probs
	}
	if vp := Validate(s); len(vp) > 0 {
		return nil, vp
	}
	out.Notes = groupNotes(out.Notes, index)
	return out, nil
}

// groupNotes merges the notes that say the same of several functions
// ("a, b, c and 7 more: no metrics …"), in the order they first appear.
func groupNotes(notes []string, functions map[string]int) []string {
	var order []string
	names := map[string][]string{}
	for _, n := range notes {
		name, rest, ok := strings.Cut(n, ": ")
		if _, known := functions[name]; !ok || !known {
			name, rest = "", n
		}
		if _, seen := names[rest]; !seen {
			order = append(order, rest)
		}
		names[rest] = append(names[rest], name)
	}
	out := make([]string, 0, len(order))
	for _, rest := range order {
		who := names[rest]
		switch {
		case who[0] == "":
			out = append(out, rest)
		case len(who) <= maxNamesInNote:
			out = append(out, strings.Join(who, ", ")+": "+rest)
		default:
			out = append(out, fmt.Sprintf("%s and %d more: %s", strings.Join(who[:maxNamesInNote], ", "), len(who)-maxNamesInNote, rest))
		}
	}
	return out
}

// maxNamesInNote is how many functions a grouped note names.
const maxNamesInNote = 3

func (a *AWSImport) note(format string, args ...any) {
	a.Notes = append(a.Notes, fmt.Sprintf(format, args...))
}

// appendFileErrors adds a file's errors as problems at the file's name.
func appendFileErrors(probs Problems, file string, errs []error) Problems {
	for _, err := range errs {
		probs.Add(file, err.Error())
	}
	return probs
}

// majorityArchitecture is the architecture most functions run on (x86_64
// on a tie); the others keep their own.
func majorityArchitecture(fns []awscli.Function) pricing.Architecture {
	arm := 0
	for _, f := range fns {
		if f.Architecture == string(pricing.ARM64) {
			arm++
		}
	}
	if 2*arm > len(fns) {
		return pricing.ARM64
	}
	return pricing.X86_64
}

// bytesPerMb converts a package's bytes to MB.
const bytesPerMb = 1 << 20

// importedFunction is a function's configuration as a Function, with the
// keep-alive model for its cold starts and what it could not know noted.
func importedFunction(fn awscli.Function, scenarioArch pricing.Architecture) (Function, []string) {
	f := DefaultFunction()
	f.Name = fn.Name
	f.AllocatedMemoryMb = min(fn.MemoryMb, MaxMemoryMb)
	f.ActualMemoryUsageMb = math.Round(float64(f.AllocatedMemoryMb) * spec.DefaultMemoryUsageShare)
	f.TimeoutSeconds = fn.TimeoutS
	f.EphemeralStorageMb = fn.EphemeralMb
	if a := pricing.Architecture(fn.Architecture); a != scenarioArch {
		f.Architecture = a
	}
	f.Runtime = spec.RuntimeOf(fn.Runtime)
	f.VpcEnabled = fn.InVPC
	f.ColdStartMethod = ColdStartModel
	f.P95ExecutionTimeMs = min(f.P95ExecutionTimeMs, float64(fn.TimeoutS)*1000)
	f.P99ExecutionTimeMs = min(f.P99ExecutionTimeMs, float64(fn.TimeoutS)*1000)
	f.AvgExecutionTimeMs = min(f.AvgExecutionTimeMs, f.P95ExecutionTimeMs)
	var notes []string
	if fn.CodeBytes > 0 {
		f.DeploymentSizeMb = math.Round(float64(fn.CodeBytes)/bytesPerMb*1000) / 1000
	} else if fn.PackageType == "Image" {
		notes = append(notes, fn.Name+": a container image; its size is not in list-functions (the package size stays "+fmtNum(f.DeploymentSizeMb)+" MB).")
	}
	if fn.SnapStart {
		notes = append(notes, fn.Name+": SnapStart is on for published versions; the planner models its cold starts and INIT billing as on-demand.")
	}
	return f, notes
}

// applyConcurrency reads one concurrency file into the functions it names.
func applyConcurrency(out *AWSImport, file NamedFile, index map[string]int) Problems {
	var probs Problems
	name, hint := file.Name, ""
	if before, after, ok := strings.Cut(name, "="); ok {
		hint, name = before, after
	} else {
		base := strings.TrimSuffix(path.Base(name), ".json")
		if i := strings.LastIndexByte(base, '.'); i >= 0 {
			hint = base[i+1:]
		}
	}
	entries, err := awscli.ParseConcurrency(file.Data, hint)
	if err != nil {
		probs.Add(name, err.Error())
		return probs
	}
	for _, c := range entries {
		i, ok := index[c.Function]
		if !ok {
			probs.Add(name, "names function "+strconv.Quote(c.Function)+", which the functions file does not list")
			continue
		}
		f := &out.Scenario.Functions[i]
		if c.Reserved != nil {
			f.ReservedConcurrency = *c.Reserved
			if *c.Reserved == 0 {
				out.note("%s: reserved concurrency 0 stops the function on AWS; the planner reads 0 as no reservation.", f.Name)
			}
		}
		if c.Provisioned != nil {
			f.ProvisionedConcurrency = *c.Provisioned
			if len(c.Qualifiers) > 1 {
				out.note("%s: provisioned concurrency on %s, %d instances in all.", f.Name, strings.Join(c.Qualifiers, " and "), *c.Provisioned)
			}
		}
	}
	return probs
}
