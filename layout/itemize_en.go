package layout

import (
	"diglot/article"
	"strings"
	"unicode"

	"diglot/layout/hyphen"
	"diglot/layout/linebreak"
)

// A last line holding one word shorter than runtLength is a runt.
const (
	runtLength  = 6
	penaltyRunt = 100
)

// itemizeEnglish turns English text into items: a box per word (split after
// the hyphens of compounds and after dashes), justifiable interword glue.
func (z *itemizer) itemizeEnglish(spans []span) paragraph {
	toks := z.tokenizeWords(spans)
	z.reserve(4 * len(toks)) // a word's box and its space, and a few hyphenation points, about
	if z.indent != 0 {
		// a code line's indentation, less the continuation mark's width
		// that its first line has to spare (setCodeLine)
		z.add(linebreak.Item{Kind: linebreak.Box, Width: z.indent})
	}
	for i, t := range toks {
		if i > 0 {
			if i == len(toks)-1 && len([]rune(t.text)) < runtLength {
				// a short last word alone on the last line is a runt: the
				// break before it costs extra (typesetting.md EN-6)
				z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: penaltyRunt})
			}
			if z.code {
				z.spaces(t.off, t.blanks)
			} else {
				z.wordSpace(t.off)
			}
		}
		z.latin(t, i < len(toks)-1) // the last word of a paragraph stays whole (typesetting.md EN-3)
	}
	return z.finish()
}

// latin adds a Latin token (a word, a number, a URL): an address or an
// identifier breaks at its own separators (see tokenBreaks); a word breaks
// after the hyphens of a compound and, when hyphenate is set and it is a
// single word, at its syllables (a compound breaks only at its own
// hyphens, typesetting.md EN-3).
func (z *itemizer) latin(t token, hyphenate bool) {
	style, _ := z.styleAt(t.off)
	if style&(article.Code|article.Markup) != 0 {
		hyphenate = false // code and template markup are never hyphenated
	}
	if isVersion(t.text) {
		// a version or a number stays whole unless it is wider than the
		// column (typesetting.md: no break inside a number)
		if whole := z.measure(t.text, t.off); segmentsWidth(whole) <= z.column {
			z.box(whole)
			return
		}
		z.pieces(t, false)
		return
	}
	kind := classifyToken(t.text)
	switch {
	case kind == wordToken && style&article.Markup != 0 && strings.ContainsAny(t.text, "=/_"):
		kind = addressToken // a shortcode's parameter (file="pods/simple-pod.yaml") breaks at its separators
	case kind == wordToken && style&article.Code != 0:
		kind = codeToken // code breaks as an identifier (metadata. | finalizers), never with a hyphen
	}
	if kind != wordToken {
		rs := []rune(t.text)
		from := 0
		for _, b := range tokenBreaks(t.text, kind, z.lang) {
			z.pieces(t.sub(rs, from, b.at), false)
			z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: b.penalty})
			from = b.at
		}
		z.pieces(t.sub(rs, from, len(rs)), false)
		return
	}
	parts := splitCompound(t.text)
	hyphenate = hyphenate && len(parts) == 1
	off := t.off
	for k, part := range parts {
		z.word(token{text: part, off: off}, hyphenate)
		off += len(part)
		if k < len(parts)-1 {
			z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: penaltyAfterHyphen, Flagged: true})
		}
	}
}

// tokenizeWords splits the spans' text into words at spaces (a no-break
// space stays inside its word; a word may cross style boundaries).
func (z *itemizer) tokenizeWords(spans []span) []token {
	text := z.join(spans)
	var toks []token
	start, blanks := -1, 0
	for i, r := range text {
		if r == ' ' || r == '\t' {
			if start >= 0 {
				toks = append(toks, token{text: text[start:i], off: start, blanks: blanks})
				start, blanks = -1, 0
			}
			blanks += codeColumns(string(r))
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		toks = append(toks, token{text: text[start:], off: start, blanks: blanks})
	}
	return toks
}

// splitCompound cuts a word after each hyphen or dash that has a character
// other than a hyphen on both sides and leaves letters or digits on both
// sides, as many as hyphenation would (hyphen.MinBefore and MinAfter): "x-y-"
// never ends a line before a lone "z.--.".
func splitCompound(w string) []string {
	rs := []rune(w)
	alnum := make([]int, len(rs)+1) // alnum[i]: letters and digits in rs[:i]
	for i, r := range rs {
		alnum[i+1] = alnum[i]
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			alnum[i+1]++
		}
	}
	var parts []string
	start := 0
	for i := 1; i+1 < len(rs); i++ {
		if strings.ContainsRune("-–—", rs[i]) && rs[i+1] != '-' && rs[i-1] != '-' &&
			alnum[i+1] >= hyphen.MinBefore && alnum[len(rs)]-alnum[i+1] >= hyphen.MinAfter {
			parts = append(parts, string(rs[start:i+1]))
			start = i + 1
		}
	}
	return append(parts, string(rs[start:]))
}
