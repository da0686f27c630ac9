package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// listenForUndoKeys makes Ctrl+Z (⌘Z on a Mac) the toolbar's Undo, and
// Ctrl+Shift+Z or Ctrl+Y its Redo, on the page and in the scenario form:
// one undo model, an edit of a field being one step, where the browser's
// own undo would take back part of the text typed. Inputs outside the
// scenario form (a name to save under, a pasted link) keep the browser's.
func (p *Planner) listenForUndoKeys(ctx app.Context) {
	app.Window().Call("addEventListener", "keydown", app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		key := strings.ToLower(e.Get("key").String())
		if (key != "z" && key != "y") || !(e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()) || e.Get("altKey").Bool() {
			return nil
		}
		target := e.Get("target")
		if tag := target.Get("tagName").String(); (tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT") && !target.Call("closest", ".inputs").Truthy() {
			return nil
		}
		e.Call("preventDefault")
		redo := key == "y" || e.Get("shiftKey").Bool()
		ctx.Dispatch(func(ctx app.Context) {
			if redo {
				p.s.stepForward()
			} else {
				p.s.stepBack()
			}
		})
		return nil
	}))
}
