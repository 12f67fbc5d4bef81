package lexicon

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestChars(t *testing.T) {
	tests := []struct {
		word string
		has  string // characters the translations hold ("" for none)
	}{
		{"theorem", "定理"},
		{"FAQ", "問问"},
		{"Weather", "天气"},
		{"answered", "答"}, // inflected forms are looked up by their stem
		{"answers", "答"},
		{"histories", "历史"},
		{"boxes", "箱"},
		{"the", ""}, // no content
		{"sth", ""},
		{"x", ""},
		{"v1.0", ""}, // not a word
		{"zzzzqx", ""},
	}
	for _, tt := range tests {
		got := Chars(tt.word)
		if tt.has == "" {
			if got != "" {
				t.Errorf("Chars(%q) = %q, want none", tt.word, got)
			}
			continue
		}
		for _, r := range tt.has {
			if !strings.ContainsRune(got, r) {
				t.Errorf("Chars(%q) = %q, lacks %q", tt.word, got, r)
			}
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Reports": "report", "report's": "report", "process": "process", "is": "",
		"of": "", "AI": "ai", "naïve": "", "it's": "",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTable checks lexicon.tsv as gen writes it: sorted words in Key's
// form, each with Han characters in code point order, none repeated.
func TestTable(t *testing.T) {
	var words []string
	for line := range strings.Lines(table) {
		line = strings.TrimSuffix(line, "\n")
		if strings.HasPrefix(line, "#") {
			continue
		}
		w, chars, ok := strings.Cut(line, "\t")
		if !ok || Key(w) != w || chars == "" {
			t.Fatalf("bad line %q", line)
		}
		rs := []rune(chars)
		if !slices.IsSorted(rs) || len(slices.Compact(slices.Clone(rs))) != len(rs) || len(rs) > 24 {
			t.Fatalf("%s: characters %q not sorted, repeated or too many", w, chars)
		}
		for _, r := range rs {
			if !unicode.Is(unicode.Han, r) {
				t.Fatalf("%s: %q is not Han", w, r)
			}
		}
		words = append(words, w)
	}
	if len(words) < 20000 || !slices.IsSorted(words) {
		t.Errorf("%d words, sorted %v", len(words), slices.IsSorted(words))
	}
}
