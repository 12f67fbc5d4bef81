package article

import (
	"fmt"
	"strings"
	"testing"
)

const body = "中文段落。\nAn English paragraph.\n"

func TestFrontMatterBounds(t *testing.T) {
	var long strings.Builder
	long.WriteString("---\ntitle: 长 / Long\n")
	for i := range 300 {
		fmt.Fprintf(&long, "note%d: x\n", i)
	}
	long.WriteString("---\n" + body)
	for _, tt := range []struct {
		name, src, err string // err "" means it builds
	}{
		{"300 lines of YAML", long.String(), ""},
		{"deep TOML", "+++\nx = " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n+++\n" + body, "nests arrays or tables more than"},
		{"TOML within depth", "+++\nx = [[1], [2]]\ntitle = \"t\"\n+++\n" + body, ""},
		{"huge front matter", "---\n" + strings.Repeat("a: b\n", 20000) + "---\n" + body, "longer than 64 KiB"},
	} {
		doc, diags := Parse("x.txt", []byte(tt.src))
		msg := fmt.Sprint(diags)
		switch {
		case tt.err == "" && doc == nil:
			t.Errorf("%s: refused: %s", tt.name, msg)
		case tt.err != "" && (doc != nil || !strings.Contains(msg, tt.err)):
			t.Errorf("%s: %v, want an error with %q", tt.name, msg, tt.err)
		}
	}
}

func TestUnwritableDropped(t *testing.T) {
	src := "---\ntitle: \"标题\\x01 / Ti\\x1btle\"\n---\n中文\x0c段落\uFFFE。\nAn \x01English\u0085 paragraph\uFFFF.\n"
	doc, diags := Parse("x\x1b.txt", []byte(src))
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	all := doc.Meta.Title + doc.Meta.TitleEN + doc.Name
	for _, b := range doc.Blocks {
		for _, p := range append(b.ZH, b.EN...) {
			all += p.Text
		}
	}
	if strings.ContainsFunc(all, Unwritable) {
		t.Errorf("unwritable characters kept: %q", all)
	}
	if !strings.Contains(fmt.Sprint(diags), ":4: warning:") || !strings.Contains(fmt.Sprint(diags), ":5: warning:") {
		t.Errorf("no warning naming the lines: %v", diags)
	}
}

func TestLanguageValidated(t *testing.T) {
	for lang, want := range map[string]string{"zh": "zh-Hans", "zh-TW": "zh-Hant", "ZH_hant": "zh-Hant", `zh"><script>alert(1)</script>`: "", "en": "zh-Hans", "fr": ""} {
		doc, diags := Parse("x.txt", []byte("---\nlanguage: '"+lang+"'\n---\n"+body))
		switch {
		case want == "" && doc != nil:
			t.Errorf("language %q accepted as %q", lang, doc.Meta.Language)
		case want != "" && (doc == nil || doc.Meta.Language != want):
			t.Errorf("language %q: %v %v, want %s", lang, doc, diags, want)
		}
	}
}

// One Latin word is English wherever it stands (issue 14): a list of
// one-word items pairs item by item, and lone words after an English
// paragraph join it when they would otherwise face nothing.
func TestLoneLatinWords(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      [][2]int // Chinese and English paragraphs of each pair
	}{
		{"one-word list", "角色：\nRoles:\n- 维护者\n- 缓存\n- Maintainer\n- Caching\nEND\n", [][2]int{{1, 1}, {1, 1}, {1, 1}}},
		{"lone words after English", "还没有结束。\nNot the end yet.\nend\nEnd.\n最后一段。\nThe last paragraph.\nEND\n", [][2]int{{1, 3}, {1, 1}}},
		{"same word twice", "FAQ\nFAQ\n问题在这里。\nThe questions are here.\nEND\n", [][2]int{{1, 1}, {1, 1}}},
	} {
		doc, diags := Parse("x.txt", []byte(tt.src))
		if doc == nil {
			t.Fatalf("%s: %v", tt.name, diags)
		}
		var got [][2]int
		for _, b := range doc.Blocks {
			got = append(got, [2]int{len(b.ZH), len(b.EN)})
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: pairs %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestEnDashes(t *testing.T) {
	for in, want := range map[string]string{
		"pages 10--20":               "pages 10–20",
		"yes -- or no":               "yes – or no",
		"use --columns 1:1":          "use --columns 1:1",
		"see https://x.org/a--b":     "see https://x.org/a--b",
		"a rule ---":                 "a rule ---",
		"the word-- then":            "the word– then",
		"a--b stays (an identifier)": "a--b stays (an identifier)",
	} {
		if got := CleanEnglish(in); got != want {
			t.Errorf("CleanEnglish(%q) = %q, want %q", in, got, want)
		}
	}
}
