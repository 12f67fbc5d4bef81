package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A cue is the connective a sentence or paragraph opens with (然而 /
// However, 因此 / Therefore, 例如 / For example): translators keep them,
// so a Chinese and an English text opening with the same cue likely
// translate each other. The table is diglot's own, small on purpose: only
// connectives whose translation is regular, each form unambiguous at the
// start of a sentence. A cue is evidence when both sides have it, never
// when one lacks it (translators drop connectives freely).
type cue uint8

const noCue cue = 0

// cues lists each cue's Chinese and English opening forms; a cue is its
// index plus one.
var cues = []struct{ zh, en []string }{
	{[]string{"然而", "但是", "不过", "可是", "但"}, []string{"however", "but", "yet"}},
	{[]string{"因此", "所以", "因而", "于是"}, []string{"therefore", "so", "thus", "hence", "as a result", "consequently"}},
	{[]string{"此外", "另外", "而且", "并且", "再者"}, []string{"moreover", "furthermore", "in addition", "additionally", "also", "besides"}},
	{[]string{"与此同时", "同时"}, []string{"meanwhile", "at the same time", "in the meantime"}},
	{[]string{"例如", "比如", "譬如", "举例来说"}, []string{"for example", "for instance", "e.g."}},
	{[]string{"首先"}, []string{"first", "firstly", "first of all", "to begin with"}},
	{[]string{"其次"}, []string{"second", "secondly"}},
	{[]string{"最后"}, []string{"finally", "lastly", "last"}},
	{[]string{"总之", "总的来说", "总体而言", "总而言之", "综上所述", "简而言之"}, []string{"overall", "in short", "in summary", "in conclusion", "to sum up", "all in all", "in brief"}},
	{[]string{"如果", "假如", "要是", "倘若"}, []string{"if"}},
	{[]string{"虽然", "尽管"}, []string{"although", "though", "even though", "despite", "while"}},
	{[]string{"因为", "由于"}, []string{"because", "since", "due to"}},
	{[]string{"一方面"}, []string{"on the one hand", "on one hand"}},
	{[]string{"另一方面"}, []string{"on the other hand"}},
	{[]string{"事实上", "实际上", "其实"}, []string{"in fact", "actually", "indeed", "in reality"}},
	{[]string{"当然"}, []string{"of course", "naturally", "certainly"}},
	{[]string{"尤其是", "特别是"}, []string{"especially", "in particular", "particularly"}},
	{[]string{"然后", "接着", "随后"}, []string{"then", "next", "afterwards", "subsequently"}},
	{[]string{"目前", "现在"}, []string{"currently", "at present", "today", "now"}},
	{[]string{"注意"}, []string{"note", "notice"}},
}

// openingCue returns the cue a text opens with, after any opening quotes
// and brackets; noCue when it opens with none. Chinese forms are matched
// longest first (另一方面 before 一方面 is not its prefix; 但是 before 但);
// English ones as whole words, in any case.
func openingCue(text string, lang Lang) cue {
	text = strings.TrimLeft(text, " \"'“‘「『（(《[")
	best, bestLen := noCue, 0
	if lang == Chinese {
		for k, c := range cues {
			for _, form := range c.zh {
				if len(form) > bestLen && strings.HasPrefix(text, form) {
					best, bestLen = cue(k+1), len(form)
				}
			}
		}
		return best
	}
	head := strings.ToLower(text[:min(len(text), 24)])
	for k, c := range cues {
		for _, form := range c.en {
			if len(form) > bestLen && strings.HasPrefix(head, form) && wordEnds(head, len(form)) {
				best, bestLen = cue(k+1), len(form)
			}
		}
	}
	return best
}

// wordEnds reports whether no letter follows byte i of s.
func wordEnds(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i == len(s) || !unicode.IsLetter(r)
}

// cueMatches counts the cues of the Chinese side that the English side
// opens a text with too.
func cueMatches(zh, en []*evidence) int {
	n := 0
	for _, z := range zh {
		if z.cue == noCue {
			continue
		}
		for _, e := range en {
			if e.cue == z.cue {
				n++
				break
			}
		}
	}
	return n
}
