package app

import (
	"encoding/json"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/keepalive"
	"planner/model/simulate"
)

// notice is a message to the user about links, storage and files.
type notice struct {
	Text string
	Bad  bool
}

// OnMount opens the scenario of the address (a share link), else the
// autosaved one, else the default; then keeps the autosave and the address
// bar in step with every valid edit.
func (p *Planner) OnMount(ctx app.Context) {
	p.installable = ctx.IsAppInstallable()
	lib, dropped, err := loadLibrary()
	p.lib.entries = lib
	switch {
	case err != nil:
		p.notice = notice{err.Error() + "; they were set aside.", true}
	case dropped > 0:
		p.notice = notice{plural(dropped, "saved scenario") + " could not be read and were left out.", true}
	}
	href := app.Window().Get("location").Get("href").String()
	autosaved, autosaveProblem := readAutosave()
	switch {
	case model.HasLink(href):
		if autosaved != nil {
			p.s.load(*autosaved)
		}
		p.openLink(href, autosaved, false) // the undo history starts after the visit
	case autosaved != nil:
		p.s.load(*autosaved)
	case autosaveProblem != "":
		p.notice = notice{autosaveProblem, true}
	}
	p.s.undo, p.s.redo = nil, nil
	p.s.onValid = func(s *model.Scenario) {
		ctx.Async(func() { persist(s) })
	}
	p.s.onPending = func() { p.runPending(ctx) }
	// A link pasted into the address bar of the open page changes only the
	// fragment: open it then, as on a visit.
	app.Window().Call("addEventListener", "hashchange", app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) {
			href := app.Window().Get("location").Get("href").String()
			if model.HasLink(href) {
				p.openLink(href, p.s.scenario, true)
			}
		})
		return nil
	}))
	p.listenForImports(ctx)
	p.listenForUndoKeys(ctx)
	persist(p.s.scenario)
	if len(p.s.wanted)+len(p.s.wantedKeepAlive) > 0 {
		p.runPending(ctx)
	}
}

// browserMaxFunctions is the largest scenario the page opens from a link
// or a file: larger ones are refused before they are read, with the command
// that handles them (a browser tab runs out of time and memory long before
// the format's 100,000).
const browserMaxFunctions = 2000

// openLink opens the scenario of a share link in place of previous (the
// autosaved or current scenario, nil for none). A damaged link leaves
// previous open, with a message; a link of previous itself (a reload of the
// page's own address) changes nothing. Otherwise previous is kept in the
// library first, and the message says so only when it was written; with
// undoable, Undo brings it back too.
func (p *Planner) openLink(href string, previous *model.Scenario, undoable bool) {
	shared, probs := model.DecodeLinkUpTo(href, browserMaxFunctions)
	if len(probs) > 0 {
		p.notice = notice{"This link could not be opened: " + probs.Error() + ". " + fallbackText(previous), true}
		return
	}
	if previous != nil && sameScenario(previous, shared) {
		return
	}
	opened := "Opened the shared scenario"
	if shared.Name != "" {
		opened += " “" + shared.Name + "”"
	}
	kept := previous == nil || p.lib.keep(*previous, "Before the shared link "+time.Now().Format("2006-01-02 15:04"))
	p.s.load(*shared)
	undo := ""
	if undoable {
		undo = " Undo brings it back."
	}
	switch {
	case previous == nil:
		p.notice = notice{opened + ".", false}
	case kept:
		p.notice = notice{opened + ". Your previous scenario is saved in Scenarios." + undo, false}
	default:
		p.notice = notice{opened + ". Your previous scenario could not be saved in this browser." + undo, true}
	}
}

// progressInterval is how often background work updates its progress (each
// update renders the page).
const progressInterval = 100 * time.Millisecond

// runPending computes, in the background and in slices (the page stays
// responsive), the keep-alive solves and simulated days the report waits
// for, then evaluates again with them. Progress counts a solve as one and a
// simulated day as 24 (a day of hours).
func (p *Planner) runPending(ctx app.Context) {
	if p.computing {
		return
	}
	solves := append([]keepalive.Input(nil), p.s.wantedKeepAlive...)
	days := append([]simulate.Input(nil), p.s.wanted...)
	if len(solves)+len(days) == 0 {
		return
	}
	p.computing = true
	ended := working()
	memo := &p.s.keepAlive
	total := float64(len(solves) + 24*len(days))
	ctx.Async(func() {
		shown := time.Now()
		for i, k := range solves {
			memo.solve(k)
			if time.Since(shown) >= progressInterval {
				shown = time.Now()
				progress := float64(i+1) / total
				ctx.Dispatch(func(ctx app.Context) { p.progress = progress })
			}
			time.Sleep(time.Millisecond) // yield to the page
		}
		for i, in := range days {
			in.Progress = func(done, minutes int) {
				if done%60 == 0 {
					progress := (float64(len(solves)) + 24*(float64(i)+float64(done)/float64(minutes))) / total
					ctx.Dispatch(func(ctx app.Context) { p.progress = progress })
					time.Sleep(time.Millisecond) // yield to the page
				}
			}
			r := simulate.Run(in)
			in.Progress = nil
			ctx.Dispatch(func(ctx app.Context) { p.s.storeSimulation(in, r) })
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.computing, p.progress = false, 0
			ended()
			p.s.evaluate() // may want more; onPending computes them
		})
	})
}

func fallbackText(autosaved *model.Scenario) string {
	if autosaved != nil {
		return "Showing your last scenario instead"
	}
	return "Showing the default scenario instead"
}

// readAutosave reads the autosaved scenario; a damaged entry gives a message.
func readAutosave() (*model.Scenario, string) {
	raw, ok := storageGet(currentKey)
	if !ok {
		return nil, ""
	}
	s, probs := model.ParseScenario([]byte(raw))
	if len(probs) > 0 {
		setAside(currentKey, raw)
		return nil, "Your autosaved scenario could not be read (" + probs[0].String() + "); it is kept under " + currentKey + ".damaged and the default scenario is shown."
	}
	return s, ""
}

func sameScenario(a, b *model.Scenario) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// persist autosaves a valid scenario and puts its link in the address bar.
func persist(s *model.Scenario) {
	if s == nil {
		return
	}
	if data, err := json.Marshal(s); err == nil {
		_ = storageSet(currentKey, string(data))
	}
	if prefix, doc, err := model.LinkDocument(s); err == nil {
		if follow := app.Window().Get("plannerFollow"); follow.Truthy() {
			follow.Invoke(prefix, string(doc))
		}
	}
}

// share puts the current scenario's link in the address bar and copies it;
// the browser compresses the link (web/planner.js).
func (p *Planner) share(ctx app.Context) {
	if p.s.scenario == nil {
		p.notice = notice{"Fix the marked inputs first: a link carries a valid scenario.", true}
		return
	}
	prefix, doc, err := model.LinkDocument(p.s.scenario)
	share := app.Window().Get("plannerShare")
	if err != nil || !share.Truthy() {
		p.notice = notice{"This page cannot make links; the scenario stays saved in this browser.", true}
		return
	}
	var done, failed app.Func
	release := func() { done.Release(); failed.Release() }
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		link, copied := args[0].Index(0).String(), args[0].Index(1).Bool()
		ctx.Dispatch(func(ctx app.Context) {
			p.shared = link
			opens := "it opens this scenario as it is now."
			if p.s.stale {
				opens = "it opens the last valid scenario, without the marked inputs."
			}
			if copied {
				p.notice = notice{"Link copied: " + opens, false}
			} else {
				p.notice = notice{"Copy the link below (the browser did not allow copying): " + opens, false}
			}
		})
		release()
		return nil
	})
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) {
			p.notice = notice{"This browser cannot compress links; the scenario stays saved in this browser.", true}
		})
		release()
		return nil
	})
	share.Invoke(prefix, string(doc)).Call("then", done, failed)
}
