package cli

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// `planner calc platform-cost` prints {"total_usd", "lines"} and refuses
// bad input with exit 1 and one line per problem.
func TestCalcPlatformCost(t *testing.T) {
	code, out, errs := run(t, `{"platform":"cloudflare-workers","invocations":100000000,"cpu_time_ms":7}`, "calc", "platform-cost")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var bill struct {
		TotalUSD float64 `json:"total_usd"`
		Lines    []struct {
			Meter        string  `json:"meter"`
			Quantity     float64 `json:"quantity"`
			Unit         string  `json:"unit"`
			UnitPriceUSD float64 `json:"unit_price_usd"`
			USD          float64 `json:"usd"`
		} `json:"lines"`
	}
	if err := json.Unmarshal([]byte(out), &bill); err != nil {
		t.Fatal(err)
	}
	if math.Abs(bill.TotalUSD-45.40) > 0.01 || len(bill.Lines) != 3 || bill.Lines[1].Unit != "request" {
		t.Errorf("Cloudflare's 100M × 7 ms example: %+v", bill)
	}

	code, _, errs = run(t, `{"platform":"azure-functions-consumption","invocations":-1,"memory_mb":4096,"vcpu":2,"colour":"red"}`, "calc", "platform-cost")
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if code != 1 || len(lines) != 5 {
		t.Fatalf("exit %d, %d lines: %q", code, len(lines), errs)
	}
	for i, key := range []string{"colour", "vcpu", "avg_execution_time_ms", "invocations", "memory_mb"} {
		if !strings.Contains(lines[i], key) {
			t.Errorf("line %q does not name %s", lines[i], key)
		}
	}
}

// `planner clouds` prints the comparison as JSON or Markdown; a bad
// assumption is a usage error.
func TestClouds(t *testing.T) {
	code, out, errs := run(t, "", "clouds")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var c struct {
		Platforms []struct {
			Platform   string  `json:"platform"`
			MonthlyUSD float64 `json:"monthly_usd"`
		} `json:"platforms"`
		Curves []struct {
			MonthlyUSD []float64 `json:"monthly_usd"`
		} `json:"curves"`
		Scales []float64 `json:"scales"`
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Platforms) != 5 || len(c.Curves) != 5 || len(c.Curves[0].MonthlyUSD) != len(c.Scales) {
		t.Fatalf("%+v", c)
	}
	code, md, _ := run(t, "", "clouds", "--format", "markdown", "--cpu-bound-share", "0.2")
	if code != 0 || !strings.Contains(md, "| Google Cloud Run | us-central1 |") || !strings.Contains(md, "20% of each request") {
		t.Errorf("markdown: exit %d\n%s", code, md)
	}
	if code, _, _ := run(t, "", "clouds", "--cpu-bound-share", "NaN"); code != 2 {
		t.Errorf("NaN share: exit %d", code)
	}
	if code, _, _ := run(t, "", "clouds", "--cpu-bound-share", "1.5"); code != 2 {
		t.Errorf("share 1.5: exit %d", code)
	}
}
