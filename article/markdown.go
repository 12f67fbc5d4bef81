package article

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"diglot/internal/script"
)

// Format is the syntax of an article's body.
type Format uint8

// The formats diglot reads.
const (
	PlainText Format = iota // one paragraph a line, languages alternating
	Markdown                // CommonMark with GFM tables and strikethrough
)

// markdownExtensions are the file name endings of Markdown: CommonMark's
// usual ones and MDX's (see mdx.go).
var markdownExtensions = []string{".md", ".markdown", ".mdx", ".mdown", ".mkd", ".mkdn"}

// FormatOf returns the format a file name implies: Markdown for .md,
// .markdown, .mdx and the like, plain text otherwise.
func FormatOf(name string) Format {
	lower := strings.ToLower(name)
	for _, ext := range markdownExtensions {
		if strings.HasSuffix(lower, ext) {
			return Markdown
		}
	}
	return PlainText
}

// mdBlock is what the Markdown reader says of a unit: its kind and its
// inlines, which the plain format derives from the line's text instead.
type mdBlock struct {
	kind    Kind
	level   int    // a heading's
	marker  string // a list item's bullet ("-") or number ("3.")
	depth   int    // a list item's nesting
	quote   int    // block quotes around it
	inlines []Inline
	pre     bool        // a code block: its lines as they are
	image   string      // an image's source
	table   int         // a table row's table, numbered from 1 in the article
	head    bool        // a table's header row
	align   []CellAlign // a table row's columns' alignment
	alert   string      // a GitHub alert's or a container's kind (NOTE, TIP, …), on its quote's first paragraph
	title   string      // a container's title, on its first paragraph
	under   string      // a list item's next paragraph: the item's marker
	note    int         // a footnote's number, on its note's first paragraph
	twin    *[2]string  // a heading or paragraph the site words in each language (headingTwin, featureState): its Chinese and English text
	// original: the block stands in a comment that keeps the original
	// (comments.go), whose language comes first in each pair
	original bool
	// ruleBefore: a thematic break stood before the block
	ruleBefore bool
}

// markdownReader turns a goldmark tree into units.
type markdownReader struct {
	src    []byte
	starts []int // byte offset of each body line
	lines  []rawLine
	units  []unit
	c      *collector
	rule   bool // a thematic break waits for the next block
	nested int  // kramdown markdown="1" elements around this reader
	images bool // the note that images are not set was given
	// templates: the note that template markup is shown as written was given
	templates bool
	// liquidEnds are the lines of Liquid's closing tags, by name
	// (liquidCode), found once
	liquidEnds map[string][]int
	tables     int // the tables read so far (nested readers count on)
	// commentsRead is what a first reading learns of the comment blocks;
	// originals are the first lines of those that hold the original
	// text, for the second (see comments.go)
	commentsRead []commentRead
	originals    []int
	// originalTitle is the title of the original's front matter, kept in
	// a comment before the text
	originalTitle string
}

// onlyImage returns the image a paragraph consists of, or nil.
func onlyImage(p ast.Node) *ast.Image {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok || img.NextSibling() != nil {
		return nil
	}
	return img
}

// imageLine is a line that is one image and nothing else.
var imageLine = regexp.MustCompile(`^!\[[^\]]*\]\([^()\s]*(?:\s+"[^"]*")?\)$`)

// captionedImage returns the image standing alone on the first line of a
// paragraph of several lines (a blog's picture, its caption in emphasis on
// the next line), or nil.
func (r *markdownReader) captionedImage(p ast.Node) *ast.Image {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok || img.NextSibling() == nil {
		return nil
	}
	lo, hi := r.span(p)
	if lo < 0 || hi == lo || !imageLine.MatchString(r.lines[lo].text) {
		return nil
	}
	return img
}

// image makes a paragraph of an image that stands on a line of its own:
// the picture (build embeds it when it is a local PNG or JPEG file) with
// its alt text as a caption in emphasis.
func (r *markdownReader) image(img *ast.Image, quote int) {
	ins := r.inlines(img, Emphasis, "")
	if len(ins) == 0 { // no alt text: the source names the picture
		ins = []Inline{{Text: string(img.Destination), Style: Emphasis}}
	}
	r.add(img.Parent(), mdBlock{kind: Paragraph, quote: quote, inlines: ins, image: string(img.Destination)})
}

// noteImage warns, once an article, that images inside text are not set.
func (r *markdownReader) noteImage(img *ast.Image) {
	if r.images {
		return
	}
	r.images = true
	r.c.warnf(r.lineNo(img.Parent()), "image %q inside text is left out (only an image on a line of its own is set)", string(img.Destination))
}

// newMarkdown is the goldmark parser diglot uses: CommonMark, GFM tables
// and strikethrough, task lists, footnotes and definition lists, with our
// CJK-friendly emphasis; raw HTML is read for its text (see html).
func newMarkdown() goldmark.Markdown {
	inlines := parser.DefaultInlineParsers()
	for i, p := range inlines {
		if ip, ok := p.Value.(parser.InlineParser); ok && string(ip.Trigger()) == "*_" { // goldmark's emphasis
			inlines[i] = util.Prioritized(cjkEmphasis{}, 500)
		}
	}
	blocks := append(parser.DefaultBlockParsers(), newContainerParser(), newAdmonitionParser(), newShortcodeParser())
	p := parser.NewParser(parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(inlines...), parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	return goldmark.New(goldmark.WithParser(p), goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList,
		extension.Footnote, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(keepFootnotes{}, 998))))
}

// keepFootnotes numbers every footnote definition that no mark refers to,
// before goldmark's footnote transformer (priority 999; the lower runs
// first) drops those: a bilingual page gives each language its note, often
// under one label ([^1]: 见第一章 / [^1]: See chapter 1), whose marks all
// find the first, so the second note was lost without a word.
type keepFootnotes struct{}

// Transform numbers the notes no mark refers to, and gives each note the
// number it shows (footnoteNumber): its own, or for a note no mark refers
// to, the number of the note under the same label that the marks found, so
// that the English note of [^1] shows 1 as the English marks do.
func (keepFootnotes) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		list, ok := n.(*east.FootnoteList)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		byLabel := map[string]int{}
		for c := list.FirstChild(); c != nil; c = c.NextSibling() {
			if fn, ok := c.(*east.Footnote); ok && fn.Index >= 0 {
				byLabel[string(fn.Ref)] = fn.Index
				fn.SetAttributeString(footnoteNumber, fn.Index)
			}
		}
		for c := list.FirstChild(); c != nil; c = c.NextSibling() {
			if fn, ok := c.(*east.Footnote); ok && fn.Index < 0 {
				list.Count++
				fn.Index = list.Count
				shown, ok := byLabel[string(fn.Ref)]
				if !ok {
					shown = fn.Index
				}
				fn.SetAttributeString(footnoteNumber, shown)
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// footnoteNumber is the attribute keepFootnotes gives each note: the
// number it shows.
const footnoteNumber = "diglot-number"

// superscriptDigits are the digits a footnote mark is written in.
var superscriptDigits = [10]string{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}

// footnoteMark is a footnote's number as its mark in the text shows it,
// in superscript digits (¹², for the 12th note).
func footnoteMark(n int) string {
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteString(superscriptDigits[d-'0'])
	}
	return b.String()
}

// markPunctuation is what a footnote mark follows when it stands before
// it: in English any closing punctuation (Chicago's rule); in Chinese a
// sentence's end or a closing bracket or quote, but not ，、；：, whose
// blank would stand between the mark and the next clause.
const markPunctuation = ".,;:!?)]”’。？！）」』》〉】"

// marksAfterPunctuation moves each footnote mark in ins (at the indexes
// marks) after the punctuation that follows it (comments[^1]. is set
// comments.¹, 交流[^1]。 交流。¹), as English and Chinese books place the
// number of a note on a sentence.
func marksAfterPunctuation(ins []Inline, marks []int) []Inline {
	for k := len(marks) - 1; k >= 0; k-- {
		i := marks[k]
		if i+1 >= len(ins) {
			continue
		}
		next := ins[i+1]
		rest := strings.TrimLeft(next.Text, markPunctuation)
		if rest == next.Text {
			continue
		}
		punct := next
		punct.Text = next.Text[:len(next.Text)-len(rest)]
		next.Text = rest
		ins[i], ins[i+1] = punct, ins[i]
		if rest != "" {
			ins = slices.Insert(ins, i+2, next)
		}
	}
	return ins
}

// footnote reads a note: its first paragraph an item numbered as the
// note is (1.), the first note under a rule, as a page's notes stand.
func (r *markdownReader) footnote(fn *east.Footnote, depth, quote int) {
	n := fn.Index
	if v, ok := fn.AttributeString(footnoteNumber); ok {
		n = v.(int)
	}
	if fn.PreviousSibling() == nil {
		r.rule = true
	}
	for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
		p, ok := c.(*ast.Paragraph)
		if !ok || c != fn.FirstChild() {
			r.block(c, depth, quote)
			continue
		}
		r.add(p, mdBlock{kind: ListItem, marker: strconv.Itoa(n) + ".", note: n, depth: depth, quote: quote, inlines: r.inlines(p, 0, "")})
	}
}

// markdownUnits parses the body lines as Markdown and returns its blocks
// as units: one per heading, paragraph, list item, table row and code
// block, each with its inlines and source lines. When originals is set and
// the page keeps its original in comments (comments.go), those are read
// too, and title is the original's title if a comment gives it.
func markdownUnits(body []rawLine, c *collector, originals bool) (units []unit, title string) {
	body = siteSource(body)
	if !originals {
		r := &markdownReader{lines: body, c: c}
		r.read()
		return r.units, ""
	}
	first := &collector{file: c.file}
	r := &markdownReader{lines: body, c: first}
	r.read()
	if originals := r.originalComments(); originals != nil {
		title = r.originalTitle
		r = &markdownReader{lines: body, c: c, originals: originals}
		r.read()
		return r.units, title
	}
	c.diags = append(c.diags, first.diags...)
	return r.units, ""
}

// read parses the reader's lines and makes their units.
func (r *markdownReader) read() {
	if len(r.lines) == 0 {
		return
	}
	var b bytes.Buffer
	for _, l := range r.lines {
		r.starts = append(r.starts, b.Len())
		b.WriteString(l.raw)
		b.WriteByte('\n')
	}
	r.src = b.Bytes()
	root := newMarkdown().Parser().Parse(text.NewReader(r.src))
	r.blocks(root, 0, 0)
}

// lineAt returns the index in r.lines of the line holding byte offset off.
func (r *markdownReader) lineAt(off int) int {
	return max(sort.SearchInts(r.starts, off+1)-1, 0)
}

// sourceLines returns the body lines a node spans.
func (r *markdownReader) sourceLines(n ast.Node) []SourceLine {
	lo, hi := r.span(n)
	if lo < 0 {
		return nil
	}
	out := make([]SourceLine, 0, hi-lo+1)
	for i := lo; i <= hi; i++ {
		if r.lines[i].text != "" {
			out = append(out, SourceLine{No: r.lines[i].no, Text: r.lines[i].text})
		}
	}
	return out
}

// span returns the first and last line indexes of a node, or -1.
func (r *markdownReader) span(n ast.Node) (lo, hi int) {
	lo, hi = -1, -1
	widen := func(seg text.Segment) {
		a, b := r.lineAt(seg.Start), r.lineAt(max(seg.Stop-1, seg.Start))
		if lo < 0 || a < lo {
			lo = a
		}
		hi = max(hi, b)
	}
	_ = ast.Walk(n, func(m ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if m.Type() == ast.TypeBlock {
			lines := m.Lines()
			for i := 0; i < lines.Len(); i++ {
				widen(lines.At(i))
			}
		} else if t, ok := m.(*ast.Text); ok {
			widen(t.Segment)
		}
		return ast.WalkContinue, nil
	})
	return lo, hi
}

// add makes a unit of a block node with its inlines.
func (r *markdownReader) add(n ast.Node, md mdBlock) { r.addLines(r.sourceLines(n), md) }

// addLines makes a unit of a block that stands on the given source lines.
func (r *markdownReader) addLines(lines []SourceLine, md mdBlock) {
	if len(lines) == 0 {
		return
	}
	md.inlines = linkAddresses(r.templateTags(merge(trimInlines(dropAttributeList(md.inlines)))))
	if len(md.inlines) == 0 && !md.pre {
		return
	}
	md.ruleBefore, r.rule = r.rule, false
	u := unit{lines: lines, md: &md}
	u.readText()
	r.units = append(r.units, u)
}

// loneCode reports a paragraph's inlines that are one code span on one
// line, no link.
func loneCode(ins []Inline) bool {
	return len(ins) == 1 && ins[0].Style == Code && ins[0].Link == "" && !strings.Contains(ins[0].Text, "\n") && strings.TrimSpace(ins[0].Text) != ""
}

// MarkupOnly reports inlines that are all template markup (a shortcode
// standing for text only the site has).
func MarkupOnly(ins []Inline) bool {
	for _, in := range ins {
		if in.Style&Markup == 0 && strings.TrimSpace(in.Text) != "" {
			return false
		}
	}
	return len(ins) > 0
}

// readText sets a Markdown unit's text, class and script counts from its
// inlines.
func (u *unit) readText() {
	u.text = textOf(u.md.inlines)
	u.class, u.counts = classify(u.text)
	if u.md.pre || u.md.twin != nil || MarkupOnly(u.md.inlines) {
		// code, template markup and a heading the site words in each
		// language are in neither: they go with a neighbour
		u.class = classNeutral
	}
	u.neutral = u.class == classNeutral
}

// blocks reads the block children of n; depth is the list nesting, quote
// the block quotes around them.
func (r *markdownReader) blocks(n ast.Node, depth, quote int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if last := r.liquidCode(c, quote); last != nil {
			c = last
			continue
		}
		r.block(c, depth, quote)
	}
}

// Liquid's code blocks: {% highlight ruby %} … {% endhighlight %} (Jekyll),
// {% codeblock %} … {% endcodeblock %} (Octopress, Hexo), {% raw %} … {% endraw %};
// and Hugo's {{< highlight go >}} … {{< /highlight >}} (and its diagrams' and
// formulas': mermaid, katex, math).
var (
	liquidCodeOpen  = regexp.MustCompile(`^(?:\{%-?\s*(highlight|codeblock|raw)\b[^%]*-?%\}|\{\{[<%]\s*(highlight|mermaid|katex|math)\b[^{}]*[>%]\}\})$`)
	liquidCodeClose = regexp.MustCompile(`(?:\{%-?\s*end(highlight|codeblock|raw)\s*-?%|\{\{[<%]\s*/(highlight|mermaid|katex|math)\s*[>%]\})\}$`)
)

// maxLiquidCodeLines bounds a Liquid code block: an opening tag whose
// closing one is further on is left as text, rather than taking the rest
// of the file for code.
const maxLiquidCodeLines = 2000

// liquidCode reads a Liquid code block that starts at block c: its lines,
// the tags included, as a code block, whatever Markdown makes of them
// (a "# comment" line is no heading in it). It returns the last node the
// block covers, or nil when c does not open one (or it is never closed).
func (r *markdownReader) liquidCode(c ast.Node, quote int) ast.Node {
	if _, ok := c.(*ast.Paragraph); !ok {
		return nil
	}
	lo, _ := r.span(c)
	if lo < 0 || !liquidCodeOpen.MatchString(r.lines[lo].text) {
		return nil
	}
	name := liquidCodeName(liquidCodeOpen.FindStringSubmatch(r.lines[lo].text))
	if r.liquidEnds == nil {
		// every closing tag's line, found in one pass over the body
		r.liquidEnds = map[string][]int{}
		for i, l := range r.lines {
			if m := liquidCodeClose.FindStringSubmatch(l.text); m != nil {
				r.liquidEnds[liquidCodeName(m)] = append(r.liquidEnds[liquidCodeName(m)], i)
			}
		}
	}
	ends := r.liquidEnds[name]
	k := sort.SearchInts(ends, lo)
	if k == len(ends) || ends[k]-lo >= maxLiquidCodeLines {
		return nil
	}
	end := ends[k]
	last := c
	for {
		_, hi := r.span(last)
		if hi >= end {
			break
		}
		if last.NextSibling() == nil {
			return nil // closed outside the list item or quote it opens in
		}
		last = last.NextSibling()
	}
	var b strings.Builder
	lines := make([]SourceLine, 0, end-lo+1)
	for i := lo; i <= end; i++ {
		text := r.lines[i].raw
		if quote > 0 {
			text = r.lines[i].text
		}
		b.WriteString(strings.TrimRight(text, " \t"))
		if i < end {
			b.WriteByte('\n')
		}
		if r.lines[i].text != "" {
			lines = append(lines, SourceLine{No: r.lines[i].no, Text: r.lines[i].text})
		}
	}
	r.addLines(lines, mdBlock{kind: Paragraph, quote: quote, pre: true, inlines: []Inline{{Text: b.String(), Style: Code, Line: r.lines[lo].no}}})
	return last
}

// liquidCodeName names the code block a tag opens or closes: Liquid's
// tag name, or Hugo's with a brace ({highlight), as its closing tag differs.
func liquidCodeName(m []string) string {
	if m[2] != "" {
		return "{" + m[2]
	}
	return m[1]
}

// block reads one block node.
func (r *markdownReader) block(c ast.Node, depth, quote int) {
	switch b := c.(type) {
	case *ast.Heading:
		md := mdBlock{kind: Heading, level: b.Level, quote: quote, inlines: r.inlines(b, 0, "")}
		if twin, ok := headingTwin(textOf(md.inlines)); ok {
			md.twin, md.inlines = &twin, []Inline{{Text: twin[English], Line: r.lineNo(b)}}
		}
		r.add(b, md)
	case *ast.Paragraph, *ast.TextBlock:
		if img := onlyImage(b); img != nil {
			r.image(img, quote)
			break
		}
		if img := r.captionedImage(b); img != nil {
			// the picture, and the lines after it its caption
			b.RemoveChild(b, img)
			r.add(b, mdBlock{kind: Paragraph, quote: quote, inlines: r.inlines(b, 0, ""), image: string(img.Destination)})
			break
		}
		if r.tagParagraph(b, quote) {
			break
		}
		ins := r.inlines(b, 0, "")
		if loneCode(ins) {
			// a line of code alone, as a command stands (tldr's pages): a
			// code block, set as written, never justified
			r.add(b, mdBlock{kind: Paragraph, quote: quote, pre: true, inlines: []Inline{{Text: ins[0].Text, Style: Code, Line: ins[0].Line}}})
			break
		}
		r.add(b, mdBlock{kind: Paragraph, quote: quote, inlines: ins})
	case *ast.Blockquote:
		first := len(r.units)
		r.blocks(b, depth, quote+1)
		r.markAlert(first, quote+1)
	case *ast.List:
		r.list(b, depth, quote)
	case *containerNode:
		r.container(b, depth, quote)
	case *east.Footnote:
		r.footnote(b, depth, quote)
	case *ast.FencedCodeBlock:
		if r.directive(b, quote) {
			break
		}
		r.add(b, mdBlock{kind: Paragraph, quote: quote, pre: true, title: r.codeTitle(b), inlines: []Inline{r.code(b)}})
	case *ast.CodeBlock:
		r.add(b, mdBlock{kind: Paragraph, quote: quote, pre: true, inlines: []Inline{r.code(b)}})
	case *ast.HTMLBlock:
		r.html(b, quote)
	case *east.Table:
		first := len(r.units)
		defer r.tableLanguage(first)
		r.tables++
		var align []CellAlign
		for _, a := range b.Alignments {
			switch a {
			case east.AlignRight:
				align = append(align, AlignRight)
			case east.AlignCenter:
				align = append(align, AlignCenter)
			default:
				align = append(align, AlignLeft)
			}
		}
		for row := b.FirstChild(); row != nil; row = row.NextSibling() {
			var ins []Inline
			k := 0
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				if k++; k > 1 {
					ins = append(ins, Inline{Text: " "}) // between cells: in the text, in no cell
				}
				for _, in := range r.inlines(cell, 0, "") {
					in.Cell = k
					ins = append(ins, in)
				}
			}
			_, head := row.(*east.TableHeader)
			r.add(row, mdBlock{kind: Paragraph, quote: quote, inlines: ins, table: r.tables, head: head, align: align})
		}
	case *east.DefinitionTerm:
		r.add(b, mdBlock{kind: Paragraph, quote: quote, inlines: r.inlines(b, 0, "")})
	case *ast.ThematicBreak:
		r.rule = true // drawn before the next block
	default:
		r.blocks(b, depth, quote)
	}
}

// tableLanguage gives the rows of a table, units[first:], the language of
// its header row: a table is written in one language, and a row of names
// and numbers (| Go | 1.26 |) in a Chinese table is Chinese, not an
// English line. A row of English prose (with function words) keeps its
// own language.
func (r *markdownReader) tableLanguage(first int) {
	if first >= len(r.units) {
		return
	}
	header := r.units[first].class
	if header == classNeutral || r.units[first].md.pre {
		return
	}
	for i := first + 1; i < len(r.units); i++ {
		u := &r.units[i]
		if u.class == classNeutral || header == classZH && u.class == classEN && u.counts.function == 0 {
			u.class, u.neutral = header, false
		}
	}
}

// list reads a list's items: the first text block of an item is a list
// item unit with the item's marker; its other blocks follow as they are.
func (r *markdownReader) list(l *ast.List, depth, quote int) {
	var classes []class
	var counts []scriptCounts
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		cl, c := classify(string(item.Text(r.src)))
		classes, counts = append(classes, cl), append(counts, c)
	}
	classes = namesInList(classes, counts)
	number := l.Start
	var last class
	k := -1
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		k++
		// A bilingual list written as one (the Chinese items, then the
		// English ones, with no text between) numbers each language anew.
		cl := classes[k]
		if cl != classNeutral && last != classNeutral && cl != last {
			number = l.Start
		}
		if cl != classNeutral {
			last = cl
		}
		marker := "-"
		if l.IsOrdered() {
			marker = strconv.Itoa(number) + string(l.Marker)
			number++
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch b := c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				if first {
					n := len(r.units)
					r.add(b, mdBlock{kind: ListItem, marker: taskMarker(b, marker), depth: depth, quote: quote, inlines: r.inlines(b, 0, "")})
					if len(r.units) > n && cl == classZH && r.units[n].class == classEN {
						r.units[n].class = classZH // a name among Chinese items (namesInList)
					}
					first = false
					continue
				}
				// the item's next paragraph stands under its text
				r.add(b, mdBlock{kind: Paragraph, depth: depth, quote: quote, under: marker, inlines: r.inlines(b, 0, "")})
			case *ast.List:
				r.list(b, depth+1, quote)
			default:
				r.block(b, depth, quote)
			}
		}
	}
}

// taskMarker is a task list item's marker: a ballot box, checked when the
// task is done (- [x]), in place of a bullet; other items keep theirs.
func taskMarker(item ast.Node, marker string) string {
	box, ok := item.FirstChild().(*east.TaskCheckBox)
	switch {
	case !ok || marker != "-":
		return marker
	case box.IsChecked:
		return "☑"
	}
	return "☐"
}

// namesInList returns the classes of a list's items with each run of
// items that are Latin names (English by their script, but no function
// word: - Kubernetes, - Go) read as Chinese when Chinese items stand on
// both sides of it: a list is written in one language, and the name is the
// Chinese item, as its English list has it too. Only in the list's Chinese
// part (up to its last Chinese item: Markdown makes one list of a Chinese
// list and the English one after it), and not when that part holds
// English prose or about as many names as Chinese items (a list that
// alternates the languages, a glossary of terms and their translations):
// there the run keeps its script's reading and the alignment decides.
func namesInList(classes []class, counts []scriptCounts) []class {
	name := func(i int) bool { return classes[i] == classEN && counts[i].function == 0 }
	end := 0 // the Chinese part of the list: up to its last Chinese item (a Chinese
	// list and its English one after a blank line are one list to Markdown)
	for i, c := range classes {
		if c == classZH {
			end = i + 1
		}
	}
	zh, names := 0, 0
	for i := range classes[:end] {
		switch {
		case classes[i] == classZH:
			zh++
		case name(i):
			names++
		case classes[i] == classEN:
			return classes // English prose among the Chinese items: a list alternating the languages
		}
	}
	if zh < 2*names {
		return classes // about as many names as Chinese items: a glossary, each term after its translation
	}
	for i := 0; i < end; {
		if !name(i) {
			i++
			continue
		}
		j := i
		for j < len(classes) && name(j) {
			j++
		}
		if i > 0 && j < len(classes) && classes[i-1] == classZH && classes[j] == classZH {
			for k := i; k < j; k++ {
				classes[k] = classZH
			}
		}
		i = j
	}
	return classes
}

// code returns a code block's text, its lines kept.
func (r *markdownReader) code(n ast.Node) Inline {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	text := strings.TrimRight(b.String(), "\n")
	return Inline{Text: text, Style: Code, Line: r.lineNo(n)}
}

// The file name or title a fence's info string gives its code:
// ```js [vite.config.js] (VitePress, a code group's tab too), ```js
// title="app.js" (Docusaurus, Material for MkDocs, Starlight) and ```go
// {filename="main.go"} (Hugo themes).
var (
	codeTabTitle  = regexp.MustCompile(`\[([^\[\]]+)\]\s*$`)
	codeAttrTitle = regexp.MustCompile(`\b(?:title|filename)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// codeTitle is the title a fenced code block's info string gives it, or "".
func (r *markdownReader) codeTitle(b *ast.FencedCodeBlock) string {
	if b.Info == nil {
		return ""
	}
	info := string(b.Info.Segment.Value(r.src))
	if m := codeAttrTitle.FindStringSubmatch(info); m != nil {
		return strings.TrimSpace(m[1] + m[2])
	}
	if m := codeTabTitle.FindStringSubmatch(info); m != nil && strings.IndexFunc(info, unicode.IsSpace) >= 0 {
		return strings.TrimSpace(m[1]) // after the language: ```[x] alone is no title
	}
	return ""
}

func (r *markdownReader) lineNo(n ast.Node) int {
	lo, _ := r.span(n)
	if lo < 0 {
		return r.lines[0].no
	}
	return r.lines[lo].no
}

// inlines reads the inline children of n in style st, inside a link to
// href when href is set.
func (r *markdownReader) inlines(n ast.Node, st Style, href string) []Inline {
	var out []Inline
	var marks []int // the footnote marks in out
	outer := href   // the link around n; an inline <a href> in n links what follows it to its </a>
	base := st      // the style around n, which an inline tag's end restores
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch x := c.(type) {
		case *ast.Text:
			line := r.lines[r.lineAt(x.Segment.Start)].no
			out = append(out, Inline{Text: decodeText(x.Segment.Value(r.src)), Style: st, Link: href, Line: line})
			switch {
			case x.HardLineBreak():
				out = append(out, Inline{Text: "\n", Style: st, Link: href, Line: line})
			case x.SoftLineBreak() && !endsLineBreak(out):
				out = append(out, Inline{Text: " ", Style: st, Link: href, Line: line})
			}
		case *ast.String:
			out = append(out, Inline{Text: decodeText(x.Value), Style: st, Link: href})
		case *ast.Emphasis:
			s := Emphasis
			if x.Level >= 2 {
				s = Strong
			}
			out = append(out, r.inlines(x, st|s, href)...)
		case *east.Strikethrough:
			out = append(out, r.inlines(x, st|Strike, href)...)
		case *ast.CodeSpan:
			var b strings.Builder
			line := 0
			for t := x.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					if line == 0 {
						line = r.lines[r.lineAt(tx.Segment.Start)].no
					}
					b.Write(tx.Segment.Value(r.src))
				}
			}
			out = append(out, Inline{Text: b.String(), Style: st | Code, Link: href, Line: line})
		case *ast.Link:
			out = append(out, r.inlines(x, st, linkTarget(string(x.Destination)))...)
		case *ast.AutoLink:
			u := string(x.URL(r.src))
			target := u
			if x.AutoLinkType == ast.AutoLinkEmail {
				target = "mailto:" + u
			}
			out = append(out, Inline{Text: u, Style: st, Link: linkTarget(target)})
		case *ast.Image:
			r.noteImage(x) // an image inside text: not set
		case *ast.RawHTML:
			// an inline tag is markup: its text comes as the nodes around
			// it; a <br> is a hard line break, as in HTML, <a href> a
			// link, and <b>, <i>, <code>, <kbd>, <del> … style the text
			// up to their end tag
			tag := x.Segments.Value(r.src)
			switch m := htmlAnchor.FindSubmatch(tag); {
			case isLineBreakTag(tag):
				out = append(out, Inline{Text: "\n", Style: st, Link: href})
			case m != nil && outer == "":
				href = linkTarget(decodeText(m[1]) + decodeText(m[2]) + decodeText(m[3]))
			case htmlAnchorEnd.Match(tag):
				href = outer
			case componentText.Match(tag):
				// a component that shows its text attribute (VitePress'
				// <Badge type="tip" text="^1.9.0" />): that text
				t := componentText.FindSubmatch(tag)
				out = append(out, Inline{Text: decodeText(append(t[1], t[2]...)), Style: st, Link: href, Line: r.lineNo(n)})
			default:
				if s, closing, ok := htmlStyleTag(tag); ok && closing {
					st = st&^s | base&s // back to the style around n
				} else if ok {
					st |= s
				}
			}
		case *east.FootnoteLink:
			marks = append(marks, len(out)) // the notes come as blocks at the end
			var line int
			if len(out) > 0 {
				line = out[len(out)-1].Line // the text it follows
			}
			if line == 0 {
				line = r.lineNo(n)
			}
			out = append(out, Inline{Text: footnoteMark(x.Index), Style: st, Link: href, Line: line, Note: x.Index})
		case *east.TaskCheckBox, *east.FootnoteBacklink:
			// the box is the item's marker; the note's way back is a link's
		default:
			out = append(out, r.inlines(x, st, href)...)
		}
	}
	out = marksAfterPunctuation(out, marks)
	// text-level segmentation in Chinese: a soft break between CJK
	// characters is nothing, as the plain format joins its lines
	for i := 1; i+1 < len(out); i++ {
		if out[i].Text == " " && endsCJK(out[i-1].Text) && startsCJK(out[i+1].Text) {
			out[i].Text = ""
		}
	}
	return out
}

func endsCJK(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return script.IsFullWidth(r)
}

func startsCJK(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return script.IsFullWidth(r)
}

// decodeText resolves a text's backslash escapes and entities.
func decodeText(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	s, _ := DropUnwritable(string(b))
	return s
}

// linkTarget is a link's href: web and mail addresses percent-encoded by
// the one finder's rules, anything else (a relative path that means
// nothing outside the site, a script) no link.
func linkTarget(dest string) string {
	lower := strings.ToLower(dest)
	switch {
	case strings.HasPrefix(lower, "mailto:"):
		return script.EncodeURI(dest)
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
		return script.Href(dest)
	}
	return ""
}

// Raw HTML in blocks: tags are markup, their text is kept, and scripts,
// styles and comments give nothing.
var (
	htmlDropped  = regexp.MustCompile(`(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->`)
	htmlBlockTag = regexp.MustCompile(`(?i)</?(?:p|div|aside|figure|figcaption|blockquote|section|article|header|footer|li|ul|ol|h[1-6]|br|hr|table|tr|td|th|pre)\b[^>]*>`)
	htmlTag      = regexp.MustCompile(`(?s)<[^>]*>`)
)

// html reads an HTML block's text as paragraphs: one per block element.
func (r *markdownReader) html(b *ast.HTMLBlock, quote int) {
	if r.original(b, quote) {
		return
	}
	if r.originals == nil {
		r.noteComment(b)
	}
	raw := string(b.Text(r.src))
	if markdownAttr.MatchString(raw) && r.nested < maxKramdownNesting {
		if lo, hi := r.span(b); lo >= 0 {
			r.kramdown(lo, hi, quote)
			return
		}
	}
	raw = htmlDropped.ReplaceAllString(raw, "")
	lines := r.sourceLines(b)
	if len(lines) == 0 {
		return
	}
	if r.htmlTable(raw, lines, quote) || r.htmlImage(raw, lines, quote) {
		return
	}
	tags := htmlBlockTag.FindAllStringIndex(raw, -1)
	for k := 0; k <= len(tags); k++ {
		from, to := 0, len(raw)
		if k > 0 {
			from = tags[k-1][1]
		}
		if k < len(tags) {
			to = tags[k][0]
		}
		t := htmlText(raw[from:to])
		if t == "" {
			continue
		}
		md := mdBlock{kind: Paragraph, quote: quote, inlines: []Inline{{Text: decodeText([]byte(t)), Line: lines[0].No}}}
		if k > 0 {
			if m := htmlHeadingTag.FindStringSubmatch(raw[tags[k-1][0]:tags[k-1][1]]); m != nil {
				md.kind, md.level = Heading, int(m[1][0]-'0') // <h1 align="center">tidy</h1>: a README's title
			}
		}
		r.addLines(lines, md)
	}
}

// componentText is a self-closing component that shows the text it is
// given: VitePress' and VuePress' <Badge type="tip" text="^1.9.0" />.
var componentText = regexp.MustCompile(`^<[A-Z][\w.]*\s[^<>]*?\btext\s*=\s*(?:"([^"]*)"|'([^']*)')[^<>]*/>$`)

// htmlHeadingTag is an HTML heading's start tag.
var htmlHeadingTag = regexp.MustCompile(`(?i)^<h([1-6])\b`)

// kramdown's markdown="1" (and "block", "span") asks for an HTML element's
// content to be read as Markdown.
var (
	markdownAttr   = regexp.MustCompile(`(?i)<[a-z][^>]*\smarkdown\s*=\s*(?:"(?:1|block|span)"|'(?:1|block|span)'|1)[^>]*>`)
	blockTagAtLine = regexp.MustCompile(`(?i)^\s*</?(?:p|div|aside|figure|figcaption|blockquote|section|article|header|footer)\b`)
)

// maxKramdownNesting bounds markdown="1" elements read inside each other.
const maxKramdownNesting = 8

// kramdown reads body lines lo..hi, an HTML block with markdown="1", as
// Markdown once its block tags are taken out: each element that starts a
// line starts a new block (the pull quote, then its credit), and the
// content's common indentation is removed, as kramdown does.
func (r *markdownReader) kramdown(lo, hi, quote int) {
	var lines []rawLine
	indent := -1
	for i := lo; i <= hi; i++ {
		l := r.lines[i]
		if blockTagAtLine.MatchString(l.raw) && len(lines) > 0 {
			lines = append(lines, rawLine{no: l.no}) // a new element: a new block
		}
		t := htmlBlockTag.ReplaceAllString(markdownAttr.ReplaceAllString(l.raw, ""), "")
		if strings.TrimSpace(t) == "" {
			t = ""
		} else if n := len(t) - len(strings.TrimLeft(t, " \t")); indent < 0 || n < indent {
			indent = n
		}
		lines = append(lines, rawLine{no: l.no, raw: t, text: trimSpace(t)})
	}
	for i := range lines {
		if lines[i].raw != "" {
			lines[i].raw = lines[i].raw[indent:]
		}
	}
	sub := &markdownReader{lines: lines, c: r.c, nested: r.nested + 1, rule: r.rule, images: r.images, tables: r.tables}
	r.rule = false
	sub.read()
	for _, u := range sub.units {
		u.md.quote += quote
		r.units = append(r.units, u)
	}
	r.images, r.tables = sub.images, sub.tables
}

// attributeList is a kramdown attribute list ({: .note}, {#id}) at the end
// of a block, or a block of its own: markup.
var attributeList = regexp.MustCompile(`\s*\{[:#][^{}]*\}\s*$`)

// dropAttributeList removes a trailing kramdown attribute list.
func dropAttributeList(ins []Inline) []Inline {
	if n := len(ins); n > 0 && ins[n-1].Style&Code == 0 {
		if loc := attributeList.FindStringIndex(ins[n-1].Text); loc != nil {
			ins[n-1].Text = ins[n-1].Text[:loc[0]]
		}
	}
	return ins
}

// templateTag finds a site generator's template markup in text: Hugo's
// shortcodes ({{< note >}}, {{% heading "next" %}}), Liquid's tags and
// output ({% include x.html %}, {{ site.url }}), each on at most a few
// lines.
var templateTag = regexp.MustCompile(`\{\{[<%][^\n]*?(?:\n[^\n]*?){0,4}[>%]\}\}|\{%[^\n]*?%\}|\{\{[^{}\n]*\}\}`)

// templateTags marks template markup, which only the site's generator
// can expand, as Markup: shown as written (its quotes straight, never
// hyphenated). The first one in the file is noted.
func (r *markdownReader) templateTags(ins []Inline) []Inline {
	var out []Inline
	for _, in := range ins {
		if in.Style&(Code|Markup) != 0 || in.Link != "" || !strings.Contains(in.Text, "{") {
			out = append(out, in)
			continue
		}
		locs := templateTag.FindAllStringIndex(in.Text, -1)
		if locs == nil {
			out = append(out, in)
			continue
		}
		at := 0
		for _, l := range locs {
			piece := in
			if l[0] > at {
				piece.Text = in.Text[at:l[0]]
				out = append(out, piece)
			}
			piece.Text = in.Text[l[0]:l[1]]
			piece.Line = in.Line + strings.Count(in.Text[:l[0]], "\n")
			if shown, style, ok := templateShown(piece.Text); ok {
				piece.Text = shown // the words it shows
				piece.Style |= style
			} else {
				r.noteTemplate(piece)
				piece.Style |= Markup
			}
			out = append(out, piece)
			at = l[1]
		}
		if at < len(in.Text) {
			piece := in
			piece.Text = in.Text[at:]
			piece.Line = in.Line + strings.Count(in.Text[:at], "\n")
			out = append(out, piece)
		}
	}
	return out
}

// noteTemplate warns, once an article, that template markup is shown as
// written.
func (r *markdownReader) noteTemplate(tag Inline) {
	if !r.templates {
		r.templates = true
		r.c.warnf(tag.Line, "template markup (%s) is a site generator's, which diglot does not run: it is shown as written", firstLine(tag.Text))
	}
}

// linkAddresses makes the web addresses written out in text (not in code,
// not already a link) links, as the plain format does, by the one finder.
func linkAddresses(ins []Inline) []Inline {
	var out []Inline
	for _, in := range ins {
		if in.Link != "" || in.Style&Code != 0 {
			out = append(out, in)
			continue
		}
		for _, piece := range plainInlines(in.Text, in.Line) {
			piece.Style, piece.Lang, piece.Cell, piece.Note = in.Style, in.Lang, in.Cell, in.Note
			out = append(out, piece)
		}
	}
	return out
}

// isLineBreakTag reports an HTML line break tag: <br>, <br/>, <BR />,
// <br class="x">.
func isLineBreakTag(tag []byte) bool {
	t := strings.ToLower(strings.TrimSpace(string(tag)))
	return len(t) > 3 && strings.HasPrefix(t, "<br") && strings.HasSuffix(t, ">") && strings.ContainsRune(" \t\n/>", rune(t[3]))
}

// endsLineBreak reports inlines whose text ends with a hard line break
// (a <br> at a line's end): the soft break after it adds no space.
func endsLineBreak(ins []Inline) bool {
	for i := len(ins) - 1; i >= 0; i-- {
		if ins[i].Text != "" {
			return strings.HasSuffix(ins[i].Text, "\n")
		}
	}
	return false
}

// alertMark is the first line of a GitHub alert, a quote that is a
// note, tip, or warning: > [!NOTE]; or of an Obsidian callout, of more
// kinds, foldable (+ or -) and perhaps titled: > [!example]- 标题.
var alertMark = regexp.MustCompile(`(?i)^\[!([a-z]+)\][+-]?`)

// alertKinds map the kinds an alert or callout names to the kinds diglot
// labels (alertLabels); a quotation's (quote, cite) has no label.
var alertKinds = map[string]string{
	"note": "NOTE", "tip": "TIP", "hint": "TIP", "important": "IMPORTANT", "warning": "WARNING", "caution": "CAUTION",
	"attention": "WARNING", "danger": "DANGER", "error": "DANGER", "info": "INFO", "todo": "TODO",
	"abstract": "ABSTRACT", "summary": "ABSTRACT", "tldr": "ABSTRACT", "success": "SUCCESS", "check": "SUCCESS", "done": "SUCCESS",
	"question": "QUESTION", "help": "QUESTION", "faq": "QUESTION", "failure": "FAILURE", "fail": "FAILURE", "missing": "FAILURE",
	"bug": "BUG", "example": "EXAMPLE", "quote": quoteKind, "cite": quoteKind,
}

// markAlert reads a quote whose units start at first as a GitHub alert
// when its text opens with [!NOTE] (or TIP, IMPORTANT, WARNING, CAUTION):
// the mark is dropped and the quote's first paragraph labelled with its
// kind (see alertLabel), in the paragraph's own language.
func (r *markdownReader) markAlert(first, quote int) {
	if first >= len(r.units) || r.units[first].md == nil || r.units[first].md.pre {
		return
	}
	u := &r.units[first]
	m := alertMark.FindStringSubmatch(u.text)
	if m == nil {
		return
	}
	kind, ok := alertKinds[strings.ToLower(m[1])]
	if !ok {
		return
	}
	title, n := alertTitle(u, m[0])
	ins := dropPrefix(u.md.inlines, n)
	if len(ins) == 0 { // the mark stood alone: the quote's next paragraph carries it
		rule := u.md.ruleBefore
		r.units = slices.Delete(r.units, first, first+1)
		if first >= len(r.units) || r.units[first].md == nil || r.units[first].md.quote != quote {
			return
		}
		u = &r.units[first]
		u.md.ruleBefore = u.md.ruleBefore || rule
		ins = u.md.inlines
	}
	md := *u.md
	md.inlines = ins
	if kind != quoteKind {
		md.alert, md.title = kind, title
	}
	u.md = &md
	u.readText()
	if kind == quoteKind {
		r.credit(title, u.lines[0], quote) // a quotation's title is its credit
	}
}

// alertTitle returns the title an alert's first line gives after its mark
// (Obsidian's > [!tip] 标题) and how many bytes of the paragraph's text the
// mark and the title take.
func alertTitle(u *unit, mark string) (string, int) {
	line := strings.TrimSpace(strings.TrimLeft(u.lines[0].Text, "> \t"))
	if !strings.HasPrefix(strings.ToLower(line), strings.ToLower(mark)) {
		return "", len(mark)
	}
	title := strings.TrimSpace(line[len(mark):])
	rest := u.text[len(mark):]
	spaces := len(rest) - len(strings.TrimLeft(rest, " "))
	if title == "" || !strings.HasPrefix(rest[spaces:], title) {
		return "", len(mark)
	}
	return title, len(mark) + spaces + len(title)
}

// dropPrefix returns inlines without their text's first n bytes.
func dropPrefix(ins []Inline, n int) []Inline {
	out := slices.Clone(ins)
	for len(out) > 0 && n > 0 {
		if len(out[0].Text) > n {
			out[0].Text = strings.TrimLeft(out[0].Text[n:], " \n")
			break
		}
		n -= len(out[0].Text)
		out = out[1:]
	}
	for len(out) > 0 && strings.TrimSpace(out[0].Text) == "" {
		out = out[1:]
	}
	return out
}

// The parts of an HTML table and image that htmlTable and htmlImage read.
var (
	htmlTableTag  = regexp.MustCompile(`(?is)^\s*<table\b.*</table\s*>\s*$`)
	htmlRow       = regexp.MustCompile(`(?is)<tr\b[^>]*>(.*?)</tr\s*>`)
	htmlCell      = regexp.MustCompile(`(?is)<(t[hd])\b[^>]*>(.*?)</t[hd]\s*>`)
	htmlCode      = regexp.MustCompile(`(?is)<code\b[^>]*>(.*?)</code\s*>`)
	htmlImg       = regexp.MustCompile(`(?is)<img\b[^>]*>`)
	htmlAnchor    = regexp.MustCompile(`(?is)^<a\s[^>]*\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>$`)
	htmlAnchorEnd = regexp.MustCompile(`(?i)^</a\s*>$`)
	htmlAttr      = regexp.MustCompile(`(?is)\s(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
)

// htmlTable reads an HTML block that is one <table> as a Markdown table
// is read: a paragraph a row, its cells' inlines numbered by cell (code in
// <code> kept as code), the header row the one whose cells are all <th>,
// every row in the language of the header (tableLanguage). False when raw
// is no table of rows of cells.
func (r *markdownReader) htmlTable(raw string, lines []SourceLine, quote int) bool {
	if !htmlTableTag.MatchString(raw) {
		return false
	}
	rows := htmlRow.FindAllStringSubmatch(raw, -1)
	if len(rows) == 0 {
		return false
	}
	first := len(r.units)
	r.tables++
	for _, row := range rows {
		var ins []Inline
		head := true
		for k, cell := range htmlCell.FindAllStringSubmatch(row[1], -1) {
			if k > 0 {
				ins = append(ins, Inline{Text: " "}) // between cells: in no cell
			}
			head = head && strings.EqualFold(cell[1], "th")
			for _, in := range htmlInlines(cell[2], lines[0].No) {
				in.Cell = k + 1
				ins = append(ins, in)
			}
		}
		if len(ins) > 0 {
			r.addLines(lines, mdBlock{kind: Paragraph, quote: quote, inlines: ins, table: r.tables, head: head})
		}
	}
	r.tableLanguage(first)
	return true
}

// htmlText is an HTML fragment's text: its tags dropped, white space
// collapsed (entities still to decode).
func htmlText(frag string) string {
	return strings.Join(strings.Fields(htmlTag.ReplaceAllString(frag, "")), " ")
}

// htmlInlines is an HTML fragment's text as inlines: <code> as code, other
// tags dropped, entities decoded, white space collapsed.
func htmlInlines(frag string, line int) []Inline {
	var out []Inline
	add := func(text string, style Style) {
		if t := htmlText(text); t != "" {
			out = append(out, Inline{Text: decodeText([]byte(t)), Style: style, Line: line})
		}
	}
	at := 0
	for _, m := range htmlCode.FindAllStringSubmatchIndex(frag, -1) {
		add(frag[at:m[0]], 0)
		add(frag[m[2]:m[3]], Code)
		at = m[1]
	}
	add(frag[at:], 0)
	return out
}

// htmlImage reads an HTML block whose only content is an <img> (a
// README's centred logo: <p align="center"><img src=… alt=…></p>) as an
// image on a line of its own: the picture, its alt text as the caption.
func (r *markdownReader) htmlImage(raw string, lines []SourceLine, quote int) bool {
	imgs := htmlImg.FindAllString(raw, -1)
	if len(imgs) != 1 || strings.TrimSpace(htmlTag.ReplaceAllString(raw, "")) != "" {
		return false
	}
	var src, alt string
	for _, a := range htmlAttr.FindAllStringSubmatch(imgs[0], -1) {
		v := a[2] + a[3] + a[4]
		if strings.EqualFold(a[1], "src") {
			src = v
		} else {
			alt = strings.Join(strings.Fields(v), " ")
		}
	}
	if src == "" {
		return false
	}
	if alt == "" {
		alt = src
	}
	r.addLines(lines, mdBlock{kind: Paragraph, quote: quote, inlines: []Inline{{Text: decodeText([]byte(alt)), Style: Emphasis, Line: lines[0].No}}, image: src})
	return true
}

// htmlStyles are the inline HTML elements that style their text, by name.
var htmlStyles = map[string]Style{
	"b": Strong, "strong": Strong, "i": Emphasis, "em": Emphasis, "cite": Emphasis,
	"code": Code, "kbd": Code, "samp": Code, "tt": Code, "del": Strike, "s": Strike, "strike": Strike,
}

// htmlStyleTag reads an inline HTML tag that styles text (<b>, <em>,
// <kbd>, </code> …): its style and whether it ends the element.
func htmlStyleTag(tag []byte) (s Style, closing, ok bool) {
	m := htmlInlineTag.FindSubmatch(tag)
	if m == nil {
		return 0, false, false
	}
	s, ok = htmlStyles[strings.ToLower(string(m[2]))]
	return s, len(m[1]) > 0, ok
}

// htmlInlineTag is an HTML start or end tag: its slash and its name.
var htmlInlineTag = regexp.MustCompile(`^<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>$`)
