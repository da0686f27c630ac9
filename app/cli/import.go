package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"planner/model"
	"planner/model/awscli"
	"planner/model/powertuning"
)

// runImport implements `planner import power-tuning [FILE|-]` and
// `planner import aws …`.
func runImport(env *Env, args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, "usage: planner import power-tuning [FILE|-] | planner import aws --functions FILE [--concurrency FILE…] [--metrics FILE…] | --commands | --queries")
		return 2
	}
	switch args[0] {
	case "power-tuning":
		return importPowerTuning(env, args[1:])
	case "aws":
		return importAWS(env, args[1:])
	}
	fmt.Fprintf(env.Stderr, "planner import: unknown source %q (power-tuning or aws)\n", args[0])
	return 2
}

// importPowerTuning prints the runs a Power Tuning link or output holds.
func importPowerTuning(env *Env, args []string) int {
	if len(args) > 1 {
		fmt.Fprintln(env.Stderr, "usage: planner import power-tuning [FILE|-]")
		return 2
	}
	file := ""
	if len(args) == 1 {
		file = args[0]
	}
	data, err := readInput(env, file)
	if err != nil {
		return fail(env, "import power-tuning", err.Error())
	}
	res, err := powertuning.Decode(data)
	if err != nil {
		return fail(env, "import power-tuning", err.Error())
	}
	return writeJSON(env, "import power-tuning", res)
}

// awsArgs are the arguments of `planner import aws`.
type awsArgs struct {
	functions            string
	concurrency, metrics []string
	commands, queries    bool
	region               string
	days, part           int
}

// parseAWSArgs reads flags whose lists run to the next flag
// ("--concurrency concurrency.*.json provisioned.*.json", as a shell
// expands them).
func parseAWSArgs(args []string) (awsArgs, error) {
	a := awsArgs{days: 28, part: 1}
	var list *[]string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if !strings.HasPrefix(arg, "-") {
			if list == nil {
				return a, fmt.Errorf("unexpected argument %q", arg)
			}
			*list = append(*list, arg)
			continue
		}
		list = nil
		next := func() (string, error) {
			if hasValue {
				return value, nil
			}
			if i+1 >= len(args) || strings.HasPrefix(args[i+1], "--") {
				return "", fmt.Errorf("--%s needs a value", name)
			}
			i++
			return args[i], nil
		}
		var err error
		switch name {
		case "functions":
			a.functions, err = next()
		case "region":
			a.region, err = next()
		case "days", "part":
			var v string
			if v, err = next(); err == nil {
				n, convErr := strconv.Atoi(v)
				if convErr != nil || n < 1 || n > 455 {
					return a, fmt.Errorf("--%s: %q is not a whole number from 1 to 455", name, v)
				}
				if name == "days" {
					a.days = n
				} else {
					a.part = n
				}
			}
		case "concurrency", "metrics":
			list = &a.concurrency
			if name == "metrics" {
				list = &a.metrics
			}
			if hasValue {
				*list = append(*list, value)
			}
		case "commands":
			a.commands = true
		case "queries":
			a.queries = true
		default:
			return a, fmt.Errorf("unknown flag %s", arg)
		}
		if err != nil {
			return a, err
		}
	}
	return a, nil
}

// importAWS prints a scenario built from AWS CLI outputs (notes on
// stderr), the commands that write them, or a metric-query file.
func importAWS(env *Env, args []string) int {
	const cmd = "import aws"
	a, err := parseAWSArgs(args)
	if err != nil {
		fmt.Fprintln(env.Stderr, "planner import aws:", err)
		return 2
	}
	var inventory []awscli.Function
	if a.functions != "" {
		data, err := readInput(env, a.functions)
		if err != nil {
			return fail(env, cmd, err.Error())
		}
		var errs []error
		if inventory, errs = awscli.ParseFunctions(data); len(errs) > 0 && (a.commands || a.queries) {
			return fail(env, cmd, joinErrors(a.functions, errs))
		}
		if a.commands || a.queries {
			return printAWSHelp(env, a, inventory)
		}
		files := model.AWSFiles{Functions: model.NamedFile{Name: filepath.Base(a.functions), Data: data}}
		for _, name := range a.concurrency {
			label, file, named := strings.Cut(name, "=")
			if !named {
				file, label = name, filepath.Base(name)
			} else {
				label += "=" + filepath.Base(file)
			}
			d, err := os.ReadFile(file)
			if err != nil {
				return fail(env, cmd, err.Error())
			}
			files.Concurrency = append(files.Concurrency, model.NamedFile{Name: label, Data: d})
		}
		for _, name := range a.metrics {
			d, err := os.ReadFile(name)
			if err != nil {
				return fail(env, cmd, err.Error())
			}
			files.Metrics = append(files.Metrics, model.NamedFile{Name: filepath.Base(name), Data: d})
		}
		imp, probs := model.ImportAWS(files)
		if len(probs) > 0 {
			return fail(env, cmd, probs.Error())
		}
		for _, n := range imp.Notes {
			fmt.Fprintln(env.Stderr, "planner import aws: note:", n)
		}
		return writeJSON(env, cmd, imp.Scenario)
	}
	if a.commands {
		return printAWSHelp(env, a, nil)
	}
	fmt.Fprintln(env.Stderr, "planner import aws: --functions FILE is needed (list-functions output); --commands prints how to write it")
	return 2
}

// printAWSHelp prints the commands, or part a.part of the metric queries.
func printAWSHelp(env *Env, a awsArgs, inventory []awscli.Function) int {
	names := make([]string, len(inventory))
	for i, f := range inventory {
		names[i] = f.Name
	}
	if a.commands {
		fmt.Fprint(env.Stdout, awscli.Commands(names, a.region, a.days))
		return 0
	}
	per := awscli.FunctionsPerQueryFile
	parts := max(1, (len(names)+per-1)/per)
	if a.part > parts {
		return fail(env, "import aws", fmt.Sprintf("--part %d: %d functions make %d part(s) of %d", a.part, len(names), parts, per))
	}
	data, err := awscli.QueryFile(names[(a.part-1)*per : min(len(names), a.part*per)])
	if err != nil {
		return fail(env, "import aws", err.Error())
	}
	fmt.Fprintln(env.Stdout, string(data))
	return 0
}

// joinErrors writes a file's errors one per line.
func joinErrors(file string, errs []error) string {
	lines := make([]string, len(errs))
	for i, err := range errs {
		lines[i] = file + ": " + err.Error()
	}
	return strings.Join(lines, "\n")
}
