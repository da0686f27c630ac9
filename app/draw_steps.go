package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// drawSteps draws the page in steps, one per task: a step runs once the
// page has had its turn (nextTask) and the step before it is drawn. go-app
// draws together what is dispatched within a frame, so steps scheduled
// side by side (the Application view's rest, the form's parts, the
// report's completion) were one task of 200–250 ms.
//
// Steps are run on the page's context (start), not their component's:
// go-app drops what is dispatched to a component no longer mounted (a view
// left before its step came), which would stop the steps after it. They
// run on the UI goroutine, in the order they are added.
type drawSteps struct {
	page    app.Context
	started bool
	queue   []drawStep
	running bool
}

// drawStep changes what a component draws (do), and redraws it (ctx).
type drawStep struct {
	ctx app.Context
	do  func()
}

// start runs the steps queued and those to come on page, the context of
// the page's component (mounted for as long as the page lives).
func (d *drawSteps) start(page app.Context) {
	d.page, d.started = page, true
	if !d.running {
		d.next()
	}
}

// add queues do, which changes what ctx's component draws, after the
// steps before it.
func (d *drawSteps) add(ctx app.Context, do func()) {
	d.queue = append(d.queue, drawStep{ctx, do})
	if d.started && !d.running {
		d.next()
	}
}

// next runs the first step queued, if any, then the rest once it is drawn.
func (d *drawSteps) next() {
	if len(d.queue) == 0 {
		d.running = false
		return
	}
	d.running = true
	step := d.queue[0]
	d.queue = d.queue[1:]
	nextTask(d.page, func() {
		step.do()
		step.ctx.Update() // a component no longer mounted is not drawn
		d.page.Defer(func(app.Context) { d.next() })
	})
}
