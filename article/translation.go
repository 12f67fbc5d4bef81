package article

import "slices"

// Source is one input file: its name (for diagnostics), its bytes and its
// format.
type Source struct {
	Name   string
	Data   []byte
	Format Format
}

// ParseTranslation reads an original and its translation kept as two files,
// in either language order, and pairs their paragraphs by content alone
// (there is no alternation to lean on): every paragraph of each file lands
// in exactly one pair. Each file may have its own front matter; the titles
// come from each file's own. The document's order is the original's
// language first. Diagnostics name the file they are about.
func ParseTranslation(original, translation Source) (*Document, Diagnostics) {
	files := [2]*twoFileSide{{src: original}, {src: translation}}
	var diags Diagnostics
	for _, f := range files {
		f.c = &collector{file: f.src.Name}
		var ok bool
		f.meta, f.units, ok = readUnits(f.src.Data, f.src.Format, f.c, false, false)
		f.ok = ok
	}
	collect := func() Diagnostics {
		diags = append(append(diags[:0], files[0].c.diags...), files[1].c.diags...)
		return diags
	}
	if !files[0].ok || !files[1].ok {
		return nil, collect()
	}
	zhShare := [2]float64{files[0].chineseShare(), files[1].chineseShare()}
	zhFile := 0
	switch {
	case zhShare[1] > zhShare[0]:
		zhFile = 1
	case zhShare[1] == zhShare[0]:
		lang := "Chinese"
		if zhShare[0] < 0.5 {
			lang = "English"
		}
		files[1].c.errorf(1, "this file and %s read as the same language (%s); a translation pairs a Chinese file with an English one", original.Name, lang)
		return nil, collect()
	}
	zh, en := files[zhFile], files[1-zhFile]
	zh.lang, en.lang = Chinese, English
	// one slice of units, the Chinese file's first, so that pairs index both
	var units []unit
	for _, f := range []*twoFileSide{zh, en} {
		f.first = len(units)
		for i := range f.units {
			if f.units[i].md != nil && f.units[i].md.twin != nil {
				f.units[i] = f.units[i].twinIn(f.lang)
			}
			f.units[i].lang = f.lang
		}
		units = append(units, f.units...)
	}
	zhRun, enRun := makeRuns(units[:len(zh.units)]), makeRuns(units[len(zh.units):])
	zhGroups, enGroups := zhRun[0].groups, enRun[0].groups
	for i := range enGroups {
		for k := range enGroups[i].units {
			enGroups[i].units[k] += en.first
		}
	}
	var pairs []unitPair
	beads, model := alignFiles(zhGroups, enGroups)
	confidences := beadConfidences(zhGroups, enGroups, model, beads, posteriorBand)
	for k, b := range beads {
		p := unitPair{zh: flatten(zhGroups, b.zh), en: flatten(enGroups, b.en), confidence: confidences[k]}
		switch {
		case len(p.en) == 0:
			zh.c.warnf(units[p.zh[0]].lines[0].No, "this paragraph has no counterpart in %s; it is set alone (a one-sided pair)", en.src.Name)
		case len(p.zh) == 0:
			en.c.warnf(units[p.en[0]].lines[0].No, "this paragraph has no counterpart in %s; it is set alone (a one-sided pair)", zh.src.Name)
		}
		pairs = append(pairs, p)
	}
	orig := files[0]
	shown, _ := DropUnwritable(original.Name)
	trShown, _ := DropUnwritable(translation.Name)
	doc := &Document{Name: shown, Translation: trShown, Meta: mergeMeta(zh.meta, en.meta, orig == zh), Order: orig.lang}
	format := original.Format
	if translation.Format != format {
		format = Markdown // plain text's inferred headings and labels would mistype the Markdown side
	}
	doc.Blocks = makeBlocks(units, pairs, format)
	for i, p := range pairs {
		// a pair's line is the original's (its first paragraph there)
		if side := pickSide(p, orig == zh); len(side) > 0 {
			doc.Blocks[i].Line = units[side[0]].lines[0].No
		}
	}
	if doc.Meta.Language == "" {
		doc.Meta.Language = detectScript(doc.Blocks)
	}
	traditionalLabels(doc)
	setTwoFileTitles(doc, zh, en)
	return doc, collect()
}

// twoFileSide is one file of a translation being read.
type twoFileSide struct {
	src   Source
	c     *collector
	meta  Meta
	units []unit
	ok    bool
	lang  Lang
	first int // index of its first unit in the joined slice
}

// chineseShare is the share of the file's paragraphs that read as Chinese,
// among those that read as either language.
func (f *twoFileSide) chineseShare() float64 {
	zh, clear := 0, 0
	for _, u := range f.units {
		switch u.class {
		case classZH:
			zh++
			clear++
		case classEN:
			clear++
		}
	}
	if clear == 0 {
		return 0.5
	}
	return float64(zh) / float64(clear)
}

// pickSide returns the pair's paragraphs in the original (the Chinese
// side when the original is Chinese), or in the translation when the
// original has none in this pair.
func pickSide(p unitPair, originalIsChinese bool) []int {
	first, second := p.zh, p.en
	if !originalIsChinese {
		first, second = second, first
	}
	if len(first) > 0 {
		return first
	}
	return second
}

// mergeMeta combines the two files' front matter: each title from its own
// file, the rest from the original, then the translation.
func mergeMeta(zh, en Meta, originalIsChinese bool) Meta {
	first, second := zh, en
	if !originalIsChinese {
		first, second = en, zh
	}
	m := first
	for _, f := range []struct {
		v     *string
		other string
	}{
		{&m.Subtitle, second.Subtitle}, {&m.Author, second.Author}, {&m.Translator, second.Translator}, {&m.Date, second.Date},
		{&m.Description, second.Description}, {&m.Source, second.Source}, {&m.Identifier, second.Identifier},
		{&m.Paper, second.Paper}, {&m.Left, second.Left}, {&m.EPUBLayout, second.EPUBLayout}, {&m.Columns, second.Columns},
	} {
		if *f.v == "" {
			*f.v = f.other
		}
	}
	m.Keywords = slices.Clone(first.Keywords)
	for _, k := range second.Keywords { // each file's tags, in its own language
		if !slices.Contains(m.Keywords, k) {
			m.Keywords = append(m.Keywords, k)
		}
	}
	m.Language = firstNonEmpty(zh.Language, en.Language)
	m.Title = firstNonEmpty(zh.Title, en.Title)
	m.TitleEN = firstNonEmpty(en.TitleEN, zh.TitleEN)
	if m.Title == "" && zh.TitleEN != "" && en.TitleEN != "" && zh.TitleEN != en.TitleEN {
		// the Chinese file's title in Latin letters (title: Pod, over the
		// English file's Pods) is the Chinese side's title still
		m.Title = zh.TitleEN
	}
	return m
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// setTwoFileTitles takes a title missing from a file's front matter from
// the file's leading heading, and falls back to the original's file name.
func setTwoFileTitles(doc *Document, zh, en *twoFileSide) {
	m := &doc.Meta
	if k := titleHeading(doc.Blocks); k >= 0 {
		b := doc.Blocks[k]
		if m.Title == "" && m.TitleEN == "" {
			doc.TitleFrom = TitleHeading
		}
		if m.Title == "" && len(b.ZH) > 0 {
			m.Title = b.ZH[0].Text
		}
		if m.TitleEN == "" && len(b.EN) > 0 {
			m.TitleEN = b.EN[0].Text
		}
	}
	if m.Title != "" || m.TitleEN != "" {
		return
	}
	orig := zh
	if doc.Order == English {
		orig = en
	}
	base := baseName(doc.Name)
	m.Title, doc.TitleFrom = base, TitleFileName
	orig.c.warnf(1, "no title (no front matter title and no leading heading in either file); using the file name %q", base)
}

// alignFiles aligns two files' paragraphs in two passes: the first scales
// lengths by the files' overall ratio, which untranslated paragraphs
// skew; the second by the ratio of the first's one-to-one pairs, in a
// band of secondPassBand groups around the first's path (widened where
// the path runs along its edge).
const secondPassBand = 16

func alignFiles(zh, en []group) ([]bead, alignModel) {
	beads := searchAlignment(zh, en, paragraphModel(lengthScale(zh, en)))
	var zhPaired, enPaired []group
	for _, b := range beads {
		if len(b.zh) == 1 && len(b.en) == 1 {
			zhPaired, enPaired = append(zhPaired, zh[b.zh[0]]), append(enPaired, en[b.en[0]])
		}
	}
	model := paragraphModel(lengthScale(zhPaired, enPaired))
	return refineAlignment(zh, en, model, pathBand(beads, len(zh), len(en), secondPassBand), secondPassBand), model
}
