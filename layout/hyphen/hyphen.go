// Package hyphen finds where an English word may be hyphenated, with
// Liang's algorithm (github.com/speedata/hyphenation) and Knuth's US English
// patterns (hyphen.tex, embedded unmodified; see README.md).
package hyphen

import (
	_ "embed"
	"errors"
	"strings"
	"sync"
	"unicode"

	"github.com/speedata/hyphenation"
)

//go:embed hyphen.tex
var patternFile string

// The fewest letters kept before and after a hyphen (typesetting.md §2).
const (
	MinBefore = 2
	MinAfter  = 3
)

// MaxWord is the longest word hyphenated: the longest English words have
// about 45 letters, and the pattern search grows with the square of the
// length, so a longer run of letters (an identifier, junk) breaks by
// emergency instead.
const MaxWord = 64

// Hyphenator finds hyphenation points. It is immutable and safe for
// concurrent use.
type Hyphenator struct {
	lang       *hyphenation.Lang
	exceptions map[string][]int
}

// English returns the US English hyphenator, built on first use.
var English = sync.OnceValues(func() (*Hyphenator, error) { return parse(patternFile) })

// parse reads a TeX pattern file: \patterns{...} and \hyphenation{...}
// (the exception words, hyphens marking the points), % comments ignored.
func parse(tex string) (*Hyphenator, error) {
	var clean strings.Builder
	for _, line := range strings.Split(tex, "\n") {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		clean.WriteString(line + "\n")
	}
	text := clean.String()
	patterns, ok := group(text, `\patterns{`)
	if !ok {
		return nil, errors.New("hyphenation patterns: no \\patterns{...}")
	}
	lang, err := hyphenation.New(strings.NewReader(patterns))
	if err != nil {
		return nil, err
	}
	h := &Hyphenator{lang: lang, exceptions: map[string][]int{}}
	if words, ok := group(text, `\hyphenation{`); ok {
		for _, w := range strings.Fields(words) {
			var points []int
			n := 0
			for _, r := range w {
				if r == '-' {
					points = append(points, n)
					continue
				}
				n++
			}
			h.exceptions[strings.ReplaceAll(w, "-", "")] = points
		}
	}
	return h, nil
}

// group returns the text between open and the next closing brace.
func group(text, open string) (string, bool) {
	i := strings.Index(text, open)
	if i < 0 {
		return "", false
	}
	rest := text[i+len(open):]
	j := strings.IndexByte(rest, '}')
	if j < 0 {
		return "", false
	}
	return rest[:j], true
}

// Points returns the rune offsets inside word where a hyphen may go, at
// least MinBefore letters from its start and MinAfter from its end. A word
// that is not all letters (a number, a code, a word with an apostrophe) or
// longer than MaxWord gets none.
func (h *Hyphenator) Points(word string) []int {
	n := 0
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return nil
		}
		n++
	}
	if n < MinBefore+MinAfter || n > MaxWord {
		return nil
	}
	lower := strings.ToLower(word)
	if p, ok := h.exceptions[lower]; ok {
		return filter(p, n)
	}
	return filter(h.lang.Hyphenate(lower), n)
}

func filter(points []int, n int) []int {
	var out []int
	for _, p := range points {
		if p >= MinBefore && p <= n-MinAfter {
			out = append(out, p)
		}
	}
	return out
}
