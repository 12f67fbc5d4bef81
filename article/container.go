package article

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Custom containers, as documentation sites write them: VitePress and
// VuePress (markdown-it-container: ::: tip Title … :::), Docusaurus
// (:::note[Title] … :::), Pandoc or Quarto fenced divs (::: {.callout-warning
// title="…"} … :::) and MyST (:::{note} … :::). A container of a known
// kind (tip, warning, details, …) is a box, read as a quote whose first
// paragraph is labelled with its title, or with its kind's name in the
// paragraph's language (see alertLabel); any other (code-group, raw) only
// groups its blocks. The fence lines are markup: they join the source
// lines of the first and the last block inside.

// kindContainer is the node kind of a container.
var kindContainer = ast.NewNodeKind("Container")

// containerNode is a container: its blocks are its children.
type containerNode struct {
	ast.BaseBlock
	kind  string // a known kind in capitals (TIP, WARNING, DETAILS, …), or ""
	title string // the title its opening line gives, if any
	fence int    // the opening fence's colons: the closing one has as many or more
	name  string // a paired template tag's name (shortcode.go): its closing tag's
	// open and close are the byte offsets of the fence lines (close -1
	// while the container is open, and for an admonition, which has none)
	open, close int
}

func (n *containerNode) Kind() ast.NodeKind { return kindContainer }

func (n *containerNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"kind": n.kind, "title": n.title}, nil)
}

// containerKinds maps the names the sites give their boxes to the kinds
// diglot labels (alertLabels); Quarto's callout-NAME is NAME.
var containerKinds = map[string]string{
	"note": "NOTE", "tip": "TIP", "info": "INFO", "important": "IMPORTANT", "warning": "WARNING",
	"caution": "CAUTION", "danger": "DANGER", "details": "DETAILS", "pitfall": "PITFALL", "deepdive": "DEEPDIVE",
}

var (
	// containerOpen is an opening fence: 3 or more colons, then a name or
	// {attributes}, then perhaps a [title] or a title.
	containerOpen = regexp.MustCompile(`^(:{3,})[ \t]*(\{[^{}]*\}|[A-Za-z][\w-]*)(.*)$`)
	// containerClose is a closing fence, colons alone.
	containerClose = regexp.MustCompile(`^[ \t]{0,3}(:{3,})[ \t]*$`)
	// pandocClass and pandocTitle read a fenced div's {attributes}.
	pandocClass = regexp.MustCompile(`\.([A-Za-z][\w-]*)`)
	pandocTitle = regexp.MustCompile(`\btitle\s*=\s*"([^"]*)"`)
)

// closersKey keeps, in the parser's context, where the document's closing
// fences are (closers).
var closersKey = parser.NewContextKey()

// closers are the closing fence lines of a source: their byte offsets in
// order, and for each the most colons of any closing fence from it on, so
// that whether an opening fence is ever closed is a binary search.
type closers struct {
	offsets []int
	most    []int
}

// findClosers scans the source once for closing fences (quoted ones too:
// > :::).
func findClosers(src []byte) *closers {
	c := &closers{}
	var counts []int
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := bytes.TrimLeft(src[off:off+end], " \t>")
		if m := containerClose.FindSubmatch(line); m != nil {
			c.offsets = append(c.offsets, off)
			counts = append(counts, len(m[1]))
		}
		off += end + 1
	}
	c.most = make([]int, len(counts))
	most := 0
	for i := len(counts) - 1; i >= 0; i-- {
		most = max(most, counts[i])
		c.most[i] = most
	}
	return c
}

// closedAfter tells whether a closing fence of at least fence colons
// stands after byte offset off.
func (c *closers) closedAfter(off, fence int) bool {
	i := sort.SearchInts(c.offsets, off+1)
	return i < len(c.offsets) && c.most[i] >= fence
}

// boxParser is what goldmark's block parsers of boxes (containers,
// admonitions, paired tags) have in common: a box may interrupt a
// paragraph, holds no indented code of its own and needs nothing done
// when it closes.
type boxParser struct{}

func (boxParser) Close(ast.Node, text.Reader, parser.Context) {}

func (boxParser) CanInterruptParagraph() bool { return true }

func (boxParser) CanAcceptIndentedLine() bool { return false }

// containerParser is goldmark's block parser for containers.
type containerParser struct{ boxParser }

func (containerParser) Trigger() []byte { return []byte{':'} }

func (containerParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	m := containerOpen.FindSubmatch(bytes.TrimRight(line[pos:], " \t\r\n"))
	if m == nil {
		return nil, parser.NoChildren
	}
	cl, _ := pc.Get(closersKey).(*closers)
	if cl == nil {
		cl = findClosers(reader.Source())
		pc.Set(closersKey, cl)
	}
	if !cl.closedAfter(seg.Start, len(m[1])) {
		return nil, parser.NoChildren // never closed: the line is text
	}
	n := &containerNode{fence: len(m[1]), open: seg.Start, close: -1}
	name, rest := string(m[2]), strings.TrimSpace(strings.TrimRight(string(m[3]), ": \t"))
	if strings.HasPrefix(name, "{") {
		if c := pandocClass.FindStringSubmatch(name); c != nil {
			name = c[1]
		} else if f := strings.Fields(strings.Trim(name, "{}")); len(f) > 0 { // MyST: :::{note}
			name = f[0]
		}
		if t := pandocTitle.FindStringSubmatch(string(m[2])); t != nil {
			rest = t[1]
		}
	}
	name = strings.TrimPrefix(strings.ToLower(name), "callout-")
	if strings.HasPrefix(rest, "[") && strings.HasSuffix(rest, "]") { // Docusaurus: :::note[Title]
		rest = rest[1 : len(rest)-1]
	}
	n.kind, n.title = containerKinds[name], strings.TrimSpace(rest)
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

func (containerParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*containerNode)
	line, seg := reader.PeekLine()
	if m := containerClose.FindSubmatch(bytes.TrimRight(line, "\r\n")); m != nil && len(m[1]) >= n.fence {
		n.close = seg.Start
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// containerParserPriority puts containers before paragraphs (1000), after
// the standard blocks.
const containerParserPriority = 950

// newContainerParser is the container parser, prioritised for goldmark.
func newContainerParser() util.PrioritizedValue {
	return util.Prioritized(containerParser{}, containerParserPriority)
}

// Admonitions, as Python-Markdown writes them (MkDocs, Material for
// MkDocs): !!! tip "Title", or ??? / ???+ for one that folds, then its
// blocks indented by four spaces. They are read as containers.
var admonitionOpen = regexp.MustCompile(`^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"]*)")?[ \t]*$`)

// admonitionIndent is how far an admonition's blocks are indented.
const admonitionIndent = 4

// admonitionParser is goldmark's block parser for admonitions.
type admonitionParser struct{ boxParser }

func (admonitionParser) Trigger() []byte { return []byte{'!', '?'} }

func (admonitionParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	m := admonitionOpen.FindSubmatch(bytes.TrimRight(line[pos:], "\r\n"))
	if m == nil {
		return nil, parser.NoChildren
	}
	n := &containerNode{kind: containerKinds[strings.ToLower(string(m[1]))], title: strings.TrimSpace(string(m[2])), open: seg.Start, close: -1}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

func (admonitionParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	if w, _ := util.IndentWidth(line, reader.LineOffset()); w < admonitionIndent {
		return parser.Close
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), admonitionIndent)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

// newAdmonitionParser is the admonition parser, prioritised for goldmark.
func newAdmonitionParser() util.PrioritizedValue {
	return util.Prioritized(admonitionParser{}, containerParserPriority)
}

// container reads a container's blocks: a box (a known kind) as a quote
// whose first paragraph carries its title or kind; the fence lines join
// the first and the last block's source lines.
func (r *markdownReader) container(n *containerNode, depth, quote int) {
	first := len(r.units)
	inner := quote
	if n.kind != "" {
		inner++
	}
	open := r.lineAt(n.open)
	openLine := SourceLine{No: r.lines[open].no, Text: r.lines[open].text}
	r.blocks(n, depth, inner)
	if n.kind == "DETAILS" && n.title == "" {
		n.title = r.takeSummary(first)
	}
	if first < len(r.units) && n.kind == "" && n.title != "" && r.units[first].md != nil && r.units[first].md.pre && r.units[first].md.title == "" {
		// a tab's name over its code (<TabItem label="npm">): the code's
		// title, as a code-group tab's
		code := *r.units[first].md
		code.title = n.title
		r.units[first].md = &code
		r.units[first].lines = append([]SourceLine{openLine}, r.units[first].lines...)
	} else if first < len(r.units) && n.title != "" && (r.units[first].md == nil || r.units[first].md.pre) {
		// a title over code (::: details 示例 then a code block): a
		// paragraph of its own, in bold, so that it is not lost
		if code := r.units[first].md; code != nil && code.ruleBefore {
			// the break before the box stands over its title (addLines
			// gives the title r.rule), not between title and code
			moved := *code
			moved.ruleBefore, r.rule = false, true
			r.units[first].md = &moved
		}
		k := len(r.units)
		r.addLines([]SourceLine{openLine}, mdBlock{kind: Paragraph, quote: inner, inlines: []Inline{{Text: n.title, Style: Strong, Line: openLine.No}}})
		if len(r.units) > k {
			r.units = slices.Insert(r.units[:k], first, r.units[k])
		}
	} else if first < len(r.units) {
		head := &r.units[first]
		head.lines = append([]SourceLine{openLine}, head.lines...)
		if n.kind == quoteKind {
			r.credit(n.title, openLine, inner)
		} else {
			r.labelBox(first, n.kind, n.title)
		}
	}
	if first < len(r.units) && n.close >= 0 {
		closing := r.lineAt(n.close)
		tail := &r.units[len(r.units)-1]
		tail.lines = append(tail.lines, SourceLine{No: r.lines[closing].no, Text: r.lines[closing].text})
	}
}

// takeSummary takes an HTML <details> box's summary, the paragraph its
// <summary> line made at r.units[first], out of the box as its title (its
// source lines join the next paragraph's); "" when there is none.
func (r *markdownReader) takeSummary(first int) string {
	if first >= len(r.units) {
		return ""
	}
	u := r.units[first]
	if len(u.lines) == 0 || !strings.HasPrefix(strings.ToLower(u.lines[0].Text), "<summary") {
		return ""
	}
	r.units = slices.Delete(r.units, first, first+1)
	if first < len(r.units) {
		r.units[first].lines = append(u.lines, r.units[first].lines...)
	}
	return u.text
}

// credit sets a quotation's credit under it, in the quote, as a line of
// its own opening with a dash: the Chinese dash (——) after Chinese.
func (r *markdownReader) credit(who string, line SourceLine, quote int) {
	if who == "" {
		return
	}
	dash := "— "
	if last := r.units[len(r.units)-1]; last.class == classZH {
		dash = "——"
	}
	r.addLines([]SourceLine{line}, mdBlock{kind: Paragraph, quote: quote, inlines: []Inline{{Text: dash + who, Line: line.No}}})
}

// labelBox labels a box's paragraphs, r.units[first:]: the first of each
// language carries its kind, and the first in its title's language (the
// first of all for a title in neither, or in a language the box does not
// hold) its title, so that a bilingual box reads 提示：… and Tip: … in its
// two columns. Code and paragraphs a nested box labelled are passed over.
func (r *markdownReader) labelBox(first int, kind, title string) {
	if kind == "" && title == "" {
		return
	}
	titleClass, _ := classify(title)
	titled := title == ""
	var labelled [2]bool // zh, en
	firstText := -1
	for i := first; i < len(r.units); i++ {
		u := &r.units[i]
		if u.md == nil || u.md.pre || u.md.alert != "" || u.md.title != "" {
			continue
		}
		if firstText < 0 {
			firstText = i
		}
		k := 0
		switch u.class {
		case classEN:
			k = 1
		case classNeutral:
			continue
		}
		if labelled[k] {
			continue
		}
		labelled[k] = true
		md := *u.md
		md.alert = kind
		if !titled && (titleClass == u.class || titleClass == classNeutral) {
			md.title, titled = title, true
		}
		u.md = &md
	}
	if !titled && firstText >= 0 {
		md := *r.units[firstText].md
		md.alert, md.title = kind, title
		r.units[firstText].md = &md
	}
}

// MyST's directives (Jupyter Book, Sphinx with MyST): a fence whose info
// is {name} holds a directive, not code. Those of an admonition's kind
// ({note}, {warning}, {admonition} Title with its :class:) are boxes whose
// content is read as Markdown, its :option: lines left out; others stay
// code blocks ({code-block} python is code).
var (
	mystDirective = regexp.MustCompile(`^\{([a-z][\w-]*)\}\s*(.*)$`)
	mystOption    = regexp.MustCompile(`^:[\w-]+:(?:\s|$)`)
	mystClass     = regexp.MustCompile(`^:class:\s*(\S+)`)
)

// mystKinds are the admonitions MyST names beyond containerKinds.
var mystKinds = map[string]string{"hint": "TIP", "attention": "WARNING", "error": "DANGER", "seealso": "NOTE"}

// directive reads a MyST admonition fenced as code as a box; false for
// any other fenced block.
func (r *markdownReader) directive(b *ast.FencedCodeBlock, quote int) bool {
	if b.Info == nil || r.nested >= maxKramdownNesting {
		return false
	}
	m := mystDirective.FindStringSubmatch(strings.TrimSpace(string(b.Info.Segment.Value(r.src))))
	if m == nil {
		return false
	}
	kind, title := containerKinds[m[1]], strings.TrimSpace(m[2])
	if kind == "" {
		kind = mystKinds[m[1]]
	}
	if m[1] != "admonition" && kind == "" {
		return false
	}
	var lines []rawLine
	options := true
	for i := 0; i < b.Lines().Len(); i++ {
		seg := b.Lines().At(i)
		raw := strings.TrimRight(string(seg.Value(r.src)), "\n")
		if options && mystOption.MatchString(strings.TrimSpace(raw)) {
			if c := mystClass.FindStringSubmatch(strings.TrimSpace(raw)); c != nil && kind == "" {
				kind = boxKind(c[1])
			}
			continue
		}
		options = false
		lines = append(lines, rawLine{no: r.lines[r.lineAt(seg.Start)].no, raw: raw, text: trimSpace(raw)})
	}
	if kind == "" {
		kind = "NOTE" // {admonition} Title, of no class
	}
	first := len(r.units)
	sub := &markdownReader{lines: lines, c: r.c, nested: r.nested + 1, rule: r.rule, images: r.images, tables: r.tables, templates: r.templates}
	r.rule = false
	sub.read()
	for _, u := range sub.units {
		md := *u.md
		md.quote += quote + 1
		u.md = &md
		r.units = append(r.units, u)
	}
	r.images, r.tables, r.templates = sub.images, sub.tables, sub.templates
	if first == len(r.units) {
		return true
	}
	// the fence lines are the first and the last paragraph's source lines
	if lo, hi := r.span(b); lo > 0 {
		open := r.lines[lo-1]
		r.units[first].lines = append([]SourceLine{{No: open.no, Text: open.text}}, r.units[first].lines...)
		if hi+1 < len(r.lines) && strings.HasPrefix(r.lines[hi+1].text, open.text[:3]) {
			tail := &r.units[len(r.units)-1]
			tail.lines = append(tail.lines, SourceLine{No: r.lines[hi+1].no, Text: r.lines[hi+1].text})
		}
	}
	r.labelBox(first, kind, title)
	return true
}
