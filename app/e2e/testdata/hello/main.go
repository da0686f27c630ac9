// Command hello is a bare go-app hello world: the yardstick app.wasm's size
// and time to ready are compared with (make bench). Built for the browser
// it is that page; run natively it serves it (serve_native.go), so that its
// WebAssembly carries no server.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello World!") }

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
	serve()
}
