//go:build !js

package main

import (
	_ "embed"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/cli"
)

//go:embed netlify.toml
var netlifyTOML []byte

// main runs the command line.
func main() {
	route()
	os.Exit(cli.Run(os.Args[1:], &cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Handler: handler, NetlifyTOML: netlifyTOML,
	}))
}

// handler describes the site; wasmSize is the uncompressed size of app.wasm.
func handler(wasmSize string) *app.Handler {
	return &app.Handler{
		Name:            "Serverless capacity planner",
		ShortName:       "Capacity planner",
		Title:           "Serverless capacity planner",
		Description:     "Size serverless functions: concurrency, cold starts, memory, the monthly bill, alerts and projections — offline, in your browser.",
		Lang:            "en",
		BackgroundColor: "#ffffff",
		ThemeColor:      "#0b4f8a",
		LoadingLabel:    "Loading the planner… {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles: []string{"/web/planner.css"},
		// boot.js runs before app.js (it is not deferred): it repairs
		// damaged percent escapes in the address before go-app reads it,
		// and holds the service worker's registration back. The others
		// wait for the page to be parsed (a script in the head stops the
		// parser until it has arrived). ECharts is not among them:
		// planner.js loads it with the first chart.
		Scripts: []string{"/web/boot.js", "/web/planner.js defer", "/web/store.js defer"},
		// ECharts, the interop worker and its module are precached so that
		// charts, imports and exports work offline too; the page loads them
		// on first use.
		CacheableResources:    []string{"/web/icon.svg", "/web/echarts.min.js", "/web/interop-worker.js", "/web/interop.wasm", "/web/gather-aws-account.sh"},
		Version:               version,
		WasmContentLength:     wasmSize,
		ServiceWorkerTemplate: cli.ServiceWorkerTemplate,
	}
}
