package layout

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/script"
)

// pager places rows on pages, handing each page on (emit) as soon as it
// is finished, so that a long book never holds all its pages.
type pager struct {
	spec     Spec
	chain    *faceChain
	book     *Book
	zhX, enX int
	zhW      int // the Chinese column's width
	y        int // top of the next row
	bottom   int
	cur      Page // the page being filled
	pages    int  // pages begun, the current one included
	// bodyTop and bodyBottom are the extent of the rows placed on the
	// current page, for the gutter rule (-1: none yet)
	bodyTop, bodyBottom int
	emit                func(*Page) error
	err                 error // the first error emit returned
	used                map[fonts.Role]bool
	prev                *row // the row placed last (its lines released)
	// the running heads name the section the page starts in (of
	// sectionLevel's headings; before the first, or with none, the
	// title), as TeX's topmark does: never the text of a heading on the
	// same page, which would stand twice on it
	sectionLevel      int
	section, pageHead [2]string
	next              []row // rows waiting: a heading looks ahead at them
	// tableHead is the header row of the table being set, as its copy
	// on each page the table goes on to is drawn (repeatedHead)
	tableHead *row
	// plan adjusts one page to even out the book's end (see planEnd);
	// stats records each finished page's fill, for planEnd's trial runs
	plan           endPlan
	stats          []pageStat
	zhRows, enRows int  // lines placed on the current page, per column
	text           bool // whether the current page holds more than headings
	hyphenEnd      bool // whether the current page ends in a split word
}

// endPlan lets one page (from 1; 0: none) run longer or shorter than the
// others by bottom and tightens the space between its rows by shrink.
type endPlan struct {
	page, bottom, shrink int
}

// pageStat is what planEnd needs to know of a finished page: the lines of
// its fuller column and whether it holds any text but headings.
type pageStat struct {
	lines int
	text  bool
	// hyphen says the page ends in a word split across the page turn
	hyphen bool
}

// minLines is the fewest lines of a column left on either side of a page
// break inside a pair (typesetting.md §3.3).
const minLines = 2

func newPager(spec Spec, zhW int, chain *faceChain, emit func(*Page) error) *pager {
	pg := &pager{spec: spec, chain: chain, book: &Book{Width: spec.Width, Height: spec.Height, Language: spec.language()},
		zhX: spec.MarginInner, enX: spec.MarginInner + zhW + spec.Gutter, zhW: zhW,
		emit: emit, used: map[fonts.Role]bool{}}
	if spec.EnglishLeft {
		enW := spec.Width - 2*spec.MarginInner - spec.Gutter - zhW
		pg.enX, pg.zhX = spec.MarginInner, spec.MarginInner+enW+spec.Gutter
	}
	pg.newPage()
	return pg
}

// setPlan adopts an end plan before any row is placed.
func (pg *pager) setPlan(plan endPlan) {
	pg.plan = plan
	if plan.page == pg.pages {
		pg.bottom += plan.bottom
	}
}

// add queues rows for the pages. Rows are placed once the rows a heading
// keeps with have come too (see keepWithNext); finish places the rest.
func (pg *pager) add(rows []row) {
	pg.next = append(pg.next, rows...)
	n := len(pg.next) - (maxKeptHeadings + 1)
	for i := 0; i < n; i++ {
		pg.placeRow(pg.next[i:])
	}
	if n > 0 {
		pg.next = append(pg.next[:0], pg.next[n:]...)
	}
}

// finish places the rows left, hands on the last page and returns the
// book: everything but its pages, which emit has had.
func (pg *pager) finish() (*Book, error) {
	for i := range pg.next {
		pg.placeRow(pg.next[i:])
	}
	pg.next = nil
	if pg.prev != nil && pg.prev.table > 0 { // the article ends with a table: its bottom rule
		pg.tableRule(pg.y+pg.spec.ListGap, tableOuterRule)
	}
	pg.endPage()
	for role := range pg.used {
		pg.book.Used = append(pg.book.Used, role)
	}
	slices.Sort(pg.book.Used)
	pg.book.PageCount = pg.pages
	return pg.book, pg.err
}

// placeRow places rows[0], which the rows after it follow.
func (pg *pager) placeRow(rows []row) {
	spec := pg.spec
	r := rows[0]
	// a table's rows have a rule above them on each page, in the room
	// spacing leaves above its first row (roomAbove), or at the page's top
	top := r.table > 0 && (pg.prev == nil || pg.prev.table != r.table)
	roomAbove := false
	prevBottom := pg.y
	if pg.prev != nil && pg.y > spec.MarginTop { // no space above the first row of a page
		gap, rules := spacing(*pg.prev, r, spec)
		for _, rl := range rules {
			pg.tableRule(pg.y+rl.at, rl.width)
		}
		roomAbove = top
		if pg.plan.page == pg.pages {
			gap -= pg.plan.shrink
		}
		if r.ruleBefore {
			// a thematic break: a short rule centred in a doubled gap in
			// each column, clear of the gutter's rule
			page := pg.page()
			y := pg.y + gap
			enW := spec.Width - 2*spec.MarginInner - spec.Gutter - pg.zhW
			for _, c := range [][2]int{{pg.zhX, pg.zhW}, {pg.enX, enW}} {
				x := c[0] + c[1]/2
				page.Rules = append(page.Rules, Rule{X0: x - 30*Pt, Y0: y, X1: x + 30*Pt, Y1: y, Width: ruleWidth})
			}
			gap *= 2
		}
		pg.y += gap
	}
	need := r.height(len(r.zh.lines), len(r.en.lines))
	kept := r.heading || r.tableHead // a table's header row keeps with its first row, as a heading does
	if kept {
		need = keepWithNext(rows, spec)
	}
	continued := false // a table goes on from the page before
	if pg.y+need > pg.bottom && !pg.atTop() {
		if kept || !pg.split(&r) {
			if pg.prev != nil && pg.prev.table > 0 && pg.prev.table == r.table {
				// the table goes on overleaf: a rule under this page's rows
				pg.tableRule(prevBottom+spec.ListGap, tableOuterRule)
				continued = true
			}
			pg.newPage()
			top, roomAbove = r.table > 0, false
		}
	}
	switch {
	case top && roomAbove:
		pg.tableRule(pg.y-spec.ListGap, tableOuterRule)
	case top:
		pg.tableRule(pg.y, tableOuterRule)
		pg.y += spec.ListGap
	}
	if continued && pg.tableHead != nil && pg.tableHead.table == r.table && !r.tableHead {
		// the columns' heads again over the rows that go on, as a
		// continued table has them; an artifact, the header being read once
		h := pg.tableHead
		pg.place(*h, len(h.zh.lines), len(h.en.lines))
		pg.y += h.height(len(h.zh.lines), len(h.en.lines))
		gap, rules := spacing(*h, r, spec)
		for _, rl := range rules {
			pg.tableRule(pg.y+rl.at, rl.width)
		}
		pg.y += gap
	}
	if r.tableHead {
		pg.tableHead = repeatedHead(r)
	}
	for pg.y+r.height(len(r.zh.lines), len(r.en.lines)) > pg.bottom {
		if !pg.split(&r) {
			break // a single line taller than the page: set it anyway
		}
	}
	pg.place(r, len(r.zh.lines), len(r.en.lines))
	pg.y += r.height(len(r.zh.lines), len(r.en.lines))
	// placed: the page holds the runs now, so a long book's lines are not
	// held twice
	rows[0].zh.lines, rows[0].en.lines = nil, nil
	pg.prev = &row{heading: rows[0].heading, list: rows[0].list, table: rows[0].table, tableHead: rows[0].tableHead}
}

// repeatedHead is a copy of a table's header row to draw again on the
// pages the table goes on to: its runs artifacts.
func repeatedHead(r row) *row {
	h := r
	for _, c := range []*cell{&h.zh, &h.en} {
		lines := make([]line, len(c.lines))
		for i, ln := range c.lines {
			ln.runs = slices.Clone(ln.runs)
			for k := range ln.runs {
				ln.runs[k].Artifact = true
			}
			ln.image = nil
			lines[i] = ln
		}
		c.lines = lines
	}
	h.heading, h.title, h.ruleBefore = false, "", false
	return &h
}

// tableRule draws a rule of a table across both columns at y.
func (pg *pager) tableRule(y, width int) {
	page := pg.page()
	enW := pg.spec.Width - 2*pg.spec.MarginInner - pg.spec.Gutter - pg.zhW
	for _, c := range [][2]int{{pg.zhX, pg.zhW}, {pg.enX, enW}} {
		page.Rules = append(page.Rules, Rule{X0: c[0], Y0: y, X1: c[0] + c[1], Y1: y, Width: width})
	}
}

// The widths of a table's rules, in millipoints: its top and bottom rules
// heavier than the one under its header row, as in booktabs.
const (
	tableOuterRule = 800
	tableHeadRule  = 400
)

// tableRule is a rule of a table in the gap above a row, at offset at
// from the gap's top.
type tableRule struct{ at, width int }

// maxKeptHeadings is the longest run of headings kept with what follows.
const maxKeptHeadings = 3

// keepWithNext is the height a heading needs at the bottom of a page: the
// heading, any headings right after it (and a table's header row, which
// keeps with its first row the same way), and the first lines of the pair
// they introduce, as many as the page-break rules let stand alone (a column
// too short to split goes whole) (typesetting.md PAIR-8). A run of more
// than maxKeptHeadings headings is a list of headings, not one: its first
// headings keep together and the rest may go to the next page, so a long
// run never pushes each heading onto a page of its own.
func keepWithNext(rows []row, spec Spec) int {
	need := 0
	for k, r := range rows {
		if k > 0 {
			need += rowGap(rows[k-1], r, spec)
		}
		if r.heading || r.tableHead {
			if k == maxKeptHeadings {
				return need
			}
			need += r.height(len(r.zh.lines), len(r.en.lines))
			continue
		}
		return need + r.height(firstChunk(len(r.zh.lines)), firstChunk(len(r.en.lines)))
	}
	return need
}

// rowGap is the space between two rows: more above a heading, less
// between two items of a list or two rows of a table, and room for a
// table's rules (see spacing).
func rowGap(prev, cur row, spec Spec) int {
	gap, _ := spacing(prev, cur, spec)
	return gap
}

// spacing is rowGap, and the rules of a table in the gap under the row
// above: one under a table's header row, its bottom rule under its last
// row, each ListGap from the rows beside it. Above a table's first row it
// leaves ListGap for its top rule, which placeRow draws.
func spacing(prev, cur row, spec Spec) (int, []tableRule) {
	switch {
	case prev.table > 0 && prev.table == cur.table && prev.tableHead:
		return 2 * spec.ListGap, []tableRule{{at: spec.ListGap, width: tableHeadRule}}
	case prev.table > 0 && prev.table == cur.table:
		return spec.ListGap, nil
	}
	gap := spec.ParaGap
	switch {
	case cur.heading && !prev.heading:
		gap = spec.HeadingGap
	case prev.list && cur.list:
		gap = spec.ListGap
	}
	var rules []tableRule
	if prev.table > 0 { // the table above ends
		rules = append(rules, tableRule{at: spec.ListGap, width: tableOuterRule})
		gap += spec.ListGap
	}
	if cur.table > 0 { // a table starts
		gap += spec.ListGap
	}
	return gap, rules
}

// firstChunk is the fewest lines of an n-line column that can open a page
// break: minLines, or all of them when the column is too short to split.
func firstChunk(n int) int {
	if n < 2*minLines {
		return n
	}
	return minLines
}

// hasImage reports whether a row holds a picture.
func (r row) hasImage() bool {
	for _, c := range []cell{r.zh, r.en} {
		for _, ln := range c.lines {
			if ln.image != nil {
				return true
			}
		}
	}
	return false
}

func (pg *pager) atTop() bool { return pg.y == pg.spec.MarginTop && pg.pages > 1 }

// height is the height a row takes with nz Chinese and ne English lines.
func (r row) height(nz, ne int) int {
	a := max(r.zh.ascent, r.en.ascent)
	h := 0
	if nz > 0 {
		h = a + (nz-1)*r.zh.leading + r.zh.leading/3
	}
	if ne > 0 {
		h = max(h, a+(ne-1)*r.en.leading+r.en.leading/3)
	}
	return h
}

// fit returns how many lines of a cell fit above the page bottom.
func (pg *pager) fit(c cell, ascent int) int {
	if len(c.lines) == 0 {
		return 0
	}
	avail := pg.bottom - pg.y - ascent - c.leading/3
	if avail < 0 {
		return 0
	}
	return min(len(c.lines), avail/c.leading+1)
}

// split places as much of r as fits on this page, keeping at least minLines
// of each column on either side, starts a new page, and leaves the rest in
// r. It reports false when the row cannot be split here.
func (pg *pager) split(r *row) bool {
	if r.hasImage() {
		return false // a picture is never cut across pages
	}
	a := max(r.zh.ascent, r.en.ascent)
	kz, ke := pg.fit(r.zh, a), pg.fit(r.en, a)
	kz, okz := keep(kz, len(r.zh.lines))
	ke, oke := keep(ke, len(r.en.lines))
	// no word split across the page turn: a column whose last line here
	// ends in a hyphen (added, or a compound's own) gives that line to the
	// next page, and the line before it too if it ends so, while it can
	// keep enough lines (typesetting.md, issue 15 item 8)
	for ke > minLines && ke < len(r.en.lines) && splitsWord(r.en.lines[ke-1]) {
		ke--
	}
	for kz > minLines && kz < len(r.zh.lines) && splitsWord(r.zh.lines[kz-1]) {
		kz--
	}
	splitEnd := ke > 0 && ke < len(r.en.lines) && splitsWord(r.en.lines[ke-1]) ||
		kz > 0 && kz < len(r.zh.lines) && splitsWord(r.zh.lines[kz-1])
	if splitEnd && pg.y > pg.spec.MarginTop {
		return false // the row's first lines here would end in a split word: it starts the next page
	}
	if !okz || !oke || kz == len(r.zh.lines) && ke == len(r.en.lines) {
		return false
	}
	if kz+ke == 0 {
		return false
	}
	pg.place(*r, kz, ke)
	pg.hyphenEnd = splitEnd
	r.zh.lines, r.en.lines = r.zh.lines[kz:], r.en.lines[ke:]
	r.heading = false
	pg.newPage()
	return true
}

// splitsWord reports a line that ends inside a word: in a hyphen layout
// added, or after a compound's own hyphen (pre-/release).
func splitsWord(ln line) bool {
	if hyphenated(ln) {
		return true
	}
	n := len(ln.runs)
	if n == 0 {
		return false
	}
	t := ln.runs[n-1].Text
	r, size := utf8.DecodeLastRuneInString(t)
	if r != '-' && r != '\u2010' {
		return false
	}
	t = t[:len(t)-size]
	if t == "" && n > 1 { // the hyphen is a run of its own (kerning)
		t = ln.runs[n-2].Text
	}
	before, _ := utf8.DecodeLastRuneInString(t)
	return unicode.IsLetter(before)
}

// hyphenated reports a line that ends in a hyphen layout added.
func hyphenated(ln line) bool {
	n := len(ln.runs)
	return n > 0 && ln.runs[n-1].Inserted && ln.runs[n-1].Text == "-"
}

// keep adjusts k, the lines of a column of n lines that fit, so that neither
// side of the break is left with fewer than minLines; ok is false when the
// column cannot be split.
func keep(k, n int) (int, bool) {
	if k >= n {
		return n, true
	}
	if n-k < minLines {
		k = n - minLines
	}
	if k < minLines {
		return 0, n == 0
	}
	return k, true
}

// place draws the first nz Chinese and ne English lines of r at pg.y.
func (pg *pager) place(r row, nz, ne int) {
	page := pg.page()
	base := pg.y + max(r.zh.ascent, r.en.ascent)
	opens := pg.bodyTop < 0 // the row is the page's first
	if opens {
		pg.bodyTop = pg.y
	}
	pg.bodyBottom = max(pg.bodyBottom, pg.y+r.height(nz, ne))
	if r.heading && r.title != "" {
		page.Bookmarks = append(page.Bookmarks, Bookmark{Title: r.title, Level: r.level, Y: pg.y})
	}
	if r.heading && r.level == pg.sectionLevel && nz+ne > 0 {
		pg.section = r.section
		if opens {
			pg.pageHead = r.section // a section that opens the page heads it
		}
	}
	pg.zhRows, pg.enRows = pg.zhRows+nz, pg.enRows+ne
	pg.text = pg.text || !r.heading && nz+ne > 0
	for k, ln := range r.zh.lines[:nz] {
		for _, run := range ln.runs {
			run.X += pg.zhX
			run.Y = base + k*r.zh.leading
			page.addRun(run)
		}
		pg.placeImage(ln, pg.zhX, base-r.zh.ascent+k*r.zh.leading, r.pair, article.Chinese)
	}
	for k, ln := range r.en.lines[:ne] {
		for _, run := range ln.runs {
			run.X += pg.enX
			run.Y = base + k*r.en.leading
			page.addRun(run)
		}
		pg.placeImage(ln, pg.enX, base-r.en.ascent+k*r.en.leading, r.pair, article.English)
	}
}

// placeImage places the picture a line holds, if any, with its top at y.
func (pg *pager) placeImage(ln line, x, y, pair int, side article.Lang) {
	if ln.image == nil {
		return
	}
	img := *ln.image
	img.X += x
	img.Y = y
	img.Pair, img.Side = pair, side
	page := pg.page()
	page.Images = append(page.Images, img)
}

// addRun adds a run to the page, and the line through it when it is
// struck through (at about the middle of the lower-case letters).
func (page *Page) addRun(r Run) {
	page.Runs = append(page.Runs, r)
	if r.Emphasized() && fonts.IsCJK(r.Role) {
		page.emphasisDots(r)
	}
	if r.Struck() && r.Width > 0 {
		y := r.Y - r.Size*28/100
		page.Rules = append(page.Rules, Rule{X0: r.X, Y0: y, X1: r.X + r.Width, Y1: y, Width: r.Size / 20})
	}
}

// emphasisDots marks each Chinese character of an emphasized run with a
// dot centred under it (clreq §3.2.3: 着重号 under horizontal text, not
// under punctuation). The characters of a CJK run are set solid, each its
// share of the run's width.
func (page *Page) emphasisDots(r Run) {
	rs := []rune(r.Text)
	if len(rs) == 0 {
		return
	}
	adv := r.Width / len(rs)
	for i, c := range rs {
		if script.IsChineseLetter(c) {
			page.Dots = append(page.Dots, Dot{X: r.X + i*adv + adv/2, Y: r.Y + r.Size*30/100, D: r.Size * 16 / 100})
		}
	}
}

// newPage finishes the current page, if any, and starts the next.
func (pg *pager) newPage() {
	if pg.pages > 0 {
		pg.endPage()
	}
	pg.pages++
	pg.pageHead = pg.section
	pg.bodyTop, pg.bodyBottom = -1, -1
	pg.y = pg.spec.MarginTop
	pg.bottom = pg.spec.Height - pg.spec.MarginBottom
	if pg.plan.page == pg.pages {
		pg.bottom += pg.plan.bottom
	}
}

// endPage adds the furniture to the current page and hands it on.
func (pg *pager) endPage() {
	pg.stats = append(pg.stats, pageStat{lines: max(pg.zhRows, pg.enRows), text: pg.text, hyphen: pg.hyphenEnd})
	pg.zhRows, pg.enRows, pg.text, pg.hyphenEnd = 0, 0, false, false
	pg.decorate()
	first := 0 // the block at the page's top: the lowest numbered on it
	for _, r := range pg.cur.Runs {
		pg.used[r.Role] = true
		if r.Pair > 0 && !r.Artifact && (first == 0 || r.Pair < first) {
			first = r.Pair
		}
	}
	if len(pg.book.PageStarts) == 0 && first > 0 {
		first = 1 // the first page holds the title, which may be block 1
	}
	pg.book.PageStarts = append(pg.book.PageStarts, first)
	if pg.err == nil {
		pg.err = pg.emit(&pg.cur)
	}
	pg.cur.reset()
}

// reset empties the page for the next, keeping its slices' room: a page
// holds about as many runs as the one before, and emit has let go of them.
func (page *Page) reset() {
	clear(page.Bookmarks) // not to keep what they hold alive
	clear(page.Images)
	*page = Page{Runs: page.Runs[:0], Rules: page.Rules[:0], Bookmarks: page.Bookmarks[:0],
		Images: page.Images[:0], Dots: page.Dots[:0]}
}

// The page furniture of typesetting.md §3.5–3.7.
const (
	ruleWidth      = 400 // the running head's and the gutter's rules
	titleRuleWidth = 500 // the rule under the title block
	gutterGray     = 128 // 50 % grey
	headSize       = 9 * Pt
	headBaseline   = 42 * Pt // the running head's, from the page's top
	folioSize      = 9 * Pt  // the page number's
	folioFromFoot  = 36900   // the page number's baseline above the page's foot (805 pt on A4)
)

// titleBlock sets the bilingual title and byline across both columns at
// the top of page 1, then a rule across the text block (typesetting.md
// §3.5): the titles on one line as planTitleRow set them (oneLine), else
// one above the other. mark, when not empty, is the outline entry that
// opens at the title (the leading heading pair's, which it stands for).
func (pg *pager) titleBlock(row titleLine, oneLine bool, mark string) {
	s := pg.spec
	if s.Title == "" && s.TitleEN == "" {
		return
	}
	pg.y = s.MarginTop - 14*Pt
	if mark != "" {
		pg.cur.Bookmarks = append(pg.cur.Bookmarks, Bookmark{Title: mark, Level: 1, Y: pg.y})
	}
	if oneLine {
		pg.placeTitleRow(row)
	} else {
		// one above the other: the first language's title first and
		// larger, as the first column is the primary one
		titles, langs := pg.titlesInOrder()
		if titles[0] != "" {
			pg.centeredLines(pg.page(), titles[0], 20*Pt, true, langs[0], 28*Pt, PartTitle)
		}
		if titles[1] != "" {
			pg.y += 2 * Pt
			pg.centeredLines(pg.page(), titles[1], 16*Pt, true, langs[1], 22*Pt, PartTitle)
		}
	}
	if s.Byline != "" {
		pg.y += 2 * Pt
		pg.centeredLines(pg.page(), s.Byline, 10*Pt, false, langEN, 14*Pt, PartByline)
	}
	pg.y += 6 * Pt
	page := pg.page()
	page.Rules = append(page.Rules, Rule{X0: s.MarginInner, Y0: pg.y, X1: s.Width - s.MarginInner, Y1: pg.y, Width: titleRuleWidth})
	pg.y += 24*Pt - 9*Pt // 24 pt from the rule to the first pair's text, less its ascent
}

// The title row's sizes and the space between its two titles.
const (
	titleSize      = 20 * Pt
	titleSizeLeast = 16 * Pt // above the headings' 14 pt by more than a twentieth
	titleSizeMost  = 24 * Pt // for a short row that titleSize leaves astride the gutter
	titleGapEm     = 800     // in thousandths of the size
)

// titleSizes are the sizes a title row is tried at, in order: titleSize
// down to titleSizeLeast, then up to titleSizeMost. A larger size moves a
// short row's split between the titles (from the page's centre by half
// their difference) off the gutter.
func titleSizes() []int {
	var sizes []int
	for size := titleSize; size >= titleSizeLeast; size -= Pt {
		sizes = append(sizes, size)
	}
	for size := titleSize + Pt; size <= titleSizeMost; size += Pt {
		sizes = append(sizes, size)
	}
	return sizes
}

// placeTitleRow places a title row at pg.y.
func (pg *pager) placeTitleRow(row titleLine) {
	base := pg.y + row.size*88/100
	page := pg.page()
	place := func(ln line, x, y int) {
		for _, r := range ln.runs {
			r.X += x
			r.Y = y
			page.Runs = append(page.Runs, r)
		}
	}
	// each title whole before the other, so that the page's text reads
	// in order: the first title's lines flush right against the gap, the
	// second's flush left after it
	step := row.size * titleLeading / 100
	place(row.first, row.x, base)
	for k, ln := range row.firstMore {
		place(ln, row.x+row.first.width-ln.width, base+(k+1)*step)
	}
	place(row.second, row.x+row.first.width+row.gap, base)
	for k, ln := range row.secondMore {
		place(ln, row.x+row.first.width+row.gap, base+(k+1)*step)
	}
	pg.y += max(len(row.firstMore), len(row.secondMore))*step + row.size*140/100
}

// titleLeading is the distance between the lines of a wrapped title, in
// hundredths of its size.
const titleLeading = 120

// titleLine is a title row as planTitleRow sets it: the two titles in the
// columns' order, their size, the gap between them and where the first
// starts; firstMore and secondMore hold a title's further lines when it
// wraps under itself (the first's flush right against the gap, the
// second's flush left after it).
type titleLine struct {
	first, second         line
	firstMore, secondMore []line
	size, gap, x          int
}

// planTitleRow sets the two titles on one centred line, in the columns'
// order, at the largest size from titleSize down to titleSizeLeast at
// which both fit; false when they do not or there is only one title. One
// line keeps the two titles level, as every pair below stands, and reads
// as a single title; the gap between them is kept clear of the gutter,
// where it would read as two column heads, and rather on its left, so
// that the first title stays in its column.
func (pg *pager) planTitleRow() (titleLine, bool) {
	if !pg.twoTitles() {
		return titleLine{}, false
	}
	fits := pg.titleRows()
	// rather the first title inside the left column, at any size, then
	// a leading heading pair wrapped (too long for one line, or at no size
	// placed clear of the gutter), than the first crossing into the other
	// column
	if row, ok := pg.chooseTitleRow(fits, true); ok {
		return row, true
	}
	if pg.spec.TitleFromHeading {
		if row, ok := pg.wrappedTitleRow(); ok {
			return row, true
		}
	}
	if row, ok := pg.chooseTitleRow(fits, false); ok {
		return row, true
	}
	if pg.spec.TitleFromHeading {
		return pg.bothWrappedRow()
	}
	return titleLine{}, false
}

// twoTitles reports two titles, which differ.
func (pg *pager) twoTitles() bool {
	s := pg.spec
	return s.Title != "" && s.TitleEN != "" && s.Title != s.TitleEN
}

// titleRows are the two titles set on one line, in the columns' order, at
// each size from the largest down at which both fit; nil when they do not
// or there is only one title.
func (pg *pager) titleRows() []titleLine {
	s := pg.spec
	if !pg.twoTitles() {
		return nil
	}
	maxW := s.Width - 2*s.MarginInner
	var fits []titleLine
	for _, size := range titleSizes() {
		gap := size * titleGapEm / 1000
		pz := pg.titleItems(s.Title, size, true, langZH, maxW)
		pe := pg.titleItems(s.TitleEN, size, true, langEN, maxW)
		if naturalWidth(pz)+gap+naturalWidth(pe) > maxW {
			continue // too long for one line: no need to set it
		}
		zh := pg.titleSet(pz, s.Title, langZH, maxW, PartTitle)
		en := pg.titleSet(pe, s.TitleEN, langEN, maxW, PartTitle)
		if len(zh) != 1 || len(en) != 1 || zh[0].width+gap+en[0].width > maxW {
			continue
		}
		row := titleLine{first: zh[0], second: en[0], size: size, gap: gap}
		if s.EnglishLeft {
			row.first, row.second = row.second, row.first
		}
		fits = append(fits, row)
	}
	return fits
}

// chooseTitleRow places the first of the rows (by size) whose gap clears
// the gutter (see titleRowX); false when none does.
func (pg *pager) chooseTitleRow(fits []titleLine, inLeft bool) (titleLine, bool) {
	for _, row := range fits {
		if x, ok := pg.titleRowX(row.first.width, row.gap, row.second.width, inLeft); ok {
			row.x = x
			return row, true
		}
	}
	return titleLine{}, false
}

// wrappedTitleRow sets a leading heading pair too long for one line: one
// title on one line, the other level with it and wrapped under itself (the
// second flush left under its start, the first, when it is the long one,
// flush right against the gap), so that the pair still stands level as
// every pair below does and each title keeps to its side of the gutter
// (set one above the other, centred, a title would belong to neither
// column). The row's first line is centred as a one-line row is, and
// carries as much of the wrapped title as it can; false when no size fits.
func (pg *pager) wrappedTitleRow() (titleLine, bool) {
	s := pg.spec
	maxW := s.Width - 2*s.MarginInner
	titles, langs := pg.titlesInOrder()
	gutterMid := max(pg.zhX, pg.enX) - s.Gutter/2
	for size := titleSize; size >= titleSizeLeast; size -= Pt {
		gap := size * titleGapEm / 1000
		for _, wrap := range []int{1, 0} { // rather the second title wrapped
			whole := pg.titleLines(titles[1-wrap], size, true, langs[1-wrap], maxW, PartTitle)
			if len(whole) != 1 {
				continue
			}
			text, lang := titles[wrap], langs[wrap]
			for _, b := range titleBreakOrder(text, lang) {
				head := pg.titleLines(strings.TrimSpace(text[:b]), size, true, lang, maxW, PartTitle)
				if len(head) != 1 {
					continue
				}
				firstWraps := wrap == 0
				row := titleLine{first: whole[0], second: head[0], size: size, gap: gap}
				if firstWraps {
					row.first, row.second = head[0], whole[0]
				}
				x, ok := pg.titleRowX(row.first.width, gap, row.second.width, true)
				if !ok {
					continue
				}
				row.x = x
				// the room beside the row's other title, and the lines read
				// as their own column's text
				room := s.Width - s.MarginInner - (x + row.first.width + gap)
				if firstWraps {
					room = x + row.first.width - s.MarginInner
				}
				tail := strings.TrimSpace(text[b:])
				more := pg.titleLines(tail, size, true, lang, room, PartTitle)
				fits := len(more) <= 2 && !orphanWord(tail, lang)
				for _, ln := range more {
					// a Chinese title's first line no stub (CAP / 定理常見問題)
					fits = fits && (lang == langEN || ln.width <= 2*head[0].width)
				}
				if firstWraps {
					row.firstMore = more
				} else {
					row.secondMore = more
				}
				if fits && pg.titleSides(row, gutterMid) {
					return row, true
				}
			}
		}
	}
	return titleLine{}, false
}

// titleSides reports whether a wrapped title row's further lines each read
// as their own column's: the first title's centred left of the gutter's
// middle, the second's right of it.
func (pg *pager) titleSides(row titleLine, gutterMid int) bool {
	edge := row.x + row.first.width
	for _, ln := range row.firstMore {
		if edge-ln.width/2 >= gutterMid {
			return false
		}
	}
	for _, ln := range row.secondMore {
		if edge+row.gap+ln.width/2 <= gutterMid {
			return false
		}
	}
	return true
}

// maxTitleLines is the most lines a title wrapped beside the other (both
// wrapped: bothWrappedRow) may take.
const maxTitleLines = 4

// bothWrappedRow sets a leading heading pair that neither one-line nor
// one-wrapped rows hold: each title wrapped on its side of the gap, the
// first flush right against it, the second flush left after it, their
// first lines one row centred as a one-line row is; at the largest size,
// and the most even share of the width, at which each takes at most
// maxTitleLines lines that stay on their sides. false when none fits.
func (pg *pager) bothWrappedRow() (titleLine, bool) {
	s := pg.spec
	maxW := s.Width - 2*s.MarginInner
	titles, langs := pg.titlesInOrder()
	gutterMid := max(pg.zhX, pg.enX) - s.Gutter/2
	for size := titleSize; size >= titleSizeLeast; size -= Pt {
		gap := size * titleGapEm / 1000
		// the first title's share of the width, from an even split
		// outwards; each title's lines of about equal length, or filled
		// line by line: the one whose first line must be the longer, to
		// centre the row with its gap clear of the gutter, and a Chinese
		// title first (filled, it breaks where titleBreaks allows, not
		// inside a run of Han, where it can)
		for _, share := range []int{50, 45, 55, 40, 60, 35, 65, 30, 70} {
			w1 := (maxW - gap) * share / 100
			for _, fill := range [][2]bool{{langs[0] == langZH, langs[1] == langZH}, {langs[0] == langZH, true}, {true, langs[1] == langZH}, {false, false}} {
				a := pg.wrapTitle(titles[0], size, langs[0], w1, fill[0])
				b := pg.wrapTitle(titles[1], size, langs[1], maxW-gap-w1, fill[1])
				if len(a) == 0 || len(b) == 0 || len(a) > maxTitleLines || len(b) > maxTitleLines {
					continue
				}
				row := titleLine{first: a[0], second: b[0], firstMore: a[1:], secondMore: b[1:], size: size, gap: gap}
				x, ok := pg.titleRowX(row.first.width, gap, row.second.width, true)
				if !ok {
					continue
				}
				row.x = x
				edge := x + row.first.width
				fits := true
				for _, ln := range row.firstMore {
					fits = fits && edge-ln.width >= s.MarginInner
				}
				for _, ln := range row.secondMore {
					fits = fits && edge+gap+ln.width <= s.Width-s.MarginInner
				}
				if fits && pg.titleSides(row, gutterMid) {
					return row, true
				}
			}
		}
	}
	return titleLine{}, false
}

// wrapTitle sets a title in lines no wider than maxW: of about equal
// length, or with fill each as long as it can be (the last takes the
// rest).
func (pg *pager) wrapTitle(text string, size int, lang langKind, maxW int, fill bool) []line {
	if !fill {
		return pg.titleLines(text, size, true, lang, maxW, PartTitle)
	}
	var lines []line
	for rest := strings.TrimSpace(text); rest != ""; {
		whole := pg.titleLines(rest, size, true, lang, maxW, PartTitle)
		if len(whole) <= 1 {
			return append(lines, whole...)
		}
		taken := false
		for _, b := range titleBreakOrder(rest, lang) { // the longest first line first
			head := pg.titleLines(strings.TrimSpace(rest[:b]), size, true, lang, maxW, PartTitle)
			if len(head) == 1 {
				lines, rest, taken = append(lines, head[0]), strings.TrimSpace(rest[b:]), true
				break
			}
		}
		if !taken {
			return append(lines, whole...)
		}
	}
	return lines
}

// titlesInOrder returns the two titles and their languages in the
// columns' order.
func (pg *pager) titlesInOrder() (titles [2]string, langs [2]langKind) {
	s := pg.spec
	titles, langs = [2]string{s.Title, s.TitleEN}, [2]langKind{langZH, langEN}
	if s.EnglishLeft {
		titles[0], titles[1], langs[0], langs[1] = titles[1], titles[0], langs[1], langs[0]
	}
	return titles, langs
}

// orphanWord reports a title line too short to stand alone: one word of
// English, or under three Chinese characters.
func orphanWord(text string, lang langKind) bool {
	if lang == langEN {
		return len(strings.Fields(text)) < 2
	}
	return utf8.RuneCountInString(text) < 3
}

// titleBreakOrder returns where a title may wrap, the longest first line
// first, and rather one that does not end in "in", "of the", "a".
func titleBreakOrder(text string, lang langKind) []int {
	breaks := titleBreaks(text, lang)
	order := make([]int, 0, len(breaks))
	for _, weak := range []bool{false, true} {
		for k := len(breaks) - 1; k >= 0; k-- {
			if endsWeak(text[:breaks[k]]) == weak {
				order = append(order, breaks[k])
			}
		}
	}
	return order
}

// endsWeak reports text ending in an article, a preposition or a
// conjunction (in, of the, A in title case), which a title line does not
// end on: the word belongs with what follows.
func endsWeak(text string) bool {
	f := strings.Fields(text)
	if len(f) == 0 {
		return false
	}
	return weakWords[strings.ToLower(f[len(f)-1])]
}

// weakWords are the short English words a title line does not end with.
var weakWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"and": true, "or": true, "nor": true, "but": true, "with": true, "by": true, "from": true, "as": true,
	"into": true, "onto": true, "via": true, "vs.": true,
}

// titleBreaks returns the byte offsets in a title where a line may end:
// its spaces; in Chinese, also after a pause mark (：，、；) and between Han
// and Latin text, never inside a run of Han (开源项目的角 / 色与职责).
func titleBreaks(text string, lang langKind) []int {
	var at []int
	var prev rune
	for i, r := range text {
		switch {
		case r == ' ':
			at = append(at, i)
		case lang == langZH && prev != 0 && prev != ' ' && breakAllowed(string(prev), string(r)) &&
			(strings.ContainsRune("：，、；", prev) || script.HasHan(string(prev)) != script.HasHan(string(r))):
			at = append(at, i)
		}
		prev = r
	}
	return at
}

// titleRowShift is how far a title row may move off the page's centre to
// keep the gap between its titles clear of the gutter.
const titleRowShift = 9 * Pt

// titleRowX returns where a title row of two titles w1 and w2 wide, gap
// apart, starts: centred on the page, or moved by at most titleRowShift
// so that the gap clears the gutter with a little to spare; false when it
// cannot. With inLeft, the first title must also end inside the left
// column, so that only the second crosses the gutter.
func (pg *pager) titleRowX(w1, gap, w2 int, inLeft bool) (int, bool) {
	s := pg.spec
	total := w1 + gap + w2
	centred := (s.Width - total) / 2
	leftW := max(pg.zhX, pg.enX) - s.MarginInner - s.Gutter
	lo := s.MarginInner + leftW - 3*Pt            // the gutter, widened
	hi := s.MarginInner + leftW + s.Gutter + 3*Pt // by 3 pt a side
	clear := func(x int) bool {
		g := x + w1
		return g+gap < lo || !inLeft && g > hi
	}
	for d := 0; d <= titleRowShift; d += Pt / 2 {
		for _, x := range []int{centred - d, centred + d} {
			if x >= s.MarginInner && x+total <= s.Width-s.MarginInner && clear(x) {
				return x, true
			}
		}
	}
	return 0, false
}

// page returns the page being filled.
func (pg *pager) page() *Page { return &pg.cur }

// centeredLines sets text centred between the margins at pg.y, advancing
// pg.y by leading a line; text wider than the measure wraps in lines of
// about equal length.
func (pg *pager) centeredLines(page *Page, text string, size int, bold bool, lang langKind, leading int, part Part) {
	for _, ln := range pg.titleLines(text, size, bold, lang, pg.spec.Width-2*pg.spec.MarginInner, part) {
		x := (pg.spec.Width - ln.width) / 2
		base := pg.y + size*88/100
		for _, r := range ln.runs {
			r.X += x
			r.Y = base
			page.Runs = append(page.Runs, r)
		}
		pg.y += leading
	}
}

// titleLines sets text ragged in lines of about equal length no wider than
// maxW, its runs marked as part, in its language, at x 0.
func (pg *pager) titleLines(text string, size int, bold bool, lang langKind, maxW int, part Part) []line {
	return pg.titleSet(pg.titleItems(text, size, bold, lang, maxW), text, lang, maxW, part)
}

// titleKernFloor is the most a title's kerned pair closes up (W e at 20 pt
// would by 1.5 pt): short of a point, so that no two glyphs' boxes overlap,
// which text extraction takes for two runs colliding, and cuts the title
// there (check-pdf then read "Why W" of a title row as the Chinese
// column's text).
const titleKernFloor = 900

// titleItems itemizes a title line's text.
func (pg *pager) titleItems(text string, size int, bold bool, lang langKind, maxW int) paragraph {
	z := &itemizer{faces: pg.chain, size: size, lang: lang, column: maxW, kernFloor: -titleKernFloor}
	if lang == langZH {
		return z.itemizeChinese([]span{{text: text, style: strongIf(bold)}})
	}
	var spans []span // Han in an English line (an author's name) is Chinese
	for _, in := range article.InlinesOf(text, article.English) {
		spans = append(spans, span{text: in.Text, style: strongIf(bold), lang: in.Lang, link: in.Link})
	}
	return z.itemizeEnglish(spans)
}

// titleSet sets an itemized title (see titleLines).
func (pg *pager) titleSet(p paragraph, text string, lang langKind, maxW int, part Part) []line {
	lines := setRagged(p, maxW)
	side := article.English
	if lang == langZH && script.HasHan(text) {
		side = article.Chinese // a Chinese title without Han (a file name) is Latin text
	}
	for _, ln := range lines {
		for i := range ln.runs {
			r := &ln.runs[i]
			r.Part, r.Artifact = part, part == PartFolio
			r.Lang = tagOf(r.override, side, pg.spec.language())
		}
	}
	return lines
}

// decorate adds to every page its number, centred on the text block with
// its baseline 36.9 pt above the page's foot; from page 2 on, the running
// head, each column's short title over it with a rule below, and on every
// page a rule down the middle of the gutter beside the rows (typesetting.md
// §3.6, §3.7).
func (pg *pager) decorate() {
	s := pg.spec
	left, right := s.RunningHeadZH, s.RunningHeadEN
	if sec := pg.pageHead; sec != [2]string{} {
		left, right = sec[0], sec[1]
	}
	if s.EnglishLeft {
		left, right = right, left
	}
	if left == "" || left == right {
		left, right = right, ""
	}
	leftW := max(pg.zhX, pg.enX) - s.MarginInner - s.Gutter // the left column's width
	rightX := s.MarginInner + leftW + s.Gutter
	rightW := s.Width - s.MarginInner - rightX
	page, i := &pg.cur, pg.pages-1
	pg.y = s.Height - folioFromFoot - folioSize*88/100 // centeredLines takes the top of the line
	pg.centeredLines(page, strconv.Itoa(i+1), folioSize, false, langEN, 0, PartFolio)
	if i > 0 && (left != "" || right != "") {
		pg.headLine(page, left, s.MarginInner, leftW, false)
		pg.headLine(page, right, rightX, rightW, true)
		y := headBaseline + 6*Pt
		page.Rules = append(page.Rules, Rule{X0: s.MarginInner, Y0: y, X1: s.Width - s.MarginInner, Y1: y, Width: ruleWidth})
	}
	if top, bottom := pg.bodyTop, pg.bodyBottom; top >= 0 && bottom > top {
		x := s.MarginInner + leftW + s.Gutter/2
		page.Rules = append(page.Rules, Rule{X0: x, Y0: top, X1: x, Y1: bottom, Width: ruleWidth, Gray: gutterGray})
	}
}

// headLine sets a running head's short title within width from x, flush
// left or flush right, cut short with an ellipsis when too long.
func (pg *pager) headLine(page *Page, text string, x, width int, flushRight bool) {
	if text == "" {
		return
	}
	lang := langEN
	if strings.IndexFunc(text, script.IsFullWidth) >= 0 {
		lang = langZH
	}
	z := &itemizer{faces: pg.chain, size: headSize, lang: lang, column: width}
	segs := z.measure(text, -1)
	if segmentsWidth(segs) > width {
		// the longest prefix that fits with an ellipsis, found by halving
		// (shortening a rune at a time was quadratic in the title)
		rs := []rune(text)
		cut := func(n int) []segment { return z.measure(strings.TrimSpace(string(rs[:n]))+"…", -1) }
		lo, hi := 1, len(rs)-1 // cut(lo) is kept even if it does not fit
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if segmentsWidth(cut(mid)) <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		segs = cut(lo)
	}
	at := x
	if flushRight {
		at = x + width - segmentsWidth(segs)
	}
	for _, sg := range segs {
		tag := "en"
		if lang == langZH {
			tag = pg.spec.language()
		}
		page.Runs = append(page.Runs, Run{X: at, Y: headBaseline, Text: sg.text, Role: sg.role, Size: headSize, Width: sg.width,
			Lang: tag, Part: PartRunningHead, Artifact: true})
		at += sg.width
	}
}
