package layout

import (
	"runtime"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"diglot/article"
	"diglot/fonts"
	"diglot/layout/hyphen"
	"diglot/layout/linebreak"
)

// cell is one side of a row: its lines and their leading.
type cell struct {
	lines   []line
	leading int
	ascent  int
}

// loose reports whether a line of the cell is set loose (see line.loose).
func (c cell) loose() bool {
	for _, ln := range c.lines {
		if ln.loose {
			return true
		}
	}
	return false
}

// row is one block set side by side.
type row struct {
	zh, en  cell
	heading bool
	list    bool // a list item
	title   string
	level   int
	// section holds a heading's texts, Chinese and English, for the
	// running heads
	section [2]string
	// ruleBefore marks a thematic break above the row
	ruleBefore bool
	pair       int // the block's number, from 1
	// table is the table (article.Para.Table) a row of cells belongs to,
	// 0 for other rows; tableHead marks its header row
	table     int
	tableHead bool
}

// Typeset lays out a cleaned document (see article.Clean) on pages.
func Typeset(doc *article.Document, set *fonts.Set, spec Spec) (*Book, error) {
	var pages []Page
	book, err := TypesetPages(doc, set, spec, func(p *Page) error {
		pages = append(pages, p.clone())
		return nil
	})
	if book != nil {
		book.Pages = pages
	}
	return book, err
}

// sectionLevel is the level of the headings the running heads name: the
// highest level that heads at least two sections (a lone top heading is
// the article's title), 0 when there is none.
func sectionLevel(blocks []article.Block) int {
	count := map[int]int{}
	for _, b := range blocks {
		if b.Kind == article.Heading {
			count[b.Level]++
		}
	}
	for level := 1; level <= 6; level++ {
		if count[level] >= 2 {
			return level
		}
	}
	return 0
}

// rowBatch is how many blocks are set at a time: enough to keep every
// core busy, few enough that a long book's lines are never all held.
const rowBatch = 1024

// TypesetPages lays out a cleaned document and hands each page to emit as
// soon as it is finished, in order; the page is emit's only during the
// call (its slices are reused for the next: Typeset keeps copies). The
// Book it returns has everything but the pages (PageCount counts them).
// An error from emit stops nothing but is returned.
func TypesetPages(doc *article.Document, set *fonts.Set, spec Spec, emit func(*Page) error) (*Book, error) {
	chain, err := newFaceChain(set, spec.traditional())
	if err != nil {
		return nil, err
	}
	hyph, err := hyphen.English()
	if err != nil {
		return nil, err
	}
	textW := spec.Width - 2*spec.MarginInner
	words := hyphenCaches(hyph)
	spec.tables = measureTables(doc, chain, words[0], spec)
	zhW := columnWidth(doc, chain, spec, textW)
	short := len(doc.Blocks) <= rowBatch
	var itemized []measuredRow // a short book's paragraphs, itemized to choose its columns
	if short && spec.Columns == [2]int{} {
		zhW, itemized = bestSplit(doc.Blocks, chain, words, spec, textW, zhW)
	}
	if spec.Columns == [2]int{} {
		zhW = titleSplit(spec, chain, textW, zhW)
	}
	enW := textW - spec.Gutter - zhW
	pg := newPager(spec, zhW, chain, emit)
	pg.sectionLevel = sectionLevel(doc.Blocks)
	title, oneLine := pg.planTitleRow()
	start, mark := 0, ""
	if spec.TitleFromHeading && len(doc.Blocks) > 0 {
		if oneLine {
			start, mark = 1, headingTitle(doc.Blocks[0]) // the title block sets it
		} else {
			// titles that do not fit one line stay the heading pair they
			// are, side by side in the columns: set one above the other
			// over both columns they would belong to neither
			spec.Title, spec.TitleEN, spec.TitleFromHeading = "", "", false
			pg.spec = spec
		}
	}
	pg.titleBlock(title, oneLine, mark)
	var loose []LooseSide
	setBatch := func(lo, hi int) []row {
		var rows []row
		if itemized != nil {
			rows = setRowsFrom(doc.Blocks[lo:hi], lo, chain, words, spec, zhW, enW, itemized[lo:hi])
		} else {
			rows = setRows(doc.Blocks[lo:hi], lo, chain, words, spec, zhW, enW)
		}
		for i, r := range rows {
			if r.zh.loose() {
				loose = append(loose, LooseSide{lo + i, article.Chinese})
			}
			if r.en.loose() {
				loose = append(loose, LooseSide{lo + i, article.English})
			}
		}
		return rows
	}
	if short {
		// a short book is set whole, and its end evened out by trial
		rows := setBatch(start, len(doc.Blocks))
		pg.setPlan(planEnd(rows, spec, zhW, chain, pg.sectionLevel, pg.y))
		pg.add(rows)
	} else {
		for lo := start; lo < len(doc.Blocks); lo += rowBatch {
			pg.add(setBatch(lo, min(lo+rowBatch, len(doc.Blocks))))
		}
	}
	book, err := pg.finish()
	book.ZHColumn = [2]int{spec.MarginInner, zhW}
	book.ENColumn = [2]int{spec.MarginInner + zhW + spec.Gutter, enW}
	if spec.EnglishLeft {
		book.ENColumn[0], book.ZHColumn[0] = spec.MarginInner, spec.MarginInner+enW+spec.Gutter
	}
	book.Loose = loose
	book.Missing = chain.Missing()
	return book, err
}

// lastPageLeast is the fewest lines the last page of a book should hold in
// its fuller column, with some text besides headings (check-typo's
// t.page-fill asks 4).
const lastPageLeast = 5

// planEnd finds how to end a short book on a page that is not nearly empty
// (issue 15 item 10), by trial paginations of its rows: first the page
// before the last takes the last page's lines, with the space between its
// rows up to 2 pt tighter and running at most a line long; else that page
// ends up to 8 lines early, so that the last page gets more (never in a
// word split across the turn). It returns
// no plan when the book ends well as it is, or nothing helps. The rows
// start below titleBottom on page 1.
func planEnd(rows []row, spec Spec, zhW int, chain *faceChain, level, titleBottom int) endPlan {
	trial := func(plan endPlan) []pageStat {
		pg := newPager(spec, zhW, chain, func(*Page) error { return nil })
		pg.setPlan(plan)
		pg.y = titleBottom // the title block, as set on the real first page
		pg.sectionLevel = level
		pg.add(rows)
		pg.finish()
		return pg.stats
	}
	thin := func(s pageStat) bool { return s.lines < lastPageLeast || !s.text }
	stats := trial(endPlan{})
	n := len(stats)
	if n < 2 || !thin(stats[n-1]) {
		return endPlan{}
	}
	line := max(spec.ZHLeading, spec.ENLeading)
	for _, plan := range []endPlan{{n - 1, 0, Pt}, {n - 1, 0, 2 * Pt}, {n - 1, line, Pt}, {n - 1, line, 2 * Pt}} {
		if len(trial(plan)) == n-1 {
			return plan
		}
	}
	for k := 1; k <= 8; k++ {
		plan := endPlan{page: n - 1, bottom: -k * line}
		if s := trial(plan); len(s) == n && !thin(s[n-1]) && !thin(s[n-2]) && !s[n-2].hyphen {
			return plan
		}
	}
	return endPlan{}
}

// sideSpans builds the spans of one side's paragraph: list marker, bold
// label, text.
func sideSpans(p article.Para, lang langKind, bold bool) []span {
	return append(markerSpans(p, bold), bodySpans(p, lang, bold)...)
}

// strongIf is the style of text set bold throughout (a heading) or not.
func strongIf(bold bool) article.Style {
	if bold {
		return article.Strong
	}
	return 0
}

// markerSpans is a paragraph's list marker as the model shows it, with
// the space after it, or nothing.
func markerSpans(p article.Para, bold bool) []span {
	if m := p.MarkerText(); m != "" {
		return []span{{text: m + " ", style: strongIf(bold)}}
	}
	return nil
}

// bodySpans is a paragraph's bold label, if any, and its inlines.
func bodySpans(p article.Para, lang langKind, bold bool) []span {
	var spans []span
	side := lang.side()
	if label := p.LabelText(side); label != "" && !p.Pre { // a code block's title is a line of its own (codeTitle)
		spans = append(spans, span{text: norm.NFC.String(label), style: article.Strong})
	}
	// Composed forms: a base and a combining mark drawn as one glyph, as
	// the fonts intend, and extracted as the article wrote it (in NFC).
	for _, in := range p.Inlines {
		link := in.Link
		if in.Note > 0 && link == "" {
			link = "#" + article.NoteID(side, in.Note) // a footnote's mark leads to its note
		}
		spans = append(spans, span{text: norm.NFC.String(in.Text), style: in.Style | strongIf(bold), link: link, lang: in.Lang, cell: in.Cell})
	}
	if len(p.Inlines) == 0 && p.Text != "" {
		spans = append(spans, span{text: norm.NFC.String(p.Text), style: strongIf(bold)})
	}
	return spans
}

// rowsPerWorker is the fewest blocks worth a goroutine of their own: a
// worker costs little more than its goroutine (the kerning the faces
// share; the hyphenation caches are kept), so a short article's few
// paragraphs are set on all cores too.
const rowsPerWorker = 4

// setRows breaks blocks into lines; the first is pair first+1. Blocks are
// independent, so they are set in contiguous slices on all cores, worker w
// with its own hyphenation cache (words[w], kept from batch to batch) and
// record of missing characters (merged into chain's afterwards), which
// keeps the result the same as a serial run.
func setRows(blocks []article.Block, first int, chain *faceChain, words []*hyphenCache, spec Spec, zhW, enW int) []row {
	return setRowsFrom(blocks, first, chain, words, spec, zhW, enW, nil)
}

// setRowsFrom is setRows, taking the paragraphs of block i already
// itemized from itemized[i] when itemized is given (bestSplit's).
func setRowsFrom(blocks []article.Block, first int, chain *faceChain, words []*hyphenCache, spec Spec, zhW, enW int, itemized []measuredRow) []row {
	rows := make([]row, len(blocks))
	eachBlock(len(blocks), chain, words, func(i int, w *worker) {
		pair := first + i + 1
		var m *measuredRow
		if itemized != nil {
			m = &itemized[i]
		}
		rows[i] = buildRow(blocks[i], w, spec, zhW, enW, nil, m)
		rows[i].pair = pair
		stamp(rows[i].zh.lines, pair, article.Chinese, blocks[i], spec.language())
		stamp(rows[i].en.lines, pair, article.English, blocks[i], spec.language())
	})
	return rows
}

// A worker is what one goroutine setting blocks owns: its fork of the
// document's face chain, its hyphenation cache and the item slices it
// reuses from paragraph to paragraph.
type worker struct {
	chain *faceChain
	hyph  *hyphenCache
	items itemBuffers
	segs  segmentArena
}

// eachBlock calls do for blocks 0 to n-1 in contiguous slices on all
// cores, worker w with words[w] and a fork of chain, whose record of
// missing characters is merged into chain's afterwards: the result is
// the same as a serial run's.
func eachBlock(n int, chain *faceChain, words []*hyphenCache, do func(i int, w *worker)) {
	count := max(1, min(len(words), n/rowsPerWorker))
	per := (n + count - 1) / count
	workers := make([]*worker, count)
	var wg sync.WaitGroup
	for k := range count {
		w := &worker{chain: chain.fork(), hyph: words[k]}
		workers[k] = w
		wg.Go(func() {
			for i := k * per; i < min((k+1)*per, n); i++ {
				do(i, w)
			}
		})
	}
	wg.Wait()
	for _, w := range workers {
		chain.join(w.chain)
	}
}

// stamp records in the runs of one side of a block what they stand for:
// the pair, the side, the part, the language and the table row.
func stamp(lines []line, pair int, side article.Lang, b article.Block, zhTag string) {
	b.ZH, b.EN = bothSides(b) // as buildRow set them
	paras := b.Side(side)
	// On the Chinese side, Latin text with no Han is English, not Chinese
	// quoting a Latin word, when it is a whole paragraph (a heading "FAQ"
	// given in both languages), a table's cell (a name, "21 MB"), a web
	// address or code. Only the PDF's tags say so: check-epub looks for a
	// Chinese side's paragraphs in text tagged zh, and the EPUB's lang
	// attributes are the side's.
	latinParas := make([]bool, len(paras))
	latinCells := make([][]bool, len(paras)) // of a table row, by cell
	for i, p := range paras {
		latinParas[i] = side == article.Chinese && article.LatinOnly(p.LabelText(side)+p.Text)
		if side == article.Chinese && p.Table > 0 {
			for _, cell := range p.Cells() {
				var text strings.Builder
				for _, in := range cell {
					text.WriteString(in.Text)
				}
				latinCells[i] = append(latinCells[i], article.LatinOnly(text.String()))
			}
		}
	}
	part := PartBody
	switch b.Kind {
	case article.Heading:
		part = PartHeading
	case article.ListItem:
		part = PartListBody
	}
	for i := range lines {
		for k := range lines[i].runs {
			r := &lines[i].runs[k]
			r.Pair, r.Side = pair, side
			if r.Para < len(paras) {
				r.Table, r.Header = paras[r.Para].Table, paras[r.Para].Head
			}
			if r.Part == PartBody {
				r.Part = part
			}
			if part == PartHeading {
				r.Level = b.Level
			}
			r.Lang = tagOf(r.override, side, zhTag)
			latinCell := r.Para < len(latinCells) && r.Cell > 0 && r.Cell <= len(latinCells[r.Para]) && latinCells[r.Para][r.Cell-1]
			if r.Lang != "en" && r.override == article.SideLanguage && (latinParas[r.Para] || latinCell || (r.Link != "" || r.Part == PartCode) && article.LatinOnly(r.Text)) {
				r.Lang = "en"
			}
		}
	}
}

// tagOf is the language tag of text with an override on a side.
func tagOf(override article.Override, side article.Lang, zhTag string) string {
	if override == article.InChinese || override == article.SideLanguage && side == article.Chinese {
		return zhTag
	}
	return "en"
}

// bothSides returns a block's sides, one that reads the same in both
// languages and is given once given to the side that lacks it too, so
// that it stands in both columns: a heading with no letters ("## 2.0"),
// a code block, a paragraph of template markup alone (a shortcode).
func bothSides(b article.Block) (zh, en []article.Para) {
	if len(b.ZH) > 0 == (len(b.EN) > 0) {
		return b.ZH, b.EN
	}
	given := append(b.ZH, b.EN...)
	for _, p := range given {
		neutral := b.Kind == article.Heading && !strings.ContainsFunc(p.Text, unicode.IsLetter)
		if !neutral && !p.Pre && !article.MarkupOnly(p.Inlines) {
			return b.ZH, b.EN
		}
	}
	if len(b.ZH) == 0 {
		return given, b.EN
	}
	return b.ZH, given
}

// setRow breaks both sides of a block into lines.
func setRow(b article.Block, chain *faceChain, hyph *hyphenCache, spec Spec, zhW, enW int) row {
	return buildRow(b, &worker{chain: chain, hyph: hyph}, spec, zhW, enW, nil, nil)
}

// A breaker sets a paragraph, which itemize makes, into lines of width.
type breaker func(itemize func() paragraph, width int, params linebreak.Params) []line

// buildRow is setRow, which itemizes each paragraph and breaks it, in one
// of two other ways. With measure, each paragraph of the block that would
// be broken into lines goes to measure unbroken instead (for bestSplit):
// the row holds only the lines that do not depend on the measure
// (pictures, code). With itemized, the paragraphs are not itemized again
// but taken from what measure was given, in the same order.
func buildRow(b article.Block, w *worker, spec Spec, zhW, enW int, measure func(measuredPara, bool), itemized *measuredRow) row {
	b.ZH, b.EN = bothSides(b)
	heading := b.Kind == article.Heading
	// a list item's next paragraph (Para.Under) keeps to the list's gaps
	r := row{heading: heading, list: b.Kind == article.ListItem || b.UnderItem(), level: b.Level, ruleBefore: b.RuleBefore}
	r.table, r.tableHead = b.TableRow()
	zhSize, enSize := spec.ZHSize, spec.ENSize
	zhLead, enLead := spec.ZHLeading, spec.ENLeading
	if heading {
		hz, he := spec.HeadingZH, spec.HeadingEN // one style for every level, as typesetting.md §3.4 has it
		zhLead, enLead = zhLead*hz/zhSize, enLead*he/enSize
		zhSize, enSize = hz, he
		r.title = headingTitle(b)
		if len(b.ZH) > 0 {
			r.section[0] = b.ZH[0].Text
		}
		if len(b.EN) > 0 {
			r.section[1] = b.EN[0].Text
		}
	}
	if r.table > 0 || isCode(b) {
		// a table's rows and code are set a size smaller than the text,
		// as books set them (Typst's raw text is 0.8 em): a monospace
		// line's 0.6 em spaces and a row's cells read as a block of
		// their own, not as lines of the text around them
		zhLead, enLead = zhLead*smallPerMille/1000, enLead*smallPerMille/1000
		zhSize, enSize = zhSize*smallPerMille/1000, enSize*smallPerMille/1000
		if isCode(b) {
			zhLead = enLead // code, given in both columns, is spaced alike in both
		}
	}
	widest := 0
	if isPicture(b, spec.Pictures) {
		// a picture pair: the same picture on both sides, at the same size,
		// its captions set small at one leading, so that they stand level
		lead := (zhLead + enLead) / 2 * smallPerMille / 1000
		zhLead, enLead = lead, lead
		zhSize, enSize = zhSize*smallPerMille/1000, enSize*smallPerMille/1000
		widest = min(zhW-inset(b, zhSize, zhListIndentPerMille), enW-inset(b, enSize, enListIndentPerMille))
	}
	var taken [2]int // of itemized's paragraphs, by side
	setIn := func(column int, zh bool) breaker {
		return func(itemize func() paragraph, width int, params linebreak.Params) []line {
			var p paragraph
			switch {
			case measure != nil:
				measure(measuredPara{p: itemize(), narrower: column - width, params: params, ragged: heading}, zh)
				return nil
			case itemized != nil:
				side, k := itemized.en, 1
				if zh {
					side, k = itemized.zh, 0
				}
				p = side[taken[k]].p
				taken[k]++
			default:
				p = itemize()
				defer w.items.give(p)
			}
			if heading { // set ragged right (and never hyphenated)
				return setRagged(p, width)
			}
			return setLines(p, width, params)
		}
	}
	chain, words := w.chain, w.hyph
	if heading {
		words = nil
	}
	r.zh = cell{leading: zhLead, ascent: zhSize * 88 / 100}
	zhInset, enInset := inset(b, zhSize, zhListIndentPerMille), inset(b, enSize, enListIndentPerMille)
	for i, p := range b.ZH {
		z := &itemizer{faces: chain, hyph: words, buffers: &w.items, segments: &w.segs, size: zhSize, lang: langZH, column: zhW - zhInset, pictures: spec.Pictures, leading: zhLead, bottom: pictureHeight(spec), widest: widest, tables: spec.tables}
		if p.HanFree() {
			// a Chinese side's paragraph with no Han ({{< note >}}, a
			// name given in both languages) is set as the English text it
			// is: its spaces stretch as English spaces, with no Chinese
			// indent
			z.lang = langEN
		}
		r.zh.lines = append(r.zh.lines, numbered(shift(setSide(z, p, r.list, heading, zhW-zhInset, setIn(zhW, true)), zhInset), i)...)
	}
	r.en = cell{leading: enLead, ascent: enSize * 88 / 100}
	for i, p := range b.EN {
		z := &itemizer{faces: chain, hyph: words, buffers: &w.items, segments: &w.segs, size: enSize, lang: langEN, column: enW - enInset, pictures: spec.Pictures, leading: enLead, bottom: pictureHeight(spec), widest: widest,
			protrude: !spec.EnglishLeft, tables: spec.tables} // into the outer margin, never the gutter
		if i > 0 && !r.list && !heading && isProse(p) && isProse(b.EN[i-1]) {
			// a pair's next English paragraph (the translator split one
			// in two) is indented, as a book's are, so that it does not
			// read as the same paragraph's next line
			z.indent = enSize * enIndentPerMille / 1000
		}
		r.en.lines = append(r.en.lines, numbered(shift(setSide(z, p, r.list, heading, enW-enInset, setIn(enW, false)), enInset), i)...)
	}
	return r
}

// numbered records in the runs of a paragraph's lines which paragraph of
// its side they belong to.
func numbered(lines []line, para int) []line {
	for i := range lines {
		for k := range lines[i].runs {
			lines[i].runs[k].Para = para
		}
	}
	return lines
}

// Indents, in thousandths of an em: a Chinese paragraph's first line
// (typesetting.md §0, clreq's norm for books) and the hanging indents of
// list items (§3.4), where the marker stands in the indent and every line
// of the text after it.
const (
	zhIndentPerMille     = 2000
	enIndentPerMille     = 1000 // a pair's second English paragraph
	zhListIndentPerMille = 2000
	enListIndentPerMille = 1500
)

// smallPerMille is the size of a table's text and of code, in
// thousandths of the text's.
const smallPerMille = 900

// isCode reports a block of code: every paragraph on both sides
// preformatted.
func isCode(b article.Block) bool { return b.All(func(p article.Para) bool { return p.Pre }) }

// isPicture reports a pair of pictures: each paragraph a picture that is
// set (one of pictures).
func isPicture(b article.Block, pictures map[string]Picture) bool {
	return b.All(func(p article.Para) bool {
		_, ok := pictures[p.Image]
		return ok && p.Image != ""
	})
}

// isProse reports a paragraph of running text: not code, not a picture.
func isProse(p article.Para) bool { return !p.Pre && p.Image == "" }

// setSide breaks one paragraph of a side into lines. A list item's marker
// hangs in an indent at least as wide as itself, and its text is set in
// the rest of the column.
func setSide(z *itemizer, p article.Para, list, heading bool, width int, set breaker) []line {
	lines := setSideLines(z, p, list, heading, width, set)
	if p.Note > 0 && len(lines) > 0 && len(lines[0].runs) > 0 {
		lines[0].runs[0].Anchor = article.NoteID(z.lang.side(), p.Note) // where its marks lead
	}
	return lines
}

// setSideLines is setSide without the note's anchor.
func setSideLines(z *itemizer, p article.Para, list, heading bool, width int, set breaker) []line {
	indent := enListIndentPerMille
	if z.lang == langZH {
		indent = zhListIndentPerMille
	}
	marker := markerSpans(p, heading) // a heading is bold throughout
	if lines, ok := z.tableRow(p, width); ok {
		return lines
	}
	if pic, ok := z.pictures[p.Image]; ok && p.Image != "" {
		w := width
		if z.widest > 0 {
			w = min(w, z.widest)
		}
		return append(pictureLines(p.Image, p.Text, pic, w, z.leading, z.bottom), setText(z, sideSpans(p, z.lang, heading), width, false, set)...)
	}
	if p.Under != "" && marker == nil {
		// a list item's next paragraph, in the hang of the item's marker
		under := article.Para{Marker: p.Under}
		_, hang := markerHang(z, under, markerSpans(under, heading), heading, width, indent)
		return shift(setText(z, bodySpans(p, z.lang, heading), width-hang, p.Pre, set), hang)
	}
	if p.Table > 0 {
		// a table row set as a paragraph: ragged, as its cells would be,
		// its header row bold, breaking between cells rather than inside
		// one (itemizer.cellStart)
		ragged := func(itemize func() paragraph, width int, _ linebreak.Params) []line {
			return setRagged(itemize(), width)
		}
		return setText(z, sideSpans(p, z.lang, heading || p.Head), width, false, ragged)
	}
	if !list || marker == nil {
		if z.lang == langZH && !list && !heading && !p.Pre {
			z.indent = z.size * zhIndentPerMille / 1000
		}
		return append(codeTitle(z, p, width, set), setText(z, sideSpans(p, z.lang, heading), width, p.Pre, set)...)
	}
	markLines, hang := markerHang(z, p, marker, heading, width, indent)
	lines := setText(z, bodySpans(p, z.lang, heading), width-hang, p.Pre, set)
	for i := range lines {
		for k := range lines[i].runs {
			lines[i].runs[k].X += hang
		}
		lines[i].width += hang
	}
	if len(lines) > 0 {
		lines[0].runs = append(markLines[0].runs, lines[0].runs...)
	}
	return lines
}

// markerHang sets a list item's marker (p's, as spans) and returns its
// line and the hang the item's text stands in: at least indent
// thousandths of an em, and as wide as the marker and a quarter em; a
// number is right-aligned on its period, in a hang wide enough for two
// digits, so that 9. and 10. line up and their texts too.
func markerHang(z *itemizer, p article.Para, marker []span, heading bool, width, indent int) ([]line, int) {
	m := (&itemizer{faces: z.faces, size: z.size, lang: z.lang, column: width}).itemizeEnglish(marker)
	markLines := placeLines(m, []linebreak.Break{{Pos: len(m.items) - 1}}, false)
	for k := range markLines[0].runs {
		markLines[0].runs[k].Part = PartListLabel
	}
	hang := max(z.size*indent/1000, markLines[0].width+z.size/4)
	if m := p.MarkerText(); m != "" && m[0] >= '0' && m[0] <= '9' {
		ref := (&itemizer{faces: z.faces, size: z.size, lang: z.lang, column: width}).itemizeEnglish([]span{{text: "00" + m[len(m)-1:] + " ", style: strongIf(heading)}})
		hang = max(hang, naturalWidth(ref)+z.size/4)
		for k := range markLines[0].runs {
			markLines[0].runs[k].X += hang - z.size/4 - markLines[0].width
		}
	}
	return markLines, hang
}

// pixelsPer72Pt: a picture is set at 96 pixels an inch (72 pt), as
// browsers show it.
const pixelsPer72Pt = 96

// pictureLines are the empty lines a picture covers, the first holding
// it: at 96 pixels an inch, no wider than the column and no taller than
// maxHeight.
func pictureLines(src, alt string, pic Picture, width, leading, maxHeight int) []line {
	if pic.Width <= 0 || pic.Height <= 0 || leading <= 0 {
		return nil
	}
	w := pic.Width * 72 * Pt / pixelsPer72Pt
	h := pic.Height * 72 * Pt / pixelsPer72Pt
	if w > width {
		h, w = h*width/w, width
	}
	if h > maxHeight {
		w, h = w*maxHeight/h, maxHeight
	}
	n := (h + leading - 1) / leading
	lines := make([]line, n)
	lines[0].image = &Image{Src: src, Alt: alt, X: (width - w) / 2, W: w, H: h} // centred in the column
	return lines
}

// inset is how far a block stands in from its column's edge: a list
// indent for each level of nesting, an em for each block quote around it.
func inset(b article.Block, size, listIndentPerMille int) int {
	return b.Depth*size*listIndentPerMille/1000 + b.Quote*size
}

// pictureHeight is the tallest a picture is set: half the text's height
// on a page.
func pictureHeight(s Spec) int { return (s.Height - s.MarginTop - s.MarginBottom) / 2 }

// shift moves lines right by dx.
func shift(lines []line, dx int) []line {
	if dx == 0 {
		return lines
	}
	for i := range lines {
		for k := range lines[i].runs {
			lines[i].runs[k].X += dx
		}
		if img := lines[i].image; img != nil {
			img.X += dx
		}
		lines[i].width += dx
	}
	return lines
}

// setText breaks spans into lines, a hard line break ("\n") ending a line
// flush left. Preformatted text (a code block) is set line by line, ragged
// right, never hyphenated and broken only between words where a line is
// longer than the column.
func setText(z *itemizer, spans []span, width int, pre bool, set breaker) []line {
	var out []line
	for i, group := range splitAtBreaks(spans) {
		zz := *z
		zz.p = z.buffers.take()
		if i > 0 {
			zz.indent = 0
		}
		switch {
		case pre:
			out = append(out, setCodeLine(zz, group, width)...)
		case zz.lang == langZH:
			out = append(out, set(func() paragraph { return zz.itemizeChinese(group) }, width, zhParams)...)
		default:
			out = append(out, set(func() paragraph { return zz.itemizeEnglish(group) }, width, enParams)...)
		}
	}
	return out
}

// codeTitle sets a code block's title (its file name, Para.Label) on the
// lines above it, in italics, as a caption is; nothing for other
// paragraphs.
func codeTitle(z *itemizer, p article.Para, width int, set breaker) []line {
	if !p.Pre || p.Label == "" {
		return nil
	}
	zz := *z
	zz.indent = 0
	title := span{text: norm.NFC.String(p.Label), style: article.Emphasis}
	if z.lang == langZH && article.LatinOnly(p.Label) {
		title.lang = article.InEnglish // a file name over Chinese code is tagged English
	}
	return setText(&zz, []span{title}, width, false, set)
}

// unbroken returns spans with their hard line breaks as spaces, for a
// paragraph's natural width.
func unbroken(spans []span) []span {
	for i := range spans {
		spans[i].text = strings.ReplaceAll(spans[i].text, "\n", " ")
	}
	return spans
}

// continuationMark starts each line a code line wrapped onto.
const continuationMark = "→ "

// setCodeLine sets one line of a code block: its indentation kept (in the
// monospace face's spaces), broken only between words where it is longer
// than the column, each line it wraps onto starting with a continuation
// mark that is not part of the text (Run.Inserted).
func setCodeLine(z itemizer, spans []span, width int) []line {
	z.hyph = nil
	z.styles = []styleRun{{style: article.Code}}
	z.code = true
	space := z.measure(" ", 0)[0].width
	mark := z.measure(continuationMark, 0)
	markW := segmentsWidth(mark)
	cols := 0
	for len(spans) > 0 {
		t := spans[0].text
		trimmed := strings.TrimLeft(t, " \t")
		cols += codeColumns(t[:len(t)-len(trimmed)])
		if trimmed != "" {
			spans[0].text = trimmed
			break
		}
		spans = spans[1:]
	}
	z.p = paragraph{}
	// every line is set in the width less the mark's, the first one too,
	// but the first has no mark: its indentation box gives that width
	// back (it may be negative), so that it holds as much as the column
	z.indent = cols*space - markW
	lines := setRagged(z.itemizeEnglish(spans), width-markW)
	if len(lines) == 0 {
		return nil
	}
	for i := range lines[0].runs {
		lines[0].runs[i].X += markW
	}
	lines[0].width += markW
	for k := 1; k < len(lines); k++ {
		runs := make([]Run, 0, len(lines[k].runs)+len(mark))
		x := 0
		for _, sg := range mark {
			runs = append(runs, Run{X: x, Text: sg.text, Role: sg.role, Size: z.size, Width: sg.width, Inserted: true, Part: PartCode})
			x += sg.width
		}
		for _, r := range lines[k].runs {
			r.X += markW
			runs = append(runs, r)
		}
		lines[k].runs = runs
		lines[k].width += markW
	}
	return lines
}

// codeColumns is how many spaces' width a code line's blanks take: a tab
// four.
func codeColumns(blanks string) int {
	return len(blanks) + 3*strings.Count(blanks, "\t")
}

// splitAtBreaks cuts spans at their hard line breaks.
func splitAtBreaks(spans []span) [][]span {
	var groups [][]span
	var cur []span
	for _, sp := range spans {
		for {
			before, after, found := strings.Cut(sp.text, "\n")
			if before != "" {
				piece := sp
				piece.text = before
				cur = append(cur, piece)
			}
			if !found {
				break
			}
			groups = append(groups, cur)
			cur = nil
			sp.text = after
		}
	}
	return append(groups, cur)
}

// headingTitle is a heading's bookmark: both languages when both are there.
func headingTitle(b article.Block) string {
	switch {
	case len(b.ZH) > 0 && len(b.EN) > 0:
		return b.ZH[0].Text + " / " + b.EN[0].Text
	case len(b.ZH) > 0:
		return b.ZH[0].Text
	case len(b.EN) > 0:
		return b.EN[0].Text
	}
	return ""
}

// Prepare reads, in the background, what laying out any article takes
// the first time (the hyphenation patterns, the Latin faces' shaping
// tables: 3 ms between them), so that it overlaps other work: a caller
// starts it before parsing. Each is read once; it is safe to call again.
func Prepare(set *fonts.Set) {
	go hyphen.English()
	for _, r := range []fonts.Role{fonts.LatinRegular, fonts.LatinItalic, fonts.LatinBold} {
		go func() {
			if f, err := set.Face(r); err == nil {
				f.PrepareShaping()
			}
		}()
	}
}

// titleSplitEms is how many ems the Chinese column may grow or shrink from
// its balanced width so that a title row's first title ends in its column.
const titleSplitEms = 3

// columnLeastEms is the narrowest a column is made for a title row's sake.
const columnLeastEms = 12

// titleSplit returns the Chinese column's width zhW, or the nearest width
// within titleSplitEms whole ems of it at which the title row's first
// title stands inside the left column (the gap between the titles then
// clears the gutter, see planTitleRow), when at zhW it does not and the
// titles cannot be wrapped level either (wrappedTitleRow): a short
// Chinese title beside a longer English one (更新日志 / Changelog) puts
// the middle of a centred row a little left of the page's, where the
// gutter of a narrow Chinese column is not.
func titleSplit(spec Spec, chain *faceChain, textW, zhW int) int {
	pg := newPager(spec, zhW, chain, nil)
	fits := pg.titleRows()
	if fits == nil {
		return zhW
	}
	if _, ok := pg.chooseTitleRow(fits, true); ok {
		return zhW
	}
	if _, ok := pg.wrappedTitleRow(); ok && spec.TitleFromHeading {
		return zhW // a heading pair's titles, level, each on its side of the gutter
	}
	least := columnLeastEms * spec.ZHSize
	for k := 1; k <= titleSplitEms; k++ {
		for _, w := range []int{zhW + k*spec.ZHSize, zhW - k*spec.ZHSize} {
			if w < least || textW-spec.Gutter-w < columnLeastEms*spec.ENSize {
				continue
			}
			if _, ok := newPager(spec, w, chain, nil).chooseTitleRow(fits, true); ok {
				return w
			}
		}
	}
	return zhW
}

// columnWidth is the Chinese column's width: as spec.Columns has it, or
// the balanced width.
func columnWidth(doc *article.Document, chain *faceChain, spec Spec, textW int) int {
	if c := spec.Columns; c[0] > 0 && c[1] > 0 {
		em := spec.ZHSize
		w := (textW - spec.Gutter) * c[0] / (c[0] + c[1])
		return min(max(w/em, 2), (textW-spec.Gutter)/em-2) * em // whole ems, and room for both columns
	}
	return balanceColumns(doc, chain, spec, textW)
}

// hyphenCaches makes a hyphenation cache for each core's worker.
func hyphenCaches(h *hyphen.Hyphenator) []*hyphenCache {
	words := make([]*hyphenCache, runtime.GOMAXPROCS(0))
	for i := range words {
		words[i] = newHyphenCache(h)
	}
	return words
}

// balanceSample is the most blocks balanceColumns measures.
const balanceSample = 300

// balanceColumns chooses the Chinese column's width so that the two columns
// of the document are about equally tall: it estimates each pair's height in
// lines for candidate widths from the natural widths of its text and keeps
// the width that makes the document shortest.
func balanceColumns(doc *article.Document, chain *faceChain, spec Spec, textW int) int {
	type natural struct{ zh, en int }
	// A long document is judged by a sample of its blocks, evenly spread:
	// the estimate needs proportions, not every paragraph.
	stride := max((len(doc.Blocks)+balanceSample-1)/balanceSample, 1)
	nat := make([]natural, (len(doc.Blocks)+stride-1)/stride)
	measure := func(chain *faceChain, b article.Block) natural {
		var n natural
		for _, p := range b.ZH {
			z := &itemizer{faces: chain, size: spec.ZHSize, lang: langZH, column: textW}
			if b.Kind == article.Paragraph {
				z.indent = spec.ZHSize * zhIndentPerMille / 1000
			}
			n.zh += naturalWidth(z.itemizeChinese(unbroken(sideSpans(p, langZH, false))))
		}
		for _, p := range b.EN {
			z := &itemizer{faces: chain, size: spec.ENSize, lang: langEN, column: textW}
			n.en += naturalWidth(z.itemizeEnglish(unbroken(sideSpans(p, langEN, false))))
		}
		return n
	}
	// measured on all cores, each worker with a chain of its own
	workers := max(1, min(runtime.GOMAXPROCS(0), len(nat)/rowsPerWorker))
	per := (len(nat) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		own := chain.fork()
		wg.Go(func() {
			for i := w * per; i < min((w+1)*per, len(nat)); i++ {
				nat[i] = measure(own, doc.Blocks[i*stride])
			}
		})
	}
	wg.Wait()
	best, bestH := textW/2, -1
	for pct := 35; pct <= 65; pct++ { // of the text block (typesetting.md §0)
		zhW := textW * pct / 100
		enW := textW - spec.Gutter - zhW
		h := 0
		for _, n := range nat {
			zhLines := (n.zh*105/100 + zhW - 1) / zhW
			enLines := (n.en*108/100 + enW - 1) / enW
			h += max(zhLines*spec.ZHLeading, enLines*spec.ENLeading) + spec.ParaGap
		}
		if bestH < 0 || h < bestH {
			best, bestH = zhW, h
		}
	}
	// round to a whole number of Chinese characters, so justified lines
	// need no spreading between characters
	em := spec.ZHSize
	return best / em * em
}

func naturalWidth(p paragraph) int {
	w := 0
	for _, it := range p.items {
		if it.Kind != linebreak.Penalty && it.Stretch < 1<<30 {
			w += it.Width
		}
	}
	return w
}
