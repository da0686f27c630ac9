//go:build e2e

package e2e

import (
	"testing"

	"planner/model"

	"github.com/chromedp/chromedp"
)

// On a phone (390 px wide) no view scrolls sideways and the monthly bill
// is on screen.
func TestPhoneLayout(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.run(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	for _, tab := range []string{"function", "application", "optimize", "forecast", "alerts", "prices", "scenarios", "compare", "clouds", "checklist"} {
		b.clickTab(t, tab)
		b.waitReady(t)
		var layout struct {
			Width    int     `json:"width"`
			BillLeft float64 `json:"billLeft"`
			BillEnd  float64 `json:"billEnd"`
		}
		b.eval(t, `(() => { const r = document.querySelector('.top [data-metric="total_summary.total_monthly_cost"]').getBoundingClientRect();
			return {width: document.documentElement.scrollWidth, billLeft: r.left, billEnd: r.right}; })()`, &layout)
		if layout.Width > 390 || layout.BillLeft < 0 || layout.BillEnd > 390 {
			t.Errorf("%s: page %d px wide, monthly bill at %.0f-%.0f px (screen 390 px)", tab, layout.Width, layout.BillLeft, layout.BillEnd)
		}
		screenshot(t, b, "phone-"+tab)
	}
}

// At 1440 px, with bills in the hundreds of thousands, every figure's value
// stays inside its card (it wraps rather than being cut).
func TestFiguresFitTheirCards(t *testing.T) {
	s := startSite(t)
	sc := model.DefaultScenario()
	sc.Functions[3].MonthlyInvocations = ptrFloat(3e9)
	b := openPlanner(t, plannerLink(t, sc, s.URL+"/"))
	b.run(t, chromedp.EmulateViewport(1440, 900))
	for _, tab := range []string{"application", "function"} {
		b.clickTab(t, tab)
		b.waitReady(t)
		var clipped []string
		b.eval(t, `[...document.querySelectorAll('.figure')].filter(f => { const v = f.querySelector('.fig-value');
			return v.getBoundingClientRect().right > f.getBoundingClientRect().right + 0.5 }).map(f => f.dataset.metric)`, &clipped)
		if len(clipped) > 0 {
			t.Errorf("%s: values cut at 1440 px: %v", tab, clipped)
		}
	}
}

func ptrFloat(x float64) *float64 { return &x }
