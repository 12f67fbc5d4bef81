package layout

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/script"
	"diglot/layout/hyphen"
	"diglot/layout/linebreak"
)

// span is a piece of paragraph text in one style, perhaps a link.
type span struct {
	text  string
	style article.Style
	link  string
	lang  article.Override
	cell  int // a table row's cell (article.Inline.Cell), 0 outside one
}

// styleRun is where a span starts in its paragraph's joined text.
type styleRun struct {
	start int
	style article.Style
	link  string
	lang  article.Override
	cell  int
}

// segment is text drawn in one face at one position within a box.
type segment struct {
	text     string
	link     string
	width    int
	role     fonts.Role
	adjusted bool // width differs from the glyphs' advance (a compressed mark, a kerned pair)
	style    article.Style
	lang     article.Override
	inserted bool // not in the source: a hyphen at a break
}

// segmentChunk is how many segments a segmentArena allocates at a time.
const segmentChunk = 512

// segmentArena hands out the segments measure makes from shared chunks,
// one worker's, so that a measured word costs no allocation of its own.
// Each slice it hands out is capped at its length: appending to one never
// writes into the next.
type segmentArena struct{ chunk []segment }

// room returns an empty slice to append a word's segments to: the free
// end of the current chunk, or of a new one; with no arena (nil), nil.
func (a *segmentArena) room() []segment {
	if a == nil {
		return nil
	}
	if cap(a.chunk)-len(a.chunk) < 8 {
		a.chunk = make([]segment, 0, segmentChunk)
	}
	return a.chunk[len(a.chunk):len(a.chunk)]
}

// claim takes segs, appended to what room returned, out of the chunk's
// free end when they are still in it (appending past the chunk's end
// moves them to a slice of their own) and returns them capped.
func (a *segmentArena) claim(segs []segment) []segment {
	if a == nil || len(segs) == 0 {
		return segs
	}
	n := len(a.chunk)
	if cap(a.chunk) > n && &a.chunk[:n+1][n] == &segs[0] {
		a.chunk = a.chunk[:n+len(segs)]
	}
	return segs[:len(segs):len(segs)]
}

// segmentsWidth is the advance of measured segments together.
func segmentsWidth(segs []segment) int {
	w := 0
	for _, sg := range segs {
		w += sg.width
	}
	return w
}

// paragraph is a paragraph turned into breakable items. info[i] holds what
// item i draws (boxes, and the hyphen of a hyphenation penalty).
type paragraph struct {
	items []linebreak.Item
	info  [][]segment
	size  int
	lang  langKind
}

// itemBuffers keeps the item slices of a paragraph that has been broken
// into lines, for the next paragraph a worker itemizes: lines copy what
// they need from the items, so a paragraph's slices are free once it is
// set, and reusing them saves growing new ones for every paragraph.
type itemBuffers struct {
	items []linebreak.Item
	info  [][]segment
}

// take returns an empty paragraph holding the kept slices, which are the
// paragraph's from now on; with no buffers (nil), a new paragraph.
func (b *itemBuffers) take() paragraph {
	if b == nil {
		return paragraph{}
	}
	p := paragraph{items: b.items[:0], info: b.info[:0]}
	b.items, b.info = nil, nil
	return p
}

// give keeps the slices of a paragraph that is no longer used, when they
// are larger than those kept; with no buffers (nil), it does nothing.
func (b *itemBuffers) give(p paragraph) {
	if b == nil || cap(p.items) <= cap(b.items) {
		return
	}
	clear(p.info) // let the segments go
	b.items, b.info = p.items, p.info
}

// itemizer turns text into items for one language and size.
type itemizer struct {
	faces  *faceChain
	hyph   *hyphenCache // nil: no hyphenation
	styles []styleRun   // the styles of the paragraph's text, by byte offset
	size   int          // font size, millipoints
	indent int          // the first line's indent (a Chinese paragraph's two ems)
	lang   langKind
	column int // column width, for splitting overlong tokens
	p      paragraph
	// cells says the text being itemized is a table row's cells (set as
	// a paragraph: see cellStart)
	cells bool
	// code says the text is a code block's line, whose spaces between
	// words are kept, every one (columns of output line up)
	code bool
	// buffers holds the slices setText's paragraphs start from (nil: new
	// ones)
	buffers *itemBuffers
	// segments is where measure's segments come from (nil: new slices)
	segments *segmentArena
	// for setSide's pictures: their sizes, the side's leading, the
	// tallest and the widest a picture is set
	pictures                map[string]Picture
	leading, bottom, widest int
	// protrude lets a line's final mark hang into the margin after the
	// column (the English column on the right: the page's outer margin)
	protrude bool
	// kernFloor, when below zero, is the most a kerned pair closes up, in
	// millipoints (a title row's: see titleKernFloor)
	kernFloor int
	// tables are the document's tables' columns, for setSide's rows of
	// cells (Spec.tables)
	tables []article.TableColumns
}

type langKind uint8

const (
	langZH langKind = iota
	langEN
)

// side is the side of a pair text in the language is on.
func (k langKind) side() article.Lang {
	if k == langZH {
		return article.Chinese
	}
	return article.English
}

// Costs of the break opportunities the itemizers add.
const (
	penaltyAfterHyphen  = 50   // inside a hyphenated compound or after a dash
	penaltyNumberUnit   = 50   // between a number and the Han measure word after it (typesetting.md ZH-3)
	penaltyEmergency    = 3000 // between any two characters of an overlong token
	penaltyHangingMark  = 0    // after a hanging closing mark at a line end
	penaltyHyphen       = 600  // at a hyphenation point (TeX's \hyphenpenalty; narrow columns with letter-spacing to justify want fewer hyphens)
	penaltyHyphenName   = 3000 // at a hyphenation point of a capitalised word, perhaps a name: a last resort
	penaltyHyphenNameZH = 1200 // the same in Chinese text, where a break beats letter-spacing the Han
)

func (z *itemizer) em() int { return z.size }

func (z *itemizer) box(segs []segment) {
	it := linebreak.Item{Kind: linebreak.Box, Width: segmentsWidth(segs)}
	if z.lang == langEN && !slices.ContainsFunc(segs, func(s segment) bool { return s.style&article.Code != 0 }) {
		// English text (not code) may be letter-spaced a little to
		// justify a line (see trackingStretchPerMille)
		glyphs := 0
		for _, sg := range segs {
			glyphs += utf8.RuneCountInString(sg.text)
		}
		it.Stretch = glyphs * z.size * trackingStretchPerMille / 1000
		it.Shrink = glyphs * z.size * trackingShrinkPerMille / 1000
	}
	z.p.items = append(z.p.items, it)
	z.p.info = append(z.p.info, segs)
}

// How far English text may be letter-spaced or tightened to justify a
// line, in thousandths of an em after each glyph: 2 % and 1 % of the em,
// Typst's justification limits for tracking (+0.02 em, −0.01 em), the same
// space after every glyph of a line (typesetting.md §1.1.4 as issue 15
// item 7 amends it). A line takes its share of it before its spaces go
// past one and a half times their width.
const (
	trackingStretchPerMille = 20
	trackingShrinkPerMille  = 10
)

// protrusion is how much of a mark's width may hang past the end of a
// justified line, in thousandths (microtype's defaults, about): the
// lighter the mark, the further, so that the edge looks straight.
func protrusion(r rune) int {
	switch r {
	case '.':
		return 700
	case ',', '-', '\u2010', ':', ';', '”', '"':
		return 500
	case '’', '\'':
		return 400
	case '?', '–':
		return 200
	case '!', '—':
		return 100
	}
	return 0
}

// hang is how far a line ending after the last item may reach past the
// column: a share of the width of the final mark of the word before, when
// the itemizer protrudes and that word is not code.
func (z *itemizer) hang() int {
	n := len(z.p.items)
	if !z.protrude || n == 0 || z.p.items[n-1].Kind != linebreak.Box || len(z.p.info[n-1]) == 0 {
		return 0
	}
	last := z.p.info[n-1][len(z.p.info[n-1])-1]
	r, _ := utf8.DecodeLastRuneInString(last.text)
	k := protrusion(r)
	if k == 0 || last.style&article.Code != 0 {
		return 0
	}
	_, w := z.faces.pick(r, last.style, z.lang, false)
	return w * z.size / 1000 * k / 1000
}

// wordSpace adds the glue of a space between words, before the word at
// byte offset next, measured in the face of the text the space stands in
// (the character before that word: a space before a code span is the
// prose's, not the code's monospace 0.6 em). Its info records that it stands for a
// space of the source, which the line before it then ends with
// (Run.SpaceAfter), unlike the spacing between Chinese characters or
// between Han and Latin.
func (z *itemizer) wordSpace(next int) { z.spaces(next, 1) }

// spaces adds the glue of n spaces before byte offset next (a code line
// keeps every space: see code).
func (z *itemizer) spaces(next, n int) {
	off := next
	if next > 0 {
		off = next - 1
	}
	sp := z.measure(" ", off)[0]
	it := linebreak.Item{Kind: linebreak.Glue, Width: n * sp.width, Stretch: sp.width / 2, Shrink: sp.width / 3, Hang: z.hang()}
	switch {
	case z.cellStart(next):
		// between the cells of a table row set as a paragraph: an em,
		// so that the cells stay apart
		it.Width, it.Stretch, it.Shrink = z.size, z.size/2, z.size/4
	case z.inCell(next) && z.lang == langEN:
		z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: penaltyInCell})
	}
	z.p.items = append(z.p.items, it)
	z.p.info = append(z.p.info, []segment{{text: strings.Repeat(" ", n), role: sp.role}})
}

// cellStart reports whether the text at byte offset off starts a table
// row's cell after the first, after the space between two cells.
func (z *itemizer) cellStart(off int) bool {
	return z.cells && off > 0 && z.runAt(off).cell > 1 && z.runAt(off-1).cell == 0
}

// penaltyInCell is the cost of a break inside a cell of a table row set as
// a paragraph: its lines break between cells where they can.
const penaltyInCell = 500

// inCell reports whether byte offset off is inside a table row's cell,
// past its start.
func (z *itemizer) inCell(off int) bool {
	return z.cells && z.runAt(off).cell > 0 && !z.cellStart(off)
}

func (z *itemizer) add(it linebreak.Item) {
	if it.Kind == linebreak.Penalty && it.Width == 0 {
		it.Hang = z.hang()
	}
	z.p.items = append(z.p.items, it)
	z.p.info = append(z.p.info, nil)
}

// reserve makes room for about n more items, so that a paragraph's items
// do not grow by copying.
func (z *itemizer) reserve(n int) {
	z.p.items = slices.Grow(z.p.items, n+4) // and the paragraph's end
	z.p.info = slices.Grow(z.p.info, n+4)
}

// forbid makes the next glue unbreakable.
func (z *itemizer) forbid() {
	z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: linebreak.Infinity})
}

// prohibit makes the next glue a break that the line-breaking rules forbid
// (kinsoku): taken only when the line could not fit otherwise.
func (z *itemizer) prohibit() {
	z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: linebreak.LastResort})
}

// finish ends the paragraph: last line flush left, forced break.
func (z *itemizer) finish() paragraph {
	z.forbid()
	z.add(linebreak.Item{Kind: linebreak.Glue, Stretch: 1 << 40})
	z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: -linebreak.Infinity})
	z.p.size, z.p.lang = z.size, z.lang
	return z.p
}

// styleAt returns the style and link at byte offset off of the
// paragraph's text (-1: plain text).
func (z *itemizer) styleAt(off int) (article.Style, string) {
	st := z.runAt(off)
	return st.style, st.link
}

// runAt returns the style run at byte offset off (-1: plain text).
func (z *itemizer) runAt(off int) styleRun {
	if off < 0 || len(z.styles) == 0 {
		return styleRun{}
	}
	i := sort.Search(len(z.styles), func(i int) bool { return z.styles[i].start > off }) - 1
	if i < 0 {
		i = 0
	}
	return z.styles[i]
}

// measure splits text, which starts at byte offset off of the paragraph's
// text (-1: text of its own, unstyled), into segments by the face that
// covers each rune and by link.
func (z *itemizer) measure(text string, off int) []segment {
	segs := z.segments.room()
	start := 0 // byte offset where the last segment starts
	var prev rune
	for i, r := range text {
		at := -1
		if off >= 0 {
			at = off + i
		}
		st := z.runAt(at)
		style, link := st.style, st.link
		role, w := z.faces.pick(r, style, z.lang, wordApostrophe(text, i, r))
		w = w * z.size / 1000
		_, size := utf8.DecodeRuneInString(text[i:])
		end := i + size
		if n := len(segs); n > 0 && segs[n-1].role == role {
			k := z.kern(role, prev, r)
			if last := segs[n-1]; k != 0 || last.link != link || last.lang != st.lang || last.style != style {
				// a kerned pair, or a link's end: the segment ends
				// here, its width carrying the kerning (across a
				// link's end too: the face is the same), and the next
				// starts where the kerned glyph goes
				segs[n-1].width += k
				segs[n-1].adjusted = segs[n-1].adjusted || k != 0
			} else {
				segs[n-1].text = text[start:end] // a slice of text: no copy
				segs[n-1].width += w
				prev = r
				continue
			}
		}
		start = i
		segs = append(segs, segment{text: text[i:end], role: role, width: w, link: link, style: style, lang: st.lang})
		prev = r
	}
	return z.segments.claim(segs)
}

// kernThreshold is the smallest kerning applied, in thousandths of an em:
// below a tenth of a point at 10 pt it cannot be seen, and each kerned
// pair costs the PDF a run.
const kernThreshold = 20

// kern returns the kerning between a and b in the Latin faces, scaled to
// the size, or 0 when it is below kernThreshold.
func (z *itemizer) kern(role fonts.Role, a, b rune) int {
	if role != fonts.LatinRegular && role != fonts.LatinBold && role != fonts.LatinItalic {
		return 0
	}
	f := z.faces.faces[role]
	k := z.faces.kerner(role).Kern(a, b) * 1000 / f.UnitsPerEm
	if k > -kernThreshold && k < kernThreshold {
		return 0
	}
	if k = k * z.size / 1000; z.kernFloor < 0 {
		k = max(k, z.kernFloor)
	}
	return k
}

// token is a unit that lines never split except in an emergency: one CJK
// character, or a run of other non-space characters (a Latin word, number,
// URL), which may cross style boundaries ("bold|ly" is one word).
type token struct {
	text     string
	off      int // byte offset in the paragraph's text, for its styles
	cjk      bool
	spaceBef bool // a space stood before it in the source
	blanks   int  // the spaces' widths that stood before it (a tab four), for code (tokenizeWords)
}

// sub returns the token's runes from..to as a token of its own.
func (t token) sub(rs []rune, from, to int) token {
	off := t.off
	for _, r := range rs[:from] {
		off += utf8.RuneLen(r)
	}
	return token{text: string(rs[from:to]), off: off}
}

// join records the spans' styles and returns their joined text.
func (z *itemizer) join(spans []span) string {
	z.cells = false
	for _, sp := range spans {
		z.cells = z.cells || sp.cell > 0
	}
	if len(spans) == 1 {
		z.styles = []styleRun{{style: spans[0].style, link: spans[0].link, lang: spans[0].lang, cell: spans[0].cell}}
		return spans[0].text
	}
	var b strings.Builder
	z.styles = z.styles[:0]
	for _, sp := range spans {
		if sp.text == "" {
			continue
		}
		z.styles = append(z.styles, styleRun{start: b.Len(), style: sp.style, link: sp.link, lang: sp.lang, cell: sp.cell})
		b.WriteString(sp.text)
	}
	return b.String()
}

// tokenize splits the spans' text into tokens: a CJK character each, and
// runs of other characters between spaces.
func (z *itemizer) tokenize(spans []span) []token {
	text := z.join(spans)
	var toks []token
	space := false
	start := -1 // where the current Latin run starts
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, token{text: text[start:end], off: start, spaceBef: space})
			space = false
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case r == ' ' || r == '\t' || r == '\u3000':
			flush(i)
			space = true
		case script.IsAttached(r) && start < 0 && !space && len(toks) > 0:
			toks[len(toks)-1].text += string(r) // stays with its base character
		case script.IsFullWidth(r) && !(start >= 0 && wordApostrophe(text, i, r)):
			flush(i)
			toks = append(toks, token{text: string(r), off: i, cjk: true, spaceBef: space})
			space = false
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(text))
	return toks
}

// wordApostrophe reports whether r, the rune at byte offset i of text, is
// an apostrophe inside a Latin word (script.IsWordApostrophe). Other runes
// return at once: it is asked of every rune measured.
func wordApostrophe(text string, i int, r rune) bool {
	if r != '’' && r != '\'' {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
	return script.IsWordApostrophe(prev, r, next)
}

// splitToken cuts an overlong token into pieces at URL separators, then into
// single characters, returning the pieces and the penalty after each.
func (z *itemizer) splitToken(t token, segs []segment) ([]string, []int) {
	if segmentsWidth(segs) <= z.column*6/10 {
		return []string{t.text}, []int{0}
	}
	var pieces []string
	var penalties []int
	var cur []rune
	for _, r := range t.text {
		cur = append(cur, r)
		if strings.ContainsRune("/?&=._-", r) {
			pieces, penalties = append(pieces, string(cur)), append(penalties, penaltyInToken)
			cur = nil
		}
	}
	if len(cur) > 0 {
		pieces, penalties = append(pieces, string(cur)), append(penalties, 0)
	}
	// and, as a last resort, between any two characters
	var outP []string
	var outN []int
	for i, p := range pieces {
		clusters := graphemes(p)
		for j, c := range clusters {
			pen := penaltyEmergency
			if j == len(clusters)-1 {
				pen = penalties[i]
			}
			outP, outN = append(outP, c), append(outN, pen)
		}
	}
	return outP, outN
}

// graphemes splits s into characters with the marks, selectors and joiners
// that belong to them (isAttached), the smallest pieces a break may leave.
func graphemes(s string) []string {
	var out []string
	start := 0
	var prev rune
	for i, r := range s {
		if i > 0 && !script.IsAttached(r) && prev != '\u200d' { // a joiner binds the next character too
			out = append(out, s[start:i])
			start = i
		}
		prev = r
	}
	return append(out, s[start:])
}

// pieces adds a token, split where an overlong token may break. hyphen
// adds a visible hyphen at emergency breaks between letters.
func (z *itemizer) pieces(t token, hyphen bool) {
	whole := z.measure(t.text, t.off)
	parts, pens := z.splitToken(t, whole)
	if len(parts) == 1 {
		z.box(whole)
		return
	}
	off := t.off
	for i, part := range parts {
		segs := z.measure(part, off)
		if i < len(parts)-1 && len(segs) > 0 {
			// the kerning between this piece and the next, which
			// measuring them apart loses: the token keeps its width
			last := &segs[len(segs)-1]
			if k := z.kern(last.role, lastRune(part), firstRune(parts[i+1])); k != 0 {
				last.width += k
				last.adjusted = true
			}
		}
		z.box(segs)
		off += len(part)
		if i == len(parts)-1 {
			break
		}
		it := linebreak.Item{Kind: linebreak.Penalty, Penalty: pens[i]}
		var info []segment
		if hyphen && pens[i] == penaltyEmergency && betweenLetters(part, parts[i+1]) {
			info = z.measure("-", off-len(part))
			info[0].inserted = true
			it.Width, it.Flagged = info[0].width, true
		}
		z.p.items = append(z.p.items, it)
		z.p.info = append(z.p.info, info)
	}
}

// betweenLetters reports whether a ends and b starts with a letter, where
// a broken word shows a hyphen (a hash or a number breaks without one).
func betweenLetters(a, b string) bool {
	return unicode.IsLetter(lastRune(a)) && unicode.IsLetter(firstRune(b))
}

// word adds a Latin word: when hyphenate is set, syllables with
// hyphenation points between them (Liang's patterns, for a word of letters
// between any leading and trailing punctuation), each syllable split
// further only if overlong.
func (z *itemizer) word(t token, hyphenate bool) {
	var points []int
	core, lead, trail := t.text, 0, 0
	if z.hyph != nil && hyphenate {
		rs := []rune(t.text)
		for lead < len(rs) && !unicode.IsLetter(rs[lead]) {
			lead++
		}
		for trail < len(rs)-lead && !unicode.IsLetter(rs[len(rs)-1-trail]) {
			trail++
		}
		core = string(rs[lead : len(rs)-trail])
		if k := strings.IndexAny(core, "’'"); k > 0 {
			core = core[:k] // a possessive or a contraction hyphenates before its apostrophe: Foun-da-tion’s
		}
		// an all-capitals word is an acronym or a keyword: whole, unless it
		// is long enough to be a word set in capitals (REQUIRED,
		// RECOMMENDED), which then breaks as a last resort, as a name does
		if strings.ToUpper(core) != core || utf8.RuneCountInString(core) >= capitalsHyphenMin {
			points = z.hyph.points(core)
		}
	}
	if len(points) == 0 {
		z.pieces(t, true)
		return
	}
	rs := []rune(t.text)
	pen := penaltyHyphen
	if unicode.IsUpper(rs[lead]) {
		pen = penaltyHyphenName
		if z.lang == langZH && strings.ToUpper(core) != core {
			// in a Chinese line a capitalised Latin word (WordPress) is
			// mostly a name, and the other way to fill the line is to
			// letter-space the Han around it (issue 15 item 3); a word
			// in capitals (REQUIRED) stays a last resort
			pen = penaltyHyphenNameZH
		}
	}
	start := 0
	for _, p := range points {
		end := lead + p
		sub := t.sub(rs, start, end)
		z.pieces(sub, true)
		hy := z.measure("-", sub.off)
		hy[0].inserted = true
		hang := 0
		if z.protrude {
			hang = hy[0].width * protrusion('-') / 1000
		}
		z.p.items = append(z.p.items, linebreak.Item{Kind: linebreak.Penalty, Penalty: pen, Width: hy[0].width, Flagged: true, Hang: hang})
		z.p.info = append(z.p.info, hy)
		start = end
	}
	z.pieces(t.sub(rs, start, len(rs)), true)
}

// capitalsHyphenMin is the fewest letters of an all-capitals word that may
// be hyphenated (at penaltyHyphenName): shorter ones are acronyms (HTTPS,
// JSON) or keywords (MUST, SHALL) kept whole.
const capitalsHyphenMin = 8

// hyphenCache remembers the hyphenation points of the words of one
// document: an article repeats its words, and Liang's patterns are the
// costly part of itemizing English.
type hyphenCache struct {
	h    *hyphen.Hyphenator
	seen map[string][]int
}

func newHyphenCache(h *hyphen.Hyphenator) *hyphenCache {
	return &hyphenCache{h: h, seen: map[string][]int{}}
}

func (c *hyphenCache) points(word string) []int {
	p, ok := c.seen[word]
	if !ok {
		p = c.h.Points(word)
		c.seen[word] = p
	}
	return p
}
