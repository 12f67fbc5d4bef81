package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/golden"
	"diglot/layout/hyphen"
)

// TestLineBreaks compares the lines of the seed and of the edge articles
// that stress the breakers (URLs, hashes and long words inside both
// languages; clusters of Chinese punctuation; ASCII punctuation cleaned up
// in Chinese), column by column, with testdata/golden/NAME.lines
// (UPDATE_GOLDEN=1 rewrites them). A change to the breakers, the fonts or
// the spacing shows up here line by line.
func TestLineBreaks(t *testing.T) {
	for _, path := range []string{
		"../testdata/seed.txt",
		"../article/testdata/edge/long-tokens.txt",
		"../article/testdata/edge/clreq-punctuation.txt",
		"../article/testdata/edge/ascii-punct-in-chinese.txt",
	} {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", "golden", name+".lines"), lineDump(t, path))
		})
	}
}

// readArticle parses and cleans the article at path.
func readArticle(t *testing.T, path string) *article.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, diags := article.Parse(filepath.Base(path), src)
	if doc == nil {
		t.Fatal(diags)
	}
	return article.Clean(doc)
}

// lineDump sets every block of the article at path and lists its lines,
// Chinese then English, one per row.
func lineDump(t *testing.T, path string) string {
	doc := readArticle(t, path)
	chain, err := newFaceChain(fonts.NewSet(), false)
	if err != nil {
		t.Fatal(err)
	}
	hyph, err := hyphen.English()
	if err != nil {
		t.Fatal(err)
	}
	spec := DefaultSpec(A4)
	textW := spec.Width - 2*spec.MarginInner
	zhW := balanceColumns(doc, chain, spec, textW)
	enW := textW - spec.Gutter - zhW
	var out strings.Builder
	fmt.Fprintf(&out, "columns: zh %d, en %d (thousandths of a point)\n", zhW, enW)
	for i, b := range doc.Blocks {
		r := setRow(b, chain, newHyphenCache(hyph), spec, zhW, enW)
		fmt.Fprintf(&out, "\n# block %d (%s)\n", i+1, b.Kind)
		for _, c := range []struct {
			name  string
			lines []line
		}{{"zh", r.zh.lines}, {"en", r.en.lines}} {
			for _, ln := range c.lines {
				var text strings.Builder
				for _, run := range ln.runs {
					text.WriteString(run.Text)
					if run.SpaceAfter {
						text.WriteByte(' ') // a word space of the source
					}
				}
				fmt.Fprintf(&out, "%s | %s\n", c.name, strings.TrimRight(text.String(), " "))
			}
		}
	}
	return out.String()
}

// runWidth measures a run as the PDF draws it: with the face of its role,
// a character the face lacks as its .notdef box, or as nothing when it is
// invisible by nature.
func runWidth(chain *faceChain, r Run) int {
	f := chain.faces[r.Role]
	w := 0
	for _, c := range r.Text {
		adv, ok := f.RuneAdvance(c)
		if !ok && fonts.DefaultIgnorable(c) {
			adv = 0
		}
		w += adv * 1000 / f.UnitsPerEm
	}
	return w * r.Size / 1000
}

// TestReusedItemBuffers sets every block of real articles twice: with one
// worker, whose item slices go from paragraph to paragraph (in the
// article's order and backwards, so that short paragraphs follow long
// ones), and with a new worker for each block. The lines must be the same:
// a paragraph's lines keep nothing of the slices the next one reuses.
func TestReusedItemBuffers(t *testing.T) {
	hyph, err := hyphen.English()
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"../testdata/seed.txt",
		"../article/testdata/corpus/01-semver-spec.txt",
		"../testdata/markdown/constructs.md",
	} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			doc := readArticle(t, path)
			chain := mustChain(t)
			spec := DefaultSpec(A4)
			zhW, enW := 200*Pt, 250*Pt
			fresh := make([]row, len(doc.Blocks))
			for i, b := range doc.Blocks {
				fresh[i] = buildRow(b, &worker{chain: chain, hyph: newHyphenCache(hyph)}, spec, zhW, enW, nil, nil)
			}
			shared := &worker{chain: chain, hyph: newHyphenCache(hyph)}
			order := make([]int, 0, 2*len(doc.Blocks))
			for i := range doc.Blocks {
				order = append(order, i)
			}
			for i := range doc.Blocks {
				order = append(order, len(doc.Blocks)-1-i)
			}
			reused := 0
			for _, i := range order {
				r := buildRow(doc.Blocks[i], shared, spec, zhW, enW, nil, nil)
				if cap(shared.items.items) > 0 {
					reused++
				}
				if !reflect.DeepEqual(r.zh.lines, fresh[i].zh.lines) || !reflect.DeepEqual(r.en.lines, fresh[i].en.lines) {
					t.Fatalf("block %d set with reused item slices differs from a fresh setting", i+1)
				}
			}
			if reused == 0 {
				t.Fatal("the worker never kept a paragraph's item slices")
			}
		})
	}
}
