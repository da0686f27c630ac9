package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// arrayLength is the length of a JavaScript array (0 for anything else).
func arrayLength(v app.Value) int {
	if v == nil || !app.Window().Get("Array").Call("isArray", v).Bool() {
		return 0
	}
	return v.Length()
}

// stringField is a JavaScript object's string property ("" when it is
// something else).
func stringField(v app.Value, key string) string {
	if v.Type() != app.TypeObject {
		return ""
	}
	if f := v.Get(key); f.Type() == app.TypeString {
		return f.String()
	}
	return ""
}

// intField is a JavaScript object's number property, as an int (0 when it
// is something else).
func intField(v app.Value, key string) int {
	if v.Type() != app.TypeObject {
		return 0
	}
	if f := v.Get(key); f.Type() == app.TypeNumber {
		return f.Int()
	}
	return 0
}
