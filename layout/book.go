// Package layout typesets an article into pages of positioned text runs: it
// breaks each side of every pair into lines (Chinese by CLREQ rules, English
// by total fit), sets the two columns side by side with their first
// baselines aligned, and paginates. It knows nothing of any PDF library;
// lengths are integers in millipoints (1/1000 pt).
package layout

import "diglot/fonts"

// Pt is one point in layout lengths.
const Pt = 1000

// Run is text drawn in one face at one position: X is its left edge, Y its
// baseline, measured from the page's top-left corner.
type Run struct {
	X, Y  int
	Text  string
	Role  fonts.Role
	Size  int
	Muted bool   // drawn in grey: the source's Markdown marks
	Link  string // the web address the run belongs to, when it is one
	Width int    // the advance of the whole run
}

// Bookmark is an outline entry for a heading.
type Bookmark struct {
	Title string
	Level int
	Y     int
}

// Page is one page of the book, its runs in reading order: within each pair,
// the whole Chinese column, then the whole English column.
type Page struct {
	Runs      []Run
	Bookmarks []Bookmark
}

// Book is a typeset document.
type Book struct {
	Width, Height int
	Pages         []Page
	ZHColumn      [2]int       // left edge and width of the Chinese column
	ENColumn      [2]int       // left edge and width of the English column
	Missing       []rune       // characters no face covers, drawn as boxes that keep their code points
	LooseBlocks   []int        // indices of the blocks with a line set looser than the spacing rules allow
	Used          []fonts.Role // the faces the runs use
}

// Spec is the page design.
type Spec struct {
	Width, Height        int
	MarginTop            int
	MarginBottom         int
	MarginInner          int // left and right
	Gutter               int
	EnglishLeft          bool // English takes the left column
	ZHSize, ENSize       int
	ZHLeading            int
	ENLeading            int
	ParaGap              int // space between pairs, and after a heading
	HeadingGap           int // space above a heading (none at the top of a page)
	ListGap              int // space between two list items
	HeadingZH, HeadingEN int
	Title                string
	TitleEN              string
	Byline               string // author, date, source
	RunningHead          string
}

// Paper sizes in layout lengths.
var (
	A4     = [2]int{595276, 841890}
	Letter = [2]int{612000, 792000}
)

// DefaultSpec returns the default design on the given paper: 10 pt text,
// Chinese leading 1.7 em, English 1.35 em.
func DefaultSpec(paper [2]int) Spec {
	return Spec{
		Width: paper[0], Height: paper[1],
		MarginTop: 56 * Pt, MarginBottom: 50 * Pt, MarginInner: 48 * Pt, Gutter: 16 * Pt,
		ZHSize: 10 * Pt, ENSize: 10 * Pt, ZHLeading: 17 * Pt, ENLeading: 13500,
		ParaGap: 7 * Pt, HeadingGap: 20 * Pt, ListGap: 4 * Pt, // typesetting.md §3.2, §3.4
		HeadingZH: 14 * Pt, HeadingEN: 13 * Pt,
	}
}
