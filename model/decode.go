package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// defaulter is a type whose zero value is not its default.
type defaulter interface{ SetDefaults() }

// DecodeOptions say how strictly JSON is read.
type DecodeOptions struct {
	// AllowUnknown ignores keys the target type lacks instead of refusing them.
	AllowUnknown bool
}

// DecodeJSON reads the JSON object data into dst (a pointer to a struct
// whose fields already hold their defaults), field by field, and returns
// every problem with its path: malformed JSON, values of the wrong type and,
// unless opts.AllowUnknown, unknown keys. Keys that are missing or null keep
// their defaults; elements of struct lists start from SetDefaults.
func DecodeJSON(data []byte, dst any, opts DecodeOptions) Problems {
	var probs Problems
	if !json.Valid(data) {
		probs.add("", syntaxMessage(data))
		return probs
	}
	decodeAt(data, dst, opts, "", &probs)
	return probs
}

// decodeAt decodes valid JSON into dst, reporting problems under path.
func decodeAt(data []byte, dst any, opts DecodeOptions, path string, probs *Problems) {
	d := decoder{opts: opts, probs: probs}
	d.value(bytes.TrimSpace(data), reflect.ValueOf(dst).Elem(), path)
}

type decoder struct {
	opts  DecodeOptions
	probs *Problems
}

func (d decoder) value(raw []byte, v reflect.Value, path string) {
	if string(raw) == "null" {
		return
	}
	switch {
	case v.Kind() == reflect.Struct:
		d.object(raw, v, path)
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct:
		d.list(raw, v, path)
	default:
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			d.probs.add(path, typeMessage(err, raw))
		}
	}
}

func (d decoder) object(raw []byte, v reflect.Value, path string) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		d.probs.add(path, "expected an object, got "+describe(raw))
		return
	}
	known := make(map[string]bool, len(fields))
	d.fields(fields, v, path, known)
	if d.opts.AllowUnknown {
		return
	}
	var unknown []string
	for k := range fields {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		d.probs.add(joinPath(path, k), "unknown field")
	}
}

// fields decodes the members of an object into the fields of struct v,
// descending into embedded structs, and marks the keys it knows.
func (d decoder) fields(members map[string]json.RawMessage, v reflect.Value, path string, known map[string]bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct && f.Tag.Get("json") == "" {
			d.fields(members, v.Field(i), path, known)
			continue
		}
		name := jsonName(f)
		if name == "" {
			continue
		}
		known[name] = true
		if raw, ok := members[name]; ok {
			d.value(raw, v.Field(i), joinPath(path, name))
		}
	}
}

func (d decoder) list(raw []byte, v reflect.Value, path string) {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		d.probs.add(path, "expected a list, got "+describe(raw))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		e := s.Index(i)
		if def, ok := e.Addr().Interface().(defaulter); ok {
			def.SetDefaults()
		}
		d.value(item, e, path+"["+strconv.Itoa(i)+"]")
	}
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
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		switch te.Type.Kind() {
		case reflect.Float64, reflect.Float32:
			if te.Value == "number" || strings.HasPrefix(te.Value, "number ") {
				return "number out of range: " + describe(raw)
			}
			return "expected a number, got " + describe(raw)
		case reflect.Int, reflect.Int64, reflect.Int32:
			return "expected a whole number, got " + describe(raw)
		case reflect.Bool:
			return "expected true or false, got " + describe(raw)
		case reflect.String:
			return "expected a string, got " + describe(raw)
		case reflect.Slice:
			return "expected a list, got " + describe(raw)
		}
		return fmt.Sprintf("expected %s, got %s", te.Type.Kind(), describe(raw))
	}
	return "invalid value " + describe(raw) + ": " + err.Error()
}

// describe names a JSON value briefly for a message.
func describe(raw []byte) string {
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
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:se.Offset], []byte{'\n'})
		col := int(se.Offset) - bytes.LastIndexByte(data[:se.Offset], '\n') - 1
		return fmt.Sprintf("invalid JSON at line %d, column %d: %s", line, col, se.Error())
	}
	if err != nil {
		return "invalid JSON: " + err.Error()
	}
	return "invalid JSON"
}
