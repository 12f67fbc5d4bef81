// Command diglot turns a bilingual Chinese–English article into a
// parallel-text EPUB 3 and a two-column PDF.
//
// Usage:
//
//	diglot build [flags] FILE...   write OUT/NAME.epub and OUT/NAME.pdf
//	diglot parse [--json] FILE     show how the article was read and paired
//	diglot version                 print the version
package main

import (
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"diglot/build"
)

// softMemoryLimit keeps the heap of a book-length build near its live size
// (about 60 MB for the 2 MB article, whose pages go to the PDF writer as
// they are finished) rather than letting the collector's default pacing
// double it. A bigger book is not refused: the limit is soft. GOMEMLIMIT,
// when set, wins.
const softMemoryLimit = 100 << 20

// gcPercent is the collector's pacing (GOGC) below softMemoryLimit.
const gcPercent = 400

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		// under the soft limit, collect less often: a short article's
		// build is over before its heap would be worth collecting
		debug.SetGCPercent(gcPercent)
	}
	temps := build.NewTempFiles()
	removeTempsOnSignal(temps)
	c := newCLI(os.Stdin, os.Stdout, os.Stderr)
	c.temps = temps
	os.Exit(c.run(os.Args[1:]))
}

// removeTempsOnSignal makes SIGINT and SIGTERM remove the temporary
// outputs being written before the process ends (with 130 or 143, as a
// shell reports a signal), so an interrupted build leaves nothing beside
// the previous outputs.
func removeTempsOnSignal(temps *build.TempFiles) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		temps.RemoveAll()
		os.Exit(128 + int(sig.(syscall.Signal)))
	}()
}

// Exit statuses, in the style of the Go tool.
const (
	exitOK    = 0
	exitFail  = 1 // an input failed
	exitUsage = 2 // the command line was wrong
)

// run is the whole command, callable in-process from tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return newCLI(stdin, stdout, stderr).run(args)
}
