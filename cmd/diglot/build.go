package main

import "fmt"

// buildCmd is `diglot build`.
type buildCmd struct {
	Files []string `arg:"" help:"Articles to build (- for standard input)."`
}

func (b *buildCmd) run(c *cli) int {
	fmt.Fprintln(c.stderr, "diglot build: not implemented yet")
	return exitFail
}
