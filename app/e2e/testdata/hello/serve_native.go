//go:build !wasm

package main

import (
	"net/http"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serve serves the page on HELLO_ADDR, its app.wasm from web/ in the
// working directory (no icon: nothing is fetched from elsewhere).
func serve() {
	h := &app.Handler{Name: "Hello", Icon: app.Icon{Default: "/web/icon.png"}}
	if err := http.ListenAndServe(os.Getenv("HELLO_ADDR"), h); err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
}
