package article

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"diglot/internal/golden"
)

// wantPair is one entry of a NAME.pairs.json sidecar.
type wantPair struct {
	ZH []string `json:"zh"`
	EN []string `json:"en"`
}

func parseFile(t testing.TB, path string) (*Document, Diagnostics) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Parse(path, src)
}

// TestSidecarPairs checks the pairing of every article with a NAME.pairs.json
// against that file.
func TestSidecarPairs(t *testing.T) {
	sidecars, _ := filepath.Glob("testdata/corpus/*.pairs.json")
	edge, _ := filepath.Glob("testdata/edge/*.pairs.json")
	sidecars = append(sidecars, edge...)
	if len(sidecars) < 30 {
		t.Fatalf("found only %d sidecars", len(sidecars))
	}
	for _, sidecar := range sidecars {
		name := strings.TrimSuffix(sidecar, ".pairs.json")
		t.Run(filepath.Base(name), func(t *testing.T) {
			raw, err := os.ReadFile(sidecar)
			if err != nil {
				t.Fatal(err)
			}
			var want []wantPair
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			doc, diags := parseFile(t, name+".txt")
			if doc == nil {
				t.Fatalf("parse failed: %v", diags)
			}
			got := make([]wantPair, len(doc.Blocks))
			for i, p := range doc.JSON().Pairs {
				got[i] = wantPair{ZH: p.ZH, EN: p.EN}
			}
			if len(got) != len(want) {
				t.Fatalf("got %d pairs, want %d", len(got), len(want))
			}
			for i := range want {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("pair %d:\n got  %q\n want %q", i, got[i], want[i])
				}
			}
		})
	}
}

// TestSeedStructure checks the seed's blocks: 3 paragraphs, the lead-in, 3
// labelled list items, 4 paragraphs.
func TestSeedStructure(t *testing.T) {
	doc, _ := parseFile(t, "testdata/corpus/seed.txt")
	var kinds []string
	for _, b := range doc.Blocks {
		kinds = append(kinds, b.Kind.String())
	}
	want := "paragraph paragraph paragraph paragraph list-item list-item list-item paragraph paragraph paragraph paragraph"
	if got := strings.Join(kinds, " "); got != want {
		t.Fatalf("kinds:\n got  %s\n want %s", got, want)
	}
	labels := []string{doc.Blocks[4].ZH[0].Label, doc.Blocks[4].EN[0].Label, doc.Blocks[6].EN[0].Label}
	if want := []string{"作业解答", "Homework Help", "Pet Sharing"}; !reflect.DeepEqual(labels, want) {
		t.Fatalf("labels %q, want %q", labels, want)
	}
	if doc.Meta.Title != "seed" {
		t.Fatalf("title %q, want the file name", doc.Meta.Title)
	}
}

// TestGolden compares a text dump of each corpus document, cleaned up, with
// testdata/golden/NAME.golden. UPDATE_GOLDEN=1 rewrites the files.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/corpus/*.txt")
	for _, name := range []string{"markdown-headings", "front-matter-yaml", "front-matter-toml", "ascii-punct-in-chinese", "mismatched-3zh-2en", "neutral-lines", "mixed-line", "end-lookalikes", "wrapped-paragraphs"} {
		inputs = append(inputs, "testdata/edge/"+name+".txt")
	}
	seen := map[string]bool{}
	for _, in := range inputs {
		base := strings.TrimSuffix(filepath.Base(in), ".txt")
		goldenPath := filepath.Join("testdata/golden", base+".golden")
		seen[goldenPath] = true
		t.Run(base, func(t *testing.T) {
			doc, diags := parseFile(t, in)
			golden.Check(t, goldenPath, dump(doc, diags))
		})
	}
	all, _ := filepath.Glob("testdata/golden/*.golden")
	for _, g := range all {
		if !seen[g] {
			t.Errorf("%s is read by no test", g)
		}
	}
}

// dump writes a document as text: its metadata, then one block per line
// followed by its cleaned paragraphs, then the diagnostics.
func dump(doc *Document, diags Diagnostics) string {
	var b strings.Builder
	if doc != nil {
		fmt.Fprintf(&b, "title: %s\nlanguage: %s, %s first\n", doc.Title(), doc.Language(), doc.Order)
		m := doc.Meta
		fmt.Fprintf(&b, "meta: author=%q date=%q description=%q source=%q identifier=%q\n", m.Author, m.Date, m.Description, m.Source, m.Identifier)
		for i, blk := range Clean(doc).Blocks {
			fmt.Fprintf(&b, "#%d line %d %s", i+1, blk.Line, blk.Kind)
			if blk.Level > 0 {
				fmt.Fprintf(&b, " %d", blk.Level)
			}
			b.WriteByte('\n')
			for _, side := range []struct {
				lang  string
				paras []Para
			}{{"zh", blk.ZH}, {"en", blk.EN}} {
				for _, p := range side.paras {
					fmt.Fprintf(&b, "  %s", side.lang)
					for _, l := range p.Lines {
						fmt.Fprintf(&b, " %d", l.No)
					}
					if p.Marker != "" {
						fmt.Fprintf(&b, " marker=%q", p.Marker)
					}
					if p.Label != "" {
						fmt.Fprintf(&b, " label=%q", p.Label)
					}
					fmt.Fprintf(&b, " | %s\n", p.Text)
				}
			}
		}
	}
	for _, d := range diags {
		fmt.Fprintf(&b, "%s: %s (line %d)\n", d.Severity, d.Msg, d.Line)
	}
	return b.String()
}

func TestDetectScript(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"「河畔社區圖書館」今日重新開館，館內新增兩千冊兒童讀物。館長說：明年將開設課程。", "zh-Hant"},
		{"河边的社区图书馆今天重新开放，馆内新增了两千册儿童读物。", "zh-Hans"},
		{"制度准则", "zh-Hans"}, // shared characters decide nothing
		{"東", "zh-Hans"},    // too little to go on
	} {
		blocks := []Block{{Pair: Pair{ZH: []Para{{Text: tt.text}}}}}
		if got := detectScript(blocks); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestBylineIsNoHeading: a short pair naming the author (作者：… / By …)
// is a paragraph, not an inferred heading.
func TestBylineIsNoHeading(t *testing.T) {
	doc, diags := Parse("b.txt", []byte("慢网页宣言\nThe Slow Web Manifesto\n作者：Jack Cheng\nBy Jack Cheng\n我们生活在一个被即时信息淹没的时代。\nWe live in an age of instant information.\nEND\n"))
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	if len(doc.Blocks) != 3 || doc.Blocks[0].Kind != Heading || doc.Blocks[1].Kind != Paragraph {
		t.Errorf("blocks: %+v", doc.Blocks)
	}
}
