package cli

import (
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"strconv"

	"planner/model"
	"planner/model/targets"
)

// checkResult is `planner check --format json`: every function's required
// targets with their values, what is only advised, and what no model
// computes.
type checkResult struct {
	Met       bool                     `json:"met"`
	Functions []checkFunction          `json:"functions"`
	Account   model.AccountConcurrency `json:"account"`
}

type checkFunction struct {
	Name        string         `json:"name"`
	Class       targets.Class  `json:"class"`
	Met         bool           `json:"met"`
	Targets     []checkTarget  `json:"targets"`
	Advisories  []checkTarget  `json:"advisories"`
	NotComputed []checkUnknown `json:"not_computed"`
}

type checkTarget struct {
	Name  targets.KPI `json:"name"`
	Limit float64     `json:"limit"`
	Value float64     `json:"value"`
	Met   bool        `json:"met"`
	// AtLeast is true for a floor (value ≥ limit), false for a ceiling.
	AtLeast bool   `json:"at_least"`
	Unit    string `json:"unit"`
	Why     string `json:"why"`
}

type checkUnknown struct {
	Name  targets.KPI `json:"name"`
	Limit float64     `json:"limit"`
	Why   string      `json:"why"`
}

// newCheckResult sorts a report's scorecards into a check.
func newCheckResult(r *model.Report) checkResult {
	c := checkResult{Met: true, Functions: make([]checkFunction, len(r.Functions)), Account: r.Account}
	for i := range r.Functions {
		sc := &r.Functions[i].Scorecard
		cf := checkFunction{Name: r.Functions[i].Name, Class: sc.Class, Met: sc.Met,
			Targets: []checkTarget{}, Advisories: []checkTarget{}, NotComputed: []checkUnknown{}}
		for _, s := range sc.Scores {
			t := checkTarget{Name: s.KPI, Limit: s.Limit, Value: s.Value, Met: s.Met, AtLeast: s.AtLeast, Unit: s.Unit, Why: s.Why}
			switch {
			case !s.Computed:
				cf.NotComputed = append(cf.NotComputed, checkUnknown{s.KPI, s.Limit, s.Why})
			case s.Required:
				cf.Targets = append(cf.Targets, t)
			default:
				cf.Advisories = append(cf.Advisories, t)
			}
		}
		c.Met = c.Met && cf.Met
		c.Functions[i] = cf
	}
	return c
}

// runCheck implements `planner check [FILE|-] [--format text|json|junit]`:
// exit 0 when every function meets its targets, 1 when one is missed, 2 on
// invalid input or usage.
func runCheck(env *Env, args []string) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "text", "output format: text, json or junit")
	file, err := parseWithOneFile(fs, args)
	if err != nil {
		return 2
	}
	if *format != "text" && *format != "json" && *format != "junit" {
		fmt.Fprintf(env.Stderr, "planner check: unknown format %q (text, json or junit)\n", *format)
		return 2
	}
	s, r, _ := loadEvaluated(env, "check", file)
	if s == nil {
		return 2
	}
	c := newCheckResult(r)
	switch *format {
	case "json":
		if code := writeJSON(env, "check", c); code != 0 {
			return 2
		}
	case "junit":
		err = writeJUnit(env.Stdout, s.Name, &c)
	default:
		err = writeCheckText(env.Stdout, &c)
	}
	if err != nil {
		fail(env, "check", err.Error())
		return 2
	}
	if c.Met {
		return 0
	}
	return 1
}

// writeCheckText prints a line per target, ✓ met, ✗ missed, ? not
// computed, ~ an advisory missed.
func writeCheckText(w io.Writer, c *checkResult) error {
	missed := 0
	if c.Account.Exceeded {
		fmt.Fprintf(w, "warning: the account's peak p99 concurrency (%d at %02d:00 UTC) exceeds its limit of %d\n\n",
			c.Account.PeakP99Concurrency, c.Account.PeakHour, c.Account.Limit)
	}
	for _, f := range c.Functions {
		state := "meets its targets"
		if !f.Met {
			state, missed = "MISSES a target", missed+1
		}
		fmt.Fprintf(w, "%s (%s): %s\n", f.Name, f.Class, state)
		for _, t := range f.Targets {
			mark := "✓"
			if !t.Met {
				mark = "✗"
			}
			fmt.Fprintf(w, "  %s %s\n", mark, targetLine(t))
		}
		for _, t := range f.Advisories {
			if !t.Met {
				fmt.Fprintf(w, "  ~ %s (advisory)\n", targetLine(t))
			}
		}
		for _, u := range f.NotComputed {
			fmt.Fprintf(w, "  ? %s ≤ %s: not computed, %s\n", u.Name.Label(), amount(u.Limit, u.Name.Unit()), u.Why)
		}
	}
	_, err := fmt.Fprintf(w, "\n%d of %d functions miss a target; account peak p99 concurrency %d of %d\n",
		missed, len(c.Functions), c.Account.PeakP99Concurrency, c.Account.Limit)
	return err
}

// targetLine is "p50 latency 1051 ms (target ≤ 500 ms): why".
func targetLine(t checkTarget) string {
	op := "≤"
	if t.AtLeast {
		op = "≥"
	}
	return fmt.Sprintf("%s %s (target %s %s): %s", t.Name.Label(), amount(t.Value, t.Unit), op, amount(t.Limit, t.Unit), t.Why)
}

// amount formats a value of a unit: ms to 4 significant digits, fractions
// as percent.
func amount(v float64, unit string) string {
	if unit == "ms" {
		return strconv.FormatFloat(v, 'f', 0, 64) + " ms"
	}
	return strconv.FormatFloat(100*v, 'g', 3, 64) + "%"
}

// junitSuites is JUnit XML as CI systems read it: a suite per function, a
// case per target, a failure per missed one, a skipped case per target no
// model computes.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
}

func writeJUnit(w io.Writer, scenario string, c *checkResult) error {
	if scenario == "" {
		scenario = "scenario"
	}
	all := junitSuites{Name: "planner check: " + scenario}
	for _, f := range c.Functions {
		suite := junitSuite{Name: f.Name}
		for _, t := range f.Targets {
			tc := junitCase{Name: string(t.Name), ClassName: scenario + "." + f.Name, SystemOut: targetLine(t)}
			if !t.Met {
				tc.Failure = &junitMessage{Message: targetLine(t), Type: "TargetMissed"}
				suite.Failures++
			}
			suite.Cases = append(suite.Cases, tc)
		}
		for _, u := range f.NotComputed {
			suite.Cases = append(suite.Cases, junitCase{Name: string(u.Name), ClassName: scenario + "." + f.Name,
				Skipped: &junitMessage{Message: "not computed: " + u.Why}})
			suite.Skipped++
		}
		suite.Tests = len(suite.Cases)
		all.Tests += suite.Tests
		all.Failures += suite.Failures
		all.Skipped += suite.Skipped
		all.Suites = append(all.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
