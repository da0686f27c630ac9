package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// Keys of the planner's entries in localStorage (versioned like links).
const (
	currentKey = "planner.current.v1"
	libraryKey = "planner.library.v1"
)

// storageGet reads an entry of localStorage. A blocked or missing storage
// reads as empty: the page never breaks on it.
func storageGet(key string) (value string, ok bool) {
	defer func() {
		if recover() != nil {
			value, ok = "", false
		}
	}()
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return "", false
	}
	v := ls.Call("getItem", key)
	if v.IsNull() || v.IsUndefined() {
		return "", false
	}
	return v.String(), true
}

// storageSet writes an entry; a full or blocked storage is an error, not a
// crash.
func storageSet(key, value string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the browser refused to store it: %v", r)
		}
	}()
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return errors.New("this browser keeps no local storage")
	}
	ls.Call("setItem", key, value)
	return nil
}

// savedScenario is a named scenario of the library.
type savedScenario struct {
	Name     string          `json:"name"`
	SavedAt  string          `json:"saved_at"`
	Scenario json.RawMessage `json:"scenario"`
}

// loadLibrary reads the saved scenarios, sorted by name. Entries that no
// longer read as scenarios are left out and counted.
func loadLibrary() (lib []savedScenario, dropped int, err error) {
	raw, ok := storageGet(libraryKey)
	if !ok {
		return nil, 0, nil
	}
	var entries []savedScenario
	if err := json.Unmarshal([]byte(raw), &entries); err != nil {
		setAside(libraryKey, raw)
		return nil, 0, errors.New("the saved scenarios could not be read (kept under " + libraryKey + ".damaged)")
	}
	for _, e := range entries {
		if _, probs := model.ParseScenario(e.Scenario); e.Name == "" || len(probs) > 0 {
			dropped++
			continue
		}
		lib = append(lib, e)
	}
	sort.Slice(lib, func(i, j int) bool { return lib[i].Name < lib[j].Name })
	return lib, dropped, nil
}

// saveLibrary writes the saved scenarios.
func saveLibrary(lib []savedScenario) error {
	data, err := json.Marshal(lib)
	if err != nil {
		return err
	}
	return storageSet(libraryKey, string(data))
}

// withSaved returns lib with the scenario stored under name (replacing one
// of that name).
func withSaved(lib []savedScenario, name string, s *model.Scenario) []savedScenario {
	data, _ := json.Marshal(s)
	entry := savedScenario{Name: name, SavedAt: time.Now().UTC().Format(time.RFC3339), Scenario: data}
	out := make([]savedScenario, 0, len(lib)+1)
	for _, e := range lib {
		if e.Name != name {
			out = append(out, e)
		}
	}
	out = append(out, entry)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// without returns lib less the entry of that name.
func without(lib []savedScenario, name string) []savedScenario {
	out := make([]savedScenario, 0, len(lib))
	for _, e := range lib {
		if e.Name != name {
			out = append(out, e)
		}
	}
	return out
}

// freeName is base, or "base (2)", "base (3)" … not used in lib.
func freeName(lib []savedScenario, base string) string {
	used := map[string]bool{}
	for _, e := range lib {
		used[e.Name] = true
	}
	name := base
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s (%d)", base, i)
	}
	return name
}

// setAside keeps a damaged entry under "<key>.damaged" so that nothing is
// lost when the key is written again.
func setAside(key, raw string) {
	_ = storageSet(key+".damaged", raw)
}
