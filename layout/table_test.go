package layout

import (
	"strings"
	"testing"

	"diglot/article"
	"diglot/fonts"
)

// TestTableRowsLineUp: a Markdown table's rows, each a pair of its own,
// are set as cells at their table's column widths (issue 15: a table read
// as run-together cells, 库适用场景下载量): the same column starts at the
// same x in every row of a side, an em or more past the cell before it,
// the header row is bold, and a long last cell wraps under its own start,
// so that the row read line by line keeps its text's order.
func TestTableRowsLineUp(t *testing.T) {
	src := "| 参数 | 默认值 | 作用 |\n|---|---|---|\n| `GOGC` | 100 | 堆增长到上次存活量的多少百分比时开始下一轮回收，这一列要长到折行才行 |\n| `GOMEMLIMIT` | 无上限 | 内存的软上限 |\n\n" +
		"| Setting | Default | What it does |\n|---|---|---|\n| `GOGC` | 100 | How far, in percent of the last live heap, the heap may grow before the next cycle starts |\n| `GOMEMLIMIT` | none | A soft memory limit |\n"
	book := typesetMarkdown(t, src)
	for _, side := range []struct {
		name  string
		col   [2]int
		cells []string // the first word of each cell, in rows
	}{
		{"zh", book.ZHColumn, []string{"参数", "默认值", "作用", "GOGC", "100", "堆", "GOMEMLIMIT", "无上限", "内存"}},
		{"en", book.ENColumn, []string{"Setting", "Default", "What", "GOGC", "100", "How", "GOMEMLIMIT", "none", "A"}},
	} {
		var runs []Run
		for _, r := range book.Pages[0].Runs {
			if r.X >= side.col[0] && r.X < side.col[0]+side.col[1] && r.Part != PartFolio {
				runs = append(runs, r)
			}
		}
		var xs, ys []int
		for _, want := range side.cells {
			found := false
			for _, r := range runs {
				if r.Text != "" && (strings.HasPrefix(r.Text, want) || strings.HasPrefix(want, r.Text)) { // a kerned pair may start a run
					xs, ys, found = append(xs, r.X), append(ys, r.Y), true
					if want == side.cells[0] && r.Role != fonts.CJKBold && r.Role != fonts.LatinBold {
						t.Errorf("%s: header cell %q not bold (%v)", side.name, r.Text, r.Role)
					}
					break
				}
			}
			if !found {
				t.Fatalf("%s: no run starts with %q", side.name, want)
			}
		}
		for c := range 3 {
			if xs[c] != xs[3+c] || xs[c] != xs[6+c] {
				t.Errorf("%s: column %d starts at %d, %d and %d in the three rows", side.name, c+1, xs[c], xs[3+c], xs[6+c])
			}
			if c > 0 && xs[c]-xs[c-1] < 10*Pt {
				t.Errorf("%s: column %d starts %d after column %d", side.name, c+1, xs[c]-xs[c-1], c)
			}
		}
		// the long cell wraps: a line below the row's first holds text at
		// the last column's start and nothing left of it
		rowY := ys[5]
		wrapped := false
		for _, r := range runs {
			if r.Y > rowY && r.Y < rowY+20*Pt && r.Text != "" {
				if r.X < xs[2] {
					t.Errorf("%s: %q at %d on the wrapped cell's line, left of its column (%d)", side.name, r.Text, r.X, xs[2])
				}
				wrapped = wrapped || r.X == xs[2]
			}
		}
		if !wrapped {
			t.Errorf("%s: the long cell does not wrap under its column", side.name)
		}
	}
}

// TestTableTooWideIsAParagraph: a table whose cells cannot stand side by
// side in the column (a first cell as wide as the column) is set as
// paragraphs, its cells a space apart, never past the column's edge.
func TestTableTooWideIsAParagraph(t *testing.T) {
	long := strings.Repeat("a long first cell ", 6)
	src := "| 名称 | 说明 |\n|---|---|\n| " + strings.Repeat("很长的第一格", 8) + " | 短 |\n\n| Name | Note |\n|---|---|\n| " + long + " | short |\n"
	book := typesetMarkdown(t, src)
	for _, r := range book.Pages[0].Runs {
		for _, col := range [][2]int{book.ZHColumn, book.ENColumn} {
			if r.X >= col[0] && r.X < col[0]+col[1] && r.X+r.Width > col[0]+col[1]+Pt {
				t.Errorf("%q at %d–%d past its column's edge %d", r.Text, r.X, r.X+r.Width, col[0]+col[1])
			}
		}
	}
}

// typesetMarkdown sets a Markdown article on A4.
func typesetMarkdown(t *testing.T, src string) *Book {
	t.Helper()
	doc, diags := article.Parse("t.md", []byte(src))
	if doc == nil {
		t.Fatal(diags)
	}
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), DefaultSpec(A4))
	if err != nil {
		t.Fatal(err)
	}
	return book
}
