package app

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/interop"
)

// callInterop runs a request in the interop worker (planner/app/interop,
// web/interop-worker.js) and hands its response to done on the UI
// goroutine. A worker that cannot start answers with its problem.
func callInterop(ctx app.Context, req interop.Request, done func(ctx app.Context, resp interop.Response)) {
	data, err := json.Marshal(req)
	if err != nil {
		done(ctx, interop.Response{Problems: err.Error()})
		return
	}
	call := app.Window().Get("plannerInterop")
	if !call.Truthy() {
		done(ctx, interop.Response{Problems: "the page's script did not load"})
		return
	}
	ended := working()
	var answer app.Func
	answer = app.FuncOf(func(this app.Value, args []app.Value) any {
		var resp interop.Response
		if len(args) == 0 || json.Unmarshal([]byte(args[0].String()), &resp) != nil {
			resp = interop.Response{Problems: "the interop worker's answer could not be read"}
		}
		ctx.Dispatch(func(ctx app.Context) {
			ended()
			done(ctx, resp)
		})
		answer.Release()
		return nil
	})
	call.Invoke(string(data), answer)
}
