package model

import (
	"reflect"
	"testing"
)

// Members come in document order, nested values whole; a key given twice
// keeps its first place and its last value, as Python's json does; what is
// not an object is refused.
func TestOrderedMembers(t *testing.T) {
	got, ok := orderedMembers([]byte(` {"b": {"x": [1, {"y": "}"}]}, "a": 1, "b\u0020": 2, "a": "last"} `))
	want := []member{{"b", []byte(`{"x": [1, {"y": "}"}]}`)}, {"a", []byte(`"last"`)}, {"b ", []byte(`2`)}}
	if !ok || len(got) != len(want) {
		t.Fatalf("%v %q", ok, got)
	}
	for i := range want {
		if got[i].Key != want[i].Key || !reflect.DeepEqual([]byte(got[i].Value), []byte(want[i].Value)) {
			t.Errorf("member %d: %q = %s, want %q = %s", i, got[i].Key, got[i].Value, want[i].Key, want[i].Value)
		}
	}
	if m, ok := orderedMembers([]byte(`{}`)); !ok || len(m) != 0 {
		t.Errorf("empty object: %v %v", m, ok)
	}
	for _, bad := range []string{`[1, 2]`, `"functions"`, ``, `null`} {
		if _, ok := orderedMembers([]byte(bad)); ok {
			t.Errorf("%q read as an object", bad)
		}
	}
}
