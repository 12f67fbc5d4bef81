package main

import (
	"fmt"

	"diglot/build"
	"diglot/fonts"
)

// buildCmd is `diglot build`.
type buildCmd struct {
	Out       string   `short:"o" default:"out" help:"Output directory."`
	Paper     string   `default:"a4" enum:"a4,letter" help:"Paper size: a4 or letter."`
	Title     string   `help:"Title (overrides the front matter)."`
	Author    string   `help:"Author (overrides the front matter)."`
	FontCJK   string   `name:"font-cjk" type:"existingfile" help:"A TrueType font for Chinese text."`
	FontLatin string   `name:"font-latin" type:"existingfile" help:"A TrueType font for English text."`
	Files     []string `arg:"" help:"Articles to build (- for standard input)."`
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
	opt := build.Options{OutDir: b.Out, Paper: b.Paper, Title: b.Title, Author: b.Author, Created: created}
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
			fmt.Fprintf(c.stdout, "%s  %d pages  %d KB\n", r.Path, r.Pages, (r.Bytes+1023)/1024)
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
