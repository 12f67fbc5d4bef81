package layout

import (
	"fmt"
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
// side in the column (a last cell as wide as the column beside a long
// first one) is set as paragraphs, its cells a space apart, never past
// the column's edge.
func TestTableTooWideIsAParagraph(t *testing.T) {
	long := strings.Repeat("a long first cell ", 6)
	src := "| 名称 | 说明 |\n|---|---|\n| " + strings.Repeat("很长的第一格", 8) + " | " + strings.Repeat("很长的第二格", 6) + " |\n\n| Name | Note |\n|---|---|\n| " + long + " | " + long + " |\n"
	book := typesetMarkdown(t, src)
	for _, r := range book.Pages[0].Runs {
		if r.Artifact {
			continue // the folio, centred under both columns
		}
		if r.Table > 0 && r.Cell > 0 {
			t.Errorf("%q set as a cell (%d): the table cannot stand as cells", r.Text, r.Cell)
		}
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

// TestTableAlignAndRules: a right-aligned column's cells end at one x
// in every row (a centred column's share a middle), and a table gets
// three rules in each column, as booktabs has them: a heavy one above its
// header row, a light one under it and a heavy one under its last row,
// each between the rows it separates.
func TestTableAlignAndRules(t *testing.T) {
	src := "| Crate | Kind | Downloads |\n|---|:-:|--:|\n| `thiserror` | library | 300M |\n| `anyhow` | application | 2.5M |\n\n" +
		"| 库 | 类型 | 下载量 |\n|---|:-:|--:|\n| `thiserror` | 库 | 3 亿 |\n| `anyhow` | 应用 | 250 万 |\n\nAfter the table.\n\n表格之后。\n"
	book := typesetMarkdown(t, src)
	page := book.Pages[0]
	for _, side := range []struct {
		name             string
		col              [2]int
		right, centre    []string
		head, last, next string
	}{
		{"en", book.ENColumn, []string{"Downloads", "300M", "2.5M"}, []string{"Kind", "library", "application"}, "Crate", "anyhow", "After"},
		{"zh", book.ZHColumn, []string{"下载量", "3", "250"}, []string{"类型", "库", "应用"}, "库", "anyhow", "表格之后"},
	} {
		inColumn := func(x int) bool { return x >= side.col[0] && x < side.col[0]+side.col[1] }
		// a cell's extent: from its first run to the end of the run
		// ending the line's cell (the runs of one line after it)
		cellRuns := func(first string, nth int) []Run {
			seen := 0
			for i, r := range page.Runs {
				if inColumn(r.X) && r.Text != "" && (strings.HasPrefix(r.Text, first) || strings.HasPrefix(first, r.Text)) && r.Cell > 0 { // a kerned pair may start a run
					if seen++; seen < nth {
						continue
					}
					out := []Run{r}
					for _, s := range page.Runs[i+1:] {
						if s.Y != r.Y || s.Cell != r.Cell || !inColumn(s.X) {
							break
						}
						out = append(out, s)
					}
					return out
				}
			}
			t.Fatalf("%s: no cell starts with %q", side.name, first)
			return nil
		}
		var ends, middles []int
		for _, c := range side.right {
			runs := cellRuns(c, 1)
			ends = append(ends, runs[len(runs)-1].X+runs[len(runs)-1].Width)
		}
		for k, c := range side.centre {
			nth := 1
			if side.name == "zh" && k == 1 {
				nth = 2 // 库 heads the first column too
			}
			runs := cellRuns(c, nth)
			middles = append(middles, (runs[0].X+runs[len(runs)-1].X+runs[len(runs)-1].Width)/2)
		}
		for k := 1; k < 3; k++ {
			if d := ends[k] - ends[0]; d < -Pt/2 || d > Pt/2 {
				t.Errorf("%s: right-aligned cell %q ends %d from the header's end", side.name, side.right[k], d)
			}
			if d := middles[k] - middles[0]; d < -Pt || d > Pt {
				t.Errorf("%s: centred cell %q's middle %d from the header's", side.name, side.centre[k], d)
			}
		}
		var ys []int
		for _, rl := range page.Rules {
			if rl.Y0 == rl.Y1 && rl.X0 == side.col[0] && rl.X1 == side.col[0]+side.col[1] {
				ys = append(ys, rl.Y0)
			}
		}
		baseline := func(text string) int {
			for _, r := range page.Runs {
				if inColumn(r.X) && r.Text != "" && (strings.HasPrefix(r.Text, text) || strings.HasPrefix(text, r.Text)) {
					return r.Y
				}
			}
			t.Fatalf("%s: no run %q", side.name, text)
			return 0
		}
		head, body, last, next := baseline(side.head), baseline(cellRuns(side.right[1], 1)[0].Text), baseline(side.last), baseline(side.next)
		if len(ys) != 3 || ys[0] >= head-6*Pt || ys[1] <= head || ys[1] >= body-6*Pt || ys[2] <= last || ys[2] >= next-6*Pt {
			t.Errorf("%s: rules at %v; baselines: header %d, first row %d, last row %d, next paragraph %d", side.name, ys, head, body, last, next)
		}
	}
}

// TestTableMiddleColumnWraps: the widest column wraps, wherever it is; the
// cells before it stand on the row's first line and the cells after it on
// its last, so that the row read line by line keeps its text's order, and
// every other column is as wide as its widest cell.
func TestTableMiddleColumnWraps(t *testing.T) {
	src := "| 类型 | 操作 | 大小 |\n|---|---|--:|\n| B-tree | 等值 | 21 MB |\n| Hash | 等值 | 18 MB |\n\n" +
		"| Type | Operators | Size |\n|---|---|--:|\n| B-tree | equality, ranges, sorting, prefix matches of text and an ORDER BY on the same column | 21 MB |\n| Hash | equality | 18 MB |\n"
	book := typesetMarkdown(t, src)
	var row []Run
	for _, r := range book.Pages[0].Runs {
		if r.Pair == 2 && r.Side == article.English {
			row = append(row, r)
		}
	}
	if len(row) == 0 {
		t.Fatal("no English runs of the second pair")
	}
	first, last := row[0].Y, row[len(row)-1].Y
	if first == last {
		t.Fatal("the operators cell did not wrap")
	}
	var text []string
	for _, r := range row {
		if r.Cell == 0 {
			t.Fatalf("%q not set as a cell: the row fell back to a paragraph", r.Text)
		}
		switch {
		case r.Cell == 1 && r.Y != first:
			t.Errorf("first cell's %q on line y=%d, want the row's first line %d", r.Text, r.Y, first)
		case r.Cell == 3 && r.Y != last:
			t.Errorf("last cell's %q on line y=%d, want the row's last line %d", r.Text, r.Y, last)
		}
		text = append(text, r.Text)
	}
	if got := strings.Join(text, " "); !strings.HasPrefix(got, "B-tree equality") || !strings.HasSuffix(got, "column 21 MB") {
		t.Errorf("the row's runs in line order: %q", got)
	}
}

// TestTableParagraphKeepsCellsApart: a table row set as a paragraph (its
// cells cannot stand side by side) keeps its cells an em apart, in Chinese
// too, where the space between two cells would vanish between Han
// (类型操作说明大小); it starts at the column's edge, with no paragraph
// indent, and its header row stays bold.
func TestTableParagraphKeepsCellsApart(t *testing.T) {
	src := "| 类型 | 操作 | 说明 | 大小 |\n|---|---|---|---|\n| 甲乙丙丁戊己庚辛壬癸 | 甲乙丙丁戊己庚辛壬癸甲乙 | 子丑寅卯辰巳午未申酉戌亥 | 二十一兆字节 |\n\n" +
		"| Type | Operators | Notes | Size |\n|---|---|---|---|\n| a long first cell here | another rather long cell | and notes that go on | twenty-one megabytes |\n"
	book := typesetMarkdown(t, src)
	spec := DefaultSpec(A4)
	for _, side := range []struct {
		col   [2]int
		cells []string
		size  int
	}{
		{book.ZHColumn, []string{"类型", "操作", "说明", "大小"}, spec.ZHSize},
		{book.ENColumn, []string{"Type", "Operators", "Notes", "Size"}, spec.ENSize},
	} {
		var head []Run
		for _, r := range book.Pages[0].Runs {
			if r.Pair == 1 && r.X >= side.col[0] && r.X < side.col[0]+side.col[1] {
				if n := len(head); n > 0 && r.X-head[n-1].X-head[n-1].Width < Pt/2 { // a kerned pair starts a run
					head[n-1].Text += r.Text
					head[n-1].Width = r.X + r.Width - head[n-1].X
					continue
				}
				head = append(head, r)
			}
		}
		if len(head) != len(side.cells) {
			t.Fatalf("header runs %v, want one a cell: %v", head, side.cells)
		}
		if head[0].X != side.col[0] {
			t.Errorf("%s starts %d past the column's edge", head[0].Text, head[0].X-side.col[0])
		}
		for i, r := range head {
			if r.Text != side.cells[i] || r.Cell != 0 || (r.Role != fonts.CJKBold && r.Role != fonts.LatinBold) {
				t.Errorf("header run %d: %q (cell %d, role %v), want %q in bold", i, r.Text, r.Cell, r.Role, side.cells[i])
			}
			if i > 0 {
				if gap := r.X - head[i-1].X - head[i-1].Width; gap < side.size*8/10 {
					t.Errorf("%q only %d after %q: the cells run together", r.Text, gap, head[i-1].Text)
				}
			}
		}
	}
}

// TestTablesAndCodeSetSmaller: a table's rows and a code block are set at
// smallPerMille of the text's size, the prose around them at the text's.
func TestTablesAndCodeSetSmaller(t *testing.T) {
	src := "说明文字。\n\nSome prose.\n\n| 类型 | 大小 |\n|---|---|\n| B-tree | 21 MB |\n\n| Type | Size |\n|---|---|\n| B-tree | 21 MB |\n\n```\ngo build ./...\n```\n"
	book := typesetMarkdown(t, src)
	spec := DefaultSpec(A4)
	small := spec.ENSize * smallPerMille / 1000
	if small >= spec.ENSize {
		t.Fatalf("small size %d is not below the text's %d", small, spec.ENSize)
	}
	sizes := map[int]map[int]bool{}
	for _, r := range book.Pages[0].Runs {
		if r.Pair == 0 || r.Artifact {
			continue
		}
		if sizes[r.Pair] == nil {
			sizes[r.Pair] = map[int]bool{}
		}
		sizes[r.Pair][r.Size] = true
	}
	for pair, want := range map[int]int{1: spec.ENSize, 2: small, 3: small, 4: small} {
		if len(sizes[pair]) != 1 || !sizes[pair][want] {
			t.Errorf("pair %d set at sizes %v, want only %d", pair, sizes[pair], want)
		}
	}
}

// TestPictureCaptionsLevel: a picture pair is set at one size on both
// sides, and its captions start on one baseline, although the two columns'
// widths and leadings differ.
func TestPictureCaptionsLevel(t *testing.T) {
	doc, diags := article.Parse("t.md", []byte("![分布](a.png)\n*图 1：优化前一次典型构建的时间分布*\n\n![Breakdown](a.png)\n*Figure 1: where the time of a typical build went before the work*\n"))
	if doc == nil {
		t.Fatal(diags)
	}
	spec := DefaultSpec(A4)
	spec.Pictures = map[string]Picture{"a.png": {Width: 900, Height: 500}}
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	var images []*Image
	firstY := map[article.Lang]int{}
	for _, r := range book.Pages[0].Runs {
		if r.Pair == 1 && !r.Artifact && r.Text != "" {
			if _, ok := firstY[r.Side]; !ok {
				firstY[r.Side] = r.Y
			}
		}
	}
	for i := range book.Pages[0].Images {
		images = append(images, &book.Pages[0].Images[i])
	}
	if len(images) != 2 || images[0].W != images[1].W || images[0].H != images[1].H {
		t.Fatalf("want the picture twice at one size, got %+v", images)
	}
	if firstY[article.Chinese] == 0 || firstY[article.Chinese] != firstY[article.English] {
		t.Errorf("captions' first baselines: zh %d, en %d", firstY[article.Chinese], firstY[article.English])
	}
}

// TestHanFreeChineseSideSetAsEnglish: a Chinese side's paragraph with no
// Han (a shortcode given in both languages) has no Chinese indent.
func TestHanFreeChineseSideSetAsEnglish(t *testing.T) {
	book := typesetMarkdown(t, "中文段落，有一点长度。\n\nAn English paragraph.\n\n{{% code_sample file=\"pods/simple-pod.yaml\" %}}\n\n{{% code_sample file=\"pods/simple-pod.yaml\" %}}\n")
	var prose, markup int = -1, -1
	for _, r := range book.Pages[0].Runs {
		if r.Side != article.Chinese || r.Artifact {
			continue
		}
		switch {
		case r.Pair == 1 && prose < 0:
			prose = r.X
		case r.Pair == 2 && markup < 0:
			markup = r.X
		}
	}
	if prose < 0 || markup < 0 || markup >= prose {
		t.Errorf("the Chinese paragraph starts at x=%d, the Han-free one at %d: want it at the column's edge, without the indent", prose, markup)
	}
}

// TestGivenOnceInBothColumns: a heading with no letters, a code block and a
// shortcode alone, each given once, stand in both columns of the PDF (they
// read the same in both languages); a heading with words given once stays
// in its own.
func TestGivenOnceInBothColumns(t *testing.T) {
	book := typesetMarkdown(t, "段落一。\n\nPara one.\n\n## 2.0\n\n运行以下命令：\n\nRun the following command:\n\n```\nkubectl apply -f pod.yaml\n```\n\n完成。\n\nDone.\n\n{{< feature-state state=\"beta\" >}}\n\n结束。\n\nThe end.\n\n## Notes\n")
	sides := map[int]map[article.Lang]bool{}
	texts := map[int]string{}
	for _, p := range book.Pages {
		for _, r := range p.Runs {
			if r.Pair == 0 || r.Artifact {
				continue
			}
			if sides[r.Pair] == nil {
				sides[r.Pair] = map[article.Lang]bool{}
			}
			sides[r.Pair][r.Side] = true
			texts[r.Pair] += r.Text
		}
	}
	for pair, s := range sides {
		both := s[article.Chinese] && s[article.English]
		if want := !strings.Contains(texts[pair], "Notes"); both != want {
			t.Errorf("pair %d (%q) in both columns: %v, want %v", pair, texts[pair], both, want)
		}
	}
}

// TestTableHeadKeepsWithFirstRow: a table's header row never stands alone
// at a page's foot: with the text before the table made a line longer at
// a time, wherever the page turns, the header row is on the page of the
// table's first row.
func TestTableHeadKeepsWithFirstRow(t *testing.T) {
	seen := false
	for n := 20; n <= 60; n++ {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "第%d段，一行就够。\n\nParagraph %d, one line.\n\n", i, i)
		}
		if n%2 == 1 { // a taller pair: the page turns at another place in the rows
			b.WriteString("## 小节\n\n## A section\n\n")
		}
		b.WriteString("| 指标 | 之前 |\n|---|---|\n| 大小 | 2.4 MB |\n\n| Measure | Before |\n|---|---|\n| Size | 2.4 MB |\n\n")
		for i := 0; i < 30; i++ { // the table is not at the book's end, which is balanced otherwise
			fmt.Fprintf(&b, "后%d段。\n\nAfter %d.\n\n", i, i)
		}
		book := typesetMarkdown(t, b.String())
		headPage, rowPage := -1, -1
		for p, pg := range book.Pages {
			for _, r := range pg.Runs {
				switch {
				case r.Table > 0 && r.Header && headPage < 0:
					headPage = p
				case r.Table > 0 && !r.Header && rowPage < 0:
					rowPage = p
				}
			}
		}
		if headPage < 0 || rowPage < 0 {
			t.Fatalf("%d paragraphs: no table header or row set", n)
		}
		if headPage != rowPage {
			t.Errorf("%d paragraphs: the header row on page %d, the first row on page %d", n, headPage+1, rowPage+1)
		}
		seen = seen || headPage > 0
	}
	if !seen {
		t.Error("no build put the table on a later page: the test tried no page turn near it")
	}
}

// TestTableHeadRepeats: a table that goes on over a page turn has its
// header row drawn again at the top of the next page, as an artifact (the
// header is read once), above the rows that go on.
func TestTableHeadRepeats(t *testing.T) {
	var b strings.Builder
	b.WriteString("| 指标 | 数值 |\n|---|---|\n")
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&b, "| 第%d项 | %d |\n", i, i)
	}
	b.WriteString("\n| Measure | Value |\n|---|---|\n")
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&b, "| Item %d | %d |\n", i, i)
	}
	book := typesetMarkdown(t, b.String())
	if len(book.Pages) < 2 {
		t.Fatalf("%d page(s): the table does not go on over a page", len(book.Pages))
	}
	for p, pg := range book.Pages {
		headY, rowY := -1, -1
		for _, r := range pg.Runs {
			switch {
			case r.Table > 0 && r.Header && (r.Text == "Measure" || strings.HasPrefix(r.Text, "M")):
				headY = r.Y
				if r.Artifact != (p > 0) {
					t.Errorf("page %d: the header row's artifact flag is %v", p+1, r.Artifact)
				}
			case r.Table > 0 && !r.Header && rowY < 0:
				rowY = r.Y
			}
		}
		if headY < 0 || rowY < 0 || headY >= rowY {
			t.Errorf("page %d: header at %d, first row at %d, want the header above the rows", p+1, headY, rowY)
		}
	}
}

// TestFootnoteMarksLead: a footnote's mark links to its note in its own
// language ("#note-zh-1"), and the note's first run is the anchor there.
func TestFootnoteMarksLead(t *testing.T) {
	book := typesetMarkdown(t, "交流[^1]。\n\nTalk[^1].\n\n[^1]: 注释。\n\n[^1]: The note.\n")
	links, anchors := map[string]bool{}, map[string]bool{}
	for _, pg := range book.Pages {
		for _, r := range pg.Runs {
			if r.Text == "¹" {
				links[r.Link] = true
			}
			if r.Anchor != "" {
				anchors[r.Anchor] = true
			}
		}
	}
	for _, l := range []string{"zh", "en"} {
		if !links["#note-"+l+"-1"] || !anchors["note-"+l+"-1"] {
			t.Errorf("%s: mark links %v, anchors %v", l, links, anchors)
		}
	}
}
