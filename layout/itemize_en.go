package layout

import (
	"strings"

	"diglot/layout/linebreak"
)

// itemizeEnglish turns English text into items: a box per word (split after
// the hyphens of compounds and after dashes), justifiable interword glue.
func (z *itemizer) itemizeEnglish(spans []span) paragraph {
	toks := tokenizeWords(spans)
	for i, t := range toks {
		if i > 0 {
			sp := z.measure(" ", t.bold)[0].width
			z.add(linebreak.Item{Kind: linebreak.Glue, Width: sp, Stretch: sp / 2, Shrink: sp / 3})
		}
		parts := splitCompound(t.text)
		for k, part := range parts {
			z.word(token{text: part, bold: t.bold})
			if k < len(parts)-1 {
				z.add(linebreak.Item{Kind: linebreak.Penalty, Penalty: penaltyAfterHyphen, Flagged: true})
			}
		}
	}
	return z.finish()
}

// tokenizeWords splits spans into words at spaces (a no-break space stays
// inside its word).
func tokenizeWords(spans []span) []token {
	var toks []token
	for _, sp := range spans {
		for _, w := range strings.FieldsFunc(sp.text, func(r rune) bool { return r == ' ' || r == '\t' }) {
			toks = append(toks, token{text: w, bold: sp.bold})
		}
	}
	return toks
}

// splitCompound cuts a word after each hyphen or dash that has letters on
// both sides.
func splitCompound(w string) []string {
	rs := []rune(w)
	var parts []string
	start := 0
	for i := 1; i+1 < len(rs); i++ {
		if strings.ContainsRune("-–—", rs[i]) && rs[i+1] != '-' && rs[i-1] != '-' {
			parts = append(parts, string(rs[start:i+1]))
			start = i + 1
		}
	}
	return append(parts, string(rs[start:]))
}
