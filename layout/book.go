// Package layout typesets an article into pages of positioned text runs: it
// breaks each side of every pair into lines (Chinese by CLREQ rules, English
// by total fit), sets the two columns side by side with their first
// baselines aligned, and paginates. It knows nothing of any PDF library;
// lengths are integers in millipoints (1/1000 pt).
package layout

import (
	"slices"
	"strings"

	"diglot/article"
	"diglot/fonts"
)

// Pt is one point in layout lengths.
const Pt = 1000

// Run is text drawn in one face at one position: X is its left edge, Y its
// baseline, measured from the page's top-left corner. It says what it
// stands for, so that a writer never guesses from coordinates: its
// language, the pair and side it belongs to, its part in the document, and
// whether it is page furniture.
type Run struct {
	X, Y int
	Text string
	Size int
	Link string // the web address the run belongs to, or "#" and an Anchor's name (a footnote's mark)
	// Anchor names the place a run starts, which links may lead to: a
	// footnote's note (article.NoteID), on its first run
	Anchor string
	Width  int // the advance of the whole run

	Lang  string // BCP 47 tag of the text: the Chinese tag or "en"
	Pair  int    // the block the run belongs to, from 1; 0 outside the body
	Para  int    // the paragraph of the side the run belongs to, from 0
	Level int    // a heading's level
	// Tracking is space added after each of the run's glyphs (negative:
	// taken away) to justify its line, in millipoints: the same for a
	// whole line of English, at most 2 % of its text (Width includes it).
	// A writer draws the run's characters one glyph each (no ligatures).
	Tracking int
	// Table is the table (from 1, article.Para.Table) of a table row's
	// runs and Cell the column (from 1) of the cell they are set in; Cell
	// is 0 for a row set as a paragraph, its cells a space apart. Header
	// marks the table's header row.
	Table, Cell int
	Header      bool

	Role     fonts.Role
	Side     article.Lang // the side of the pair (meaningful when Pair > 0)
	Part     Part
	Artifact bool // page furniture (running head, folio), not the document's text
	Inserted bool // text layout added that is not in the source (a hyphen at a line's end)
	// SpaceAfter says a space of the source follows the run: the word
	// space the line's glue draws, or the one the line broke at. A writer
	// puts it in the text layer, so that copied and spoken text keeps its
	// words apart.
	SpaceAfter bool
	// style and override are the inline's style and own language, which
	// place joins runs by and stamp resolves Lang from
	style    article.Style
	override article.Override
}

// Struck reports struck-through text (the page's Rules draw the line).
func (r Run) Struck() bool { return r.style&article.Strike != 0 }

// Emphasized reports emphasis (in Chinese, the page's Dots mark it).
func (r Run) Emphasized() bool { return r.style&article.Emphasis != 0 }

// Part is what a run's text is in the document.
type Part uint8

// The parts of a document.
const (
	PartBody        Part = iota // a paragraph's text
	PartHeading                 // a heading's text
	PartListLabel               // a list item's bullet or number
	PartListBody                // a list item's text
	PartCode                    // a code span or block
	PartTitle                   // the title block's titles
	PartByline                  // the title block's author, date, source
	PartRunningHead             // the short title over a column
	PartFolio                   // the page number
)

// Bookmark is an outline entry for a heading.
type Bookmark struct {
	Title string
	Level int
	Y     int
}

// Rule is a straight line drawn on a page, from (X0, Y0) to (X1, Y1), Width
// thick, in grey Gray (0 black, 255 white).
type Rule struct {
	X0, Y0, X1, Y1 int
	Width          int
	Gray           uint8
}

// Picture is an image's size in pixels, which layout scales to fit.
type Picture struct{ Width, Height int }

// Image is a picture placed on a page: Src as the article names it, its
// top-left corner and size.
type Image struct {
	Src        string
	Alt        string // the picture's description: its caption's text
	X, Y, W, H int
	Pair       int
	Side       article.Lang
}

// Page is one page of the book, its runs in reading order: within each pair,
// the whole Chinese column, then the whole English column.
type Page struct {
	Runs      []Run
	Rules     []Rule
	Bookmarks []Bookmark
	Images    []Image
	Dots      []Dot
}

// clone returns a copy of the page that shares none of its slices.
func (page *Page) clone() Page {
	return Page{Runs: slices.Clone(page.Runs), Rules: slices.Clone(page.Rules), Bookmarks: slices.Clone(page.Bookmarks),
		Images: slices.Clone(page.Images), Dots: slices.Clone(page.Dots)}
}

// Dot is an emphasis dot (着重号) under a Chinese character: its centre
// and diameter.
type Dot struct{ X, Y, D int }

// Book is a typeset document.
type Book struct {
	Width, Height int
	Pages         []Page // empty when TypesetPages handed them on
	PageCount     int
	ZHColumn      [2]int // left edge and width of the Chinese column
	ENColumn      [2]int // left edge and width of the English column
	Missing       []rune // characters no face covers, drawn as boxes that keep their code points
	// Loose lists the sides of pairs set with a line looser than the
	// spacing rules allow (English spaces over twice their width, Chinese
	// gaps over half an em), for want of better breaks: the caller warns,
	// naming each side's own file and line.
	Loose []LooseSide
	// PageStarts gives, for each page, the block (from 1) whose text is at
	// its top: the EPUB's page list points there (0: a page with no text).
	PageStarts []int
	Used       []fonts.Role // the faces the runs use
	Language   string       // the Chinese side's BCP 47 tag (zh-Hans or zh-Hant)
}

// Spec is the page design.
type Spec struct {
	Width, Height int
	MarginTop     int
	MarginBottom  int
	MarginInner   int // left and right
	Gutter        int
	EnglishLeft   bool // English takes the left column
	// Columns, when set, gives the columns' widths as zh:en parts (the
	// Chinese column rounded to whole ems); otherwise they are chosen so
	// that the columns come out about equally tall.
	Columns              [2]int
	ZHSize, ENSize       int
	ZHLeading            int
	ENLeading            int
	ParaGap              int // space between pairs, and after a heading
	HeadingGap           int // space above a heading (none at the top of a page)
	ListGap              int // space between two list items
	HeadingZH, HeadingEN int
	Title                string
	TitleEN              string
	// TitleFromHeading says the title block is the document's leading
	// heading pair (Title and TitleEN), which the columns then leave out.
	TitleFromHeading bool
	Byline           string // author, date, source
	// Pictures are the sizes of the images the article's paragraphs name
	// (Para.Image) that can be set; others are set as their caption only.
	Pictures map[string]Picture
	// Language is the Chinese text's BCP 47 tag (zh-Hans or zh-Hant; ""
	// is zh-Hans), which the runs carry.
	Language string
	// RunningHeadZH and RunningHeadEN are the short titles over the Chinese
	// and the English column from page 2 on; one alone goes over the left
	// column.
	RunningHeadZH, RunningHeadEN string
	// tables are the document's tables' columns (measureTables),
	// which TypesetPages takes from the document it sets.
	tables []article.TableColumns
}

// LooseSide is one side of a pair that has a loose line: its block's
// index in the document and its side.
type LooseSide struct {
	Block int
	Side  article.Lang
}

// Paper sizes in layout lengths.
var (
	A4     = [2]int{595276, 841890}
	Letter = [2]int{612000, 792000}
)

// textBlockWidth is the width of the two columns and the gutter
// (typesetting.md §0), centred on the page.
const textBlockWidth = 480 * Pt

// DefaultSpec returns the default design on the given paper (typesetting.md
// §0, §3): 10 pt text, Chinese leading 1.7 em, English 1.35 em, a text block
// 480 pt wide with a 20 pt gutter, the first baseline 76 pt from the top
// and the last at most 764 pt on A4 (as far from the bottom on Letter).
func DefaultSpec(paper [2]int) Spec {
	return Spec{
		Width: paper[0], Height: paper[1],
		// a row starts its ascent (8.8 pt) above its first baseline and ends
		// a third of a leading (about 5 pt) below its last
		MarginTop: 67 * Pt, MarginBottom: A4[1] - 769*Pt,
		MarginInner: (paper[0] - textBlockWidth) / 2, Gutter: 20 * Pt,
		ZHSize: 10 * Pt, ENSize: 10 * Pt, ZHLeading: 17 * Pt, ENLeading: 13500,
		ParaGap: 8 * Pt, HeadingGap: 24 * Pt, ListGap: 4 * Pt, // typesetting.md §3.2, §3.4
		HeadingZH: 14 * Pt, HeadingEN: 13 * Pt,
	}
}

// traditional reports Traditional Chinese text (zh-Hant), set in the
// Traditional faces, its marks centred as in Taiwan (typesetting.md ZH-4's
// "Taiwan" column).
func (s Spec) traditional() bool { return strings.HasPrefix(s.language(), "zh-Hant") }

func (s Spec) language() string {
	if s.Language == "" {
		return "zh-Hans"
	}
	return s.Language
}
