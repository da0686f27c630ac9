package app

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/keepalive"
	"planner/model/simulate"
)

// notice is a message to the user about links, storage and files, with
// an action that offers the way on (Action names it, Do does it).
type notice struct {
	Text   string
	Bad    bool
	Action string
	Do     func()
}

// OnMount opens the scenario of the address (a share link), else the
// autosaved one, else the default; then keeps the autosave and the address
// bar in step with every valid edit.
func (p *Planner) OnMount(ctx app.Context) {
	p.installable = ctx.IsAppInstallable()
	p.lib.dispatch = func(f func()) { ctx.Dispatch(func(app.Context) { f() }) }
	p.lib.load()
	if store := app.Window().Get("plannerStore"); store.Truthy() {
		store.Call("onChange", app.FuncOf(func(app.Value, []app.Value) any {
			ctx.Dispatch(func(app.Context) { p.lib.load() })
			return nil
		}))
		store.Call("persist")
	}
	v := p.visit
	p.visit = visit{}
	if v.damaged != "" {
		p.setAsideAutosave(v.damaged)
	}
	switch {
	case v.linkOpened:
		p.notice = notice{Text: openedText(p.s.scenario) + "."}
	case len(v.linkProblems) > 0:
		p.linkFailed(v.linkProblems, nil)
	case model.HasLink(v.href):
		p.openLink(v.href, v.autosaved, false) // the undo history starts after the visit
	}
	p.s.undo, p.s.redo = nil, nil
	p.s.onValid = func(s *model.Scenario) {
		p.unsaved = s
		ctx.After(autosaveDelay, func(app.Context) { p.autosaveLater(s) })
	}
	// Leaving the page (closing, reloading, switching away) autosaves at once.
	app.Window().Call("addEventListener", "pagehide", app.FuncOf(func(app.Value, []app.Value) any {
		p.flushAutosave()
		return nil
	}))
	app.Window().Get("document").Call("addEventListener", "visibilitychange", app.FuncOf(func(app.Value, []app.Value) any {
		if app.Window().Get("document").Get("visibilityState").String() == "hidden" {
			p.flushAutosave()
		}
		return nil
	}))
	p.s.onPending = func() { p.runPending(ctx) }
	p.s.redraw = func() { ctx.Dispatch(nil) }
	// A link pasted into the address bar of the open page changes only the
	// fragment: open it then, as on a visit. The event names it (the
	// address may have moved on by the time the app reads it).
	app.Window().Call("addEventListener", "hashchange", app.FuncOf(func(_ app.Value, args []app.Value) any {
		href := app.Window().Get("location").Get("href").String()
		if len(args) > 0 && args[0].Get("newURL").Truthy() {
			href = args[0].Get("newURL").String()
		}
		ctx.Dispatch(func(ctx app.Context) {
			if model.HasLink(href) {
				p.openLink(href, p.s.scenario, true)
			}
		})
		return nil
	}))
	p.listenForImports(ctx)
	p.listenForUndoKeys(ctx)
	p.s.onValid(p.s.scenario) // autosaved and in the address bar once the page is up
	// The form mounts once the first figures are painted, its schema
	// parsed in a task before it.
	afterPaint(ctx, func() {
		if started := app.Window().Get("plannerStarted"); started.Truthy() {
			started.Invoke() // the service worker installs now (web/boot.js)
		}
		p.steps.add(ctx, func() { p.scenarioSchema() })
		p.steps.add(ctx, func() { p.formShown = true })
		p.steps.add(ctx, p.completeReport)
		p.steps.start(ctx)
	})
	if len(p.s.wanted)+len(p.s.wantedKeepAlive) > 0 {
		p.runPending(ctx)
	}
}

// completeReport makes an opening's report of the costs alone whole, in
// slices (data-busy meanwhile): the other views wait for it.
func (p *Planner) completeReport() {
	if p.s.report == nil || p.s.report.Complete() {
		return
	}
	done := working()
	p.s.complete()
	done()
}

// afterPaint runs f on the UI goroutine once the browser has painted the
// page as it is now (at once where it cannot tell).
func afterPaint(ctx app.Context, f func()) {
	after := app.Window().Get("plannerAfterPaint")
	if !after.Truthy() {
		ctx.Dispatch(func(app.Context) { f() })
		return
	}
	var done app.Func
	done = app.FuncOf(func(app.Value, []app.Value) any {
		done.Release()
		ctx.Dispatch(func(app.Context) { f() })
		return nil
	})
	after.Invoke(done)
}

// nextTask runs f on the UI goroutine in a task after this one, once the
// page has had its turn (yieldToPage).
func nextTask(ctx app.Context, f func()) {
	ctx.Async(func() {
		yieldToPage()
		ctx.Dispatch(func(app.Context) { f() })
	})
}

// visit is what a visit finds before the page is first drawn: the
// address, the autosave (read, or its damaged text to keep aside) and
// whether the address's link is the scenario opened, or why it is not.
type visit struct {
	href       string
	autosaved  *model.Scenario
	damaged    string
	linkOpened bool
	// linkProblems say why the address's link did not open.
	linkProblems model.Problems
}

// opening reads the visit and gives the scenario the page starts with, so
// that no other is evaluated or drawn first: the address's link when
// nothing is autosaved (with an autosave, OnMount opens the link once the
// autosave is kept; a damaged link is told there), else the autosave, else
// the default. The page prerendered on the server starts with the default.
// read says that the scenario was read (and validated) from the link or
// the autosave.
func (p *Planner) opening() (s model.Scenario, read bool) {
	if !app.IsClient {
		return model.DefaultScenario(), false
	}
	v := &p.visit
	v.href = app.Window().Get("location").Get("href").String()
	v.autosaved, v.damaged = readAutosave()
	if v.autosaved == nil && model.HasLink(v.href) {
		yieldToPage() // the page's start is one task, the link's reading others
		shared, probs := model.DecodeLinkWith(v.href, browserReading())
		if len(probs) == 0 {
			v.linkOpened = true
			return *shared, true
		}
		v.linkProblems = probs
	}
	if v.autosaved != nil {
		return *v.autosaved, true
	}
	return model.DefaultScenario(), false
}

// openedText says which shared scenario was opened.
func openedText(s *model.Scenario) string {
	if s.Name != "" {
		return "Opened the shared scenario “" + s.Name + "”"
	}
	return "Opened the shared scenario"
}

// browserMaxFunctions is the largest scenario the page opens from a link
// or a file: larger ones are refused before they are read, with the command
// that handles them (a browser tab runs out of time and memory long before
// the format's 100,000).
const browserMaxFunctions = 2000

// browserMaxBytes is the longest scenario JSON the page opens (a link's
// as it expands): 2,000 functions of every field take about 3 MiB.
const browserMaxBytes = 8 << 20

// browserReading is how the page reads a scenario it opens: up to
// browserMaxFunctions and browserMaxBytes, yielding to the page while it
// reads.
func browserReading() model.ReadOptions {
	return model.ReadOptions{MaxFunctions: browserMaxFunctions, MaxBytes: browserMaxBytes, Pace: pacer()}
}

// openLink opens the scenario of a share link in place of previous (the
// autosaved or current scenario, nil for none). A damaged link leaves
// previous open, with a message; a link of previous itself (a reload of the
// page's own address) changes nothing. Otherwise previous is saved in the
// library first and the link opens once it is read back; when it cannot be
// saved the link waits for the user's choice (download the previous
// scenario, or open the link without it). With undoable, Undo brings the
// previous scenario back too.
func (p *Planner) openLink(href string, previous *model.Scenario, undoable bool) {
	shared, probs := model.DecodeLinkWith(href, browserReading())
	if len(probs) > 0 {
		p.linkFailed(probs, previous)
		return
	}
	if previous != nil && sameScenario(previous, shared) {
		p.goTo(href)
		return
	}
	opened := openedText(shared)
	undo := ""
	if undoable {
		undo = " Undo brings it back."
	}
	if previous == nil {
		p.s.loadRead(*shared)
		p.goTo(href)
		p.notice = notice{Text: opened + "."}
		return
	}
	p.notice = notice{Text: "Saving your scenario before opening the link…"}
	p.lib.keep(*previous, "Before the shared link "+time.Now().Format("2006-01-02 15:04"), func(kept bool, failed string) {
		if kept {
			p.s.loadRead(*shared)
			p.goTo(href)
			p.notice = notice{Text: opened + ". Your previous scenario is saved in Scenarios." + undo}
			return
		}
		wait := notFiled("The link was not opened: your scenario could not be saved in this browser first ("+failed+").", previous)
		wait.Text += " Or open the link without keeping it."
		wait.Do = func() {
			download(fileName(previous, "scenario.json"), "application/json", savedText(previous))
			p.notice = notice{Text: "Downloaded your scenario. Open the link now?", Action: "Open the link", Do: func() {
				p.s.loadRead(*shared)
				p.goTo(href)
				p.notice = notice{Text: opened + "."}
			}}
		}
		p.pendingLink = func() {
			p.s.loadRead(*shared)
			p.goTo(href)
			p.notice = notice{Text: opened + " without keeping your previous scenario." + undo, Bad: true}
		}
		p.notice = wait
	})
}

// progressInterval is how often background work updates its progress (each
// update renders the page).
const progressInterval = 100 * time.Millisecond

// sliceOfWork is how long work runs before it yields to the page (a yield
// lets the page's waiting work run, so it is not paid per item).
const sliceOfWork = 30 * time.Millisecond

// yieldToPage lets the browser run (input, painting) before the work that
// follows, in the browser: it waits for a task the page queues
// (plannerYield). A sleep does not do it: while a garbage collection is
// marking, Go's scheduler fills a short sleep with marking and resumes
// without returning to the browser.
func yieldToPage() {
	if !app.IsClient {
		return
	}
	yield := app.Window().Get("plannerYield")
	if !yield.Truthy() {
		time.Sleep(time.Millisecond)
		return
	}
	done := make(chan struct{})
	var resume app.Func
	resume = app.FuncOf(func(app.Value, []app.Value) any {
		resume.Release()
		close(done)
		return nil
	})
	yield.Invoke(resume)
	<-done
}

// pacer returns a function to call between items of long work (also
// model.ReadOptions.Pace, model.Sources.Pace): in the browser it yields to
// the page (input, painting) once sliceOfWork has passed since the pacer
// was made or last yielded; elsewhere it does nothing. The engine's
// goroutine may yield so: events wait in its queue meanwhile.
func pacer() func() {
	if !app.IsClient {
		return func() {}
	}
	last := time.Now()
	return func() {
		if time.Since(last) >= sliceOfWork {
			yieldToPage()
			last = time.Now()
		}
	}
}

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
		shown, pace := time.Now(), pacer()
		for i, k := range solves {
			memo.solve(k)
			if time.Since(shown) >= progressInterval {
				shown = time.Now()
				progress := float64(i+1) / total
				ctx.Dispatch(func(ctx app.Context) { p.progress = progress })
			}
			pace()
		}
		for i, in := range days {
			in.Progress = func(done, minutes int) {
				if done%60 == 0 {
					progress := (float64(len(solves)) + 24*(float64(i)+float64(done)/float64(minutes))) / total
					ctx.Dispatch(func(ctx app.Context) { p.progress = progress })
					yieldToPage()
				}
			}
			r := simulate.Run(in)
			in.Progress = nil
			ctx.Dispatch(func(ctx app.Context) { p.s.storeSimulation(in, r) })
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.computing, p.progress = false, 0
			ended()
			p.s.refresh() // may want more; onPending computes them
		})
	})
}

// linkFailed tells why a link did not open, and what is shown instead.
func (p *Planner) linkFailed(probs model.Problems, previous *model.Scenario) {
	p.notice = notice{Text: "This link could not be opened: " + probs.Error() + ". " + fallbackText(previous), Bad: true}
}

func fallbackText(autosaved *model.Scenario) string {
	if autosaved != nil {
		return "Showing your last scenario instead"
	}
	return "Showing the default scenario instead"
}

// readAutosave reads the autosaved scenario; a damaged one is returned as
// it is, to be set aside.
func readAutosave() (s *model.Scenario, damaged string) {
	raw, ok := storageGet(currentKey)
	if !ok {
		return nil, ""
	}
	if len(raw) > longAutosave {
		yieldToPage() // the page's start is one task, a long autosave's reading others
	}
	s, probs := model.ParseScenarioWith([]byte(raw), model.ReadOptions{Pace: pacer()})
	if len(probs) > 0 {
		return nil, raw
	}
	return s, ""
}

// longAutosave is the length (characters) past which the opening reads the
// autosave in tasks of its own: about 100 functions.
const longAutosave = 100 << 10

// setAsideAutosave keeps a damaged autosave in the store, byte for byte;
// until it is read back there, the autosave is not written over.
func (p *Planner) setAsideAutosave(raw string) {
	_, probs := model.ParseScenario([]byte(raw))
	why := probs.Error()
	p.holdAutosave = true
	p.notice = notice{Text: "Your autosaved scenario could not be read (" + why + "); keeping it aside…", Bad: true}
	p.lib.setAside(currentKey, why, raw, func(kept bool, failed string) {
		if kept {
			p.holdAutosave = false
			p.notice = notice{Text: "Your autosaved scenario could not be read (" + why + "); it is kept as it was under Scenarios › Kept aside, and the default scenario is shown.", Bad: true}
			p.autosaveFailed(p.persist(p.s.scenario), p.s.scenario)
			return
		}
		p.notice = notice{Text: "Your autosaved scenario could not be read (" + why + ") nor kept aside (" + failed + "): it stays in this browser's storage, and your edits here are not autosaved until you download it.",
			Bad: true, Action: "Download it", Do: func() { download("planner-autosave-damaged.txt", "text/plain", raw) }}
	})
}

// sameScenario reports whether a and b write the same JSON: scenarios of
// different functions differ at once, others are written in slices.
func sameScenario(a, b *model.Scenario) bool {
	if len(a.Functions) != len(b.Functions) || a.Name != b.Name {
		return false
	}
	for i := range a.Functions {
		if a.Functions[i].Name != b.Functions[i].Name {
			return false
		}
	}
	pace := pacer()
	x, _ := model.AppendScenarioJSON(nil, a, pace)
	y, _ := model.AppendScenarioJSON(nil, b, pace)
	return string(x) == string(y)
}

// followAddress puts the link of a valid scenario (its JSON), with the view
// and function shown, in the address bar (the browser compresses it).
func (p *Planner) followAddress(scenarioJSON string, pace func()) {
	prefix, doc := model.LinkDocumentOf([]byte(scenarioJSON), pace)
	if follow := app.Window().Get("plannerFollow"); follow.Truthy() {
		follow.Invoke(prefix, string(doc), p.place())
	}
}

// place is the view and function shown, as a link carries them after its
// scenario: "view=function&fn=2" (fn only past the first function).
func (p *Planner) place() string {
	place := "view=" + p.tab
	if fn := p.selected["functions"]; fn > 0 {
		place += "&fn=" + strconv.Itoa(fn)
	}
	return place
}

// goTo shows the view and function a link names (view=…&fn=…), when it
// names ones the scenario has.
func (p *Planner) goTo(href string) {
	_, fragment, _ := strings.Cut(href, "#")
	for _, part := range strings.Split(fragment, "&") {
		key, value, _ := strings.Cut(part, "=")
		switch key {
		case "view":
			if slices.ContainsFunc(tabs, func(t tabInfo) bool { return t.id == value }) {
				p.tab = value
			}
		case "fn":
			if fn, err := strconv.Atoi(value); err == nil && p.s.scenario != nil && fn >= 0 && fn < len(p.s.scenario.Functions) {
				p.selected["functions"] = fn
			}
		}
	}
}

// autosaveDelay is how long an edit waits for the next one before it is
// autosaved and its link put in the address bar: typing updates the figures
// without storing or encoding every keystroke.
const autosaveDelay = 300 * time.Millisecond

// flushAutosave autosaves the scenario an edit left unsaved, and puts its
// link in the address bar, now.
func (p *Planner) flushAutosave() {
	s := p.unsaved
	if s == nil {
		return
	}
	p.unsaved = nil
	p.keep(s)
}

// autosaveLater is flushAutosave after the pause in the edits, for s if it
// is still the scenario left unsaved. It starts a task of its own, and a
// big scenario's JSON and address are written function by function in
// slices (the page may leave in between: the flush on leaving then keeps
// it).
func (p *Planner) autosaveLater(s *model.Scenario) {
	if p.unsaved != s {
		return
	}
	yieldToPage() // a task of its own, not the end of the one that woke it
	pace := pacer()
	text := pacedText(s, pace)
	if p.unsaved != s {
		return
	}
	p.unsaved = nil
	p.keepTextPaced(s, text, pace)
}

// keep puts a valid scenario's link in the address bar and autosaves it,
// from one writing of its JSON.
func (p *Planner) keep(s *model.Scenario) {
	if s != nil {
		p.keepText(s, savedText(s))
	}
}

// keepText is keep of s written as text.
func (p *Planner) keepText(s *model.Scenario, text string) { p.keepTextPaced(s, text, nil) }

// keepTextPaced is keepText with pace called between functions while the
// address is written.
func (p *Planner) keepTextPaced(s *model.Scenario, text string, pace func()) {
	p.followAddress(text, pace)
	p.autosaveFailed(p.persistText(s, text), s)
}

// persist autosaves a valid scenario (not while a damaged autosave waits
// to be kept aside). The autosave is
// the browser's most recent scenario, which a bare visit opens, and this
// tab's unsaved work, which other tabs list.
func (p *Planner) persist(s *model.Scenario) error {
	if s == nil {
		return nil
	}
	return p.persistText(s, savedText(s))
}

// persistText is persist of s written as text.
func (p *Planner) persistText(s *model.Scenario, text string) error {
	if p.holdAutosave {
		return nil
	}
	p.lib.call("autosave", func(_, failed string) {
		if failed != "" && !p.tabSaveBroken {
			p.notice = notFiled("This tab's work is not kept for other tabs to find: "+failed+".", s)
		}
		p.tabSaveBroken = failed != ""
	}, text)
	return storageSet(currentKey, autosaveMark+text)
}

// autosaveMark starts the autosave's text: a UTF-8 byte-order mark, which
// the scenario reader skips. go-app decodes every entry of localStorage as
// JSON when it starts (to drop its expired states); the mark stops that at
// the first character instead of after megabytes (about 100 ms for 2,000
// functions).
const autosaveMark = "\ufeff"

// autosaveFailed tells, once, that edits are not autosaved (with the way
// out), and again when they are.
func (p *Planner) autosaveFailed(err error, s *model.Scenario) {
	switch {
	case err != nil && !p.autosaveBroken:
		p.autosaveBroken = true
		p.notice = notFiled("Your edits are not being autosaved in this browser: "+err.Error()+".", s)
	case err == nil && p.autosaveBroken:
		p.autosaveBroken = false
		p.notice = notice{Text: "Your edits are autosaved again."}
	}
}

// share puts the current scenario's link in the address bar and copies it;
// the browser compresses the link (web/planner.js).
func (p *Planner) share(ctx app.Context) {
	if p.s.scenario == nil {
		p.notice = notice{Text: "Fix the marked inputs first: a link carries a valid scenario.", Bad: true}
		return
	}
	prefix, doc, err := model.LinkDocument(p.s.scenario)
	share := app.Window().Get("plannerShare")
	if err != nil || !share.Truthy() {
		p.notice = notice{Text: "This page cannot make links; the scenario stays saved in this browser.", Bad: true}
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
				p.notice = notice{Text: "Link copied: " + opens}
			} else {
				p.notice = notice{Text: "Copy the link below (the browser did not allow copying): " + opens}
			}
		})
		release()
		return nil
	})
	failed = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) {
			p.notice = notice{Text: "This browser cannot compress links; the scenario stays saved in this browser.", Bad: true}
		})
		release()
		return nil
	})
	share.Invoke(prefix, string(doc), p.place()).Call("then", done, failed)
}
