//go:build e2e

package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBigLinkShowsItsBillFirst opens a link of 2,000 functions. The
// Application view shows its figures before the report is whole (the page
// not ready yet), each equal to planner report's; the Alerts view, asked
// for at that moment, says that it waits for the analyses, then shows
// them; then every figure of both views equals planner report's.
func TestBigLinkShowsItsBillFirst(t *testing.T) {
	s := startSite(t)
	sc := repeatedScenario(2000)
	want := report(t, sc)
	invocations := strconv.FormatFloat(want.TotalSummary.TotalMonthlyInvocations, 'g', -1, 64)
	b := newBrowser(t)
	// At the first figures of the scenario: whether the page is ready,
	// every figure shown, and a click on the Alerts tab; then what its
	// panel says while it waits.
	b.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.__early = null; new MutationObserver(() => {
			if (!window.__early && document.querySelector('#results [data-metric="total_summary.total_monthly_invocations"][data-value="` + invocations + `"]')) {
				window.__early = {ready: document.getElementById('planner').dataset.ready, waiting: '',
					figures: [...document.querySelectorAll('#results [data-metric]')].map(e => ({metric: e.dataset.metric, value: e.dataset.value, source: e.dataset.source ?? ''}))};
				document.getElementById('tab-alerts').click();
			}
			const waiting = document.querySelector('#panel-alerts .completing[role="status"]');
			if (window.__early && waiting && !window.__early.waiting) window.__early.waiting = waiting.textContent;
		}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true})`).Do(ctx)
		return err
	}))
	b.run(t, chromedp.Navigate(plannerLink(t, sc, s.URL+"/")))
	b.waitReady(t)
	var early struct {
		Ready   string        `json:"ready"`
		Waiting string        `json:"waiting"`
		Figures []shownFigure `json:"figures"`
	}
	b.eval(t, `window.__early`, &early)
	if early.Ready != "0" {
		t.Errorf("the page was ready (%q) when it first showed the scenario's figures: the report was not drawn from its costs first", early.Ready)
	}
	if len(early.Figures) < 10 {
		t.Errorf("%d figures shown first, want the Application view's", len(early.Figures))
	}
	for _, f := range early.Figures {
		if f.Source != "" {
			t.Errorf("first figure %s is of %s, want the report's", f.Metric, f.Source)
		}
	}
	compareFigures(t, want, early.Figures)
	if !strings.Contains(early.Waiting, "Analysing 2,000 functions") {
		t.Errorf("the Alerts view asked for before the analyses said %q", early.Waiting)
	}
	var rules string
	b.eval(t, `document.querySelector('#panel-alerts')?.innerText ?? ''`, &rules)
	if !strings.Contains(rules, want.Alerts[0].Name) {
		t.Errorf("the Alerts view does not show the first alert, %s, once the analyses are done", want.Alerts[0].Name)
	}
	n := checkFigures(t, b, want)
	b.clickTab(t, "application")
	n += checkFigures(t, b, want)
	t.Logf("%d figures first, %d after, equal to planner report's", len(early.Figures), n)
}
