package linebreak

import (
	"strings"
	"testing"
)

// BenchmarkLines breaks a 1,000-word paragraph with synthetic widths: the
// breaker alone, without fonts or itemizing.
func BenchmarkLines(b *testing.B) {
	text := strings.Repeat("the quick brown fox jumps over a lazy dog while reading in parallel ", 77)
	items := words(text)
	params := Params{Tolerance: 2.5, LinePenalty: 10, FlaggedDemerits: 3000, FitnessDemerits: 100}
	b.ReportAllocs()
	for b.Loop() {
		if len(Lines(items, 3000, params)) == 0 {
			b.Fatal("no lines")
		}
	}
}
