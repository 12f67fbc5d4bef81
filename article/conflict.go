package article

import (
	"regexp"
	"strings"
)

// conflictMarker is a line git writes around the two sides of a merge it
// could not make: <<<<<<< HEAD, =======, >>>>>>> a220bb3 (and ||||||| for
// the base, in diff3 style).
var conflictMarker = regexp.MustCompile(`^(?:<{7}|>{7}|\|{7})(?:\s.*)?$|^={7}$`)

// withoutConflictMarkers blanks the markers of unresolved merges (a
// translation merged with its original's update often keeps them: the
// Chinese text, =======, the English), with a warning naming the first:
// both sides are kept as text. "=======" would otherwise make the line
// above it a heading. Only a run opened by <<<<<<< and closed by >>>>>>>
// is taken; the body itself is returned when it has none.
func withoutConflictMarkers(body []rawLine, c *collector) []rawLine {
	var out []rawLine
	open := -1 // the index of an open run's <<<<<<< line
	var inside []int
	for i, l := range body {
		if l.indented || len(l.raw) < 7 || !strings.ContainsRune("<=>|", rune(l.raw[0])) || !conflictMarker.MatchString(l.raw) {
			continue
		}
		switch l.raw[0] {
		case '<':
			open, inside = i, inside[:0]
		case '=', '|':
			if open >= 0 {
				inside = append(inside, i)
			}
		case '>':
			if open < 0 {
				continue
			}
			if out == nil {
				out = append([]rawLine(nil), body...)
				c.warnf(body[open].no, "an unresolved merge's conflict markers (%s … >>>>>>>): both sides are kept as text; resolve the merge to keep one", body[open].text)
			}
			for _, k := range append(inside, open, i) {
				out[k].raw, out[k].text = "", ""
			}
			open = -1
		}
	}
	if out == nil {
		return body
	}
	return out
}
