package spec

import (
	"slices"
	"strings"
)

// Runtime is a Lambda runtime and the base cold start the model assumes for
// it at 512 MB.
type Runtime struct {
	ID          string  `json:"id"`
	Label       string  `json:"label"`
	ColdStartMs float64 `json:"cold_start_ms"`
}

// runtimes are the spec's base cold starts (ms). Any other runtime is
// modelled with otherRuntimeColdStartMs, as the spec does.
var runtimes = []Runtime{
	{ID: "nodejs", Label: "Node.js", ColdStartMs: 200},
	{ID: "python3.9", Label: "Python", ColdStartMs: 300},
	{ID: "java11", Label: "Java", ColdStartMs: 1000},
	{ID: "dotnet6", Label: ".NET", ColdStartMs: 600},
	{ID: "go1.x", Label: "Go", ColdStartMs: 150},
	{ID: "other", Label: "Other runtime", ColdStartMs: otherRuntimeColdStartMs},
}

// otherRuntimeColdStartMs is the base cold start of runtimes the table lacks.
const otherRuntimeColdStartMs = 300

// Runtimes lists the runtimes a scenario may choose.
func Runtimes() []Runtime { return slices.Clone(runtimes) }

// RuntimeColdStartMs returns the base cold start of a runtime in ms; runtimes
// not in the table get the default of 300 ms.
func RuntimeColdStartMs(id string) float64 {
	for _, r := range runtimes {
		if r.ID == id {
			return r.ColdStartMs
		}
	}
	return otherRuntimeColdStartMs
}

// RuntimeIDs lists the runtimes' IDs, in table order.
func RuntimeIDs() []string {
	ids := make([]string, len(runtimes))
	for i, r := range runtimes {
		ids[i] = r.ID
	}
	return ids
}

// RuntimeOf maps a Lambda runtime identifier ("nodejs22.x", "python3.13",
// "java21", "dotnet8", "provided.al2023") to the table's runtime of the same
// language; identifiers of other languages, and container images (""),
// map to "other".
func RuntimeOf(identifier string) string {
	for _, family := range []struct{ prefix, id string }{
		{"nodejs", "nodejs"}, {"python", "python3.9"}, {"java", "java11"}, {"dotnet", "dotnet6"}, {"go", "go1.x"},
	} {
		if strings.HasPrefix(identifier, family.prefix) {
			return family.id
		}
	}
	return "other"
}

// currentRuntimes are Lambda runtime identifiers of each table runtime's
// language, supported in 2026 (AWS Lambda runtimes page); "other" and Go
// run on the OS-only runtime.
var currentRuntimes = map[string]string{
	"nodejs": "nodejs22.x", "python3.9": "python3.13", "java11": "java21", "dotnet6": "dotnet8", "go1.x": "provided.al2023", "other": "provided.al2023",
}

// CurrentRuntime is a supported Lambda runtime identifier of id's language,
// for templates a function is deployed with.
func CurrentRuntime(id string) string {
	if r, ok := currentRuntimes[id]; ok {
		return r
	}
	return currentRuntimes["other"]
}
