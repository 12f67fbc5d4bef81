package article

import (
	"diglot/internal/script"
	"slices"

	"strings"
	"unicode"
)

// Clean returns a copy of the document whose paragraphs and labels have
// been cleaned up typographically (CleanChinese, CleanEnglish). It works on
// the inlines across their style boundaries, leaving code and web
// addresses as written, and keeps each inline's source line; Han runs in
// English text get their own language (Inline.Lang). The source lines are
// left as they are.
func Clean(doc *Document) *Document {
	out := *doc
	out.Blocks = make([]Block, len(doc.Blocks))
	for i, b := range doc.Blocks {
		b.ZH = cleanParas(b.ZH, Chinese)
		b.EN = cleanParas(b.EN, English)
		out.Blocks[i] = b
	}
	return &out
}

func cleanParas(paras []Para, lang Lang) []Para {
	out := make([]Para, len(paras))
	for i, p := range paras {
		p.Inlines = cleanInlines(p.Inlines, lang) // a code block's one inline is verbatim
		p.Label = cleanText(p.Label, lang)
		if lang == English {
			p.Inlines = markChinese(p.Inlines)
		}
		p.Text = textOf(p.Inlines)
		out[i] = p
	}
	return out
}

// CleanChinese makes ASCII punctuation next to Han characters full-width
// (`, : ; ? ! ( )` become `，：；？！（）`) and straight double quotes curly
// (“ ”), and drops the spaces next to full-width punctuation, whose glyphs
// carry their own blank (clreq; "no space between full-width punctuation
// and other characters"). Latin runs inside the text (TikTok, 3.14, 2,000,
// URLs) keep their ASCII punctuation.
func CleanChinese(s string) string { return cleanText(s, Chinese) }

// CleanEnglish turns straight quotes into typographic ones: “ ” for double
// quotes, ‘ ’ for single quotes, and ’ for apostrophes, and a "--" between
// words or numbers into an en dash (see enDashes).
func CleanEnglish(s string) string { return cleanText(s, English) }

func cleanText(s string, lang Lang) string {
	if s == "" {
		return ""
	}
	return textOf(cleanInlines([]Inline{{Text: s}}, lang))
}

// cleanInlines cleans up the text of a paragraph's inlines as one text.
func cleanInlines(ins []Inline, lang Lang) []Inline {
	t := runes{fixed: make([]bool, len(ins))}
	for k, in := range ins {
		t.fixed[k] = in.verbatim()
		for _, r := range in.Text {
			t.r = append(t.r, r)
			t.own = append(t.own, k)
		}
	}
	if lang == Chinese {
		t = dropSpacesByMarks(fullWidthPunctuation(ellipsesAndDashes(t)))
	} else {
		t = englishQuotes(enDashes(t))
	}
	out := make([]Inline, 0, len(ins))
	for i := 0; i < len(t.r); {
		j := i
		for j < len(t.r) && t.own[j] == t.own[i] {
			j++
		}
		in := ins[t.own[i]]
		in.Text = string(t.r[i:j])
		out = append(out, in)
		i = j
	}
	return out
}

// runes is text being cleaned up: its characters and, for each, the
// inline it came from; fixed says which inlines are kept as written.
type runes struct {
	r     []rune
	own   []int
	fixed []bool
}

// frozen reports whether character i belongs to a verbatim inline.
func (t *runes) frozen(i int) bool { return t.fixed[t.own[i]] }

// next returns an empty text for the output of a step over t.
func (t *runes) next() runes {
	return runes{r: make([]rune, 0, len(t.r)+4), own: make([]int, 0, len(t.r)+4), fixed: t.fixed}
}

func (t *runes) add(r rune, own int) {
	t.r = append(t.r, r)
	t.own = append(t.own, own)
}

// copyFrom appends characters i..j of src.
func (t *runes) copyFrom(src *runes, i, j int) {
	t.r = append(t.r, src.r[i:j]...)
	t.own = append(t.own, src.own[i:j]...)
}

// trimTrailingSpace drops the spaces at the end that clean-up may change.
func (t *runes) trimTrailingSpace() {
	for n := len(t.r); n > 0 && t.r[n-1] == ' ' && !t.fixed[t.own[n-1]]; n = len(t.r) {
		t.r, t.own = t.r[:n-1], t.own[:n-1]
	}
}

func (t *runes) last() rune {
	if len(t.r) == 0 {
		return 0
	}
	return t.r[len(t.r)-1]
}

// fullWidth maps ASCII punctuation to the full-width form Chinese text uses.
var fullWidth = map[rune]rune{',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）'}

// ellipsesAndDashes writes the Chinese ellipsis and dash as the two-em
// marks clreq has (typesetting.md §1.3): "..." or a single "…" next to
// Chinese text become "……", and "--" or a single "—" between Chinese
// characters "——". (Not "。。。" nor a sentence's final "." → "。": readers
// and checkers that fold text by NFKC would no longer find the source's
// characters, as they do find "..." in "……".)
func ellipsesAndDashes(t runes) runes {
	if !slices.Contains(t.r, '.') && !slices.Contains(t.r, '-') && !slices.Contains(t.r, '…') && !slices.Contains(t.r, '—') {
		return t
	}
	rs := t.r
	out := t.next()
	for i := 0; i < len(rs); {
		r := rs[i]
		n := 1
		frozen := t.frozen(i)
		for i+n < len(rs) && rs[i+n] == r {
			frozen = frozen || t.frozen(i+n)
			n++
		}
		prev, next := neighbour(rs, i, -1), neighbour(rs, i+n-1, +1)
		chinese := script.IsChineseNeighbour(prev) || prev == 0 && script.IsChineseLetter(next)
		between := script.IsChineseNeighbour(prev) && script.IsChineseNeighbour(next)
		switch {
		case frozen:
			out.copyFrom(&t, i, i+n)
		case r == '.' && n >= 3 && n <= 6 && chinese, r == '…' && n == 1 && chinese: // …… folds to six dots
			out.add('…', t.own[i])
			out.add('…', t.own[i])
		case r == '-' && n == 2 && between, r == '—' && n == 1 && between:
			out.add('—', t.own[i])
			out.add('—', t.own[i])
		default:
			out.copyFrom(&t, i, i+n)
		}
		i += n
	}
	return out
}

// dropSpacesByMarks removes the spaces before and after full-width marks.
func dropSpacesByMarks(t runes) runes {
	if !slices.Contains(t.r, ' ') {
		return t
	}
	rs := t.r
	out := t.next()
	for i, r := range rs {
		if r == ' ' && !t.frozen(i) && (script.IsFullWidthMark(neighbourRune(rs, i, -1)) || script.IsFullWidthMark(neighbour(rs, i, +1))) {
			continue
		}
		out.add(r, t.own[i])
	}
	return out
}

// neighbourRune returns the rune next to index i in direction dir, or 0.
func neighbourRune(rs []rune, i, dir int) rune {
	if j := i + dir; j >= 0 && j < len(rs) {
		return rs[j]
	}
	return 0
}

// fullWidthPunctuation converts ASCII punctuation in Chinese context.
func fullWidthPunctuation(t runes) runes {
	if !slices.ContainsFunc(t.r, func(r rune) bool { return strings.ContainsRune(",:;?!()\"'", r) }) {
		return t
	}
	rs := t.r
	out := t.next()
	openDouble, openSingle := false, false
	var parens []bool // for each open parenthesis: whether it became full-width
	for i, r := range rs {
		own := t.own[i]
		if t.frozen(i) {
			out.add(r, own)
			continue
		}
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
			out.trimTrailingSpace()
			out.add(fullWidth[r], own)
			continue
		case r == '"':
			if openDouble {
				out.trimTrailingSpace()
				out.add('”', own)
			} else {
				out.add('“', own)
			}
			openDouble = !openDouble
			continue
		case r == '\'' && (openSingle || script.IsChineseNeighbour(prev) || script.IsChineseNeighbour(next)) && !(script.IsLatinLetter(prev) && script.IsLatinLetter(next)):
			if openSingle {
				out.add('’', own)
			} else {
				out.add('‘', own)
			}
			openSingle = !openSingle
			continue
		case r == '\'' && script.IsLatinLetter(prev) && script.IsLatinLetter(next):
			out.add('’', own) // an apostrophe in a Latin word, as the English side has it (You’ve)
			continue
		case r == ' ' && isConvertedMark(out.last()):
			continue // no space after full-width punctuation
		}
		out.add(r, own)
	}
	return out
}

// chineseContext reports whether ASCII punctuation r, between prev and next
// (the nearest non-space runes), belongs to Chinese text rather than to a
// Latin run such as 2,000, 12:30 or a URL.
func chineseContext(r, prev, next rune) bool {
	if script.IsLatinLetterOrDigit(prev) && script.IsLatinLetterOrDigit(next) {
		return false
	}
	switch r {
	case '(':
		return script.IsChineseLetter(next) || script.IsChineseLetter(prev) || script.IsCJKPunct(next)
	case ')':
		return script.IsChineseLetter(prev) || script.IsCJKPunct(prev) || script.IsChineseLetter(next)
	}
	return script.IsChineseNeighbour(prev) || script.IsChineseLetter(next)
}

func isConvertedMark(r rune) bool {
	return strings.ContainsRune("，：；？！（）“", r)
}

// englishQuotes turns straight quotes into curly ones, apostrophes into ’.
func englishQuotes(t runes) runes {
	if !slices.Contains(t.r, '"') && !slices.Contains(t.r, '\'') {
		return t
	}
	rs := t.r
	out := t.next()
	for i, r := range rs {
		var prev rune
		if i > 0 {
			prev = rs[i-1]
		}
		opening := i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{“‘—–-/", prev)
		switch {
		case t.frozen(i):
		case r == '"' && opening:
			r = '“'
		case r == '"':
			r = '”'
		case r == '\'' && opening && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]):
			r = '‘'
		case r == '\'':
			r = '’'
		}
		out.add(r, t.own[i])
	}
	return out
}

// enDashes turns "--" into an en dash where it stands between words or
// numbers ("10--20", "yes -- or no"), and leaves it where it is part of a
// token: a command-line option ("--columns"), a web address, "---".
func enDashes(t runes) runes {
	rs := t.r
	if !strings.Contains(string(rs), "--") {
		return t
	}
	out := t.next()
	for i := 0; i < len(rs); {
		if rs[i] == ' ' {
			out.copyFrom(&t, i, i+1)
			i++
			continue
		}
		j := i
		frozen := false
		for j < len(rs) && rs[j] != ' ' {
			frozen = frozen || t.frozen(j)
			j++
		}
		w := string(rs[i:j])
		switch {
		case frozen, strings.Contains(w, "://"), strings.Contains(w, "---"), strings.HasPrefix(w, "--") && w != "--":
			out.copyFrom(&t, i, j) // a command-line option (--columns), an address: kept
		case w == "--" && i == 0:
			out.add('—', t.own[i]) // "-- The maintainers": an attribution's em dash
		case w == "--":
			out.add('–', t.own[i])
		default:
			for k := i; k < j; k++ {
				if k+1 < j && rs[k] == '-' && rs[k+1] == '-' && k > i {
					prev, next := rs[k-1], rune(0)
					if k+2 < j {
						next = rs[k+2]
					}
					if unicode.IsDigit(prev) && unicode.IsDigit(next) || next == 0 && unicode.IsLetter(prev) {
						out.add('–', t.own[k])
						k++
						continue
					}
				}
				out.add(rs[k], t.own[k])
			}
		}
		i = j
	}
	return out
}

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
