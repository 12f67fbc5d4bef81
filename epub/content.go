package epub

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"diglot/article"
	"diglot/internal/script"
)

// Chapter files are split at a top-level heading once they hold this much
// markup, and at any block once they hold the hard limit: reading systems
// slow down on very large content documents.
const (
	chapterSoftLimit = 16 << 10
	chapterHardLimit = 256 << 10
)

// book is an EPUB being put together.
type book struct {
	hasCover bool // the book has a cover picture (and its page)
	doc      *article.Document
	opt      Options
	zhTag    string
	id       string
	chapters []chapter
	toc      []tocEntry
	uses     runeUses
	images   []imageFile       // the pictures the chapters show, in order of first use
	spots    []pageSpot        // where each block's page-break markers would go
	pages    []pageMark        // the PDF's pages, as marked in the chapters
	notes    map[string]string // each footnote's id, and the chapter file it is in
}

// pageSpot is where a page of the PDF that starts at block n is marked: an
// offset into a chapter's body (inside the block's first side).
type pageSpot struct {
	block, chapter, offset int
}

// pageMark is where a page of the PDF edition starts in the book.
type pageMark struct {
	page int
	href string
	at   int // the block it is marked in (pageSpot.block)
}

// spot records w's end as the place to mark the pages that start at block
// n (w is the body of the chapter being written).
func (b *book) spot(w *strings.Builder, n int) {
	b.spots = append(b.spots, pageSpot{block: n, chapter: len(b.chapters), offset: w.Len()})
}

// markPages puts a page-break marker (an empty element labelled with the
// page number, as EPUB's pagebreak wants) where each page of the PDF
// edition starts, given the block at each page's top, and records the
// pages for the page list. The chapters' bodies are then wrapped.
func (b *book) markPages(starts []int) {
	bodies := make([]strings.Builder, len(b.chapters))
	written := make([]int, len(b.chapters)) // the body up to here is in bodies (when it holds a marker)
	k := 0                                  // the next page to place
	for _, sp := range b.spots {
		for k < len(starts) && starts[k] < sp.block {
			k++ // a page with no text, or one at a block without a spot
		}
		w := &bodies[sp.chapter]
		for ; k < len(starts) && starts[k] == sp.block; k++ {
			body := b.chapters[sp.chapter].body
			w.WriteString(body[written[sp.chapter]:sp.offset])
			written[sp.chapter] = sp.offset
			page := k + 1
			fmt.Fprintf(w, `<span epub:type="pagebreak" role="doc-pagebreak" id="page-%d" aria-label="%d" title="%d"></span>`, page, page, page)
			b.pages = append(b.pages, pageMark{page: page, href: fmt.Sprintf("%s#page-%d", b.chapters[sp.chapter].file, page), at: sp.block})
		}
	}
	for i := range b.chapters {
		c := &b.chapters[i]
		body := c.body
		if bodies[i].Len() > 0 {
			bodies[i].WriteString(body[written[i]:])
			body = bodies[i].String()
		}
		body = b.linkNotes(body, c.file)
		c.xhtml = b.page(b.doc.Title(), "bodymatter", "<section epub:type=\"chapter\" role=\"doc-chapter\">\n"+body+"</section>\n")
		c.body = ""
	}
}

// A footnote mark is written as noteOpen, its note's id, noteOpen, its
// text and noteClose while the chapters are written, since its note (at the
// article's end) may fall in a later chapter; linkNotes makes it a link.
const (
	noteOpen  = "\x00"
	noteClose = "\x01"
)

// linkNotes turns the footnote marks in the body of chapter file into
// links to their notes (epub:type noteref, so that a reading system may
// show the note in place); a mark whose note is not in the book stays
// text.
func (b *book) linkNotes(body, file string) string {
	if !strings.Contains(body, noteOpen) {
		return body
	}
	var w strings.Builder
	for {
		i := strings.Index(body, noteOpen)
		if i < 0 {
			break
		}
		w.WriteString(body[:i])
		rest := body[i+len(noteOpen):]
		j := strings.Index(rest, noteOpen)
		k := strings.Index(rest, noteClose)
		if j < 0 || k < j {
			body = rest // a lone marker: dropped (it cannot occur in escaped text)
			continue
		}
		id, text := rest[:j], rest[j+len(noteOpen):k]
		body = rest[k+len(noteClose):]
		target, ok := b.notes[id]
		if !ok {
			w.WriteString(text)
			continue
		}
		if target == file {
			target = ""
		}
		fmt.Fprintf(&w, `<a epub:type="noteref" role="doc-noteref" href="%s#%s">%s</a>`, target, id, text)
	}
	w.WriteString(body)
	return w.String()
}

// imageFile is a picture in the container.
type imageFile struct {
	src, path, mediaType string
	data                 []byte
}

// imagePath returns the container path of the picture a paragraph names,
// or "" when it is not embedded.
func (b *book) imagePath(src string) string {
	pic, ok := b.opt.Pictures[src]
	if src == "" || !ok {
		return ""
	}
	for _, f := range b.images {
		if f.src == src {
			return f.path
		}
	}
	ext := ".png"
	if pic.MediaType == "image/jpeg" {
		ext = ".jpg"
	}
	f := imageFile{src: src, path: fmt.Sprintf("images/image-%d%s", len(b.images)+1, ext), mediaType: pic.MediaType, data: pic.Data}
	b.images = append(b.images, f)
	return f.path
}

type chapter struct {
	file  string
	body  string // the text, until markPages wraps it
	xhtml string
}

// tocEntry is a heading, for the nav document.
type tocEntry struct {
	level  int
	href   string
	zh, en string
	at     int // the block it opens (as pageSpot.block counts); -1 for the title, before all
}

func newBook(doc *article.Document, opt Options) *book {
	return &book{doc: doc, opt: opt, zhTag: chineseTag(doc.Language()), id: identifier(doc), uses: newRuneUses()}
}

// langAttr returns the lang and xml:lang attributes of a language.
// traditional reports a book whose Chinese is Traditional (zh-Hant).
func (b *book) traditional() bool { return b.zhTag == "zh-Hant" }

func (b *book) langAttr(l article.Lang) string {
	tag := "en"
	if l == article.Chinese {
		tag = b.zhTag
	}
	return fmt.Sprintf(`lang="%s" xml:lang="%s"`, tag, tag)
}

// sides returns the two languages in the order they appear in a pair.
func (b *book) sides() [2]article.Lang {
	return [2]article.Lang{b.opt.Left, b.opt.Left.Other()}
}

// chapterFile is the file of the chapter being written.
func (b *book) chapterFile() string { return fmt.Sprintf("text-%d.xhtml", len(b.chapters)+1) }

// render writes the content documents.
func (b *book) render() {
	top := 99
	for _, bl := range b.doc.Blocks {
		if bl.Kind == article.Heading {
			top = min(top, bl.Level)
		}
	}
	var body strings.Builder
	flush := func() {
		if body.Len() == 0 && len(b.chapters) > 0 {
			return
		}
		file := b.chapterFile()
		b.chapters = append(b.chapters, chapter{file: file, body: body.String()})
		body.Reset()
	}
	blocks := b.doc.Blocks
	for i := 0; i < len(blocks); i++ {
		bl := blocks[i]
		if body.Len() > chapterHardLimit || bl.Kind == article.Heading && bl.Level == top && body.Len() > chapterSoftLimit {
			flush()
		}
		file := b.chapterFile()
		if bl.RuleBefore {
			body.WriteString("<hr/>\n")
		}
		switch bl.Kind {
		case article.Heading:
			b.heading(&body, bl, i+1, file)
		case article.ListItem:
			j := i
			_, numbered := itemNumber(bl)
			for j+1 < len(blocks) && blocks[j+1].Kind == article.ListItem && blocks[j+1].Quote == bl.Quote {
				if _, n := itemNumber(blocks[j+1]); blocks[j+1].Depth == 0 && n != numbered {
					break // a bullet list and a numbered one: two lists
				}
				j++
			}
			list := "ul"
			start := ""
			if n, ok := itemNumber(bl); ok {
				list = "ol"
				start = fmt.Sprintf(" start=\"%d\"", n)
			}
			if bl.Quote > 0 { // a list in a quote, as a paragraph in one is
				body.WriteString("<blockquote>\n")
			}
			fmt.Fprintf(&body, "<%s class=\"list\"%s>\n", list, start)
			for k := i; k <= j; k++ {
				b.pair(&body, "li", blocks[k], k+1)
			}
			fmt.Fprintf(&body, "</%s>\n", list)
			if bl.Quote > 0 {
				body.WriteString("</blockquote>\n")
			}
			i = j
		default:
			if top == 99 && i > 0 && i%excerptEvery == 0 {
				b.excerptEntry(bl, i+1, file)
			}
			if bl.Quote > 0 {
				body.WriteString("<blockquote>\n")
			}
			b.pair(&body, "div", bl, i+1)
			if bl.Quote > 0 {
				body.WriteString("</blockquote>\n")
			}
		}
	}
	flush()
}

// excerptEvery is how many pairs apart a long article without headings
// gets an entry in the table of contents, so that a reader can still find
// their way (the 2 MB article had one entry for 3,216 pairs).
const excerptEvery = 100

// excerptEntry adds a table of contents entry for pair n of an article
// without headings: the opening words of each side. The first entry is
// the title's.
func (b *book) excerptEntry(bl article.Block, n int, file string) {
	if len(b.toc) == 0 {
		b.toc = append(b.toc, tocEntry{level: 1, href: "text-1.xhtml", zh: b.doc.Meta.Title, en: b.doc.Meta.TitleEN, at: -1}) // the first content document
	}
	b.toc = append(b.toc, tocEntry{level: 1, href: fmt.Sprintf("%s#p%d", file, n), zh: excerpt(joinTexts(bl.ZH), 14, false), en: excerpt(joinTexts(bl.EN), 6, true), at: n})
}

// excerpt is the opening of text: n characters, or n words, and an
// ellipsis when there is more.
func excerpt(text string, n int, words bool) string {
	text = strings.TrimSpace(text)
	if words {
		f := strings.Fields(text)
		if len(f) <= n {
			return text
		}
		return strings.TrimRight(strings.Join(f[:n], " "), ",.;:") + "…"
	}
	rs := []rune(text)
	if len(rs) <= n {
		return text
	}
	return strings.TrimRightFunc(string(rs[:n]), func(r rune) bool { return strings.ContainsRune("，。、；：,.;: ", r) }) + "…"
}

// itemNumber returns the number of an ordered list item ("3." gives 3).
func itemNumber(bl article.Block) (int, bool) {
	for _, side := range [][]article.Para{bl.ZH, bl.EN} {
		if len(side) > 0 {
			m := strings.TrimRight(side[0].Marker, ".)")
			if n, err := strconv.Atoi(m); err == nil && m != side[0].Marker {
				return n, true
			}
		}
	}
	return 0, false
}

// heading writes a heading pair as one heading element whose two spans
// carry the two languages.
func (b *book) heading(w *strings.Builder, bl article.Block, n int, file string) {
	level := min(bl.Level+1, 6) // h1 is the book's title
	id := fmt.Sprintf("p%d", n)
	fmt.Fprintf(w, "<h%d class=\"pair\" id=\"%s\">", level, id)
	entry := tocEntry{level: bl.Level, href: file + "#" + id, at: n}
	first := true
	for _, l := range b.sides() {
		paras := bl.Side(l)
		if len(paras) == 0 {
			continue
		}
		text := joinTexts(paras)
		var ins []article.Inline
		for k, p := range paras {
			if k > 0 {
				ins = append(ins, article.Inline{Text: " "})
			}
			ins = append(ins, p.Inlines...)
		}
		fmt.Fprintf(w, "<span class=\"%s\" %s>", l, b.langAttr(l))
		if first {
			b.spot(w, n)
			first = false
		}
		fmt.Fprintf(w, "%s%s</span>", b.mark(paras[0], l), b.inlines(ins, l, true))
		if l == article.Chinese {
			entry.zh = text
		} else {
			entry.en = text
		}
	}
	fmt.Fprintf(w, "</h%d>\n", level)
	b.toc = append(b.toc, entry)
}

// tableEdges are the classes of pair n, a table's row, that the
// stylesheet draws the table's rules by: "first" and "last" for its first
// and last row, "head" for its header row.
func (b *book) tableEdges(bl article.Block, n int) string {
	t, head := bl.TableRow()
	blocks := b.doc.Blocks
	tableOf := func(bl article.Block) int { n, _ := bl.TableRow(); return n }
	var out string
	if n == 1 || tableOf(blocks[n-2]) != t {
		out += " first"
	}
	if n == len(blocks) || tableOf(blocks[n]) != t {
		out += " last"
	}
	if head {
		out += " head"
	}
	return out
}

// pair writes a paragraph or list item pair as element tag (div or li).
func (b *book) pair(w *strings.Builder, tag string, bl article.Block, n int) {
	class := "pair"
	if len(bl.ZH) == 0 || len(bl.EN) == 0 {
		class += " single"
	}
	if bl.UnderItem() {
		class += " under" // a list item's next paragraph, under the item's text
	}
	if bl.Depth > 0 {
		class += fmt.Sprintf(" depth%d", min(bl.Depth, 4))
	}
	switch {
	case bl.All(func(p article.Para) bool { return p.Pre }):
		class += " code"
	case bl.All(func(p article.Para) bool { return p.Table > 0 }):
		class += " table" + b.tableEdges(bl, n)
	}
	fmt.Fprintf(w, "<%s class=\"%s\" id=\"p%d\">\n", tag, class, n)
	first := true
	for _, l := range b.sides() {
		paras := bl.Side(l)
		if len(paras) == 0 {
			continue
		}
		fmt.Fprintf(w, "<div class=\"%s\" %s>", l, b.langAttr(l))
		if first {
			b.spot(w, n) // inside the first side: the pair's own children are its row's cells
			first = false
		}
		spans := newSentenceSpans(bl, n, l)
		for _, p := range paras {
			if p.Pre {
				w.WriteString(b.codeTitle(p, l))
				fmt.Fprintf(w, "<pre>%s</pre>", b.inlines(expandTabs(p.Inlines), l, false))
				continue
			}
			if path := b.imagePath(p.Image); path != "" {
				// the caption says what the picture shows: the image
				// itself needs no alt text repeating it
				fmt.Fprintf(w, "<figure class=\"picture\"><img src=\"%s\" alt=\"\"/><figcaption>%s</figcaption></figure>", path, b.inlines(p.Inlines, l, false))
				continue
			}
			if p.Table > 0 {
				w.WriteString(b.tableRow(p, l))
				continue
			}
			switch {
			case tag == "li" && p.Note > 0:
				// a footnote, which its marks link to (linkNotes)
				id := article.NoteID(l, p.Note)
				if b.notes == nil {
					b.notes = map[string]string{}
				}
				b.notes[id] = b.chapterFile()
				fmt.Fprintf(w, `<p class="item" id="%s">`, id)
			case tag == "li" && p.Marker != "":
				w.WriteString(`<p class="item">`) // the marker hangs in an indent about its width (style.go)
			case l == article.Chinese && p.HanFree():
				w.WriteString(`<p class="noindent">`) // no Chinese indent, as in the PDF
			default:
				w.WriteString("<p>")
			}
			lead := b.mark(p, l)
			if label := p.LabelText(l); label != "" {
				lead += fmt.Sprintf("<b class=\"label\">%s</b>", b.text(label, l, true))
			}
			w.WriteString(b.sentenceInlines(p.Inlines, l, false, spans, lead))
			w.WriteString("</p>")
		}
		w.WriteString("</div>\n")
	}
	fmt.Fprintf(w, "</%s>\n", tag)
}

// tableRow writes a row of a table's cells as a paragraph of cells, a
// space apart, which the stylesheet sets in a grid of its table's columns
// (tableRules), so that the rows, each a pair of its own, line up; a
// reading system without grids shows the cells a space apart. The header
// row is bold; a right-aligned or centred column's cells say so.
func (b *book) tableRow(p article.Para, l article.Lang) string {
	var w strings.Builder
	class := "row " + tableClass(p.Table, l)
	if p.Head {
		class += " head"
	}
	fmt.Fprintf(&w, "<p class=\"%s\">", class)
	for k, cell := range p.Cells() { // an empty cell too keeps its grid column
		if k > 0 {
			w.WriteString(" ") // the space between cells
		}
		class := "cell"
		switch p.CellAlign(k) {
		case article.AlignRight:
			class = "cell right"
		case article.AlignCenter:
			class = "cell center"
		}
		fmt.Fprintf(&w, "<span class=\"%s\">%s</span>", class, b.inlines(cell, l, p.Head))
	}
	w.WriteString("</p>")
	return w.String()
}

// tableClass names a table's rows on one side, for its columns' rule.
func tableClass(table int, l article.Lang) string {
	return fmt.Sprintf("table%d-%s", table, l)
}

// mark writes a paragraph's marker as the model shows it (Para.MarkerText).
func (b *book) mark(p article.Para, l article.Lang) string {
	m := p.MarkerText()
	if m == "" {
		return ""
	}
	return fmt.Sprintf("<span class=\"marker\">%s </span>", b.text(m, l, false))
}

// codeTitle writes a code block's title (its file name, Para.Label) as
// the PDF sets it above the code: a Latin name in English italics (its
// characters recorded for the italic subset, so that no italic is faked),
// any other upright.
func (b *book) codeTitle(p article.Para, l article.Lang) string {
	switch {
	case p.Label == "":
		return ""
	case article.LatinOnly(p.Label):
		b.uses.addAfter(p.Label, article.English, italic, 0)
		return fmt.Sprintf("<p class=\"code-title\" lang=\"en\" xml:lang=\"en\">%s</p>", escape(p.Label))
	}
	return fmt.Sprintf("<p class=\"code-title upright\">%s</p>", b.text(p.Label, l, false))
}

// text writes a text that comes from no paragraph (a title, a label) as
// the article model would make its inlines.
func (b *book) text(s string, l article.Lang, bold bool) string {
	return b.inlines(article.InlinesOf(s, l), l, bold)
}

// inlines writes a paragraph's inlines as XHTML and records their
// characters for the font subsets: strong, emphasis, code and
// strikethrough as their elements, links as links, and text in the other
// language (Han quoted in English) in a span with its own lang, so that it
// gets a Chinese font and voice.
func (b *book) inlines(ins []article.Inline, l article.Lang, bold bool) string {
	return b.sentenceInlines(ins, l, bold, nil, "")
}

// sentenceSpans names the sentence pairs of one side of a pair, for the
// spans that hold them: "p{pair}-s{sentence pair}-{zh|en}", so that a
// sentence's span and its translation's share a stem (p3-s2-zh faces
// p3-s2-en); the further parts of a sentence pair that spans paragraphs
// get "-2", "-3" (ids are unique in the document).
type sentenceSpans struct {
	pairOf map[int]int // sentence number to sentence pair number
	stem   string      // "p3"
	lang   article.Lang
	used   map[int]int // parts written per sentence pair
}

func newSentenceSpans(bl article.Block, n int, l article.Lang) *sentenceSpans {
	s := &sentenceSpans{pairOf: map[int]int{}, stem: fmt.Sprintf("p%d", n), lang: l, used: map[int]int{}}
	for k, sp := range bl.Sentences {
		ns := sp.ZH
		if l == article.English {
			ns = sp.EN
		}
		for _, sentence := range ns {
			s.pairOf[sentence] = k + 1
		}
	}
	return s
}

// firstSentence is the sentence number of a paragraph's first inline, 0
// for none.
func firstSentence(ins []article.Inline) int {
	if len(ins) == 0 {
		return 0
	}
	return ins[0].Sentence
}

// pair is the number of a sentence's pair, 0 for none (or no spans).
func (s *sentenceSpans) pair(sentence int) int {
	if s == nil {
		return 0
	}
	return s.pairOf[sentence]
}

// id returns the id of the next span of sentence pair k.
func (s *sentenceSpans) id(k int) string {
	s.used[k]++
	id := fmt.Sprintf("%s-s%d-%s", s.stem, k, s.lang)
	if c := s.used[k]; c > 1 {
		id += fmt.Sprintf("-%d", c)
	}
	return id
}

// sentenceInlines is inlines with each sentence pair's text in a span
// with its id (spans; nil for none), after lead (a paragraph's marker and
// label), which opens the first sentence's span: the sentence spans then
// hold the whole paragraph, so nothing inline starts where the paragraph's
// text does but the paragraph itself.
func (b *book) sentenceInlines(ins []article.Inline, l article.Lang, bold bool, spans *sentenceSpans, lead string) string {
	var w strings.Builder
	if spans.pair(firstSentence(ins)) == 0 {
		w.WriteString(lead)
		lead = ""
	}
	pair, inSpan := 0, false
	var prev rune // the last character, for kerned pairs across inlines
	var prevStyle style
	for _, in := range ins {
		lang := l
		switch in.Lang {
		case article.InChinese:
			lang = article.Chinese
		case article.InEnglish:
			lang = article.English
		}
		st := style{lang, kindOf(in.Style, lang, bold)}
		if st != prevStyle {
			prev = 0
		}
		prev, prevStyle = b.uses.addAfter(in.Text, lang, st.face, prev), st
		var open, close string
		for _, el := range []struct {
			style article.Style
			tag   string
		}{{article.Strong, "strong"}, {article.Emphasis, "em"}, {article.Code, "code"}, {article.Strike, "del"}} {
			if in.Style&el.style != 0 {
				open += "<" + el.tag + ">"
				close = "</" + el.tag + ">" + close
			}
		}
		text := escape(in.Text)
		if lang == article.Chinese && in.Style&article.Code == 0 {
			text = b.latinSpans(text, st.face)
		}
		text = open + text + close
		if in.Style&article.Code == 0 {
			text = strings.ReplaceAll(text, "\n", "<br/>") // a hard line break
			if in.Link == "" {                             // an address's text stays as it is
				text = breakDottedNames(text)
			}
		}
		if lang != l {
			text = fmt.Sprintf("<span class=\"%s\" %s>%s</span>", lang, b.langAttr(lang), text)
		}
		if in.Link != "" {
			text = fmt.Sprintf("<a href=\"%s\">%s</a>", escape(in.Link), text)
		} else if in.Note > 0 {
			text = noteOpen + article.NoteID(l, in.Note) + noteOpen + text + noteClose // linked in markPages (linkNotes)
		}
		if k := spans.pair(in.Sentence); k != pair {
			pair = k
			if inSpan {
				w.WriteString("</span>")
			}
			inSpan = k > 0
			if inSpan {
				fmt.Fprintf(&w, "<span id=\"%s\">%s", spans.id(k), lead)
				lead = ""
			}
		}
		w.WriteString(text)
	}
	if inSpan {
		w.WriteString("</span>")
	}
	return w.String()
}

// latinSpans wraps each run of Latin text in Chinese text (escaped, in
// face f) in a span set in the Latin face, as the PDF sets it
// (script.InLatinFace): "Mozilla’s" and "2.1" are drawn by Source Serif, not
// by the Chinese face's Latin glyphs, and the run's characters go into the
// Latin face's subset. Spaces and line breaks at a run's ends stay outside
// it.
func (b *book) latinSpans(s string, f faceKind) string {
	var w strings.Builder
	written := 0   // s[:written] is in w
	start := -1    // where the current Latin run starts, or -1
	end := 0       // where its last character other than a space ends
	words := false // the run holds a letter or a digit: a lone symbol (©, &) stays in the Chinese face
	closeRun := func() {
		if words {
			b.uses.add(s[start:end], article.English, f)
			w.WriteString(`<span class="latin">` + s[start:end] + `</span>`)
		} else {
			w.WriteString(s[start:end])
		}
		start, written, words = -1, end, false
	}
	var prev rune
	entity := false // inside an escaped character (&amp;), whose letters are not words
	for i, r := range s {
		_, size := utf8.DecodeRuneInString(s[i:]) // 1 for a byte that is not UTF-8
		if r == '&' {
			entity = true
		}
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		latin := script.InLatinFace(r, script.IsWordApostrophe(prev, r, next))
		switch {
		case latin && !unicode.IsSpace(r):
			if start < 0 {
				w.WriteString(s[written:i])
				start = i
			}
			end = i + size
			words = words || !entity && (unicode.IsLetter(r) || unicode.IsDigit(r))
		case !latin && start >= 0:
			closeRun()
		}
		prev = r
		if r == ';' {
			entity = false
		}
	}
	if start >= 0 {
		closeRun()
	}
	w.WriteString(s[written:])
	return w.String()
}

// tabStop is the columns between tab stops in a code block, as the PDF
// indents it.
const tabStop = 4

// expandTabs returns a code block's inlines with each tab written as the
// spaces to the next tab stop: a reading system draws a tab from a system
// font (Chromium does, whatever the embedded face maps), and a tab's width
// is then the reader's tab-size, not the PDF's.
func expandTabs(ins []article.Inline) []article.Inline {
	if !slices.ContainsFunc(ins, func(in article.Inline) bool { return strings.ContainsRune(in.Text, '\t') }) {
		return ins
	}
	out := slices.Clone(ins)
	col := 0
	for i, in := range out {
		var t strings.Builder
		for _, r := range in.Text {
			switch r {
			case '\t':
				n := tabStop - col%tabStop
				t.WriteString(strings.Repeat(" ", n))
				col += n
				continue
			case '\n':
				col = 0
			default:
				col++
			}
			t.WriteRune(r)
		}
		out[i].Text = t.String()
	}
	return out
}

func joinTexts(paras []article.Para) string {
	texts := make([]string, len(paras))
	for i, p := range paras {
		texts[i] = p.Text
	}
	return strings.Join(texts, " ")
}

// breakDottedNames lets a reading system break a dotted name
// (MAJOR.MINOR.PATCH, script.DottedName) before its inner dots, as the PDF
// does, instead of leaving a short line before it: a <wbr/> there.
func breakDottedNames(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	var b strings.Builder
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && !strings.ContainsRune(" \t\n<>", rune(s[i])) {
			continue
		}
		word := s[start:i]
		if script.DottedName(word) {
			end := len(strings.TrimRight(word, ".,;:!?)”’"))
			b.WriteString(strings.ReplaceAll(word[:end], ".", "<wbr/>."))
			b.WriteString(word[end:])
		} else {
			b.WriteString(word)
		}
		if i < len(s) {
			b.WriteByte(s[i])
		}
		start = i + 1
	}
	return b.String()
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// escape writes s as XML character data or an attribute value; characters
// XML cannot hold (article drops them on input) are dropped here too.
func escape(s string) string {
	if strings.ContainsFunc(s, article.Unwritable) {
		s, _ = article.DropUnwritable(s)
	}
	return escaper.Replace(s)
}

// page wraps body markup in an XHTML content document.
func (b *book) page(title, bodyType, body string) string {
	var w strings.Builder
	w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
	fmt.Fprintf(&w, "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" %s>\n", b.langAttr(article.Chinese))
	fmt.Fprintf(&w, "<head>\n<meta charset=\"UTF-8\"/>\n<title>%s</title>\n", escape(title))
	w.WriteString("<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n")
	fmt.Fprintf(&w, "<body epub:type=\"%s\">\n%s</body>\n</html>\n", bodyType, body)
	return w.String()
}

// titlePage writes the title page: the title in both languages and the
// byline, marked as a title page so it is not taken for the text.
func (b *book) titlePage() string {
	m := b.doc.Meta
	var w strings.Builder
	w.WriteString("<div class=\"titlepage\" epub:type=\"titlepage\">\n<h1 class=\"title\">")
	var titles [2]string // in the order of the pairs' sides (--left en: English first)
	for k, side := range b.sides() {
		switch {
		case side == article.Chinese && m.Title != "":
			l := article.Chinese
			if !hasHan(m.Title) {
				l = article.English
			}
			titles[k] = fmt.Sprintf("<span class=\"%s\" %s>%s</span>", l, b.langAttr(l), b.text(m.Title, l, true))
		case side == article.English && m.TitleEN != "" && m.TitleEN != m.Title:
			titles[k] = fmt.Sprintf("<span class=\"en\" %s>%s</span>", b.langAttr(article.English), b.text(m.TitleEN, article.English, true))
		}
	}
	w.WriteString(titles[0] + titles[1] + "</h1>\n")
	for _, line := range []string{m.Author, m.TranslatorCredit(b.zhTag), m.ShownDate(), m.Source} {
		if line == "" {
			continue
		}
		l := article.English
		if hasHan(line) {
			l = article.Chinese
		}
		fmt.Fprintf(&w, "<p class=\"byline\" %s>%s</p>\n", b.langAttr(l), b.text(line, l, false))
	}
	w.WriteString("</div>\n")
	return b.page(b.doc.Title(), "frontmatter", w.String())
}

// coverPage writes the cover's page: its picture, with what it shows (the
// titles and the byline, as drawn on it) as its text alternative.
func (b *book) coverPage() string {
	m := b.doc.Meta
	var parts []string
	titles := []string{m.Title, m.TitleEN}
	if b.opt.Left == article.English { // as the cover draws them
		titles[0], titles[1] = titles[1], titles[0]
	}
	for _, p := range titles {
		if p != "" && !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	alt := "Cover: " + strings.Join(parts, " / ")
	if byline := strings.Join(slices.DeleteFunc([]string{m.Author, m.ShownDate()}, func(s string) bool { return s == "" }), ", "); byline != "" {
		alt += "; " + byline
	}
	body := fmt.Sprintf("<div class=\"cover\"><img src=\"cover.png\" epub:type=\"cover\" role=\"doc-cover\" alt=\"%s\"/></div>\n", escape(alt))
	return b.page(b.doc.Title(), "frontmatter", body)
}

// navBody is the navigation document's table of contents (the headings,
// or the title when there are none); landmarks and pageList follow it.
func (b *book) navBody() string {
	b.uses.add(" / ", article.Chinese, regular) // tocLink's separator, in the nav's own (Chinese) language
	b.uses.add(" ", article.Chinese, bold)      // the space between the heading's two languages
	var w strings.Builder
	w.WriteString("<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\">\n")
	contents := "目录"
	if b.traditional() {
		contents = "目錄"
	}
	fmt.Fprintf(&w, "<h2><span %s>%s</span> <span %s>%s</span></h2>\n",
		b.langAttr(article.Chinese), b.text(contents, article.Chinese, true), b.langAttr(article.English), b.text("Contents", article.English, true))
	b.tocList(&w, b.tocEntries())
	w.WriteString("</nav>\n")
	return w.String()
}

// landmarks is the navigation document's list of the book's parts, for
// reading systems (hidden: MuPDF and others would print it).
func (b *book) landmarks() string {
	var w strings.Builder
	w.WriteString("<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2 lang=\"en\" xml:lang=\"en\">Landmarks</h2>\n<ol>\n")
	if b.hasCover {
		w.WriteString("<li><a epub:type=\"cover\" href=\"cover.xhtml\" lang=\"en\" xml:lang=\"en\">Cover</a></li>\n")
	}
	fmt.Fprintf(&w, "<li><a epub:type=\"titlepage\" href=\"title.xhtml\" lang=\"en\" xml:lang=\"en\">Title page</a></li>\n")
	fmt.Fprintf(&w, "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\" lang=\"en\" xml:lang=\"en\">Contents</a></li>\n")
	fmt.Fprintf(&w, "<li><a epub:type=\"bodymatter\" href=\"%s\" lang=\"en\" xml:lang=\"en\">Text</a></li>\n", b.chapters[0].file)
	w.WriteString("</ol>\n</nav>\n")
	return w.String()
}

// pageList is the nav's list of the PDF edition's pages (markPages), for
// a reader's "go to page"; "" when there are none.
func (b *book) pageList() string {
	if len(b.pages) == 0 {
		return ""
	}
	var w strings.Builder
	w.WriteString("<nav epub:type=\"page-list\" role=\"doc-pagelist\" id=\"page-list\" hidden=\"hidden\">\n<h2 lang=\"en\" xml:lang=\"en\">Pages</h2>\n<ol>\n")
	for _, p := range b.pages {
		fmt.Fprintf(&w, "<li><a href=\"%s\">%d</a></li>\n", p.href, p.page)
	}
	w.WriteString("</ol>\n</nav>\n")
	return w.String()
}

// tocEntries are the table of contents' entries: the headings, or the
// title when there are none.
func (b *book) tocEntries() []tocEntry {
	if len(b.toc) == 0 {
		return []tocEntry{{level: 1, href: b.chapters[0].file, zh: b.doc.Meta.Title, en: b.doc.Meta.TitleEN, at: -1}}
	}
	return b.toc
}

// tocList writes entries as nested ordered lists, one level per heading
// level (a deeper heading without a parent nests under the previous entry).
func (b *book) tocList(w *strings.Builder, entries []tocEntry) {
	base := entries[0].level
	for _, e := range entries {
		base = min(base, e.level)
	}
	depth := 0 // lists open
	for i, e := range entries {
		want := e.level - base + 1
		if i == 0 {
			want = 1
		}
		switch {
		case depth == 0:
			w.WriteString("<ol>\n<li>")
			depth = 1
		case want > depth:
			want = depth + 1 // never skip a level: each list sits in an item
			w.WriteString("\n<ol>\n<li>")
			depth = want
		default:
			for depth > max(want, 1) {
				w.WriteString("</li>\n</ol>\n")
				depth--
			}
			w.WriteString("</li>\n<li>")
		}
		w.WriteString(b.tocLink(e))
	}
	for ; depth > 0; depth-- {
		w.WriteString("</li>\n</ol>\n")
	}
}

func (b *book) tocLink(e tocEntry) string {
	var parts []string
	if e.zh != "" {
		parts = append(parts, fmt.Sprintf("<span %s>%s</span>", b.langAttr(article.Chinese), b.text(e.zh, article.Chinese, false)))
	}
	if e.en != "" && e.en != e.zh {
		parts = append(parts, fmt.Sprintf("<span %s>%s</span>", b.langAttr(article.English), b.text(e.en, article.English, false)))
	}
	if len(parts) == 0 {
		parts = append(parts, b.text(b.doc.Name, article.English, false))
	}
	return fmt.Sprintf("<a href=\"%s\">%s</a>", e.href, strings.Join(parts, " / "))
}

func hasHan(s string) bool { return script.HasHan(s) }

// chineseTag is the Chinese side's language tag: zh-Hans or zh-Hant, never
// a value from the article written as it came.
func chineseTag(lang string) string {
	if tag, ok := article.ChineseTag(lang); ok {
		return tag
	}
	return "zh-Hans"
}
