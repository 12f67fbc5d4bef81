package article

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"diglot/internal/lexicon"
	"diglot/internal/script"
)

// evidence is what the aligner compares between a paragraph and a candidate
// translation, beyond its length: the tokens a translator carries over
// (numbers, names, code, addresses), the block's kind and the mark it
// ends with.
type evidence struct {
	// length is, for a Chinese paragraph, the English length it predicts
	// (enPerHan a Han character, enPerOther any other); for an English
	// one, its characters without spaces (a Han character quoted in it
	// counted as enPerHan).
	length float64
	// numbers are the numbers in the paragraph (digits), and latin, on
	// the Chinese side, its Latin words: each should reappear in the
	// translation. Both sorted.
	numbers []string
	latin   []uint64 // word hashes (wordHash), sorted
	// numerals are numbers written as words (一千, twelve): counted when
	// the other side has them, never missed. Sorted.
	numerals []string
	// words are an English paragraph's Latin words, for looking up the
	// Chinese side's anchors, as hashes (wordHash). Sorted, without
	// repeats.
	words []uint64
	// hanCount is how many distinct Han characters a Chinese paragraph
	// has; han are they, sorted, and hanSeen their filter, kept only for
	// a paragraph the lexicon weighs (at most lexicalMaxHan of them).
	hanCount int
	han      []rune
	hanSeen  *hanFilter
	// glossTexts are an English paragraph's texts, whose words are looked
	// up in the lexicon the first time a pair needs them (glossedWords).
	glossTexts []string
	glossed    []glossedWord
	glossDone  bool
	// neutral marks a line of digits and punctuation: not prose whose
	// length a translation follows, so in a group with prose only its
	// numbers count (add)
	neutral bool
	kind    blockKind
	level   int  // a heading's
	mark    rune // '?', ':' or '!' when the paragraph ends with one
	cue     cue  // the connective it opens with (然而, However), or noCue
}

// blockKind is the kind of block as the aligner weighs it.
type blockKind uint8

const (
	kindParagraph blockKind = iota
	kindHeading
	kindList
	kindCode
	kindShort // a short line without sentence punctuation: a title, in plain text
	kindRow   // a table's row
)

// Length model, measured on the shared corpus's 178 one-to-one pairs by
// least squares: an English translation has about 3.3 characters (spaces
// excluded) per Han character and 0.8 per other character of the Chinese
// side (Latin words carried over, digits, punctuation), with a variance
// of about 15 characters per Han character's worth. The variance used is a
// little wider than measured, for translations freer than the corpus's.
const (
	enPerHan   = 3.2
	enPerOther = 0.8
	lengthVar  = 20.0
)

// measure gathers a unit's evidence.
func measure(u *unit) evidence {
	ev := evidence{kind: kindParagraph}
	if md := u.md; md != nil {
		switch {
		case md.pre:
			ev.kind = kindCode
		case md.kind == Heading:
			ev.kind, ev.level = kindHeading, md.level
		case md.kind == ListItem:
			ev.kind = kindList
		case md.table > 0:
			ev.kind = kindRow
		}
	} else if lvl := headingLevel(u.text); lvl > 0 {
		ev.kind, ev.level = kindHeading, lvl
	} else if listMarker(u.text) != "" {
		ev.kind = kindList
	}
	if ev.kind == kindParagraph && looksLikeTitle(u.text, u.lang) {
		ev.kind = kindShort
	}
	out := measureText(u.text, u.lang, ev.kind, true)
	out.level = ev.level
	out.neutral = u.neutral
	return out
}

// measureText gathers the evidence of a text of the given kind; with
// lexical, what lexicalCost weighs too.
func measureText(text string, lang Lang, kind blockKind, lexical bool) evidence {
	ev := evidence{kind: kind}
	text = strings.TrimSpace(text)
	ev.mark = finalMark(text)
	ev.cue = openingCue(text, lang)
	han, other, letters := 0, 0, 0
	for _, r := range text {
		switch {
		case r == ' ':
		case script.IsChineseLetter(r):
			han++
		default:
			other++
			if script.IsLatinLetter(r) {
				letters++
			}
		}
	}
	chinese := lang == Chinese
	if chinese {
		ev.length = enPerHan*float64(han) + enPerOther*float64(other)
	} else {
		// Han quoted in English stands for the English it would take
		ev.length = enPerHan*float64(han) + float64(other)
	}
	anchors, numerals, words := tokens(text, chinese)
	ev.numerals = numerals
	for _, a := range anchors {
		if isNumber(a) {
			ev.numbers = append(ev.numbers, a)
		} else {
			ev.latin = append(ev.latin, wordHash(a))
		}
	}
	slices.Sort(ev.latin)
	ev.words = make([]uint64, len(words))
	for i, w := range words {
		ev.words[i] = wordHash(w)
	}
	slices.Sort(ev.words)
	ev.words = slices.Compact(ev.words)
	switch {
	case !lexical:
	case chinese && han > 2*lexicalMaxHan: // too many to be few without repeats
		ev.hanCount = han
	case chinese:
		ev.setHan(hanOf(text))
	default:
		ev.glossTexts = []string{text}
	}
	return ev
}

// setHan records a Chinese paragraph's distinct Han characters (sorted),
// keeping them if the lexicon weighs the paragraph.
func (e *evidence) setHan(han []rune) {
	e.hanCount, e.han, e.hanSeen = len(han), nil, nil
	if len(han) > lexicalMaxHan {
		return
	}
	e.han, e.hanSeen = han, &hanFilter{}
	for _, r := range han {
		e.hanSeen.add(r)
	}
}

// glossedWords are the words of an English paragraph the lexicon knows,
// up to maxGlossed of each of its texts, the most specific first: a
// translation holds a character of most of them. They are looked up on
// first use: most paragraphs never face a short Chinese side.
func (e *evidence) glossedWords() []glossedWord {
	if !e.glossDone {
		for _, t := range e.glossTexts {
			e.glossed = append(e.glossed, glossText(t)...)
		}
		e.glossDone = true
	}
	return e.glossed
}

// glossText looks up the words of a text in the lexicon, the words as
// tokens reads them (an address or identifier is one word, which the
// lexicon does not know; a hyphenated word is also its parts): those it
// knows, without repeats, the maxGlossed most
// specific (those with the fewest characters).
func glossText(t string) []glossedWord {
	var out []glossedWord
	look := func(key string) {
		c := lexicon.Chars(key)
		if c == "" {
			return
		}
		h := wordHash(key)
		if !slices.ContainsFunc(out, func(g glossedWord) bool { return g.hash == h }) {
			out = append(out, glossedWord{h, c})
		}
	}
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !script.IsLatinLetter(r) {
			i += n
			continue
		}
		j := latinWordEnd(t, i+n)
		for _, key := range wordKeys(t[i:j]) {
			look(key)
		}
		i = j
	}
	slices.SortStableFunc(out, func(a, b glossedWord) int { return len(a.chars) - len(b.chars) })
	return out[:min(len(out), maxGlossed)]
}

// glossedWord is an English word the lexicon knows, and the Han
// characters of its translations.
type glossedWord struct {
	hash  uint64 // wordHash
	chars string // lexicon.Chars: Han characters, in code point order
}

// hanFilter is a Bloom filter of a paragraph's Han characters, by their
// low 11 bits (the common ones lie in one block of 21,000): a bit clear
// says a character is not there without searching for it. Long
// paragraphs set a tenth of it.
type hanFilter [32]uint64

func (f *hanFilter) add(r rune)          { f[r>>6&31] |= 1 << (r & 63) }
func (f *hanFilter) mayHold(r rune) bool { return f[r>>6&31]&(1<<(r&63)) != 0 }

// maxGlossed is the most words of a paragraph the aligner looks up in
// the lexicon: it weighs their share, which a few of them tell.
const maxGlossed = 4

// hanOf is a text's Han characters, sorted, without repeats.
func hanOf(text string) []rune {
	var out []rune
	for _, r := range text {
		if script.IsChineseLetter(r) {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// add merges the evidence of a unit that joins this one's group (a
// neutral line after it, a lone word ending it): the group keeps the first
// unit's kind and ends with the last one's mark.
func (e *evidence) add(o *evidence) {
	switch {
	case o.neutral && !e.neutral:
		// its length and mark say nothing of the prose before it
	case e.neutral && !o.neutral:
		e.length, e.mark, e.neutral = o.length, o.mark, false
	default:
		e.length += o.length
		if o.mark != 0 || o.length > 0 {
			e.mark = o.mark
		}
	}
	e.numbers = mergeSorted(e.numbers, o.numbers)
	e.latin = mergeSorted(e.latin, o.latin)
	e.words = slices.Compact(mergeSorted(e.words, o.words))
	e.numerals = mergeSorted(e.numerals, o.numerals)
	if e.hanCount+o.hanCount <= lexicalMaxHan {
		e.setHan(slices.Compact(mergeSorted(e.han, o.han)))
	} else {
		e.hanCount, e.han, e.hanSeen = e.hanCount+o.hanCount, nil, nil
	}
	e.glossTexts = append(slices.Clip(e.glossTexts), o.glossTexts...)
	e.glossed, e.glossDone = nil, false
}

// mergeSorted returns the sorted union (with repeats) of two sorted lists, in
// new memory.
func mergeSorted[T cmp.Ordered](a, b []T) []T {
	if len(b) == 0 {
		return a
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return out
}

// looksLikeTitle reports whether a plain line reads as a title: short
// (maxHeadingZHRunes, maxHeadingENWords) and without sentence punctuation
// at its end, as markInferredHeadings types a pair of them.
func looksLikeTitle(s string, lang Lang) bool {
	if lang == Chinese && utf8.RuneCountInString(s) > maxHeadingZHRunes || lang == English && len(strings.Fields(s)) > maxHeadingENWords {
		return false
	}
	return !endsSentence(s) && mostlyLetters(s)
}

// finalMark returns the question mark, colon or exclamation mark a text ends
// with (before closing quotes and brackets), in either width, as '?', ':'
// or '!'; 0 otherwise.
func finalMark(s string) rune {
	s = strings.TrimRight(s, "\"'”’」』）)*_")
	for _, m := range [...]struct {
		marks string
		mark  rune
	}{{"?？", '?'}, {":：", ':'}, {"!！", '!'}} {
		for _, r := range m.marks {
			if strings.HasSuffix(s, string(r)) {
				return m.mark
			}
		}
	}
	return 0
}

// tokens splits a text into its anchors, its numerals (both sorted) and
// (for English) its words, in order. Latin words are compared in lower
// case and without a plural s; numbers without their thousands separators.
func tokens(s string, chinese bool) (anchors, numerals, words []string) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				rj, nj := utf8.DecodeRuneInString(s[j:])
				if unicode.IsDigit(rj) || (rj == '.' || rj == ',') && unicode.IsDigit(runeAt(s, j+nj)) {
					j += nj
					continue
				}
				break
			}
			anchors = append(anchors, strings.ReplaceAll(s[i:j], ",", ""))
			i = j
		case script.IsLatinLetter(r):
			j := latinWordEnd(s, i+n)
			for k, key := range wordKeys(s[i:j]) {
				if n, ok := englishNumeral(key); ok {
					numerals = append(numerals, n)
				}
				switch {
				case !chinese:
					words = append(words, key)
				case k == 0 && len(key) >= 2:
					anchors = append(anchors, key)
				}
			}
			i = j
		case chinese && isChineseDigit(r):
			j := i + n
			for j < len(s) {
				rj, nj := utf8.DecodeRuneInString(s[j:])
				if !isChineseDigit(rj) {
					break
				}
				j += nj
			}
			if n, ok := chineseNumeral([]rune(s[i:j])); ok {
				numerals = append(numerals, n)
			}
			i = j
		default:
			i += n
		}
	}
	slices.Sort(anchors)
	slices.Sort(numerals)
	return anchors, numerals, words
}

// latinWordEnd is where the Latin word that goes on at byte j of s ends:
// letters, digits and the joiners inside it (joinsWord).
func latinWordEnd(s string, j int) int {
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !script.IsLatinLetter(r) && !unicode.IsDigit(r) && !joinsWord(r, runeAt(s, j+n)) {
			break
		}
		j += n
	}
	return j
}

// wordKeys are the forms a Latin word is compared in (wordKey): the
// word's, then a hyphenated word's parts (twelve-factor is also twelve and
// factor).
func wordKeys(word string) []string {
	w := wordKey(word)
	keys := []string{w}
	if strings.Contains(w, "-") {
		for part := range strings.SplitSeq(w, "-") {
			keys = append(keys, wordKey(part))
		}
	}
	return keys
}

// runeAt is the character at byte i of s, or -1 past its end.
func runeAt(s string, i int) rune {
	if i >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// joinsWord reports whether r, followed by next (-1 at the end), joins the
// Latin word it stands in: an apostrophe, hyphen, dot, slash or underscore
// before a letter, a digit or a slash, as in URLs, versions and
// contractions.
func joinsWord(r, next rune) bool {
	if !strings.ContainsRune("'’-._/:@", r) || next < 0 {
		return false
	}
	return script.IsLatinLetter(next) || unicode.IsDigit(next) || next == '/'
}

// wordKey is the form in which words are compared: lower case, with a
// plural or possessive s and sentence punctuation taken off.
func wordKey(w string) string {
	w = strings.ToLower(strings.TrimRight(w, ".:/"))
	for _, suffix := range []string{"'s", "’s", "s"} {
		if len(w) > 2 && strings.HasSuffix(w, suffix) {
			return strings.TrimSuffix(w, suffix)
		}
	}
	return w
}

var englishNumerals = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
	"first": "1", "second": "2", "third": "3", "hundred": "100", "thousand": "1000",
}

func englishNumeral(w string) (string, bool) {
	n, ok := englishNumerals[w]
	return n, ok
}

// isChineseDigit reports a character of Chinese numerals (a switch: the
// aligner asks it of every Han character).
func isChineseDigit(r rune) bool {
	switch r {
	case '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万':
		return true
	}
	return false
}

// chineseNumeral reads a run of Chinese numerals (二十, 一千, 三) as a
// number. A lone 一 is too common in words (一些, 统一) to count.
func chineseNumeral(rs []rune) (string, bool) {
	if len(rs) == 1 && rs[0] == '一' {
		return "", false
	}
	total, section, digit := 0, 0, -1
	for _, r := range rs {
		switch r {
		case '十', '百', '千':
			if digit < 0 {
				digit = 1 // 十二 is 12
			}
			section += digit * chineseMultipliers[r]
			digit = -1
		case '万':
			total += (section + max(digit, 0)) * 10000
			section, digit = 0, -1
		default:
			digit = chineseDigitValues[r]
		}
	}
	total += section + max(digit, 0)
	if total == 0 {
		return "", false
	}
	return itoa(total), true
}

var (
	chineseDigitValues = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
		'五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	chineseMultipliers = map[rune]int{'十': 10, '百': 100, '千': 1000}
)

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

// markCost is the cost (a −ln of likelihoods, as the length cost) that
// the marks the two sides of a candidate pair carry add to their lengths;
// with lexicalCost, it is the pair's content cost. Each anchor of one
// side found in the other lowers it, as does a connective both open with
// (cues.go); a Chinese side's anchor or a number the other side lacks
// raises it, and so do a heading facing a paragraph, a list item facing
// prose and a question facing a statement.
func markCost(zh, en []*evidence) float64 {
	matched, missed := anchorMatches(zh, en)
	matched += cueMatches(zh, en)
	cost := costMissedAnchor*float64(min(missed, maxAnchorsCounted)) -
		costMatchedAnchor*float64(min(matched, maxAnchorsCounted))
	first, last := zh[0], zh[len(zh)-1]
	efirst, elast := en[0], en[len(en)-1]
	cost += kindCost(first, efirst)
	for _, side := range [][]*evidence{zh, en} {
		for _, ev := range side[1:] {
			switch {
			case ev.kind == kindHeading:
				cost += costHeadingMerged // a heading is never merged into another block
			case ev.kind == kindShort:
				cost += costShortMerged
			case (ev.kind == kindCode) != (side[0].kind == kindCode):
				cost += costKindMismatch // nor code with prose: a code block stands alone
			case (ev.kind == kindRow) != (side[0].kind == kindRow):
				cost += costRowMismatch // nor a table's row with prose
			}
		}
	}
	if last.mark != elast.mark && (last.mark != 0 || elast.mark != 0) {
		cost += costMarkMismatch
	}
	return cost
}

// Costs of the content evidence, in the units of the length cost.
const (
	costMatchedAnchor = 1.0
	costMissedAnchor  = 1.0
	maxAnchorsCounted = 4
	costKindMismatch  = 3.0
	// costRowMismatch keeps a table's rows to rows: a paragraph beside a
	// row, or merged with one, is never a translation of it
	costRowMismatch = 10.0
	// costHeadingMerged rules out a heading as a later block of a pair: a
	// heading with no counterpart is a one-sided pair instead
	costHeadingMerged = 1000.0
	costListMismatch  = 1.0
	costLevelMismatch = 0.5
	costShortMismatch = 0.7
	costShortMerged   = 2.0
	costMarkMismatch  = 0.7
	// A word of the English side whose translation the Chinese side holds
	// a character of, or does not: measured on the shared corpus, 75 % of
	// the words the lexicon knows are held in a pair, 38 % against the
	// next pair's Chinese, whence the costs (−ln of the likelihood ratios).
	// They count as lexicalCounted words at most, in proportion.
	costWordHeld   = 0.7
	costWordLacked = 0.9
	lexicalCounted = 4
	// lexicalMaxHan is the most Han characters (without repeats) a Chinese
	// side weighed by its words has: a longer one holds a character of
	// most words by chance, and its length speaks for it.
	lexicalMaxHan = 60
	// lexicalMaxLength is the longest English side (in characters, as
	// evidence.length counts them) weighed by its words: what a Chinese
	// side of lexicalMaxHan characters predicts, and half as much again.
	lexicalMaxLength = lexicalMaxHan * enPerHan * 3 / 2
	// maxLexicalGain and maxContentGain are the most lexicalCost, and it
	// with markCost, can take off a pair's cost.
	maxLexicalGain = costWordHeld * lexicalCounted
	maxContentGain = costMatchedAnchor*maxAnchorsCounted + maxLexicalGain
)

// lexicalCost weighs the English side's glossed words by whether the
// Chinese side holds a character of their translations: a share held
// lowers the cost, a share lacked raises it (at most lexicalCounted
// words' worth). Only short sides are weighed (lexicalMaxHan,
// lexicalMaxLength), where lengths say least. A word the Chinese side
// carries over as it is (CAP, Git) is an anchor, not weighed here.
func lexicalCost(zh, en []*evidence) float64 {
	han := 0
	for _, z := range zh {
		han += z.hanCount
	}
	length := 0.0
	for _, e := range en {
		length += e.length
	}
	if han > lexicalMaxHan || han == 0 || length > lexicalMaxLength {
		return 0
	}
	known, held := 0, 0
	for _, e := range en {
		glossed := e.glossedWords()
		for i := range glossed {
			g := &glossed[i]
			if hasLatin(zh, g.hash) {
				continue
			}
			known++
			if holdsAny(zh, g) {
				held++
			}
		}
	}
	if known == 0 {
		return 0
	}
	scale := min(1, lexicalCounted/float64(known))
	return scale * (costWordLacked*float64(known-held) - costWordHeld*float64(held))
}

// hasLatin reports whether a Chinese side carries a Latin word.
func hasLatin(side []*evidence, w uint64) bool {
	for _, ev := range side {
		if len(ev.latin) == 0 {
			continue
		}
		if _, ok := slices.BinarySearch(ev.latin, w); ok {
			return true
		}
	}
	return false
}

// holdsAny reports whether a Chinese side holds any of the characters.
func holdsAny(side []*evidence, g *glossedWord) bool {
	for _, ev := range side {
		if ev.hanSeen == nil {
			continue
		}
		for _, r := range g.chars {
			if ev.hanSeen.mayHold(r) {
				if _, ok := slices.BinarySearch(ev.han, r); ok {
					return true
				}
			}
		}
	}
	return false
}

func kindCost(zh, en *evidence) float64 {
	switch {
	case zh.kind != en.kind && (zh.kind == kindShort || en.kind == kindShort) && zh.kind != kindHeading && en.kind != kindHeading:
		return costShortMismatch
	case zh.kind == en.kind && zh.kind == kindHeading && zh.level != en.level:
		return costLevelMismatch
	case zh.kind == en.kind:
		return 0
	case zh.kind == kindRow || en.kind == kindRow:
		return costRowMismatch // a table's row faces a row
	case zh.kind == kindHeading || en.kind == kindHeading || zh.kind == kindCode || en.kind == kindCode:
		return costKindMismatch
	}
	return costListMismatch
}

// anchorMatches counts the anchors of each side found on the other, and
// those missing there: a Chinese side's Latin word the English side lacks,
// or a number either side lacks (a number matches a numeral: 12, twelve).
// Numbers are matched group by group, without allocating: the aligner
// asks this of every move it weighs.
func anchorMatches(zh, en []*evidence) (matched, missed int) {
	for _, ev := range zh {
		for _, a := range ev.latin {
			if hasWord(en, a) {
				matched++
			} else {
				missed++
			}
		}
	}
	zhNumbers, enNumbers := 0, 0
	for _, ev := range zh {
		zhNumbers += len(ev.numbers)
	}
	for _, ev := range en {
		enNumbers += len(ev.numbers)
	}
	if zhNumbers+enNumbers == 0 {
		return matched, missed
	}
	zhFound, enFound := 0, 0
	for _, z := range zh {
		for _, e := range en {
			zhFound += countFound(z.numbers, e.numbers) + countFound(z.numbers, e.numerals)
			enFound += countFound(e.numbers, z.numbers) + countFound(e.numbers, z.numerals)
		}
	}
	zhFound, enFound = min(zhFound, zhNumbers), min(enFound, enNumbers)
	return matched + max(zhFound, enFound), missed + zhNumbers - zhFound + enNumbers - enFound
}

// countFound counts the items of a found in b (each item of b used once);
// both are sorted.
func countFound(a, b []string) int {
	found, j := 0, 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			found++
			j++
		}
	}
	return found
}

// wordHash is a word's 64-bit FNV-1a hash: the aligner compares words by
// it, as numbers, a great many times.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

func hasWord(side []*evidence, w uint64) bool {
	for _, ev := range side {
		if _, ok := slices.BinarySearch(ev.words, w); ok {
			return true
		}
		if _, ok := slices.BinarySearch(ev.latin, w); ok {
			return true
		}
	}
	return false
}

func isNumber(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}
