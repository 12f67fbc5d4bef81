package layout

import "strings"

// Line-breaking prohibitions of Chinese text (W3C clreq §3.1.7, "Prohibition
// rules for line start and line end"), with the marks Japanese text shares.

// noLineStart holds the closing and middle marks that may not begin a line,
// with the wave dash ～ (typesetting.md §1.1.5). A dash —— may begin one:
// GB/T 15834 only forbids splitting it.
const noLineStart = "，。、：；？！）」』》〉】〕〗〙〛｝］" + "”’" + "…‥·・ー々〻～" + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ" + ",.:;?!)]}%" + "〟｡､｣‼⁇⁈⁉"

// noLineEnd holds the opening marks that may not end a line, and the
// full-width solidus ／, after which GB forbids a break (typesetting.md
// §1.1.5).
const noLineEnd = "（「『《〈【〔〖〘〚｛［" + "“‘" + "([{" + "〝｢" + "／"

// closingMarks are full-width closing and pause marks whose glyph sits in
// the left half of the em, so they may give up their right half at a line
// end or before another mark (clreq §3.1.6, punctuation width adjustment).
const closingMarks = "，。、）」』》〉】〕〗〙〛］｝"

// pauseMarks are full-width middle marks whose glyph sits in the left half
// of the em in Simplified Chinese fonts: they compress before another mark.
const pauseMarks = "：；！？"

// openingMarks are full-width opening marks whose glyph sits in the right
// half of the em: they compress after another mark.
const openingMarks = "（「『《〈【〔〖〘〚｛［“‘"

// inseparable are marks written doubled that never split: —— and …….
const inseparable = "—…"

func noStart(s string) bool { return s != "" && strings.ContainsRune(noLineStart, firstRune(s)) }
func noEnd(s string) bool   { return s != "" && strings.ContainsRune(noLineEnd, lastRune(s)) }
func isClosingMark(s string) bool {
	return len([]rune(s)) == 1 && strings.ContainsRune(closingMarks, firstRune(s))
}
func isPauseMark(s string) bool {
	return len([]rune(s)) == 1 && strings.ContainsRune(pauseMarks, firstRune(s))
}
func isOpeningMark(s string) bool {
	return len([]rune(s)) == 1 && strings.ContainsRune(openingMarks, firstRune(s))
}

// compressesBefore reports whether a closing or pause mark before s gives
// up its blank half: before another mark, not before a dash, a wave dash
// or a solidus, which have no blank of their own (typesetting.md §1.1.4).
func compressesBefore(s string) bool {
	return isPunct(s) && !strings.ContainsRune("～—／", firstRune(s))
}

func isPunct(s string) bool {
	return len([]rune(s)) == 1 && (strings.ContainsRune(noLineStart, firstRune(s)) || strings.ContainsRune(noLineEnd, firstRune(s)))
}

// breakAllowed reports whether a line may end between tokens a and b.
func breakAllowed(a, b string) bool {
	if noStart(b) || noEnd(a) {
		return false
	}
	if la, fb := lastRune(a), firstRune(b); la == fb && strings.ContainsRune(inseparable, la) {
		return false
	}
	return true
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}
