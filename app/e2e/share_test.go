//go:build e2e

package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"planner/app/cli"
	"planner/model"
	"planner/model/pricing"
)

// changedScenario is the default scenario edited outside the app.
func changedScenario() model.Scenario {
	s := model.DefaultScenario()
	s.Name = "Changed outside the app"
	s.Pricing.Architecture = pricing.ARM64
	s.Functions[1].AllocatedMemoryMb = 1536
	s.Functions[2].ProvisionedConcurrency = 3
	s.Functions = append(s.Functions, model.DefaultFunction())
	s.Functions[4].Name = "reports"
	return s
}

// plannerLink runs `planner link FILE --base URL` as the CLI does.
func plannerLink(t testing.TB, s model.Scenario, base string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "scenario.json")
	data, _ := json.Marshal(s)
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if code := cli.Run([]string{"link", file, "--base", base}, &cli.Env{Stdout: &out, Stderr: &errs}); code != 0 {
		t.Fatalf("planner link: %d %s", code, errs.String())
	}
	return strings.TrimSpace(out.String())
}

// A link made by `planner link` opens in a fresh browser showing exactly the
// figures `planner report` gives for its scenario.
func TestPlannerLinkOpensInFreshProfile(t *testing.T) {
	s := startSite(t)
	sc := changedScenario()
	link := plannerLink(t, sc, s.URL+"/")
	if len(link) > 2000 {
		t.Errorf("link has %d characters", len(link))
	}
	b := openPlanner(t, link)
	want := report(t, sc)
	n := 0
	for _, tab := range []string{"application", "function", "optimize", "alerts"} {
		b.clickTab(t, tab)
		b.waitReady(t)
		n += checkFigures(t, b, want)
	}
	var text string
	b.eval(t, `document.getElementById('notice')?.textContent ?? ''`, &text)
	if !strings.Contains(text, "Changed outside the app") {
		t.Errorf("notice %q", text)
	}
	t.Logf("%d figures equal planner report", n)
}

// A damaged link leaves a working page with a message.
func TestDamagedLinkMessage(t *testing.T) {
	s := startSite(t)
	for _, fragment := range []string{"#s=1.AAAA", "#s=7.abc", "#s=%%%", "#s=1." + strings.Repeat("z", 40)} {
		b := newBrowser(t)
		b.run(t, chromedp.Navigate(s.URL+"/"+fragment))
		b.waitReady(t)
		var text string
		b.eval(t, `document.getElementById('notice')?.textContent ?? ''`, &text)
		if !strings.Contains(text, "could not be opened") {
			t.Errorf("%s: notice %q", fragment, text)
		}
		checkFigures(t, b, report(t, model.DefaultScenario()))
		b.edit(t, "functions[0].avg_execution_time_ms", "175")
		b.waitReady(t)
		if errs := b.consoleErrors(); len(errs) > 0 {
			t.Errorf("%s: console errors %v", fragment, errs)
		}
	}
}

// Edits are autosaved and put in the address bar: a reload without the
// fragment shows them, and the address opens them.
func TestAutosaveAndAddressFollowEdits(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.edit(t, "functions[0].allocated_memory_mb", "640")
	b.waitReady(t)
	want := model.DefaultScenario()
	want.Functions[0].AllocatedMemoryMb = 640

	// The address follows after a pause in the edits (300 ms).
	var hash string
	var linked *model.Scenario
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		b.eval(t, `location.hash`, &hash)
		if sc, probs := model.DecodeLink(hash); len(probs) == 0 && sc.Functions[0].AllocatedMemoryMb == 640 {
			linked = sc
			break
		}
	}
	if linked == nil {
		t.Fatalf("address bar does not carry the edit: %.80s", hash)
	}

	// Undo and redo step through the edit.
	memoryIs := func(v string) {
		var ok bool
		b.run(t, chromedp.Poll(`document.querySelector('[name="functions[0].allocated_memory_mb"]').value === "`+v+`"`, &ok,
			chromedp.WithPollingTimeout(5*time.Second)))
	}
	b.run(t, press(`//button[text()="Undo"]`, chromedp.BySearch))
	memoryIs("256")
	b.run(t, press(`//button[text()="Redo"]`, chromedp.BySearch))
	memoryIs("640")
	time.Sleep(200 * time.Millisecond)

	b.run(t, chromedp.Navigate(s.URL+"/"))
	b.waitReady(t)
	checkFigures(t, b, report(t, want))
	memoryIs("640")
}

// A preset opens with one click and a saved scenario survives a reload.
func TestPresetsAndSavedScenarios(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "scenarios")
	b.run(t, press(`button[aria-label="Open preset Banking with compliance overhead"]`, chromedp.ByQuery))
	b.waitReady(t)
	bank, _ := model.LookupPreset("banking")
	b.clickTab(t, "application")
	b.waitReady(t)
	checkFigures(t, b, report(t, bank.Scenario()))

	b.clickTab(t, "scenarios")
	b.typeInto(t, "#save-name", "My bank")
	time.Sleep(100 * time.Millisecond)
	b.run(t, press(`#save-button`, chromedp.ByQuery))
	var saved bool
	b.run(t, chromedp.Poll(`[...document.querySelectorAll('.library input')].some(i => i.value === 'My bank')`, &saved,
		chromedp.WithPollingTimeout(5*time.Second)))
	b.run(t, chromedp.Reload())
	b.waitReady(t)
	b.clickTab(t, "scenarios")
	b.run(t, chromedp.Poll(`[...document.querySelectorAll('.library input')].some(i => i.value === 'My bank')`, &saved,
		chromedp.WithPollingTimeout(5*time.Second)))
	b.clickTab(t, "compare")
	var rows int
	b.eval(t, `document.querySelectorAll('.results table tbody tr').length`, &rows)
	if rows < 8 {
		t.Errorf("compare shows %d rows", rows)
	}
	screenshot(t, b, "view-compare")
	b.clickTab(t, "scenarios")
	screenshot(t, b, "view-scenarios")
}

// The list of functions: select, add, duplicate and remove act on the
// function they show, also after the list changed.
func TestFunctionListActions(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	click := func(sel string) {
		t.Helper()
		b.run(t, press(sel, chromedp.ByQuery))
	}
	// Each action's list is drawn before the next click (a click on a list
	// about to grow could land on the row that pushes its button down).
	listed := func(n int) {
		t.Helper()
		b.run(t, chromedp.Poll(fmt.Sprintf(`document.querySelectorAll('.item-names > li').length === %d`, n), nil, chromedp.WithPollingTimeout(10*time.Second)))
		b.waitReady(t)
	}
	click(`button[aria-label="Remove user_authentication"]`)
	listed(3)
	click(`.item-names li:nth-child(2) button.name`) // order_processing, now second
	b.run(t, chromedp.WaitVisible(`[name="functions[1].allocated_memory_mb"]`, chromedp.ByQuery))
	b.edit(t, "functions[1].allocated_memory_mb", "2048")
	b.waitReady(t)
	click(`button[aria-label="Duplicate order_processing"]`)
	listed(4)
	for n := range 2 {
		b.run(t, press(`//button[text()="Add function"]`, chromedp.BySearch))
		listed(5 + n)
	}
	want := model.DefaultScenario()
	want.Functions = want.Functions[1:]
	want.Functions[1].AllocatedMemoryMb = 2048
	dup := want.Functions[1]
	dup.Name = "order_processing_copy"
	want.Functions = append(want.Functions[:2], append([]model.Function{dup}, want.Functions[2:]...)...)
	for _, name := range []string{"function", "function_2"} {
		f := model.DefaultFunction()
		f.Name = name
		want.Functions = append(want.Functions, f)
	}
	b.clickTab(t, "application")
	b.waitReady(t)
	checkFigures(t, b, report(t, want))
}

// A scenario file imported from disk replaces the scenario; a file that is
// not a scenario is refused with a message and changes nothing.
func TestImportScenarioFile(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "scenarios")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"version":1,"functions":[{"name":"x","allocated_memory_mb":"lots"}]}`), 0o600)
	b.run(t, chromedp.SetUploadFiles("#import-file", []string{bad}, chromedp.ByQuery))
	var text string
	b.run(t, chromedp.Poll(`document.getElementById('notice')?.textContent ?? ''`, &text, chromedp.WithPollingTimeout(5*time.Second)))
	if !strings.Contains(text, "is not a scenario") || !strings.Contains(text, "allocated_memory_mb") {
		t.Errorf("notice %q", text)
	}
	sc := changedScenario()
	good := filepath.Join(dir, "good.json")
	data, _ := json.Marshal(sc)
	os.WriteFile(good, data, 0o600)
	b.run(t, chromedp.SetUploadFiles("#import-file", []string{good}, chromedp.ByQuery))
	b.run(t, chromedp.Poll(`(document.getElementById('notice')?.textContent ?? '').includes('Imported good.json')`, new(bool),
		chromedp.WithPollingTimeout(5*time.Second)))
	b.clickTab(t, "application")
	b.waitReady(t)
	checkFigures(t, b, report(t, sc))
}

// Share link compresses the scenario in the browser into a link that
// `planner open` reads back as the edited scenario.
func TestShareLinkCarriesTheEdits(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.edit(t, "functions[0].provisioned_concurrency", "4")
	b.waitReady(t)
	b.run(t, press(`//button[text()="Share link"]`, chromedp.BySearch))
	var link string
	b.run(t, chromedp.Poll(`document.getElementById('shared-link')?.value ?? ''`, &link, chromedp.WithPollingTimeout(5*time.Second)))
	var notice, address string
	b.eval(t, `document.getElementById('notice')?.textContent ?? ''`, &notice)
	b.eval(t, `location.href`, &address)
	if !strings.Contains(notice, "opens this scenario") || address != link || !strings.HasPrefix(link, s.URL+"/#s=2.") {
		t.Errorf("notice %q, address %q, link %q", notice, address, link)
	}
	shared, probs := model.DecodeLink(link)
	if len(probs) > 0 {
		t.Fatalf("link does not decode: %v", probs)
	}
	want := model.DefaultScenario()
	want.Functions[0].ProvisionedConcurrency = 4
	got, _ := json.Marshal(shared)
	wantJSON, _ := json.Marshal(want)
	if string(got) != string(wantJSON) {
		t.Errorf("link carries\n%s\nwant\n%s", got, wantJSON)
	}
}

// A field the scenario empties is emptied on screen: the name cleared,
// brought back by undo and cleared again by redo; a number field whose typed
// value an undo removes shows no stale text.
func TestUndoRedoEmptiesFields(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	valueIs := func(name, v string) {
		t.Helper()
		var ok bool
		b.run(t, chromedp.Poll(fmt.Sprintf(`document.querySelector('[name=%q]').value === %q`, name, v), &ok,
			chromedp.WithPollingTimeout(5*time.Second)))
	}
	b.edit(t, "name", "")
	b.waitReady(t)
	b.run(t, press(`//button[text()="Undo"]`, chromedp.BySearch))
	valueIs("name", model.DefaultScenario().Name)
	b.run(t, press(`//button[text()="Redo"]`, chromedp.BySearch))
	valueIs("name", "")

	b.edit(t, "secrets_count", "")
	b.leave(t, "secrets_count") // the default then applies
	b.edit(t, "functions[0].allocated_memory_mb", "640")
	b.edit(t, "secrets_count", "9")
	b.waitReady(t)
	b.run(t, press(`//button[text()="Undo"]`, chromedp.BySearch))
	valueIs("secrets_count", "")
	valueIs("functions[0].allocated_memory_mb", "640")
}

// A link pasted into the address bar of an open planner (only the fragment
// changes) opens its scenario, keeping the previous one; so does one whose
// fragment a mail client percent-encoded.
func TestLinkPastedIntoOpenTab(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	paste := func(link string) {
		t.Helper()
		_, fragment, _ := strings.Cut(link, "#")
		var before string
		b.eval(t, `document.getElementById('planner').dataset.revision`, &before)
		b.eval(t, `location.hash = `+strconv.Quote(fragment)+`; true`, nil)
		var changed bool
		b.run(t, chromedp.Poll(fmt.Sprintf(`document.getElementById('planner').dataset.revision !== %q`, before), &changed,
			chromedp.WithPollingTimeout(10*time.Second)))
		b.waitReady(t)
	}
	sc := changedScenario()
	paste(plannerLink(t, sc, s.URL+"/"))
	checkFigures(t, b, report(t, sc))
	var text string
	b.eval(t, `document.getElementById('notice')?.textContent ?? ''`, &text)
	if !strings.Contains(text, "Changed outside the app") || !strings.Contains(text, "saved in Scenarios") {
		t.Errorf("notice %q", text)
	}
	third := model.DefaultScenario()
	third.Name = "Sent by mail"
	third.Functions[0].AllocatedMemoryMb = 2048
	link := plannerLink(t, third, s.URL+"/")
	base, fragment, _ := strings.Cut(link, "#")
	paste(base + "#" + strings.ReplaceAll(url.PathEscape(fragment), "=", "%3D"))
	checkFigures(t, b, report(t, third))
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// Links of 20,000 and 100,000 functions are refused before they are read,
// with the command that opens them; the page stays responsive and shows the
// default scenario.
func TestHugeLinksAreRefused(t *testing.T) {
	s := startSite(t)
	for _, n := range []int{20_000, 100_000} {
		sc := model.NewScenario()
		for i := range n {
			f := model.DefaultFunction()
			f.Name = "f" + strconv.Itoa(i)
			sc.Functions = append(sc.Functions, f)
		}
		link := plannerLink(t, sc, s.URL+"/")
		start := time.Now()
		b := openPlanner(t, link)
		t.Logf("%d functions (%d KB link): ready in %v", n, len(link)>>10, time.Since(start))
		var text string
		b.eval(t, `document.getElementById('notice')?.textContent ?? ''`, &text)
		if !strings.Contains(text, "opens up to 2,000") || !strings.Contains(text, "planner report") {
			t.Errorf("%d functions: notice %q", n, text)
		}
		checkFigures(t, b, report(t, model.DefaultScenario()))
	}
}

// A new release installed while the page is open is announced; "Reload
// now" opens it with the scenario as edited.
func TestUpdateNotice(t *testing.T) {
	s := startSite(t)
	start := time.Now()
	b := openPlanner(t, s.URL+"/")
	// The first visit installs the planner; the next load runs from it.
	var installed, controlled, shown bool
	b.run(t, chromedp.Poll(`navigator.serviceWorker.getRegistration().then(r => r?.active?.state === 'activated')`, &installed,
		chromedp.WithPollingTimeout(30*time.Second)))
	t.Logf("installed after %v", time.Since(start))
	b.eval(t, `document.getElementById('update-notice') !== null`, &shown)
	if shown {
		t.Fatal("the first install is announced as an update")
	}
	b.run(t, chromedp.Reload())
	b.waitReady(t)
	b.run(t, chromedp.Poll(`navigator.serviceWorker.controller !== null`, &controlled, chromedp.WithPollingTimeout(10*time.Second)))
	b.edit(t, "name", "Kept across the update")
	b.eval(t, `document.getElementById('update-notice') !== null`, &shown)
	if shown {
		t.Fatal("an update is announced before any release")
	}
	s.release.Store("next-release")
	b.eval(t, `goappTryUpdate(); true`, nil)
	var text string
	b.run(t, chromedp.Poll(`document.getElementById('update-notice')?.textContent ?? null`, &text, chromedp.WithPollingTimeout(30*time.Second)))
	t.Logf("update announced after %v", time.Since(start))
	if !strings.Contains(text, "new version") || !strings.Contains(text, "keeps your scenario") {
		t.Errorf("update notice %q", text)
	}
	b.run(t, press("#update-reload", chromedp.ByQuery))
	time.Sleep(200 * time.Millisecond)
	b.waitReady(t)
	var name string
	var caches []string
	b.eval(t, `document.querySelector('[name="name"]').value`, &name)
	b.eval(t, `caches.keys()`, &caches)
	b.eval(t, `document.getElementById('update-notice') !== null`, &shown)
	if name != "Kept across the update" || shown || !slices.Contains(caches, "app-next-release") {
		t.Errorf("after the reload: name %q, notice shown %v, caches %v", name, shown, caches)
	}
}

// Ctrl+Z in a field takes back the whole edit of the field, as the Undo
// button does (one undo model), and Ctrl+Shift+Z brings it back; a name
// typed outside the scenario form keeps the browser's own undo.
func TestUndoKeysAreTheUndoButton(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	mem := `[name="functions[0].allocated_memory_mb"]`
	for _, text := range []string{"1", "10", "102", "1024"} { // typed key by key: one step
		b.typeInto(t, mem, text)
	}
	b.waitReady(t)
	var value string
	b.run(t, chromedp.Focus(mem, chromedp.ByQuery), chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)))
	b.run(t, chromedp.Poll(fmt.Sprintf(`document.querySelector(%q).value`, mem)+` === '256' ? '256' : null`, &value, chromedp.WithPollingTimeout(5*time.Second)))
	b.waitReady(t)
	checkFigures(t, b, report(t, model.DefaultScenario()))
	b.run(t, chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl|input.ModifierShift)))
	b.run(t, chromedp.Poll(fmt.Sprintf(`document.querySelector(%q).value`, mem)+` === '1024' ? '1024' : null`, &value, chromedp.WithPollingTimeout(5*time.Second)))

	b.clickTab(t, "scenarios")
	b.run(t, chromedp.Focus("#save-name", chromedp.ByQuery), chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)))
	time.Sleep(300 * time.Millisecond)
	b.eval(t, fmt.Sprintf(`document.querySelector(%q).value`, mem), &value)
	if value != "1024" {
		t.Errorf("Ctrl+Z in the save name undid the scenario: memory %q", value)
	}
}

// A shared link opens on the view and function it was shared from.
func TestShareLinkCarriesViewAndFunction(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.run(t, press(`.item-names li:nth-child(3) button.name`, chromedp.ByQuery))
	b.clickTab(t, "function")
	b.run(t, press(`//button[text()="Share link"]`, chromedp.BySearch))
	var link string
	b.run(t, chromedp.Poll(`document.getElementById('shared-link')?.value ?? ''`, &link, chromedp.WithPollingTimeout(5*time.Second)))
	if !strings.HasSuffix(link, "&view=function&fn=2") {
		t.Fatalf("link %q", link)
	}
	c := openPlanner(t, link)
	var tab, name string
	c.eval(t, `document.querySelector('[role="tab"][aria-selected="true"]')?.id ?? ''`, &tab)
	c.eval(t, `document.querySelector('[name="functions[2].name"]')?.value ?? ''`, &name)
	if tab != "tab-function" || name != model.DefaultScenario().Functions[2].Name {
		t.Errorf("the link opens on %q with function %q", tab, name)
	}
}
