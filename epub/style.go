package epub

import (
	"fmt"
	"strings"

	"diglot/article"
)

// The breakpoint from which the auto layout sets pairs side by side: about
// 70 characters of English plus 25 of Chinese at the reading system's size.
const sideBySideMinWidth = "40em"

// Below this width English is set ragged right: justified lines that narrow
// open rivers where the reading system cannot hyphenate.
const narrowMaxWidth = "30em"

// stylesheet writes style.css for the book's layout and fonts.
func (b *book) stylesheet(fontFiles []fontFile) string {
	var w strings.Builder
	for _, f := range fontFiles {
		weight := "normal"
		if f.bold {
			weight = "bold"
		}
		fontStyle := "normal"
		if f.italic {
			fontStyle = "italic"
		}
		fmt.Fprintf(&w, "@font-face {\n  font-family: \"%s\";\n  font-weight: %s;\n  font-style: %s;\n  src: url(%s);\n}\n", f.family, weight, fontStyle, f.path)
	}
	// The platforms' colour emoji come before the bundled monochrome Noto
	// Emoji, which is there for symbols and for readers without colour
	// emoji (a family emoji is one picture there, not its people apart).
	const emoji = `"Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"`
	zhFace, otherZH := `"Diglot Serif SC"`, `"Diglot Serif TC"`
	if b.traditional() {
		zhFace, otherZH = otherZH, zhFace
	}
	zhFamily := zhFace + `, "Diglot Serif", ` + otherZH + `, ` + emoji + `, "Diglot Symbols", serif`
	enFamily := `"Diglot Serif", ` + zhFace + `, ` + otherZH + `, ` + emoji + `, "Diglot Symbols", serif`
	if len(fontFiles) == 0 { // fonts left to the reading system: ask for the same designs by name
		zhFamily, enFamily = `"Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", serif`, `"Source Serif 4", "Source Serif Pro", serif`
		if b.zhTag == "zh-Hant" {
			zhFamily = `"Noto Serif TC", "Noto Serif CJK TC", "Source Han Serif TC", serif`
		}
	}
	fmt.Fprintf(&w, `body {
  margin: 0 3%%;
  font-family: %[1]s;
}
.zh {
  font-family: %[1]s;
  line-height: 1.7;
  text-align: justify;
  line-break: strict;
  overflow-wrap: anywhere;
}
.en {
  font-family: %[2]s;
  line-height: 1.45;
  text-align: justify;
  hyphens: auto;
  -webkit-hyphens: auto;
  overflow-wrap: anywhere;
}
.latin {
  font-family: %[2]s;
}
p {
  margin: 0;
  text-indent: 0;
}
.pair p + p {
  margin-top: 0.5em;
}
.pair {
  margin: 0 0 1.1em 0;
}
.pair > .%[4]s {
  margin-top: 0.3em;
  font-size: 0.94em;
}
div.pair > .%[4]s {
  padding-left: 0.8em;
  border-left: 2px solid #999999;
}
div.pair > .zh p {
  text-indent: 2em;
}
div.pair > .zh p.noindent {
  text-indent: 0;
}
h2.pair, h3.pair, h4.pair, h5.pair, h6.pair {
  margin: 1.4em 0 0.7em 0;
  line-height: 1.35;
  text-align: left;
}
h2.pair > span, h3.pair > span, h4.pair > span, h5.pair > span, h6.pair > span, h1.title > span {
  display: block;
}
h2.pair > .en, h3.pair > .en, h4.pair > .en, h5.pair > .en, h6.pair > .en {
  font-size: 0.85em;
  margin-top: 0.2em;
  color: inherit;
}
ul.list, ol.list {
  list-style: none;
  margin: 0;
  padding: 0;
}
li.depth1 { margin-left: 1.5em; }
li.depth2 { margin-left: 3em; }
li.depth3 { margin-left: 4.5em; }
li.depth4 { margin-left: 6em; }
div.pair.under p { padding-left: 1em; text-indent: 0; }
div.pair.under.depth1 { margin-left: 1.5em; }
div.pair.under.depth2 { margin-left: 3em; }
div.pair.under.depth3 { margin-left: 4.5em; }
div.pair.under.depth4 { margin-left: 6em; }
blockquote {
  margin: 0 0 0 1em;
  padding-left: 0.8em;
  border-left: 0.15em solid;
}
pre {
  font-size: 0.9em; /* as the PDF sets code, a size below the text */
  line-height: 1.45; /* one leading for code, whichever side it is on */
  white-space: pre-wrap;
  white-space: break-spaces; /* a space at a line's end wraps, not hangs past the column */
  overflow-wrap: anywhere;
  text-align: left;
  hyphens: none;
  margin: 0;
}
.pair > div p.code-title {
  font-family: %[2]s;
  font-size: 0.9em;
  font-style: italic;
  text-indent: 0;
  margin: 0;
}
.pair > div p.code-title.upright {
  font-family: inherit;
  font-style: normal;
}
code {
  font-family: "Diglot Mono", %[5]s, "Source Code Pro", monospace;
  hyphens: none;
}
.zh em, em.zh, em:lang(zh) {
  font-style: normal;
  font-weight: bold;
}
@supports (text-emphasis: dot) or (-webkit-text-emphasis: dot) {
  .zh em, em.zh, em:lang(zh) {
    font-weight: inherit;
    -webkit-text-emphasis: filled dot;
    -webkit-text-emphasis-position: under;
    text-emphasis: filled dot;
    text-emphasis-position: under right;
  }
}
figure.picture {
  margin: 0.5em 0;
  text-align: center;
}
figure.picture img {
  display: block;
  margin: 0 auto;
  max-width: 100%%;
  max-height: 60vh;
}
figure.picture figcaption {
  display: block;
  font-size: 0.9em;
}
hr {
  width: 30%%;
  margin: 1.2em auto;
  border: 0;
  border-top: 0.05em solid;
}
p.item {
  padding-left: 1em;
  text-indent: -1em;
}
.marker {
  display: inline-block; /* its space does not stretch when the line is justified */
  min-width: 1em;
  text-indent: 0;
}
.label {
  font-weight: bold;
}
a {
  color: inherit;
}
.cover {
  margin: 0;
  text-align: center;
}
.cover img {
  max-width: 100%%;
  max-height: 95vh;
}
.titlepage {
  margin-top: 20%%;
  text-align: center;
  overflow-wrap: anywhere;
}
h1.title {
  text-align: center;
  font-size: 1.6em;
  line-height: 1.4;
  margin: 0 0 1.2em 0;
}
h1.title > span {
  text-align: center;
}
h1.title > span + span { /* the second language's title, whichever it is */
  font-size: 0.75em;
  margin-top: 0.4em;
}
.byline {
  text-align: center;
  margin-top: 0.4em;
}
nav ol {
  list-style: none;
  padding-left: 1.2em;
}
nav[hidden] {
  display: none;
}
@media screen and (max-width: %[3]s) {
  .en {
    text-align: left;
  }
}
`, zhFamily, enFamily, narrowMaxWidth, b.secondLanguage(), zhFace+", "+otherZH)
	w.WriteString(b.tableRules())
	switch b.opt.Layout {
	case Stacked:
		// one language above the other across the width: a measure, so
		// that English lines stay near 70 characters on a wide screen
		fmt.Fprintf(&w, "section[role=\"doc-chapter\"] {\n  max-width: %s;\n  margin: 0 auto;\n}\n", stackedMaxWidth)
	case SideBySide:
		w.WriteString(b.sideBySideRules(""))
	case Auto:
		fmt.Fprintf(&w, "@media screen and (min-width: %s) {\n%s}\n", sideBySideMinWidth, b.sideBySideRules("  "))
	}
	return w.String()
}

// tableRules sets each table's rows as a grid of its columns, which share
// the width as the article's widths for them (article.Document.Tables)
// do, a long column's counted as at most tableColumnMost: the rows line
// up, and on a narrow screen every column narrows and wraps, none to
// nothing.
func (b *book) tableRules() string {
	tables := b.doc.Tables()
	if len(tables) == 0 {
		return ""
	}
	var w strings.Builder
	w.WriteString("div.pair p.row {\n  display: grid;\n  column-gap: 1em;\n  font-size: 0.9em;\n  text-indent: 0;\n  text-align: left;\n}\n" +
		"p.row.head {\n  font-weight: bold;\n}\np.row > .cell {\n  min-width: 0;\n  overflow-wrap: anywhere;\n}\n" +
		"p.row > .cell.right {\n  text-align: right;\n}\np.row > .cell.center {\n  text-align: center;\n}\n" +
		// the rules of booktabs, as the PDF draws them: a heavy one
		// above and below the table, a light one under its header row
		"div.pair.table.first {\n  border-top: 2px solid;\n  padding-top: 0.3em;\n}\n" +
		"div.pair.table.head {\n  border-bottom: 1px solid;\n  padding-bottom: 0.3em;\n}\n" +
		"div.pair.table.last {\n  border-bottom: 2px solid;\n  padding-bottom: 0.3em;\n}\n")
	for i, t := range tables {
		for _, side := range []struct {
			lang article.Lang
			cols []int
		}{{article.Chinese, t.ZH}, {article.English, t.EN}} {
			if len(side.cols) < 2 {
				continue
			}
			fmt.Fprintf(&w, "p.%s {\n  grid-template-columns:", tableClass(i+1, side.lang))
			for _, c := range side.cols {
				fmt.Fprintf(&w, " minmax(0, %.2ffr)", float64(min(c, tableColumnMost))/1000)
			}
			w.WriteString(";\n}\n")
		}
	}
	return w.String()
}

// tableColumnMost is the most a table's column counts for in sharing the
// width, in thousandths of an em: a column of long text does not leave the
// others too narrow for a word.
const tableColumnMost = 12000

// sideBySideRules sets each paragraph or list pair as a row of two
// columns that wraps into a stack when the text could not be set well
// side by side: each column's least width is in ems of its own text
// (about 12 Chinese characters, 25 English letters), so a reader's larger
// type, or a phone, stacks the pair by itself, and reading systems without
// flexible boxes (MuPDF) show it stacked. Headings stay stacked across the
// full width. The columns share the width as the PDF's do (the first's
// share as its growth), and a pair is at most pairMaxWidth wide, so
// English lines stay near 70 characters on wide screens; the text, its
// headings with it, is centred there.
func (b *book) sideBySideRules(indent string) string {
	first := b.firstColumnShare()
	first2 := "zh"
	if b.opt.Left == article.English {
		first2 = "en"
	}
	second := b.secondLanguage()
	rules := fmt.Sprintf(`section[role="doc-chapter"] {
  max-width: %[4]s;
  margin: 0 auto;
}
div.pair, li.pair {
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  column-gap: 1.2em;
  max-width: %[4]s;
}
div.pair > .%[1]s, div.pair > .%[2]s, li.pair > .%[1]s, li.pair > .%[2]s {
  flex: %[3]d 1 %[5]s;
  min-width: 0;
  margin: 0;
}
div.pair > .%[2]s, li.pair > .%[2]s {
  flex-grow: %[6]d;
}
div.pair > .%[2]s {
  padding-left: 0;
  border-left: 0;
}
div.pair.code, div.pair.table {
  display: block;
}
`, first2, second, first, pairMaxWidth, columnMinWidth, 100-first)
	var out strings.Builder
	for _, line := range strings.SplitAfter(rules, "\n") {
		if line != "" {
			out.WriteString(indent + line)
		}
	}
	return out.String()
}

// columnMinWidth is the narrowest a column of a pair set side by side
// may be, in ems of its own text: 12 Chinese characters, or about 25
// English letters; narrower, the pair stacks.
const columnMinWidth = "12.5em"

// pairMaxWidth bounds a pair set side by side, so that its English
// column keeps lines near 70 characters on a wide screen.
const pairMaxWidth = "58em"

// stackedMaxWidth bounds the text of a stacked book, for English lines
// near 70 characters (and Chinese ones near 30) on a wide screen.
const stackedMaxWidth = "32em"

// secondLanguage is the class of the language that comes second in each
// pair, which the stylesheet sets off as the translation (smaller, with a
// rule beside it): styled by position, so that the language a user puts
// first is the primary one (--left en).
func (b *book) secondLanguage() string {
	if b.opt.Left == article.English {
		return "zh"
	}
	return "en"
}

// firstColumnShare is, in percent, the width of the left column, from
// Options.Columns (the widths layout chose for the PDF, so both outputs
// divide the page alike), or half the width when none are given.
func (b *book) firstColumnShare() int {
	share := 50
	if c := b.opt.Columns; c[0] > 0 && c[1] > 0 {
		share = 100 * c[0] / (c[0] + c[1])
	}
	if b.opt.Left == article.English {
		share = 100 - share
	}
	return share
}
