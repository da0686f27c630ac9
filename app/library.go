package app

import (
	"strings"

	"planner/model"
)

// library is the scenarios saved in this browser, shared by the views that
// list them. Every change is written to storage first and kept only when
// the write succeeded; tell shows the user what became of it.
type library struct {
	entries []savedScenario
	tell    func(notice)
}

// write stores lib and keeps it; a failed write is told and changes nothing.
func (l *library) write(lib []savedScenario, failed string) bool {
	if err := saveLibrary(lib); err != nil {
		l.tell(notice{failed + ": " + err.Error(), true})
		return false
	}
	l.entries = lib
	return true
}

// save saves s under name, replacing a scenario of that name.
func (l *library) save(name string, s *model.Scenario) {
	name = strings.TrimSpace(name)
	if name == "" || s == nil {
		l.tell(notice{"Give the scenario a name to save it.", true})
		return
	}
	if l.write(withSaved(l.entries, name, s), "Could not save “"+name+"”") {
		l.tell(notice{"Saved “" + name + "” in this browser.", false})
	}
}

// keep saves s under a free name made from base, and says whether it was
// stored.
func (l *library) keep(s model.Scenario, base string) bool {
	name := freeName(l.entries, base)
	return l.write(withSaved(l.entries, name, &s), "Could not save “"+name+"”")
}

// remove deletes the scenario named name.
func (l *library) remove(name string) {
	if l.write(without(l.entries, name), "Could not delete “"+name+"”") {
		l.tell(notice{"Deleted “" + name + "”.", false})
	}
}

// rename gives the scenario named old a new name not taken by another.
func (l *library) rename(old, name string) {
	name = strings.TrimSpace(name)
	if name == "" || name == old {
		return
	}
	if _, taken := savedNamed(l.entries, name); taken {
		l.tell(notice{"A scenario named “" + name + "” exists already.", true})
		return
	}
	lib := make([]savedScenario, 0, len(l.entries))
	for _, e := range l.entries {
		if e.Name == old {
			e.Name = name
		}
		lib = append(lib, e)
	}
	if l.write(lib, "Could not rename") {
		l.entries, _, _ = loadLibrary()
	}
}
