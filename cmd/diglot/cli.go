package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/alecthomas/kong"

	"diglot/article"
)

// version is set at link time (-ldflags "-X main.version=...").
var version = "dev"

// cli holds the command line grammar and the process's streams.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	Build   buildCmd   `cmd:"" help:"Build the EPUB and PDF of one or more articles."`
	Parse   parseCmd   `cmd:"" help:"Show how an article is read and paired."`
	Version versionCmd `cmd:"" help:"Print the version."`
}

func newCLI(stdin io.Reader, stdout, stderr io.Writer) *cli {
	return &cli{stdin: stdin, stdout: stdout, stderr: stderr}
}

// exitRequest carries an exit status out of kong's help handling.
type exitRequest struct{ code int }

func (c *cli) run(args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			req, ok := r.(exitRequest)
			if !ok {
				panic(r)
			}
			code = req.code
		}
	}()
	parser, err := kong.New(c,
		kong.Name("diglot"),
		kong.Description("Turn a bilingual Chinese–English article into a parallel-text EPUB and a two-column PDF."),
		kong.Writers(c.stdout, c.stderr),
		kong.Exit(func(code int) { panic(exitRequest{code}) }),
		kong.UsageOnError(),
	)
	if err != nil {
		fmt.Fprintln(c.stderr, "diglot:", err)
		return exitUsage
	}
	switch {
	case len(args) == 0:
		args = []string{"--help"}
	case args[0] == "help": // `diglot help [command]`, as the Go tool has it
		args = append(args[1:], "--help")
	}
	ctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintln(c.stderr, "diglot:", err)
		return exitUsage
	}
	switch ctx.Command() {
	case "version":
		fmt.Fprintln(c.stdout, "diglot", version)
		return exitOK
	case "parse <file>":
		return c.Parse.run(c)
	default:
		return c.Build.run(c)
	}
}

type versionCmd struct{}

// parseCmd is `diglot parse`.
type parseCmd struct {
	JSON bool   `help:"Print the document as JSON on stdout."`
	File string `arg:"" help:"The article (- for standard input)."`
}

func (p *parseCmd) run(c *cli) int {
	name, src, err := readInput(p.File, c.stdin)
	if err != nil {
		fmt.Fprintln(c.stderr, "diglot:", err)
		return exitFail
	}
	doc, diags := article.Parse(name, src)
	for _, d := range diags {
		fmt.Fprintln(c.stderr, d)
	}
	if doc == nil {
		return exitFail
	}
	if p.JSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc.JSON()); err != nil {
			fmt.Fprintln(c.stderr, "diglot:", err)
			return exitFail
		}
		return exitOK
	}
	printSummary(c.stdout, doc, diags)
	return exitOK
}

// printSummary writes the readable form of `diglot parse`.
func printSummary(w io.Writer, doc *article.Document, diags article.Diagnostics) {
	counts := map[article.Kind]int{}
	for _, b := range doc.Blocks {
		counts[b.Kind]++
	}
	fmt.Fprintf(w, "title:    %s\n", doc.Title())
	fmt.Fprintf(w, "language: %s, %s first\n", doc.Language(), doc.Order)
	fmt.Fprintf(w, "pairs:    %d (%d paragraphs, %d headings, %d list items)\n",
		len(doc.Blocks), counts[article.Paragraph], counts[article.Heading], counts[article.ListItem])
	fmt.Fprintf(w, "warnings: %d\n", len(diags))
}

// readInput reads a named file, or standard input for "-".
func readInput(path string, stdin io.Reader) (name string, src []byte, err error) {
	if path == "-" {
		src, err = io.ReadAll(stdin)
		return "<stdin>", src, err
	}
	src, err = os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return path, nil, fmt.Errorf("%s: no such file", path)
	}
	return path, src, err
}
