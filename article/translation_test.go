package article

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// splitArticle writes the two sides of an article's expected pairs as a
// translator keeps them: one file per language, a paragraph a line, blank
// lines between.
func splitArticle(pairs []wantPair) (zh, en []byte) {
	var zb, eb strings.Builder
	for _, p := range pairs {
		for _, l := range p.ZH {
			zb.WriteString(l + "\n\n")
		}
		for _, l := range p.EN {
			eb.WriteString(l + "\n\n")
		}
	}
	return []byte(zb.String()), []byte(eb.String())
}

func readPairs(t *testing.T, path string) []wantPair {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []wantPair
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	return want
}

// TestTwoFiles splits each corpus article into its Chinese and English
// files and aligns them again, in both orders and both formats: the pairs
// must be those of its NAME.pairs.json exactly.
func TestTwoFiles(t *testing.T) {
	sidecars, _ := filepath.Glob("testdata/corpus/*.pairs.json")
	if len(sidecars) < 6 {
		t.Fatalf("found only %d sidecars", len(sidecars))
	}
	for _, sidecar := range sidecars {
		want := readPairs(t, sidecar)
		zh, en := splitArticle(want)
		name := filepath.Base(strings.TrimSuffix(sidecar, ".pairs.json"))
		for _, formats := range [][2]Format{{PlainText, PlainText}, {Markdown, Markdown}, {PlainText, Markdown}} {
			for _, zhFirst := range []bool{true, false} {
				t.Run(fmt.Sprintf("%s/%v/zh-first=%v", name, formats, zhFirst), func(t *testing.T) {
					a, b := Source{"zh", zh, formats[0]}, Source{"en", en, formats[1]}
					if !zhFirst {
						a, b = b, a
					}
					doc, diags := ParseTranslation(a, b)
					if doc == nil {
						t.Fatalf("parse failed: %v", diags)
					}
					if want := map[bool]Lang{true: Chinese, false: English}[zhFirst]; doc.Order != want {
						t.Errorf("order %v, want %v", doc.Order, want)
					}
					comparePairs(t, doc, want)
					for _, blk := range doc.Blocks {
						for _, p := range append(blk.ZH, blk.EN...) {
							if textOf(p.Inlines) != p.Text || p.Text == "" {
								t.Fatalf("line %d: text %q, inlines %q", p.Lines[0].No, p.Text, textOf(p.Inlines))
							}
						}
					}
				})
			}
		}
	}
}

// comparePairs reports where a document's pairs differ from the expected.
func comparePairs(t *testing.T, doc *Document, want []wantPair) {
	t.Helper()
	got := doc.JSON().Pairs
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w wantPair
		if i < len(got) {
			g = wantPair{ZH: got[i].ZH, EN: got[i].EN}
		}
		if i < len(want) {
			w = want[i]
		}
		if fmt.Sprint(g) != fmt.Sprint(w) {
			t.Fatalf("pair %d of %d (want %d):\n got  %q\n want %q", i+1, len(got), len(want), g, w)
		}
	}
}

// editTranslation returns the expected pairs after a translator's edit at
// pair k: "drop" leaves its paragraph untranslated, "merge" translates it
// and the next as one paragraph, "split" translates it as two (at a
// sentence end past its first third). ok is false when the edit does not
// apply there.
func editTranslation(pairs []wantPair, edit string, k int) (edited []wantPair, ok bool) {
	edited = slices.Clone(pairs)
	en := pairs[k].EN[0]
	switch edit {
	case "drop":
		edited[k] = wantPair{ZH: pairs[k].ZH, EN: []string{}}
	case "merge":
		edited[k] = wantPair{ZH: append(slices.Clone(pairs[k].ZH), pairs[k+1].ZH...), EN: []string{en + " " + pairs[k+1].EN[0]}}
		edited = slices.Delete(edited, k+1, k+2)
	case "split":
		i := strings.Index(en[len(en)/3:], ". ")
		if i < 0 {
			return nil, false
		}
		i += len(en) / 3
		edited[k] = wantPair{ZH: pairs[k].ZH, EN: []string{en[:i+1], en[i+2:]}}
	}
	return edited, true
}

// TestTwoFilesEdited aligns the corpus articles' two files after a
// translator's edit (a paragraph left untranslated, two translated as one,
// one as two) at a quarter, half and three quarters of the way in, at a
// one-to-one pair with a paragraph-long English side. Lengths and
// anchors cannot place every untranslated paragraph; the test holds the
// aligner to what it reached when written (41 of 44), so that a change
// that loses one fails.
func TestTwoFilesEdited(t *testing.T) {
	sidecars, _ := filepath.Glob("testdata/corpus/*.pairs.json")
	exact, total := 0, 0
	var missed []string
	for _, sidecar := range sidecars {
		pairs := readPairs(t, sidecar)
		name := filepath.Base(strings.TrimSuffix(sidecar, ".pairs.json"))
		for _, edit := range []string{"drop", "merge", "split"} {
			for _, at := range []float64{0.25, 0.5, 0.75} {
				k := int(at * float64(len(pairs)))
				for k < len(pairs)-2 && !(editable(pairs[k]) && (edit != "merge" || editable(pairs[k+1]))) {
					k++
				}
				want, ok := editTranslation(pairs, edit, k)
				if !ok {
					continue
				}
				zh, en := splitArticle(want)
				doc, diags := ParseTranslation(Source{"zh.txt", zh, PlainText}, Source{"en.txt", en, PlainText})
				if doc == nil {
					t.Fatalf("%s: %v", name, diags)
				}
				total++
				if samePairs(doc, want) {
					exact++
				} else {
					missed = append(missed, fmt.Sprintf("%s %s at pair %d", name, edit, k+1))
				}
			}
		}
	}
	t.Logf("%d of %d edited translations aligned exactly; missed: %s", exact, total, strings.Join(missed, "; "))
	if total < 40 || exact < 41 {
		t.Errorf("%d of %d edited translations aligned exactly, want at least 41 of 44; missed: %s", exact, total, strings.Join(missed, "; "))
	}
}

// editable reports whether a pair is one paragraph to one, with an English
// side of a paragraph's length.
func editable(p wantPair) bool {
	return len(p.ZH) == 1 && len(p.EN) == 1 && len(p.EN[0]) >= 80
}

func samePairs(doc *Document, want []wantPair) bool {
	got := doc.JSON().Pairs
	if len(got) != len(want) {
		return false
	}
	for i, p := range got {
		if !slices.Equal(p.ZH, want[i].ZH) || !slices.Equal(p.EN, want[i].EN) {
			return false
		}
	}
	return true
}

func TestTwoFilesMetaAndLines(t *testing.T) {
	en := Source{"en.md", []byte("---\ntitle: Moving House\nauthor: A. Writer\ndate: 2025-01-02\n---\n\nWe moved in 2024.\n\nThe new flat has 3 rooms.\n"), Markdown}
	zh := Source{"zh.md", []byte("---\ntitle: 搬家\n---\n\n我们在 2024 年搬了家。\n\n新公寓有三个房间。\n"), Markdown}
	doc, diags := ParseTranslation(en, zh)
	if doc == nil {
		t.Fatal(diags)
	}
	if doc.Meta.Title != "搬家" || doc.Meta.TitleEN != "Moving House" || doc.Meta.Author != "A. Writer" || doc.Meta.Date != "2025-01-02" {
		t.Errorf("meta %+v", doc.Meta)
	}
	if doc.Order != English || doc.Translation != "zh.md" {
		t.Errorf("order %v, translation %q", doc.Order, doc.Translation)
	}
	pairs := doc.JSON().Pairs
	if len(pairs) != 2 {
		t.Fatalf("%d pairs: %+v", len(pairs), pairs)
	}
	// each side's line is in its own file; the pair's line is the original's
	if p := pairs[1]; p.ENLine != 9 || p.ZHLine != 7 || p.Line != 9 {
		t.Errorf("lines en %d zh %d pair %d, want 9, 7, 9", p.ENLine, p.ZHLine, p.Line)
	}
	for _, d := range diags {
		if strings.Contains(d.Msg, "END") {
			t.Errorf("two files need no END: %v", d)
		}
	}
}

func TestTwoFilesOneLanguage(t *testing.T) {
	a := Source{"a.txt", []byte("第一段。\n\n第二段。\n"), PlainText}
	b := Source{"b.txt", []byte("另一段。\n"), PlainText}
	doc, diags := ParseTranslation(a, b)
	if doc != nil || !diags.HasErrors() {
		t.Fatalf("two Chinese files accepted: %v", diags)
	}
	if d := diags[len(diags)-1]; d.File != "b.txt" || !strings.Contains(d.Msg, "same language") {
		t.Errorf("error %v", d)
	}
}

// TestNeutralHeadingStandsAlone: a heading with no letters (a changelog's
// "## [1.4.0] - 2025-11-02", the same in both files) is a pair of its own,
// not a second paragraph of the list item before it.
func TestNeutralHeadingStandsAlone(t *testing.T) {
	en := Source{"en.md", []byte("## Unreleased\n\n- Two files are read.\n- Review prints pairs.\n\n## [1.4.0] - 2025-11-02\n\n- Markdown input.\n"), Markdown}
	zh := Source{"zh.md", []byte("## 未发布\n\n- 支持读取两个文件。\n- 会列出段落对。\n\n## [1.4.0] - 2025-11-02\n\n- Markdown 输入。\n"), Markdown}
	_, got := pairShapes(t, en, zh)
	want := "heading 1+1|list-item 1+1|list-item 1+1|heading 1+1|list-item 1+1"
	if strings.Join(got, "|") != want {
		t.Errorf("pairs %v, want %s", got, want)
	}
}

// TestREADMETitle: a README's <h1 align="center"> under its logo is a
// heading, and it titles the document.
func TestREADMETitle(t *testing.T) {
	en := Source{"README.md", []byte("<p align=\"center\">\n  <img src=\"logo.png\" alt=\"tidy logo\">\n</p>\n\n<h1 align=\"center\">tidy</h1>\n\nA fast, friendly formatter.\n"), Markdown}
	zh := Source{"README.zh-CN.md", []byte("<p align=\"center\">\n  <img src=\"logo.png\" alt=\"tidy 标志\">\n</p>\n\n<h1 align=\"center\">tidy</h1>\n\n一个快速、友好的格式化工具。\n"), Markdown}
	doc, diags := ParseTranslation(en, zh)
	if doc == nil {
		t.Fatal(diags)
	}
	if doc.Meta.Title != "tidy" || doc.Meta.TitleEN != "tidy" || doc.TitleFrom != TitleHeading {
		t.Errorf("title %q / %q from %v", doc.Meta.Title, doc.Meta.TitleEN, doc.TitleFrom)
	}
	if len(doc.Blocks) != 3 || doc.Blocks[1].Kind != Heading || doc.Blocks[1].Level != 1 {
		t.Errorf("blocks %+v", doc.Blocks)
	}
	for _, d := range diags {
		if strings.Contains(d.Msg, "no title") {
			t.Errorf("warned: %v", d)
		}
	}
}

// TestPlainListWrapped: in plain text, a list item's hard-wrapped lines,
// indented under its text, belong to it (Chinese joined without a space);
// a sign-off opening with a dash is no heading.
func TestPlainListWrapped(t *testing.T) {
	en := Source{"orig.txt", []byte("Please read this.\n\n1. Open an issue first: someone may\n   already be working on it.\n2. Keep a change small.\n\n-- The maintainers\n"), PlainText}
	zh := Source{"trans.txt", []byte("请读完这封信。\n\n1. 先开一个 issue：也许已经有人\n   在做了。\n2. 让改动保持小巧。\n\n——维护者们\n"), PlainText}
	doc, got := pairShapes(t, en, zh)
	if want := "paragraph 1+1|list-item 1+1|list-item 1+1|paragraph 1+1"; strings.Join(got, "|") != want {
		t.Fatalf("pairs %v, want %s", got, want)
	}
	if zh, en := doc.Blocks[1].ZH[0].Text, doc.Blocks[1].EN[0].Text; zh != "先开一个 issue：也许已经有人在做了。" || en != "Open an issue first: someone may already be working on it." {
		t.Errorf("wrapped items %q / %q", zh, en)
	}
}

// pairShapes parses two files and gives each pair's kind and its sides'
// paragraph counts ("list-item 1+2").
func pairShapes(t *testing.T, en, zh Source) (*Document, []string) {
	t.Helper()
	doc, diags := ParseTranslation(en, zh)
	if doc == nil {
		t.Fatal(diags)
	}
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, fmt.Sprintf("%v %d+%d", b.Kind, len(b.ZH), len(b.EN)))
	}
	return doc, got
}

// TestLatinTitleOfTheChineseFile: a Chinese file's front matter title in
// Latin letters (Kubernetes' title: Pod) is the Chinese title, beside the
// English file's own.
func TestLatinTitleOfTheChineseFile(t *testing.T) {
	doc, diags := ParseTranslation(Source{Name: "en.md", Data: []byte("---\ntitle: Pods\n---\nPods are the smallest units.\n"), Format: Markdown},
		Source{Name: "zh.md", Data: []byte("---\ntitle: Pod\n---\nPod 是最小的单元。\n"), Format: Markdown})
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	if doc.Meta.Title != "Pod" || doc.Meta.TitleEN != "Pods" {
		t.Errorf("titles %q / %q", doc.Meta.Title, doc.Meta.TitleEN)
	}
}
