package article

import (
	"strings"

	"diglot/internal/script"
)

// Style is a set of inline styles.
type Style uint8

// The inline styles.
const (
	Strong Style = 1 << iota
	Emphasis
	Code   // a code span or a code block's text: set verbatim, in monospace
	Strike // struck through (GFM ~~text~~)
	// Markup is a site generator's template markup ({{< note >}}), which
	// diglot cannot expand: set as written, in the text's face, never
	// cleaned up or hyphenated
	Markup
)

// Override is an inline's own language, when it differs from its side's.
type Override uint8

// The overrides.
const (
	SideLanguage Override = iota // the language of the side the inline is on
	InChinese                    // Chinese text inside English (a quoted name)
	InEnglish                    // English text inside Chinese
)

// Inline is a stretch of a paragraph in one style: its text, its link
// target, and its language when it differs from its side's (Han quoted in
// English text). Line is the source line where it starts.
type Inline struct {
	Text  string
	Style Style
	Link  string   // where the text leads (percent-encoded), or ""
	Lang  Override // the text's own language, when it is not its side's
	Line  int
	// Sentence is the number (from 1) of the sentence of its side that the
	// text belongs to (Block.Sentences pairs them); 0 in headings, code
	// and pictures.
	Sentence int
	// Cell is the cell of a table row the text is in, from 1; 0 outside
	// a table, and for the space that separates two cells in the text.
	Cell int
	// Note is the number of the footnote whose mark the text is (Para.Note
	// of the note), 0 for other text.
	Note int
}

// same reports whether two inlines differ only in their text.
func (in Inline) same(o Inline) bool {
	return in.Style == o.Style && in.Link == o.Link && in.Lang == o.Lang && in.Sentence == o.Sentence && in.Cell == o.Cell && in.Note == o.Note
}

// verbatim reports an inline that clean-up leaves as written: code,
// template markup and a web address shown as its own text.
func (in Inline) verbatim() bool {
	if in.Style&(Code|Markup) != 0 {
		return true
	}
	if in.Link == "" {
		return false
	}
	as := script.FindWebAddresses(in.Text)
	return len(as) == 1 && as[0].Start == 0 && as[0].End == len(in.Text)
}

// textOf joins the inlines' texts.
func textOf(ins []Inline) string {
	if len(ins) == 1 {
		return ins[0].Text
	}
	var b strings.Builder
	for _, in := range ins {
		b.WriteString(in.Text)
	}
	return b.String()
}

// plainInlines makes the inlines of a plain-text paragraph: its text, with
// each web address in it a link of its own (the one finder, so both writers
// link the same addresses).
func plainInlines(text string, line int) []Inline {
	var out []Inline
	last := 0
	for _, a := range script.FindWebAddresses(text) {
		if a.Start > last {
			out = append(out, Inline{Text: text[last:a.Start], Line: line})
		}
		out = append(out, Inline{Text: text[a.Start:a.End], Link: a.Href, Line: line})
		last = a.End
	}
	if last < len(text) || len(out) == 0 {
		out = append(out, Inline{Text: text[last:], Line: line})
	}
	return out
}

// merge joins neighbouring inlines that differ only in text and drops
// empty ones (each run's texts joined once, not one by one).
func merge(ins []Inline) []Inline {
	kept := make([]Inline, 0, len(ins))
	for _, in := range ins {
		if in.Text != "" {
			kept = append(kept, in)
		}
	}
	out := kept[:0:0]
	for i := 0; i < len(kept); {
		j := i + 1
		for j < len(kept) && kept[j].same(kept[i]) {
			j++
		}
		in := kept[i]
		in.Text = textOf(kept[i:j])
		out = append(out, in)
		i = j
	}
	return out
}

// splitAt cuts inlines at byte offset off of their joined text.
func splitAt(ins []Inline, off int) (before, after []Inline) {
	for i, in := range ins {
		switch {
		case off <= 0:
			return before, append(after, ins[i:]...)
		case off < len(in.Text):
			a, b := in, in
			a.Text, b.Text = in.Text[:off], in.Text[off:]
			before = append(before, a)
			return before, append(append(after, b), ins[i+1:]...)
		}
		before = append(before, in)
		off -= len(in.Text)
	}
	return before, after
}

// trimInlines removes the spaces at both ends of the joined text.
func trimInlines(ins []Inline) []Inline {
	for len(ins) > 0 {
		t := strings.TrimLeft(ins[0].Text, " ")
		if t != "" {
			ins[0].Text = t
			break
		}
		ins = ins[1:]
	}
	for len(ins) > 0 {
		n := len(ins) - 1
		t := strings.TrimRight(ins[n].Text, " ")
		if t != "" {
			ins[n].Text = t
			break
		}
		ins = ins[:n]
	}
	return ins
}

// markChinese gives the Han runs of an English paragraph their own
// language, so that the writers set and tag a quoted name as Chinese.
// Punctuation, spaces and variation selectors stay with the English (they
// belong to the sentence around the quotation).
func markChinese(ins []Inline) []Inline {
	var out []Inline
	for _, in := range ins {
		if in.Lang != SideLanguage || !script.HasHan(in.Text) {
			out = append(out, in)
			continue
		}
		start, inZH := 0, false
		for i, r := range in.Text {
			zh := script.IsHan(r)
			if i > 0 && zh != inZH {
				out = append(out, withText(in, in.Text[start:i], inZH))
				start = i
			}
			inZH = zh
		}
		out = append(out, withText(in, in.Text[start:], inZH))
	}
	return out
}

func withText(in Inline, text string, chinese bool) Inline {
	in.Text = text
	if chinese {
		in.Lang = InChinese
	}
	return in
}

// InlinesOf makes the inlines of a text that comes from no paragraph (a
// title, a byline, a table-of-contents entry) as the parser would: its web
// addresses are links, and in English its Han runs are marked Chinese.
func InlinesOf(text string, lang Lang) []Inline {
	ins := plainInlines(text, 0)
	if lang == English {
		ins = markChinese(ins)
	}
	return ins
}
