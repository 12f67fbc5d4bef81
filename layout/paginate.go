package layout

import (
	"strconv"
	"strings"

	"diglot/fonts"
)

// pager places rows on pages.
type pager struct {
	spec     Spec
	chain    *faceChain
	book     *Book
	zhX, enX int
	y        int // top of the next row
	bottom   int
}

// minLines is the fewest lines of a column left on either side of a page
// break inside a pair (typesetting.md §3.3).
const minLines = 2

func paginate(rows []row, spec Spec, zhW int, chain *faceChain) *Book {
	pg := &pager{spec: spec, chain: chain, book: &Book{Width: spec.Width, Height: spec.Height},
		zhX: spec.MarginInner, enX: spec.MarginInner + zhW + spec.Gutter, bottom: spec.Height - spec.MarginBottom}
	if spec.EnglishLeft {
		enW := spec.Width - 2*spec.MarginInner - spec.Gutter - zhW
		pg.enX, pg.zhX = spec.MarginInner, spec.MarginInner+enW+spec.Gutter
	}
	pg.newPage()
	pg.titleBlock()
	for i := range rows {
		r := rows[i]
		if i > 0 && pg.y > spec.MarginTop { // no space above the first row of a page
			pg.y += rowGap(rows[i-1], r, spec)
		}
		need := r.height(len(r.zh.lines), len(r.en.lines))
		if r.heading {
			need = keepWithNext(rows[i:], spec)
		}
		if pg.y+need > pg.bottom && !pg.atTop() {
			if r.heading || !pg.split(&r) {
				pg.newPage()
			}
		}
		for pg.y+r.height(len(r.zh.lines), len(r.en.lines)) > pg.bottom {
			if !pg.split(&r) {
				break // a single line taller than the page: set it anyway
			}
		}
		pg.place(r, len(r.zh.lines), len(r.en.lines))
		pg.y += r.height(len(r.zh.lines), len(r.en.lines))
	}
	pg.decorate()
	return pg.book
}

// keepWithNext is the height a heading needs at the bottom of a page: the
// heading, any headings right after it, and the first lines of the pair
// they introduce, as many as the page-break rules let stand alone (a column
// too short to split goes whole) (typesetting.md PAIR-8).
func keepWithNext(rows []row, spec Spec) int {
	need := 0
	for k, r := range rows {
		if k > 0 {
			need += rowGap(rows[k-1], r, spec)
		}
		if r.heading {
			need += r.height(len(r.zh.lines), len(r.en.lines))
			continue
		}
		return need + r.height(firstChunk(len(r.zh.lines)), firstChunk(len(r.en.lines)))
	}
	return need
}

// rowGap is the space between two rows: more above a heading, less
// between two items of a list.
func rowGap(prev, cur row, spec Spec) int {
	switch {
	case cur.heading && !prev.heading:
		return spec.HeadingGap
	case prev.list && cur.list:
		return spec.ListGap
	}
	return spec.ParaGap
}

// firstChunk is the fewest lines of an n-line column that can open a page
// break: minLines, or all of them when the column is too short to split.
func firstChunk(n int) int {
	if n < 2*minLines {
		return n
	}
	return minLines
}

func (pg *pager) atTop() bool { return pg.y == pg.spec.MarginTop && len(pg.book.Pages) > 1 }

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
	a := max(r.zh.ascent, r.en.ascent)
	kz, ke := pg.fit(r.zh, a), pg.fit(r.en, a)
	kz, okz := keep(kz, len(r.zh.lines))
	ke, oke := keep(ke, len(r.en.lines))
	if !okz || !oke || kz == len(r.zh.lines) && ke == len(r.en.lines) {
		return false
	}
	if kz+ke == 0 {
		return false
	}
	pg.place(*r, kz, ke)
	r.zh.lines, r.en.lines = r.zh.lines[kz:], r.en.lines[ke:]
	r.heading = false
	pg.newPage()
	return true
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
	if r.heading && r.title != "" {
		page.Bookmarks = append(page.Bookmarks, Bookmark{Title: r.title, Level: r.level, Y: pg.y})
	}
	for k, ln := range r.zh.lines[:nz] {
		for _, run := range ln.runs {
			run.X += pg.zhX
			run.Y = base + k*r.zh.leading
			page.Runs = append(page.Runs, run)
		}
	}
	for k, ln := range r.en.lines[:ne] {
		for _, run := range ln.runs {
			run.X += pg.enX
			run.Y = base + k*r.en.leading
			page.Runs = append(page.Runs, run)
		}
	}
}

func (pg *pager) newPage() {
	pg.book.Pages = append(pg.book.Pages, Page{})
	pg.y = pg.spec.MarginTop
}

// titleBlock sets the bilingual title and byline across both columns at
// the top of page 1.
func (pg *pager) titleBlock() {
	s := pg.spec
	if s.Title == "" && s.TitleEN == "" {
		return
	}
	pg.y = s.MarginTop - 14*Pt
	if s.Title != "" {
		pg.centeredLines(pg.page(), s.Title, 17*Pt, true, langZH, 24*Pt, true)
	}
	if s.TitleEN != "" {
		pg.centeredLines(pg.page(), s.TitleEN, 14*Pt, true, langEN, 20*Pt, true)
	}
	if s.Byline != "" {
		pg.centeredLines(pg.page(), s.Byline, 9*Pt, false, langEN, 14*Pt, true)
	}
	pg.y += 12 * Pt
}

// page returns the page being filled.
func (pg *pager) page() *Page { return &pg.book.Pages[len(pg.book.Pages)-1] }

// centeredLines sets text centred between the margins at pg.y, advancing
// pg.y by leading a line. Text wider than the measure wraps when wrap is
// set (a title), else it is cut short with an ellipsis (a running head).
func (pg *pager) centeredLines(page *Page, text string, size int, bold bool, lang langKind, leading int, wrap bool) {
	maxW := pg.spec.Width - 2*pg.spec.MarginInner
	z := &itemizer{faces: pg.chain, size: size, lang: lang, column: maxW}
	width := func(segs []segment) int {
		w := 0
		for _, sg := range segs {
			w += sg.width
		}
		return w
	}
	if !wrap {
		rs := []rune(text)
		for n := len(rs); n > 0 && width(z.measure(text, bold)) > maxW; n-- {
			text = strings.TrimSpace(string(rs[:n-1])) + "…"
		}
	}
	var p paragraph
	if lang == langZH {
		p = z.itemizeChinese([]span{{text: text, bold: bold}})
	} else {
		p = z.itemizeEnglish([]span{{text: text, bold: bold}})
	}
	for _, ln := range setRagged(p, maxW) {
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

// decorate adds the running head (from page 2) and the page numbers.
func (pg *pager) decorate() {
	s := pg.spec
	for i := range pg.book.Pages {
		page := &pg.book.Pages[i]
		pg.y = s.Height - 34*Pt
		pg.centeredLines(page, strconv.Itoa(i+1), 8*Pt, false, langEN, 10*Pt, false)
		if i > 0 && s.RunningHead != "" {
			pg.y = 26 * Pt
			pg.centeredLines(page, s.RunningHead, 8*Pt, false, langZH, 10*Pt, false)
		}
	}
}

// usedRoles lists the faces a book draws with.
func usedRoles(b *Book) []fonts.Role {
	seen := map[fonts.Role]bool{}
	var out []fonts.Role
	for _, p := range b.Pages {
		for _, r := range p.Runs {
			if !seen[r.Role] {
				seen[r.Role] = true
				out = append(out, r.Role)
			}
		}
	}
	return out
}
