package model

import (
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"planner/model/internal/jsonin"
	"planner/model/platform"
	"planner/model/pricing"
	"planner/model/spec"
)

// A field's rules are written once, in its `jsonschema` struct tag: bounds
// (minimum, maximum, exclusiveMinimum), lengths (minLength, maxLength), item
// counts (minItems, maxItems, uniqueItems), the bounds of a list's items and
// fixed enums. The schema generator (schemas/gen) turns the tags into
// schemas/scenario.json; Validate reads the same tags through fieldRules.
// Values that are data, not code (price profiles, runtimes, compliance
// regimes), are listed by DataEnums for both.

// DataEnums are the allowed values of the fields whose choices are data,
// keyed "Type.json_key" (Go type, JSON name): price profiles,
// architectures, runtimes and compliance regimes. The schema generator writes them into the schema;
// Validate checks against them.
func DataEnums() map[string][]string {
	return map[string][]string{
		"Pricing.profile":                  pricing.ProfileIDs(),
		"Pricing.architecture":             archStrings(pricing.Architectures()),
		"Pricing.platform":                 platform.IDs(),
		"Function.runtime":                 spec.RuntimeIDs(),
		"Function.architecture":            append([]string{""}, archStrings(pricing.Architectures())...),
		"MeasuredDuration.architecture":    append([]string{""}, archStrings(pricing.Architectures())...),
		"Function.compliance_requirements": spec.ComplianceIDs(),
		"Scenario.checklist":               ChecklistIDs(),
	}
}

// bounds are a number's or a length's limits; has says which are set.
type bounds struct {
	min, max             float64
	hasMin, hasMax       bool
	exclusiveMin         bool
	minLength, maxLength int // -1: none
	enum                 []string
}

// fieldRule is what one field allows.
type fieldRule struct {
	index int
	key   string
	// field is "Type.json_key", as DataEnums and skip name it.
	field string
	bounds
	// minItems and maxItems bound a list's length (-1: none); items bounds
	// its numbers or strings; unique forbids repeated values.
	minItems, maxItems int
	items              bounds
	unique             bool
	// nested holds the rules of a struct, or of a list's structs.
	nested *typeRules
}

// typeRules are the rules of one struct type's fields, in field order.
type typeRules struct {
	name   string
	fields []fieldRule
}

// scenarioRules are the rules of Scenario and every type under it, read
// from the tags once (they are fixed at compile time; the data enums are
// read-only).
var scenarioRules = sync.OnceValue(func() *typeRules {
	return rulesOf(reflect.TypeFor[Scenario](), DataEnums())
})

// functionRules are the rules of a Function, as scenarioRules holds them
// for each of its functions.
var functionRules = sync.OnceValue(func() *typeRules {
	for _, r := range scenarioRules().fields {
		if r.key == "functions" {
			return r.nested
		}
	}
	return &typeRules{} // Scenario always has functions (TestWithFunctionReadsAsTheWholeScenario)
})

// rulesOf reads the rules of struct type t from its fields' tags.
func rulesOf(t reflect.Type, enums map[string][]string) *typeRules {
	tr := &typeRules{name: t.Name()}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if key == "" || key == "-" {
			continue
		}
		r := fieldRule{index: i, key: key, field: tr.name + "." + key, minItems: -1, maxItems: -1}
		r.bounds, r.items = noBounds(), noBounds()
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		own := &r.bounds
		if ft.Kind() == reflect.Slice {
			own = &r.items
			if elem := ft.Elem(); elem.Kind() == reflect.Struct {
				r.nested = rulesOf(elem, enums)
			}
		} else if ft.Kind() == reflect.Struct {
			r.nested = rulesOf(ft, enums)
		}
		for _, kv := range strings.Split(f.Tag.Get("jsonschema"), ",") {
			name, val, _ := strings.Cut(kv, "=")
			switch name {
			case "minItems":
				r.minItems, _ = strconv.Atoi(val)
			case "maxItems":
				r.maxItems, _ = strconv.Atoi(val)
			case "uniqueItems":
				r.unique = true
			default:
				own.set(name, val)
			}
		}
		if values, ok := enums[r.field]; ok {
			own.enum = values
		}
		tr.fields = append(tr.fields, r)
	}
	return tr
}

func noBounds() bounds { return bounds{minLength: -1, maxLength: -1} }

// set reads one keyword of a tag.
func (b *bounds) set(name, val string) {
	number := func() float64 { x, _ := strconv.ParseFloat(val, 64); return x }
	switch name {
	case "minimum":
		b.min, b.hasMin = number(), true
	case "exclusiveMinimum":
		b.min, b.hasMin, b.exclusiveMin = number(), true, true
	case "maximum":
		b.max, b.hasMax = number(), true
	case "minLength":
		b.minLength, _ = strconv.Atoi(val)
	case "maxLength":
		b.maxLength, _ = strconv.Atoi(val)
	case "enum":
		b.enum = append(b.enum, val)
	}
}

// checkRules checks the value v of a struct (at the validator's current
// path) against its rules, and the structs under it. skip names fields
// (Type.json_key) whose rules the caller checks itself. Paths are built only
// for problems.
func (v *validator) checkRules(val reflect.Value, tr *typeRules, skip func(field string) bool) {
	for i := range tr.fields {
		r := &tr.fields[i]
		if skip != nil && skip(r.field) {
			continue
		}
		fv := val.Field(r.index)
		if fv.Kind() == reflect.Pointer {
			if fv.IsNil() {
				continue
			}
			fv = fv.Elem()
		}
		switch fv.Kind() {
		case reflect.Struct:
			at := v.at
			v.at = jsonin.JoinPath(at, r.key)
			v.checkRules(fv, r.nested, skip)
			v.at = at
		case reflect.Slice:
			v.checkList(r, fv, skip)
		default:
			v.checkValue(r.key, -1, fv, &r.bounds)
		}
	}
}

// checkList checks a list's length, its items and their uniqueness.
func (v *validator) checkList(r *fieldRule, list reflect.Value, skip func(string) bool) {
	n := list.Len()
	switch {
	case r.minItems >= 0 && r.minItems == r.maxItems && n != r.minItems:
		v.add(r.key, "needs "+strconv.Itoa(r.minItems)+" values, got "+strconv.Itoa(n))
	case r.minItems >= 0 && n < r.minItems:
		v.add(r.key, "needs at least "+strconv.Itoa(r.minItems)+" values, got "+strconv.Itoa(n))
	case r.maxItems >= 0 && n > r.maxItems:
		v.add(r.key, "more than "+strconv.Itoa(r.maxItems)+" values (got "+strconv.Itoa(n)+")")
	}
	for i := 0; i < n; i++ {
		item := list.Index(i)
		if r.nested != nil {
			at := v.at
			v.at = jsonin.JoinPath(at, itemKey(r.key, i))
			v.checkRules(item, r.nested, skip)
			v.at = at
			if v.pace != nil {
				v.pace()
			}
			continue
		}
		v.checkValue(r.key, i, item, &r.items)
		if r.unique && item.Kind() == reflect.String {
			for j := 0; j < i; j++ {
				if list.Index(j).String() == item.String() {
					v.add(itemKey(r.key, i), "repeats "+itemKey(r.key, j))
					break
				}
			}
		}
	}
}

// itemKey is key[i], or key when i < 0.
func itemKey(key string, i int) string {
	if i < 0 {
		return key
	}
	return key + "[" + strconv.Itoa(i) + "]"
}

// checkValue checks a number's bounds or a string's length and value; the
// value is key[index], or key when index < 0.
func (v *validator) checkValue(key string, index int, x reflect.Value, b *bounds) {
	switch x.Kind() {
	case reflect.Float64, reflect.Float32:
		v.bounded(key, index, x.Float(), b)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.bounded(key, index, float64(x.Int()), b)
	case reflect.String:
		s := x.String()
		switch n := utf8.RuneCountInString(s); {
		case b.minLength > 0 && n == 0:
			v.add(itemKey(key, index), "must not be empty")
		case b.minLength > 0 && n < b.minLength:
			v.add(itemKey(key, index), "shorter than "+strconv.Itoa(b.minLength)+" characters")
		case b.maxLength >= 0 && n > b.maxLength:
			v.add(itemKey(key, index), "longer than "+strconv.Itoa(b.maxLength)+" characters")
		}
		if len(b.enum) > 0 && !slices.Contains(b.enum, s) {
			v.oneOf(itemKey(key, index), s, b.enum)
		}
	}
}

// bounded checks that x is finite and within its bounds; at an exclusive
// minimum it reads "must be greater than".
func (v *validator) bounded(key string, index int, x float64, b *bounds) {
	lo, hi := -math.MaxFloat64, math.MaxFloat64
	if b.hasMin {
		lo = b.min
	}
	if b.hasMax {
		hi = b.max
	}
	switch {
	case inRange(x, lo, hi) && !(b.exclusiveMin && x == b.min):
	case v.number(itemKey(key, index), x, lo, hi):
		v.add(itemKey(key, index), "must be greater than "+fmtNum(b.min))
	}
}
