package model

import (
	"bytes"
	"encoding/json"
)

// AppendScenarioJSON appends s as json.Marshal writes it, each function
// written on its own with pace (when set) called after it: a browser
// yields to the page between functions where one Marshal of thousands was
// one long task.
func AppendScenarioJSON(dst []byte, s *Scenario, pace func()) ([]byte, error) {
	if pace == nil || len(s.Functions) == 0 {
		data, err := json.Marshal(s)
		return append(dst, data...), err
	}
	top := *s
	top.Functions = []Function{}
	head, err := json.Marshal(&top)
	if err != nil {
		return dst, err
	}
	// The scenario's own key: no other object of a scenario has one, and a
	// string holding it would have its quotes escaped.
	empty := []byte(`"functions":[]`)
	at := bytes.Index(head, empty)
	if at < 0 {
		data, err := json.Marshal(s)
		return append(dst, data...), err
	}
	dst = append(dst, head[:at+len(empty)-1]...)
	for i := range s.Functions {
		if i > 0 {
			dst = append(dst, ',')
		}
		fn, err := json.Marshal(&s.Functions[i])
		if err != nil {
			return dst, err
		}
		dst = append(dst, fn...)
		pace()
	}
	return append(dst, head[at+len(empty)-1:]...), nil
}
