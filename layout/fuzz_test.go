package layout

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"diglot/fonts"
	"diglot/layout/hyphen"
)

// FuzzSetParagraph itemizes and breaks arbitrary text as Chinese and as
// English with the real fonts: it must never panic, never lose or invent a
// character (spaces and the hyphens of broken words aside), and never set
// a line past the column (a closing mark may hang half an em).
func FuzzSetParagraph(f *testing.F) {
	for _, s := range []string{
		"随着TikTok在美国面临禁令，大量美国用户开始寻找替代平台。",
		"The quick brown fox jumps over the lazy dog, unbreakable-ish.",
		"“““《《《（（（开始」」」。。。",
		"https://example.org/a/very/long/path?with=query&and=more#top",
		"葛\U000E0100 e\u0301 👨\u200d👩 \u3000 tab\there",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	chain, err := newFaceChain(fonts.NewSet(), false)
	if err != nil {
		f.Fatal(err)
	}
	h, err := hyphen.English()
	if err != nil {
		f.Fatal(err)
	}
	const width = 150 * Pt
	f.Fuzz(func(t *testing.T, text string, chinese bool) {
		if len(text) > 2000 || !isValidText(text) {
			return
		}
		z := &itemizer{faces: chain, hyph: newHyphenCache(h), size: 10 * Pt, lang: langEN, column: width}
		var p paragraph
		if chinese {
			z.lang = langZH
			p = z.itemizeChinese([]span{{text: text}})
		} else {
			p = z.itemizeEnglish([]span{{text: text}})
		}
		lines := setLines(p, width, enParams)
		var got strings.Builder
		for _, ln := range lines {
			for _, r := range ln.runs {
				got.WriteString(r.Text)
				if r.X > width {
					t.Fatalf("a run starts at %d, past the column (%d): %q", r.X, width, r.Text)
				}
				if right := r.X + runWidth(chain, r); right > width+5*Pt {
					t.Fatalf("a run ends at %d, past the column (%d) by more than a hanging mark: %q", right, width, r.Text)
				}
			}
		}
		if a, b := comparable(text), comparable(got.String()); a != b {
			t.Fatalf("text changed:\n in  %q\n out %q", a, b)
		}
	})
}

// comparable drops what setting a paragraph may change: spaces, hyphens.
func comparable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return r
	}, s)
}

// isValidText keeps inputs an article could hold after parsing: valid
// UTF-8 without control characters, in NFC (layout composes it).
func isValidText(s string) bool {
	if !norm.NFC.IsNormalString(s) {
		return false
	}
	for _, r := range s {
		if r == unicode.ReplacementChar || unicode.IsControl(r) && r != '\t' {
			return false
		}
	}
	return true
}
