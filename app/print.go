package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// printWait bounds how long the printed report waits to be drawn whole,
// its charts too.
const printWait = 5 * time.Second

// printReport shows the printed report (the Application view, then the
// selected function's), waits until it is drawn whole, its charts too,
// prints it, and returns to the view shown before.
func (p *Planner) printReport(ctx app.Context, e app.Event) {
	p.completeReport()
	p.printing = true
	deadline := time.Now().Add(printWait)
	var wait func(ctx app.Context)
	wait = func(ctx app.Context) {
		pending := app.Window().Get("document").Call("querySelectorAll", `.print-report .chart:not([data-drawn="1"]), .print-report [data-settling="true"]`).Get("length").Int()
		if pending > 0 && time.Now().Before(deadline) {
			ctx.After(100*time.Millisecond, wait)
			return
		}
		app.Window().Call("print")
		p.printing = false
	}
	ctx.After(100*time.Millisecond, wait)
}
