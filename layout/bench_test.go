package layout

import (
	"os"
	"testing"

	"diglot/article"
	"diglot/fonts"
)

func benchmarkTypeset(b *testing.B, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	doc, diags := article.Parse(path, src)
	if doc == nil {
		b.Fatal(diags)
	}
	doc = article.Clean(doc)
	set := fonts.NewSet()
	if _, err := Typeset(doc, set, DefaultSpec(A4)); err != nil { // fonts parsed outside the loop
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Typeset(doc, set, DefaultSpec(A4)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTypesetSeed measures itemizing, breaking both columns and
// paginating the seed.
func BenchmarkTypesetSeed(b *testing.B) { benchmarkTypeset(b, "../testdata/seed.txt") }

// BenchmarkTypesetLarge does the same for the 2 MB, 3,218-pair article.
func BenchmarkTypesetLarge(b *testing.B) {
	benchmarkTypeset(b, "../article/testdata/edge/large-2mb.txt")
}
