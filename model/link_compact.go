package model

import (
	"bytes"
	"encoding/json"
	"strconv"
	"sync"

	"planner/model/internal/jsonin"
)

// defaultMembers are the members of a default object's JSON by key; an
// object member has its own members too.
type defaultMembers map[string]defaultMember

type defaultMember struct {
	raw     []byte
	members defaultMembers // nil unless raw is an object
}

// membersOf reads an object's members (nil for anything else).
func membersOf(obj []byte) defaultMembers {
	if len(obj) == 0 || obj[0] != '{' {
		return nil
	}
	m := defaultMembers{}
	jsonin.EachMember(obj, func(key string, value []byte) {
		m[key] = defaultMember{raw: value, members: membersOf(value)}
	})
	return m
}

// linkDefaults are the JSON of a new scenario and of a default function,
// read once.
var linkDefaults = sync.OnceValues(func() (scenario, function defaultMembers) {
	s, _ := json.Marshal(NewScenario())
	f, _ := json.Marshal(DefaultFunction())
	return membersOf(s), membersOf(f)
})

// compactScenario is a scenario's JSON (full, as json.Marshal writes it)
// without the values equal to their defaults (descending into objects; a
// function's against a default function's), its version first: reading it
// back restores them. It works on the encoded JSON — a value is its default
// when their encodings are equal — so that a scenario of thousands of
// functions is compacted in one pass (pace, when set, called after each
// function).
func compactScenario(full []byte, pace func()) []byte {
	scenarioDefaults, functionDefaults := linkDefaults()
	out := make([]byte, 0, len(full)/2)
	out = append(out, `{"version":`...)
	out = strconv.AppendInt(out, ScenarioVersion, 10)
	jsonin.EachMember(full, func(key string, value []byte) {
		d, hasDefault := scenarioDefaults[key]
		switch {
		case key == "version" || hasDefault && bytes.Equal(value, d.raw):
		case key == "functions" && len(value) > 0 && value[0] == '[':
			out = appendKey(append(out, ','), key)
			out = append(out, '[')
			n := 0
			jsonin.EachElement(value, func(fn []byte) {
				if n > 0 {
					out = append(out, ',')
				}
				n++
				out = appendCompact(out, fn, functionDefaults)
				if pace != nil {
					pace()
				}
			})
			out = append(out, ']')
		default:
			compacted := appendCompact(nil, value, d.members)
			if d.members == nil || string(compacted) != "{}" {
				out = appendKey(append(out, ','), key)
				out = append(out, compacted...)
			}
		}
	})
	return append(out, '}')
}

// appendCompact appends value without its members equal to defaults' (an
// object; other values as they are).
func appendCompact(out, value []byte, defaults defaultMembers) []byte {
	if defaults == nil || len(value) == 0 || value[0] != '{' {
		return append(out, value...)
	}
	out = append(out, '{')
	n := 0
	jsonin.EachMember(value, func(key string, v []byte) {
		d, ok := defaults[key]
		if ok && bytes.Equal(v, d.raw) {
			return
		}
		var member []byte
		if ok && d.members != nil {
			if member = appendCompact(nil, v, d.members); string(member) == "{}" {
				return
			}
		}
		if n > 0 {
			out = append(out, ',')
		}
		n++
		out = appendKey(out, key)
		if member != nil {
			out = append(out, member...)
		} else {
			out = append(out, v...)
		}
	})
	return append(out, '}')
}

// appendKey appends a JSON object key and its colon; keys are the format's
// names (letters, digits, _), others are escaped as JSON.
func appendKey(out []byte, key string) []byte {
	plain := true
	for i := 0; i < len(key) && plain; i++ {
		c := key[i]
		plain = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	if plain {
		out = append(append(append(out, '"'), key...), '"')
	} else {
		quoted, _ := json.Marshal(key)
		out = append(out, quoted...)
	}
	return append(out, ':')
}
