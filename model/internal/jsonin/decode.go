package jsonin

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// defaulter is a type whose zero value is not its default.
type defaulter interface{ SetDefaults() }

// DecodeOptions say how strictly JSON is read.
type DecodeOptions struct {
	// AllowUnknown ignores keys the target type lacks instead of refusing them.
	AllowUnknown bool
	// Required lists keys of the top-level object that have no default:
	// each one missing or null is reported, in this order, after the
	// object's other problems.
	Required []string
	// RefuseDuplicates reports a key given twice in an object (encoding/json
	// and Python keep the last silently, which the spec's inputs rely on).
	RefuseDuplicates bool
	// Pace, when set, is called after each element of a list of objects
	// (a browser yields to the page there while a big document is read).
	Pace func()
}

// DecodeJSON reads the JSON object data into dst (a pointer to a struct
// whose fields already hold their defaults), field by field, and returns
// every problem with its path: malformed JSON, values of the wrong type and,
// unless opts.AllowUnknown, unknown keys. Keys that are missing or null keep
// their defaults; elements of struct lists start from SetDefaults.
//
// A UTF-8 byte-order mark is skipped; UTF-16 input is refused with a message
// that says so; text that is not valid UTF-8 is refused at its path.
func DecodeJSON(data []byte, dst any, opts DecodeOptions) Problems {
	var probs Problems
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if isUTF16(data) {
		probs.Add("", "the input is UTF-16 text; save it as UTF-8")
		return probs
	}
	if !validPaced(data, opts.Pace) {
		probs.Add("", syntaxMessage(data))
		return probs
	}
	DecodeAt(data, dst, opts, "", &probs)
	if !utf8.Valid(data) && !probs.Has(notUTF8) {
		line, col := lineColumn(data, invalidUTF8At(data))
		probs.Add("", fmt.Sprintf("%s (line %d, column %d)", notUTF8, line, col))
	}
	return probs
}

// notUTF8 is the problem of text that is not valid UTF-8.
const notUTF8 = "not valid UTF-8 text"

// isUTF16 reports a UTF-16 byte-order mark, or JSON whose first character
// comes with a zero byte (UTF-16 without a mark).
func isUTF16(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) ||
		(len(data) >= 2 && (data[0] == 0) != (data[1] == 0))
}

// invalidUTF8At is the offset of the first byte that is not valid UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// lineColumn is where the byte at offset of data is: its line and column,
// both from 1.
func lineColumn(data []byte, offset int) (line, col int) {
	return 1 + bytes.Count(data[:offset], []byte{'\n'}), offset - bytes.LastIndexByte(data[:offset], '\n')
}

// DecodeAt decodes valid JSON into dst, reporting problems under path.
func DecodeAt(data []byte, dst any, opts DecodeOptions, path string, probs *Problems) {
	NewDecoder(opts, probs).DecodeAt(data, dst, path)
}

// NewDecoder returns a Decoder that reports into probs.
func NewDecoder(opts DecodeOptions, probs *Problems) Decoder {
	return Decoder{opts: opts, probs: probs, types: map[reflect.Type]map[string]fieldIndex{}}
}

// DecodeAt decodes valid JSON into dst, reporting problems under path.
func (d Decoder) DecodeAt(data []byte, dst any, path string) {
	d.value(bytes.TrimSpace(data), reflect.ValueOf(dst).Elem(), path)
}

// Decoder decodes values under paths, adding problems to one list.
type Decoder struct {
	opts  DecodeOptions
	probs *Problems
	types map[reflect.Type]map[string]fieldIndex
}

// fieldIndex is where a JSON key's field is: its index path, and its place
// among the type's keys.
type fieldIndex struct {
	path  []int
	place int
}

// rawMessage is the type of JSON kept undecoded.
var rawMessage = reflect.TypeFor[json.RawMessage]()

func (d Decoder) value(raw []byte, v reflect.Value, path string) {
	if string(raw) == "null" {
		return
	}
	switch {
	case v.Type() == rawMessage:
		v.SetBytes(raw) // valid already: kept as it is, not copied
	case v.Kind() == reflect.Struct:
		d.object(raw, v, path)
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct:
		d.list(raw, v, path)
	default:
		if d.scalar(raw, v, path, "") {
			return
		}
		if !utf8.Valid(raw) {
			d.probs.Add(path, notUTF8)
			return
		}
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			d.probs.Add(path, typeMessage(err, raw))
		}
	}
}

// scalar decodes numbers and booleans without encoding/json's machinery
// (the common case, and the hot one in the browser), with the same
// messages, at key of parent (the path is built only for a problem). It
// reports false for what it leaves to encoding/json.
func (d Decoder) scalar(raw []byte, v reflect.Value, parent, key string) bool {
	if v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Float64 {
		x := reflect.New(v.Type().Elem())
		if !d.scalar(raw, x.Elem(), parent, key) {
			return false
		}
		v.Set(x)
		return true
	}
	path := func() string {
		if key == "" {
			return parent
		}
		return JoinPath(parent, key)
	}
	s := string(raw)
	isNumber := len(s) > 0 && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9'))
	switch v.Kind() {
	case reflect.Float64:
		if !isNumber {
			return false
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			d.probs.Add(path(), "number out of range: "+Describe(raw))
			return true
		}
		v.SetFloat(x)
		return true
	case reflect.Int:
		if !isNumber {
			return false
		}
		x, err := strconv.ParseInt(s, 10, 64)
		if err != nil || int64(int(x)) != x {
			d.probs.Add(path(), "expected a whole number, got "+Describe(raw))
			return true
		}
		v.SetInt(x)
		return true
	case reflect.Bool:
		if s != "true" && s != "false" {
			return false
		}
		v.SetBool(s == "true")
		return true
	case reflect.String:
		return plainString(raw, v)
	case reflect.Slice:
		return plainList(raw, v)
	}
	return false
}

// plainString sets a string field from a JSON string with no escape, no
// control character and valid UTF-8, as encoding/json would, for a type
// that does not read JSON or text itself.
func plainString(raw []byte, v reflect.Value) bool {
	if customReader(v) {
		return false
	}
	body, ok := plainStringBody(raw)
	if ok {
		v.SetString(string(body))
	}
	return ok
}

// plainStringBody is the text of a JSON string with no escape, no control
// character and valid UTF-8; false for any other value.
func plainStringBody(raw []byte) ([]byte, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return nil, false
	}
	body := raw[1 : len(raw)-1]
	for _, c := range body {
		if c == '\\' || c == '"' || c < 0x20 {
			return nil, false
		}
	}
	return body, utf8.Valid(body)
}

// plainList sets a []float64, a []int, or a list of a string type that
// does not read JSON or text itself, from a JSON list of plain numbers
// that fit or of plain strings (plainStringBody), as encoding/json would (a
// new slice, empty and not nil for []); anything else (other named types,
// other elements) is left to encoding/json and its messages. A list of
// compliance requirements, read by encoding/json, took a sixth of reading
// a big scenario in a browser.
func plainList(raw []byte, v reflect.Value) bool {
	t := v.Type()
	elem := t.Elem()
	ofText := elem.Kind() == reflect.String && plainText(elem)
	if (t != reflect.TypeFor[[]float64]() && t != reflect.TypeFor[[]int]() && !ofText) || len(raw) < 2 || raw[0] != '[' || !v.CanAddr() {
		return false
	}
	var floats []float64
	var ints []int
	var texts [][]byte
	plain := true
	EachElement(raw, func(e []byte) {
		if !plain {
			return
		}
		if ofText {
			body, ok := plainStringBody(e)
			texts, plain = append(texts, body), ok
			return
		}
		if len(e) == 0 || (e[0] != '-' && (e[0] < '0' || e[0] > '9')) {
			plain = false
			return
		}
		if elem.Kind() == reflect.Float64 {
			x, err := strconv.ParseFloat(string(e), 64)
			floats, plain = append(floats, x), err == nil
			return
		}
		x, err := strconv.ParseInt(string(e), 10, 64)
		ints, plain = append(ints, int(x)), err == nil && int64(int(x)) == x
	})
	if !plain {
		return false
	}
	switch p := v.Addr().Interface().(type) {
	case *[]float64:
		if floats == nil {
			floats = []float64{}
		}
		*p = floats
	case *[]int:
		if ints == nil {
			ints = []int{}
		}
		*p = ints
	default:
		list := reflect.MakeSlice(t, len(texts), len(texts))
		for i, text := range texts {
			list.Index(i).SetString(string(text))
		}
		v.Set(list)
	}
	return true
}

// plainText reports a type that does not read its text or JSON itself
// (neither it nor its pointer, whose methods include its own), remembered
// by type (asking reflect each time was most of reading such a list in a
// browser).
func plainText(t reflect.Type) bool {
	if known, ok := plainTextTypes.Load(t); ok {
		return known.(bool)
	}
	ptr := reflect.PointerTo(t)
	plain := !ptr.Implements(textReader) && !ptr.Implements(jsonReader)
	plainTextTypes.Store(t, plain)
	return plain
}

// plainTextTypes holds plainText's answers.
var plainTextTypes sync.Map

// textReader and jsonReader are the interfaces of types that read their
// text or JSON themselves.
var (
	textReader = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonReader = reflect.TypeFor[json.Unmarshaler]()
)

// customReader reports a value that reads its JSON or text itself (or
// cannot be addressed to: encoding/json then decides).
func customReader(v reflect.Value) bool { return !v.CanAddr() || !plainText(v.Type()) }

func (d Decoder) object(raw []byte, v reflect.Value, path string) {
	if len(raw) == 0 || raw[0] != '{' {
		d.probs.Add(path, "expected an object, got "+Describe(raw))
		return
	}
	fields := d.fieldsOf(v.Type())
	var unknown []string
	var given map[string]bool // the top level's keys with a value, when some are required
	if path == "" && len(d.opts.Required) > 0 {
		given = map[string]bool{}
	}
	var seen uint64 // the fields given, by their place
	EachMember(raw, func(key string, value []byte) {
		if given != nil {
			given[key] = string(value) != "null"
		}
		if !utf8.ValidString(key) {
			d.probs.Add(path, "a key is "+notUTF8)
			return
		}
		if index, ok := fields[key]; ok {
			if d.opts.RefuseDuplicates && index.place < 64 { // every type the planner reads has fewer keys
				bit := uint64(1) << index.place
				if seen&bit != 0 {
					d.probs.Add(JoinPath(path, key), "given twice (JSON readers would keep either value)")
					return
				}
				seen |= bit
			}
			field := v.FieldByIndex(index.path)
			if d.scalar(value, field, path, key) {
				return
			}
			d.value(value, field, JoinPath(path, key))
		} else if !d.opts.AllowUnknown {
			unknown = append(unknown, key)
		}
	})
	sort.Strings(unknown)
	for _, k := range unknown {
		d.probs.Add(JoinPath(path, k), "unknown field")
	}
	if given != nil {
		for _, k := range d.opts.Required {
			if !given[k] {
				d.probs.Add(k, "required")
			}
		}
	}
}

// fieldsOf maps the JSON keys of a struct type to its fields, descending
// into embedded structs; computed once per type and decode.
func (d Decoder) fieldsOf(t reflect.Type) map[string]fieldIndex {
	if m, ok := d.types[t]; ok {
		return m
	}
	m := map[string]fieldIndex{}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			index := append(append([]int(nil), prefix...), i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "" {
				walk(f.Type, index)
				continue
			}
			if name := jsonName(f); name != "" {
				m[name] = fieldIndex{path: index, place: len(m)}
			}
		}
	}
	walk(t, nil)
	d.types[t] = m
	return m
}

// EachMember calls fn with every key and raw value of a valid JSON object,
// in order. On text that is not valid JSON it ends, having called fn with
// whatever it made of it.
func EachMember(obj []byte, fn func(key string, value []byte)) {
	i := SkipSpace(obj, 1)
	for i < len(obj) && obj[i] != '}' {
		start := i
		end := SkipValue(obj, i)
		key := decodeKey(obj[i:end])
		i = SkipSpace(obj, end)
		i = SkipSpace(obj, i+1) // past the colon
		end = SkipValue(obj, i)
		fn(key, obj[i:end])
		i = SkipSpace(obj, end)
		if i < len(obj) && obj[i] == ',' {
			i = SkipSpace(obj, i+1)
		}
		if i <= start {
			return
		}
	}
}

// EachElement calls fn with each element of a valid JSON list. On text
// that is not valid JSON it ends, having called fn with whatever it made of
// it.
func EachElement(list []byte, fn func(value []byte)) {
	for i := SkipSpace(list, 1); i < len(list) && list[i] != ']'; {
		start := i
		end := SkipValue(list, i)
		fn(list[i:end])
		i = SkipSpace(list, end)
		if i < len(list) && list[i] == ',' {
			i = SkipSpace(list, i+1)
		}
		if i <= start {
			return
		}
	}
}

// decodeKey reads a JSON string (an object key).
func decodeKey(raw []byte) string {
	if len(raw) >= 2 && bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1])
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

// SkipSpace returns the index of the first non-space byte of b from i.
func SkipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// SkipValue returns the end of the valid JSON value that starts at i.
func SkipValue(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		for j := i + 1; j < len(b); j++ {
			switch b[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
		return len(b)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				j = SkipValue(b, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(b)
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\t' && b[j] != '\n' && b[j] != '\r' {
		j++
	}
	return j
}

func (d Decoder) list(raw []byte, v reflect.Value, path string) {
	if len(raw) == 0 || raw[0] != '[' {
		d.probs.Add(path, "expected a list, got "+Describe(raw))
		return
	}
	n := 0
	EachElement(raw, func([]byte) { n++ })
	s := reflect.MakeSlice(v.Type(), n, n)
	i := 0
	EachElement(raw, func(item []byte) {
		e := s.Index(i)
		if def, ok := e.Addr().Interface().(defaulter); ok {
			def.SetDefaults()
		}
		d.value(item, e, path+"["+strconv.Itoa(i)+"]")
		i++
		if d.opts.Pace != nil {
			d.opts.Pace()
		}
	})
	v.Set(s)
}

// jsonName is the JSON key of a struct field, or "" for fields JSON skips.
func jsonName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return ""
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		return f.Name
	}
	return name
}

// typeMessage explains why a JSON value does not fit its field.
func typeMessage(err error, raw []byte) string {
	// json.Unmarshal returns its errors unwrapped (a type switch, not
	// errors.As: that brings reflection into the page for nothing)
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		switch te.Type.Kind() {
		case reflect.Float64, reflect.Float32:
			if te.Value == "number" || strings.HasPrefix(te.Value, "number ") {
				return "number out of range: " + Describe(raw)
			}
			return "expected a number, got " + Describe(raw)
		case reflect.Int, reflect.Int64, reflect.Int32:
			return "expected a whole number, got " + Describe(raw)
		case reflect.Bool:
			return "expected true or false, got " + Describe(raw)
		case reflect.String:
			return "expected a string, got " + Describe(raw)
		case reflect.Slice:
			return "expected a list, got " + Describe(raw)
		}
		return fmt.Sprintf("expected %s, got %s", te.Type.Kind(), Describe(raw))
	}
	return "invalid value " + Describe(raw) + ": " + err.Error()
}

// Describe names a JSON value briefly for a message.
func Describe(raw []byte) string {
	s := string(bytes.TrimSpace(raw))
	switch {
	case s == "":
		return "nothing"
	case s[0] == '{':
		return "an object"
	case s[0] == '[':
		return "a list"
	case s == "true" || s == "false":
		return s
	}
	if len(s) > 40 {
		s = s[:37] + "…"
	}
	return s
}

// syntaxMessage locates a JSON syntax error by line and column.
func syntaxMessage(data []byte) string {
	var v any
	err := json.Unmarshal(data, &v)
	if se, ok := err.(*json.SyntaxError); ok {
		line, col := lineColumn(data, int(se.Offset)) // the offending byte is the one before the offset
		return fmt.Sprintf("invalid JSON at line %d, column %d: %s", line, col-1, se.Error())
	}
	if err != nil {
		return "invalid JSON: " + err.Error()
	}
	return "invalid JSON"
}
