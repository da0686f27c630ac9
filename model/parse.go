package model

// ParseScenario reads a scenario from JSON: missing values take their
// defaults, unknown keys and values of the wrong type are refused, and what
// did decode is validated. It returns every problem with its JSON path.
func ParseScenario(data []byte) (*Scenario, Problems) {
	s := NewScenario()
	decoding := DecodeJSON(data, &s, DecodeOptions{RefuseDuplicates: true})
	if probs := alongside(decoding, Validate(&s)); len(probs) > 0 {
		return nil, probs
	}
	return &s, nil
}
