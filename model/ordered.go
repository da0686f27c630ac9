package model

import (
	"bytes"
	"encoding/json"
)

// member is one key and raw value of a JSON object.
type member struct {
	Key   string
	Value json.RawMessage
}

// orderedMembers splits a JSON object into its members in document order
// (the spec's dicts of functions are ordered). Duplicate keys keep the last
// value at the first key's place, as Python's json does.
func orderedMembers(raw []byte) ([]member, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []member
	index := map[string]int{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, false
		}
		if i, dup := index[key]; dup {
			out[i].Value = value
			continue
		}
		index[key] = len(out)
		out = append(out, member{Key: key, Value: value})
	}
	return out, true
}
