package main

import (
	"fmt"
	"slices"

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
	FontCJK      string   `name:"font-cjk" type:"existingfile" help:"A TrueType font for Chinese text."`
	FontLatin    string   `name:"font-latin" type:"existingfile" help:"A TrueType font for English text."`
	NoEmbedFonts bool     `name:"no-embed-fonts" help:"Leave the EPUB's fonts to the reading system."`
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
	opt := build.Options{
		OutDir: b.Out, Paper: b.Paper, Left: b.Left, EPUBLayout: b.EPUBLayout, NoEmbedFonts: b.NoEmbedFonts,
		Title: b.Title, Author: b.Author, Created: created,
		PDF: slices.Contains(b.Format, "pdf"), EPUB: slices.Contains(b.Format, "epub"),
	}
	status := exitOK
	for _, f := range b.Files {
		name, src, err := readInput(f, c.stdin)
		if err != nil {
			fmt.Fprintln(c.stderr, "diglot:", err)
			status = exitFail
			continue
		}
		results, err := build.Article(name, src, set, opt, c.stderr)
		if err != nil {
			fmt.Fprintln(c.stderr, "diglot:", err)
			status = exitFail
			continue
		}
		for _, r := range results {
			fmt.Fprintln(c.stdout, r)
		}
	}
	return status
}

func (b *buildCmd) loadFonts(set *fonts.Set) error {
	if b.FontCJK != "" {
		if err := overrideFont(set, b.FontCJK, fonts.CJKRegular, fonts.CJKBold); err != nil {
			return err
		}
	}
	if b.FontLatin != "" {
		return overrideFont(set, b.FontLatin, fonts.LatinRegular, fonts.LatinItalic, fonts.LatinBold)
	}
	return nil
}

func overrideFont(set *fonts.Set, path string, roles ...fonts.Role) error {
	_, data, err := readInput(path, nil)
	if err != nil {
		return err
	}
	return set.Override(data, path, roles...)
}
