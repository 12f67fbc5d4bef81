// Package build runs the pipeline for one article: parse, clean up, typeset,
// write. It is the only package that reads files, the clock or the
// environment, and it writes every output atomically.
package build

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"diglot/article"
	"diglot/fonts"
	"diglot/layout"
	"diglot/pdf"
)

// Options are the settings of one build.
type Options struct {
	OutDir  string
	Paper   string // a4 or letter
	Title   string // overrides the front matter
	Author  string
	Created time.Time // the date written into outputs
}

// Result describes a finished output.
type Result struct {
	Path  string
	Pages int
	Bytes int
}

// SourceDate returns the date to stamp outputs with: SOURCE_DATE_EPOCH when
// set, else a fixed date, so that builds are reproducible.
func SourceDate() (time.Time, error) {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", v)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil
}

// Article builds the PDF of one article read from src (named name) and
// returns the output, printing diagnostics to diag.
func Article(name string, src []byte, set *fonts.Set, opt Options, diag io.Writer) ([]Result, error) {
	doc, diags := article.Parse(name, src)
	for _, d := range diags {
		fmt.Fprintln(diag, d)
	}
	if doc == nil {
		return nil, fmt.Errorf("%s: not built", name)
	}
	if opt.Title != "" {
		doc.Meta.Title, doc.Meta.TitleEN = opt.Title, ""
	}
	if opt.Author != "" {
		doc.Meta.Author = opt.Author
	}
	outPath, err := outputPath(name, doc, opt.OutDir, ".pdf")
	if err != nil {
		return nil, err
	}
	clean := article.Clean(doc)
	paper := layout.A4
	if strings.EqualFold(opt.Paper, "letter") {
		paper = layout.Letter
	}
	spec := layout.DefaultSpec(paper)
	if !titleInBody(doc) {
		spec.Title, spec.TitleEN = doc.Meta.Title, doc.Meta.TitleEN
	}
	spec.Byline = byline(doc.Meta)
	spec.RunningHead = doc.Title()
	book, err := layout.Typeset(clean, set, spec)
	if err != nil {
		return nil, err
	}
	if len(book.Missing) > 0 {
		var cps []string
		for _, r := range book.Missing {
			cps = append(cps, fmt.Sprintf("U+%04X", r))
		}
		fmt.Fprintf(diag, "%s:1: warning: no glyph for %s in any font; drawn as U+FFFD\n", name, strings.Join(cps, ", "))
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, book, set, pdf.Meta{Title: doc.Title(), Author: doc.Meta.Author, Subject: doc.Meta.Description, Created: opt.Created}); err != nil {
		return nil, err
	}
	if err := writeAtomic(outPath, buf.Bytes()); err != nil {
		return nil, err
	}
	return []Result{{Path: outPath, Pages: len(book.Pages), Bytes: buf.Len()}}, nil
}

// titleInBody reports whether the title is the article's leading heading
// pair, which then opens the columns instead of a separate title block.
func titleInBody(doc *article.Document) bool {
	if len(doc.Blocks) == 0 || doc.Blocks[0].Kind != article.Heading {
		return false
	}
	b := doc.Blocks[0]
	return len(b.ZH) > 0 && b.ZH[0].Text == doc.Meta.Title || len(b.EN) > 0 && b.EN[0].Text == doc.Meta.TitleEN
}

func byline(m article.Meta) string {
	var parts []string
	for _, p := range []string{m.Author, m.Date, m.Source} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// outputPath returns OUT/NAME.ext for an input, refusing to overwrite the
// input itself.
func outputPath(input string, doc *article.Document, outDir, ext string) (string, error) {
	base := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	if input == "-" || input == "<stdin>" {
		base = safeName(doc.Meta.TitleEN)
		if base == "" {
			base = "article"
		}
	}
	out := filepath.Join(outDir, base+ext)
	if ia, err := filepath.Abs(input); err == nil {
		if oa, err := filepath.Abs(out); err == nil && ia == oa {
			return "", fmt.Errorf("%s: the output would overwrite the input", input)
		}
	}
	return out, nil
}

// safeName reduces a title to a file name without directories.
func safeName(title string) string {
	var b strings.Builder
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ' || r == '.':
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-.")
}

// writeAtomic writes data to a temporary file beside path and renames it
// into place, so a failed build never leaves a partial or half-old file.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
