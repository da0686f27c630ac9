// Package schemas holds the JSON Schema of the scenario, generated from the
// model's types (go generate, or make schemas) and embedded for the app's
// form renderer.
package schemas

import _ "embed"

//go:generate go run ./gen -root ..

// Scenario is the JSON Schema (draft 2020-12) of model.Scenario.
//
//go:embed scenario.json
var Scenario []byte
