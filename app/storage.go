package app

import (
	"errors"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// currentKey is the autosave's entry in localStorage (versioned like
// links); saved scenarios are records of IndexedDB (web/store.js).
const currentKey = "planner.current.v1"

// storageGet reads an entry of localStorage. A blocked or missing storage
// reads as empty: the page never breaks on it.
func storageGet(key string) (value string, ok bool) {
	defer func() {
		if recover() != nil {
			value, ok = "", false
		}
	}()
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return "", false
	}
	v := ls.Call("getItem", key)
	if v.IsNull() || v.IsUndefined() {
		return "", false
	}
	return v.String(), true
}

// storageSet writes an entry; a full or blocked storage is an error, not a
// crash.
func storageSet(key, value string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the browser refused to store it: %v", r)
		}
	}()
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return errors.New("this browser keeps no local storage")
	}
	ls.Call("setItem", key, value)
	return nil
}
