// Package lexicon tells which Han characters the Chinese for an English
// word holds, from CC-CEDICT (lexicon.tsv, made by gen; CC BY-SA 4.0, see
// README.md): "theorem" is 定理, "FAQ" 常见问题 or 常問問題. The aligner
// weighs a candidate pair by how many of the English side's words the
// Chinese side holds a character of.
package lexicon

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

//go:embed lexicon.tsv
var table string

// starts are where the table's entries ("word\tcharacters\n", sorted by
// word) start; found once, on first use (a tenth of a millisecond: the
// table is searched where it lies).
var starts = sync.OnceValue(func() []int32 {
	out := make([]int32, 0, 1<<15)
	for at := 0; at < len(table); {
		end := strings.IndexByte(table[at:], '\n')
		if end < 0 {
			end = len(table) - at
		}
		if table[at] != '#' && end > 0 {
			out = append(out, int32(at))
		}
		at += end + 1
	}
	return out
})

// Chars returns the Han characters, in code point order, of the Chinese
// words that translate an English word (in its forms: "Answers" and
// "answered" are "answer", unless listed themselves), or "" when the lexicon does
// not know it or it carries no content ("the", "of"). The string is the
// lexicon's own: nothing is allocated.
func Chars(word string) string {
	k := Key(word)
	if k == "" {
		return ""
	}
	if c := lookup(k); c != "" {
		return c
	}
	for _, s := range inflections {
		if strings.HasSuffix(k, s.suffix) && len(k)-len(s.suffix) >= 3 {
			if c := lookup(k[:len(k)-len(s.suffix)] + s.base); c != "" {
				return c
			}
		}
	}
	return ""
}

func lookup(key string) string {
	ss := starts()
	i := sort.Search(len(ss), func(i int) bool { return wordAt(ss[i]) >= key })
	if i == len(ss) || wordAt(ss[i]) != key {
		return ""
	}
	rest := table[int(ss[i])+len(key)+1:]
	if end := strings.IndexByte(rest, '\n'); end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// wordAt is the word of the entry that starts at.
func wordAt(at int32) string {
	line := table[at:]
	return line[:strings.IndexByte(line, '\t')]
}

// inflections are the endings a word may be listed without when it is
// inflected: "answering" under "answer" or "answere", "studied" under
// "study", "histories" (whose Key is "historie") under "history" and
// "boxes" under "box".
var inflections = []struct{ suffix, base string }{
	{"ing", ""}, {"ing", "e"}, {"ied", "y"}, {"ie", "y"}, {"ed", ""}, {"ed", "e"}, {"ly", ""}, {"er", ""}, {"e", ""},
}

// Key is the form in which the lexicon lists a word: lower case, ASCII
// letters only, a plural or possessive s taken off; "" for a word of
// under two letters or one that carries no content.
func Key(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			w = strings.ToLower(w)
			break
		}
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < 'a' || w[i] > 'z') && w[i] != '\'' {
			return ""
		}
	}
	for _, suffix := range []string{"'s", "s"} {
		if len(w) > 3 && strings.HasSuffix(w, suffix) && !strings.HasSuffix(w, "ss") {
			w = strings.TrimSuffix(w, suffix)
			break
		}
	}
	w = strings.TrimRight(w, "'")
	if len(w) < 2 || stopWords[w] {
		return ""
	}
	return w
}

// stopWords are English words that carry no content of their own, and
// the placeholders of CC-CEDICT's glosses (sb, sth, lit., fig.).
var stopWords = map[string]bool{}

func init() {
	for w := range strings.FieldsSeq(`a an the of to and or in on at by for with from as into onto
		over under about than then so such but not no nor if is be been being are was were am
		it its it's this that these those there here what which who whom whose when where why how
		i me my we us our you your he him his she her they them their one ones
		do does did done have has had having can could will would shall should may might must
		all any each every some more most other another many much few very also just only even
		up down out off again once sb sth lit fig etc esp something somebody someone oneself`) {
		stopWords[w] = true
	}
}
