package model

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"planner/model/pricing"
	"planner/model/spec"
)

func scenarioJSON(t testing.TB, s *Scenario) string {
	t.Helper()
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// randomScenario varies every kind of field a form can change.
func randomScenario(r *rand.Rand) Scenario {
	s := NewScenario()
	s.Name = []string{"", "Checkout", "ünïcode ✓", `quote " and <tag>`}[r.IntN(4)]
	s.Pricing.Architecture = []pricing.Architecture{pricing.X86_64, pricing.ARM64}[r.IntN(2)]
	s.Pricing.FreeTier = r.IntN(2) == 0
	s.SecretsCount = r.IntN(50)
	s.Compliance.Enabled = r.IntN(2) == 0
	if r.IntN(2) == 0 {
		s.Compliance.AdditionalServices = []spec.FixedService{{Name: "WAF", MonthlyCost: float64(r.IntN(10000))}}
	}
	for i := range 1 + r.IntN(6) {
		f := DefaultFunction()
		f.Name = "fn-" + string(rune('a'+i))
		if r.IntN(2) == 0 {
			f.MonthlyInvocations = ptr(float64(r.IntN(1e9)))
		} else {
			f.InvocationsPerSecond = ptr(r.Float64() * 1000)
		}
		f.AllocatedMemoryMb = MinMemoryMb + r.IntN(MaxMemoryMb-MinMemoryMb)
		f.AvgExecutionTimeMs = 1 + r.Float64()*5000
		f.P95ExecutionTimeMs = f.AvgExecutionTimeMs * 2
		f.P99ExecutionTimeMs = f.AvgExecutionTimeMs * 3
		f.Type = []spec.FunctionType{spec.APIFunction, spec.ProcessingFunction, spec.ScheduledFunction, spec.GeneralFunction}[r.IntN(4)]
		f.VpcEnabled = r.IntN(2) == 0
		f.TrafficProfile[r.IntN(24)] = r.Float64() * 10
		f.ComplianceRequirements = []spec.ComplianceRequirement{spec.PCIDSS, spec.SOX}[:r.IntN(3)]
		if r.IntN(2) == 0 {
			f.ExecutionTimesByMemory = []MeasuredDuration{{MemoryMb: 1024, ExecutionTimeMs: 100 + r.Float64()*100}}
		}
		s.Functions = append(s.Functions, f)
	}
	return s
}

// A scenario survives the trip through a link unchanged.
func TestLinkRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		s := randomScenario(r)
		link, err := EncodeLink(&s)
		if err != nil {
			t.Fatal(err)
		}
		back, probs := DecodeLink("https://planner.example/#" + link)
		if len(probs) > 0 {
			t.Fatalf("case %d: %v", i, probs)
		}
		if got, want := scenarioJSON(t, back), scenarioJSON(t, &s); got != want {
			t.Fatalf("case %d changed:\n%s\n%s", i, want, got)
		}
	}
}

func TestDefaultScenarioLinkIsShort(t *testing.T) {
	s := DefaultScenario()
	u, err := LinkURL("https://planner.example/", &s)
	if err != nil {
		t.Fatal(err)
	}
	if len(u) > 1000 {
		t.Errorf("the default scenario's link has %d characters", len(u))
	}
	t.Logf("default scenario link: %d characters", len(u))
}

func TestDamagedLinksSayWhatIsWrong(t *testing.T) {
	s := DefaultScenario()
	good, _ := EncodeLink(&s)
	bomb := func() string {
		big := `{"version":1,"name":"` + strings.Repeat("a", 65<<20) + `"}`
		data, _ := deflateForTest([]byte(big))
		return "s=1." + data
	}()
	invalid, _ := EncodeLink(&Scenario{Version: 1, Pricing: DefaultPricing(), Functions: []Function{{Name: "x"}}})
	for link, want := range map[string]string{
		"":                                   "no scenario",
		"#s=%%%":                             "damaged",
		"#s=1":                               "no version",
		"#s=x.abc":                           "no version",
		"#s=9." + good[4:]:                   "newer planner",
		"#s=0." + good[4:]:                   "unknown",
		"#s=1.!!!":                           "base64",
		"#" + good[:len(good)/2]:             "damaged",
		"#s=1.AAAA":                          "decompress",
		"#" + bomb:                           "expands beyond",
		"#" + invalid:                        "in the linked scenario",
		"#s=1." + strings.Repeat("A", 2<<20): "longer than",
	} {
		_, probs := DecodeLink(link)
		if len(probs) == 0 {
			t.Errorf("%.40q accepted", link)
			continue
		}
		if !strings.Contains(probs.Error(), want) {
			t.Errorf("%.40q: %q, want it to say %q", link, probs.Error(), want)
		}
	}
}

// Links made by earlier releases keep opening as the scenario they carried.
func TestStoredLinksStillOpen(t *testing.T) {
	files, _ := filepath.Glob("testdata/links/*.link")
	if len(files) == 0 {
		t.Fatal("no stored links")
	}
	for _, f := range files {
		link, _ := os.ReadFile(f)
		want, err := os.ReadFile(strings.TrimSuffix(f, ".link") + ".json")
		if err != nil {
			t.Fatal(err)
		}
		s, probs := DecodeLink(strings.TrimSpace(string(link)))
		if len(probs) > 0 {
			t.Errorf("%s: %v", f, probs)
			continue
		}
		expected, probs := ParseScenario(want)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", f, probs)
		}
		if scenarioJSON(t, s) != scenarioJSON(t, expected) {
			t.Errorf("%s opens as a different scenario", f)
		}
	}
}

// FuzzDecodeLink: no link panics; a link that opens re-encodes to the same
// scenario.
func FuzzDecodeLink(f *testing.F) {
	s := DefaultScenario()
	good, _ := EncodeLink(&s)
	f.Add(good)
	f.Add("#s=%%%")
	f.Add("s=1.")
	f.Add("https://x/#s=1.q1YqSy0qzszPU7JSMtQzUNJRSs4vTVWyMjTRUcrIz0xRsgIA")
	f.Fuzz(func(t *testing.T, link string) {
		s, probs := DecodeLink(link)
		if len(probs) > 0 {
			return
		}
		again, err := EncodeLink(s)
		if err != nil {
			t.Fatal(err)
		}
		back, probs := DecodeLink(again)
		if len(probs) > 0 || scenarioJSON(t, back) != scenarioJSON(t, s) {
			t.Fatalf("re-encoded link differs: %v", probs)
		}
	})
}

func deflateForTest(data []byte) (string, error) {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	return base64.RawURLEncoding.EncodeToString(buf.Bytes()), nil
}

// A link whose fragment a mail or chat client percent-encoded opens.
func TestPercentEncodedLinkOpens(t *testing.T) {
	s := DefaultScenario()
	link, err := LinkURL("https://planner.example/", &s)
	if err != nil {
		t.Fatal(err)
	}
	base, fragment, _ := strings.Cut(link, "#")
	encoded := base + "#" + url.PathEscape(fragment)
	encoded = strings.ReplaceAll(encoded, "=", "%3D")
	if !HasLink(encoded) {
		t.Fatalf("%s is not a link", encoded)
	}
	got, probs := DecodeLink(encoded)
	if len(probs) > 0 || !reflect.DeepEqual(*got, s) {
		t.Errorf("percent-encoded link: %v", probs)
	}
}

// A scenario too big for where it is opened is refused before it is read,
// with the command that opens it; the count reads the list without parsing
// the functions.
func TestTooManyFunctionsRefusedBeforeReading(t *testing.T) {
	s := NewScenario()
	for i := range 30 {
		f := DefaultFunction()
		f.Name = "f" + strconv.Itoa(i)
		s.Functions = append(s.Functions, f)
	}
	link, err := LinkURL("https://planner.example/", &s)
	if err != nil {
		t.Fatal(err)
	}
	if _, probs := DecodeLinkWith(link, ReadOptions{MaxFunctions: 20}); len(probs) != 1 || !strings.Contains(probs[0].Message, "30 functions") ||
		!strings.Contains(probs[0].Message, "planner report") {
		t.Errorf("30 functions against 20: %v", probs)
	}
	if got, probs := DecodeLinkWith(link, ReadOptions{MaxFunctions: 30}); len(probs) > 0 || len(got.Functions) != 30 {
		t.Errorf("30 functions against 30: %v", probs)
	}
	data, _ := json.Marshal(s)
	if n := FunctionCount(data); n != 30 {
		t.Errorf("FunctionCount = %d", n)
	}
	for doc, want := range map[string]int{`{"functions": []}`: 0, `{"functions": [{}, {"name": "a,]"}]}`: 2, `[1]`: 0, `{"functions": {}}`: 0, `{`: 0} {
		if n := FunctionCount([]byte(doc)); n != want {
			t.Errorf("FunctionCount(%s) = %d, want %d", doc, n, want)
		}
	}
	// Text that is not JSON is counted without validating it, and the count
	// ends: every cut and every byte changed of a scenario's JSON.
	for _, doc := range []string{`{"functions": [1 } ]}`, `{"functions": [,,,]}`, `{"a" "functions": [}`, `{:::}`, `{"functions": [{"a": ]]}`, `{"functions": [}}}`} {
		FunctionCount([]byte(doc))
	}
	two, _ := json.Marshal(Scenario{Functions: s.Functions[:2]})
	for i := range two {
		FunctionCount(two[:i])
		for _, c := range []byte{'}', ']', ',', ':', '"', '{', '['} {
			changed := append([]byte(nil), two...)
			changed[i] = c
			FunctionCount(changed)
		}
	}
	if _, probs := ParseScenarioWith(data, ReadOptions{MaxFunctions: 10}); len(probs) != 1 || probs[0].Path != "functions" {
		t.Errorf("import of 30 against 10: %v", probs)
	}
	// Too long for where it is opened: refused with the commands that open
	// it, which read it (the format's limit is higher).
	small := len(data) - 1
	if _, probs := DecodeLinkWith(link, ReadOptions{MaxBytes: 100}); len(probs) != 1 || !strings.Contains(probs[0].Message, "planner open URL") {
		t.Errorf("a link longer than the bytes allowed: %v", probs)
	}
	if _, probs := ParseScenarioWith(data, ReadOptions{MaxBytes: small}); len(probs) != 1 || !strings.Contains(probs[0].Message, "planner report FILE") {
		t.Errorf("a file longer than the bytes allowed: %v", probs)
	}
	if got, probs := DecodeLink(link); len(probs) > 0 || len(got.Functions) != 30 {
		t.Errorf("the command line's reading: %v", probs)
	}
}

// A link may carry the view and function shown after its scenario; the
// scenario reads the same.
func TestLinkWithPlace(t *testing.T) {
	s := DefaultScenario()
	link, err := LinkURL("https://planner.example/", &s)
	if err != nil {
		t.Fatal(err)
	}
	got, probs := DecodeLink(link + "&view=function&fn=2")
	if len(probs) > 0 || got.Functions[2].Name != s.Functions[2].Name {
		t.Errorf("%v", probs)
	}
}

// The link's JSON drops what the reading restores, as dropping values
// equal to their defaults from decoded trees does (the reference below).
func TestCompactScenarioDropsExactlyTheDefaults(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 200 {
		s := randomScenario(r)
		if i%3 == 0 {
			s.Functions[0].Targets.P50LatencyMs = ptr(250.0)
			s.Functions[0].ProvisionedByHour = make([]int, 24)
		}
		got := compactScenario([]byte(scenarioJSON(t, &s)), nil)
		if !bytes.HasPrefix(got, []byte(`{"version":`+strconv.Itoa(ScenarioVersion)+`,`)) {
			t.Fatalf("case %d: the version is not first: %.40s", i, got)
		}
		var gotTree any
		if err := json.Unmarshal(got, &gotTree); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if want := referenceCompact(t, &s); !reflect.DeepEqual(gotTree, want) {
			t.Fatalf("case %d:\n got %s\nwant %v", i, got, want)
		}
	}
}

// referenceCompact decodes a scenario and its defaults to trees and drops
// the scenario's values equal to the defaults, descending into objects.
func referenceCompact(t *testing.T, s *Scenario) any {
	tree := func(v any) map[string]any {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	var drop func(m, defaults map[string]any)
	drop = func(m, defaults map[string]any) {
		for k, v := range m {
			d, ok := defaults[k]
			if !ok {
				continue
			}
			vm, isObject := v.(map[string]any)
			dm, defaultIsObject := d.(map[string]any)
			if isObject && defaultIsObject {
				if drop(vm, dm); len(vm) == 0 {
					delete(m, k)
				}
			} else if reflect.DeepEqual(v, d) {
				delete(m, k)
			}
		}
	}
	full := tree(s)
	drop(full, tree(NewScenario()))
	full["version"] = float64(ScenarioVersion)
	for _, f := range full["functions"].([]any) {
		drop(f.(map[string]any), tree(DefaultFunction()))
	}
	return any(full)
}
