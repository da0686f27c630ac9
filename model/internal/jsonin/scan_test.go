package jsonin

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// validSeeds are texts at the edges of JSON's grammar.
var validSeeds = []string{
	``, ` `, `0`, `-0`, `01`, `-`, `1.`, `.5`, `1.5`, `1e5`, `1E+5`, `1e-05`, `1e`, `1e+`, `-1.5e3`, `1.5.2`, `00`, `0x1`,
	`true`, `tru`, `truex`, `false`, `null`, `nul`, `NaN`, `Infinity`, `"a"`, `"`, `"\"`, `"\\"`, `"\/\b\f\n\r\t"`,
	`"\u00e9"`, `"\u00G9"`, `"\u00e"`, `"\x"`, "\"a\tb\"", "\"a\x7fb\"", "\"\xff\xfe\"", `"é"`,
	`{}`, `[]`, `{ }`, `[ ]`, `{"a":1}`, `{"a" : 1 , "b":[1,2,{}]}`, `{"a":1,}`, `[1,]`, `[,1]`, `[1 2]`, `{"a"}`, `{"a":}`,
	`{1:2}`, `{"a":1 "b":2}`, `[1]]`, `[[1]`, `{"a":1}}`, ` [1] `, "\t\n\r[1]\r\n", "[1]\v", `[1] x`, `[] []`,
	`{"a":[{"b":null,"c":true}],"d":-0.0e0}`, "\ufeff{}", `[1,2,3` + strings.Repeat(` `, 3),
}

// TestValidJSONIsJSONValid compares validJSON with json.Valid on the edges
// of the grammar, at the nesting limit, and on 20,000 damaged copies of a
// document.
func TestValidJSONIsJSONValid(t *testing.T) {
	check := func(d string) {
		t.Helper()
		if got, want := validJSON([]byte(d)), json.Valid([]byte(d)); got != want {
			t.Fatalf("%.80q: validJSON %v, json.Valid %v", d, got, want)
		}
	}
	for _, s := range validSeeds {
		check(s)
	}
	for _, depth := range []int{maxDepth - 1, maxDepth, maxDepth + 1} {
		check(strings.Repeat("[", depth) + strings.Repeat("]", depth))
		check(strings.Repeat(`{"a":`, depth-1) + "[]" + strings.Repeat("}", depth-1))
	}
	doc := `{"name": "big \"one\"", "n": [1, -2.5, 3e-2, 0, true, false, null], "o": {"a": [{"b": "\u00e9\n"}, []], "c": {}}}`
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("{}[],:\"\\ 0123456789.eE+-tfnulrsa\x01\x7f\xff")
	for range 20_000 {
		b := []byte(doc)
		for range 1 + rng.IntN(3) {
			at := rng.IntN(len(b))
			switch rng.IntN(3) {
			case 0:
				b[at] = alphabet[rng.IntN(len(alphabet))]
			case 1:
				b = append(b[:at], b[at+1:]...)
			default:
				b = b[:at]
			}
			if len(b) == 0 {
				break
			}
		}
		check(string(b))
	}
}

// FuzzValidJSON compares validJSON with json.Valid on any text.
func FuzzValidJSON(f *testing.F) {
	for _, s := range validSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, d string) {
		if got, want := validJSON([]byte(d)), json.Valid([]byte(d)); got != want {
			t.Fatalf("%q: validJSON %v, json.Valid %v", d, got, want)
		}
	})
}
