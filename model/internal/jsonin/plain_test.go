package jsonin

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

type plainTarget struct {
	S  string    `json:"s"`
	K  kind      `json:"k"`
	F  []float64 `json:"f"`
	I  []int     `json:"i"`
	FK []weight  `json:"fk"`
	SL []string  `json:"sl"`
	KL []kind    `json:"kl"`
	TL []shouted `json:"tl"`
}

// shouted reads its text in capitals: a list of it is left to
// encoding/json, which calls UnmarshalText.
type shouted string

func (s *shouted) UnmarshalText(text []byte) error {
	*s = shouted(strings.ToUpper(string(text)))
	return nil
}

type kind string
type weight float64

// Strings, lists of numbers and lists of strings read without encoding/json give what it
// gives, and what they leave to it (escapes, bad elements) keeps its
// messages.
func TestPlainValuesReadAsEncodingJSON(t *testing.T) {
	for _, doc := range []string{
		`{"s": "plain", "k": "api", "f": [1, 2.5, -3e2], "i": [0, 7, -2], "fk": [0.5]}`,
		`{"s": "é ü 東京", "f": [], "i": []}`,
		`{"s": "tab\there \"quoted\" \u00e9", "k": "a\/b"}`,
		`{"f": [1, "2"], "i": [1.5]}`,
		`{"i": [1, null, 3], "f": [null]}`,
		`{"i": [99999999999999999999]}`,
		`{"f": [1e400]}`,
		`{"s": 5}`,
		`{"f": {"a": 1}}`,
		`{"s": ""}`,
		`{"sl": ["a", "é", ""], "kl": ["api", "pci"], "tl": ["quiet", "x"]}`,
		`{"sl": [], "kl": [], "tl": []}`,
		`{"sl": ["tab\there", "\u00e9"], "kl": ["a\"b"]}`,
		`{"sl": ["a", 1], "kl": [null, "b"]}`,
		`{"kl": "api"}`,
		`{"sl": [["a"]]}`,
	} {
		var want, got plainTarget
		wantErr := json.Unmarshal([]byte(doc), &want)
		probs := DecodeJSON([]byte(doc), &got, DecodeOptions{})
		if (wantErr != nil) != (len(probs) > 0) {
			t.Errorf("%s: encoding/json says %v, the decoder %v", doc, wantErr, probs)
			continue
		}
		if wantErr == nil && !reflect.DeepEqual(want, got) {
			t.Errorf("%s: %#v, encoding/json gives %#v", doc, got, want)
		}
	}
	var got plainTarget
	probs := DecodeJSON([]byte(`{"f": [1, "2"]}`), &got, DecodeOptions{})
	if len(probs) != 1 || probs[0].Path != "f" || probs[0].Message != "expected a number, got a list" {
		t.Errorf("a bad element: %v", probs)
	}
}
