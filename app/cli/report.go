package cli

import (
	"flag"
	"fmt"
	"io"
	"math"

	"planner/model"
)

// runReport implements `planner report [FILE|-] [--format json|markdown|csv]`.
func runReport(env *Env, args []string) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "json", "output format: json, markdown, csv or prometheus")
	file, err := parseWithOneFile(fs, args)
	if err != nil {
		return 2
	}
	s, code := loadScenario(env, "report", file)
	if s == nil {
		return code
	}
	r, probs := model.Evaluate(s)
	if len(probs) > 0 {
		return fail(env, "report", probs.Error())
	}
	var write func(io.Writer, *model.Report) error
	switch *format {
	case "json":
		return writeJSON(env, "report", r)
	case "markdown", "md":
		write = model.WriteMarkdown
	case "csv":
		write = model.WriteCSV
	case "prometheus":
		write = model.WritePrometheusRules
	default:
		fmt.Fprintf(env.Stderr, "planner report: unknown format %q (json, markdown or csv)\n", *format)
		return 2
	}
	if err := write(env.Stdout, r); err != nil {
		return fail(env, "report", err.Error())
	}
	return 0
}

// parseWithOneFile parses flags that may stand before or after one optional
// positional FILE argument.
func parseWithOneFile(fs *flag.FlagSet, args []string) (string, error) {
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	file := ""
	if fs.NArg() > 0 {
		file = fs.Arg(0)
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			return "", err
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(fs.Output(), "unexpected argument %q\n", fs.Arg(0))
			return "", fmt.Errorf("too many arguments")
		}
	}
	return file, finiteFlags(fs)
}

// finiteFlags refuses a number flag set to NaN or an infinity, which
// strconv reads and no range check catches.
func finiteFlags(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if g, ok := f.Value.(flag.Getter); ok {
			if x, ok := g.Get().(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) && err == nil {
				fmt.Fprintf(fs.Output(), "--%s: must be a finite number, got %s\n", f.Name, f.Value)
				err = fmt.Errorf("--%s: not a finite number", f.Name)
			}
		}
	})
	return err
}
