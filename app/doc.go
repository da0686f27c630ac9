package app

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"

	"planner/model"
)

// A doc is the scenario as the form edits it: the generic JSON tree
// (map[string]any, []any, float64, string, bool) that encoding/json reads.
// Values the user typed that are not numbers stay strings in the tree, so
// the model refuses them with a message at their path.

// step is one element of a path: an object key or a list index.
type step struct {
	key   string
	index int
}

func (s step) isIndex() bool { return s.key == "" }

// path is where a value sits in a doc.
type path []step

// child extends a path with a key or an index.
func (p path) key(k string) path { return append(p[:len(p):len(p)], step{key: k}) }
func (p path) at(i int) path     { return append(p[:len(p):len(p)], step{index: i}) }

// function is the index of the function a path lies inside
// (functions[i]…), if it does.
func (p path) function() (int, bool) {
	if len(p) < 2 || p[0].key != "functions" || !p[1].isIndex() {
		return 0, false
	}
	return p[1].index, true
}

// String writes the path as the model's problems name it:
// functions[2].allocated_memory_mb.
func (p path) String() string {
	var b strings.Builder
	for i, s := range p {
		if s.isIndex() {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// get returns the value at p, or nil.
func get(doc any, p path) any {
	v := doc
	for _, s := range p {
		switch c := v.(type) {
		case map[string]any:
			v = c[s.key]
		case []any:
			if !s.isIndex() || s.index < 0 || s.index >= len(c) {
				return nil
			}
			v = tree(c[s.index])
			c[s.index] = v
		default:
			return nil
		}
	}
	return v
}

// set is doc with value stored at p, objects created on the way; a nil
// value deletes an object key. It copies each object and list on the path
// and changes nothing in doc, so a doc kept before (an undo step) shares
// all the edit left alone and never sees the edit: keeping a doc costs
// nothing, an edit a copy of the few containers on its path. It reports
// whether the path could be reached (doc itself when not).
func set(doc any, p path, value any) (any, bool) {
	if len(p) == 0 {
		return doc, false
	}
	s := p[0]
	switch c := doc.(type) {
	case map[string]any:
		if s.isIndex() {
			return doc, false
		}
		m := maps.Clone(c)
		if len(p) == 1 {
			if value == nil {
				delete(m, s.key)
			} else {
				m[s.key] = value
			}
			return m, true
		}
		child := tree(c[s.key])
		if child == nil {
			if p[1].isIndex() {
				return doc, false
			}
			child = map[string]any{}
		}
		next, ok := set(child, p[1:], value)
		if !ok {
			return doc, false
		}
		m[s.key] = next
		return m, true
	case []any:
		if !s.isIndex() || s.index < 0 || s.index >= len(c) {
			return doc, false
		}
		l := slices.Clone(c)
		if len(p) == 1 {
			l[s.index] = value
			return l, true
		}
		next, ok := set(tree(c[s.index]), p[1:], value)
		if !ok {
			return doc, false
		}
		l[s.index] = next
		return l, true
	}
	return doc, false
}

// lazyFunction is a scenario's function in a doc until the form reads or
// edits it: a scenario of thousands of functions opens without turning
// each into its tree (get turns one on its way through). It encodes as the
// function does.
type lazyFunction struct{ f *model.Function }

func (l lazyFunction) MarshalJSON() ([]byte, error) { return json.Marshal(l.f) }

// tree is v as a doc's tree: a lazy function turned into its tree.
func tree(v any) any {
	if l, ok := v.(lazyFunction); ok {
		return toDoc(l.f)
	}
	return v
}

// scenarioDoc is a scenario as a doc, its functions lazy. The functions
// are copied: the doc never shares what the session may change.
func scenarioDoc(sc *model.Scenario) any {
	top := *sc
	top.Functions = nil
	doc, _ := toDoc(top).(map[string]any)
	if doc == nil {
		return toDoc(sc)
	}
	functions := make([]any, len(sc.Functions))
	copies := slices.Clone(sc.Functions)
	for i := range copies {
		functions[i] = lazyFunction{&copies[i]}
	}
	doc["functions"] = functions
	return doc
}

// toDoc turns any JSON-encodable value into a doc.
func toDoc(v any) any {
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var doc any
	if json.Unmarshal(data, &doc) != nil {
		return nil
	}
	return doc
}

// clone deep-copies a doc.
func clone(v any) any {
	switch c := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(c))
		for k, x := range c {
			m[k] = clone(x)
		}
		return m
	case []any:
		l := make([]any, len(c))
		for i, x := range c {
			l[i] = clone(x)
		}
		return l
	}
	return v
}

// parsePath reads what path.String writes.
func parsePath(s string) path {
	var p path
	for s != "" {
		switch {
		case s[0] == '.':
			s = s[1:]
		case s[0] == '[':
			end := strings.IndexByte(s, ']')
			if end < 0 {
				return p
			}
			i, err := strconv.Atoi(s[1:end])
			if err != nil {
				return p
			}
			p = p.at(i)
			s = s[end+1:]
		default:
			end := strings.IndexAny(s, ".[")
			if end < 0 {
				end = len(s)
			}
			p = p.key(s[:end])
			s = s[end:]
		}
	}
	return p
}
