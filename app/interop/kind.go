package interop

import (
	"bytes"
	"strings"

	"planner/model"
)

// ImportKind is what a pasted text or a dropped file holds.
type ImportKind string

// The kinds of input the planner reads.
const (
	ImportUnknown        ImportKind = ""
	ImportScenario       ImportKind = "scenario"        // a scenario's JSON
	ImportShareLink      ImportKind = "share-link"      // a planner link (#s=…)
	ImportPowerTuning    ImportKind = "power-tuning"    // a Power Tuning link or output
	ImportAWSFunctions   ImportKind = "aws-functions"   // list-functions output
	ImportAWSConcurrency ImportKind = "aws-concurrency" // a concurrency output
	ImportAWSMetrics     ImportKind = "aws-metrics"     // get-metric-data output
	ImportBackup         ImportKind = "backup"          // saved scenarios, one file
)

// ClassifyImport says what data holds, from its shape alone: a URL by its
// fragment, JSON by its top-level keys. A get-function-concurrency output
// with no reservation prints nothing: an empty file is ImportUnknown.
func ClassifyImport(data []byte) ImportKind {
	text := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if len(text) == 0 {
		return ImportUnknown
	}
	if text[0] != '{' {
		s := string(text)
		switch {
		case model.HasLink(s):
			return ImportShareLink
		case strings.Count(s, ";") >= 2 && !strings.ContainsAny(s, " \n{"):
			return ImportPowerTuning
		}
		return ImportUnknown
	}
	keys, ok := model.ObjectKeys(text)
	if !ok {
		return ImportUnknown
	}
	has := func(names ...string) bool {
		for _, n := range names {
			if keys[n] {
				return true
			}
		}
		return false
	}
	switch {
	case has("format") && has("scenarios"):
		return ImportBackup
	case has("functions") && has("version", "pricing", "name"):
		return ImportScenario
	case has("Functions", "Configuration") || has("FunctionName") && has("MemorySize"):
		return ImportAWSFunctions
	case has("ReservedConcurrentExecutions", "ProvisionedConcurrencyConfigs", "RequestedProvisionedConcurrentExecutions"):
		return ImportAWSConcurrency
	case has("MetricDataResults"):
		return ImportAWSMetrics
	case has("power", "results", "stats") || has("output") && has("executionArn", "stateMachineArn"):
		return ImportPowerTuning
	}
	return ImportUnknown
}
