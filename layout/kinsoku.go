package layout

import (
	"strings"

	"diglot/internal/script"
)

// Chinese line-breaking rules on tokens; the character classes are
// script's (clreq §3.1.6, §3.1.7).

func noStart(s string) bool { return s != "" && script.NoLineStart(firstRune(s)) }
func noEnd(s string) bool   { return s != "" && script.NoLineEnd(lastRune(s)) }
func isClosingMark(s string) bool {
	return len([]rune(s)) == 1 && script.IsClosingMark(firstRune(s))
}
func isPauseMark(s string) bool {
	return len([]rune(s)) == 1 && script.IsPauseMark(firstRune(s))
}
func isCentredMark(s string) bool {
	return len([]rune(s)) == 1 && script.IsCentredMark(firstRune(s))
}
func isOpeningMark(s string) bool {
	return len([]rune(s)) == 1 && script.IsOpeningMark(firstRune(s))
}

// compressesBefore reports whether a closing or pause mark before s gives
// up its blank half: before another mark, not before a dash, a wave dash
// or a solidus, which have no blank of their own (typesetting.md §1.1.4).
func compressesBefore(s string) bool {
	return isPunct(s) && !strings.ContainsRune("～—／", firstRune(s))
}

func isPunct(s string) bool {
	return len([]rune(s)) == 1 && script.IsPunct(firstRune(s))
}

// breakAllowed reports whether a line may end between tokens a and b.
func breakAllowed(a, b string) bool {
	if noStart(b) || noEnd(a) {
		return false
	}
	if la, fb := lastRune(a), firstRune(b); la == fb && script.IsInseparable(la) {
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
