package layout

import (
	"strings"
	"unicode"

	"diglot/layout/linebreak"
)

// Glue between Chinese characters: no natural width, a little stretch so
// full lines can be justified by spreading the slack.
const (
	zhStretchPerMille = 100 // stretch between two CJK characters, in thousandths of an em (ZH-11)
	hanLatinPerMille  = 250 // the quarter em between Han and Latin text (clreq §3.4)
)

// centredTrimPerMille is the blank a centred mark (Noto Serif TC's ，。、
// ：；！？, ink about 0.36–0.64 em) gives up at a line end, in thousandths
// of an em: its ink then ends within a tenth of an em of the edge.
const centredTrimPerMille = 400

// itemizeChinese turns Chinese text into items: one box per CJK character
// and per Latin run, breakable between them as kinsoku allows, a quarter em
// between Han and Latin, and closing marks that may hang half out at a line
// end or compress before another mark.
func (z *itemizer) itemizeChinese(spans []span) paragraph {
	toks := z.tokenize(spans)
	z.reserve(3 * len(toks)) // a box, glue and a penalty a character, about
	em := z.em()
	tail := orphanTail(toks)
	if z.indent > 0 {
		z.add(linebreak.Item{Kind: linebreak.Box, Width: z.indent}) // a box drawing nothing: kept at the line's start, unlike glue
	}
	// Traditional Chinese faces centre the stop and pause marks in the em
	// (Taiwan style): those are never compressed mid-line, but a pair with a
	// bracket or quote still takes 1.5 em, the bracket giving up its blank
	// (clreq §3.1.6's basic compression, in either style)
	centred := func(s string) bool { return z.faces.traditional && isCentredMark(s) }
	for i, t := range toks {
		var next *token
		if i+1 < len(toks) {
			next = &toks[i+1]
		}
		switch {
		case !t.cjk:
			z.latin(t, true)
		case centred(t.text) && next != nil && isClosingMark(next.text) && !centred(next.text):
			// a centred mark before a closing bracket or quote gives up
			// its blank right quarter, keeping its ink whole
			segs := z.measure(t.text, t.off)
			if w := segs[0].width; w >= em*9/10 {
				segs[0].width, segs[0].adjusted = w-w/4, true
			}
			z.box(segs)
		case isClosingMark(t.text) || isPauseMark(t.text):
			// a closing or pause mark gives up its blank right half before
			// another mark and at a line end (ZH-5, ZH-6): the half is a
			// kern that a break there discards. A centred mark (Taiwan
			// style) gives up nothing mid-line, but at a line end the
			// blank after its ink, so that the ink meets the column's
			// edge as every justified line's last character does.
			segs := z.measure(t.text, t.off)
			w := segs[0].width
			if w < em*9/10 { // a proportional glyph: nothing to give up
				z.box(segs)
				break
			}
			kept := w / 2
			rest, shrink := w-kept, w-kept
			switch {
			case centred(t.text):
				kept = w - w*centredTrimPerMille/1000
				rest, shrink = w-kept, 0
			case i > 0 && centred(toks[i-1].text):
				// after a centred mark that gave up its right quarter
				// (。」), a quarter more: the pair takes 1.5 em
				rest, shrink = w/4, w/4
			}
			segs[0].width, segs[0].adjusted = kept, true
			z.box(segs)
			if next != nil && !centred(t.text) && compressesBefore(next.text) {
				continue // compressed before the next mark: the half is gone
			}
			if next == nil {
				return z.finish()
			}
			pen := penaltyHangingMark
			if !breakAllowed(t.text, next.text) || i+1 > tail {
				pen = linebreak.LastResort
			}
			z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: pen})
			// mid-line, the blank half may shrink away before the gaps
			// between characters stretch (clreq §3.8's order), so a tight
			// line takes one more word rather than a loose one spreading
			z.add(linebreak.Item{Kind: linebreak.Glue, Width: rest, Shrink: shrink})
			z.add(linebreak.Item{Kind: linebreak.Glue, Stretch: em * zhStretchPerMille / 1000})
			continue
		default:
			segs := z.measure(t.text, t.off)
			if w := segs[0].width; isOpeningMark(t.text) && w >= em*9/10 && i > 0 && toks[i-1].cjk && (isOpeningMark(toks[i-1].text) || centred(toks[i-1].text)) {
				// An opening mark after another opening mark (whose blank
				// is on its left) or after a centred mark gives up its
				// blank left half: drawn half an em back. After a closing
				// or pause mark, that mark has already given up its half
				// (typesetting.md ZH-5).
				z.add(linebreak.Item{Kind: linebreak.Kern, Width: -w / 2})
			}
			z.box(segs)
		}
		if next == nil {
			break
		}
		z.gap(t, *next, i+1 > tail)
	}
	return z.finish()
}

// orphanTail returns the index of the token holding the second-to-last
// character that is not punctuation: a line may not start after it, so the
// last line of a paragraph never holds a lone character (typesetting.md
// ZH-14).
func orphanTail(toks []token) int {
	count := 0
	for k := len(toks) - 1; k >= 0; k-- {
		if isPunct(toks[k].text) {
			continue
		}
		if toks[k].cjk {
			count++
		} else {
			count += len([]rune(toks[k].text))
		}
		if count >= 2 {
			return k
		}
	}
	return 0
}

// gap adds the glue between two tokens of Chinese text; orphan forbids a
// break there unless nothing else fits (see orphanTail).
func (z *itemizer) gap(a, b token, orphan bool) {
	em := z.em()
	switch {
	case orphan || !breakAllowed(a.text, b.text):
		z.prohibit()
	case !a.cjk && unicode.IsDigit(lastRune(a.text)) && isHanLike(b):
		// a number and its measure word (2024年, 3个) mostly stay together
		z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: penaltyNumberUnit})
	case z.inCell(b.off):
		z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: penaltyInCell})
	}
	switch {
	case b.spaceBef && z.cellStart(b.off):
		z.wordSpace(b.off) // between two cells of a table row set as a paragraph
	case a.cjk && b.cjk:
		z.add(linebreak.Item{Kind: linebreak.Glue, Stretch: em * zhStretchPerMille / 1000})
	case a.cjk != b.cjk && (isHanLike(a) || isHanLike(b)) && (hasAlnum(a) || hasAlnum(b)):
		q := em * hanLatinPerMille / 1000
		z.add(linebreak.Item{Kind: linebreak.Glue, Width: q, Stretch: q / 2, Shrink: q / 4})
	case b.spaceBef:
		z.wordSpace(b.off)
	default:
		z.add(linebreak.Item{Kind: linebreak.Glue, Stretch: em * zhStretchPerMille / 1000})
	}
}

// hasAlnum reports a Latin token with a letter or a digit: Latin text that
// a quarter em sets apart from Han, unlike a lone mark (主版本号.次版本号).
func hasAlnum(t token) bool {
	return !t.cjk && strings.IndexFunc(t.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// isHanLike reports whether a CJK token is a character rather than a mark,
// so that a quarter em separates it from Latin text.
func isHanLike(t token) bool {
	return t.cjk && !isPunct(t.text) && !isClosingMark(t.text) && t.text != "—"
}
