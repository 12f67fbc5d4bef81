package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"diglot/internal/script"
)

// class is what a line's script says of its language before context is used.
type class uint8

const (
	classNeutral class = iota // no letters at all: digits, punctuation, symbols
	classZH                   // clearly Chinese
	classEN                   // clearly English
)

func (c class) String() string {
	return [...]string{"neutral", "zh", "en"}[c]
}

// scriptCounts holds what classify counts in a line.
type scriptCounts struct {
	han       int // Han ideographs, kana and bopomofo
	words     int // Latin tokens; a URL or "1.0.0-alpha" counts once
	function  int // English function words ("the", "and", "of", ...)
	zhPunct   int // Chinese sentence punctuation (，。；：！？、)
	enPunct   int // ASCII , . ; : ! ? after a word, before a space or the line's end
	lowercase bool
}

// countScripts counts the script evidence in a line. Digits and punctuation
// do not vote.
func countScripts(s string) scriptCounts {
	var c scriptCounts
	inWord := false
	wordStart := 0
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		next := runeAt(s, i+n)
		switch r {
		case '，', '。', '；', '：', '！', '？', '、':
			c.zhPunct++
		case ',', '.', ';', ':', '!', '?':
			if prev >= 0 && script.IsLatinLetter(prev) && (next < 0 || next == ' ') {
				c.enPunct++
			}
		}
		prev = r
		switch {
		case script.IsChineseLetter(r):
			c.han++
		case script.IsLatinLetter(r):
			if r >= 'a' && r <= 'z' {
				c.lowercase = true
			}
			if !inWord {
				inWord = true
				wordStart = i
			}
			i += n
			continue
		case inWord && (r == '-' || r == '.' || r == '/' || r == '_' || r == '\'' || r == '’' || r == ':' || r == '?' || r == '=' || r == '&' || unicode.IsDigit(r)):
			// joiners inside a Latin token: URLs, versions, contractions
			if next >= 0 && (script.IsLatinLetter(next) || unicode.IsDigit(next) || next == '/') {
				i += n
				continue
			}
		}
		if inWord {
			c.addWord(s[wordStart:i])
			inWord = false
		}
		i += n
	}
	if inWord {
		c.addWord(s[wordStart:])
	}
	return c
}

func (c *scriptCounts) addWord(w string) {
	c.words++
	if functionWords[w] {
		c.function++
	}
}

// functionWords are common English words that Chinese text rarely quotes.
var functionWords = map[string]bool{
	"the": true, "The": true, "a": true, "an": true, "and": true, "of": true, "to": true,
	"in": true, "is": true, "are": true, "was": true, "with": true, "for": true, "on": true,
	"that": true, "this": true, "This": true, "it": true, "It": true, "by": true, "as": true,
	"be": true, "or": true, "from": true, "at": true, "have": true, "has": true, "not": true,
	"you": true, "your": true, "we": true, "We": true, "they": true, "their": true, "can": true,
	"will": true, "which": true, "should": true, "if": true, "If": true, "when": true,
	"into": true, "also": true, "one": true, "In": true, "A": true,
}

// classify decides a line's class from its script counts. A line with any Han
// is Chinese unless its Latin words clearly outweigh the Han and read as
// English sentences (function words), or has an English sentence's frame
// (ASCII punctuation after its words, a function word, no Chinese
// punctuation); a line with Latin letters and no Han
// is English, even one word ("FAQ", "end"), unless it repeats its neighbour
// (see identicalNeighbours).
func classify(s string) (class, scriptCounts) {
	c := countScripts(s)
	switch {
	case c.han == 0 && c.words == 0:
		return classNeutral, c
	case c.han == 0 && (c.zhPunct > 0 || strings.HasPrefix(strings.TrimSpace(s), "——")):
		// Latin words in Chinese punctuation: a Chinese attribution
		// (—— Jeff Atwood, with the Chinese dash of two em dashes) or a
		// list of names (Go、Rust、Zig)
		return classZH, c
	case c.han == 0:
		return classEN, c // one Latin word is English too ("Maintainer", "end")
	case c.function >= 2 && c.words > c.han && (c.zhPunct == 0 || c.words > 3*c.han):
		// English sentences, unless Chinese punctuation frames them
		// (他说：“This is fine.”)
		return classEN, c
	case c.zhPunct == 0 && c.enPunct > 0 && c.function > 0 && c.words >= 3:
		// an English sentence frame, ASCII punctuation and all, around
		// Chinese words ("We wrote 一个命令行工具 called diglot, ...")
		return classEN, c
	}
	return classZH, c
}

// ambiguous reports whether a line mixes the two languages so evenly that its
// class is a guess worth a warning.
func (c scriptCounts) ambiguous() bool {
	if c.han < 4 || c.words < 4 || c.function == 0 {
		return false
	}
	return c.han*10 < c.words*25 && c.words*10 < c.han*25
}
