package article

import (
	"path/filepath"
	"strings"
)

// EndMarker is the line that ends an article.
const EndMarker = "END"

// Parse reads an article in the format its name implies (FormatOf). name
// is used in diagnostics and as the fallback title. It returns the document
// and every diagnostic; when any diagnostic is an error the document is nil.
func Parse(name string, src []byte) (*Document, Diagnostics) {
	return ParseFormat(name, src, FormatOf(name))
}

// ParseFormat reads an article written in the given format.
func ParseFormat(name string, src []byte, format Format) (*Document, Diagnostics) {
	c := &collector{file: name}
	// a Markdown page ends where its file does (END still ends it early)
	meta, units, ok := readUnits(src, format, c, format != Markdown, true)
	if !ok {
		return nil, c.diags
	}
	order, ok := detectOrder(units)
	if !ok {
		c.errorf(units[0].lines[0].No, "no Chinese or English paragraph found (the text has no Han characters and no English sentences)")
		return nil, c.diags
	}
	order = likelierOrder(units, order)
	units = splitTwins(units, order)
	resolveLanguages(units, order)
	placeByAlignment(units, order)
	if !checkBothLanguages(units, c) {
		return nil, c.diags
	}
	warnLanguageGuesses(units, c)
	shown, _ := DropUnwritable(name) // the writers may show the file name as a title
	doc := &Document{Name: shown, Meta: meta, Order: order}
	doc.Blocks = makeBlocks(units, pairUnits(units, order, c), format)
	if doc.Meta.Language == "" {
		doc.Meta.Language = detectScript(doc.Blocks)
	}
	traditionalLabels(doc)
	setTitle(doc, c)
	return doc, c.diags
}

// readUnits reads one file's front matter and paragraphs (units), up to
// END. A file without END is read to its end, with a warning when
// wantEnd says END is expected; originals says whether an original kept
// in comments is read (one file; of two, the original is the other file).
// ok is false when the file cannot be used (its errors are in c).
func readUnits(src []byte, format Format, c *collector, wantEnd, originals bool) (Meta, []unit, bool) {
	lines := decode(src, c)
	if c.diags.HasErrors() {
		return Meta{}, nil, false
	}
	meta, body := splitFrontMatter(lines, c)
	if c.diags.HasErrors() {
		return Meta{}, nil, false
	}
	body = withoutConflictMarkers(cutAtEnd(body, c, wantEnd), c)
	var units []unit
	if format == Markdown {
		var title string
		units, title = markdownUnits(body, c, originals)
		meta.addTitle(title)
	} else {
		units = makeUnits(body)
	}
	if len(units) == 0 {
		reportEmpty(lines, body, c)
		return Meta{}, nil, false
	}
	return meta, units, true
}

// cutAtEnd drops the END line and what follows it, with a warning when text
// is ignored or when the marker is missing (if wantEnd). Only a line that is
// exactly END (trailing spaces allowed, no indentation) is the marker.
func cutAtEnd(body []rawLine, c *collector, wantEnd bool) []rawLine {
	for i, l := range body {
		if l.text != EndMarker || l.indented {
			if looksLikeEnd(l.text) {
				c.warnf(l.no, "%q is not the END marker (only a line that is exactly END ends the article); kept as text", l.text)
			}
			continue
		}
		ignored, first := 0, 0
		for _, after := range body[i+1:] {
			if after.text != "" {
				if first == 0 {
					first = after.no
				}
				ignored++
			}
		}
		if ignored > 0 {
			c.warnf(first, "%d line(s) after the END marker (line %d) are ignored", ignored, l.no)
		}
		return body[:i]
	}
	if len(body) > 0 && wantEnd {
		c.warnf(body[len(body)-1].no, "no END marker; the article is read to the end of the file")
	}
	return body
}

// looksLikeEnd reports whether a line could be a mistyped END marker.
func looksLikeEnd(s string) bool {
	return strings.EqualFold(strings.Trim(s, ".。!！ "), EndMarker)
}

// reportEmpty explains why there is no paragraph.
func reportEmpty(all, body []rawLine, c *collector) {
	for _, l := range all {
		if l.text == EndMarker && !l.indented {
			c.errorf(1, "no paragraphs before END: the article is empty")
			return
		}
	}
	c.errorf(1, "empty article: the file holds no text")
}

// checkBothLanguages refuses an article written in one language only.
func checkBothLanguages(units []unit, c *collector) bool {
	var seen [2]bool
	for _, u := range units {
		seen[u.lang] = true
	}
	if seen[Chinese] && seen[English] {
		return true
	}
	only := "Chinese"
	if seen[English] {
		only = "English"
	}
	c.errorf(units[0].lines[0].No, "only one language (%s) found: a diglot article pairs Chinese paragraphs with their English translations", only)
	return false
}

// warnLanguageGuesses warns about lines whose language was a close call.
func warnLanguageGuesses(units []unit, c *collector) {
	for _, u := range units {
		switch {
		case !u.counts.ambiguous():
		case (u.class == classZH) != (u.lang == Chinese):
			c.warnf(u.lines[0].No, "line mixes Chinese and English (%d Han characters, %d Latin words); taken as %s, where the pairs around it align (its script reads as %s)",
				u.counts.han, u.counts.words, langName(u.lang), langName(u.lang.Other()))
		default:
			c.warnf(u.lines[0].No, "line mixes Chinese and English (%d Han characters, %d Latin words); taken as %s by its script and place",
				u.counts.han, u.counts.words, langName(u.lang))
		}
	}
}

func langName(l Lang) string {
	if l == English {
		return "English"
	}
	return "Chinese"
}

// setTitle fills the title from the first heading pair when the front matter
// gives none, and falls back to the file name with a warning.
func setTitle(doc *Document, c *collector) {
	m := &doc.Meta
	if m.Title != "" || m.TitleEN != "" {
		completeTitle(doc)
		return
	}
	if k := titleHeading(doc.Blocks); k >= 0 {
		b := doc.Blocks[k]
		if len(b.ZH) > 0 {
			m.Title = b.ZH[0].Text
		}
		if len(b.EN) > 0 {
			m.TitleEN = b.EN[0].Text
		}
		doc.TitleFrom = TitleHeading
		return
	}
	base := baseName(doc.Name)
	m.Title, doc.TitleFrom = base, TitleFileName
	c.warnf(1, "no title (no front matter title and no leading heading); using the file name %q", base)
}

// titleHeading returns the index of the heading pair that titles the
// article: the first block, or the first after pictures only (a README's
// logo above its <h1>); -1 when there is none.
func titleHeading(blocks []Block) int {
	for k, b := range blocks {
		if b.Kind == Heading {
			return k
		}
		for _, p := range append(b.ZH, b.EN...) {
			if p.Image == "" {
				return -1
			}
		}
	}
	return -1
}

// completeTitle takes the title the front matter leaves out from the
// leading heading pair when that pair is the title it gives (title: Error
// Handling in Rust over # Error Handling in Rust / # Rust 错误处理指南).
func completeTitle(doc *Document) {
	m := &doc.Meta
	if len(doc.Blocks) == 0 || doc.Blocks[0].Kind != Heading || m.Title != "" && m.TitleEN != "" {
		return
	}
	b := doc.Blocks[0]
	if len(b.ZH) == 0 || len(b.EN) == 0 {
		return
	}
	switch {
	case m.Title == "" && b.EN[0].Text == m.TitleEN:
		m.Title = b.ZH[0].Text
	case m.TitleEN == "" && b.ZH[0].Text == m.Title:
		m.TitleEN = b.EN[0].Text
	}
}

// baseName is a file's name without its directory and extension.
func baseName(name string) string {
	return strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
}
