package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// backgroundJobs counts the work running off the update: interop-worker
// calls, keep-alive solves and simulated days. The page's root carries
// data-busy="1" while there is any (and "0" after), for the tools and tests
// that wait for the page to settle. Jobs begin and end on the UI goroutine.
var backgroundJobs int

// working marks a background job begun and returns the call that marks it
// done (once, however often it is called).
func working() (done func()) {
	backgroundJobs++
	showBusy()
	ended := false
	return func() {
		if !ended {
			ended = true
			backgroundJobs--
			showBusy()
		}
	}
}

// showBusy writes data-busy on the page's root (absent outside a browser).
func showBusy() {
	busy := "0"
	if backgroundJobs > 0 {
		busy = "1"
	}
	if root := app.Window().GetElementByID("planner"); root.Truthy() {
		root.Get("dataset").Set("busy", busy)
	}
}
