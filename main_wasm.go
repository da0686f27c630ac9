//go:build js

package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// main runs the app in the browser. The command line is not compiled in.
func main() {
	route()
	app.RunWhenOnBrowser()
}
