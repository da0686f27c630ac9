//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"planner/model"
)

// The page becomes ready, every figure of every view equals the report of
// the default scenario, charts are drawn and nothing is logged as an error.
func TestPageShowsTheReport(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	tree := report(t, model.DefaultScenario())
	total := 0
	for _, tab := range []string{"application", "function", "optimize", "alerts", "prices"} {
		b.clickTab(t, tab)
		b.waitReady(t)
		total += checkFigures(t, b, tree)
		if tab != "prices" && tab != "optimize" {
			var drawn int
			b.run(t, chromedp.Poll(`document.querySelectorAll('.chart[data-drawn="1"] canvas').length`, &drawn,
				chromedp.WithPollingTimeout(30*time.Second)))
			if drawn == 0 {
				t.Errorf("%s: no chart drawn", tab)
			}
		}
		screenshot(t, b, "view-"+tab)
	}
	t.Logf("%d figures checked", total)
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// A first visit receives app.wasm and ECharts compressed (the build's
// brotli copies, which `planner serve` sends to a browser that accepts
// them), and runs them.
func TestAssetsArriveCompressed(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	// ECharts comes with the first chart, after app.wasm.
	b.run(t, chromedp.Poll(`typeof echarts === 'object'`, new(bool), chromedp.WithPollingTimeout(10*time.Second)))
	var sizes []struct {
		Name             string
		Encoded, Decoded float64
	}
	b.eval(t, `performance.getEntriesByType('resource').filter(e => /\/(app\.wasm|echarts\.min\.js|planner\.css)$/.test(e.name))
		.map(e => ({name: e.name.split('/').pop(), encoded: e.encodedBodySize, decoded: e.decodedBodySize}))`, &sizes)
	if len(sizes) < 3 {
		t.Fatalf("resources seen: %+v", sizes)
	}
	for _, r := range sizes {
		t.Logf("%s: %.0f bytes sent for %.0f", r.Name, r.Encoded, r.Decoded)
		if r.Encoded <= 0 || r.Encoded*3 > r.Decoded {
			t.Errorf("%s: %.0f bytes sent for %.0f: not compressed", r.Name, r.Encoded, r.Decoded)
		}
	}
}

// Changing an input in the form changes the matching figure to what the
// model computes; invalid text is kept, refused at the field, and the last
// valid figures stay, marked stale.
func TestEditingUpdatesFigures(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")

	b.edit(t, "functions[0].allocated_memory_mb", "1024")
	b.waitReady(t)
	sc := model.DefaultScenario()
	sc.Functions[0].AllocatedMemoryMb = 1024
	tree := report(t, sc)
	checkFigures(t, b, tree)
	var shown string
	b.eval(t, `document.querySelector('[data-metric="functions.0.total_monthly_cost"]').dataset.value`, &shown)
	if want := strconv.FormatFloat(tree.Functions[0].TotalMonthlyCost, 'g', -1, 64); shown != want {
		t.Fatalf("function cost shows %s, want %s", shown, want)
	}

	b.edit(t, "functions[0].allocated_memory_mb", "lots")
	var state struct {
		Ready, Stale bool
		Value, Error string
		Figures      int
	}
	b.eval(t, `(() => { const p = document.getElementById('planner'); const i = document.querySelector('[name="functions[0].allocated_memory_mb"]');
		const e = document.getElementById(i.getAttribute('aria-describedby').split(' ')[0]);
		return {ready: p.dataset.ready === '1', stale: p.classList.contains('stale'), value: i.value,
			error: e ? e.textContent : '', figures: document.querySelectorAll('[data-metric]').length} })()`, &state)
	if state.Ready || !state.Stale || state.Value != "lots" || !strings.Contains(state.Error, "whole number") || state.Figures == 0 {
		t.Errorf("invalid input: %+v", state)
	}
	checkFigures(t, b, tree) // the last valid results stay
	var summary string
	b.eval(t, `document.querySelector('.problem-summary li button').textContent`, &summary)
	if !strings.HasPrefix(summary, "Function “user_authentication” › Memory: ") {
		t.Errorf("the problem is named %q, not by its labels", summary)
	}
	screenshot(t, b, "invalid-input")

	b.edit(t, "functions[0].allocated_memory_mb", "2048")
	b.waitReady(t)
	sc.Functions[0].AllocatedMemoryMb = 2048
	at2048 := report(t, sc)
	checkFigures(t, b, at2048)

	// Emptied, then an invalid value: the last valid results are those of
	// 2,048 MB, the last valid input, not of the field's default.
	b.edit(t, "functions[0].allocated_memory_mb", "")
	b.edit(t, "functions[0].allocated_memory_mb", "lots")
	checkFigures(t, b, at2048)
	// Left empty, the field takes its default.
	b.edit(t, "functions[0].allocated_memory_mb", "")
	checkFigures(t, b, at2048)
	b.leave(t, "functions[0].allocated_memory_mb")
	b.waitReady(t)
	checkFigures(t, b, report(t, model.DefaultScenario()))
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

// An empty rate shows the rate the model works out from the monthly
// invocations, and follows their edits.
func TestEmptyRateShowsTheDerivedRate(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	placeholder := func() string {
		var p string
		b.eval(t, `document.querySelector('[name="functions[0].invocations_per_second"]').placeholder`, &p)
		return p
	}
	for _, monthly := range []string{"", "8640000"} {
		sc := model.DefaultScenario()
		if monthly != "" {
			b.edit(t, "functions[0].monthly_invocations", monthly)
			b.waitReady(t)
			v, _ := strconv.ParseFloat(monthly, 64)
			sc.Functions[0].MonthlyInvocations = &v
		}
		want := report(t, sc).Functions[0].Traffic.InvocationsPerSecond
		got, err := strconv.ParseFloat(placeholder(), 64)
		if err != nil || got < want*0.9995 || got > want*1.0005 {
			t.Errorf("monthly %q: the empty rate shows %q, the model uses %v", monthly, placeholder(), want)
		}
	}
}

// A function named like markup shows as text everywhere and runs nothing.
func TestUserTextIsText(t *testing.T) {
	const hostile = `<img src=x onerror=alert(1)>`
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.edit(t, "functions[0].name", hostile)
	b.waitReady(t)
	for _, tab := range []string{"application", "function", "optimize", "alerts"} {
		b.clickTab(t, tab)
		b.waitReady(t)
		// Hover every chart so tooltips render the name.
		b.eval(t, `(async () => { for (const c of document.querySelectorAll('.chart')) {
			const r = c.getBoundingClientRect();
			for (const fx of [0.2, 0.35, 0.5, 0.65, 0.8]) {
				c.querySelector('canvas')?.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + r.width * fx, clientY: r.top + r.height * 0.6, bubbles: true}));
				await new Promise(res => setTimeout(res, 60));
			} } return true })()`, new(bool))
		var injected int
		b.eval(t, `document.querySelectorAll('img[src="x"], img[src$="/x"]').length`, &injected)
		if injected > 0 {
			t.Errorf("%s: the name became an <img> element", tab)
		}
		var asText bool
		b.eval(t, `document.body.innerText.includes(`+jsString(hostile)+`)`, &asText)
		if !asText && tab != "optimize" {
			t.Errorf("%s: the name is not shown as text", tab)
		}
	}
	time.Sleep(300 * time.Millisecond)
	if len(b.dialogs) > 0 {
		t.Errorf("dialogs opened: %v", b.dialogs)
	}
}

// After one visit the planner works with the network cut.
func TestOfflineReload(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	var cached bool
	b.run(t, chromedp.Poll(`(async () => { const reg = await navigator.serviceWorker.ready;
		const keys = await caches.keys(); if (!keys.length) return false;
		const c = await caches.open(keys[0]); const reqs = await c.keys();
		return reqs.some(r => r.url.endsWith('/app.wasm')) })()`, &cached,
		chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(200*time.Millisecond)))
	s.stop()
	b.run(t, network.Enable(), network.SetCacheDisabled(true), chromedp.Reload())
	b.waitReady(t)
	var figures int
	b.eval(t, `document.querySelectorAll('[data-metric]').length`, &figures)
	if figures == 0 {
		t.Error("no figures offline")
	}
	// ECharts, loaded with the first chart, comes from the cache too.
	var drawn bool
	b.run(t, chromedp.Poll(`document.querySelector('.chart[data-drawn="1"] canvas') !== null`, &drawn, chromedp.WithPollingTimeout(15*time.Second)))
	// The interop worker and its module come from the cache too: the
	// Forecast view (forecast in the worker), the Clouds view and a
	// Terraform export work.
	b.clickTab(t, "forecast")
	var method string
	b.run(t, chromedp.Poll(`document.querySelector('.forecast-lab')?.innerText.match(/Method \w+/)?.[0] ?? null`, &method,
		chromedp.WithPollingTimeout(30*time.Second)))
	// The Clouds view's comparison runs in the worker too.
	b.clickTab(t, "clouds")
	var platforms int
	b.run(t, chromedp.Poll(`document.querySelectorAll('.clouds [data-source="clouds"][data-metric$=".monthly_usd"]').length || null`, &platforms,
		chromedp.WithPollingTimeout(30*time.Second)))
	b.clickTab(t, "scenarios")
	b.eval(t, `window.__downloads = []; window.plannerDownload = (name, type, text) => window.__downloads.push({name, text}); true`, nil)
	b.run(t, press("#export-tf", chromedp.ByQuery))
	var got []struct{ Name, Text string }
	b.run(t, chromedp.Poll(`window.__downloads.length ? window.__downloads : null`, &got, chromedp.WithPollingTimeout(30*time.Second)))
	if !strings.Contains(got[0].Text, `resource "aws_cloudwatch_metric_alarm"`) {
		t.Errorf("offline export: %q", got[0].Text[:min(200, len(got[0].Text))])
	}
}

// A damaged address does not stop the app.
func TestDamagedAddress(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/#s=%%%")
	b.edit(t, "functions[0].avg_execution_time_ms", "450")
	b.waitReady(t)
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors:\n%s", strings.Join(errs, "\n"))
	}
}

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", `\$`)
	return "`" + r.Replace(s) + "`"
}

// The cold-start methods side by side: the model's curves are drawn and a
// simulated day runs with progress and draws its charts.
func TestColdStartMethods(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "function")
	var drawn bool
	b.run(t, chromedp.Poll(`document.querySelectorAll('.cold-start-lab .chart[data-drawn="1"] canvas').length >= 1`, &drawn,
		chromedp.WithPollingTimeout(30*time.Second)))
	// The page says it is busy while the day is simulated, and idle after.
	b.run(t, press(`//button[text()="Simulate a day"]`, chromedp.BySearch))
	var busy string
	b.eval(t, `document.getElementById('planner').dataset.busy`, &busy)
	if busy != "1" {
		t.Errorf("data-busy %q while a day is simulated", busy)
	}
	b.run(t, chromedp.Poll(`document.querySelectorAll('.cold-start-lab .chart[data-drawn="1"] canvas').length >= 3`, &drawn,
		chromedp.WithPollingTimeout(60*time.Second)))
	b.run(t, chromedp.Poll(`document.getElementById('planner').dataset.busy === '0'`, &drawn, chromedp.WithPollingTimeout(10*time.Second)))
	var text string
	b.eval(t, `document.querySelector('.cold-start-lab').innerText`, &text)
	if !strings.Contains(text, "requests simulated in") || strings.Contains(text, "not run") {
		t.Errorf("lab: %q", text)
	}
	screenshot(t, b, "view-function-cold-starts")

	// Choosing the simulated method: the page simulates in the background,
	// then shows exactly what `planner report` gives.
	b.eval(t, `(() => { const s = document.querySelector('[name="functions[0].cold_start_method"]');
		s.value = 'simulated'; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, new(bool))
	time.Sleep(50 * time.Millisecond)
	b.waitReady(t)
	sc := model.DefaultScenario()
	sc.Functions[0].ColdStartMethod = model.ColdStartSimulated
	n := checkFigures(t, b, report(t, sc))
	var method string
	b.eval(t, `document.querySelector('[data-metric="functions.0.cold_start_rate.rate"]').closest('.figure').title`, &method)
	if !strings.Contains(method, "simulated") {
		t.Errorf("rate figure: %q", method)
	}
	t.Logf("%d figures equal the report with a simulated rate", n)
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// The forecast view: a forecast with its band is drawn for the selected
// function, and the policies compare in the background.
func TestForecastView(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "forecast")
	var ok bool
	b.run(t, chromedp.Poll(`document.querySelectorAll('.forecast-lab .chart[data-drawn="1"] canvas').length >= 1`, &ok,
		chromedp.WithPollingTimeout(30*time.Second)))
	// The band's tooltip gives its bounds, not the stacked width.
	var tip string
	b.eval(t, `(async () => { const el = document.querySelector('.forecast-lab .chart'); const c = echarts.getInstanceByDom(el);
		const n = c.getOption().series[1].data.length; c.dispatchAction({type: 'showTip', seriesIndex: 1, dataIndex: n - 2});
		await new Promise(res => setTimeout(res, 200)); return el.querySelector('.planner-tooltip')?.innerText ?? '' })()`, &tip)
	t.Logf("tooltip: %q", tip)
	if !regexp.MustCompile(`95% band: [\d,.]+ – [\d,.]+`).MatchString(tip) || strings.Contains(tip, "low") || strings.Contains(tip, "width") || strings.Contains(tip, "History") {
		t.Errorf("forecast tooltip: %q", tip)
	}
	start := time.Now()
	b.run(t, press(`//button[text()="Compare policies"]`, chromedp.BySearch))
	b.run(t, chromedp.Poll(`document.querySelectorAll('.forecast-lab .chart[data-drawn="1"] canvas').length >= 2`, &ok,
		chromedp.WithPollingTimeout(90*time.Second)))
	t.Logf("policies compared in the browser in %v", time.Since(start))
	t.Logf("%d figures equal the model's", checkFigures(t, b, report(t, model.DefaultScenario())))
	var text string
	b.eval(t, `document.querySelector('.forecast-lab').innerText`, &text)
	var series string
	b.eval(t, `[...document.querySelectorAll('.forecast-lab .chart')].map(el => (echarts.getInstanceByDom(el)?.getOption().series ?? []).map(s => s.name).join(',')).join(';')`, &series)
	for _, want := range []string{"Method ", "Recommended: ", "static", "reactive", "predictive", "learned", "Predicted (forecast)", "95% band", "Anomalies"} {
		if !strings.Contains(text+series, want) {
			t.Errorf("forecast view lacks %q", want)
		}
	}
	// The export is the recommended plan: 48 hourly rows, or a
	// target-tracking rule when the reactive policy is recommended.
	b.eval(t, `window.__downloads = []; window.plannerDownload = (name, type, text) => window.__downloads.push({name, text}); true`, nil)
	b.run(t, press(`.forecast-lab .files button.small`, chromedp.ByQuery))
	var got []struct{ Name, Text string }
	b.run(t, chromedp.Poll(`window.__downloads.length > 0 ? window.__downloads : null`, &got, chromedp.WithPollingTimeout(5*time.Second)))
	switch {
	case strings.HasSuffix(got[0].Name, "-schedule.csv"):
		if rows := strings.Split(strings.TrimSpace(got[0].Text), "\n"); len(rows) != 49 || rows[0] != "hour_after_history,hour_of_day_utc,provisioned_concurrency" {
			t.Errorf("schedule CSV has %d rows: %q", len(rows), got[0].Text)
		}
	case strings.HasSuffix(got[0].Name, "-target-tracking.json"):
		if !strings.Contains(got[0].Text, "LambdaProvisionedConcurrencyUtilization") {
			t.Errorf("target tracking: %s", got[0].Text)
		}
	default:
		t.Errorf("downloaded %q", got[0].Name)
	}
	screenshot(t, b, "view-forecast")

	// A CSV history imported (read in the worker) becomes the history
	// forecast; one too short is refused, and the forecast stays.
	dir := t.TempDir()
	write := func(name string, hours int) string {
		var csv strings.Builder
		csv.WriteString("timestamp,count\n")
		start := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
		for h := range hours {
			fmt.Fprintf(&csv, "%s,%d\n", start.Add(time.Duration(h)*time.Hour).Format(time.RFC3339), 200+50*(h%24/12))
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(csv.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	b.run(t, chromedp.SetUploadFiles("#history-file", []string{write("short.csv", 100)}, chromedp.ByQuery))
	var notice string
	b.run(t, chromedp.Poll(`document.querySelector('.forecast-lab .error')?.textContent ?? null`, &notice, chromedp.WithPollingTimeout(10*time.Second)))
	if !strings.Contains(notice, "short.csv has 100 hours") {
		t.Errorf("short history: %q", notice)
	}
	b.run(t, chromedp.SetUploadFiles("#history-file", []string{write("history.csv", 600)}, chromedp.ByQuery))
	var source string
	b.run(t, chromedp.Poll(`(t => t.includes('history.csv: 600 hours from 2026-10-01 00:00') ? t : null)(document.querySelector('.forecast-lab .profile-note')?.textContent ?? '')`, &source,
		chromedp.WithPollingTimeout(10*time.Second)))
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// Keyboard: the first Tab reaches a skip link to the results; the view tabs
// are one tab stop, and arrow keys, Home and End move between them.
func TestKeyboardSkipLinkAndTabs(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	active := func() string {
		var id string
		b.eval(t, `(document.activeElement.id || document.activeElement.className || document.activeElement.tagName)`, &id)
		return id
	}
	b.run(t, chromedp.KeyEvent(kb.Tab))
	if got := active(); got != "skip-link" {
		t.Fatalf("the first Tab reaches %q, want the skip link", got)
	}
	b.run(t, chromedp.KeyEvent(kb.Enter))
	if got := active(); got != "results" {
		t.Errorf("the skip link leads to %q, want the results", got)
	}
	var stops int
	b.eval(t, `[...document.querySelectorAll('[role="tab"]')].filter(t => t.tabIndex === 0).length`, &stops)
	if stops != 1 {
		t.Errorf("%d tabs are tab stops, want 1", stops)
	}
	b.run(t, chromedp.Focus("#tab-application", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	b.run(t, chromedp.WaitVisible("#panel-optimize", chromedp.ByQuery))
	if got := active(); got != "tab-optimize" {
		t.Errorf("ArrowRight from Application focuses %q", got)
	}
	b.run(t, chromedp.KeyEvent(kb.Home))
	b.run(t, chromedp.WaitVisible("#panel-function", chromedp.ByQuery))
	b.run(t, chromedp.KeyEvent(kb.ArrowLeft))
	b.run(t, chromedp.WaitVisible("#panel-checklist", chromedp.ByQuery))
	if got := active(); got != "tab-checklist" {
		t.Errorf("ArrowLeft from the first tab focuses %q, want the last", got)
	}
}

// Without JavaScript the page is the prerendered default scenario with a
// notice that says what needs scripts; no loader waits for ever.
func TestWithoutJavaScript(t *testing.T) {
	s := startSite(t)
	b := newBrowser(t)
	b.run(t, emulation.SetScriptExecutionDisabled(true), chromedp.Navigate(s.URL+"/"),
		chromedp.WaitVisible(".noscript-notice", chromedp.ByQuery))
	var notice, loader, bill string
	b.run(t, chromedp.Text(".noscript-notice", &notice, chromedp.ByQuery),
		chromedp.Evaluate(`getComputedStyle(document.getElementById('app-wasm-loader')).display`, &loader),
		chromedp.Text(`[data-metric="total_summary.total_monthly_cost"] .fig-value`, &bill, chromedp.ByQuery))
	if !strings.Contains(notice, "need JavaScript and WebAssembly") || loader != "none" || !strings.HasPrefix(bill, "$") {
		t.Errorf("notice %q, loader display %q, bill %q", notice, loader, bill)
	}
	screenshot(t, b, "no-javascript")
}

// Where the browser offers to install the planner, an Install button asks
// it to; without the offer there is no button.
func TestInstallButton(t *testing.T) {
	s := startSite(t)
	b := newBrowser(t)
	// Chromium offers on its own once the site qualifies, at a moment of
	// its choosing: its (trusted) offers are withheld from the page, so
	// that the page is first seen without one; the test's offer is not.
	b.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`addEventListener('beforeinstallprompt', e => {
			if (e.isTrusted) { e.stopImmediatePropagation(); } }, true)`).Do(ctx)
		return err
	}), chromedp.Navigate(s.URL+"/"))
	b.waitReady(t)
	var shown bool
	b.eval(t, `document.getElementById('install') !== null`, &shown)
	if shown {
		t.Fatal("an Install button without the browser's offer")
	}
	// The offer, made by the test; a prompt is recorded.
	b.eval(t, `(() => {
		const prompt = BeforeInstallPromptEvent.prototype.prompt;
		BeforeInstallPromptEvent.prototype.prompt = function () { window.__prompted = true; return prompt.call(this); };
		const e = new Event('beforeinstallprompt', {cancelable: true});
		e.prompt = () => { window.__prompted = true; }; e.userChoice = Promise.resolve({outcome: 'dismissed'});
		window.dispatchEvent(e); return true })()`, nil)
	b.run(t, chromedp.WaitVisible("#install", chromedp.ByQuery), press("#install", chromedp.ByQuery))
	var prompted bool
	b.run(t, chromedp.Poll(`window.__prompted === true`, &prompted, chromedp.WithPollingTimeout(5*time.Second)))
}

// "Print report" prints the Application view and the selected function's,
// their charts drawn, with no controls on paper, and returns to the view
// shown.
func TestPrintReport(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "prices")
	b.eval(t, `window.print = () => {
		window.__printed = {
			headings: [...document.querySelectorAll('#results h2')].map(h => h.textContent),
			charts: document.querySelectorAll('.print-report .chart[data-drawn="1"] canvas').length,
			pending: document.querySelectorAll('.print-report .chart:not([data-drawn="1"])').length,
			figures: document.querySelectorAll('.print-report [data-metric]').length,
			controls: [...document.querySelectorAll('.inputs, .tabs, .toolbar, button, input, select')]
				.filter(el => el.getClientRects().length > 0).map(el => el.outerHTML.slice(0, 80)),
		};
	}; true`, nil)
	// The button is not on paper: the page is clicked as on screen, then
	// laid out for print.
	b.run(t, press("#print-report", chromedp.ByQuery), emulation.SetEmulatedMedia().WithMedia("print"))
	var printed struct {
		Headings                 []string
		Charts, Pending, Figures int
		Controls                 []string
	}
	b.run(t, chromedp.Poll(`window.__printed ?? null`, &printed, chromedp.WithPollingTimeout(10*time.Second)))
	if len(printed.Headings) < 2 || printed.Headings[0] != "Application" || printed.Headings[len(printed.Headings)-1] != "user_authentication" ||
		printed.Charts < 4 || printed.Pending != 0 || printed.Figures < 30 || len(printed.Controls) > 0 {
		t.Errorf("printed: %+v", printed)
	}
	b.run(t, emulation.SetEmulatedMedia().WithMedia("screen"), chromedp.WaitVisible("#panel-prices", chromedp.ByQuery))
}
