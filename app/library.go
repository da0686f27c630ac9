package app

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// savedScenario is a named scenario of the library: one record of the
// browser's store (web/store.js).
type savedScenario struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	SavedAt string `json:"saved_at"`
	Text    string `json:"text"`
	// Problem says why it does not open as a scenario ("" when it does);
	// it is kept as it is, for the user to download or delete. Holds is the
	// name of the scenario it holds, Functions its functions.
	Problem   string `json:"-"`
	Holds     string `json:"-"`
	Functions int    `json:"-"`
}

// asideRecord is something that could not be read, kept as it was.
type asideRecord struct {
	ID     string `json:"id"`
	From   string `json:"from"`
	Reason string `json:"reason"`
	KeptAt string `json:"kept_at"`
	Size   int    `json:"size"`
}

// library is the scenarios saved in this browser, shared by the views that
// list them: a copy of the store's records, read again whenever this tab or
// another changes them. Every change is written to the store first, read
// back, and told only then; a failure is told with the way out.
type library struct {
	entries []savedScenario
	aside   []asideRecord
	// others is other tabs' unsaved work (their autosaves), newest first;
	// ID is the tab's, SavedAt when it was written.
	others []savedScenario
	// failure says why the store cannot be read ("" when it can).
	failure string
	tell    func(notice)
	// dispatch runs f on the page's goroutine and renders the page.
	dispatch func(f func())
}

// call runs the store's method with args; then gets its result, or why it
// failed.
func (l *library) call(method string, then func(result, failed string), args ...any) {
	store := app.Window().Get("plannerStore")
	if !store.Truthy() || l.dispatch == nil {
		then("", "this page has no storage for saved scenarios")
		return
	}
	var ok, bad app.Func
	settle := func(result, failed string) {
		ok.Release()
		bad.Release()
		l.dispatch(func() { then(result, failed) })
	}
	ok = app.FuncOf(func(_ app.Value, args []app.Value) any {
		result := ""
		if len(args) > 0 && args[0].Type() == app.TypeString {
			result = args[0].String()
		}
		settle(result, "")
		return nil
	})
	bad = app.FuncOf(func(_ app.Value, args []app.Value) any {
		why := "the browser refused it"
		if len(args) > 0 && args[0].Type() == app.TypeString {
			why = args[0].String()
		}
		settle("", why)
		return nil
	})
	defer func() {
		if r := recover(); r != nil {
			settle("", "the browser refused it")
		}
	}()
	store.Call(method, args...).Call("then", ok, bad)
}

// load reads the records again (this tab's or another's changes).
func (l *library) load() {
	l.call("list", func(result, failed string) {
		if failed != "" {
			l.failure = failed
			l.tell(notice{Text: "The saved scenarios could not be read: " + failed + ". Nothing was changed in them.", Bad: true})
			return
		}
		var got struct {
			Saved  []savedScenario `json:"saved"`
			Aside  []asideRecord   `json:"aside"`
			Others []savedScenario `json:"others"`
		}
		if err := json.Unmarshal([]byte(result), &got); err != nil {
			l.failure = err.Error()
			return
		}
		describe(got.Saved, l.entries)
		describe(got.Others, l.others)
		l.entries, l.aside, l.others, l.failure = got.Saved, got.Aside, got.Others, ""
	})
}

// describe reads each record as a scenario once: its Problem, or the name
// and functions it holds, taken from before for a record unchanged since.
func describe(records, before []savedScenario) {
	for i := range records {
		e := &records[i]
		k := slices.IndexFunc(before, func(old savedScenario) bool {
			return old.ID == e.ID && old.SavedAt == e.SavedAt && len(old.Text) == len(e.Text)
		})
		if k >= 0 {
			e.Problem, e.Holds, e.Functions = before[k].Problem, before[k].Holds, before[k].Functions
			continue
		}
		if s, probs := model.ParseScenario([]byte(e.Text)); len(probs) > 0 {
			e.Problem = probs.Error()
		} else {
			e.Holds, e.Functions = s.Name, len(s.Functions)
		}
	}
}

// savedText is a scenario as a record holds it.
func savedText(s *model.Scenario) string { return pacedText(s, nil) }

// pacedText is savedText written function by function, pace called after
// each (pacer: a browser yields to the page between them).
func pacedText(s *model.Scenario, pace func()) string {
	data, _ := model.AppendScenarioJSON(nil, s, pace)
	return string(data)
}

// save saves s under name, replacing a scenario of that name (a big one
// written in slices).
func (l *library) save(name string, s *model.Scenario) {
	name = strings.TrimSpace(name)
	if name == "" || s == nil {
		l.tell(notice{Text: "Give the scenario a name to save it.", Bad: true})
		return
	}
	l.call("save", func(_, failed string) {
		if failed != "" {
			l.tell(notFiled("“"+name+"” was not saved: "+failed+".", s))
			return
		}
		l.tell(notice{Text: "Saved “" + name + "” in this browser."})
		l.load()
	}, name, pacedText(s, pacer()), false)
}

// keep saves s under a free name made from base (a big one written in
// slices); done learns whether it was stored and read back.
func (l *library) keep(s model.Scenario, base string, done func(kept bool, failed string)) {
	l.call("save", func(_, failed string) {
		if failed == "" {
			l.load()
		}
		done(failed == "", failed)
	}, base, pacedText(&s, pacer()), true)
}

// remove deletes the record id of the store from ("saved", "aside" or
// "autosaves").
func (l *library) remove(id, name, from string) {
	l.call("remove", func(_, failed string) {
		if failed != "" {
			l.tell(notice{Text: "“" + name + "” was not deleted: " + failed + ".", Bad: true})
			return
		}
		l.tell(notice{Text: "Deleted “" + name + "”."})
		l.load()
	}, id, from)
}

// rename gives the record id a new name that no other has.
func (l *library) rename(id, old, name string) {
	name = strings.TrimSpace(name)
	if name == "" || name == old {
		return
	}
	l.call("rename", func(_, failed string) {
		if failed != "" {
			l.tell(notice{Text: "“" + old + "” was not renamed: " + failed + ".", Bad: true})
		} else {
			l.tell(notice{Text: "Renamed “" + old + "” to “" + name + "”."})
		}
		l.load() // the field shows the stored name either way
	}, id, name)
}

// setAside keeps text that could not be read under a key of its own; done
// learns whether it was stored and read back.
func (l *library) setAside(from, why, text string, done func(kept bool, failed string)) {
	l.call("setAside", func(_, failed string) {
		if failed == "" {
			l.load()
		}
		done(failed == "", failed)
	}, from, why, text)
}

// downloadAside downloads a set-aside record as it was kept.
func (l *library) downloadAside(r asideRecord) {
	l.call("asideText", func(text, failed string) {
		if failed != "" {
			l.tell(notice{Text: "It could not be read: " + failed + ".", Bad: true})
			return
		}
		download(sanitizeID(r.From)+"-kept.txt", "text/plain", text)
	}, r.ID)
}

// notFiled is the notice of a scenario that was not saved, with the way
// out: download it as a file.
func notFiled(text string, s *model.Scenario) notice {
	data, _ := json.MarshalIndent(s, "", "  ")
	name := fileName(s, "scenario.json")
	return notice{Text: text + " Download it as a file to keep it.", Bad: true,
		Action: "Download scenario", Do: func() { download(name, "application/json", string(data)) }}
}

// downloadBackup downloads every saved scenario as one file (store.js's
// backup, the format of package backup).
func (l *library) downloadBackup() {
	l.call("backup", func(text, failed string) {
		if failed != "" {
			l.tell(notice{Text: "The saved scenarios could not be read for the backup: " + failed + ".", Bad: true})
			return
		}
		download("planner-saved-scenarios.json", "application/json", text)
	})
}

// restore adds a backup file's scenarios to the library, overwriting none
// (store.js's restore); one that does not open is kept as it is, like any
// saved record. What it did is told once it is read back.
func (l *library) restore(file, name string) {
	l.call("restore", func(result, failed string) {
		if failed != "" {
			l.tell(notice{Text: name + " was not loaded: " + failed + ". Nothing was added.", Bad: true})
			return
		}
		var n struct{ Added, Same, Beside int }
		json.Unmarshal([]byte(result), &n)
		text := "Loaded " + name + ": " + plural(n.Added, "scenario") + " added"
		if n.Same > 0 {
			text += ", " + strconv.Itoa(n.Same) + " saved already"
		}
		if n.Beside > 0 {
			text += ", " + strconv.Itoa(n.Beside) + " kept beside yours under “(from backup)” names (nothing was overwritten)"
		}
		l.tell(notice{Text: text + "."})
		l.load()
	}, file)
}
