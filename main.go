// Command planner is the serverless capacity planner: in the browser (as
// WebAssembly) it is the app; natively it is the command line.
package main

import (
	"os"
	"runtime"

	"planner/app/cli"
)

func main() {
	if runtime.GOOS == "js" {
		return
	}
	os.Exit(cli.Run(os.Args[1:], &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
