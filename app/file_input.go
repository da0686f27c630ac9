package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// chosenFile is the file a file input's change event chose, with its name.
func chosenFile(ctx app.Context) (file app.Value, name string, ok bool) {
	files := ctx.JSSrc().Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return nil, "", false
	}
	file = files.Index(0)
	return file, file.Get("name").String(), true
}

// readFileText reads file as text and hands it to use on the UI goroutine;
// the input is cleared so that the same file can be chosen again.
func readFileText(ctx app.Context, file app.Value, use func(ctx app.Context, text string)) {
	var done app.Func
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := ""
		if len(args) > 0 {
			text = args[0].String()
		}
		ctx.Dispatch(func(ctx app.Context) { use(ctx, text) })
		done.Release()
		return nil
	})
	file.Call("text").Call("then", done)
	ctx.JSSrc().Set("value", "")
}
