package article

import (
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
