package jsonin

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// validPaced agrees with json.Valid on a long document and on every kind
// of damage to it (bytes changed, removed or cut anywhere, the framing
// between list elements included), and paces once per element.
func TestValidPacedIsJSONValid(t *testing.T) {
	var b strings.Builder
	b.WriteString(` {"name": "big", "pricing": {"profile": "x"}, "functions": [`)
	for i := range 800 {
		if i > 0 {
			b.WriteString(",\n ")
		}
		fmt.Fprintf(&b, `{"name": "f_%d", "memory": %d, "profile": [1, 2.5, -3e2], "on": true, "s": "a\"b\\c"}`, i, 128+i)
	}
	b.WriteString(`], "extra": [1, 2], "more": {"a": [{"b": null}]}} `)
	doc := []byte(b.String())
	if len(doc) < pacedListBytes || !json.Valid(doc) {
		t.Fatalf("the test document is %d bytes, valid %v", len(doc), json.Valid(doc))
	}
	paces := 0
	if !validPaced(doc, func() { paces++ }) || paces != 800 {
		t.Fatalf("valid document refused, or paced %d times", paces)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(what string, d []byte) {
		t.Helper()
		if got, want := validPaced(d, func() {}), json.Valid(d); got != want {
			t.Fatalf("%s: validPaced %v, json.Valid %v", what, got, want)
		}
	}
	for _, c := range []string{`{`, `}`, `[`, `]`, `,`, `:`, `"`, `\`, ` `, `x`, `0`} {
		for range 100 {
			at := rng.IntN(len(doc))
			changed := append([]byte(nil), doc...)
			changed[at] = c[0]
			check(fmt.Sprintf("byte %d set to %q", at, c), changed)
			removed := append(append([]byte(nil), doc[:at]...), doc[at+1:]...)
			check(fmt.Sprintf("byte %d removed", at), removed)
			check(fmt.Sprintf("cut at %d", at), doc[:at])
		}
	}
	// The commas between the list's elements are checked too.
	check("elements without a comma", []byte(strings.Replace(string(doc), "},\n {", "}\n {", 1)))
	check("two commas", []byte(strings.Replace(string(doc), "},\n {", "},,\n {", 1)))
	check("a trailing comma", []byte(strings.Replace(string(doc), `}], "extra"`, `},], "extra"`, 1)))
}
