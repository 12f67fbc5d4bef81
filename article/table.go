package article

import (
	"unicode"

	"golang.org/x/text/width"
)

// TableColumns is how wide a table's columns are on each side, in
// thousandths of an em of body text: each column's widest cell, estimated
// from its characters (tableCharWidth). Both writers set a table's cells
// at these widths, so that its rows, each a pair of its own, line up.
type TableColumns struct {
	ZH, EN []int
}

// Tables returns the columns of each table in the document, by Para.Table
// (the first table's at index 0).
func (d *Document) Tables() []TableColumns {
	var out []TableColumns
	for _, b := range d.Blocks {
		for _, side := range []Lang{Chinese, English} {
			for _, p := range b.Side(side) {
				if p.Table == 0 {
					continue
				}
				for len(out) < p.Table {
					out = append(out, TableColumns{})
				}
				cols := &out[p.Table-1].ZH
				if side == English {
					cols = &out[p.Table-1].EN
				}
				for k, cell := range p.Cells() {
					if k == len(*cols) {
						*cols = append(*cols, 0)
					}
					(*cols)[k] = max((*cols)[k], cellWidth(cell, p.Head))
				}
			}
		}
	}
	return out
}

// Cells returns a table row's inlines cell by cell (the first cell's at
// index 0; an empty cell's empty), without the spaces between the cells;
// nil for a paragraph that is no table row.
func (p Para) Cells() [][]Inline {
	var cells [][]Inline
	for _, in := range p.Inlines {
		if in.Cell == 0 {
			continue
		}
		for len(cells) < in.Cell {
			cells = append(cells, nil)
		}
		cells[in.Cell-1] = append(cells[in.Cell-1], in)
	}
	return cells
}

// cellWidth estimates the width of a cell of a row, in thousandths of an
// em; a header's bold text a tenth wider (Source Serif's bold is 7–10 %
// wider than its regular).
func cellWidth(cell []Inline, head bool) int {
	w := 0
	for _, in := range cell {
		for _, r := range in.Text {
			w += tableCharWidth(r, in.Style)
		}
	}
	if head {
		w += w / 10
	}
	return w
}

// tableCharWidth estimates a character's width in thousandths of an em: a
// wide (Han, full-width) one an em, code 0.6 em (the monospace face), a
// space 0.3 em, other text 0.55 em (a little over Source Serif's average,
// so that a cell rather has room to spare than wraps).
func tableCharWidth(r rune, style Style) int {
	switch k := width.LookupRune(r).Kind(); {
	case k == width.EastAsianWide || k == width.EastAsianFullwidth:
		return 1000
	case style&Code != 0:
		return 600
	case unicode.IsSpace(r):
		return 300
	}
	return 550
}
