//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"planner/model"
)

// A scenario put on Cloud Run in the form runs there in every view: its
// functions' bill is Cloud Run's, meter by meter, the figures `planner
// report` gives; Clouds marks the platform as the scenario's with the same
// bill; what only AWS Lambda has (memory sizes, goal seek, infrastructure
// code) says so instead of advising; a Lambda-only setting is refused at
// its field with the last valid figures kept; Clouds' "Run here" puts the
// scenario back on AWS Lambda; and Compare puts it on two platforms.
func TestScenarioOnAnotherPlatform(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "prices")
	b.choose(t, "pricing.platform", "gcp-cloud-run")
	screenshot(t, b, "own-platform-prices")
	b.clickTab(t, "application")
	sc := model.DefaultScenario()
	sc.Pricing.Platform = "gcp-cloud-run"
	want := report(t, sc)
	n := checkFigures(t, b, want)
	var label string
	b.eval(t, `document.querySelector('[data-metric="total_summary.lambda_cost"]').closest('.figure').innerText`, &label)
	if !strings.Contains(label, "Google Cloud Run") {
		t.Errorf("the functions' bill is labelled %q", label)
	}
	var meters int
	b.eval(t, `document.querySelectorAll('[data-metric^="pricing.bill."][data-metric$=".usd"]').length`, &meters)
	if meters != len(want.Pricing.Bill) || meters == 0 {
		t.Errorf("%d meters shown, the report has %d", meters, len(want.Pricing.Bill))
	}
	t.Logf("%d figures equal the report on Cloud Run, %d meters", n, meters)
	screenshot(t, b, "own-platform-application")

	// The Function view says memory sizing is AWS Lambda's, and shows no
	// memory table.
	b.clickTab(t, "function")
	var text string
	var tables int
	b.eval(t, `document.getElementById('panel-function').innerText`, &text)
	b.eval(t, `document.querySelectorAll('#panel-function [data-metric*=".memory."]').length`, &tables)
	if !strings.Contains(text, "are AWS Lambda's; these functions run on Google Cloud Run") || tables != 0 {
		t.Errorf("function view: %d memory figures; %q", tables, text)
	}
	screenshot(t, b, "own-platform-function")

	// Clouds: the scenario's platform is marked and its bill is the report's.
	b.clickTab(t, "clouds")
	var row string
	b.run(t, chromedp.Poll(`[...document.querySelectorAll('.clouds table')[0]?.querySelectorAll('tbody tr') ?? []]
		.map(r => r.innerText).find(t => t.includes("this scenario's")) ?? null`, &row, chromedp.WithPollingTimeout(30*time.Second)))
	if !strings.HasPrefix(row, "Google Cloud Run (this scenario's") {
		t.Errorf("own platform row: %q", row)
	}
	checkFigures(t, b, want)
	screenshot(t, b, "own-platform-clouds")

	// Optimize, the policies and the exports say they are AWS Lambda's.
	b.clickTab(t, "optimize")
	b.eval(t, `document.getElementById('panel-optimize').innerText`, &text)
	if !strings.Contains(text, "Goal seek tunes memory, provisioned concurrency and keep-alive, which are AWS Lambda's") {
		t.Errorf("optimize: %q", text)
	}
	b.clickTab(t, "forecast")
	var compare int
	b.eval(t, `document.getElementById('panel-forecast').innerText`, &text)
	b.eval(t, `[...document.querySelectorAll('#panel-forecast button')].filter(e => e.textContent === 'Compare policies').length`, &compare)
	if !strings.Contains(text, "Provisioned concurrency and its policies are AWS Lambda's") || compare != 0 {
		t.Errorf("forecast: %d Compare policies buttons; %q", compare, text)
	}
	b.clickTab(t, "scenarios")
	var disabled bool
	b.eval(t, `document.getElementById('export-tf').disabled`, &disabled)
	if !disabled {
		t.Error("Terraform export offered for Cloud Run")
	}

	// A simulated day is AWS Lambda's: refused at the field, the last
	// valid figures kept.
	b.clickTab(t, "application")
	b.eval(t, `(() => { const s = document.querySelector('[name="functions[0].cold_start_method"]');
		s.value = 'simulated'; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, new(bool))
	var problem string
	b.run(t, chromedp.Poll(`(el => el?.getAttribute('aria-invalid') === 'true' ?
		el.getAttribute('aria-describedby').split(' ').map(id => document.getElementById(id)?.textContent ?? '').join(' | ') : null)(
		document.querySelector('[name="functions[0].cold_start_method"]'))`,
		&problem, chromedp.WithPollingTimeout(10*time.Second)))
	if !strings.Contains(problem, "AWS Lambda's") {
		t.Errorf("simulated on Cloud Run: %q", problem)
	}
	checkFigures(t, b, want)

	// Back on AWS Lambda from the Clouds view, the figures are the default
	// scenario's.
	b.choose(t, "functions[0].cold_start_method", "model")
	b.clickTab(t, "clouds")
	b.run(t, press(`button[aria-label="Run the scenario on AWS Lambda"]`, chromedp.ByQuery))
	var said string
	b.run(t, chromedp.Poll(`[...document.querySelectorAll('[role=status], [role=alert]')].map(e => e.textContent).find(t => t.includes('now runs on AWS Lambda')) ?? null`,
		&said, chromedp.WithPollingTimeout(10*time.Second)))
	b.waitReady(t)
	b.clickTab(t, "application")
	checkFigures(t, b, report(t, model.DefaultScenario()))

	// Compare puts the scenario on two platforms: the current one on both
	// sides, B on Cloud Run, figure by figure as the model compares them.
	b.clickTab(t, "compare")
	b.eval(t, `(() => { const a = document.getElementById('compare-b'); a.value = 'current'; a.dispatchEvent(new Event('change', {bubbles: true}));
		const p = document.getElementById('compare-b-platform'); p.value = 'gcp-cloud-run'; p.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, new(bool))
	cmp := model.CompareReports(report(t, model.DefaultScenario()).Report, want.Report)
	for i, f := range cmp.Totals {
		var shown bool
		b.run(t, chromedp.Poll(fmt.Sprintf(`(v => Math.abs(v - %v) <= 1e-9 * Math.max(1, Math.abs(%[1]v)) || null)(+document.querySelector('[data-source="compare"][data-metric="totals.%d.b"]')?.dataset.value)`, f.B, i),
			&shown, chromedp.WithPollingTimeout(10*time.Second)))
	}
	b.eval(t, `document.getElementById('panel-compare').innerText`, &text)
	if !strings.Contains(text, "A runs on AWS Lambda, B on Google Cloud Run.") {
		t.Errorf("compare: %q", text)
	}
	screenshot(t, b, "own-platform-compare")
}
