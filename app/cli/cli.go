// Package cli is the planner's command line: the same model as the browser,
// run natively so a scenario can be checked in CI.
package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// maxInput bounds what a command reads from a file or standard input.
const maxInput = 256 << 20

// command is one subcommand of planner.
type command struct {
	name, args, help string
	run              func(env *Env, args []string) int
}

// Env is what a command reads and writes.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Handler describes the site for build, given app.wasm's size.
	Handler func(wasmSize string) *app.Handler
	// NetlifyTOML holds the production headers serve applies.
	NetlifyTOML []byte
}

func commands() []command {
	return []command{
		{"calc", "MODEL", "run one model of the spec: JSON on stdin, JSON on stdout", runCalc},
		{"report", "[FILE|-] [--format json|markdown|csv|prometheus]", "the full report of a scenario (the default scenario without FILE)", runReport},
		{"check", "[FILE|-] [--format text|json|junit]", "whether every function meets its targets: exit 0 when all are met, 1 when one is missed, 2 on invalid input", runCheck},
		{"tune", "[FILE|-]", "the scenario with each function at the cheapest configuration that meets its targets (stdout; the changes on stderr)", runTune},
		{"simulate", "[FILE|-] [--function NAME] [--keep-alive MIN] [--seed N]", "a simulated day of each function: cold starts, latency, instances, cost", runSimulate},
		{"policies", "[FILE|-] [--function NAME] [--shadow]", "provisioned-concurrency policies compared on two held-out days", runPolicies},
		{"link", "[FILE|-] [--base URL]", "the share link of a scenario (the default scenario without FILE)", runLink},
		{"open", "URL", "the scenario a share link carries, as JSON", runOpen},
		{"import", "power-tuning [FILE|-] | aws --functions FILE [--concurrency FILE…] [--metrics FILE…] | aws --commands [--functions FILE] [--region R] [--days N] | aws --queries --functions FILE [--part K]",
			"read AWS Lambda Power Tuning results, or an account's AWS CLI outputs as a scenario (--commands prints the AWS CLI commands that write them)", runImport},
		{"export", "terraform|sam|cloudwatch-alarms [FILE|-]", "the plan as Terraform, a SAM template or CloudWatch put-metric-alarm requests (the default scenario without FILE)", runExport},
		{"clouds", "[FILE|-] [--format json|markdown] [--cpu-bound-share S] [--free-tier=false]", "the scenario on every platform: monthly bill by meter, instances, cold starts, p99 latency, cost against traffic and the crossovers", runClouds},
		{"build", "[--out dist] [--web web]", "write the static site (after building web/app.wasm)", runBuild},
		{"serve", "[--addr HOST:PORT] [--dir dist]", "serve the built site with the production headers", runServe},
	}
}

// Run executes planner with its arguments (without the program name) and
// returns the exit status: 0 success, 1 invalid input, 2 usage error.
func Run(args []string, env *Env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		return boolStatus(len(args) > 0)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "planner: unknown command %q\n", args[0])
	usage(env.Stderr)
	return 2
}

func boolStatus(ok bool) int {
	if ok {
		return 0
	}
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: planner COMMAND [ARGS]")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  planner %s %s\n      %s\n", c.name, c.args, c.help)
	}
	fmt.Fprintln(w, "\nA scenario FILE may be a backup of the browser's saved scenarios: FILE#NAME reads one of them.")
}

// readInput reads FILE, or standard input for "-" or no file.
func readInput(env *Env, file string) ([]byte, error) {
	var r io.Reader = env.Stdin
	if file != "" && file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("input larger than %d MiB", maxInput>>20)
	}
	return data, nil
}

// fail prints one line per problem, prefixed with the command, and returns 1.
func fail(env *Env, cmd string, lines string) int {
	for _, line := range strings.Split(lines, "\n") {
		fmt.Fprintf(env.Stderr, "planner %s: %s\n", cmd, line)
	}
	return 1
}
