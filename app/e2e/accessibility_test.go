//go:build e2e

package e2e

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// axeViolation is one rule axe-core finds broken, with where.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// audit runs axe-core (WCAG 2 A and AA rules and its best practices) on the
// page as it is.
func audit(t *testing.T, b *browser) []axeViolation {
	t.Helper()
	var found []axeViolation
	b.eval(t, `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || '', help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))`, &found)
	return found
}

// Every view, the page with invalid input (last results kept, marked stale),
// the cold-start lab after a simulated day, and a phone screen pass an
// axe-core audit.
func TestAccessibility(t *testing.T) {
	axe, err := os.ReadFile("../../bin/axe.min.js")
	if err != nil {
		t.Fatalf("%v (make bin/axe.min.js)", err)
	}
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	var loaded bool
	b.eval(t, string(axe)+";typeof axe === 'object'", &loaded)
	if !loaded {
		t.Fatal("axe-core did not load")
	}
	check := func(state string) {
		for _, v := range audit(t, b) {
			t.Errorf("%s: %s (%s): %s at %s", state, v.ID, v.Impact, v.Help, strings.Join(v.Targets, "; "))
		}
	}
	for _, tab := range []string{"function", "application", "optimize", "forecast", "alerts", "prices", "scenarios", "compare", "clouds", "checklist"} {
		b.clickTab(t, tab)
		b.waitReady(t)
		check("view " + tab)
	}

	b.clickTab(t, "function")
	b.run(t, press(`//button[text()="Simulate a day"]`, chromedp.BySearch))
	var drawn bool
	b.run(t, chromedp.Poll(`document.querySelectorAll('.cold-start-lab .chart[data-drawn="1"] canvas').length >= 3`, &drawn,
		chromedp.WithPollingTimeout(60*time.Second)))
	check("simulated day")

	b.edit(t, "functions[0].allocated_memory_mb", "12a")
	check("invalid input")

	b.run(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	b.edit(t, "functions[0].allocated_memory_mb", "512")
	b.waitReady(t)
	check("phone (390 px)")
}

// With the system in dark mode the page is dark (background, text, charts
// on ECharts' dark theme) and every view still passes the audit, contrast
// included; paper stays light.
func TestDarkTheme(t *testing.T) {
	axe, err := os.ReadFile("../../bin/axe.min.js")
	if err != nil {
		t.Fatalf("%v (make bin/axe.min.js)", err)
	}
	s := startSite(t)
	b := newBrowser(t)
	b.run(t, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}),
		chromedp.Navigate(s.URL+"/"))
	b.waitReady(t)
	b.eval(t, string(axe)+";true", nil)
	var page struct{ Background, Text, Chart string }
	b.run(t, chromedp.Poll(`document.querySelector('.chart[data-drawn="1"]') !== null`, new(bool), chromedp.WithPollingTimeout(30*time.Second)))
	b.eval(t, `({background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.querySelector('.results')).color,
		chart: echarts.getInstanceByDom(document.querySelector('.chart[data-drawn="1"]')).getOption().backgroundColor})`, &page)
	if page.Background != "rgb(15, 20, 28)" || page.Text != "rgb(228, 233, 240)" || page.Chart != "transparent" {
		t.Errorf("dark page: %+v", page)
	}
	for _, tab := range []string{"function", "application", "optimize", "alerts", "prices", "scenarios", "compare", "clouds", "checklist"} {
		b.clickTab(t, tab)
		b.waitReady(t)
		for _, v := range audit(t, b) {
			t.Errorf("dark %s: %s (%s): %s at %s", tab, v.ID, v.Impact, v.Help, strings.Join(v.Targets, "; "))
		}
		if tab == "application" || tab == "clouds" {
			screenshot(t, b, "dark-"+tab)
		}
	}
	b.run(t, emulation.SetEmulatedMedia().WithMedia("print").WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}))
	b.eval(t, `getComputedStyle(document.body).backgroundColor`, &page.Background)
	if page.Background != "rgb(255, 255, 255)" {
		t.Errorf("printed in dark mode on %s", page.Background)
	}
}
