//go:build e2e

// Package e2e drives the built site (make dist) in Debian's Chromium with
// chromedp, served with the production headers.
package e2e

import (
	"context"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"planner/app/cli"
	"planner/model"
	"planner/model/forecast"
	"planner/model/keepalive"
	"planner/model/policy"
	"planner/model/pricing"
)

// site serves ../../dist with the headers of netlify.toml.
type site struct {
	URL    string
	ln     net.Listener
	server *http.Server
	// release, once set, is the version the site's service worker says it
	// is: a new release of the same files.
	release atomic.Value
}

// workerCacheName is the cache name in app-worker.js.
var workerCacheName = regexp.MustCompile(`"app-" \+ "[^"]*"`)

// releaseWorker serves app-worker.js as the release set, if any: its cache
// takes the release's name, so the browser installs it as an update.
func (s *site) releaseWorker(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		release, _ := s.release.Load().(string)
		if r.URL.Path != "/app-worker.js" || release == "" {
			next.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		for _, h := range []string{"Accept-Encoding", "If-Modified-Since", "If-None-Match"} {
			r.Header.Del(h) // the whole file, as it is, to rewrite
		}
		next.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.Header().Del("Last-Modified")
		w.Write(workerCacheName.ReplaceAll(rec.Body.Bytes(), []byte(`"app-" + "`+release+`"`)))
	})
}

func startSite(t testing.TB) *site {
	t.Helper()
	toml, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	h, err := cli.SiteHandler("../../dist", toml)
	if err != nil {
		t.Fatalf("%v (run make dist first)", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &site{URL: "http://" + ln.Addr().String(), ln: ln}
	s.server = &http.Server{Handler: s.releaseWorker(h)}
	go s.server.Serve(ln)
	t.Cleanup(s.stop)
	return s
}

// stop cuts the network: the site is no longer served.
func (s *site) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	s.server.Shutdown(ctx)
	s.server.Close()
}

// browser is a fresh headless Chromium with a new profile, recording console
// errors, uncaught exceptions and dialogs.
type browser struct {
	ctx     context.Context
	mu      sync.Mutex
	errors  []string
	dialogs []string
	// close ends Chromium and removes its profile, once (also at the
	// test's end): a benchmark closes each browser before the next starts,
	// so that none runs beside the one measured.
	close func()
}

func newBrowser(t testing.TB) *browser {
	t.Helper()
	// A fresh profile, removed once Chromium has exited.
	profile, err := os.MkdirTemp("", "planner-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(profile),
		// Its singleton socket goes to TMPDIR, and a killed browser leaves it.
		chromedp.Env("TMPDIR=" + profile),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	b := &browser{ctx: ctx, close: sync.OnceFunc(func() { cancelTimeout(); cancel(); cancelAlloc(); removeProfile(t, profile) })}
	t.Cleanup(b.close)
	chromedp.ListenTarget(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				b.errors = append(b.errors, "console: "+argsText(e.Args))
			}
		case *runtime.EventExceptionThrown:
			b.errors = append(b.errors, "exception: "+e.ExceptionDetails.Error())
		case *log.EventEntryAdded:
			if e.Entry.Level == log.LevelError {
				b.errors = append(b.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		case *page.EventJavascriptDialogOpening:
			b.dialogs = append(b.dialogs, e.Message)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(true))
		}
	})
	if err := chromedp.Run(ctx, log.Enable(), runtime.Enable(), page.Enable()); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return b
}

// removeProfile removes a Chromium profile. Chromium's network process can
// still write its state file there just after the browser has exited, which
// made a single removal leave two of every three profiles behind in /tmp:
// the removal is repeated until the directory stays gone for 100 ms.
func removeProfile(t testing.TB, dir string) {
	for range 50 {
		os.RemoveAll(dir)
		time.Sleep(100 * time.Millisecond)
		if _, err := os.Stat(dir); os.IsNotExist(err) {
			return
		}
	}
	t.Errorf("Chromium profile %s still there after 5 s", dir)
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a.Value != nil {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

func (b *browser) consoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

func (b *browser) run(t testing.TB, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		t.Fatalf("%v\npage: %s\nconsole errors: %v", err, b.state(), b.consoleErrors())
	}
}

// state describes the page for a failure's message: whether background
// work runs and what its alerts and status lines say.
func (b *browser) state() string {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
	defer cancel()
	var out string
	err := chromedp.Run(ctx, chromedp.Evaluate(`JSON.stringify({busy: document.getElementById('planner')?.dataset.busy,
		said: [...document.querySelectorAll('[role=alert], [role=status]')].map(e => e.textContent.trim()).filter(Boolean).slice(0, 8)})`, &out))
	if err != nil {
		return "(not readable: " + err.Error() + ")"
	}
	return out
}

// openPlanner opens address in a fresh browser and waits until it is ready.
func openPlanner(t testing.TB, address string) *browser {
	t.Helper()
	b := newBrowser(t)
	b.run(t, chromedp.Navigate(address))
	b.waitReady(t)
	return b
}

// waitReady waits for the planner to be evaluated and rendered, its form
// whole (drawn after the first figures, in parts) and its view settled
// (the Application view draws what is below a screenful a task later).
func (b *browser) waitReady(t testing.TB) {
	t.Helper()
	var ok bool
	b.run(t, chromedp.Poll(`document.querySelector('#planner[data-ready="1"] .inputs [data-whole="true"] .fields') !== null && !document.querySelector('[data-settling="true"]')`, &ok,
		chromedp.WithPollingTimeout(90*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
}

// eval runs JavaScript and decodes its result.
func (b *browser) eval(t testing.TB, js string, out any) {
	t.Helper()
	b.run(t, chromedp.Evaluate(js, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// shownFigure is one data-metric element on the page: its path in its
// document (data-source; empty for the report) and its raw value.
type shownFigure struct {
	Metric string `json:"metric"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

func (b *browser) figures(t testing.TB) []shownFigure {
	t.Helper()
	var fs []shownFigure
	b.eval(t, `[...document.querySelectorAll('[data-metric]')].map(e => ({metric: e.dataset.metric, value: e.dataset.value, source: e.dataset.source ?? ''}))`, &fs)
	return fs
}

// setInput types text into the input named name, as a user would.
func (b *browser) setInput(t testing.TB, name, text string) {
	t.Helper()
	b.typeInto(t, `[name="`+name+`"]`, text)
}

// leave fires an input's change event, as a browser does when the user
// leaves a field they edited, and takes the focus from it.
func (b *browser) leave(t testing.TB, name string) {
	t.Helper()
	var before string
	b.eval(t, `document.getElementById('planner').dataset.revision`, &before)
	b.eval(t, fmt.Sprintf(`(() => { const el = document.querySelector('[name=%q]'); el.dispatchEvent(new Event('change', {bubbles: true})); el.blur(); return true })()`, name), nil)
	var changed bool
	b.run(t, chromedp.Poll(fmt.Sprintf(`document.getElementById('planner').dataset.revision !== %q`, before), &changed,
		chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(10*time.Millisecond)))
}

// typeInto sets an input's text and fires its input event.
func (b *browser) typeInto(t testing.TB, selector, text string) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.querySelector(%s); if (!el) return false;
		el.focus(); el.value = %s; el.dispatchEvent(new Event('input', {bubbles: true})); return true })()`,
		strconv.Quote(selector), strconv.Quote(text))
	var ok bool
	b.eval(t, js, &ok)
	if !ok {
		t.Fatalf("no input %s", selector)
	}
}

// edit types into an input and waits until the planner has evaluated it.
func (b *browser) edit(t testing.TB, name, text string) {
	t.Helper()
	var before string
	b.eval(t, `document.getElementById('planner').dataset.revision`, &before)
	b.setInput(t, name, text)
	var changed bool
	b.run(t, chromedp.Poll(fmt.Sprintf(`document.getElementById('planner').dataset.revision !== %q`, before), &changed,
		chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(10*time.Millisecond)))
}

// choose picks value in the select named name, as a user would, and waits
// until the planner has evaluated it.
func (b *browser) choose(t testing.TB, name, value string) {
	t.Helper()
	var before string
	b.eval(t, `document.getElementById('planner').dataset.revision`, &before)
	b.eval(t, fmt.Sprintf(`(() => { const s = document.querySelector('[name=%q]'); s.value = %q;
		s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, name, value), new(bool))
	var changed bool
	b.run(t, chromedp.Poll(fmt.Sprintf(`document.getElementById('planner').dataset.revision !== %q`, before), &changed,
		chromedp.WithPollingTimeout(10*time.Second)))
	b.waitReady(t)
}

// clickTab shows one of the report's views.
// The tab is clicked by its element, not at its position on screen: a
// notice appearing as the pointer moves shifts the tabs, and a click at
// the old position misses.
func (b *browser) clickTab(t testing.TB, id string) {
	t.Helper()
	b.run(t, chromedp.WaitVisible("#tab-"+id, chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById('tab-`+id+`').click()`, nil),
		chromedp.WaitVisible("#panel-"+id, chromedp.ByQuery),
		chromedp.Poll(`!document.querySelector('[data-settling="true"]')`, nil, chromedp.WithPollingInterval(10*time.Millisecond)))
}

// expected is what the page should show for a scenario: its report, as
// `planner report` prints it, and the other model documents its figures
// come from (by data-source), computed natively when a figure asks.
type expected struct {
	*model.Report
	scenario model.Scenario
	methods  []model.ColdStartMethods
}

// report is what the page should show for s.
func report(t testing.TB, s model.Scenario) *expected {
	t.Helper()
	r, probs := model.Evaluate(&s)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return &expected{Report: r, scenario: s}
}

// document is the model document of a data-source: the report, the price
// profile, the comparison with the e-commerce preset (Compare's default
// choice), or every function's cold-start methods with its simulated day.
func (e *expected) document(t testing.TB, source string) any {
	t.Helper()
	switch source {
	case "":
		return e.Report
	case "prices":
		p, _ := pricing.LookupProfile(e.Pricing.Profile)
		return p
	case "compare":
		preset, _ := model.LookupPreset("e-commerce")
		return model.CompareReports(e.Report, report(t, preset.Scenario()).Report)
	case "cold-start-methods":
		if e.methods == nil {
			p, _ := pricing.LookupProfile(e.Pricing.Profile)
			for i := range e.scenario.Functions {
				f, fr := &e.scenario.Functions[i], &e.Report.Functions[i]
				m := model.CompareColdStartMethods(keepalive.Solve, f, fr, nil)
				sim := model.SimulateFunction(p, e.Pricing.Architecture, f, fr, f.KeepAliveMinutes, model.NameSeed(f.Name))
				m.Simulated = &sim
				e.methods = append(e.methods, m)
			}
		}
		return e.methods
	case "forecast", "policies":
		// The forecast view's, of the first function's synthetic history.
		f, fr := &e.scenario.Functions[0], &e.Report.Functions[0]
		history := model.SyntheticHistory(f, fr)
		if source == "forecast" {
			return forecast.Make(forecast.Input{History: history, SeasonLength: 24, Horizon: 48, Method: "auto"})
		}
		p, _ := pricing.LookupProfile(e.Pricing.Profile)
		return policy.Compare(model.PolicyInput(f, history, 48, policy.DefaultGuardrails()), p, e.Pricing.Architecture)
	}
	if source == "clouds" {
		return model.Clouds(&e.scenario, model.CloudsAssumptions(&e.scenario))
	}
	if source == "tune" {
		_, tuning, _ := model.Tune(&e.scenario, model.Sources{})
		return tuning
	}
	if pair, ok := strings.CutPrefix(source, "clouds-pair/"); ok {
		// The Clouds view's two platforms side by side: clouds-pair/A/B.
		a, b, _ := strings.Cut(pair, "/")
		c := model.Clouds(&e.scenario, model.CloudsAssumptions(&e.scenario))
		if p, ok := c.Pair(a, b); ok {
			return p
		}
	}
	t.Errorf("no document %q", source)
	return nil
}

// checkFigures compares every figure on the page with its document, and
// fails on a number in a table cell that is no figure of the model.
func checkFigures(t testing.TB, b *browser, e *expected) int {
	t.Helper()
	figs := b.figures(t)
	if len(figs) == 0 {
		t.Fatal("no figure on the page")
	}
	var loose []string
	b.eval(t, `[...document.querySelectorAll('td.num')].filter(td => /[0-9]/.test(td.innerText) && !td.querySelector('[data-metric]')).map(td => td.innerText)`, &loose)
	for _, text := range loose {
		t.Errorf("a table cell shows %q, not a figure of the model", text)
	}
	compareFigures(t, e, figs)
	return len(figs)
}

// compareFigures compares figures with their documents: the metrics of
// each document are looked up at once (a document is written as JSON for
// each lookup, which for 2,000 functions takes a tenth of a second).
func compareFigures(t testing.TB, e *expected, figs []shownFigure) {
	t.Helper()
	bySource := map[string][]shownFigure{}
	for _, f := range figs {
		bySource[f.Source] = append(bySource[f.Source], f)
	}
	for source, shown := range bySource {
		metrics := make([]string, len(shown))
		for i, f := range shown {
			metrics[i] = f.Metric
		}
		values, found := model.MetricValues(e.document(t, source), metrics)
		for i, f := range shown {
			switch {
			case !found[i] && source == "":
				t.Errorf("figure %s is not a number of the report", f.Metric)
			case !found[i]:
				t.Errorf("figure %s is not a number of %s", f.Metric, source)
			case !sameFigure(f.Value, values[i]):
				t.Errorf("figure %s shows %s, %q has %v", f.Metric, f.Value, source, values[i])
			}
		}
	}
}

// sameFigure is true when a figure's value is v, written exactly or within
// 1e-12 relative: the browser runs the model as WebAssembly, where Go's
// math functions are not the amd64 assembly the native document used
// (math.Exp and math.Log differ in the last bits).
func sameFigure(shown string, v float64) bool {
	if shown == strconv.FormatFloat(v, 'g', -1, 64) {
		return true
	}
	x, err := strconv.ParseFloat(shown, 64)
	return err == nil && math.Abs(x-v) <= 1e-12*math.Max(math.Abs(x), math.Abs(v))
}

func screenshot(t testing.TB, b *browser, name string) {
	t.Helper()
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		return
	}
	var png []byte
	b.run(t, chromedp.FullScreenshot(&png, 100))
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// repeatedScenario is the default scenario's four functions repeated, under
// new names, to n functions.
func repeatedScenario(n int) model.Scenario {
	sc := model.DefaultScenario()
	for i := len(sc.Functions); i < n; i++ {
		f := sc.Functions[i%4]
		f.Name = fmt.Sprintf("%s_%d", f.Name, i)
		sc.Functions = append(sc.Functions, f)
	}
	return sc
}
