// Package script holds the character tables every stage shares: which
// characters are Han, kana, CJK punctuation or Latin letters, the line-break
// prohibitions of Chinese text (kinsoku), the classes of marks whose blanks
// compress, and the one finder of web addresses in running text. It sits
// below article, layout and the writers, so that they never disagree about a
// character.
package script

import (
	"strings"
	"unicode"
)

// IsHan reports a Han ideograph (unified, extensions, compatibility) and the
// Han-script marks 々 〇 and the radicals.
func IsHan(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

// IsChineseLetter reports a character that marks a line as Chinese: a Han
// ideograph, kana or bopomofo.
func IsChineseLetter(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Bopomofo, r)
}

// IsFullWidth reports a character set in a full em of the CJK face, one
// character a unit of the line: Han, kana, hangul, bopomofo, CJK and
// full-width punctuation, and the marks that are full-width in Chinese text
// (“ ” ‘ ’ … — ·).
func IsFullWidth(r rune) bool {
	if r < 0x2000 {
		return r == '·'
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Bopomofo, r) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF60 || strings.ContainsRune("“”‘’…—", r)
}

// IsCJKPunct reports CJK or full-width punctuation, with the marks Chinese
// text shares with English (“ ” ‘ ’ … — ·).
func IsCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF65 ||
		strings.ContainsRune("“”‘’…—·", r)
}

// IsFullWidthMark reports a full-width punctuation mark whose glyph carries
// its own blank: the CJK marks (、。「」《》…), the full-width forms
// (，：；！？（）…) and the curly double quotes. Not the ideographic space.
func IsFullWidthMark(r rune) bool {
	return r > 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF0F || r >= 0xFF1A && r <= 0xFF20 ||
		r >= 0xFF3B && r <= 0xFF40 || r >= 0xFF5B && r <= 0xFF65 || r == '“' || r == '”'
}

// IsChineseNeighbour reports a character that makes the text around it
// Chinese: a Chinese letter or CJK punctuation.
func IsChineseNeighbour(r rune) bool { return IsChineseLetter(r) || IsCJKPunct(r) }

// IsLatinLetter reports a letter of the Latin script.
func IsLatinLetter(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.Is(unicode.Latin, r)
}

// InLatinFace reports a character that Chinese text sets in the Latin
// face: letters, digits, spaces and punctuation below U+2000 (but the
// no-break space), and an apostrophe inside a Latin word (inWord, see
// IsWordApostrophe). The Chinese face's Latin glyphs are for emergencies.
func InLatinFace(r rune, inWord bool) bool {
	return r < 0x2000 && r != 0xA0 || inWord
}

// IsWordApostrophe reports an apostrophe inside a Latin word (Mozilla’s,
// You’ve): r is ’ or ' between two Latin letters. Chinese text sets it as
// part of the word, in the Latin face, not as a full-width closing quote.
func IsWordApostrophe(prev, r, next rune) bool {
	return (r == '’' || r == '\'') && IsLatinLetter(prev) && IsLatinLetter(next)
}

// IsLatinLetterOrDigit reports a Latin letter or an ASCII digit.
func IsLatinLetterOrDigit(r rune) bool {
	return IsLatinLetter(r) || r >= '0' && r <= '9'
}

// IsAttached reports a character that belongs to the one before it and is
// never separated from it: a combining mark, a variation selector, a
// joiner, an emoji skin-tone modifier.
func IsAttached(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Variation_Selector, unicode.Join_Control) ||
		r >= 0x1F3FB && r <= 0x1F3FF
}

// HasHan reports whether s holds a Han ideograph.
func HasHan(s string) bool { return strings.ContainsFunc(s, IsHan) }

// DottedName reports a name of three or more parts of letters joined by
// dots (MAJOR.MINOR.PATCH, java.util.List), sentence punctuation after it
// aside, which may break at its dots like an identifier; not initials or
// an abbreviation (U.S., e.g., Ph.D.), whose parts are single letters or
// too few.
func DottedName(s string) bool {
	parts := strings.Split(strings.TrimRight(s, ".,;:!?)”’"), ".")
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if len(p) < 2 || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return true
}
