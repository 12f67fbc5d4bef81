package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"diglot/build"
	"diglot/fonts"
)

// buildCmd is `diglot build`.
type buildCmd struct {
	Out          string   `short:"o" default:"out" help:"Output directory."`
	Format       []string `default:"epub,pdf" enum:"epub,pdf" help:"Formats to write: epub, pdf or both (epub,pdf)."`
	Title        string   `help:"Title (overrides the front matter)."`
	Author       string   `help:"Author (overrides the front matter)."`
	Paper        string   `enum:"a4,letter," default:"" help:"PDF paper size: a4 (default) or letter."`
	Left         string   `enum:"zh,en," default:"" help:"The language of the left column (PDF) and first in each pair (EPUB): zh (default) or en."`
	EPUBLayout   string   `name:"epub-layout" enum:"auto,stacked,side-by-side," default:"" help:"EPUB pairs: auto (default: side by side on wide screens), stacked or side-by-side."`
	From         string   `enum:"markdown,text," default:"" help:"The articles' format: markdown or text (default: markdown for .md and .markdown, text otherwise)."`
	Columns      string   `help:"The PDF's column widths as zh:en parts, such as 1:1 (default: chosen so the columns come out equally tall)."`
	FontCJK      string   `name:"font-cjk" type:"existingfile" help:"A TrueType font for Chinese text."`
	FontLatin    string   `name:"font-latin" type:"existingfile" help:"A TrueType font for English text."`
	NoEmbedFonts bool     `name:"no-embed-fonts" help:"Leave the EPUB's fonts to the reading system."`
	Translation  string   `help:"The translation of the one article given, kept as a file of its own (plain text or Markdown, either language); its paragraphs are paired with the article's by content."`
	Jobs         int      `short:"j" default:"0" help:"Articles built at once (default: the number of CPUs)."`
	Files        []string `arg:"" help:"Articles to build (- for standard input)."`
}

func (b *buildCmd) run(c *cli) int {
	set := fonts.NewSet()
	if err := b.loadFonts(set); err != nil {
		fmt.Fprintln(c.stderr, "diglot:", err)
		return exitFail
	}
	created, err := build.SourceDate()
	if err != nil {
		fmt.Fprintln(c.stderr, "diglot:", err)
		return exitUsage
	}
	if b.Columns != "" {
		if _, err := build.ParseColumns(b.Columns); err != nil {
			fmt.Fprintln(c.stderr, "diglot: --columns:", err)
			return exitUsage
		}
	}
	if b.Translation != "" && len(b.Files) != 1 {
		fmt.Fprintf(c.stderr, "diglot: --translation goes with one article, not %d\n", len(b.Files))
		return exitUsage
	}
	if n := strings.Count(strings.Join(append(slices.Clone(b.Files), b.Translation), "\x00")+"\x00", "-\x00"); n > 1 {
		fmt.Fprintln(c.stderr, "diglot: standard input (-) can be read only once")
		return exitUsage
	}
	byBase := map[string]string{}
	for _, f := range b.Files {
		base := build.OutputBase(f)
		if base == "" {
			continue
		}
		if other, ok := byBase[base]; ok {
			fmt.Fprintf(c.stderr, "diglot: %s and %s would both be written as %s.*: build them with different -o\n", other, f, filepath.Join(b.Out, base))
			return exitUsage
		}
		byBase[base] = f
	}
	opt := build.Options{
		OutDir: b.Out, Paper: b.Paper, Left: b.Left, EPUBLayout: b.EPUBLayout, Columns: b.Columns, NoEmbedFonts: b.NoEmbedFonts,
		Title: b.Title, Author: b.Author, Created: created, Temps: c.temps, From: b.From,
		PDF: slices.Contains(b.Format, "pdf"), EPUB: slices.Contains(b.Format, "epub"),
	}
	jobs := b.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	rep := newReporter(c.stdout, c.stderr, len(b.Files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, jobs)
	for _, f := range b.Files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			rep.done(f, buildOne(f, b.Translation, c.stdin, set, opt))
		}()
	}
	wg.Wait()
	rep.finish()
	if rep.failed > 0 {
		return exitFail
	}
	return exitOK
}

// outcome is what building one input produced: its messages, its outputs
// or its error.
type outcome struct {
	diag    bytes.Buffer
	results []build.Result
	elapsed time.Duration
	err     error
}

// buildOne builds one article, with its translation when trPath is not "".
func buildOne(path, trPath string, stdin io.Reader, set *fonts.Set, opt build.Options) *outcome {
	o := &outcome{}
	start := time.Now()
	name, src, err := readInput(path, stdin, maxArticleBytes)
	if err != nil {
		o.err = err
		return o
	}
	if trPath == "" {
		o.results, o.err = build.Article(name, src, set, opt, &o.diag)
	} else {
		trName, trSrc, err := readInput(trPath, stdin, maxArticleBytes)
		if err != nil {
			o.err = err
			return o
		}
		o.results, o.err = build.Translated(name, src, trName, trSrc, set, opt, &o.diag)
	}
	o.elapsed = time.Since(start)
	return o
}

// reporter prints each input's messages and result lines together, as the
// input finishes, and a progress line on a terminal when there are several.
type reporter struct {
	mu             sync.Mutex
	stdout, stderr io.Writer
	total, count   int
	failed         int
	progress       bool
}

func newReporter(stdout, stderr io.Writer, total int) *reporter {
	return &reporter{stdout: stdout, stderr: stderr, total: total, progress: total > 1 && isTerminal(stderr)}
}

func (r *reporter) done(path string, o *outcome) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.count++
	if r.progress {
		fmt.Fprint(r.stderr, "\r\x1b[K") // clear the progress line
	}
	r.stderr.Write(o.diag.Bytes())
	if o.err != nil {
		r.failed++
		fmt.Fprintln(r.stderr, "diglot:", o.err)
	}
	for _, res := range o.results {
		fmt.Fprintf(r.stdout, "%s  %d ms\n", res, o.elapsed.Milliseconds())
	}
	if r.progress && r.count < r.total {
		fmt.Fprintf(r.stderr, "[%d/%d] built %s", r.count, r.total, path)
	}
}

func (r *reporter) finish() {
	if r.progress {
		fmt.Fprint(r.stderr, "\r\x1b[K")
	}
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func (b *buildCmd) loadFonts(set *fonts.Set) error {
	if b.FontCJK != "" {
		if err := overrideFont(set, b.FontCJK, fonts.CJKRegular, fonts.CJKBold, fonts.CJKTradRegular, fonts.CJKTradBold); err != nil {
			return err
		}
	}
	if b.FontLatin != "" {
		return overrideFont(set, b.FontLatin, fonts.LatinRegular, fonts.LatinItalic, fonts.LatinBold)
	}
	return nil
}

func overrideFont(set *fonts.Set, path string, roles ...fonts.Role) error {
	if path == "-" {
		return fmt.Errorf("FONT: %s: a font is read from a file, not from standard input", path)
	}
	_, data, err := readInput(path, nil, maxFontBytes)
	if err != nil {
		return fmt.Errorf("FONT: %w", err)
	}
	if err := set.Override(data, path, roles...); err != nil {
		return fmt.Errorf("FONT: %w", err)
	}
	return nil
}
