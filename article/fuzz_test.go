package article

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, and that every non-blank line of
// an article without front matter, up to its END marker, lands in exactly one
// block, or the parse fails with an error.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/edge/*.txt")
	corpus, _ := filepath.Glob("testdata/corpus/seed.txt")
	for _, name := range append(seeds, corpus...) {
		if strings.Contains(name, "large") || strings.Contains(name, "long") {
			continue
		}
		src, err := os.ReadFile(name)
		if err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, diags := Parse("fuzz.txt", src)
		if doc == nil {
			if !diags.HasErrors() {
				t.Fatalf("no document and no error")
			}
			return
		}
		seen := map[int]int{}
		for _, b := range doc.Blocks {
			if len(b.ZH)+len(b.EN) == 0 {
				t.Fatalf("empty block at line %d", b.Line)
			}
			for _, side := range [][]Para{b.ZH, b.EN} {
				for _, p := range side {
					for _, l := range p.Lines {
						seen[l.No]++
					}
				}
			}
		}
		for no, n := range seen {
			if n != 1 {
				t.Fatalf("line %d appears %d times", no, n)
			}
		}
		for no, line := range bodyLines(src) {
			if seen[no] != 1 {
				t.Fatalf("line %d (%q) was lost", no, line)
			}
		}
	})
}

// bodyLines returns the non-blank lines before the END marker, by number,
// for input without front matter; nil otherwise.
func bodyLines(src []byte) map[int]string {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	text := strings.ReplaceAll(strings.ReplaceAll(string(src), "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(text, "\n")
	out := map[int]string{}
	for i, l := range lines {
		t := trimSpace(l)
		if t == "---" || t == "+++" {
			if len(out) == 0 {
				return nil // front matter: not checked here
			}
		}
		if t == EndMarker && !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "\t") && trimSpace(l) == strings.TrimRightFunc(l, func(r rune) bool { return r == ' ' || r == '\t' }) {
			break
		}
		if t != "" {
			out[i+1] = t
		}
	}
	return out
}
