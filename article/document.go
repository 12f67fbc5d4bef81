// Package article reads a bilingual Chinese–English article and pairs every
// Chinese paragraph with its English translation.
//
// Parsing runs in steps, one file each: decode (bytes to trimmed source lines,
// with encoding errors), frontmatter (YAML or TOML metadata), classify (the
// language of each line by script), units (lines grouped into paragraphs),
// align (language runs paired, Gale–Church style when their lengths differ)
// and blocks (pairs typed as paragraph, heading or list item). The clean-up of
// punctuation is a separate step (normalize.go) that leaves the source intact.
package article

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"diglot/internal/script"
)

// Kind is the role of a block in the article.
type Kind uint8

// The kinds of block.
const (
	Paragraph Kind = iota
	Heading
	ListItem
)

func (k Kind) String() string {
	switch k {
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	}
	return "paragraph"
}

// Lang is one of the article's two languages.
type Lang uint8

// The two languages of an article.
const (
	Chinese Lang = iota
	English
)

func (l Lang) String() string {
	if l == English {
		return "en"
	}
	return "zh"
}

// Other returns the other language.
func (l Lang) Other() Lang { return 1 - l }

// SourceLine is one line of the input, with surrounding whitespace, the BOM and
// the line ending removed.
type SourceLine struct {
	No   int // 1-based line number in the file
	Text string
}

// Para is one paragraph on one side of a pair: the source lines it was read
// from, and its text with the lines joined and the list marker and label set
// apart. Inlines are its text in styled runs; Text is their texts joined.
// Both are the source text until Clean cleans them up.
type Para struct {
	Lines  []SourceLine
	Marker string // list marker or heading marks as written ("-", "1.", "##"), or ""
	// Under is, for a list item's next paragraph, the item's marker as
	// written: the paragraph stands under the item's text, in the hang
	// that marker takes
	Under string
	Label string // the label of a "label: text" item, a box's title or a code block's file name, or ""
	// Note is a footnote's number on its note's first paragraph (the
	// marks that refer to it carry it as Inline.Note), 0 for others
	Note    int
	Text    string
	Inlines []Inline
	Pre     bool // preformatted (a code block): its line breaks kept, never justified
	// Image is the source of the picture the paragraph stands for, as
	// written (a path relative to the article, or an address); its
	// inlines are the picture's alt text, its caption.
	Image string
	// Table is the table a row of cells belongs to, numbered from 1 in
	// the article (its inlines say which cell each is in); 0 for other
	// paragraphs. Head marks the table's header row.
	Table int
	Head  bool
	// Align is how a table row's cells are aligned, by column (nil, or
	// a column past its end: left), as the Markdown table's delimiter row
	// gives it (|---:| right, |:---:| centred).
	Align []CellAlign
}

// CellAlign is the alignment of a table's column.
type CellAlign uint8

// The alignments of a table's columns.
const (
	AlignLeft CellAlign = iota
	AlignCenter
	AlignRight
)

// CellAlign returns the alignment of a table row's cell k (from 0).
func (p Para) CellAlign(k int) CellAlign {
	if k < len(p.Align) {
		return p.Align[k]
	}
	return AlignLeft
}

// Pair holds the two sides of a block. A side is empty when the article has
// no translation for the other one (a one-sided pair).
type Pair struct {
	ZH, EN []Para
}

// Side returns the paragraphs of one language.
func (p Pair) Side(l Lang) []Para {
	if l == English {
		return p.EN
	}
	return p.ZH
}

// Block is one aligned unit of the article.
type Block struct {
	Kind  Kind
	Level int // heading level, 1 for "#", 2 for "##"; 0 when not a heading
	Depth int // a list item's nesting: 0 for an item of a top-level list
	Quote int // how many block quotes the block stands in
	// RuleBefore marks a thematic break (Markdown's ---) before the block.
	RuleBefore bool
	Pair
	Line int // first source line of the block
	// Confidence is the probability (0–1) the aligner gives the pairing
	// being right; under ReviewThreshold it is worth a translator's look.
	Confidence float64
	// Sentences pairs the sentences of the two sides (Inline.Sentence) in
	// order: each entry holds the numbers of the sentences that translate
	// each other, either side possibly empty. None for headings, code and
	// pictures.
	Sentences []SentencePair
}

// SentencePair is one step of a block's sentence alignment: the numbers
// (from 1) of the sentences of each side that translate each other.
type SentencePair struct {
	ZH, EN []int
}

// Meta is the article's metadata from its front matter.
type Meta struct {
	Title       string // Chinese (or only) title
	TitleEN     string // English title
	Subtitle    string
	Author      string
	Translator  string // who translated the article (names as written, comma-separated)
	Date        string
	Language    string // zh-Hans or zh-Hant
	Description string
	Source      string
	Identifier  string
	Keywords    []string // the page's tags, categories and keywords, each once, in order
	// Build settings a command-line flag overrides, as written.
	Paper      string // a4 or letter
	Left       string // zh or en: the language of the left column
	EPUBLayout string // auto, stacked or side-by-side
	Columns    string // the PDF's column widths as zh:en ("1:1"), or "" to balance them
}

// TableRow returns the table (Para.Table, from 1) a pair of a table's rows
// belongs to, and whether it is the table's header row; 0 for another
// pair.
func (b Block) TableRow() (table int, head bool) {
	for _, side := range [][]Para{b.ZH, b.EN} {
		if len(side) > 0 && side[0].Table > 0 {
			return side[0].Table, side[0].Head
		}
	}
	return 0, false
}

// UnderItem reports a pair of a list item's next paragraphs (Para.Under).
func (b Block) UnderItem() bool {
	for _, side := range [][]Para{b.ZH, b.EN} {
		if len(side) > 0 && side[0].Under != "" {
			return true
		}
	}
	return false
}

// TranslatorCredit credits the translator in the language of the name, for
// a byline: "陈静 译" (in a zh-Hant document "陳靜 譯") for a Chinese name,
// "translated by Jane Doe" for another; "" when no translator is given.
func (m Meta) TranslatorCredit(zhTag string) string {
	switch {
	case m.Translator == "":
		return ""
	case script.HasHan(m.Translator) && zhTag == "zh-Hant":
		return m.Translator + " 譯"
	case script.HasHan(m.Translator):
		return m.Translator + " 译"
	}
	return "translated by " + m.Translator
}

// All reports whether every paragraph of the block, on both sides, is
// one that is reports (false for a block with none).
func (b Block) All(is func(Para) bool) bool {
	for _, side := range [][]Para{b.ZH, b.EN} {
		for _, p := range side {
			if !is(p) {
				return false
			}
		}
	}
	return len(b.ZH)+len(b.EN) > 0
}

// LatinOnly reports Latin letters without Han.
func LatinOnly(s string) bool {
	return !script.HasHan(s) && strings.ContainsFunc(s, script.IsLatinLetter)
}

// HanFree reports a Chinese side's paragraph of running text with no Han
// ({{< note >}}, a name given in both languages): it is set as the
// English text it is, with no Chinese indent. Code, pictures and table
// rows are not running text.
func (p Para) HanFree() bool {
	if p.Pre || p.Table > 0 || p.Image != "" {
		return false
	}
	return LatinOnly(p.LabelText(Chinese) + p.Text)
}

// ShownDate is the date as a byline shows it: a timestamp's day
// ("2024-03-18 09:30:00 +0800" is 2024-03-18), other text as written.
func (m Meta) ShownDate() string {
	if shownDay.MatchString(m.Date) {
		return m.Date[:len("2006-01-02")]
	}
	return m.Date
}

// shownDay is a date that starts with its day, YYYY-MM-DD.
var shownDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([ T]|$)`)

// TitleSource says where a document's title came from.
type TitleSource int

const (
	TitleGiven    TitleSource = iota // the front matter (or the command line)
	TitleHeading                     // the leading heading pair
	TitleFileName                    // none: the file's name stands in, for the metadata
)

// Document is a parsed article.
type Document struct {
	Name string // the file name the article was read from (the original's, of two)
	// Translation is the name of the file the translation was read from,
	// when the article came as two files (ParseTranslation), or "".
	Translation string
	Meta        Meta // front matter, with Title and TitleEN filled in from the body when absent
	TitleFrom   TitleSource
	Order       Lang // the language of the first paragraph of each pair in the source
	Blocks      []Block
}

// Language returns the BCP 47 tag of the Chinese text: the front matter's, or
// the one Parse detected (zh-Hant when the text is written in traditional
// characters, else zh-Hans).
func (d *Document) Language() string {
	if d.Meta.Language != "" {
		return d.Meta.Language
	}
	return "zh-Hans"
}

// Title returns the title for display: both languages when they differ.
func (d *Document) Title() string {
	switch {
	case d.Meta.Title == "":
		return d.Meta.TitleEN
	case d.Meta.TitleEN == "" || d.Meta.TitleEN == d.Meta.Title:
		return d.Meta.Title
	}
	return d.Meta.Title + " / " + d.Meta.TitleEN
}

// joinLines joins the lines of one paragraph: Chinese lines without a space
// (unless Latin text meets at the join), English lines with one.
func joinLines(lines []SourceLine, lang Lang) string {
	if len(lines) == 1 {
		return lines[0].Text
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && (lang == English || latinJoin(b.String(), l.Text)) {
			b.WriteByte(' ')
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// latinJoin reports whether two Chinese lines meet between Latin letters or
// digits, where a hard wrap stood for a space.
func latinJoin(before, after string) bool {
	if before == "" || after == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(before) // not a walk over the whole paragraph so far: linear in its lines
	first, _ := utf8.DecodeRuneInString(after)
	return script.IsLatinLetterOrDigit(last) && script.IsLatinLetterOrDigit(first)
}

// MarkerText is how a paragraph's marker is shown, decided here once for
// both writers: a bullet (- * +) as an en dash, a number as written, and
// nothing for a heading's # marks (the heading's style shows it is one).
func (p Para) MarkerText() string {
	switch m := p.Marker; {
	case m == "" || strings.Trim(m, "#") == "":
		return ""
	case m == "-" || m == "*" || m == "+":
		return "–"
	default:
		return m
	}
}

// NoteID names footnote n of a side, for the links from its marks:
// "note-zh-3".
func NoteID(l Lang, n int) string { return "note-" + l.String() + "-" + strconv.Itoa(n) }

// LabelText is a labelled item's label as shown, with its separator: a
// full-width colon in Chinese, a colon and a space in English; "" when the
// paragraph has no label.
func (p Para) LabelText(l Lang) string {
	last, _ := utf8.DecodeLastRuneInString(p.Label)
	ends := strings.ContainsRune("?!.:;？！。：；…", last) // a title that ends a sentence of its own
	switch {
	case p.Label == "":
		return ""
	case l == Chinese && ends:
		return p.Label
	case l == Chinese:
		return p.Label + "："
	case ends:
		return p.Label + " "
	}
	return p.Label + ": "
}
