package article

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Boxes written as template tags or components: Hugo's paired shortcodes ({{< note >}} …
// {{< /note >}}; Docsy's {{% alert title="Warning" color="warning" %}}, Hugo
// Book's {{< hint info >}}, Relearn's {{% notice tip %}}, {{< details "Title"
// >}}, {{< tabs >}} {{< tab "npm" >}}) and GitBook's or Liquid's ({% hint
// style="info" %} … {% endhint %}, {% tab title="npm" %}), and MDX's components
// (<Note>, react.dev's <Pitfall>, Nextra's <Callout type="warning">, <Tabs>
// <TabItem label="npm">). A tag on a line of
// its own whose closing tag stands on a later line opens a container
// (containerNode): a box when its name or its arguments give a known kind,
// a group of blocks otherwise. The tags are markup, as a container's fences.

var (
	// shortcodeOpen is an opening tag on a line of its own: Hugo's
	// {{< name args >}} or {{% name args %}} (m[1], m[2]), or Liquid's
	// {% name args %} (m[3], m[4]).
	shortcodeOpen = regexp.MustCompile(`^(?:\{\{[<%]-?\s*([A-Za-z][\w-]*)([^{}]*?)\s*-?[>%]\}\}|\{%-?\s*([A-Za-z][\w-]*)([^%]*?)\s*-?%\})$`)
	// shortcodeClose is a closing tag on a line of its own: {{< /name >}},
	// {{% /name %}}, {% endname %}, or an MDX component's </Name> (m[3]).
	shortcodeClose = regexp.MustCompile(`^(?:\{\{[<%]-?\s*/([A-Za-z][\w-]*)\s*-?[>%]\}\}|\{%-?\s*end([A-Za-z][\w-]*)\s*-?%\}|</([A-Z][\w.]*|details)\s*>)$`)
	// detailsOpen is HTML's <details> on a line of its own, perhaps with
	// its <summary> (m[1]) after it: a box that folds, its summary its
	// title.
	detailsOpen = regexp.MustCompile(`^<details(?:\s[^<>]*)?>\s*(?:<summary>(.*?)</summary>)?$`)
	// componentOpen is an MDX (JSX) component's opening tag on a line of
	// its own: <Note>, <Callout type="warning">, <TabItem value="npm"
	// label="npm">; a capital starts its name, as JSX's components' do.
	componentOpen = regexp.MustCompile(`^<([A-Z][\w.]*)((?:\s[^<>]*?)?)\s*>$`)
	// shortcodeArg is one argument: name="value", name=value, "value" or value.
	shortcodeArg = regexp.MustCompile(`(?:([A-Za-z_][\w-]*)\s*=\s*)?(?:"([^"]*)"|'([^']*)'|([^\s"'=]+))`)
)

// shortcodeNotBlocks are the paired tags whose content is no blocks of the
// page: code (liquidCode reads it) and Liquid's comments and captures,
// which the site does not show where they stand.
var shortcodeNotBlocks = map[string]bool{"highlight": true, "codeblock": true, "raw": true, "comment": true, "capture": true,
	"mermaid": true, "katex": true, "math": true}

// shortcodeBoxes are the tags whose arguments name their kind ({{< hint
// warning >}}, {% hint style="danger" %}); one that names none is a note.
var shortcodeBoxes = map[string]bool{"hint": true, "alert": true, "callout": true, "notice": true, "admonition": true, "aside": true}

// shortcodeColours maps the colours Bootstrap themes give their alerts
// (Docsy: color="primary") to kinds.
var shortcodeColours = map[string]string{"primary": "NOTE", "secondary": "NOTE", "success": "TIP", "light": "NOTE", "dark": "NOTE"}

// shortcodeEndsKey keeps, in the parser's context, where the closing tags
// are (shortcodeEnds).
var shortcodeEndsKey = parser.NewContextKey()

// shortcodeEnds are the byte offsets of the closing tags' lines, in order,
// by tag name; found in one pass over the source.
type shortcodeEnds map[string][]int

func findShortcodeEnds(src []byte) shortcodeEnds {
	ends := shortcodeEnds{}
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := bytes.TrimSpace(bytes.TrimLeft(src[off:off+end], " \t>"))
		if m := shortcodeClose.FindSubmatch(line); m != nil {
			name := closedName(m)
			ends[name] = append(ends[name], off)
		}
		off += end + 1
	}
	return ends
}

// closedName is the name of the tag a closing tag closes: a component's
// with its "<", as <Note> and {{< note >}} are different tags.
func closedName(m [][]byte) string {
	if len(m[3]) > 0 {
		return "<" + string(m[3])
	}
	return string(m[1]) + string(m[2])
}

// closedAfter tells whether a closing tag of name stands after offset off.
func (e shortcodeEnds) closedAfter(name string, off int) bool {
	offs := e[name]
	return sort.SearchInts(offs, off+1) < len(offs)
}

// shortcodeParser is goldmark's block parser for paired template tags.
type shortcodeParser struct{ boxParser }

func (shortcodeParser) Trigger() []byte { return []byte{'{', '<'} }

func (shortcodeParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	tag := string(bytes.TrimSpace(line[pos:]))
	var name, args, kindName string
	if m := shortcodeOpen.FindStringSubmatch(tag); m != nil {
		name, args = m[1]+m[3], m[2]+m[4]
		kindName = name
	} else if m := componentOpen.FindStringSubmatch(tag); m != nil && !strings.HasSuffix(tag, "/>") {
		name, args, kindName = "<"+m[1], m[2], m[1]
	} else if m := detailsOpen.FindStringSubmatch(tag); m != nil {
		name, kindName = "<details", "details"
		if m[1] != "" {
			args = `title="` + strings.ReplaceAll(htmlText(m[1]), `"`, "'") + `"`
		}
	} else {
		return nil, parser.NoChildren
	}
	if shortcodeNotBlocks[name] {
		return nil, parser.NoChildren
	}
	ends, _ := pc.Get(shortcodeEndsKey).(shortcodeEnds)
	if ends == nil {
		ends = findShortcodeEnds(reader.Source())
		pc.Set(shortcodeEndsKey, ends)
	}
	if !ends.closedAfter(name, seg.Start) {
		return nil, parser.NoChildren // no closing tag: the line is text (shown as written)
	}
	n := &containerNode{name: name, open: seg.Start, close: -1}
	n.kind, n.title = shortcodeKind(kindName, args)
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

// shortcodeKind reads a box's kind and title from its tag's name and
// arguments.
func shortcodeKind(name, args string) (kind, title string) {
	name = strings.ToLower(name)
	if quoteTags[name] {
		return quoteKind, quoteCredit(args)
	}
	kind = containerKinds[name]
	var positional []string
	for _, a := range shortcodeArg.FindAllStringSubmatch(args, -1) {
		value := a[2] + a[3] + a[4]
		switch strings.ToLower(a[1]) {
		case "":
			positional = append(positional, value)
		case "title", "name", "summary", "label":
			title = value
		case "style", "type", "color", "kind", "level", "theme":
			if k := boxKind(value); k != "" && kind == "" {
				kind = k
			}
		}
	}
	switch {
	case shortcodeBoxes[name]:
		if kind == "" && len(positional) > 0 {
			kind = boxKind(positional[0])
			positional = positional[1:]
		}
		if kind == "" {
			kind = "NOTE"
		}
		if title == "" && len(positional) > 0 {
			title = positional[0] // {{% notice tip "Title" %}}
		}
	case title == "" && len(positional) > 0 && (kind == "DETAILS" || name == "tab") && !strings.Contains(args, "="):
		title = positional[0] // {{< details "Title" >}}, {{< tab "npm" >}}
	}
	return kind, strings.TrimSpace(title)
}

// quoteTags are the paired tags of a quotation: Hexo's and Octopress'
// {% blockquote Author, Source %} … {% endblockquote %}; quoteKind is its
// container's kind, a quote with no label whose title is its credit.
var quoteTags = map[string]bool{"blockquote": true, "quote": true, "pullquote": true}

const quoteKind = "QUOTE"

// quoteCredit is a quotation tag's credit as Hexo shows it: the author and
// the source, or the author and the title given after the source's
// address (which is left out).
func quoteCredit(args string) string {
	args = strings.TrimSpace(args)
	if loc := webAddressArg.FindStringIndex(args); loc != nil {
		author, title := strings.TrimSpace(args[:loc[0]]), strings.TrimSpace(args[loc[1]:])
		if title == "" {
			return author
		}
		return author + ", " + title
	}
	return args
}

// webAddressArg is a web address among a tag's arguments.
var webAddressArg = regexp.MustCompile(`https?://\S+`)

// boxKind is the kind a box's style or colour names, or "".
func boxKind(v string) string {
	v = strings.ToLower(v)
	if k := containerKinds[v]; k != "" {
		return k
	}
	return shortcodeColours[v]
}

func (shortcodeParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n := node.(*containerNode)
	line, seg := reader.PeekLine()
	if m := shortcodeClose.FindSubmatch(bytes.TrimSpace(line)); m != nil && closedName(m) == n.name {
		n.close = seg.Start
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// shortcodeParserPriority puts paired tags before HTML blocks (900), which
// would take a component's tag for HTML.
const shortcodeParserPriority = 850

// newShortcodeParser is the paired tags' parser, prioritised for goldmark.
func newShortcodeParser() util.PrioritizedValue {
	return util.Prioritized(shortcodeParser{}, shortcodeParserPriority)
}

// Inline template tags that give their text: Hugo's {{< glossary_tooltip
// text="对象" term_id="object" >}} shows 对象 (its tooltip is the site's);
// MDN's cross-reference macros show the name they link, in code
// ({{jsxref("Array")}}: Array; {{jsxref("Array/forEach", "forEach")}}:
// forEach; {{HTMLElement("div")}}: <div>), and {{Glossary("DOM")}} its
// term.
var (
	shortcodeText = regexp.MustCompile(`^\{\{[<%]-?\s*[A-Za-z][\w-]*\s[^{}]*?\btext\s*=\s*(?:"([^"]*)"|'([^']*)')[^{}]*[>%]\}\}$`)
	mdnMacro      = regexp.MustCompile(`^\{\{\s*([A-Za-z_]+)\(\s*(?:"([^"]*)"|'([^']*)')(?:\s*,\s*(?:"([^"]*)"|'([^']*)'))?[^(){}]*\)\s*\}\}$`)
)

// mdnReferences are MDN's macros that show a name they link to: by their
// name in lower case, whether the name is an element's (shown <name>).
var mdnReferences = map[string]bool{
	"jsxref": false, "domxref": false, "cssxref": false, "httpheader": false, "httpmethod": false,
	"htmlattrxref": false, "svgattr": false, "webextapiref": false,
	"htmlelement": true, "svgelement": true, "mathmlelement": true,
}

// templateShown returns the text a template tag shows, and its style,
// when the tag gives it.
func templateShown(tag string) (text string, style Style, ok bool) {
	if m := shortcodeText.FindStringSubmatch(tag); m != nil {
		return m[1] + m[2], 0, true
	}
	m := mdnMacro.FindStringSubmatch(tag)
	if m == nil {
		return "", 0, false
	}
	name, target, shown := strings.ToLower(m[1]), m[2]+m[3], m[4]+m[5]
	if shown == "" {
		shown = target
	}
	if name == "glossary" {
		return shown, 0, shown != ""
	}
	element, known := mdnReferences[name]
	switch {
	case !known || shown == "":
		return "", 0, false
	case element:
		return "<" + shown + ">", Code, true
	}
	return shown, Code, true
}

// headingShortcode is a heading written as the Kubernetes site's heading
// shortcode, whose words the site's strings give in each language:
// ## {{% heading "whatsnext" %}}.
var headingShortcode = regexp.MustCompile(`^\{\{[<%]\s*heading\s+"(\w+)"\s*[>%]\}\}$`)

// shortcodeHeadings are those headings' words, Chinese and English, from
// the Kubernetes website's i18n strings (i18n/zh-cn, i18n/en; CC BY 4.0).
var shortcodeHeadings = map[string][2]string{
	"whatsnext":     {"接下来", "What's next"},
	"prerequisites": {"准备开始", "Before you begin"},
	"objectives":    {"教程目标", "Objectives"},
	"cleanup":       {"清理现场", "Cleaning up"},
	"synopsis":      {"简介", "Synopsis"},
	"options":       {"选项", "Options"},
	"seealso":       {"另请参见", "See Also"},
	"envvars":       {"环境变量", "Environment variables"},
	"examples":      {"示例", "Examples"},
	"feedback":      {"反馈", "Feedback"},
}

// headingTwin returns the Chinese and English words of a heading written
// as a heading shortcode, if it is one.
func headingTwin(text string) ([2]string, bool) {
	m := headingShortcode.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return [2]string{}, false
	}
	t, ok := shortcodeHeadings[m[1]]
	return t, ok
}

// splitTwins gives each language its own unit of a heading or paragraph
// the site words in each (headingTwin, featureState), the first
// language's first: the page shows one, which a bilingual book shows in
// both columns.
func splitTwins(units []unit, order Lang) []unit {
	var out []unit
	for i, u := range units {
		if u.md == nil || u.md.twin == nil {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]unit, 0, len(units)+1), units[:i]...)
		}
		out = append(out, u.twinIn(order), u.twinIn(order.Other()))
	}
	if out == nil {
		return units
	}
	return out
}

// twinIn is a unit the site words in each language, as written in one.
func (u unit) twinIn(l Lang) unit {
	md := *u.md
	md.inlines = []Inline{{Text: md.twin[l], Line: u.lines[0].No}}
	md.twin = nil
	u.md = &md
	u.readText()
	return u
}

// Pictures as template tags, a paragraph of their own: Hugo's {{< figure
// src="a.png" caption="…" >}} and Hexo's {% asset_img a.png Title %},
// whose file is in the folder named as the post (hello.md: hello/a.png).
var (
	hugoFigure = regexp.MustCompile(`^\{\{[<%]-?\s*figure\s([^{}]*?)\s*-?[>%]\}\}$`)
	hexoAsset  = regexp.MustCompile(`^\{%-?\s*asset_img\s+(\S+)(?:\s+(.*?))?\s*-?%\}$`)
)

// tagParagraph reads a paragraph that is one template tag the site shows
// as something the model has: the Kubernetes feature state, in each
// language, or a picture; false for any other paragraph.
func (r *markdownReader) tagParagraph(p ast.Node, quote int) bool {
	lo, _ := r.span(p)
	if lo < 0 || !strings.HasPrefix(r.lines[lo].text, "{") {
		return false // no tag: the paragraph's text is not built
	}
	tag := r.paragraphText(p)
	if twin, ok := featureState(tag); ok {
		md := mdBlock{kind: Paragraph, quote: quote, inlines: []Inline{{Text: twin[English], Line: r.lineNo(p)}}}
		md.twin = &twin
		r.add(p, md)
		return true
	}
	if src, caption, ok := r.figureTag(tag); ok {
		r.add(p, mdBlock{kind: Paragraph, quote: quote, inlines: []Inline{{Text: caption, Style: Emphasis, Line: r.lineNo(p)}}, image: src})
		return true
	}
	return false
}

// figureTag reads a picture's template tag: its source and its caption
// (the source's name when it gives none).
func (r *markdownReader) figureTag(tag string) (src, caption string, ok bool) {
	if m := hugoFigure.FindStringSubmatch(tag); m != nil {
		args := map[string]string{}
		for _, a := range shortcodeArg.FindAllStringSubmatch(m[1], -1) {
			args[strings.ToLower(a[1])] = a[2] + a[3] + a[4]
		}
		src = args["src"]
		caption = firstNonEmpty(args["caption"], args["title"], args["alt"], src)
	} else if m := hexoAsset.FindStringSubmatch(tag); m != nil {
		src, caption = baseName(r.c.file)+"/"+m[1], m[2]
		if strings.HasPrefix(caption, `"`) || strings.HasPrefix(caption, "'") { // "title" "alt"
			a := shortcodeArg.FindStringSubmatch(caption)
			caption = a[2] + a[3] + a[4]
		}
		caption = firstNonEmpty(caption, m[1])
	}
	if src == "" {
		return "", "", false
	}
	return src, decodeText([]byte(caption)), true
}

// paragraphText is a paragraph's source lines, trimmed, a space between
// each: a template tag standing alone as written.
func (r *markdownReader) paragraphText(p ast.Node) string {
	lo, hi := r.span(p)
	if lo < 0 {
		return ""
	}
	var b strings.Builder
	for i := lo; i <= hi; i++ {
		if i > lo {
			b.WriteByte(' ')
		}
		b.WriteString(r.lines[i].text)
	}
	return b.String()
}

// kubernetesFeatureState is the Kubernetes site's feature-state shortcode
// standing alone: {{< feature-state for_k8s_version="v1.25" state="stable" >}}.
var kubernetesFeatureState = regexp.MustCompile(`^\{\{[<%]\s*feature-state\s([^{}]*?)\s*[>%]\}\}$`)

// featureState returns what the Kubernetes site shows for a feature-state
// shortcode, in each language (its strings: 特性状态： / Feature state:),
// when the paragraph is one that gives its version and state.
func featureState(text string) ([2]string, bool) {
	m := kubernetesFeatureState.FindStringSubmatch(text)
	if m == nil {
		return [2]string{}, false
	}
	args := map[string]string{}
	for _, a := range shortcodeArg.FindAllStringSubmatch(m[1], -1) {
		args[strings.ToLower(a[1])] = a[2] + a[3] + a[4]
	}
	version, state := args["for_k8s_version"], args["state"]
	if version == "" || state == "" {
		return [2]string{}, false
	}
	shown := "Kubernetes v" + strings.TrimPrefix(version, "v") + " [" + state + "]"
	return [2]string{"特性状态：" + shown, "Feature state: " + shown}, true
}
