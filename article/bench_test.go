package article

import (
	"encoding/json"
	"os"
	"testing"
)

func benchmarkParse(b *testing.B, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if doc, diags := Parse(path, src); doc == nil {
			b.Fatal(diags)
		}
	}
}

func BenchmarkParseSeed(b *testing.B)  { benchmarkParse(b, "testdata/corpus/seed.txt") }
func BenchmarkParseLarge(b *testing.B) { benchmarkParse(b, "testdata/edge/large-2mb.txt") }

// BenchmarkParseTranslationLarge aligns the 2 MB article kept as two
// files (split by its NAME.pairs.json), by content alone.
func BenchmarkParseTranslationLarge(b *testing.B) {
	raw, err := os.ReadFile("testdata/edge/large-2mb.pairs.json")
	if err != nil {
		b.Fatal(err)
	}
	var pairs []wantPair
	if err := json.Unmarshal(raw, &pairs); err != nil {
		b.Fatal(err)
	}
	zh, en := splitArticle(pairs)
	b.SetBytes(int64(len(zh) + len(en)))
	b.ReportAllocs()
	for b.Loop() {
		doc, diags := ParseTranslation(Source{"zh.txt", zh, PlainText}, Source{"en.txt", en, PlainText})
		if doc == nil {
			b.Fatal(diags)
		}
		if len(doc.Blocks) != len(pairs) {
			b.Fatalf("%d pairs, want %d", len(doc.Blocks), len(pairs))
		}
	}
}
