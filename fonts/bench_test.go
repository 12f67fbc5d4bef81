package fonts

import "testing"

// BenchmarkParseCJK measures reading the 15 MB Noto Serif SC face: what a
// process pays once per face it uses.
func BenchmarkParseCJK(b *testing.B) {
	data := builtin[CJKRegular].data
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("cjk", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSubsetCJK subsets Noto Serif SC to about 360 characters, the
// size of the seed's Chinese.
func BenchmarkSubsetCJK(b *testing.B) {
	face, err := NewSet().Face(CJKRegular)
	if err != nil {
		b.Fatal(err)
	}
	var runes []rune
	for r := rune(0x4E00); len(runes) < 360; r += 37 {
		runes = append(runes, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := face.Subset(runes, SubsetOptions{Family: "X"}); err != nil {
			b.Fatal(err)
		}
	}
}
