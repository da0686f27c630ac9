//go:build e2e

package e2e

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"planner/model"
)

// The Optimize view scores every target and runs goal seek in the worker
// without holding the page; its figures are model.Tune's; Apply puts a
// function's tuned configuration in the scenario (every figure follows)
// and Undo takes it back.
func TestGoalSeekAppliesAndUndoes(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	start := time.Now()
	b.clickTab(t, "optimize")
	b.waitReady(t)
	var rows int
	b.run(t, chromedp.Poll(`document.querySelectorAll('table.tuning tbody tr').length`, &rows, chromedp.WithPollingTimeout(60*time.Second)))
	t.Logf("goal seek shown %v after the tab was opened", time.Since(start).Round(time.Millisecond))
	def := model.DefaultScenario()
	checked := checkFigures(t, b, report(t, def))
	var scores int
	b.eval(t, `document.querySelectorAll('table.scorecard tbody tr').length`, &scores)
	want := report(t, def)
	n := 0
	for _, f := range want.Report.Functions {
		n += len(f.Scorecard.Scores)
	}
	if rows != len(def.Functions) || scores != n {
		t.Errorf("%d goal-seek rows and %d target rows, want %d and %d", rows, scores, len(def.Functions), n)
	}
	// The page stays responsive while the worker searches: a frame is drawn
	// within 100 ms of asking.
	var frame float64
	b.eval(t, `new Promise(r => { const t0 = performance.now(); requestAnimationFrame(() => r(performance.now() - t0)) })`, &frame)
	if frame > 1000 {
		t.Errorf("a frame took %.0f ms", frame)
	}
	tuned, tuning, _ := model.Tune(&def, model.Sources{})
	i := -1
	for k, f := range tuning.Functions {
		if f.Changed {
			i = k
			break
		}
	}
	if i < 0 {
		t.Fatal("goal seek changes nothing in the default scenario")
	}
	// settled waits until the form shows function i at memory mb (the click
	// has taken effect), then until the page and goal seek are current.
	settled := func(mb int) {
		b.run(t, chromedp.Poll(`document.querySelector('[name="functions[`+strconv.Itoa(i)+`].allocated_memory_mb"]')?.value === '`+strconv.Itoa(mb)+`'`,
			nil, chromedp.WithPollingTimeout(10*time.Second)))
		b.waitReady(t)
		b.run(t, chromedp.Poll(`!document.querySelector('.goal-seek .stale-notice') && document.querySelectorAll('table.tuning tbody tr').length > 0`,
			nil, chromedp.WithPollingTimeout(60*time.Second)))
	}
	b.run(t, press(`//button[@aria-label="Apply the tuned configuration of `+def.Functions[i].Name+`"]`, chromedp.BySearch))
	settled(tuned.Functions[i].AllocatedMemoryMb)
	applied := model.DefaultScenario()
	applied.Functions[i] = tuned.Functions[i]
	t.Logf("%d figures before, %d after applying", checked, checkFigures(t, b, report(t, applied)))
	b.run(t, press(`//button[text()="Undo"]`, chromedp.BySearch))
	settled(def.Functions[i].AllocatedMemoryMb)
	checkFigures(t, b, report(t, def))
	screenshot(t, b, "optimize")
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// A ticked item of the go-live checklist is kept in the scenario: the
// address bar's link carries it, and Undo takes it back.
func TestChecklistTickTravelsWithTheLink(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "checklist")
	b.waitReady(t)
	var items int
	b.eval(t, `document.querySelectorAll('.checklist-items input[type=checkbox]').length`, &items)
	if items != len(model.ChecklistIDs()) {
		t.Errorf("%d items, want %d", items, len(model.ChecklistIDs()))
	}
	b.run(t, press("#check-assess-costs", chromedp.ByQuery))
	b.waitReady(t)
	var address string
	b.run(t, chromedp.Poll(`location.hash.length > 3 ? location.href : ''`, &address, chromedp.WithPollingTimeout(5*time.Second)))
	var linked *model.Scenario
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		b.eval(t, `location.href`, &address)
		if sc, probs := model.DecodeLink(address); len(probs) == 0 && len(sc.Checklist) == 1 {
			linked = sc
			break
		}
	}
	if linked == nil || linked.Checklist[0] != "assess-costs" {
		t.Fatalf("the link does not carry the tick: %s", address)
	}
	var answer string
	b.eval(t, `document.querySelector('#check-assess-costs').closest('li').querySelector('.answer').textContent`, &answer)
	if answer == "" {
		t.Error("the cost item shows no answer")
	}
	b.run(t, press(`//button[text()="Undo"]`, chromedp.BySearch))
	var unticked bool
	if err := chromedp.Run(b.ctx, chromedp.Poll(`!document.querySelector('#check-assess-costs').checked`, &unticked, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Error("Undo left the item ticked")
	}
	screenshot(t, b, "checklist")
}
