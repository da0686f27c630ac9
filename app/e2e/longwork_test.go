//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"planner/model"
)

// Long work shows its progress and can be cancelled: a simulated day of a
// busy function (on the page, in slices), the policy comparison of a
// simulated one (in the worker, which is ended and replaced) and goal seek. After a cancel the
// page works on: the comparison runs again to its end.
func TestLongWorkCanBeCancelled(t *testing.T) {
	s := startSite(t)
	sc := model.DefaultScenario()
	rate := 150.0
	sc.Functions[0].InvocationsPerSecond, sc.Functions[0].MonthlyInvocations = &rate, nil
	b := openPlanner(t, plannerLink(t, sc, s.URL+"/"))

	// cancel waits for the job's progress to pass 0 inside root, clicks its
	// Cancel and waits for the message that says it stopped.
	cancel := func(root, stopped string) {
		t.Helper()
		var ok bool
		b.run(t, chromedp.Poll(`(() => { const p = document.querySelector('`+root+` .long-work progress'); return p !== null && Number(p.value) > 0 })()`, &ok,
			chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
		b.eval(t, `document.querySelector('`+root+` .long-work button').click(); true`, nil)
		b.run(t, chromedp.Poll(`document.querySelector('`+root+`').innerText.includes(`+"`"+stopped+"`"+`) && !document.querySelector('`+root+` .long-work')`, &ok,
			chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	}

	b.clickTab(t, "function")
	b.run(t, press(`//button[text()="Simulate a day"]`, chromedp.BySearch))
	cancel(".cold-start-lab", "Simulation cancelled.")
	var text string
	b.eval(t, `document.querySelector('.cold-start-lab').innerText`, &text)
	if strings.Contains(text, "requests simulated in") {
		t.Error("a cancelled simulation shows a result")
	}

	// Policies are simulated below two million requests in the evaluated
	// hours (busier functions are modelled in about a second): 10 req/s is
	// simulated, for seconds.
	b.edit(t, "functions[0].invocations_per_second", "10")
	b.waitReady(t)
	b.clickTab(t, "forecast")
	var ok bool
	b.run(t, chromedp.Poll(`document.querySelectorAll('.forecast-lab .chart[data-drawn="1"] canvas').length >= 1`, &ok,
		chromedp.WithPollingTimeout(30*time.Second)))
	b.run(t, press(`//button[text()="Compare policies"]`, chromedp.BySearch))
	cancel(".forecast-lab", "The policy comparison was cancelled.")
	// The worker was replaced: the next comparison runs to its end.
	b.run(t, press(`//button[text()="Compare policies"]`, chromedp.BySearch))
	b.run(t, chromedp.Poll(`document.querySelector('.forecast-lab').innerText.includes('Recommended: ')`, &ok,
		chromedp.WithPollingTimeout(120*time.Second)))

	b.clickTab(t, "optimize")
	b.run(t, chromedp.Poll(`!!document.querySelector('.optimize .long-work')`, &ok, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(10*time.Millisecond)))
	b.eval(t, `document.querySelector('.optimize .long-work button').click(); true`, nil)
	b.run(t, chromedp.Poll(`document.querySelector('.optimize').innerText.includes('Goal seek was cancelled') && !document.querySelector('.optimize .long-work')`, &ok,
		chromedp.WithPollingTimeout(10*time.Second)))
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
