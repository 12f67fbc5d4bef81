package article

import (
	"diglot/internal/allocs"
	"fmt"
	"strings"
	"testing"
)

// unevenArticle returns n Chinese paragraphs and n−1 English ones (the
// last left untranslated), each a numbered sentence, as one alternating
// run of each (one file) or as two files.
func unevenArticle(n int) (oneFile, zh, en []byte) {
	var z, e strings.Builder
	for i := range n {
		fmt.Fprintf(&z, "第 %d 段说明了图书馆的开放时间和借书规则。\n\n", i)
		if i < n-1 {
			fmt.Fprintf(&e, "Paragraph %d explains the library's opening hours and lending rules.\n\n", i)
		}
	}
	one := strings.ReplaceAll(z.String(), "\n\n", "\n") + strings.ReplaceAll(e.String(), "\n\n", "\n") + "END\n"
	return []byte(one), []byte(z.String()), []byte(e.String())
}

// TestAlignmentScalesLinearly aligns 10,000 against 9,999 paragraphs and
// 20,000 against 19,999 (a full table took 104 s and 3.6 GB for the
// latter), as one file and as two: memory must grow with the article,
// about twice for twice the lines, not four times; and the pairs must be
// right (paragraph i with paragraph i, the last alone).
func TestAlignmentScalesLinearly(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("aligns 60,000 paragraphs: run without -short and -race (make test does)")
	}
	for _, twoFiles := range []bool{false, true} {
		var bytes [2]uint64
		for k, n := range []int{10000, 20000} {
			one, zh, en := unevenArticle(n)
			var doc *Document
			var diags Diagnostics
			bytes[k] = allocs.Bytes(func() {
				if twoFiles {
					doc, diags = ParseTranslation(Source{"zh.txt", zh, PlainText}, Source{"en.txt", en, PlainText})
				} else {
					doc, diags = Parse("one.txt", one)
				}
			})
			if doc == nil {
				t.Fatal(diags)
			}
			if len(doc.Blocks) != n {
				t.Fatalf("two files %v, %d paragraphs: %d pairs", twoFiles, n, len(doc.Blocks))
			}
			for i, b := range doc.Blocks {
				if len(b.ZH) != 1 || len(b.EN) != min(1, n-1-i) {
					t.Fatalf("two files %v: pair %d is %d–%d", twoFiles, i+1, len(b.ZH), len(b.EN))
				}
			}
		}
		t.Logf("two files %v: %d MB for 10,000 paragraphs, %d MB for 20,000", twoFiles, bytes[0]>>20, bytes[1]>>20)
		if bytes[1] > bytes[0]*5/2 {
			t.Errorf("two files %v: %d bytes for 10,000 paragraphs, %d for 20,000: more than linear", twoFiles, bytes[0], bytes[1])
		}
	}
}

// TestAlignmentWidensBand leaves a stretch of the English file
// untranslated, longer than the aligner's first band is wide: the search
// must widen around its path and leave exactly that stretch one-sided.
func TestAlignmentWidensBand(t *testing.T) {
	const n, extra, at = 200, 3 * alignBand, 100
	var z, e strings.Builder
	for i := range n {
		fmt.Fprintf(&z, "第 %d 段说明了图书馆的开放时间和借书规则。\n\n", i)
		if i == at {
			for k := range extra {
				fmt.Fprintf(&e, "Note %d: this paragraph was added by the translator and has no original.\n\n", 1000+k)
			}
		}
		fmt.Fprintf(&e, "Paragraph %d explains the library's opening hours and lending rules.\n\n", i)
	}
	doc, diags := ParseTranslation(Source{"zh.txt", []byte(z.String()), PlainText}, Source{"en.txt", []byte(e.String()), PlainText})
	if doc == nil {
		t.Fatal(diags)
	}
	if len(doc.Blocks) != n+extra {
		t.Fatalf("%d pairs, want %d", len(doc.Blocks), n+extra)
	}
	for k, b := range doc.Blocks {
		oneSided := k >= at && k < at+extra
		if oneSided != (len(b.ZH) == 0) || len(b.EN) != 1 {
			t.Fatalf("pair %d is %d–%d", k+1, len(b.ZH), len(b.EN))
		}
	}
}
