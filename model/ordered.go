package model

import (
	"bytes"
	"encoding/json"

	"planner/model/internal/jsonin"
)

// member is one key and raw value of a JSON object.
type member struct {
	Key   string
	Value json.RawMessage
}

// orderedMembers splits a JSON object of valid JSON (a value of input that
// jsonin.DecodeJSON has read) into its members in document order (the
// spec's dicts of functions are ordered), in one pass that copies nothing.
// Duplicate keys keep the last value at the first key's place, as Python's
// json does.
func orderedMembers(raw []byte) ([]member, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, false
	}
	var out []member
	index := map[string]int{}
	jsonin.EachMember(raw, func(key string, value []byte) {
		if i, dup := index[key]; dup {
			out[i].Value = value
			return
		}
		index[key] = len(out)
		out = append(out, member{Key: key, Value: value})
	})
	return out, true
}
