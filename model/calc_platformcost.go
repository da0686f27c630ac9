package model

import (
	"slices"

	"planner/model/internal/jsonin"
	"planner/model/platform"
)

// calcPlatformCost prices one function on one platform for a period
// (`planner calc platform-cost`): unknown keys, and keys the chosen
// platform does not read, are refused by name.
func calcPlatformCost(input []byte) (any, Problems) {
	var u platform.Usage
	decoding := jsonin.DecodeJSON(input, &u, jsonin.DecodeOptions{AllowUnknown: true, Required: []string{"platform"}, RefuseDuplicates: true})
	if len(decoding) > 0 {
		return nil, decoding
	}
	named := map[string]bool{}
	var unknown Problems
	jsonin.EachMember(input, func(key string, _ []byte) {
		named[key] = true
		if !slices.Contains(platform.Keys(), platform.Key(key)) {
			unknown.Add(key, "unknown key; a platform bill reads "+quoteList(keyNames()))
		}
	})
	bill, probs := platform.Price(u, func(k platform.Key) bool { return named[string(k)] })
	if probs = append(unknown, probs...); len(probs) > 0 {
		return nil, probs
	}
	return bill, nil
}

func keyNames() []string {
	keys := platform.Keys()
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = string(k)
	}
	return names
}
