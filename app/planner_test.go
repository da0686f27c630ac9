package app

import (
	"encoding/json"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/keepalive"
	"planner/model/pricing"
	"planner/schemas"
)

// mounted loads a planner into go-app's test engine.
func mounted(t *testing.T) (*Planner, app.TestEngine) {
	t.Helper()
	p := &Planner{}
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	p.formShown = true // as in a browser once the first figures are painted
	return p, e
}

var (
	// figureRE finds the elements that show a figure, numberCellRE the
	// table cells that show a number.
	figureRE     = regexp.MustCompile(`<[a-z]+ [^>]*data-metric="[^"]*"[^>]*>`)
	attrRE       = regexp.MustCompile(`data-(metric|value|source)="([^"]*)"`)
	numberCellRE = regexp.MustCompile(`(?s)<td class="num"[^>]*>(.*?)</td>`)
	digitRE      = regexp.MustCompile(`[0-9]`)
)

// shownFigures lists the figures in html: path, value and source.
func shownFigures(html string) (figs []map[string]string) {
	for _, tag := range figureRE.FindAllString(html, -1) {
		f := map[string]string{}
		for _, a := range attrRE.FindAllStringSubmatch(tag, -1) {
			f[a[1]] = a[2]
		}
		figs = append(figs, f)
	}
	return figs
}

// Every figure of every view carries the value its document has at its
// path: the report's, or the comparison's and the cold-start methods' (the
// model computes those too); no table cell shows a number that is not such
// a figure.
func TestFiguresAreTheReport(t *testing.T) {
	p, _ := mounted(t)
	f, fr, _ := p.s.function(p.selectedFunction())
	compared, _ := model.Evaluate(ptrTo(model.DefaultScenario()))
	profile, _ := pricing.LookupProfile(p.s.report.Pricing.Profile)
	documents := map[string]any{
		"":            p.s.report,
		compareSource: model.CompareReports(p.s.report, compared),
		methodsSource: []model.ColdStartMethods{model.CompareColdStartMethods(keepalive.Solve, f, fr, nil)},
		pricesSource:  profile,
	}
	seen := map[string]int{}
	for _, tab := range tabs {
		p.tab = tab.id
		html := app.HTMLString(p.Render())
		for _, cell := range numberCellRE.FindAllStringSubmatch(html, -1) {
			if !strings.Contains(cell[1], "data-metric=") && digitRE.MatchString(cell[1]) {
				t.Errorf("%s: a table cell shows %q, not a figure of the model", tab.id, cell[1])
			}
		}
		for _, fig := range shownFigures(html) {
			doc, ok := documents[fig["source"]]
			if !ok {
				t.Errorf("%s: %s comes from an unknown document %q", tab.id, fig["metric"], fig["source"])
				continue
			}
			values, found := model.MetricValues(doc, []string{fig["metric"]})
			seen[fig["source"]]++
			if !found[0] {
				t.Errorf("%s: %s is not a number of %q", tab.id, fig["metric"], fig["source"])
			} else if fig["value"] != strconv.FormatFloat(values[0], 'g', -1, 64) {
				t.Errorf("%s: %s shows %s, the model has %v", tab.id, fig["metric"], fig["value"], values[0])
			}
		}
	}
	if seen[""] < 50 || seen[compareSource] < 20 || seen[methodsSource] < 1 || seen[pricesSource] < 20 {
		t.Errorf("figures checked by document: %v", seen)
	}
}

func ptrTo[T any](v T) *T { return &v }

// The form has an input for every property of the selected function and of
// the scenario, generated from the schema.
func TestFormCoversTheSchema(t *testing.T) {
	p, _ := mounted(t)
	p.tab = "prices"
	html := app.HTMLString(p.Render())
	schema, err := ParseSchema(schemas.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	fn := schema.Property("functions").Items
	for _, prop := range fn.Properties {
		id := fieldID(path{}.key("functions").at(0).key(prop.Name))
		switch {
		case prop.Schema.Type == "object":
			for _, sub := range prop.Schema.Properties {
				subID := fieldID(path{}.key("functions").at(0).key(prop.Name).key(sub.Name))
				if !strings.Contains(html, `id="`+subID+`"`) || !strings.Contains(html, `for="`+subID+`"`) {
					t.Errorf("no labelled input %s for %s.%s", subID, prop.Name, sub.Name)
				}
			}
			continue
		case prop.Schema.Type == "array" && prop.Schema.Items.Type == "object":
			continue // lists of objects start empty
		case prop.Schema.Type == "array" && prop.Schema.Constant != "":
			// a list in place of a constant starts as a button
			if !strings.Contains(html, `data-path="functions[0].`+prop.Name+`"`) || !strings.Contains(html, `aria-label="Set `+strings.ToLower(prop.Schema.Title)+`"`) {
				t.Errorf("no button to set %s", prop.Name)
			}
			continue
		case prop.Schema.Type == "array" && prop.Schema.Items.Type == "number":
			id += "-0"
		case prop.Schema.Type == "array":
			id += "-pci-dss"
		}
		if !strings.Contains(html, `id="`+id+`"`) || !strings.Contains(html, `for="`+id+`"`) {
			t.Errorf("no labelled input %s for %s", id, prop.Name)
		}
	}
	for _, key := range []string{"name", "secrets-count", "pricing-profile", "pricing-architecture", "pricing-free-tier", "compliance-enabled"} {
		if !strings.Contains(html, `id="f-`+key+`"`) {
			t.Errorf("no input f-%s", key)
		}
	}
	if strings.Contains(html, `id="f-version"`) {
		t.Error("the read-only format version is editable")
	}
}

func TestSessionKeepsTextAndLastReport(t *testing.T) {
	s := newSession(model.DefaultScenario(), false)
	before := s.report.TotalSummary.TotalMonthlyCost
	mem := path{}.key("functions").at(0).key("allocated_memory_mb")

	s.setText(mem, "12a", true, 1)
	if !s.stale || s.text(mem, 1) != "12a" || s.problemAt(mem) == "" || s.report.TotalSummary.TotalMonthlyCost != before {
		t.Fatalf("invalid text: stale %v text %q problem %q", s.stale, s.text(mem, 1), s.problemAt(mem))
	}
	s.setText(mem, "1024.5", true, 1)
	if !strings.Contains(s.problemAt(mem), "whole number") {
		t.Errorf("fraction in an integer field: %q", s.problemAt(mem))
	}
	s.setText(mem, "1,024", true, 1)
	if s.stale || s.scenario.Functions[0].AllocatedMemoryMb != 1024 || s.report.TotalSummary.TotalMonthlyCost == before {
		t.Errorf("valid text not applied: %+v", s.problems)
	}
	// Emptied, then an invalid value typed: the figures are still those of
	// 1,024 MB, the last valid input, not of the default.
	withGigabyte := s.report.TotalSummary.TotalMonthlyCost
	s.setText(mem, "", true, 1)
	if !s.stale || s.problemAt(mem) != emptiedField || s.text(mem, 1) != "" || s.report.TotalSummary.TotalMonthlyCost != withGigabyte {
		t.Errorf("an emptied field: stale %v, problem %q, text %q", s.stale, s.problemAt(mem), s.text(mem, 1))
	}
	s.setText(mem, "x", true, 1)
	if !s.stale || s.report.TotalSummary.TotalMonthlyCost != withGigabyte || s.scenario.Functions[0].AllocatedMemoryMb != 1024 {
		t.Errorf("invalid after empty: the last valid results are of %d MB", s.scenario.Functions[0].AllocatedMemoryMb)
	}
	// Left empty, the field takes its default.
	s.setText(mem, "", true, 1)
	s.leave(mem)
	if s.stale || s.scenario.Functions[0].AllocatedMemoryMb != 256 || s.text(mem, 1) != "" {
		t.Errorf("a field left empty should fall back to the default 256, got %d", s.scenario.Functions[0].AllocatedMemoryMb)
	}
	// Leaving a field with a value changes nothing.
	revision := s.revision
	s.leave(mem)
	if s.revision != revision {
		t.Error("leaving a field with a value evaluated again")
	}
}

func TestSessionListEdits(t *testing.T) {
	s := newSession(model.DefaultScenario(), false)
	fns := path{}.key("functions")
	s.editList(fns, duplicateItem(0, func(v any) any {
		v.(map[string]any)["name"] = "copy"
		return v
	}))
	if len(s.scenario.Functions) != 5 || s.scenario.Functions[1].Name != "copy" {
		t.Fatalf("duplicate: %v", s.problems)
	}
	s.editList(fns, moveItem(1, 0))
	if s.scenario.Functions[0].Name != "copy" {
		t.Errorf("move: %s first", s.scenario.Functions[0].Name)
	}
	s.editList(fns, removeItem(0))
	s.editList(fns, appendItem(map[string]any{"name": uniqueName("function", s.list(fns))}))
	if s.stale || len(s.scenario.Functions) != 5 || s.scenario.Functions[4].Name != "function" {
		t.Errorf("add: %v", s.problems)
	}
	s.editList(fns, appendItem(map[string]any{"name": "function"}))
	if !s.stale || !strings.Contains(s.problemAt(fns.at(5).key("name")), "duplicate") {
		t.Errorf("duplicate names accepted: %v", s.problems)
	}
}

func TestFormatting(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{{972.7607, "USD/month", "$972.76/month"}, {0.00005465, "USD", "$0.00005465"}, {17.8e6, "/month", "17,800,000/month"},
		{0.0513, "fraction", "5.13%"}, {-130446.756, "USD/month", "−$130,446.76/month"}, {33.333, "%", "33.3%"}, {1200, "ms", "1,200 ms"},
		{-100.374, "instances", "−100.37 instances"}, {-347.2e6, "/month", "−347,200,000/month"}, {-0.0004, "", "0"}} {
		if got := formatValue(c.v, c.unit); got != c.want {
			t.Errorf("formatValue(%v, %q) = %q, want %q", c.v, c.unit, got, c.want)
		}
	}
}

// An empty traffic input shows what the model makes of it: the rate from
// the monthly invocations, and back; other numbers show their default.
func TestEmptyTrafficShowsTheDerivedValue(t *testing.T) {
	schema, err := ParseSchema(schemas.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	fn := schema.Property("functions").Items
	s := newSession(model.DefaultScenario(), false)
	f := form{s: s}
	at := func(key string) path { return path{}.key("functions").at(0).key(key) }
	placeholder := func(key string) string {
		return f.input(at(key), fn.Property(key)).(*Field).Placeholder
	}
	if s.text(at("invocations_per_second"), 1) != "" || s.text(at("monthly_invocations"), 1) == "" {
		t.Fatalf("the default scenario's first function should give monthly invocations only")
	}
	near := func(key string, want float64) {
		t.Helper()
		got, err := strconv.ParseFloat(placeholder(key), 64)
		if err != nil || math.Abs(got-want) > 5e-4*want {
			t.Errorf("%s placeholder %q, want %v to 4 digits", key, placeholder(key), want)
		}
	}
	near("invocations_per_second", s.report.Functions[0].Traffic.InvocationsPerSecond) // 0.761, not the default 100
	s.setText(at("invocations_per_second"), "5", false, 1)
	s.setText(at("monthly_invocations"), "", false, 1)
	s.leave(at("monthly_invocations"))
	if s.stale || s.report.Functions[0].Traffic.InvocationsPerSecond != 5 {
		t.Fatalf("edits not applied: %+v", s.problems)
	}
	near("monthly_invocations", s.report.Functions[0].Traffic.MonthlyInvocations) // 5/s for a month, not the default 100,000
	if got := placeholder("allocated_memory_mb"); got != "256" {
		t.Errorf("memory placeholder %q, want the default 256", got)
	}
}

// A function without its own architecture shows "As the scenario" chosen.
func TestArchitectureChoiceShowsTheScenarios(t *testing.T) {
	p, _ := mounted(t)
	p.tab = "prices"
	html := app.HTMLString(p.Render())
	i := strings.Index(html, `id="f-functions-0-architecture"`)
	if i < 0 {
		t.Fatal("no architecture select")
	}
	sel := html[i:min(len(html), i+600)]
	if !regexp.MustCompile(`<option (value="-" selected|selected value="-")>As the scenario`).MatchString(sel) {
		t.Errorf("select: %s", sel)
	}
}

// A fraction is typed and shown as a percentage: 7 (%) is 0.07 in the
// scenario, its default and bounds read in percent, and a problem says how
// the scenario stores it.
func TestFractionsArePercentages(t *testing.T) {
	p, _ := mounted(t)
	p.tab = "function"
	rate := path{}.key("functions").at(0).key("cold_start_rate")
	p.s.setText(rate, "7", false, 100)
	if got := get(p.s.document(), rate); got != 0.07 || p.s.scenario.Functions[0].ColdStartRate != 0.07 {
		t.Fatalf("7%% is stored as %v", got)
	}
	delete(p.s.raw, rate.String())
	html := app.HTMLString(p.Render())
	id := fieldID(rate)
	field := html[strings.Index(html, `<label for="`+id+`"`):]
	field = field[:strings.Index(field, "</div>")]
	for _, want := range []string{`(%)`, `value="7"`, `placeholder="5"`, `Allowed: ≥ 0, ≤ 100`} {
		if !strings.Contains(field, want) {
			t.Errorf("the cold-start rate field lacks %s: %s", want, field)
		}
	}
	p.s.setText(rate, "150", false, 100)
	html = app.HTMLString(p.Render())
	if !strings.Contains(html, "100% is 1") || get(p.s.document(), rate) != 1.5 {
		t.Errorf("150%%: stored %v, problem %q", get(p.s.document(), rate), p.s.problemAt(rate))
	}
}

// The form opens with the scenario's name and its functions: adding a
// function comes before the scenario-wide settings.
func TestFormStartsWithTheFunctions(t *testing.T) {
	p, _ := mounted(t)
	html := app.HTMLString(p.Render())
	name, add, secrets := strings.Index(html, `id="f-name"`), strings.Index(html, ">Add function<"), strings.Index(html, `id="f-secrets-count"`)
	if name < 0 || add < 0 || secrets < 0 || !(name < add && add < secrets) {
		t.Errorf("name at %d, Add function at %d, secrets at %d", name, add, secrets)
	}
}

// A loaded scenario is evaluated as it is, without reading the document
// back: what it evaluates is what reading the document gives.
func TestLoadEvaluatesWhatTheDocumentReads(t *testing.T) {
	sc := model.DefaultScenario()
	sc.Functions[1].ProvisionedByHour = make([]int, 24)
	sc.Functions[1].ProvisionedByHour[9] = 2
	sc.Functions[2].Targets.P50LatencyMs = new(float64)
	*sc.Functions[2].Targets.P50LatencyMs = 300
	s := newSession(sc, false)
	data, err := json.Marshal(s.document())
	if err != nil {
		t.Fatal(err)
	}
	read, probs := model.ParseScenario(data)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got, _ := json.Marshal(s.scenario)
	want, _ := json.Marshal(read)
	if string(got) != string(want) || s.report == nil {
		t.Errorf("loaded %s\nread   %s", got, want)
	}
	// An invalid scenario loaded shows its problems at their paths.
	sc.Functions[0].AllocatedMemoryMb = 1
	s.load(sc)
	if !s.stale || s.problemAt(path{}.key("functions").at(0).key("allocated_memory_mb")) == "" {
		t.Errorf("an invalid scenario loaded: stale %v, problems %v", s.stale, s.problems)
	}
}
