package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/alecthomas/kong"

	"diglot/article"
	"diglot/build"
)

// version is set at link time (-ldflags "-X main.version=...").
var version = "dev"

// cli holds the command line grammar and the process's streams.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	temps          *build.TempFiles // the build's temporary outputs, for the signal handler; may be nil

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
	JSON        bool   `help:"Print the document as JSON on stdout."`
	Review      bool   `help:"List the pairs the aligner is least sure of (confidence under 0.5) and the one-sided pairs, with both sides' first words and source lines, for a translator to check."`
	Translation string `help:"The article's translation, kept as a file of its own; its paragraphs are paired with the article's by content."`
	From        string `enum:"markdown,text," default:"" help:"The article's format: markdown or text (default: markdown for .md and .markdown, text otherwise)."`
	File        string `arg:"" help:"The article (- for standard input)."`
}

func (p *parseCmd) run(c *cli) int {
	name, src, err := readInput(p.File, c.stdin, maxArticleBytes)
	if err != nil {
		fmt.Fprintln(c.stderr, "diglot:", err)
		return exitFail
	}
	var doc *article.Document
	var diags article.Diagnostics
	if p.Translation == "" {
		doc, diags = article.ParseFormat(name, src, build.InputFormat(name, p.From))
	} else {
		if p.File == "-" && p.Translation == "-" {
			fmt.Fprintln(c.stderr, "diglot: standard input (-) can be read only once")
			return exitUsage
		}
		trName, trSrc, err := readInput(p.Translation, c.stdin, maxArticleBytes)
		if err != nil {
			fmt.Fprintln(c.stderr, "diglot:", err)
			return exitFail
		}
		doc, diags = article.ParseTranslation(
			article.Source{Name: name, Data: src, Format: build.InputFormat(name, p.From)},
			article.Source{Name: trName, Data: trSrc, Format: build.InputFormat(trName, p.From)})
	}
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
	if p.Review {
		printReview(c.stdout, doc)
		return exitOK
	}
	printSummary(c.stdout, doc, diags)
	return exitOK
}

// printReview writes the pairs whose confidence is under
// article.ReviewThreshold, and the one-sided pairs (a paragraph the
// translation may have missed): each side's source lines, in its file,
// and its first words.
func printReview(w io.Writer, doc *article.Document) {
	files := [2]string{doc.Name, doc.Name}
	if doc.Translation != "" {
		files[doc.Order.Other()] = doc.Translation
	}
	listed := 0
	for i, b := range doc.Blocks {
		if b.Confidence >= article.ReviewThreshold && len(b.ZH) > 0 && len(b.EN) > 0 {
			continue
		}
		listed++
		fmt.Fprintf(w, "pair %d, confidence %.2f:\n", i+1, b.Confidence)
		for lang, side := range [][]article.Para{b.ZH, b.EN} {
			name := article.Lang(lang).String()
			if len(side) == 0 {
				fmt.Fprintf(w, "  %s  (none: a one-sided pair)\n", name)
				continue
			}
			var lines []string
			for _, p := range side {
				for _, l := range p.Lines {
					lines = append(lines, strconv.Itoa(l.No))
				}
			}
			fmt.Fprintf(w, "  %s  %s:%s  %s\n", name, files[lang], strings.Join(lines, ","), firstWords(side[0].Text, reviewWords))
		}
	}
	if listed == 0 {
		fmt.Fprintf(w, "every one of the %d pairs has two sides and a confidence of %.2f or more\n", len(doc.Blocks), article.ReviewThreshold)
	}
}

// reviewWords is how many characters of each side printReview shows.
const reviewWords = 48

// firstWords returns the first n characters of s, with an ellipsis when
// there are more.
func firstWords(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
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

// The largest article and font diglot reads. An article of 32 MiB is
// about 16 times the largest real one in the corpus; the largest CJK fonts
// (Pan-CJK collections aside) are under 40 MiB.
const (
	maxArticleBytes = 32 << 20
	maxFontBytes    = 64 << 20
)

// readInput reads a named file, or standard input for "-", refusing more
// than limit bytes (a 3 GB file or /dev/zero is an error, not a crash).
func readInput(path string, stdin io.Reader, limit int64) (name string, src []byte, err error) {
	name = path
	var r io.Reader
	if path == "-" {
		name, r = "<stdin>", stdin
	} else {
		f, err := os.Open(path)
		if errors.Is(err, os.ErrNotExist) {
			return path, nil, fmt.Errorf("%s: no such file", path)
		}
		if err != nil {
			return path, nil, err
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil && info.IsDir() {
			return path, nil, fmt.Errorf("%s: is a directory", path)
		}
		r = f
	}
	src, err = io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return name, nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(src)) > limit {
		return name, nil, fmt.Errorf("%s: larger than %d MiB, the most diglot reads", name, limit>>20)
	}
	return name, src, nil
}
