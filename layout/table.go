package layout

import "diglot/article"

// tableRow sets a row of a table's cells at its table's column widths
// (measureTables), an em apart. Every column but one is as wide as its
// widest cell, each cell on one line; the widest column (flexColumn) takes
// the rest of the width and its cells wrap there. The cells before it
// stand on the row's first line, the cells after it on its last, so that
// the row read line by line keeps its text's order, and the columns of
// the table's rows, each a pair of its own, line up. A right-aligned or
// centred column's cells are set at the right or in the middle of the
// column. The header row is bold. False when p is no table row, or when
// the other columns leave the wrapping one under a third of the width:
// then the row is set as a ragged paragraph, its cells an em apart (see
// setSide).
func (z *itemizer) tableRow(p article.Para, width int) ([]line, bool) {
	if p.Table == 0 || p.Table > len(z.tables) {
		return nil, false
	}
	cols := z.tables[p.Table-1].EN
	if z.lang == langZH {
		cols = z.tables[p.Table-1].ZH
	}
	n := len(cols)
	if n < 2 {
		return nil, false
	}
	gap := z.size
	flex := flexColumn(cols)
	widths := make([]int, n) // each column's width, rounded up from cols
	rest := width - (n-1)*gap
	for j, c := range cols {
		widths[j] = (c*z.size + 999) / 1000
		if j != flex {
			rest -= widths[j]
		}
	}
	if rest < widths[flex] {
		if rest < width/3 {
			return nil, false
		}
		widths[flex] = rest
	}
	type placed struct {
		lines  []line
		column int
	}
	var set []placed
	x, flexLines := 0, 1
	cells := p.Cells()
	for j := range min(n, len(cells)) {
		if len(cells[j]) > 0 {
			para := z.itemizeCell(p, cells[j], widths[j])
			w := widths[j]
			if j != flex {
				w = width // one line, as wide as its column by measure
			}
			lines := setRagged(para, w)
			if j != flex && (len(lines) > 1 || lines[0].width > widths[j]+z.size/10) {
				return nil, false // wider than measured: no table fits
			}
			if len(lines) == 1 && lines[0].width < widths[j] {
				switch p.CellAlign(j) {
				case article.AlignRight:
					lines = shift(lines, widths[j]-lines[0].width)
				case article.AlignCenter:
					lines = shift(lines, (widths[j]-lines[0].width)/2)
				}
			}
			for k := range lines {
				for i := range lines[k].runs {
					lines[k].runs[i].Cell = j + 1
				}
			}
			if j == flex {
				flexLines = len(lines)
			}
			set = append(set, placed{shift(lines, x), j})
		}
		x += widths[j] + gap
	}
	out := make([]line, flexLines)
	for k := range out {
		out[k].end = -1
	}
	for _, c := range set {
		first := 0 // the cells after the wrapping one stand on its last line
		if c.column > flex {
			first = flexLines - 1
		}
		for k, ln := range c.lines {
			out[first+k].runs = append(out[first+k].runs, ln.runs...)
			out[first+k].width = max(out[first+k].width, ln.width)
		}
	}
	return out, len(set) > 0
}

// itemizeCell itemizes cell, one of row p's, as a paragraph of its own in
// z's faces, size and language, splitting a token wider than column:
// tableRow and measureTables itemize a cell alike, so that a cell measured
// to fit its column does.
func (z *itemizer) itemizeCell(p article.Para, cell []article.Inline, column int) paragraph {
	cz := &itemizer{faces: z.faces, hyph: z.hyph, size: z.size, lang: z.lang, tables: z.tables, column: column}
	spans := bodySpans(article.Para{Lines: p.Lines, Inlines: cell}, z.lang, p.Head)
	if z.lang == langZH {
		return cz.itemizeChinese(spans)
	}
	return cz.itemizeEnglish(spans)
}

// flexColumn is the column of a table that wraps: its widest, the last of
// those as wide.
func flexColumn(cols []int) int {
	flex := 0
	for j, c := range cols {
		if c >= cols[flex] {
			flex = j
		}
	}
	return flex
}

// measureTables returns the widths of the document's tables' columns
// (as article.Document.Tables gives them, in thousandths of an em of body
// text) measured in the faces they are set in rather than estimated from
// their characters: each column's widest cell, set on one line (itemized
// as tableRow does, hyphenation points and all), so that a column's cells
// fit it and a right-aligned column's cells end where its widest does.
func measureTables(doc *article.Document, chain *faceChain, hyph *hyphenCache, spec Spec) []article.TableColumns {
	tables := doc.Tables()
	for i := range tables {
		tables[i].ZH = make([]int, len(tables[i].ZH))
		tables[i].EN = make([]int, len(tables[i].EN))
	}
	for _, b := range doc.Blocks {
		for _, side := range [...]article.Lang{article.Chinese, article.English} {
			lang, size := langZH, spec.ZHSize
			if side == article.English {
				lang, size = langEN, spec.ENSize
			}
			for _, p := range b.Side(side) {
				if p.Table == 0 || p.Table > len(tables) {
					continue
				}
				cols := tables[p.Table-1].ZH
				if side == article.English {
					cols = tables[p.Table-1].EN
				}
				for k, cell := range p.Cells() {
					if k == len(cols) {
						break
					}
					para := (&itemizer{faces: chain, hyph: hyph, size: size, lang: lang}).itemizeCell(p, cell, spec.Width)
					cols[k] = max(cols[k], (naturalWidth(para)*1000+size-1)/size)
				}
			}
		}
	}
	return tables
}
