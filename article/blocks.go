package article

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// makeBlocks turns aligned unit pairs into typed blocks: Markdown headings,
// list items (with their markers), labelled items after a lead-in, and short
// unpunctuated pairs as inferred headings.
func makeBlocks(units []unit, pairs []unitPair, format Format) []Block {
	blocks := make([]Block, len(pairs))
	for i, p := range pairs {
		b := &blocks[i]
		b.ZH = makeParas(units, p.zh, Chinese)
		b.EN = makeParas(units, p.en, English)
		b.Line = firstLineOf(units, p)
		b.Confidence = p.confidence
		b.Kind, b.Level = markedKind(units, p)
		if md := firstMarkdown(units, p); md != nil {
			b.Depth, b.Quote, b.RuleBefore = md.depth, md.quote, md.ruleBefore
		}
	}
	if format != Markdown { // Markdown marks its own headings and lists
		markLabelledItems(blocks)
		markInferredHeadings(blocks)
	}
	for i := range blocks {
		for _, side := range [][]Para{blocks[i].ZH, blocks[i].EN} {
			for k := range side {
				if side[k].Inlines == nil { // a plain-text paragraph (of one file of two, maybe)
					side[k].Inlines = plainInlines(side[k].Text, side[k].Lines[0].No)
				}
			}
		}
	}
	if format == Markdown {
		renumberNotes(blocks, Chinese)
		renumberNotes(blocks, English)
	}
	markSentences(blocks)
	return blocks
}

// renumberNotes numbers a side's footnotes from 1 in the order of their
// marks on that side (the notes no mark of the side refers to after them),
// so that each column reads ¹ ² ³ whatever labels a one-file article gives
// each language's notes ([^z1] and [^e1] had made the English notes 13 to
// 24 after twelve Chinese ones). A file of two already numbers its own.
func renumberNotes(blocks []Block, lang Lang) {
	number := map[int]int{} // the note's number as parsed, to its number on the side
	next := func(n int) {
		if _, ok := number[n]; !ok {
			number[n] = len(number) + 1
		}
	}
	for i := range blocks {
		for _, p := range blocks[i].Side(lang) {
			for _, in := range p.Inlines {
				if in.Note > 0 {
					next(in.Note)
				}
			}
		}
	}
	for i := range blocks {
		for _, p := range blocks[i].Side(lang) {
			if p.Note > 0 {
				next(p.Note)
			}
		}
	}
	for i := range blocks {
		side := blocks[i].Side(lang)
		for k := range side {
			p := &side[k]
			changed := false
			for j, in := range p.Inlines {
				if in.Note > 0 && number[in.Note] != in.Note {
					if !changed {
						p.Inlines, changed = slices.Clone(p.Inlines), true
					}
					p.Inlines[j].Note = number[in.Note]
					p.Inlines[j].Text = footnoteMark(number[in.Note])
				}
			}
			if changed {
				p.Text = textOf(p.Inlines)
			}
			if p.Note > 0 && number[p.Note] != p.Note {
				p.Note = number[p.Note]
				p.Marker = strconv.Itoa(p.Note) + "."
			}
		}
	}
}

func firstLineOf(units []unit, p unitPair) int {
	line := 0
	for _, side := range [][]int{p.zh, p.en} {
		if len(side) > 0 {
			if l := units[side[0]].lines[0].No; line == 0 || l < line {
				line = l
			}
		}
	}
	return line
}

// makeParas builds the paragraphs of one side, setting Markdown marks apart.
func makeParas(units []unit, idx []int, lang Lang) []Para {
	paras := make([]Para, 0, len(idx))
	for _, i := range idx {
		u := &units[i]
		if md := u.md; md != nil {
			ins := md.inlines
			if md.image != "" && lang == Chinese {
				ins = plainCaption(ins)
			}
			paras = append(paras, Para{Lines: u.lines, Marker: md.marker, Label: md.label(lang), Under: md.under, Note: md.note, Text: u.text, Inlines: ins, Pre: md.pre, Image: md.image, Table: md.table, Head: md.head, Align: md.align})
			continue
		}
		p := Para{Lines: u.lines, Text: u.text}
		if lvl := headingLevel(p.Text); lvl > 0 {
			p.Marker = p.Text[:lvl]
			p.Text = strings.TrimSpace(p.Text[lvl:])
		} else if m := listMarker(p.Text); m != "" {
			p.Marker = m
			p.Text = strings.TrimSpace(p.Text[len(m):])
		}
		paras = append(paras, p)
	}
	return paras
}

// firstMarkdown returns what Markdown says of the pair's first block.
func firstMarkdown(units []unit, p unitPair) *mdBlock {
	for _, side := range [][]int{p.zh, p.en} {
		if len(side) > 0 && units[side[0]].md != nil {
			return units[side[0]].md
		}
	}
	return nil
}

// markedKind types a pair by its Markdown marks.
func markedKind(units []unit, p unitPair) (Kind, int) {
	if md := firstMarkdown(units, p); md != nil {
		return md.kind, md.level
	}
	for _, side := range [][]int{p.zh, p.en} {
		if len(side) == 0 {
			continue
		}
		t := units[side[0]].lines[0].Text
		if lvl := headingLevel(t); lvl > 0 {
			return Heading, lvl
		}
		if listMarker(t) != "" {
			return ListItem, 0
		}
	}
	return Paragraph, 0
}

// markLabelledItems makes list items of "label: text" pairs that follow a
// lead-in ending in a colon, or that come two or more in a row, and sets
// their labels apart.
func markLabelledItems(blocks []Block) {
	labelled := make([]bool, len(blocks))
	for i := range blocks {
		labelled[i] = isLabelledPair(&blocks[i])
	}
	for i := range blocks {
		if !labelled[i] {
			continue
		}
		afterLeadIn := i > 0 && (endsWithColon(&blocks[i-1]) || blocks[i-1].Kind == ListItem && hasLabels(&blocks[i-1]))
		inSeries := i+1 < len(blocks) && labelled[i+1] || i > 0 && labelled[i-1]
		if !afterLeadIn && !inSeries {
			continue
		}
		b := &blocks[i]
		b.Kind = ListItem
		for _, side := range [][]Para{b.ZH, b.EN} {
			for k := range side {
				side[k].Label, side[k].Text, _ = splitLabel(side[k].Text)
			}
		}
	}
}

func hasLabels(b *Block) bool {
	for _, side := range [][]Para{b.ZH, b.EN} {
		if len(side) > 0 && side[0].Label != "" {
			return true
		}
	}
	return false
}

// isLabelledPair reports whether every paragraph of a plain, one-paragraph
// pair is a "label: text" line.
func isLabelledPair(b *Block) bool {
	if b.Kind != Paragraph || len(b.ZH) > 1 || len(b.EN) > 1 || len(b.ZH)+len(b.EN) == 0 {
		return false
	}
	for _, side := range [][]Para{b.ZH, b.EN} {
		if len(side) == 1 && !hasLabel(side[0].Text) {
			return false
		}
	}
	return true
}

func endsWithColon(b *Block) bool {
	for _, side := range [][]Para{b.ZH, b.EN} {
		if len(side) > 0 {
			t := side[len(side)-1].Text
			if strings.HasSuffix(t, "：") || strings.HasSuffix(t, ":") {
				return true
			}
		}
	}
	return false
}

// Limits for an inferred heading: a short pair with no sentence punctuation
// at its end.
const (
	maxHeadingZHRunes = 24
	maxHeadingENWords = 10
)

// markInferredHeadings makes headings of short, unpunctuated, two-sided pairs
// ("摘要" / "Summary"), as they stand between the paragraphs of an article
// converted from Markdown or HTML.
func markInferredHeadings(blocks []Block) {
	for i := range blocks {
		b := &blocks[i]
		if b.Kind != Paragraph || len(b.ZH) != 1 || len(b.EN) != 1 {
			continue
		}
		zh, en := b.ZH[0].Text, b.EN[0].Text
		if utf8.RuneCountInString(zh) > maxHeadingZHRunes || len(strings.Fields(en)) > maxHeadingENWords {
			continue
		}
		if endsSentence(zh) || endsSentence(en) || !mostlyLetters(zh) || !mostlyLetters(en) || signOff(zh) || signOff(en) || byline(zh) || byline(en) {
			continue
		}
		b.Kind, b.Level = Heading, 2
		if i == 0 {
			b.Level = 1
		}
	}
}

// signOff reports a line that opens with a dash: an attribution or a
// signature ("—— 改编自 Knuth", "-- The maintainers"), never a heading.
func signOff(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '—' || r == '–' || r == '―' || strings.HasPrefix(s, "--")
}

// bylineStart is a byline's opening: 作者：…, 译者：…, By …, Translated by ….
var bylineStart = regexp.MustCompile(`^(?:(?:作者|译者|譯者|翻译|翻譯|撰文|编辑|編輯|校对|校對|原文|来源|來源|出处|出處)\s*[：:]|(?:By|Translated by|Written by)\s+\p{Lu}|(?:Authors?|Translators?|Source)\s*:)`)

// byline reports a line that names who wrote or translated the article, or
// where it comes from: never a heading.
func byline(s string) bool { return bylineStart.MatchString(s) }

// mostlyLetters reports whether at least half of the non-space characters
// of s are letters or digits: a title, not a run of marks.
func mostlyLetters(s string) bool {
	letters, others := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			letters++
		case !unicode.IsSpace(r):
			others++
		}
	}
	return letters > 0 && letters >= others
}

// endsSentence reports whether text ends with punctuation that closes a
// sentence or clause.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’」』）)")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？；，：、….!?;,:", r)
}

// plainCaption returns a Chinese picture's caption without the emphasis an
// English one is set in: Chinese has no italics, and its emphasis (dots
// under every character) marks words, not a caption.
func plainCaption(ins []Inline) []Inline {
	out := make([]Inline, len(ins))
	for i, in := range ins {
		in.Style &^= Emphasis
		out[i] = in
	}
	return out
}

// alertLabels name the kinds of GitHub alert and of container, by side.
var alertLabels = map[string][2]string{
	"NOTE": {"注意", "Note"}, "TIP": {"提示", "Tip"}, "IMPORTANT": {"重要", "Important"},
	"WARNING": {"警告", "Warning"}, "CAUTION": {"小心", "Caution"},
	"DANGER": {"危险", "Danger"}, "INFO": {"信息", "Info"}, "DETAILS": {"详情", "Details"},
	"PITFALL": {"陷阱", "Pitfall"}, "DEEPDIVE": {"深入探讨", "Deep Dive"}, // react.dev's, as its Chinese site words them
	// Obsidian's callouts
	"TODO": {"待办", "To do"}, "ABSTRACT": {"摘要", "Abstract"}, "SUCCESS": {"成功", "Success"}, "QUESTION": {"问题", "Question"},
	"FAILURE": {"失败", "Failure"}, "BUG": {"缺陷", "Bug"}, "EXAMPLE": {"示例", "Example"},
}

// hantLabels are the labels of alertLabels written otherwise in
// Traditional Chinese.
var hantLabels = map[string]string{"危险": "危險", "信息": "資訊", "详情": "詳情"}

// traditionalLabels writes a zh-Hant document's Chinese labels in
// Traditional characters.
func traditionalLabels(doc *Document) {
	if doc.Meta.Language != "zh-Hant" {
		return
	}
	for i := range doc.Blocks {
		for j := range doc.Blocks[i].ZH {
			if t, ok := hantLabels[doc.Blocks[i].ZH[j].Label]; ok {
				doc.Blocks[i].ZH[j].Label = t
			}
		}
	}
}

// label is a Markdown block's label in a language: a container's title,
// else its kind's name (alertLabel).
func (md *mdBlock) label(lang Lang) string {
	if md.title != "" {
		return md.title
	}
	return alertLabel(md.alert, lang)
}

// alertLabel is the label of a GitHub alert's paragraph in a language
// ("注意" / "Note"), "" for no alert.
func alertLabel(kind string, lang Lang) string {
	l, ok := alertLabels[kind]
	switch {
	case !ok:
		return ""
	case lang == Chinese:
		return l[0]
	}
	return l[1]
}
