package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/golden"
	"diglot/layout/hyphen"
)

// TestSeedLineBreaks compares the seed's lines, column by column, with
// testdata/golden/seed.lines (UPDATE_GOLDEN=1 rewrites it). A change to
// the breakers, the fonts or the spacing shows up here line by line.
func TestSeedLineBreaks(t *testing.T) {
	src, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, diags := article.Parse("seed.txt", src)
	if doc == nil {
		t.Fatal(diags)
	}
	doc = article.Clean(doc)
	chain, err := newFaceChain(fonts.NewSet())
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
				end := 0
				for _, run := range ln.runs {
					if run.X > end+Pt/2 && text.Len() > 0 && c.name == "en" {
						text.WriteByte(' ') // interword glue
					}
					text.WriteString(run.Text)
					end = run.X + runWidth(chain, run)
				}
				fmt.Fprintf(&out, "%s | %s\n", c.name, text.String())
			}
		}
	}
	golden.Check(t, filepath.Join("testdata", "golden", "seed.lines"), out.String())
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
