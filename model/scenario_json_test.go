package model

import (
	"encoding/json"
	"fmt"
	"testing"
)

// Written function by function, a scenario is byte for byte what
// json.Marshal writes, with one pace per function.
func TestAppendScenarioJSONIsMarshal(t *testing.T) {
	s := DefaultScenario()
	s.Name = `"functions":[] <b>&</b>`
	s.Functions[1].Name = `a "functions":[] name`
	for i := len(s.Functions); i < 40; i++ {
		f := s.Functions[i%4]
		f.Name = fmt.Sprintf("%s_%d", f.Name, i)
		s.Functions = append(s.Functions, f)
	}
	for _, sc := range []Scenario{s, NewScenario()} {
		want, err := json.Marshal(&sc)
		if err != nil {
			t.Fatal(err)
		}
		paces := 0
		got, err := AppendScenarioJSON([]byte("x"), &sc, func() { paces++ })
		if err != nil || string(got) != "x"+string(want) || paces != len(sc.Functions) {
			t.Errorf("%d functions: paced %d, %v\n%.300s\nwant\n%.300s", len(sc.Functions), paces, err, got, want)
		}
	}
}
