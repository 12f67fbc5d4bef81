package script

import "strings"

// Line-breaking prohibitions of Chinese text (W3C clreq §3.1.7, "Prohibition
// rules for line start and line end"), with the marks Japanese text shares,
// and the classes of marks whose blank halves compress (clreq §3.1.6).

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
// end or before another mark. The curly closing quotes ” ’ are among them
// where the Chinese face sets them a full em wide (typesetting.md ZH-4);
// layout checks the width.
const closingMarks = "，。、）」』》〉】〕〗〙〛］｝”’"

// pauseMarks are full-width middle marks whose glyph sits in the left half
// of the em in Simplified Chinese fonts: they compress before another mark.
const pauseMarks = "：；！？"

// centredMarks are the stop and pause marks that Traditional Chinese fonts
// (Taiwan style, Noto Serif TC) centre in the em; brackets and quotes keep
// their blank on the side away from the text they enclose in both styles.
const centredMarks = "，。、：；！？"

// openingMarks are full-width opening marks whose glyph sits in the right
// half of the em: they compress after another mark.
const openingMarks = "（「『《〈【〔〖〘〚｛［“‘"

// inseparable are marks written doubled that never split: —— and …….
const inseparable = "—…"

// NoLineStart reports a mark that may not begin a line.
func NoLineStart(r rune) bool { return strings.ContainsRune(noLineStart, r) }

// NoLineEnd reports a mark that may not end a line.
func NoLineEnd(r rune) bool { return strings.ContainsRune(noLineEnd, r) }

// IsClosingMark reports a closing or pause mark in the left half of its em.
func IsClosingMark(r rune) bool { return strings.ContainsRune(closingMarks, r) }

// IsPauseMark reports ：；！？, which compress before another mark.
func IsPauseMark(r rune) bool { return strings.ContainsRune(pauseMarks, r) }

// IsCentredMark reports a stop or pause mark that a Traditional Chinese face
// centres in its em, with a blank quarter on either side.
func IsCentredMark(r rune) bool { return strings.ContainsRune(centredMarks, r) }

// IsOpeningMark reports an opening mark in the right half of its em.
func IsOpeningMark(r rune) bool { return strings.ContainsRune(openingMarks, r) }

// IsInseparable reports a mark written doubled that a line never splits.
func IsInseparable(r rune) bool { return strings.ContainsRune(inseparable, r) }

// IsPunct reports a mark that a kinsoku rule concerns.
func IsPunct(r rune) bool { return NoLineStart(r) || NoLineEnd(r) }
