package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"diglot/fonts"
	"diglot/layout/hyphen"
	"diglot/layout/linebreak"
)

// span is a piece of paragraph text in one weight.
type span struct {
	text string
	bold bool
}

// segment is text drawn in one face at one position within a box.
type segment struct {
	text     string
	role     fonts.Role
	width    int
	adjusted bool // width differs from the glyphs' advance (a compressed mark, a kerned pair)
	link     string
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
}

// itemizer turns text into items for one language and size.
type itemizer struct {
	faces  *faceChain
	hyph   *hyphenCache // nil: no hyphenation
	link   string       // the web address of the token being measured, or ""
	size   int          // font size, millipoints
	indent int          // the first line's indent (a Chinese paragraph's two ems)
	lang   langKind
	column int // column width, for splitting overlong tokens
	p      paragraph
}

type langKind uint8

const (
	langZH langKind = iota
	langEN
)

// Costs of the break opportunities the itemizers add.
const (
	penaltyAfterHyphen = 50   // inside a hyphenated compound or after a dash
	penaltyNumberUnit  = 50   // between a number and the Han measure word after it (typesetting.md ZH-3)
	penaltyEmergency   = 3000 // between any two characters of an overlong token
	penaltyHangingMark = 0    // after a hanging closing mark at a line end
	penaltyHyphen      = 50   // at a hyphenation point (TeX's \hyphenpenalty)
	penaltyHyphenName  = 200  // at a hyphenation point of a capitalised word, perhaps a name
)

func (z *itemizer) em() int { return z.size }

func (z *itemizer) box(segs []segment) {
	z.p.items = append(z.p.items, linebreak.Item{Kind: linebreak.Box, Width: segmentsWidth(segs)})
	z.p.info = append(z.p.info, segs)
}

func (z *itemizer) add(it linebreak.Item) {
	z.p.items = append(z.p.items, it)
	z.p.info = append(z.p.info, nil)
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
	z.p.size = z.size
	return z.p
}

// measure splits text into segments by the face that covers each rune.
func (z *itemizer) measure(text string, bold bool) []segment {
	var segs []segment
	start := 0 // byte offset where the last segment starts
	var prev rune
	for i, r := range text {
		role, w := z.faces.pick(r, bold, z.lang)
		w = w * z.size / 1000
		_, size := utf8.DecodeRuneInString(text[i:])
		end := i + size
		if n := len(segs); n > 0 && segs[n-1].role == role {
			if k := z.kern(role, prev, r); k != 0 {
				// a kerned pair: the segment ends here, its width
				// carrying the kerning, and the next starts where the
				// kerned glyph goes
				segs[n-1].width += k
				segs[n-1].adjusted = true
			} else {
				segs[n-1].text = text[start:end] // a slice of text: no copy
				segs[n-1].width += w
				prev = r
				continue
			}
		}
		start = i
		segs = append(segs, segment{text: text[i:end], role: role, width: w, link: z.link})
		prev = r
	}
	return segs
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
	return k * z.size / 1000
}

// token is a unit that lines never split except in an emergency: one CJK
// character, or a run of other non-space characters (a Latin word, number,
// URL).
type token struct {
	text     string
	bold     bool
	cjk      bool
	spaceBef bool // a space stood before it in the source
}

func tokenize(spans []span) []token {
	var toks []token
	space := false
	for _, sp := range spans {
		var cur strings.Builder
		flush := func() {
			if cur.Len() > 0 {
				toks = append(toks, token{text: cur.String(), bold: sp.bold, spaceBef: space})
				space = false
				cur.Reset()
			}
		}
		for _, r := range sp.text {
			switch {
			case r == ' ' || r == '\t' || r == '\u3000':
				flush()
				space = true
			case isAttached(r) && cur.Len() == 0 && !space && len(toks) > 0:
				toks[len(toks)-1].text += string(r) // stays with its base character
			case isCJK(r):
				flush()
				toks = append(toks, token{text: string(r), bold: sp.bold, cjk: true, spaceBef: space})
				space = false
			default:
				cur.WriteRune(r)
			}
		}
		flush()
	}
	return toks
}

// isAttached reports a character that belongs to the one before it and is
// never separated from it: a combining mark, a variation selector, a
// joiner, an emoji skin-tone modifier.
func isAttached(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Variation_Selector, unicode.Join_Control) ||
		r >= 0x1F3FB && r <= 0x1F3FF
}

// isCJK reports whether r is set as a full-width CJK character.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Bopomofo, r) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF60 || strings.ContainsRune("“”‘’…—·", r)
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
		if i > 0 && !isAttached(r) && prev != '\u200d' { // a joiner binds the next character too
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
	whole := z.measure(t.text, t.bold)
	parts, pens := z.splitToken(t, whole)
	if len(parts) == 1 {
		z.box(whole)
		return
	}
	for i, part := range parts {
		z.box(z.measure(part, t.bold))
		if i == len(parts)-1 {
			break
		}
		it := linebreak.Item{Kind: linebreak.Penalty, Penalty: pens[i]}
		var info []segment
		if hyphen && pens[i] == penaltyEmergency && betweenLetters(part, parts[i+1]) {
			info = z.measure("-", t.bold)
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
		if strings.ToUpper(core) != core { // an all-capitals word is an acronym or a keyword: whole
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
	}
	start := 0
	for _, p := range points {
		end := lead + p
		z.pieces(token{text: string(rs[start:end]), bold: t.bold}, true)
		hy := z.measure("-", t.bold)
		z.p.items = append(z.p.items, linebreak.Item{Kind: linebreak.Penalty, Penalty: pen, Width: hy[0].width, Flagged: true})
		z.p.info = append(z.p.info, hy)
		start = end
	}
	z.pieces(token{text: string(rs[start:]), bold: t.bold}, true)
}

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
