package app

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Schema is the part of JSON Schema the form renderer reads.
type Schema struct {
	Ref         string            `json:"$ref"`
	Type        string            `json:"type"`
	Title       string            `json:"title"`
	Description string            `json:"description"`
	Default     any               `json:"default"`
	Enum        []string          `json:"enum"`
	Labels      map[string]string `json:"x-enum-labels"`
	Unit        string            `json:"x-unit"`
	// Derived names, in a function's report, the value an empty input
	// becomes (worked out from other inputs): the form shows it in place.
	Derived string `json:"x-derived"`
	// Constant names, beside a list of values by hour, the field that
	// holds the same fact as one value: the form offers to switch.
	Constant         string             `json:"x-constant"`
	Group            string             `json:"x-group"`
	Minimum          *float64           `json:"minimum"`
	Maximum          *float64           `json:"maximum"`
	ExclusiveMinimum *float64           `json:"exclusiveMinimum"`
	MinItems         int                `json:"minItems"`
	MaxItems         int                `json:"maxItems"`
	UniqueItems      bool               `json:"uniqueItems"`
	ReadOnly         bool               `json:"readOnly"`
	Items            *Schema            `json:"items"`
	Properties       Properties         `json:"properties"`
	Definitions      map[string]*Schema `json:"$defs"`
}

// Property is one named property, in document order.
type Property struct {
	Name   string
	Schema *Schema
}

// Properties keep the order of the schema's "properties" object, which is
// the order of the Go struct fields and so of the form.
type Properties []Property

// UnmarshalJSON reads an object into ordered properties.
func (ps *Properties) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		var s Schema
		if err := dec.Decode(&s); err != nil {
			return err
		}
		*ps = append(*ps, Property{Name: tok.(string), Schema: &s})
	}
	return nil
}

// ParseSchema reads a schema document and resolves its local $refs.
func ParseSchema(data []byte) (*Schema, error) {
	var root Schema
	if err := json.Unmarshal(data, &root); err != nil {
		return nil, err
	}
	return root.resolve(root.Definitions, 0), nil
}

// resolve replaces "#/$defs/X" references by the definitions they name.
func (s *Schema) resolve(defs map[string]*Schema, depth int) *Schema {
	if s == nil || depth > 16 {
		return s
	}
	if name, ok := strings.CutPrefix(s.Ref, "#/$defs/"); ok && defs[name] != nil {
		target := *defs[name]
		if s.Title != "" {
			target.Title = s.Title
		}
		if s.Description != "" {
			target.Description = s.Description
		}
		target.Ref = ""
		s = &target
	}
	if s.Items != nil {
		s.Items = s.Items.resolve(defs, depth+1)
	}
	props := make(Properties, len(s.Properties))
	for i, p := range s.Properties {
		props[i] = Property{Name: p.Name, Schema: p.Schema.resolve(defs, depth+1)}
	}
	s.Properties = props
	return s
}

// Property returns the named property's schema, or nil.
func (s *Schema) Property(name string) *Schema {
	for _, p := range s.Properties {
		if p.Name == name {
			return p.Schema
		}
	}
	return nil
}

// Label is the enum value's label, or the value itself.
func (s *Schema) Label(value string) string {
	if l, ok := s.Labels[value]; ok {
		return l
	}
	return value
}

// Help is the description as one paragraph.
// Display is how a number field shows its value to people: a fraction
// (x-unit "fraction", 0 to 1 in the scenario) as a percentage, typed and
// shown × scale 100 with unit "%"; any other number as it is.
func (s *Schema) Display() (scale float64, unit string) {
	if s.Unit == "fraction" {
		return 100, "%"
	}
	return 1, s.Unit
}

func (s *Schema) Help() string {
	return strings.Join(strings.Fields(s.Description), " ")
}
