package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"planner/model"
	"planner/model/backup"
)

// defaultLinkBase is where `make serve` runs the planner.
const defaultLinkBase = "http://localhost:8000/"

// runLink implements `planner link [FILE|-] [--base URL]`: the share URL of
// a scenario (the default scenario without FILE).
func runLink(env *Env, args []string) int {
	fs := flag.NewFlagSet("link", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	base := fs.String("base", defaultLinkBase, "address of the planner the link opens")
	file, err := parseWithOneFile(fs, args)
	if err != nil {
		return 2
	}
	s, code := loadScenario(env, "link", file)
	if s == nil {
		return code
	}
	u, err := model.LinkURL(*base, s)
	if err != nil {
		return fail(env, "link", err.Error())
	}
	fmt.Fprintln(env.Stdout, u)
	return 0
}

// runOpen implements `planner open URL`: the scenario a share link carries.
func runOpen(env *Env, args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(env.Stderr, "usage: planner open URL")
		return 2
	}
	s, probs := model.DecodeLink(args[0])
	if len(probs) > 0 {
		return fail(env, "open", probs.Error())
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fail(env, "open", err.Error())
	}
	fmt.Fprintln(env.Stdout, string(data))
	return 0
}

// loadScenario reads FILE (or stdin for "-"), or gives the default scenario
// for no file. On failure it prints the problems and returns the status.
func loadScenario(env *Env, cmd, file string) (*model.Scenario, int) {
	if file == "" {
		d := model.DefaultScenario()
		return &d, 0
	}
	file, entry := backupEntry(file)
	data, err := readInput(env, file)
	if err != nil {
		return nil, fail(env, cmd, err.Error())
	}
	if backup.Is(data) {
		return openBackup(env, cmd, file, entry, data)
	}
	s, probs := model.ParseScenario(data)
	if len(probs) > 0 {
		return nil, fail(env, cmd, probs.Error())
	}
	return s, 0
}

// backupEntry splits "FILE#NAME" (a scenario of a backup file) when FILE
// exists and FILE#NAME does not.
func backupEntry(file string) (string, string) {
	i := strings.LastIndexByte(file, '#')
	if i < 0 {
		return file, ""
	}
	if _, err := os.Stat(file); err == nil {
		return file, ""
	}
	return file[:i], file[i+1:]
}

// openBackup opens the scenario named entry of a backup file; a backup of
// one scenario needs no name.
func openBackup(env *Env, cmd, file, entry string, data []byte) (*model.Scenario, int) {
	b, probs := backup.Parse(data)
	if len(probs) > 0 {
		return nil, fail(env, cmd, probs.Error())
	}
	if entry == "" {
		if len(b.Scenarios) != 1 {
			return nil, fail(env, cmd, fmt.Sprintf("%s is a backup of %d scenarios: choose one with %s#NAME (%s)", file, len(b.Scenarios), file, strings.Join(b.Names(), ", ")))
		}
		entry = b.Scenarios[0].Name
	}
	raw, probs := b.Scenario(entry)
	if len(probs) > 0 {
		return nil, fail(env, cmd, probs.Error())
	}
	s, probs := model.ParseScenario(raw)
	if len(probs) > 0 {
		return nil, fail(env, cmd, strconv.Quote(entry)+" in "+file+": "+probs.Error())
	}
	return s, 0
}
