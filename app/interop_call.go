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
	callInteropLong(ctx, req, done, nil)
}

// callInteropLong is callInterop for long work: progress is told the share
// done (on the UI goroutine), and the function returned stops the call
// (done then gets a cancelled response).
func callInteropLong(ctx app.Context, req interop.Request, done func(ctx app.Context, resp interop.Response), progress func(ctx app.Context, share float64)) (cancel func()) {
	data, err := json.Marshal(req)
	if err != nil {
		done(ctx, interop.Response{Problems: err.Error()})
		return func() {}
	}
	call := app.Window().Get("plannerInterop")
	if !call.Truthy() {
		done(ctx, interop.Response{Problems: "the page's script did not load"})
		return func() {}
	}
	ended := working()
	var answer, told app.Func
	answer = app.FuncOf(func(this app.Value, args []app.Value) any {
		var resp interop.Response
		if len(args) == 0 || json.Unmarshal([]byte(args[0].String()), &resp) != nil {
			resp = interop.Response{Problems: "the interop worker's answer could not be read"}
		}
		if !ctx.Src().Mounted() {
			// a dispatch from an element no longer on the page is dropped:
			// nothing is told, but the call has ended
			ended()
		}
		ctx.Dispatch(func(ctx app.Context) {
			ended()
			done(ctx, resp)
		})
		answer.Release()
		if told != nil {
			told.Release()
		}
		return nil
	})
	var id app.Value
	if progress == nil {
		id = call.Invoke(string(data), answer)
	} else {
		told = app.FuncOf(func(this app.Value, args []app.Value) any {
			if len(args) > 0 {
				share := args[0].Float()
				ctx.Dispatch(func(ctx app.Context) { progress(ctx, share) })
			}
			return nil
		})
		id = call.Invoke(string(data), answer, told)
	}
	return func() {
		if stop := app.Window().Get("plannerInteropCancel"); stop.Truthy() {
			stop.Invoke(id)
		}
	}
}
