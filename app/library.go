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
	ID, Name, SavedAt string
	// text is the record's text as the store gave it, a JavaScript string
	// copied into Go only when used (Text); Size is its length.
	text app.Value
	Size int
	// Problem says why it does not open as a scenario ("" when it does);
	// it is kept as it is, for the user to download or delete. Holds is the
	// name of the scenario it holds, Functions its functions. They are
	// known once described is true (read in the background: describeNext).
	Problem   string
	Holds     string
	Functions int
	described bool
}

// readSaved reads a record as a scenario, in slices (pacer).
func readSaved(e savedScenario) (*model.Scenario, model.Problems) {
	return model.ParseScenarioWith([]byte(e.Text()), model.ReadOptions{Pace: pacer()})
}

// Text is the record's text.
func (e savedScenario) Text() string {
	if e.text == nil || e.text.Type() != app.TypeString {
		return ""
	}
	return e.text.String()
}

// sameRecord says whether a and b are the same version of one record.
func sameRecord(a, b savedScenario) bool {
	return a.ID == b.ID && a.SavedAt == b.SavedAt && a.Size == b.Size
}

// asideRecord is something that could not be read, kept as it was.
type asideRecord struct {
	ID, From, Reason, KeptAt string
	Size                     int
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
	// describing is true while records are read in the background.
	describing bool
	tell       func(notice)
	// dispatch runs f on the page's goroutine and renders the page.
	dispatch func(f func())
}

// call runs the store's method with args; then gets its result as text,
// or why it failed.
func (l *library) call(method string, then func(result, failed string), args ...any) {
	l.callValue(method, func(result app.Value, failed string) {
		text := ""
		if failed == "" && result.Type() == app.TypeString {
			text = result.String()
		}
		then(text, failed)
	}, args...)
}

// callValue is call with the result as the store gave it.
func (l *library) callValue(method string, then func(result app.Value, failed string), args ...any) {
	store := app.Window().Get("plannerStore")
	if !store.Truthy() || l.dispatch == nil {
		then(app.Undefined(), "this page has no storage for saved scenarios")
		return
	}
	var ok, bad app.Func
	settle := func(result app.Value, failed string) {
		ok.Release()
		bad.Release()
		l.dispatch(func() { then(result, failed) })
	}
	ok = app.FuncOf(func(_ app.Value, args []app.Value) any {
		result := app.Undefined()
		if len(args) > 0 {
			result = args[0]
		}
		settle(result, "")
		return nil
	})
	bad = app.FuncOf(func(_ app.Value, args []app.Value) any {
		why := "the browser refused it"
		if len(args) > 0 && args[0].Type() == app.TypeString {
			why = args[0].String()
		}
		settle(app.Undefined(), why)
		return nil
	})
	defer func() {
		if r := recover(); r != nil {
			settle(app.Undefined(), "the browser refused it")
		}
	}()
	store.Call(method, args...).Call("then", ok, bad)
}

// load reads the records again (this tab's or another's changes); what
// each holds is read in the background (describeNext).
func (l *library) load() {
	l.callValue("list", func(got app.Value, failed string) {
		if failed == "" && got.Type() != app.TypeObject {
			failed = "the store gave no list"
		}
		if failed != "" {
			l.failure = failed
			l.tell(notice{Text: "The saved scenarios could not be read: " + failed + ". Nothing was changed in them.", Bad: true})
			return
		}
		l.entries = records(got.Get("saved"), l.entries)
		l.others = records(got.Get("others"), l.others)
		l.aside = asideRecords(got.Get("aside"))
		l.failure = ""
		if !l.describing {
			l.describeNext()
		}
	})
}

// records reads the store's list of records, each described as before
// when it is the same version.
func records(list app.Value, before []savedScenario) []savedScenario {
	var out []savedScenario
	for i := range arrayLength(list) {
		r := list.Index(i)
		e := savedScenario{ID: stringField(r, "id"), Name: stringField(r, "name"), SavedAt: stringField(r, "saved_at"),
			Size: intField(r, "size")}
		if r.Type() == app.TypeObject {
			e.text = r.Get("text")
		}
		if k := slices.IndexFunc(before, func(old savedScenario) bool { return sameRecord(old, e) }); k >= 0 && before[k].described {
			e.Problem, e.Holds, e.Functions, e.described = before[k].Problem, before[k].Holds, before[k].Functions, true
		}
		out = append(out, e)
	}
	return out
}

// asideRecords reads the store's list of set-aside records.
func asideRecords(list app.Value) []asideRecord {
	var out []asideRecord
	for i := range arrayLength(list) {
		r := list.Index(i)
		out = append(out, asideRecord{ID: stringField(r, "id"), From: stringField(r, "from"), Reason: stringField(r, "reason"),
			KeptAt: stringField(r, "kept_at"), Size: intField(r, "size")})
	}
	return out
}

// describeNext reads what the first record not yet described holds, in
// the background and in slices (ten saved 2,000-function scenarios take a
// second and a half to read), then the next; a record changed meanwhile
// is read again.
func (l *library) describeNext() {
	e, ok := l.undescribed()
	l.describing = ok
	if !ok {
		return
	}
	go func() {
		yieldToPage()
		d := e
		s, probs := readSaved(e)
		if len(probs) > 0 {
			d.Problem = probs.Error()
		} else {
			d.Holds, d.Functions = s.Name, len(s.Functions)
		}
		d.described = true
		l.dispatch(func() {
			for _, list := range [][]savedScenario{l.entries, l.others} {
				for i := range list {
					if sameRecord(list[i], d) {
						list[i].Problem, list[i].Holds, list[i].Functions, list[i].described = d.Problem, d.Holds, d.Functions, true
					}
				}
			}
			l.describeNext()
		})
	}()
}

// undescribed is the first record whose contents are not known yet.
func (l *library) undescribed() (savedScenario, bool) {
	for _, list := range [][]savedScenario{l.entries, l.others} {
		if i := slices.IndexFunc(list, func(e savedScenario) bool { return !e.described }); i >= 0 {
			return list[i], true
		}
	}
	return savedScenario{}, false
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
