//go:build js && wasm

// Command worker is the planner's interop module (planner/app/interop) in
// a Web Worker: web/interop-worker.js starts it and calls
// plannerInteropHandle(request JSON) → response JSON for each message.
package main

import (
	"syscall/js"

	"planner/app/interop"
)

func main() {
	js.Global().Set("plannerInteropHandle", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 0 {
			return `{"problems":"no request"}`
		}
		progress := js.Global().Get("plannerInteropProgress")
		return string(interop.Handle([]byte(args[0].String()), func(done float64) {
			if progress.Type() == js.TypeFunction {
				progress.Invoke(done)
			}
		}))
	}))
	select {}
}
