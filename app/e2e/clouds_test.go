//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"planner/model"
	"planner/model/platform"
)

// cloudsFigure waits for a figure of the Clouds view's comparison and
// returns the value it shows.
func cloudsFigure(t *testing.T, b *browser, metric string) string {
	t.Helper()
	var v string
	b.run(t, chromedp.Poll(fmt.Sprintf(`document.querySelector('.clouds [data-source="clouds"][data-metric=%q]')?.dataset.value ?? null`, metric), &v,
		chromedp.WithPollingTimeout(30*time.Second)))
	return v
}

// The Clouds view: the default scenario on every platform, every figure
// the model's (`planner clouds`), the cost-against-traffic chart with one
// line per platform, the crossovers named; the CPU-bound share and the
// free tier change the figures, a bad share keeps them and says why; two
// platforms side by side.
func TestCloudsView(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	// Compare leads to Clouds for one scenario on two platforms.
	b.clickTab(t, "compare")
	start := time.Now()
	b.run(t, press("#compare-platforms", chromedp.ByQuery), chromedp.WaitVisible("#panel-clouds", chromedp.ByQuery))
	cloudsFigure(t, b, "platforms.0.monthly_usd")
	var drawn bool
	b.run(t, chromedp.Poll(`document.querySelectorAll('.clouds .chart[data-drawn="1"] canvas').length >= 1`, &drawn,
		chromedp.WithPollingTimeout(30*time.Second)))
	t.Logf("Clouds view computed and drawn in %v", time.Since(start))
	sc := model.DefaultScenario()
	want := model.Clouds(&sc, model.CloudsAssumptions(&sc))
	n := checkFigures(t, b, report(t, sc))
	t.Logf("%d figures equal their documents", n)

	var rows, series, crossings []string
	b.eval(t, `[...document.querySelectorAll('.clouds table')[0].querySelectorAll('tbody th')].map(e => e.textContent)`, &rows)
	b.eval(t, `echarts.getInstanceByDom(document.querySelector('.clouds .chart')).getOption().series.map(s => s.name)`, &series)
	b.eval(t, `[...document.querySelectorAll('.clouds .crossovers li')].map(e => e.textContent)`, &crossings)
	if len(rows) != len(platform.IDs()) || len(series) != len(platform.IDs()) {
		t.Errorf("platform rows %q, chart series %q", rows, series)
	}
	for i, r := range want.Platforms {
		if i < len(series) && series[i] != r.Name {
			t.Errorf("series %d is %q, want %q", i, series[i], r.Name)
		}
	}
	if len(want.Crossovers) == 0 || len(crossings) != len(want.Crossovers) {
		t.Fatalf("crossovers shown %q, model %d", crossings, len(want.Crossovers))
	}
	for i, x := range want.Crossovers {
		if crossings[i] != x.Text+"." {
			t.Errorf("crossover %q, want %q", crossings[i], x.Text)
		}
	}
	screenshot(t, b, "view-clouds")

	// A share that is not a percentage keeps the figures and says why.
	cloudRun := cloudsFigure(t, b, "platforms.3.monthly_usd")
	b.typeInto(t, "#clouds-cpu-share", "120")
	var help string
	b.run(t, chromedp.Poll(`document.querySelector('#clouds-cpu-share[aria-invalid="true"]') ? document.getElementById('clouds-cpu-share-help').textContent : null`, &help,
		chromedp.WithPollingTimeout(5*time.Second)))
	if !strings.Contains(help, "from 0 to 100") || cloudsFigure(t, b, "platforms.3.monthly_usd") != cloudRun {
		t.Errorf("a share of 120%%: %q, Cloud Run %s", help, cloudsFigure(t, b, "platforms.3.monthly_usd"))
	}
	// 80% CPU-bound, without free tiers: the figures are the model's.
	b.typeInto(t, "#clouds-cpu-share", "80")
	b.run(t, press("#clouds-free-tier", chromedp.ByQuery))
	moved := model.Clouds(&sc, platform.Assumptions{CPUBoundShare: 0.8, FreeTier: false})
	for i, r := range moved.Platforms {
		metric := fmt.Sprintf("platforms.%d.monthly_usd", i)
		var got float64
		b.run(t, chromedp.Poll(fmt.Sprintf(`(v => Math.abs(v - %v) <= 1e-9 * %[1]v ? v : null)(+document.querySelector('.clouds [data-metric=%q]')?.dataset.value)`, r.MonthlyUSD, metric), &got,
			chromedp.WithPollingTimeout(30*time.Second)))
	}

	// Two platforms side by side: A against the cheapest other platform by
	// default, then the platform chosen.
	b.eval(t, `(() => { const s = document.getElementById('clouds-b'); s.value = 'azure-functions-flex';
		s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, new(bool))
	var pairs int
	b.run(t, chromedp.Poll(`document.querySelectorAll('.clouds [data-source="clouds-pair/aws-lambda/azure-functions-flex"]').length || null`, &pairs,
		chromedp.WithPollingTimeout(5*time.Second)))
	if want := 3 * (len(platform.PairKeys()) + len(sc.Functions)); pairs != want {
		t.Errorf("%d figures of the pair, want %d", pairs, want)
	}
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}
