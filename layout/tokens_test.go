package layout

import (
	"strings"
	"testing"

	"diglot/article"
	"diglot/layout/hyphen"
)

func TestClassifyToken(t *testing.T) {
	tests := []struct {
		in   string
		want tokenKind
	}{
		{"https://example.org/a", addressToken},
		{"www.example.org", addressToken},
		{"config/routes.rb/x", addressToken},
		{"vinta/paranoid-auto-spacing", addressToken},
		{"someone@example.org", addressToken},
		{"and/or", wordToken},
		{"TikTok", wordToken},
		{"JavaScript", wordToken},
		{"pneumonoultramicroscopicsilicovolcanoconiosis", wordToken},
		{"socio-economic", wordToken},
		{"2,000", wordToken},
		{"v1.2.3", wordToken},
		{"ReaderSessionFactoryConfiguration", codeToken},
		{"snake_case_name", codeToken},
		{"3f9a1c7be20d4e5f86a7b9c0d1e2f3a4b5c6d7e8.", codeToken},
	}
	for _, tt := range tests {
		if got := classifyToken(tt.in); got != tt.want {
			t.Errorf("classifyToken(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// pieces shows where tokenBreaks lets s break, as "a|b·c": "|" at a
// separator, "·" where any character may break (at a higher cost).
func breakPieces(s string, lang langKind) string {
	rs := []rune(s)
	var out strings.Builder
	from := 0
	for _, b := range tokenBreaks(s, classifyToken(s), lang) {
		mark := "|"
		if b.penalty == penaltyAnyChar {
			mark = "·"
		}
		out.WriteString(string(rs[from:b.at]) + mark)
		from = b.at
	}
	out.WriteString(string(rs[from:]))
	return out.String()
}

func TestTokenBreaks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		lang langKind
		want string
	}{
		{"URL in English: Chicago's points", "https://example.org/a-b?x=1&y=2#top.", langEN,
			"https://|exa·m·ple.|org|/a|-b|?x|=|1|&|y|=|2|#top."},
		{"URL: a long word of an address breaks inside, its scheme never", "https://www.contributor-covenant.org/version/2", langEN,
			"https://|www.|con·t·r·i·b·u·tor|-cov·e·n·ant.|org|/ver·s·ion|/2"},
		{"URL in Chinese: no line starts with a dot or ends with a slash", "https://example.org/a-b?x=1#top", langZH,
			"https://exa·m·ple.|org|/a|-b?|x|=|1|#top"},
		{"e-mail address", "someone@example.org", langEN, "someone|@exa·m·ple.|org"},
		{"e-mail address with a hyphen", "khmer-project@idyll.org", langEN, "khmer-project|@idyll.|org"},
		{"camelCase identifier", "ReaderSessionFactoryConfiguration", langEN, "Reader|Session|Factory|Configuration"},
		{"snake_case identifier", "read_session_factory_config", langEN, "read|_session|_factory|_config"},
		{"hash: any character of a long run", "3f9a1c7be20d4e5f86.", langEN,
			"3·f·9·a·1·c·7·b·e·2·0·d·4·e·5·f·8·6."},
		{"short path runs whole", "a/b/c", langEN, "a|/b|/c"},
		{"dotted identifier: after the dot, no line starts with one", "os.path.join", langEN, "os.|path.|join"},
		{"dotted identifier in Chinese", "os.path.join", langZH, "os.|path.|join"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := breakPieces(tt.in, tt.lang); got != tt.want {
				t.Errorf("breaks of %q:\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

// TestLongTokensBreakWithoutHyphen sets an identifier and a URL far longer
// than a narrow column in both languages: every line fits, no line ends in
// a hyphen the text does not have, and the characters come out in order.
func TestLongTokensBreakWithoutHyphen(t *testing.T) {
	tokens := []string{
		"ReaderSessionFactoryConfigurationProviderImplementationBuilderWithoutAnySpacesOrHyphens",
		"https://example.org/library/events/2025/reopening/photos/gallery?album=children&sort=newest",
		"3f9a1c7be20d4e5f86a7b9c0d1e2f3a4b5c6d7e8",
	}
	for _, tok := range tokens {
		for _, lang := range []langKind{langEN, langZH} {
			z := &itemizer{faces: mustChain(t), size: 10 * Pt, lang: lang, column: 120 * Pt}
			var p paragraph
			if lang == langZH {
				p = z.itemizeChinese([]span{{text: "见" + tok + "。"}})
			} else {
				p = z.itemizeEnglish([]span{{text: "see " + tok + "."}})
			}
			lines := setLines(p, 120*Pt, zhParams)
			if len(lines) < 2 {
				t.Fatalf("%q in %d lines", tok, len(lines))
			}
			var all strings.Builder
			for i, ln := range lines {
				var text strings.Builder
				for _, r := range ln.runs {
					text.WriteString(r.Text)
				}
				s := text.String()
				if ln.width > 120*Pt {
					t.Errorf("lang %d: line %d %q is %d wide, more than the column", lang, i, s, ln.width)
				}
				if strings.HasSuffix(s, "-") {
					t.Errorf("lang %d: line %d %q ends in an added hyphen", lang, i, s)
				}
				all.WriteString(s)
			}
			if got := strings.ReplaceAll(all.String(), " ", ""); !strings.Contains(got, tok) {
				t.Errorf("lang %d: the lines %q do not hold %q", lang, got, tok)
			}
		}
	}
}

func TestSplitCompound(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"socio-economic", "socio-|economic"},
		{"one-on-one", "one-|on-|one"},
		{"e-mail", "e-mail"}, // one letter before the hyphen
		{"1.0.0-x-y-z.--.", "1.0.0-|x-y-z.--."},
		{"merged—adding", "merged—|adding"},
		{"well--known", "well--known"},
	} {
		if got := strings.Join(splitCompound(tt.in), "|"); got != tt.want {
			t.Errorf("splitCompound(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestURLDoesNotLoosenTheLinesBeforeIt sets a sentence that ends in a long
// URL, in both languages and at several widths: the URL's words may break
// inside (leaving three letters each side), and a line the URL fills alone
// is rated by its shortfall, so no justified line before it is stretched
// far past the breaker's tolerance (05-contributor-covenant's attribution:
// a line ended at "https://www." with spaces of 1.09 em, a glue ratio of
// 7). A line holding two spaces and the URL's start may still stretch a
// little past it, where the next piece of the URL does not fit.
func TestURLDoesNotLoosenTheLinesBeforeIt(t *testing.T) {
	const url = "https://www.example-foundation.org/guides/version/3/2/style_guide.html"
	h, err := hyphen.English()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []langKind{langEN, langZH} {
		for _, em := range []int{15, 17, 19, 21, 23, 25, 27} {
			column := em * 10 * Pt
			z := &itemizer{faces: mustChain(t), hyph: newHyphenCache(h), size: 10 * Pt, lang: lang, column: column}
			var p paragraph
			params := enParams
			if lang == langZH {
				p = z.itemizeChinese([]span{{text: "本指南参考了基金会发布的写作规范第三版，详见 " + url + "。"}})
				params = zhParams
			} else {
				p = z.itemizeEnglish([]span{{text: "This guide is adapted from the foundation's handbook for writers, version 3.2, which is available at " + url + "."}})
			}
			for i, ln := range setLines(p, column, params) {
				if ln.glueRatio > params.Tolerance+1.5 {
					var text strings.Builder
					for _, r := range ln.runs {
						text.WriteString(r.Text)
					}
					t.Errorf("lang %d, %d em: line %d %q is loose (glue ratio %.2f)", lang, em, i, text.String(), ln.glueRatio)
				}
			}
		}
	}
}

// TestCodeSpanBreaksAsIdentifier: code in running text breaks as an
// identifier does (after a dot, before a camelCase part), in either
// language, and never takes a hyphen.
func TestCodeSpanBreaksAsIdentifier(t *testing.T) {
	for _, lang := range []langKind{langZH, langEN} {
		z := &itemizer{faces: mustChain(t), size: 10 * Pt, lang: lang, column: 170 * Pt}
		var p paragraph
		if lang == langZH {
			p = z.itemizeChinese([]span{{text: "禁止对象被删除，直到其 "}, {text: "metadata.finalizers", style: article.Code}, {text: " 字段为空。"}})
		} else {
			p = z.itemizeEnglish([]span{{text: "Prevents the object from being removed until "}, {text: "metadata.finalizers", style: article.Code}, {text: " is empty."}})
		}
		var texts []string
		for _, ln := range setLines(p, 170*Pt, zhParams) {
			var b strings.Builder
			for _, r := range ln.runs {
				b.WriteString(r.Text)
			}
			texts = append(texts, b.String())
		}
		broken := false
		for k, s := range texts {
			if strings.HasSuffix(s, "-") {
				t.Errorf("lang %d: line %q ends in a hyphen", lang, s)
			}
			broken = broken || k+1 < len(texts) && strings.HasSuffix(s, "metadata.") && strings.HasPrefix(texts[k+1], "finalizers")
		}
		if !broken {
			t.Errorf("lang %d: lines %q, want a break after metadata.", lang, texts)
		}
	}
}
