package article

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"diglot/internal/script"
)

// textRange is a stretch [start, end) of a text, in bytes.
type textRange struct{ start, end int }

// splitSentences cuts a paragraph's text into sentences and returns where
// each ends (the last at len(text)); the spaces after a sentence belong to
// it. Nothing is cut inside a range of keep (code, web addresses).
//
// Chinese sentences end at 。！？ (and ASCII ! ? written among Han, and
// an ellipsis a quotation closes after), with the closing quotes and
// brackets after them. English ones end at . ! ? or
// an ellipsis, with the closing quotes and brackets after them, before a
// space and a word that does not start in lower case; a period ends no
// sentence after an initial (J. R. R.), a dotted abbreviation (e.g., U.S.),
// a title before a name (Dr., Mr.) or an abbreviation before a number
// (No. 5, Fig. 3, Jan. 12). A decimal point or a period inside an address
// has no space after it and ends nothing.
//
// isName tells the words that may open an English sentence in lower case:
// the identifiers the other side carries as written (a sentence may start
// with `feat` or `npm`); nil for none.
func splitSentences(text string, lang Lang, keep []textRange, isName func(string) bool) []int {
	var out []int
	slices.SortFunc(keep, func(a, b textRange) int { return a.start - b.start })
	kept := 0 // the first range that may hold i: i only grows
	inKept := func(i int) bool {
		for kept < len(keep) && keep[kept].end <= i {
			kept++
		}
		for k := kept; k < len(keep) && keep[k].start <= i; k++ {
			if i < keep[k].end {
				return true
			}
		}
		return false
	}
	lastOpen, scanned := -1, 0 // the last opening quote before scanned
	openBefore := func(i int) int {
		for scanned < i {
			r, size := utf8.DecodeRuneInString(text[scanned:])
			if isQuoteOpener(r) {
				lastOpen = scanned
			}
			scanned += size
		}
		return lastOpen
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTerminal(r, lang, text, i) || inKept(i) {
			i += size
			continue
		}
		end := skipWhile(text, i, func(r rune) bool { return isTerminal(r, lang, text, -1) || r == '.' })
		end = skipWhile(text, end, isSentenceCloser)
		next := skipWhile(text, end, unicode.IsSpace)
		if next >= len(text) {
			break
		}
		ends := lang == Chinese || (next > end && startsSentence(text[next:], isName) && !abbreviation(text, i, r, text[next:]))
		if ends && lang == Chinese && quotedInside(text, i, end, openBefore(i)) {
			ends = false
		}
		if ends {
			out = append(out, next)
		}
		i = max(next, i+size)
	}
	return append(out, len(text))
}

// isTerminal reports whether r at byte i of text may end a sentence; i < 0
// asks about a mark following one.
func isTerminal(r rune, lang Lang, text string, i int) bool {
	switch r {
	case '。', '！', '？', '‼', '⁇', '⁈', '⁉':
		return true
	case '!', '?':
		if lang == English || i < 0 {
			return true
		}
		// ASCII marks in Chinese text end a sentence among Han
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		return script.IsChineseNeighbour(before)
	case '…':
		if lang == English || i < 0 {
			return true
		}
		// a Chinese ellipsis ends a sentence when a quotation or bracket
		// closes after it (我不知道……”), not as a pause inside one
		after := skipWhile(text, i, func(r rune) bool { return r == '…' })
		r, _ := utf8.DecodeRuneInString(text[after:])
		return after < len(text) && isSentenceCloser(r)
	case '.':
		if lang == English || i < 0 {
			return true
		}
		// an ASCII period after Han, before a space (主版本号.次版本号 is
		// one name)
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+1:])
		return script.IsChineseLetter(before) && unicode.IsSpace(after)
	}
	return false
}

// quotedInside reports whether the final mark at byte i of text, with the
// closing marks up to end, ends a quotation inside a longer sentence: the
// quotation (its opening quote at byte open, -1 for none) opened after a
// word (留下了“……吗？”之类的评论), not at the sentence's start or after a
// colon (他问：“你去吗？”我说).
func quotedInside(text string, i, end, open int) bool {
	closing := strings.ContainsFunc(text[i:end], func(r rune) bool { return strings.ContainsRune("\"'”’」』", r) })
	if !closing || open < 0 {
		return false
	}
	before := strings.TrimRightFunc(text[:open], unicode.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(before)
	return before != "" && !strings.ContainsRune(":：。！？!?.…", last)
}

// isQuoteOpener is a mark that may open a quotation.
func isQuoteOpener(r rune) bool { return strings.ContainsRune("\"'“‘「『", r) }

// isSentenceCloser is a mark that closes a quotation or bracket after a
// sentence's final mark and stays with it.
func isSentenceCloser(r rune) bool {
	return strings.ContainsRune("\"')]}”’」』）》〉】〕］", r)
}

func skipWhile(text string, i int, f func(rune) bool) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !f(r) {
			break
		}
		i += size
	}
	return i
}

// startsSentence reports whether an English text after a sentence's final
// mark and a space can start a new sentence: it does not start (after an
// opening quote or bracket) with a lower-case letter, unless with a name
// (isName), or with a mark that continues one.
func startsSentence(s string, isName func(string) bool) bool {
	s = strings.TrimLeft(s, "\"'(“‘[")
	r, _ := utf8.DecodeRuneInString(s)
	if s == "" || strings.ContainsRune(",;:)]}%", r) {
		return false
	}
	if !unicode.IsLower(r) {
		return true
	}
	word := s[:max(0, strings.IndexFunc(s, func(r rune) bool { return !script.IsLatinLetter(r) }))]
	return isName != nil && isName(word)
}

// carriedNames tells the Latin words of a side's paragraphs as written,
// two letters or more: the names and identifiers it carries over. The
// words are gathered when first asked for (few sentences open in lower
// case).
func carriedNames(paras []Para) func(string) bool {
	var names map[string]bool
	return func(w string) bool {
		if names == nil {
			names = map[string]bool{}
			for _, p := range paras {
				for _, f := range strings.FieldsFunc(textOf(p.Inlines), func(r rune) bool { return !script.IsLatinLetter(r) }) {
					if len(f) >= 2 {
						names[f] = true
					}
				}
			}
		}
		return names[w]
	}
}

// Abbreviations whose period ends no sentence: titles before a name, and
// abbreviations before a number (only when one follows). Lower case.
var (
	titleAbbreviations  = words("mr mrs ms messrs dr prof sr jr st mt gen gov sen rep capt lt col sgt rev hon vs v cf viz al approx ca")
	numberAbbreviations = words("no nos vol vols p pp fig figs ch sec art eq jan feb mar apr jun jul aug sep sept oct nov dec")
)

func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// dotted reports a word of short letter groups joined by periods, as in
// e.g, U.S and Ph.D (not an address nor a number).
func dotted(word string) bool {
	parts := strings.Split(word, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		n := utf8.RuneCountInString(p)
		if n == 0 || n > 3 || strings.ContainsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) {
			return false
		}
	}
	return true
}

// abbreviation reports whether the period at byte i of text belongs to an
// abbreviation or an initial rather than ending the sentence; next is the
// text where the next sentence would start.
func abbreviation(text string, i int, mark rune, next string) bool {
	if mark != '.' || strings.HasPrefix(text[i:], "..") {
		return false
	}
	start := strings.LastIndexFunc(text[:i], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'(“‘[", r)
	}) + 1
	if start > 0 {
		_, size := utf8.DecodeRuneInString(text[start-1:])
		start += size - 1
	}
	word := text[start:i]
	switch {
	case word == "":
		return false
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]):
		return true // an initial
	case dotted(word):
		return true // e.g, i.e, U.S, a.m, Ph.D
	}
	lower := strings.ToLower(word)
	if titleAbbreviations[lower] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(next)
	return numberAbbreviations[lower] && unicode.IsDigit(r)
}

// sentence is one sentence of a block's side, for the aligner.
type sentence struct {
	para       int    // index of its paragraph on its side
	text       string // the paragraph's text
	start, end int    // the sentence's bytes in it
}

// markSentences splits both sides of every paragraph and list item into
// sentences, aligns them within the pair (the moves of the paragraph
// aligner, weighed the same way) into Block.Sentences, and numbers each
// inline with its sentence (Inline.Sentence), splitting inlines where a
// sentence ends inside one. Headings, code and pictures are not split.
func markSentences(blocks []Block) {
	type sides struct {
		zh, en       []sentence
		zhRun, enRun []group
	}
	split := make([]sides, len(blocks))
	// every block is split and aligned on its own: both passes run on all
	// cores, each worker on a stretch of blocks
	onAllCores(len(blocks), func(k int) {
		b, s := &blocks[k], &split[k]
		if b.Kind == Heading {
			return
		}
		s.zh, s.en = sentencesOf(b.ZH, Chinese, nil), sentencesOf(b.EN, English, carriedNames(b.ZH))
		if len(s.zh) > 0 && len(s.en) > 0 && len(s.zh)+len(s.en) > 2 { // one facing one needs no search
			s.zhRun, s.enRun = sentenceGroups(s.zh, Chinese), sentenceGroups(s.en, English)
		}
	})
	var zhAll, enAll []group
	for _, s := range split {
		zhAll, enAll = append(zhAll, s.zhRun...), append(enAll, s.enRun...)
	}
	model := alignModel{scale: lengthScale(zhAll, enAll), variance: sentenceLengthVar, oneSided: costOneSidedSentence, merge: costMergeSentence}
	onAllCores(len(blocks), func(k int) {
		b, s := &blocks[k], split[k]
		if len(s.zh)+len(s.en) == 0 {
			return // a heading, code, a picture
		}
		var beads []bead
		switch {
		case len(s.zh) == 1 && len(s.en) == 1:
			beads = []bead{{zh: []int{0}, en: []int{0}}}
		case len(s.zh) > 0 && len(s.en) > 0:
			beads = searchAlignment(s.zhRun, s.enRun, model)
		case len(s.zh) > 0:
			for i := range s.zh {
				beads = append(beads, bead{zh: []int{i}})
			}
		default:
			for i := range s.en {
				beads = append(beads, bead{en: []int{i}})
			}
		}
		b.Sentences = make([]SentencePair, len(beads))
		for n, bd := range beads {
			b.Sentences[n] = SentencePair{ZH: numbers(bd.zh), EN: numbers(bd.en)}
		}
		numberSentences(b.ZH, s.zh)
		numberSentences(b.EN, s.en)
	})
}

// itemsPerWorker is the fewest blocks or units worth a goroutine of their
// own.
const itemsPerWorker = 64

// onAllCores calls f for each of n items (blocks, units), on all cores:
// each worker takes a stretch of them in order. f must touch only its own
// item's data.
func onAllCores(n int, f func(k int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/itemsPerWorker))
	per := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for k := w * per; k < min((w+1)*per, n); k++ {
				f(k)
			}
		})
	}
	wg.Wait()
}

// numbers turns indexes into numbers from 1.
func numbers(indexes []int) []int {
	out := make([]int, len(indexes))
	for k, i := range indexes {
		out[k] = i + 1
	}
	return out
}

// The model of sentences within a pair. A translator spells a sentence
// out or sums it up more freely than a paragraph, whose sentences even
// out (twice the variance); joins or splits sentences more often than
// paragraphs (P ≈ 0.08), and leaves one out about as rarely.
const (
	sentenceLengthVar    = 2 * lengthVar
	costOneSidedSentence = 4.0
	costMergeSentence    = 2.8
)

// sentencesOf splits each paragraph of a side that holds running text.
func sentencesOf(paras []Para, lang Lang, isName func(string) bool) []sentence {
	var out []sentence
	for p, para := range paras {
		if para.Pre || para.Image != "" || len(para.Inlines) == 0 {
			continue
		}
		text := textOf(para.Inlines)
		var keep []textRange
		off := 0
		for _, in := range para.Inlines {
			if in.verbatim() {
				keep = append(keep, textRange{off, off + len(in.Text)})
			}
			off += len(in.Text)
		}
		for _, a := range script.FindWebAddresses(text) {
			keep = append(keep, textRange{a.Start, a.End})
		}
		start, first, lettered := 0, len(out), false
		for _, end := range splitSentences(text, lang, keep, isName) {
			piece := text[start:end]
			hasLetters := strings.ContainsFunc(piece, unicode.IsLetter)
			switch {
			case strings.TrimSpace(piece) == "":
			case len(out) > first && (!hasLetters || !lettered):
				// marks alone (！！！, ???) are no sentence: they end the
				// one before, or open the next
				out[len(out)-1].end = end
				lettered = lettered || hasLetters
			default:
				out = append(out, sentence{para: p, text: text, start: start, end: end})
				lettered = hasLetters
			}
			start = end
		}
	}
	return out
}

// sentenceGroups gives each sentence its evidence, as the paragraph
// aligner weighs a paragraph.
func sentenceGroups(ss []sentence, lang Lang) []group {
	out := make([]group, len(ss))
	for i, s := range ss {
		ev := measureText(s.text[s.start:s.end], lang, kindParagraph, false) // sentences are weighed by their lengths and marks
		out[i] = group{ev: &ev}
	}
	return out
}

// numberSentences splits a side's inlines at its sentences' ends and
// gives each inline its sentence's number, in one pass over each
// paragraph. Spaces before a sentence belong to it; what follows the
// last one (spaces) to none.
func numberSentences(paras []Para, ss []sentence) {
	k := 0
	for p := range paras {
		first := k
		for k < len(ss) && ss[k].para == p {
			k++
		}
		mine := ss[first:k]
		if len(mine) == 0 {
			continue
		}
		out := make([]Inline, 0, len(paras[p].Inlines)+len(mine))
		at, off := 0, 0
		for _, in := range paras[p].Inlines {
			for in.Text != "" {
				for at < len(mine) && mine[at].end <= off {
					at++
				}
				piece := in
				if at == len(mine) {
					piece.Sentence = 0
					out = append(out, piece)
					break
				}
				cut := min(len(in.Text), mine[at].end-off)
				piece.Text, piece.Sentence = in.Text[:cut], first+at+1
				out = append(out, piece)
				in.Text, off = in.Text[cut:], off+cut
			}
		}
		paras[p].Inlines = out
	}
}
