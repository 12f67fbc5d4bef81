package layout

import "diglot/article"

// tableRow sets a row of a table's cells at its table's column widths
// (article.Document.Tables), an em apart: every cell but the last on one
// line in its column, the last in the rest of the width, wrapping there, so
// that the row read line by line keeps its text's order and the columns of
// the table's rows, each a pair of its own, line up. A cell wider than its
// column's estimate pushes the cells after it along. A right-aligned or
// centred column's one-line cells are set at the right or in the middle of
// the column's estimate (of the width left, for the last). The header row
// is bold. False when p is no table row, or when the other columns leave the
// last under a third of the width: then the row is set as a paragraph, its
// cells a space apart.
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
	starts := make([]int, n) // where each column starts
	for j := 1; j < n; j++ {
		starts[j] = starts[j-1] + cols[j-1]*z.size/1000 + gap
	}
	if width-starts[n-1] < width/3 {
		return nil, false
	}
	var out []line
	x := 0 // the next cell's least start: past the cell before it
	cells := p.Cells()
	for j := range min(n, len(cells)) {
		cell := article.Para{Lines: p.Lines, Inlines: cells[j]}
		x = max(x, starts[j])
		if len(cell.Inlines) == 0 {
			continue
		}
		cz := &itemizer{faces: z.faces, hyph: z.hyph, size: z.size, lang: z.lang, tables: z.tables}
		w := width - x // the last cell wraps in the rest of the width
		if j < n-1 {
			w = width // the others keep to one line
		} else if w < width/4 {
			return nil, false // the cells before it took its room
		}
		cz.column = w
		spans := bodySpans(cell, z.lang, p.Head)
		var para paragraph
		if z.lang == langZH {
			para = cz.itemizeChinese(spans)
		} else {
			para = cz.itemizeEnglish(spans)
		}
		lines := setRagged(para, w)
		colW := cols[j] * z.size / 1000
		if j == n-1 {
			colW = min(colW, w)
		}
		if len(lines) == 1 && lines[0].width < colW {
			switch p.CellAlign(j) {
			case article.AlignRight:
				lines = shift(lines, colW-lines[0].width)
			case article.AlignCenter:
				lines = shift(lines, (colW-lines[0].width)/2)
			}
		}
		lines = shift(lines, x)
		for k := range lines {
			for i := range lines[k].runs {
				lines[k].runs[i].Cell = j + 1
			}
		}
		if j < n-1 && (len(lines) > 1 || lines[0].width > width) {
			return nil, false // pushed past the column's edge: no table fits
		}
		for k, ln := range lines {
			if k == len(out) {
				out = append(out, line{end: -1})
			}
			out[k].runs = append(out[k].runs, ln.runs...)
			out[k].width = max(out[k].width, ln.width)
		}
		if len(lines) > 0 {
			x = lines[0].width + gap
		}
	}
	return out, len(out) > 0
}

// measureTables returns the widths of the document's tables' columns
// (as article.Document.Tables gives them, in thousandths of an em of body
// text) measured in the faces they are set in rather than estimated from
// their characters: each column's widest cell, set on one line, so that a
// right-aligned column's cells end where its widest one does.
func measureTables(doc *article.Document, chain *faceChain, spec Spec) []article.TableColumns {
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
					z := &itemizer{faces: chain, size: size, lang: lang, column: spec.Width}
					spans := bodySpans(article.Para{Lines: p.Lines, Inlines: cell}, lang, p.Head)
					var para paragraph
					if lang == langZH {
						para = z.itemizeChinese(spans)
					} else {
						para = z.itemizeEnglish(spans)
					}
					cols[k] = max(cols[k], (naturalWidth(para)*1000+size-1)/size)
				}
			}
		}
	}
	return tables
}
