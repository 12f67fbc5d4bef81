package article

import (
	"strings"
	"unicode"
)

// Clean returns a copy of the document whose paragraph texts and labels have
// been cleaned up typographically (CleanChinese, CleanEnglish). The source
// lines are left as they are.
func Clean(doc *Document) *Document {
	out := *doc
	out.Blocks = make([]Block, len(doc.Blocks))
	for i, b := range doc.Blocks {
		b.ZH = cleanParas(b.ZH, CleanChinese)
		b.EN = cleanParas(b.EN, CleanEnglish)
		out.Blocks[i] = b
	}
	return &out
}

func cleanParas(paras []Para, clean func(string) string) []Para {
	out := make([]Para, len(paras))
	for i, p := range paras {
		p.Text = clean(p.Text)
		p.Label = clean(p.Label)
		out[i] = p
	}
	return out
}

// fullWidth maps ASCII punctuation to the full-width form Chinese text uses.
var fullWidth = map[rune]rune{',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}

// CleanChinese makes ASCII punctuation next to Han characters full-width
// (`, : ; ? ! ( )` become `，：；？！（）`) and straight double quotes curly
// (“ ”), and drops the spaces next to full-width punctuation, whose glyphs
// carry their own blank (clreq; "no space between full-width punctuation
// and other characters"). Latin runs inside the text (TikTok, 3.14, 2,000,
// URLs) keep their ASCII punctuation.
func CleanChinese(s string) string {
	return dropSpacesByMarks(fullWidthPunctuation(ellipsesAndDashes(s)))
}

// ellipsesAndDashes writes the Chinese ellipsis and dash as the two-em
// marks clreq has (typesetting.md §1.3): "..." or a single "…" next to
// Chinese text become "……", and "--" or a single "—" between Chinese
// characters "——". (Not "。。。" nor a sentence's final "." → "。": readers
// and checkers that fold text by NFKC would no longer find the source's
// characters, as they do find "..." in "……".)
func ellipsesAndDashes(s string) string {
	if !strings.Contains(s, "...") && !strings.Contains(s, "--") && !strings.ContainsAny(s, "…—") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs)+4)
	for i := 0; i < len(rs); {
		r := rs[i]
		n := 1
		for i+n < len(rs) && rs[i+n] == r {
			n++
		}
		prev, next := neighbour(rs, i, -1), neighbour(rs, i+n-1, +1)
		chinese := chineseNeighbour(prev) || prev == 0 && isHan(next)
		between := chineseNeighbour(prev) && chineseNeighbour(next)
		switch {
		case r == '.' && n >= 3 && n <= 6 && chinese, r == '…' && n == 1 && chinese: // …… folds to six dots
			out = append(out, '…', '…')
		case r == '-' && n == 2 && between, r == '—' && n == 1 && between:
			out = append(out, '—', '—')
		default:
			out = append(out, rs[i:i+n]...)
		}
		i += n
	}
	return string(out)
}

// dropSpacesByMarks removes the spaces before and after full-width marks.
func dropSpacesByMarks(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		if r == ' ' && (isFullWidthMark(neighbourRune(rs, i, -1)) || isFullWidthMark(neighbour(rs, i, +1))) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// neighbourRune returns the rune next to index i in direction dir, or 0.
func neighbourRune(rs []rune, i, dir int) rune {
	if j := i + dir; j >= 0 && j < len(rs) {
		return rs[j]
	}
	return 0
}

// isFullWidthMark reports a full-width punctuation mark: the CJK marks
// (、。「」《》…), the full-width forms (，：；！？（）…) and the curly double
// quotes, which are full-width in Chinese text. Not the ideographic space.
func isFullWidthMark(r rune) bool {
	return r > 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF0F || r >= 0xFF1A && r <= 0xFF20 ||
		r >= 0xFF3B && r <= 0xFF40 || r >= 0xFF5B && r <= 0xFF65 || r == '“' || r == '”'
}

// fullWidthPunctuation converts ASCII punctuation in Chinese context.
func fullWidthPunctuation(s string) string {
	if !strings.ContainsAny(s, ",:;?!()\"'") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	openDouble, openSingle := false, false
	var parens []bool // for each open parenthesis: whether it became full-width
	for i, r := range rs {
		prev, next := neighbour(rs, i, -1), neighbour(rs, i, +1)
		convert := fullWidth[r] != 0 && chineseContext(r, prev, next)
		switch r {
		case '(':
			parens = append(parens, convert)
		case ')':
			if n := len(parens); n > 0 {
				convert = parens[n-1]
				parens = parens[:n-1]
			}
		}
		switch {
		case convert:
			out = trimTrailingSpace(out)
			out = append(out, fullWidth[r])
			continue
		case r == '"':
			if openDouble {
				out = append(trimTrailingSpace(out), '”')
			} else {
				out = append(out, '“')
			}
			openDouble = !openDouble
			continue
		case r == '\'' && (openSingle || chineseNeighbour(prev) || chineseNeighbour(next)) && !(isLatinLetter(prev) && isLatinLetter(next)):
			if openSingle {
				out = append(out, '’')
			} else {
				out = append(out, '‘')
			}
			openSingle = !openSingle
			continue
		case r == ' ' && len(out) > 0 && isConvertedMark(out[len(out)-1]):
			continue // no space after full-width punctuation
		}
		out = append(out, r)
	}
	return string(out)
}

// chineseContext reports whether ASCII punctuation r, between prev and next
// (the nearest non-space runes), belongs to Chinese text rather than to a
// Latin run such as 2,000, 12:30 or a URL.
func chineseContext(r, prev, next rune) bool {
	if isLatinLetterOrDigit(prev) && isLatinLetterOrDigit(next) {
		return false
	}
	switch r {
	case '(':
		return isHan(next) || isHan(prev) || isCJKPunct(next)
	case ')':
		return isHan(prev) || isCJKPunct(prev) || isHan(next)
	}
	return chineseNeighbour(prev) || isHan(next)
}

// chineseNeighbour reports whether r is Han or CJK punctuation.
func chineseNeighbour(r rune) bool { return isHan(r) || isCJKPunct(r) }

// neighbour returns the nearest rune before (dir -1) or after (dir +1) index
// i that is not a space, or 0.
func neighbour(rs []rune, i, dir int) rune {
	for j := i + dir; j >= 0 && j < len(rs); j += dir {
		if rs[j] != ' ' {
			return rs[j]
		}
	}
	return 0
}

func trimTrailingSpace(rs []rune) []rune {
	for len(rs) > 0 && rs[len(rs)-1] == ' ' {
		rs = rs[:len(rs)-1]
	}
	return rs
}

func isConvertedMark(r rune) bool {
	return strings.ContainsRune("，：；？！（）“", r)
}

// isCJKPunct reports whether r is CJK or full-width punctuation.
func isCJKPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF65 ||
		strings.ContainsRune("“”‘’…—·", r)
}

// CleanEnglish turns straight quotes into typographic ones: “ ” for double
// quotes, ‘ ’ for single quotes, and ’ for apostrophes, and a "--" between
// words or numbers into an en dash (see enDashes).
func CleanEnglish(s string) string {
	if strings.Contains(s, "--") {
		s = enDashes(s)
	}
	if !strings.ContainsAny(s, "\"'") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, len(rs))
	for i, r := range rs {
		var prev rune
		if i > 0 {
			prev = rs[i-1]
		}
		opening := i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{“‘—–-/", prev)
		switch {
		case r == '"' && opening:
			r = '“'
		case r == '"':
			r = '”'
		case r == '\'' && opening && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]):
			r = '‘'
		case r == '\'':
			r = '’'
		}
		out[i] = r
	}
	return string(out)
}

// enDashes turns "--" into an en dash where it stands between words or
// numbers ("10--20", "yes -- or no"), and leaves it where it is part of a
// token: a command-line option ("--columns"), a web address, "---".
func enDashes(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if strings.Contains(w, "://") || strings.Contains(w, "---") {
			continue
		}
		switch {
		case w == "--":
			words[i] = "–"
		case strings.HasPrefix(w, "--"):
			// a command-line option (--columns): kept
		default:
			rs := []rune(w)
			var b strings.Builder
			for j := 0; j < len(rs); j++ {
				if j+1 < len(rs) && rs[j] == '-' && rs[j+1] == '-' && j > 0 {
					prev := rs[j-1]
					next := rune(0)
					if j+2 < len(rs) {
						next = rs[j+2]
					}
					if unicode.IsDigit(prev) && unicode.IsDigit(next) || next == 0 && unicode.IsLetter(prev) {
						b.WriteRune('–')
						j++
						continue
					}
				}
				b.WriteRune(rs[j])
			}
			words[i] = b.String()
		}
	}
	return strings.Join(words, " ")
}
