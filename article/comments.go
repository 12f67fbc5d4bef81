package article

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Originals kept in comments. A translator who works in the original's
// file keeps each original paragraph in an HTML comment above its
// translation, as the Kubernetes documentation's Chinese pages do:
//
//	<!--
//	## How finalizers work
//	When you create a resource …
//	-->
//	## Finalizers 如何工作
//	当你使用清单文件创建资源时 …
//
// A page whose visible text is in one language and whose comments hold
// text in the other is read with those comments as Markdown, each where
// it stands, so that the original and its translation pair as in any
// one-file article. Comments in the visible text's language, and markers
// (<!-- overview -->, <!-- more -->, <!-- TODO … -->), stay comments.

// commentRead is what the first reading learns of a comment block.
type commentRead struct {
	line  int   // index in the reader's lines of its <!-- line
	class class // its text's language: classZH, classEN, or classNeutral for mixed text
	units int   // the paragraphs it holds
}

// commentMarker is a comment that is no text: one word (<!-- overview -->)
// or a note to the writers (TODO, FIXME).
var commentMarker = regexp.MustCompile(`^(?:[\w-]+|(?:TODO|FIXME|XXX|TBD)\b.*)$`)

// commentLines returns the lines of a comment block without its <!-- and
// -->, as a reader's lines; lo and hi are the indexes of its first and
// last line.
func (r *markdownReader) commentLines(lo, hi int) []rawLine {
	out := make([]rawLine, 0, hi-lo+1)
	for i := lo; i <= hi; i++ {
		l := r.lines[i]
		raw := l.raw
		if i == lo {
			_, raw, _ = strings.Cut(raw, "<!--")
		}
		if i == hi {
			raw, _, _ = strings.Cut(raw, "-->")
		}
		out = append(out, rawLine{no: l.no, raw: raw, text: trimSpace(raw), indented: l.indented})
	}
	return out
}

// commentSpan returns the first and last line indexes of a comment block
// (its --> line included), or -1.
func (r *markdownReader) commentSpan(b *ast.HTMLBlock) (lo, hi int) {
	lo, hi = r.span(b)
	if lo < 0 {
		return -1, -1
	}
	if b.HasClosure() {
		hi = max(hi, r.lineAt(b.ClosureLine.Start))
	}
	if !strings.Contains(r.lines[hi].raw, "-->") {
		return -1, -1 // text after the comment on its last line: not ours to read
	}
	return lo, hi
}

// readComment reads a comment block's text as Markdown, diagnostics into
// c; ok is false when the block is no comment of a line's own.
func (r *markdownReader) readComment(b *ast.HTMLBlock, c *collector) (sub *markdownReader, lo, hi int, ok bool) {
	if b.HTMLBlockType != ast.HTMLBlockType2 || r.nested >= maxKramdownNesting {
		return nil, -1, -1, false
	}
	if lo, hi = r.commentSpan(b); lo < 0 {
		return nil, -1, -1, false
	}
	after := strings.TrimSpace(r.lines[hi].raw[strings.LastIndex(r.lines[hi].raw, "-->")+3:])
	if after != "" {
		return nil, -1, -1, false
	}
	sub = &markdownReader{lines: r.commentLines(lo, hi), c: c, nested: r.nested + 1, tables: r.tables, templates: true}
	sub.read()
	return sub, lo, hi, true
}

// commentField is a line of front matter kept in a comment (key: value),
// commentItem one of its list items or continued values.
var (
	commentField = regexp.MustCompile(`^([A-Za-z_][\w-]*):(?:\s+(.*))?$`)
	commentItem  = regexp.MustCompile(`^(?:-\s|\s)`)
)

// commentTitle returns the title of an original's front matter kept in a
// comment before the text (Kubernetes' Chinese pages keep the English
// title: Namespaces so), or false when the comment's lines are no front
// matter.
func commentTitle(lines []rawLine) (string, bool) {
	title, fields := "", 0
	for _, l := range lines {
		if l.text == "" || commentItem.MatchString(l.raw) {
			continue
		}
		m := commentField.FindStringSubmatch(l.text)
		if m == nil {
			return "", false
		}
		fields++
		if m[1] == "title" {
			title = strings.Trim(strings.TrimSpace(m[2]), `"'`)
		}
	}
	return title, fields > 0 && title != ""
}

// noteComment records, on the first reading, a comment block's language.
func (r *markdownReader) noteComment(b *ast.HTMLBlock) {
	if len(r.units) == 0 && r.nested == 0 && b.HTMLBlockType == ast.HTMLBlockType2 {
		if lo, hi := r.commentSpan(b); lo >= 0 {
			if t, ok := commentTitle(r.commentLines(lo, hi)); ok {
				r.originalTitle = t
				return
			}
		}
	}
	sub, lo, hi, ok := r.readComment(b, &collector{})
	if !ok {
		return
	}
	if text := strings.TrimSpace(joinUnitText(sub.units)); lo == hi && commentMarker.MatchString(text) || text == "" {
		return // a marker: never the original
	}
	cr := commentRead{line: lo, class: classNeutral}
	var zh, en int
	for _, u := range sub.units {
		switch u.class {
		case classZH:
			zh++
		case classEN:
			en++
		}
	}
	switch {
	case zh > 0 && en == 0:
		cr.class = classZH
	case en > 0 && zh == 0:
		cr.class = classEN
	}
	cr.units = zh + en
	r.commentsRead = append(r.commentsRead, cr)
}

// joinUnitText is the text of units, a space between each.
func joinUnitText(units []unit) string {
	texts := make([]string, len(units))
	for i, u := range units {
		texts[i] = u.text
	}
	return strings.Join(texts, " ")
}

// originalComments decides, after a first reading, which comment blocks
// hold the original: those in the language the visible text is not
// written in, when they hold more of that language's paragraphs than the
// visible text does (a page translated paragraph by paragraph, not a
// bilingual page with a stray note). It returns their first lines'
// indexes, in order, or nil.
func (r *markdownReader) originalComments() []int {
	var visible [2]int // paragraphs by language: zh, en
	for _, u := range r.units {
		switch u.class {
		case classZH:
			visible[0]++
		case classEN:
			visible[1]++
		}
	}
	other, k := classEN, 1
	if visible[1] > visible[0] {
		other, k = classZH, 0
	}
	var lines []int
	units := 0
	for _, cr := range r.commentsRead {
		if cr.class == other {
			lines = append(lines, cr.line)
			units += cr.units
		}
	}
	if units < 2 || units <= visible[k] {
		return nil
	}
	return lines
}

// original reads a comment block chosen by originalComments as the
// paragraphs it holds, its <!-- and --> lines joining the first and the
// last one's source lines; it reports false for any other comment.
func (r *markdownReader) original(b *ast.HTMLBlock, quote int) bool {
	if len(r.originals) == 0 || b.HTMLBlockType != ast.HTMLBlockType2 {
		return false
	}
	lo, _ := r.commentSpan(b)
	if _, found := slices.BinarySearch(r.originals, lo); lo < 0 || !found {
		return false
	}
	sub, lo, hi, ok := r.readComment(b, r.c)
	if !ok || len(sub.units) == 0 {
		return false
	}
	first, last := &sub.units[0], &sub.units[len(sub.units)-1]
	first.lines = r.withLine(first.lines, lo, true)
	last.lines = r.withLine(last.lines, hi, false)
	for i, u := range sub.units {
		md := *u.md
		md.quote += quote
		md.original = true
		if i == 0 {
			md.ruleBefore, r.rule = md.ruleBefore || r.rule, false
		}
		u.md = &md
		r.units = append(r.units, u)
	}
	r.tables = sub.tables
	return true
}

// withLine returns a unit's source lines with body line i, as written,
// at their start (or end): in place of the line's text inside the comment
// when the unit begins (ends) on it.
func (r *markdownReader) withLine(lines []SourceLine, i int, start bool) []SourceLine {
	line := SourceLine{No: r.lines[i].no, Text: r.lines[i].text}
	switch {
	case start && len(lines) > 0 && lines[0].No == line.No:
		lines[0] = line
	case !start && len(lines) > 0 && lines[len(lines)-1].No == line.No:
		lines[len(lines)-1] = line
	case start:
		lines = append([]SourceLine{line}, lines...)
	default:
		lines = append(lines, line)
	}
	return lines
}
