//go:build e2e

package e2e

import (
	"encoding/json"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"planner/model"
	"planner/model/deploy"
	"planner/model/powertuning"
)

// powerTuningLink is the power-tuning README's link (PR #42).
const powerTuningLink = "https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;ZooQR4yvkUa/pQRGRC5zRaADHUVjOftE;QdWhOEMkoziDT5Q4xhiIOMYYiDi6RNc4"

// waitNotice waits for the notice to contain want and returns it (polled
// by time, not by animation frames, which a tab in the background has
// none of).
func waitNotice(t *testing.T, b *browser, want string) string {
	t.Helper()
	var text string
	err := chromedp.Run(b.ctx, chromedp.Poll(`(t => t.includes(`+strconv.Quote(want)+`) ? t : null)(document.getElementById('notice')?.textContent ?? '')`, &text,
		chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		var now string
		b.eval(t, `document.getElementById('notice')?.textContent ?? '(no notice)'`, &now)
		t.Fatalf("notice %q never said %q", now, want)
	}
	return text
}

// withMeasurements is the default scenario with a Power Tuning result set
// on its first function, as the page should set it.
func withMeasurements(t *testing.T, link string) model.Scenario {
	t.Helper()
	s := model.DefaultScenario()
	res, err := powertuning.Decode([]byte(link))
	if err != nil {
		t.Fatal(err)
	}
	f := &s.Functions[0]
	m, _, err := model.PowerTuningMeasurements(f, s.ArchitectureOf(f), res.Runs)
	if err != nil {
		t.Fatal(err)
	}
	f.ExecutionTimesByMemory = m
	return s
}

// A Power Tuning link typed into the function's Memory section becomes its
// measured durations: the chart marks them as measured points and every
// figure follows; the curve goes back out as the tool's own link.
func TestPowerTuningLinkUpdatesTheMemoryCurve(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "function")
	b.typeInto(t, "#power-tuning-link", powerTuningLink)
	b.run(t, press("#power-tuning-read", chromedp.ByQuery))
	waitNotice(t, b, "Measured durations from the Power Tuning link set on “user_authentication”")
	waitNotice(t, b, "its mean duration (150 ms) is what the planner uses there")
	b.waitReady(t)
	want := withMeasurements(t, powerTuningLink)
	t.Logf("%d figures equal the model's", checkFigures(t, b, report(t, want)))
	// The chart draws the six measured sizes as points of their own series.
	var measured []json.RawMessage
	b.run(t, chromedp.Poll(`(() => { for (const el of document.querySelectorAll('.chart')) {
		const c = echarts.getInstanceByDom(el); if (!c) continue;
		const s = c.getOption().series.find(s => s.name === 'Measured duration'); if (s) return s.data } return null })()`, &measured,
		chromedp.WithPollingTimeout(10*time.Second)))
	// Six sizes; at its own 256 MB the function's mean duration stands (the
	// notice says so).
	if len(measured) != 6 {
		t.Errorf("measured points drawn: %d (%s)", len(measured), measured)
	}
	var link string
	b.eval(t, `document.getElementById('power-tuning-open')?.href ?? ''`, &link)
	res, err := powertuning.DecodeURL(link)
	if err != nil || len(res.Runs[0].Points) != 6 || res.Runs[0].Points[0].MemoryMb != 128 {
		t.Errorf("the curve's link %q: %v", link, err)
	}
	screenshot(t, b, "power-tuning")
	// Undo takes the measurements back.
	b.run(t, press(`//button[text()="Undo"]`, chromedp.BySearch))
	b.waitReady(t)
	checkFigures(t, b, report(t, model.DefaultScenario()))
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// A comparison link pasted anywhere on the page measures the function on
// two architectures; the Memory section compares them. A damaged link
// changes nothing and says why.
func TestPastedComparisonLinkComparesArchitectures(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "function")
	x86, _ := powertuning.URL("", []powertuning.Point{{MemoryMb: 512, ExecutionTimeMs: 900, CostUSD: 7e-6}, {MemoryMb: 1024, ExecutionTimeMs: 420, CostUSD: 7.2e-6}})
	arm, _ := powertuning.URL("", []powertuning.Point{{MemoryMb: 512, ExecutionTimeMs: 950, CostUSD: 6e-6}, {MemoryMb: 1024, ExecutionTimeMs: 450, CostUSD: 6.1e-6}})
	comparison := x86 + ";" + arm[strings.IndexByte(arm, '#')+1:] + ";x86_64;arm64%20(Graviton)"
	paste := func(text string) {
		b.eval(t, `(() => { document.activeElement?.blur(); const dt = new DataTransfer(); dt.setData('text/plain', `+strconv.Quote(text)+`);
			document.body.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true})); return true })()`, nil)
	}
	paste("https://lambda-power-tuning.show/#gAAAAQ;ZooQRw;QdWhOA;x")
	text := waitNotice(t, b, "was not read as Power Tuning results")
	t.Logf("damaged: %s", text)
	checkFigures(t, b, report(t, model.DefaultScenario()))
	paste(comparison)
	waitNotice(t, b, "Measured durations from the pasted text")
	b.waitReady(t)
	want := withMeasurements(t, comparison)
	checkFigures(t, b, report(t, want))
	var rows string
	b.eval(t, `[...document.querySelectorAll('.architectures-slot tbody th')].map(e => e.textContent).join('|')`, &rows)
	if rows != "x86_64 (current)|arm64" {
		t.Errorf("architectures compared: %q", rows)
	}
}

// The Terraform, SAM and alarms downloads are what `planner export`
// writes for the same scenario; the report's CSV, Markdown and Prometheus
// rules are what `planner report` writes.
func TestInfrastructureExportsDownload(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	b.clickTab(t, "scenarios")
	b.eval(t, `window.__downloads = []; window.plannerDownload = (name, type, text) => window.__downloads.push({name, type, text}); true`, nil)
	sc := model.DefaultScenario()
	r, _ := model.Evaluate(&sc)
	d := model.NewDeployment(&sc, r, model.PlanFunctionPolicies(&sc, r, nil))
	var tf, sam, csv, md, rules strings.Builder
	deploy.WriteTerraform(&tf, &d)
	deploy.WriteSAM(&sam, &d)
	for w, write := range map[*strings.Builder]func(io.Writer, *model.Report) error{&csv: model.WriteCSV, &md: model.WriteMarkdown, &rules: model.WritePrometheusRules} {
		if err := write(w, r); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range []struct{ tab, button, name, want string }{
		{"", "#export-tf", "E-commerce-application-planner.tf", tf.String()},
		{"", "#export-yaml", "E-commerce-application-template.yaml", sam.String()},
		{"", "#export-json", "E-commerce-application-cloudwatch-alarms.json", string(deploy.AlarmsJSON(&d))},
		{"", "#export-report-csv", "E-commerce-application-report.csv", csv.String()},
		{"", "#export-report-md", "E-commerce-application-report.md", md.String()},
		{"alerts", "#export-prometheus", "E-commerce-application-alert-rules.yaml", rules.String()},
	} {
		if c.tab != "" {
			b.clickTab(t, c.tab)
		}
		b.run(t, press(c.button, chromedp.ByQuery))
		var got []struct{ Name, Type, Text string }
		b.run(t, chromedp.Poll(`window.__downloads.length > `+strconv.Itoa(i)+` ? window.__downloads : null`, &got, chromedp.WithPollingTimeout(60*time.Second)))
		if got[i].Name != c.name || got[i].Text != c.want {
			t.Errorf("%s downloaded %q (%d bytes), want %q (%d bytes) as the CLI writes it", c.button, got[i].Name, len(got[i].Text), c.name, len(c.want))
		}
	}
}

// An account's AWS CLI outputs dropped on the page together become the
// scenario; the Forecast view uses the measured hours.
func TestDroppedAWSFilesBecomeTheScenario(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	dir := "../../model/awscli/testdata/"
	names := []string{"list-functions-2026.json", "concurrency.my-function.json", "provisioned.my-function.json", "metrics-page1.json", "metrics-page2.json"}
	files := map[string]string{}
	var inputs model.AWSFiles
	for _, n := range names {
		data, err := os.ReadFile(dir + n)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = string(data)
		f := model.NamedFile{Name: n, Data: data}
		switch {
		case strings.HasPrefix(n, "list-"):
			inputs.Functions = f
		case strings.HasPrefix(n, "metrics"):
			inputs.Metrics = append(inputs.Metrics, f)
		default:
			inputs.Concurrency = append(inputs.Concurrency, f)
		}
	}
	payload, _ := json.Marshal(files)
	b.eval(t, `(() => { const dt = new DataTransfer(); const files = `+string(payload)+`;
		for (const name of `+mustJSON(names)+`) dt.items.add(new File([files[name]], name, {type: 'application/json'}));
		document.getElementById('planner').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true})); return true })()`, nil)
	waitNotice(t, b, "Imported 3 functions from list-functions-2026.json and 4 other files")
	b.waitReady(t)
	imp, probs := model.ImportAWS(inputs)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	t.Logf("%d figures equal the model's", checkFigures(t, b, report(t, imp.Scenario)))
	b.run(t, press(`//button[contains(., "my-function")]`, chromedp.BySearch))
	b.clickTab(t, "forecast")
	var source string
	b.run(t, chromedp.Poll(`(t => t.includes('imported with the scenario from CloudWatch: 504 hours') ? t : null)(document.querySelector('.forecast-lab .profile-note')?.textContent ?? '')`,
		&source, chromedp.WithPollingTimeout(10*time.Second)))
	screenshot(t, b, "aws-import")
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

func mustJSON(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

// A function's own architecture is chosen in its form and priced; "As the
// scenario" takes it back.
func TestFunctionArchitectureChoice(t *testing.T) {
	s := startSite(t)
	b := openPlanner(t, s.URL+"/")
	choose := func(value string) {
		var before string
		b.eval(t, `document.getElementById('planner').dataset.revision`, &before)
		b.eval(t, `(() => { const el = document.getElementById('f-functions-0-architecture'); el.value = `+strconv.Quote(value)+`;
			el.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, nil)
		b.run(t, chromedp.Poll(`document.getElementById('planner').dataset.revision !== `+strconv.Quote(before), new(bool),
			chromedp.WithPollingTimeout(10*time.Second)))
		b.waitReady(t)
	}
	choose("arm64")
	want := model.DefaultScenario()
	want.Functions[0].Architecture = "arm64"
	checkFigures(t, b, report(t, want))
	choose("-")
	checkFigures(t, b, report(t, model.DefaultScenario()))
	var problems int
	b.eval(t, `document.querySelectorAll('.problem-summary li').length`, &problems)
	if problems != 0 {
		t.Errorf("%d problems after choosing the scenario's architecture", problems)
	}
}
