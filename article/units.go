package article

import (
	"strings"
	"unicode/utf8"
)

// unit is one paragraph of the body before alignment: usually one line, or
// several hard-wrapped lines of one language between blank lines.
type unit struct {
	lines   []SourceLine
	text    string
	class   class
	counts  scriptCounts
	lang    Lang     // resolved language
	neutral bool     // no letters: joins a neighbour instead of being aligned alone
	md      *mdBlock // what Markdown says of the block, or nil in plain text
}

// makeUnits groups the body lines into paragraphs. Blank lines separate
// blocks; a block of two or more lines of one language, none of them a
// heading, list item or labelled line, is one hard-wrapped paragraph. Every
// other line is a paragraph of its own.
func makeUnits(body []rawLine) []unit {
	units := make([]unit, 0, len(body))
	for start := 0; start < len(body); {
		if body[start].text == "" {
			start++
			continue
		}
		end := start
		for end < len(body) && body[end].text != "" {
			end++
		}
		units = appendBlock(units, body[start:end])
		start = end
	}
	return units
}

// appendBlock adds the units of one blank-line-separated block.
func appendBlock(units []unit, block []rawLine) []unit {
	lineUnits := make([]unit, len(block))
	for i, l := range block {
		lineUnits[i] = newUnit([]SourceLine{{No: l.no, Text: l.text}})
	}
	if len(block) >= 2 && wrappedParagraph(lineUnits) {
		return append(units, newUnit(blockLines(block)))
	}
	for i := 0; i < len(block); {
		j := i + 1
		for listMarker(block[i].text) != "" && j < len(block) && continuesItem(lineUnits[i], block[j], lineUnits[j]) {
			j++
		}
		if j == i+1 {
			units = append(units, lineUnits[i])
		} else {
			units = append(units, newUnit(blockLines(block[i:j])))
		}
		i = j
	}
	return units
}

// continuesItem reports whether line l (its unit u) continues the list
// item before it (its first line's unit item): a hard-wrapped item's next
// line, indented under its text, neither an item nor a heading itself, and
// not in the other language.
func continuesItem(item unit, l rawLine, u unit) bool {
	if !l.indented || listMarker(l.text) != "" || headingLevel(l.text) > 0 {
		return false
	}
	return !(item.class == classZH && u.class == classEN || item.class == classEN && u.class == classZH)
}

// blockLines are a block's lines as source lines.
func blockLines(block []rawLine) []SourceLine {
	lines := make([]SourceLine, len(block))
	for i, l := range block {
		lines[i] = SourceLine{No: l.no, Text: l.text}
	}
	return lines
}

// wrappedParagraph reports whether the lines of a block read as one
// hard-wrapped paragraph: one language throughout (weak and neutral lines may
// continue English or Chinese wraps) and no line that stands on its own.
func wrappedParagraph(lines []unit) bool {
	var zh, en bool
	for i, u := range lines {
		t := u.lines[0].Text
		if headingLevel(t) > 0 || listMarker(t) != "" || (i > 0 && hasLabel(t)) {
			return false
		}
		switch u.class {
		case classZH:
			zh = true
		case classEN:
			en = true
		}
	}
	return zh != en
}

func newUnit(lines []SourceLine) unit {
	u := unit{lines: lines}
	lang := English
	if len(lines) > 1 {
		if cl, _ := classify(lines[0].Text); cl == classZH {
			lang = Chinese
		}
	}
	u.text = joinLines(lines, lang)
	u.class, u.counts = classify(u.text)
	u.neutral = u.class == classNeutral
	return u
}

// headingLevel returns the level of a Markdown heading line ("# x" is 1), or 0.
func headingLevel(s string) int {
	n := 0
	for n < len(s) && n < 7 && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(s) || s[n] != ' ' {
		return 0
	}
	return n
}

// listMarker returns the list marker a line starts with ("-", "*", "1."), or "".
func listMarker(s string) string {
	if len(s) > 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		if s[0] == '*' && strings.HasPrefix(s, "* *") {
			return "" // a "* * *" separator
		}
		return s[:1]
	}
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return s[:i+1]
	}
	return ""
}

// splitLabel splits "label：text" or "label: text" into its parts when the
// label is short and free of sentence punctuation.
func splitLabel(s string) (label, text string, ok bool) {
	i := strings.IndexAny(s, ":：")
	if i <= 0 {
		return "", "", false
	}
	label = strings.TrimSpace(s[:i])
	_, size := utf8.DecodeRuneInString(s[i:])
	text = strings.TrimSpace(s[i+size:])
	if text == "" || label == "" || strings.ContainsAny(label, "，。,.;；!?！？“”\"()（）") {
		return "", "", false
	}
	cl, counts := classify(label)
	switch {
	case cl == classZH && utf8.RuneCountInString(label) > 12:
		return "", "", false
	case cl != classZH && (counts.words > 4 || counts.words == 0):
		return "", "", false
	case s[i] == ':' && i+1 < len(s) && s[i+1] != ' ' && cl != classZH:
		return "", "", false // "12:30", "https://"
	}
	return label, text, true
}

// hasLabel reports whether a line is a "label: text" line.
func hasLabel(s string) bool {
	_, _, ok := splitLabel(s)
	return ok
}
