// Package backup is every scenario saved in a browser as one file: the page
// downloads it and loads it back (merging), and the CLI reads its
// scenarios as FILE#NAME. Entries are kept as they were stored; reading
// them as scenarios is the model's.
package backup

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"planner/model/internal/jsonin"
)

// Format names a backup file of saved scenarios; Version is its format's.
const (
	Format  = "serverless-planner-backup"
	Version = 1
)

// Backup is every scenario saved in a browser, as one file that the page
// loads back and the CLI reads (FILE#NAME).
type Backup struct {
	Format    string  `json:"format"`
	Version   int     `json:"version"`
	SavedAt   string  `json:"saved_at"`
	Scenarios []Entry `json:"scenarios"`
}

// Entry is one saved scenario: its name, when it was saved, and its
// JSON as it was stored (kept byte for byte, readable or not).
type Entry struct {
	Name     string          `json:"name"`
	SavedAt  string          `json:"saved_at"`
	Scenario json.RawMessage `json:"scenario"`
}

// Is reports whether data is a backup file.
func Is(data []byte) bool {
	var head struct {
		Format string `json:"format"`
	}
	return json.Unmarshal(data, &head) == nil && head.Format == Format
}

// Parse reads a backup file. Entries without a name or scenario are
// problems at their paths; a scenario that does not read is not (it is
// kept as it was, and refused when opened).
func Parse(data []byte) (*Backup, jsonin.Problems) {
	var b Backup
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, jsonin.Problems{{Message: "not a backup of saved scenarios: " + err.Error()}}
	}
	var probs jsonin.Problems
	if b.Format != Format {
		probs.Add("format", "must be "+strconv.Quote(Format))
	}
	if b.Version < 1 || b.Version > Version {
		probs.Add("version", "unsupported version "+strconv.Itoa(b.Version)+"; this planner reads version "+strconv.Itoa(Version))
	}
	seen := map[string]bool{}
	for i, e := range b.Scenarios {
		at := "scenarios[" + strconv.Itoa(i) + "]"
		switch {
		case strings.TrimSpace(e.Name) == "":
			probs.Add(at+".name", "missing")
		case seen[e.Name]:
			probs.Add(at+".name", "the backup holds "+strconv.Quote(e.Name)+" twice")
		case len(e.Scenario) == 0 || string(e.Scenario) == "null":
			probs.Add(at+".scenario", "missing")
		}
		seen[e.Name] = true
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return &b, nil
}

// Scenario is the JSON of the entry named name, as it was stored; a
// problem names the entries when there is none of that name.
func (b *Backup) Scenario(name string) (json.RawMessage, jsonin.Problems) {
	for _, e := range b.Scenarios {
		if e.Name == name {
			return e.Scenario, nil
		}
	}
	return nil, jsonin.Problems{{Message: "the backup holds no scenario named " + strconv.Quote(name) + "; it holds " + quoted(b.Names())}}
}

// Names lists the backup's scenarios, sorted.
func (b *Backup) Names() []string {
	names := make([]string, len(b.Scenarios))
	for i, e := range b.Scenarios {
		names[i] = e.Name
	}
	sort.Strings(names)
	return names
}

// quoted is names quoted and joined by commas.
func quoted(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strconv.Quote(n)
	}
	return strings.Join(out, ", ")
}
