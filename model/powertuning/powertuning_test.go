package powertuning

import (
	"math"
	"os"
	"strings"
	"testing"
)

// readmeHash is the hash in power-tuning's README.md and PR #42.
const readmeHash = "gAAAAQACAAQABsAL;ZooQR4yvkUa/pQRGRC5zRaADHUVjOftE;QdWhOEMkoziDT5Q4xhiIOMYYiDi6RNc4"

// readmePoints are its values at float32 precision (interop.md §1.2,
// decoded there with Python's struct module).
var readmePoints = []struct {
	mem        int
	time, cost float32
}{
	{128, 37002.4, 7.7168e-05},
	{256, 18647.773, 7.7792e-05},
	{512, 8489.437, 7.072e-05},
	{1024, 3890.8916, 6.4896e-05},
	{1536, 2512.2266, 6.4896e-05},
	{3008, 2009.7933, 0.000102648},
}

func checkReadmeRun(t *testing.T, run Run) {
	t.Helper()
	if len(run.Points) != len(readmePoints) {
		t.Fatalf("%d points, want %d: %+v", len(run.Points), len(readmePoints), run.Points)
	}
	for i, want := range readmePoints {
		got := run.Points[i]
		if got.MemoryMb != want.mem || got.ExecutionTimeMs != float64(want.time) || got.CostUSD != float64(want.cost) {
			t.Errorf("point %d = %+v, want %d MB, %v ms, %v USD (exact float32)", i, got, want.mem, want.time, want.cost)
		}
	}
}

func TestDecodeURLGivesTheToolsFloat32Values(t *testing.T) {
	for _, link := range []string{
		"https://lambda-power-tuning.show/#" + readmeHash,
		"https://lambda-power-tuning.show/#" + readmeHash + ";", // the UI README's demo ends with ';'
		readmeHash,
		"https://lambda-power-tuning.show/?currency=CNY#" + readmeHash,
		"https://lambda-power-tuning.show/#" + strings.NewReplacer("/", "%2F", "+", "%2B").Replace(readmeHash),
	} {
		res, err := DecodeURL(link)
		if err != nil {
			t.Fatalf("%s: %v", link, err)
		}
		if len(res.Runs) != 1 {
			t.Fatalf("%s: %d runs", link, len(res.Runs))
		}
		checkReadmeRun(t, res.Runs[0])
	}
}

func TestDecodeURLWithoutPaddingAndURLSafeAlphabet(t *testing.T) {
	// The UI's own sample (src/app.js), computed to padded base64 in interop.md.
	padded := "gAAAAQACAAQ=;ZMsORykTkEZcbQVGKexxRQ==;naKfOJZloTgdDZY4jhWIOA=="
	bare := strings.ReplaceAll(padded, "=", "")
	want := []float32{36555.39, 18441.58, 8539.34, 3870.76}
	costs := []float32{0.00007612, 0.00007696, 0.00007155, 0.00006489}
	for _, link := range []string{padded, bare, strings.NewReplacer("+", "-", "/", "_").Replace(padded)} {
		res, err := DecodeURL(link)
		if err != nil {
			t.Fatalf("%s: %v", link, err)
		}
		for i, p := range res.Runs[0].Points {
			if p.MemoryMb != 128<<i || p.ExecutionTimeMs != float64(want[i]) || p.CostUSD != float64(costs[i]) {
				t.Errorf("%s point %d = %+v", link, i, p)
			}
		}
	}
}

func TestURLRoundTripsAndMatchesTheToolsEncoder(t *testing.T) {
	// test/unit/test-utils.js: stats {1,2,3},{2,2,2},{3,1,2} (power, duration, cost).
	link, err := URL("https://prefix/", []Point{{3, 1, 2}, {1, 2, 3}, {2, 2, 2}})
	if err != nil {
		t.Fatal(err)
	}
	if link != "https://prefix/#AQACAAMA;AAAAQAAAAEAAAIA/;AABAQAAAAEAAAABA" {
		t.Errorf("URL = %s", link)
	}
	res, err := DecodeURL("https://lambda-power-tuning.show/#" + readmeHash)
	if err != nil {
		t.Fatal(err)
	}
	again, err := URL("", res.Runs[0].Points)
	if err != nil || again != "https://lambda-power-tuning.show/#"+readmeHash {
		t.Errorf("re-encoded %s (%v), want the README's hash", again, err)
	}
}

func TestURLRefusesSizesAnInt16CannotHold(t *testing.T) {
	if _, err := URL("", []Point{{32768, 10, 1e-6}}); err == nil || !strings.Contains(err.Error(), "32767") {
		t.Errorf("32,768 MB: err = %v", err)
	}
	if _, err := URL("", nil); err == nil {
		t.Error("no points: no error")
	}
}

func TestDecodeComparisonLink(t *testing.T) {
	x86, _ := URL("", []Point{{512, 100, 1e-6}, {1024, 60, 1.2e-6}})
	arm, _ := URL("", []Point{{512, 110, 0.8e-6}, {2048, 40, 1.5e-6}})
	frag := x86[strings.IndexByte(x86, '#')+1:] + ";" + arm[strings.IndexByte(arm, '#')+1:] + ";x86%20run;arm64%20%C3%A9"
	res, err := DecodeURL("https://lambda-power-tuning.show/#" + frag)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Runs) != 2 || res.Runs[0].Name != "x86 run" || res.Runs[1].Name != "arm64 é" {
		t.Fatalf("runs = %+v", res.Runs)
	}
	if p := res.Runs[1].Points[1]; p.MemoryMb != 2048 || p.ExecutionTimeMs != 40 || p.CostUSD != float64(float32(1.5e-6)) {
		t.Errorf("arm64 2048 MB = %+v", p)
	}
}

func TestDecodeRefusesMalformedLinksByName(t *testing.T) {
	for link, want := range map[string]string{
		"https://lambda-power-tuning.show/#gAAAAQ;ZooQRw":                  "2 parts",
		"https://lambda-power-tuning.show/#a;b;c;d;e":                      "5 parts",
		"https://lambda-power-tuning.show/":                                "no #sizes",
		"https://lambda-power-tuning.show/#gAA!;ZooQRw==;QdWhOA==":         "sizes: not base64",
		"https://lambda-power-tuning.show/#gA==;ZooQRw==;QdWhOA==":         "16-bit",
		"https://lambda-power-tuning.show/#gAAAAQ==;ZooQRw==;QdWhOA==":     "2 sizes, 1 times",
		"https://lambda-power-tuning.show/#;;;":                            "no memory size",
		"https://lambda-power-tuning.show/#AIA=;ZooQRw==;QdWhOA==":         "wrap to negative",
		"https://lambda-power-tuning.show/#gAA=;AADAfw==;QdWhOA==":         "not a duration",
		"https://lambda-power-tuning.show/#gAA=;ZooQRw==;AACAvw==":         "not a cost",
		"https://lambda-power-tuning.show/#<Embeded code>":                 "1 parts",
		"https://lambda-power-tuning.show/#gAA=;ZooQRw==;QdWhOA==;a;b;c;d": "7 parts",
	} {
		_, err := Decode([]byte(link))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want it to mention %q", link, err, want)
		}
	}
}

func TestDecodeEveryJSONForm(t *testing.T) {
	for _, c := range []struct {
		file       string
		wantReadme bool
		mem        int
		ms         float64
	}{
		{"pr42-results-wrapper.json", true, 0, 0},
		{"describe-execution.json", true, 0, 0},
		{"issue83-output.json", false, 512, 47.3920138888889},
		{"stats-output.json", false, 128, 2.9066666666666667},
	} {
		data, err := os.ReadFile("testdata/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if c.wantReadme {
			checkReadmeRun(t, res.Runs[0])
			continue
		}
		if got := res.Runs[0].Points; len(got) != 1 || got[0].MemoryMb != c.mem || got[0].ExecutionTimeMs != c.ms {
			t.Errorf("%s: points %+v, want %d MB at %v ms", c.file, got, c.mem, c.ms)
		}
	}
}

func TestDecodeRefusesBadJSONByPath(t *testing.T) {
	for doc, want := range map[string]string{
		`{"power":"fast","cost":1e-7,"duration":3}`: "power: \"fast\"",
		`{"power":40000,"cost":1e-7,"duration":3}`:  "power: 40000 MB",
		`{"power":128}`: "needs power, duration and cost",
		`{"results":{"power":128,"cost":"cheap","duration":3}}`:                    "results",
		`{"stats":[{"value":"128","averagePrice":-1,"averageDuration":3}]}`:        "stats[0]: cost -1",
		`{"stats":[{"value":128,"averageDuration":3}]}`:                            "stats[0]: needs",
		`{"output":"{\"power\":\"x\",\"cost\":1,\"duration\":1}","status":"DONE"}`: "output.power",
		`{"output":null}`:                            "has no output",
		`{"output":42}`:                              "must be a JSON string",
		`{"output":"null"}`:                          "has no output",
		`{"power":128,"cost":1e-7,"duration":NaN}`:   "not Power Tuning",
		`{"stateMachine":{"visualization":"x#a;b"}}`: "stateMachine.visualization",
		`   `: "empty",
	} {
		_, err := Decode([]byte(doc))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want it to mention %q", doc, err, want)
		}
	}
	if _, err := Decode([]byte(strings.Repeat(" ", MaxInputBytes+1))); err == nil || !strings.Contains(err.Error(), "KiB") {
		t.Errorf("an oversized input: err = %v", err)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("https://lambda-power-tuning.show/#" + readmeHash))
	f.Add([]byte(`{"results":{"power":"1024","cost":1e-5,"duration":3,"stats":[{"value":128,"averagePrice":1,"averageDuration":2}]}}`))
	f.Add([]byte(`{"output":"{\"power\":128,\"cost\":1,\"duration\":1}"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Decode(data)
		if err != nil {
			return
		}
		for _, run := range res.Runs {
			for _, p := range run.Points {
				if p.MemoryMb <= 0 || p.MemoryMb > MaxMemoryMb || p.ExecutionTimeMs < 0 || math.IsNaN(p.CostUSD) {
					t.Fatalf("decoded an impossible point %+v", p)
				}
			}
		}
	})
}
