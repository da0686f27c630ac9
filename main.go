// Command planner is the serverless capacity planner. Compiled to
// WebAssembly it is the app in the browser (main_wasm.go); natively it is
// the command line (main_cli.go: calc, report, build, serve). Both route the
// same pages, described here once.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "planner/app"
)

// version is the build's version (the git commit), set with -ldflags.
var version = "dev"

// route registers the planner's pages.
func route() {
	app.Route("/", func() app.Composer { return &ui.Planner{} })
}
