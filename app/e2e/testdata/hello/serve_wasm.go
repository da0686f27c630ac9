//go:build wasm

package main

// serve does nothing in the browser: RunWhenOnBrowser never returns there.
func serve() {}
