//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"planner/app/cli"
	"planner/model"
)

// stored is what the page's store holds (web/store.js).
type stored struct {
	Saved []struct{ ID, Name, Text string }
	Aside []struct {
		ID, From, Reason string
		Size             int
	}
}

func (b *browser) stored(t *testing.T) stored {
	t.Helper()
	var s stored
	b.eval(t, `plannerStore.list()`, &s)
	return s
}

// savedNames is the Scenarios view's list of saved names, polled until it
// is want.
func (b *browser) savedNames(t *testing.T, want string) {
	t.Helper()
	list := `[...document.querySelectorAll('.library input')].map(i => i.value).join(',')`
	err := chromedp.Run(b.ctx, chromedp.Poll(list+` === `+jsString(want), nil,
		chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		var got string
		b.eval(t, list, &got)
		t.Fatalf("saved list %q, want %q", got, want)
	}
}

// reloadWith opens the planner at address with storage set by js as the
// new page starts (after the page it replaces has autosaved on leaving).
func (b *browser) reloadWith(t *testing.T, address, js string) {
	t.Helper()
	var id page.ScriptIdentifier
	b.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		id, err = page.AddScriptToEvaluateOnNewDocument(`if (location.pathname === "/") { ` + js + ` }`).Do(ctx)
		return err
	}), chromedp.Navigate(address))
	b.run(t, page.RemoveScriptToEvaluateOnNewDocument(id))
	b.waitReady(t)
}

// Scenarios saved under today's localStorage key move into their records;
// what cannot be read — a damaged autosave, an entry that is no scenario, a
// scenario of a newer version — is kept byte for byte, listed with why, and
// a second damage is kept beside the first (a 3-million-character one
// included), never over it.
func TestDamagedStorageIsKeptAside(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	first := `{"version":1,"functions":[{"name":"x","allocated_memory_mb":"huge"}]}`
	b.reloadWith(t, s.URL+"/", `localStorage.setItem('planner.current.v1', `+jsString(first)+`);
		localStorage.setItem('planner.library.v1', '[{"name":"ok","saved_at":"2026-01-02T03:04:05Z","scenario":{"version":1}},{"name":"newer","scenario":{"version":99}}, 7]');`)
	waitNotice(t, b, "kept as it was")
	checkFigures(t, b, report(t, model.DefaultScenario()))
	b.clickTab(t, "scenarios")
	b.savedNames(t, "newer,ok")
	var legacy bool
	b.eval(t, `localStorage.getItem('planner.library.v1') === null`, &legacy)
	if !legacy {
		t.Error("the old library key is still there after the move")
	}
	var cannot int
	b.eval(t, `[...document.querySelectorAll('.library li')].filter(li => li.textContent.includes('Cannot be opened')).length`, &cannot)
	if cannot != 1 {
		t.Errorf("%d saved scenarios marked as not opening, want 1 (the newer version's)", cannot)
	}
	st := b.stored(t)
	if len(st.Aside) != 2 {
		t.Fatalf("kept aside: %+v", st.Aside)
	}
	var text string
	for _, a := range st.Aside {
		if a.From == "planner.current.v1" {
			b.eval(t, `plannerStore.asideText(`+jsString(a.ID)+`)`, &text)
		}
	}
	if text != first {
		t.Errorf("the damaged autosave was kept as %q", text)
	}

	// The same old library met again (another tab's first visit) adds no copy.
	b.reloadWith(t, s.URL+"/", `localStorage.setItem('planner.library.v1', '[{"name":"ok","saved_at":"2026-01-02T03:04:05Z","scenario":{"version":1}}]');`)
	b.clickTab(t, "scenarios")
	b.savedNames(t, "newer,ok")

	// The second damage, 3 million characters, joins the first.
	b.reloadWith(t, s.URL+"/", `localStorage.setItem('planner.current.v1', '{"version":1,"name":"' + 'x'.repeat(3000000) + '"');`)
	waitNotice(t, b, "kept as it was")
	st = b.stored(t)
	big := 0
	for _, a := range st.Aside {
		if a.From == "planner.current.v1" && a.Size > 3000000 {
			big++
		}
	}
	if len(st.Aside) != 3 || big != 1 {
		t.Errorf("kept aside after the second damage: %+v", st.Aside)
	}
	b.clickTab(t, "scenarios")
	var listed int
	b.eval(t, `document.querySelectorAll('.kept-aside li').length`, &listed)
	if listed != 3 {
		t.Errorf("the Scenarios view lists %d kept-aside entries", listed)
	}
	// Saving another scenario keeps the one that does not open.
	b.typeInto(t, "#save-name", "fresh")
	b.run(t, press(`#save-button`, chromedp.ByQuery))
	b.savedNames(t, "fresh,newer,ok")
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// newTab opens address in another tab of b's browser (the same profile).
func (b *browser) newTab(t *testing.T, address string) *browser {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	tab := &browser{ctx: ctx}
	tab.run(t, chromedp.Navigate(address))
	tab.waitReady(t)
	return tab
}

// Two tabs of one browser: saves in each are both kept, and each tab's list
// follows the other's saves, renames and deletes at once.
func TestTwoTabsKeepEachOthersSaves(t *testing.T) {
	s := startSite(t)
	a := openPlanner(t, s.URL+"/")
	b := a.newTab(t, s.URL+"/")
	for _, tab := range []*browser{a, b} {
		tab.run(t, page.BringToFront())
		tab.clickTab(t, "scenarios")
	}
	save := func(tab *browser, name string) {
		t.Helper()
		tab.run(t, page.BringToFront())
		tab.typeInto(t, "#save-name", name)
		tab.run(t, press(`#save-button`, chromedp.ByQuery))
		waitNotice(t, tab, "Saved “"+name+"”")
	}
	save(a, "savedA")
	save(b, "savedB") // b read its list before savedA existed
	a.savedNames(t, "savedA,savedB")
	b.savedNames(t, "savedA,savedB")

	// b renames a's save; a deletes b's: each tab sees the other's change.
	b.run(t, page.BringToFront())
	b.eval(t, `(() => { const i = [...document.querySelectorAll('.library input')].find(i => i.value === 'savedA'); i.value = 'renamedA'; i.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, new(bool))
	a.savedNames(t, "renamedA,savedB")
	a.run(t, page.BringToFront())
	a.run(t, press(`button[aria-label="Delete savedB"]`, chromedp.ByQuery))
	b.savedNames(t, "renamedA")

	// Both save at once: nothing is lost, the names stay unique.
	a.typeInto(t, "#save-name", "together")
	b.typeInto(t, "#save-name", "alone")
	a.eval(t, `document.getElementById('save-button').click(), true`, new(bool))
	b.eval(t, `document.getElementById('save-button').click(), true`, new(bool))
	a.savedNames(t, "alone,renamedA,together")
	b.savedNames(t, "alone,renamedA,together")
	if n := len(a.stored(t).Saved); n != 3 {
		t.Errorf("%d records", n)
	}
}

// With the origin's storage quota shrunk to nothing, the tab's autosave for
// other tabs and a save fail with messages that say so and offer the
// download; a link opened in the tab waits for the user's choice instead of
// replacing the unsaved scenario.
func TestFullStorageLosesNothing(t *testing.T) {
	s := startSite(t)
	b := newBrowser(t)
	b.run(t, storage.OverrideQuotaForOrigin(s.URL).WithQuotaSize(1), chromedp.Navigate(s.URL+"/"))
	b.waitReady(t)
	waitNotice(t, b, "This tab's work is not kept for other tabs")
	b.clickTab(t, "scenarios")
	b.typeInto(t, "#save-name", "too big")
	b.run(t, press(`#save-button`, chromedp.ByQuery))
	text := waitNotice(t, b, "was not saved")
	var role, action string
	b.eval(t, `document.getElementById('notice').getAttribute('role')`, &role)
	b.eval(t, `document.getElementById('notice-action')?.textContent ?? ''`, &action)
	if role != "alert" || action != "Download scenario" || strings.Contains(text, "Saved “") {
		t.Errorf("notice %q role %q action %q", text, role, action)
	}
	b.savedNames(t, "")

	changed := changedScenario()
	fragment, err := model.EncodeLink(&changed)
	if err != nil {
		t.Fatal(err)
	}
	b.eval(t, `location.hash = `+jsString(fragment)+`, true`, new(bool))
	waitNotice(t, b, "The link was not opened")
	b.clickTab(t, "application")
	checkFigures(t, b, report(t, model.DefaultScenario()))
	b.run(t, press(`#open-link-anyway`, chromedp.ByQuery))
	waitNotice(t, b, "without keeping")
	b.waitReady(t)
	checkFigures(t, b, report(t, changedScenario()))

	// localStorage full: an edit's autosave fails, and the page says so.
	b.eval(t, `(() => { localStorage.removeItem('planner.current.v1'); let size = 1 << 20, i = 0; while (size >= 1) { try { localStorage.setItem('filler' + i++, 'x'.repeat(size)); } catch (e) { size >>= 1; } } return true })()`, new(bool))
	b.edit(t, "functions[0].allocated_memory_mb", "2048")
	waitNotice(t, b, "not being autosaved")
	b.eval(t, `document.getElementById('notice-action')?.textContent ?? ''`, &action)
	if action != "Download scenario" {
		t.Errorf("the autosave failure offers %q", action)
	}
}

// Every saved scenario downloads as one backup file; loaded back it
// restores them, overwrites nothing and adds nothing twice. The CLI reads
// the same file as FILE#NAME.
func TestBackupDownloadAndRestore(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "scenarios")
	save := func(name string) {
		t.Helper()
		b.typeInto(t, "#save-name", name)
		b.run(t, press(`#save-button`, chromedp.ByQuery))
		waitNotice(t, b, "Saved “"+name+"”")
	}
	save("alpha")
	save("beta")
	b.savedNames(t, "alpha,beta")
	b.eval(t, `window.__downloads = []; window.plannerDownload = (name, type, text) => window.__downloads.push({name, text}); true`, nil)
	b.run(t, press("#backup-download", chromedp.ByQuery))
	var got []struct{ Name, Text string }
	b.run(t, chromedp.Poll(`window.__downloads.length ? window.__downloads : null`, &got, chromedp.WithPollingTimeout(5*time.Second)))
	file := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(file, []byte(got[0].Text), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errs strings.Builder
	if code := cli.Run([]string{"report", file + "#beta"}, &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs}); code != 0 || !strings.Contains(out.String(), `"total_summary"`) {
		t.Errorf("planner report backup.json#beta: exit %d %s", code, errs.String())
	}

	// Delete alpha, save another scenario as beta, then load the backup.
	b.run(t, press(`button[aria-label="Delete alpha"]`, chromedp.ByQuery))
	b.savedNames(t, "beta")
	b.edit(t, "name", "Changed before the restore")
	b.clickTab(t, "scenarios")
	save("beta")
	b.run(t, chromedp.SetUploadFiles("#import-file", []string{file}, chromedp.ByQuery))
	waitNotice(t, b, "Loaded backup.json: 2 scenarios added, 1 kept beside yours")
	b.savedNames(t, "alpha,beta,beta (from backup)")
	b.run(t, chromedp.SetUploadFiles("#import-file", []string{file}, chromedp.ByQuery))
	waitNotice(t, b, "Loaded backup.json: 0 scenarios added, 2 saved already")
	b.savedNames(t, "alpha,beta,beta (from backup)")
}

// Two tabs edit; the one that autosaves last is what a bare visit opens,
// and the other's work stays reachable from Scenarios, where it opens.
func TestOtherTabsUnsavedWorkStaysReachable(t *testing.T) {
	s := startSite(t)
	a := openPlanner(t, s.URL+"/")
	b := a.newTab(t, s.URL+"/")
	a.run(t, page.BringToFront())
	a.edit(t, "name", "Work of tab A")
	b.run(t, page.BringToFront())
	b.edit(t, "name", "Work of tab B")
	time.Sleep(500 * time.Millisecond) // the autosaves are written after the figures
	c := a.newTab(t, s.URL+"/")
	var name string
	c.eval(t, `document.querySelector('[name="name"]').value`, &name)
	if name != "Work of tab B" {
		t.Errorf("a bare visit opens %q, want the newest autosave", name)
	}
	c.clickTab(t, "scenarios")
	var others string
	c.run(t, chromedp.Poll(`(() => { const t = [...document.querySelectorAll('.others li')].map(li => li.textContent).join('|'); return t.includes('Work of tab A') ? t : null })()`,
		&others, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	if strings.Contains(others, "Work of tab B") {
		t.Errorf("the work on screen is listed as another tab's: %q", others)
	}
	c.run(t, press(`button[aria-label="Open the other tab's Work of tab A"]`, chromedp.ByQuery))
	waitNotice(t, c, "Opened the unsaved work of another tab")
	c.eval(t, `document.querySelector('[name="name"]').value`, &name)
	if name != "Work of tab A" {
		t.Errorf("opened %q", name)
	}
}

// A scenario of 250 functions shows a page of 50 in the functions table,
// the alert rules and the form's list of names (the selected one too), and
// the rest on request; every figure shown is the report's.
func TestLongListsArePaged(t *testing.T) {
	s := startSite(t)
	sc := repeatedScenario(250)
	b := openPlanner(t, plannerLink(t, sc, s.URL+"/"))
	count := func(selector string) int {
		var n int
		b.eval(t, `document.querySelectorAll(`+jsString(selector)+`).length`, &n)
		return n
	}
	if rows, names := count(`table.functions tbody tr`), count(`.item-names > li`); rows != 50 || names != 50 {
		t.Errorf("%d rows, %d names shown at first, want 50 each", rows, names)
	}
	var pager string
	b.eval(t, `document.querySelector('.pager')?.textContent ?? ''`, &pager)
	if !strings.Contains(pager, "Showing 50 of 250 functions") {
		t.Errorf("pager %q", pager)
	}
	checkFigures(t, b, report(t, sc))
	b.run(t, press(`//table[contains(@class,'functions')]/ancestor::div[1]/following-sibling::p[contains(@class,'pager')]//button[text()="Show all"]`, chromedp.BySearch))
	b.run(t, chromedp.Poll(`document.querySelectorAll('table.functions tbody tr').length === 250`, nil, chromedp.WithPollingTimeout(5*time.Second)))
	// The selected function stays listed beyond the first page.
	b.run(t, press(`//table[contains(@class,'functions')]//button[text()="order_processing_246"]`, chromedp.BySearch))
	b.run(t, chromedp.Poll(`[...document.querySelectorAll('.item-names > li.current button.name')].some(b => b.textContent === 'order_processing_246')`, nil,
		chromedp.WithPollingTimeout(5*time.Second)))
	b.clickTab(t, "alerts")
	if n := count(`table.alerts tbody tr`); n != 50 {
		t.Errorf("%d alert rules shown at first, want 50", n)
	}
}

// Ten saved scenarios of 2,000 functions fit in the browser's store and
// come back after a reload: each listed with what it holds (read in the
// background), stored byte for byte, and one opens with its functions.
func TestTenBigScenariosFit(t *testing.T) {
	s := startSite(t)
	sc := repeatedScenario(2000)
	b := openPlanner(t, plannerLink(t, sc, s.URL+"/"))
	b.clickTab(t, "scenarios")
	var names []string
	for i := range 10 {
		name := fmt.Sprintf("big %d", i)
		b.typeInto(t, "#save-name", name)
		b.run(t, press(`#save-button`, chromedp.ByQuery))
		waitNotice(t, b, "Saved “"+name+"”")
		names = append(names, name)
	}
	b.run(t, chromedp.Navigate(s.URL+"/"))
	b.waitReady(t)
	b.clickTab(t, "scenarios")
	b.savedNames(t, strings.Join(names, ","))
	holds := `[...document.querySelectorAll('.library .holds')].map(e => e.textContent).join(',')`
	if err := chromedp.Run(b.ctx, chromedp.Poll(holds+` === `+jsString(strings.TrimSuffix(strings.Repeat("2,000 functions,", 10), ",")), nil,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		var got string
		b.eval(t, holds, &got)
		t.Fatalf("saved entries hold %q", got)
	}
	stored := b.stored(t)
	first := stored.Saved[0].Text
	for _, e := range stored.Saved {
		if e.Text != first || len(e.Text) < 2_000_000 {
			t.Fatalf("%s: %d characters stored, the first %d", e.Name, len(e.Text), len(first))
		}
	}
	b.run(t, press(`button[aria-label="Open big 7"]`, chromedp.ByQuery))
	waitNotice(t, b, "Opened “big 7”")
	b.waitReady(t)
	b.clickTab(t, "application")
	var shown string
	b.eval(t, `(document.querySelector('#panel-application').innerText.match(/of 2,000 functions/) || ['none'])[0]`, &shown)
	if shown != "of 2,000 functions" {
		t.Errorf("the opened scenario's functions: %s", shown)
	}
}
