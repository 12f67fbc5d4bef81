package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/script"
)

// titleRuns typesets a one-paragraph article under spec and returns page
// 1's title runs.
func titleRuns(t *testing.T, spec Spec) (*Book, []Run) {
	t.Helper()
	doc, _ := article.Parse("t.txt", []byte("中文段落。\nAn English paragraph.\n"))
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	var runs []Run
	for _, r := range book.Pages[0].Runs {
		if r.Part == PartTitle {
			runs = append(runs, r)
		}
	}
	return book, runs
}

// TestTitleRow: two titles that fit share one centred line (issue 15 item
// 11), in the columns' order, with the gap between them off the gutter's
// line; titles too long for one line are set one above the other.
func TestTitleRow(t *testing.T) {
	rows := 0
	for _, left := range []bool{false, true} {
		for k := 2; k <= 24; k++ {
			spec := DefaultSpec(A4)
			spec.EnglishLeft = left
			spec.Title, spec.TitleEN = "标题标题", strings.Repeat("n", k)
			book, runs := titleRuns(t, spec)
			if len(runs) == 0 {
				t.Fatalf("k=%d: no title runs", k)
			}
			if len(map[int]bool{runs[0].Y: true, runs[len(runs)-1].Y: true}) > 1 {
				continue // stacked: the gap could not clear the gutter
			}
			rows++
			var zh, en [2]int // the extent of each title
			zh[0], en[0] = 1<<30, 1<<30
			for _, r := range runs {
				e := &en
				if script.HasHan(r.Text) {
					e = &zh
				}
				e[0], e[1] = min(e[0], r.X), max(e[1], r.X+r.Width)
			}
			first, second := zh, en
			if left {
				first, second = en, zh
			}
			gap := second[0] - first[1]
			if gap < 12*Pt || gap > 20*Pt {
				t.Errorf("k=%d left=%v: gap %d between the titles, want 0.6–1 em", k, left, gap)
			}
			if mid := (first[0] + second[1]) / 2; abs(mid-spec.Width/2) > 10*Pt {
				t.Errorf("k=%d left=%v: title row centred %d off the page's centre", k, left, mid-spec.Width/2)
			}
			leftCol := book.ZHColumn
			if left {
				leftCol = book.ENColumn
			}
			if g0, g1 := leftCol[0]+leftCol[1], leftCol[0]+leftCol[1]+spec.Gutter; first[1] <= g1 && second[0] >= g0 {
				t.Errorf("k=%d left=%v: the gap %d–%d meets the gutter %d–%d", k, left, first[1], second[0], g0, g1)
			}
		}
	}
	if rows < 30 {
		t.Errorf("only %d of 46 title pairs set on one line", rows)
	}
	spec := DefaultSpec(A4)
	spec.Title, spec.TitleEN = "一个相当长的中文标题", strings.Repeat("A rather long English title ", 3)
	_, runs := titleRuns(t, spec)
	baselines := map[int]bool{}
	for _, r := range runs {
		baselines[r.Y] = true
	}
	if len(baselines) < 2 {
		t.Errorf("titles too long for one line: %d baseline(s), want them stacked", len(baselines))
	}
}

// TestNoTitleNoBlock: without a title there is no title block.
func TestNoTitleNoBlock(t *testing.T) {
	if _, runs := titleRuns(t, DefaultSpec(A4)); len(runs) != 0 {
		t.Errorf("%d title runs without a title", len(runs))
	}
}

// TestTitleFromHeadingLeavesColumns: a leading heading pair set as the
// title block is not set again in the columns, and the outline still opens
// with it.
func TestTitleFromHeadingLeavesColumns(t *testing.T) {
	doc, _ := article.Parse("h.md", []byte("# 标题\n\n# Title\n\n中文段落。\n\nAn English paragraph.\n\n## 小节\n\n## Section\n\n中文。\n\nEnglish.\n"))
	spec := DefaultSpec(A4)
	spec.Title, spec.TitleEN, spec.TitleFromHeading = "标题", "Title", true
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	titles := 0
	for _, r := range book.Pages[0].Runs {
		if r.Pair == 1 {
			t.Errorf("run %q of the title's pair in the columns", r.Text)
		}
		if r.Part == PartTitle {
			titles++
		}
	}
	if titles == 0 {
		t.Error("no title block")
	}
	marks := book.Pages[0].Bookmarks
	if len(marks) != 2 || marks[0].Title != "标题 / Title" || marks[0].Level != 1 || marks[1].Level != 2 {
		t.Errorf("outline %+v, want the title at level 1, then the section", marks)
	}
}

// TestColumnsClear: no glyph of the columns enters the gutter or the
// other column, no page ends in a word split across the turn, on the seed, the corpus articles and the edge files that
// stress line breaking; the title block alone spans both (issue 15; it
// stands in for check-pdf's d.columns-overlap on page 1, see
// testdata/checker-disputes.txt).
func TestColumnsClear(t *testing.T) {
	paths, _ := filepath.Glob("../article/testdata/corpus/*.txt")
	paths = append(paths, "../testdata/seed.txt", "../article/testdata/edge/long-tokens.txt", "../article/testdata/edge/clreq-punctuation.txt")
	if len(paths) < 6 {
		t.Fatalf("%d articles found", len(paths))
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := article.Parse(filepath.Base(path), src)
		spec := DefaultSpec(A4)
		spec.Title, spec.TitleEN, spec.TitleFromHeading = "标题", "Title", len(doc.Blocks) > 0 && doc.Blocks[0].Kind == article.Heading
		book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
		if err != nil {
			t.Fatal(err)
		}
		for i, pg := range book.Pages {
			var last [2]Run // the last run of each column on the page
			for _, r := range pg.Runs {
				if r.Pair > 0 && (r.Y > last[r.Side].Y || r.Y == last[r.Side].Y && r.X > last[r.Side].X) {
					last[r.Side] = r
				}
			}
			for _, r := range last {
				if i+1 < len(book.Pages) && r.Inserted && r.Text == "-" {
					t.Errorf("%s p%d ends in a word split across the page turn", filepath.Base(path), i+1)
				}
			}
			for _, r := range pg.Runs {
				if r.Pair == 0 {
					continue // title, byline and furniture
				}
				col := book.ZHColumn
				if r.Side == article.English {
					col = book.ENColumn
				}
				// a final mark may hang into the outer margin after the
				// right column by a share of its width (protrusion),
				// nothing enters the gutter
				hang := 0
				if last, _ := utf8.DecodeLastRuneInString(r.Text); col[0] == max(book.ZHColumn[0], book.ENColumn[0]) && protrusion(last) > 0 {
					hang = r.Size * protrusion(last) / 1000
				}
				const rounding = 5 // millipoints: a run's place and width are each rounded
				if r.X < col[0]-rounding || r.X+r.Width > col[0]+col[1]+hang+rounding {
					t.Errorf("%s p%d: %q at %d–%d outside its column %d–%d", filepath.Base(path), i+1, r.Text, r.X, r.X+r.Width, col[0], col[0]+col[1])
				}
			}
		}
	}
}

// TestLongHeadingTitleStaysInColumns: a leading heading pair too long for
// one title line, for a title row with one title wrapped under itself
// (TestLongHeadingTitleWraps) and for one with both wrapped beside each
// other in at most four lines (TestLongTitlesBothWrap), stays the heading
// pair it is, side by side in the columns, rather than two lines over both
// columns that belong to neither.
func TestLongHeadingTitleStaysInColumns(t *testing.T) {
	zh := "一个相当长而且还要更长一些的中文标题，长到在标题栏里排上四行也还是排不下，只好留在各自的栏中"
	en := "A Rather Long English Title That Goes On and On Past One Line, and Then On Past Another, and Past Four Lines Beside the Chinese, Which Cannot Hold It Either"
	doc, _ := article.Parse("h.md", []byte("# "+zh+"\n\n# "+en+"\n\n中文段落。\n\nAn English paragraph.\n"))
	spec := DefaultSpec(A4)
	spec.Title, spec.TitleEN, spec.TitleFromHeading = zh, en, true
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	heading := 0
	for _, r := range book.Pages[0].Runs {
		if r.Part == PartTitle {
			t.Fatalf("title run %q: the heading should stay in the columns", r.Text)
		}
		if r.Pair == 1 && r.Part == PartHeading {
			heading++
		}
	}
	if heading == 0 {
		t.Error("the heading pair is not in the columns")
	}
}

// TestLongHeadingTitleWraps: a leading heading pair whose English title is
// too long for one line gets a title block still (issue 15 item 11): the
// Chinese title level with the English's first line, which is centred on
// the page, the English wrapped under its own start (with --left en, flush
// right against the gap), each title on its own side of the gap, inside
// the margins, and no line ending in a short word such as "in".
func TestLongHeadingTitleWraps(t *testing.T) {
	zh, en := "开源项目的角色与职责", "Roles and Responsibilities in an Open Source Project"
	for _, left := range []bool{false, true} {
		doc, _ := article.Parse("h.md", []byte("# "+zh+"\n\n# "+en+"\n\n中文段落。\n\nAn English paragraph.\n"))
		spec := DefaultSpec(A4)
		spec.Title, spec.TitleEN, spec.TitleFromHeading, spec.EnglishLeft = zh, en, true, left
		spec.Columns = [2]int{45, 55} // a real article's share, not this one's few words
		book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
		if err != nil {
			t.Fatal(err)
		}
		lines := map[int][]Run{} // English runs by baseline
		var zhRuns []Run
		var baselines []int
		for _, r := range book.Pages[0].Runs {
			switch {
			case r.Part != PartTitle:
			case script.HasHan(r.Text):
				zhRuns = append(zhRuns, r)
			default:
				if _, ok := lines[r.Y]; !ok {
					baselines = append(baselines, r.Y)
				}
				lines[r.Y] = append(lines[r.Y], r)
			}
		}
		if len(zhRuns) == 0 || len(baselines) < 2 {
			t.Fatalf("left %v: %d Chinese title runs, English title on %d lines; want a title row with the English wrapped", left, len(zhRuns), len(baselines))
		}
		zx0, zx1 := extent(zhRuns)
		for _, r := range zhRuns {
			if r.Y != baselines[0] {
				t.Errorf("left %v: Chinese title at y %d, the English starts at %d: not level", left, r.Y, baselines[0])
			}
		}
		var edge int // where the English lines start (or, left, end)
		for i, y := range baselines {
			x0, x1 := extent(lines[y])
			if x0 < spec.MarginInner || x1 > spec.Width-spec.MarginInner {
				t.Errorf("left %v: English title line %d at %d–%d outside the margins", left, i+1, x0, x1)
			}
			if !left && x0 <= zx1 || left && x1 >= zx0 {
				t.Errorf("left %v: English title line %d at %d–%d meets the Chinese title at %d–%d", left, i+1, x0, x1, zx0, zx1)
			}
			e := x0
			if left {
				e = x1
			}
			if i == 0 {
				edge = e
				lo, hi := min(x0, zx0), max(x1, zx1)
				if d := (lo+hi)/2 - spec.Width/2; d > 10*Pt || d < -10*Pt {
					t.Errorf("left %v: the title row's first line is %d off the page's centre", left, d)
				}
			} else if d := e - edge; d > 5 || d < -5 {
				t.Errorf("left %v: English title line %d aligned at %d, the first at %d", left, i+1, e, edge)
			}
			var text strings.Builder
			for _, r := range lines[y] {
				text.WriteString(r.Text)
			}
			if i < len(baselines)-1 && endsWeak(text.String()) {
				t.Errorf("left %v: English title line %q ends in a short word", left, text.String())
			}
		}
	}
}

// TestLongTitlesBothWrap: a leading heading pair too long for a row with
// one title wrapped gets a title block still: each title wrapped on its
// side of the gap (the Chinese flush right against it, the English flush
// left after it), the first lines one row centred on the page, inside the
// margins, and in the page's content the whole Chinese title before the
// English (each reads in order).
func TestLongTitlesBothWrap(t *testing.T) {
	zh, en := "一个相当长而且还要更长一些的中文标题", "A Rather Long English Title That Goes On and On Past One Line"
	doc, _ := article.Parse("h.md", []byte("# "+zh+"\n\n# "+en+"\n\n中文段落。\n\nAn English paragraph.\n"))
	spec := DefaultSpec(A4)
	spec.Title, spec.TitleEN, spec.TitleFromHeading = zh, en, true
	spec.Columns = [2]int{45, 55}
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	byLine := [2]map[int][]Run{{}, {}} // zh, en title runs by baseline
	lastZH, firstEN := -1, -1
	for i, r := range book.Pages[0].Runs {
		if r.Part != PartTitle {
			continue
		}
		k := 1
		if script.HasHan(r.Text) {
			k, lastZH = 0, i
		} else if firstEN < 0 {
			firstEN = i
		}
		byLine[k][r.Y] = append(byLine[k][r.Y], r)
	}
	if len(byLine[0]) < 2 || len(byLine[1]) < 2 {
		t.Fatalf("title lines: %d Chinese, %d English; want both wrapped", len(byLine[0]), len(byLine[1]))
	}
	if lastZH > firstEN {
		t.Errorf("the English title's runs start (%d) before the Chinese title's end (%d)", firstEN, lastZH)
	}
	zhRight, enLeft, top := -1, -1, 1<<30
	for y, runs := range byLine[0] {
		x0, x1 := extent(runs)
		if zhRight >= 0 && x1 != zhRight {
			t.Errorf("Chinese title line at y %d ends at %d, another at %d: not flush right", y, x1, zhRight)
		}
		zhRight, top = x1, min(top, y)
		if x0 < spec.MarginInner {
			t.Errorf("Chinese title line at y %d starts at %d, in the margin", y, x0)
		}
	}
	for y, runs := range byLine[1] {
		x0, x1 := extent(runs)
		if enLeft >= 0 && x0 != enLeft {
			t.Errorf("English title line at y %d starts at %d, another at %d: not flush left", y, x0, enLeft)
		}
		enLeft = x0
		if x1 > spec.Width-spec.MarginInner || x0 <= zhRight {
			t.Errorf("English title line at y %d at %d–%d: in the margin or over the Chinese title (ends %d)", y, x0, x1, zhRight)
		}
	}
	z0, _ := extent(byLine[0][top])
	_, e1 := extent(byLine[1][top])
	if d := (z0+e1)/2 - spec.Width/2; d > 10*Pt || d < -10*Pt {
		t.Errorf("the first row is %d off the page's centre", d)
	}
}

// extent returns the leftmost and rightmost x that runs cover.
func extent(runs []Run) (x0, x1 int) {
	x0, x1 = runs[0].X, runs[0].X+runs[0].Width
	for _, r := range runs[1:] {
		x0, x1 = min(x0, r.X), max(x1, r.X+r.Width)
	}
	return x0, x1
}

// TestShortTitleRowClearsGutter: a short title row over a narrow Chinese
// column, whose split between the titles would fall in the gutter's lane
// at 20 pt, is set larger (up to 24 pt) so that the split clears it, rather
// than leaving the titles in the columns.
func TestShortTitleRowClearsGutter(t *testing.T) {
	zh, en := "标记语言全览", "A Tour of Markdown"
	doc, _ := article.Parse("h.md", []byte("# "+zh+"\n\n# "+en+"\n\n中文段落。\n\nAn English paragraph.\n"))
	spec := DefaultSpec(A4)
	spec.Title, spec.TitleEN, spec.TitleFromHeading = zh, en, true
	spec.Columns = [2]int{44, 56}
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	var zhRuns, enRuns []Run
	for _, r := range book.Pages[0].Runs {
		if r.Part == PartTitle {
			if script.HasHan(r.Text) {
				zhRuns = append(zhRuns, r)
			} else {
				enRuns = append(enRuns, r)
			}
		}
	}
	if len(zhRuns) == 0 || len(enRuns) == 0 {
		t.Fatalf("%d and %d title runs: the titles stayed in the columns", len(zhRuns), len(enRuns))
	}
	_, zx1 := extent(zhRuns)
	ex0, _ := extent(enRuns)
	lo, hi := book.ZHColumn[0]+book.ZHColumn[1]-3*Pt, book.ENColumn[0]+3*Pt
	if !(ex0 < lo || zx1 > hi) {
		t.Errorf("the gap between the titles (%d–%d) meets the gutter's lane (%d–%d)", zx1, ex0, lo, hi)
	}
	if zhRuns[0].Y != enRuns[0].Y {
		t.Errorf("titles on baselines %d and %d, want one row", zhRuns[0].Y, enRuns[0].Y)
	}
}

// TestEndsWeak: a title line may not end in an article, a preposition or a
// conjunction, in title case too.
func TestEndsWeak(t *testing.T) {
	for text, want := range map[string]bool{
		"Error Handling in Rust: A": true, "Roles and Responsibilities in": true, "The Art of": true,
		"Error Handling in Rust:": false, "Plan A": true, "Version 2": false, "": false,
	} {
		if got := endsWeak(text); got != want {
			t.Errorf("endsWeak(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestTitleKerningStopsShort: a title's kerned pair closes up by less than
// a point (W e at 20 pt would by 1.5), so that no two of its glyphs' boxes
// overlap, which text extraction reads as two runs colliding and cuts the
// title there; body text keeps the font's kerning.
func TestTitleKerningStopsShort(t *testing.T) {
	chain := mustChain(t)
	body := &itemizer{faces: chain, size: 20 * Pt, lang: langEN}
	title := &itemizer{faces: chain, size: 20 * Pt, lang: langEN, kernFloor: -titleKernFloor}
	full := body.kern(fonts.LatinBold, 'W', 'e')
	if full >= -titleKernFloor {
		t.Fatalf("W e kerns by %d at 20 pt: pick a pair kerned by more than the floor", full)
	}
	if got := title.kern(fonts.LatinBold, 'W', 'e'); got != -titleKernFloor {
		t.Errorf("a title's W e kerns by %d, want %d", got, -titleKernFloor)
	}
}

// TestTitleBreaks: a Chinese title wraps at a space, after a pause mark or
// between Han and Latin text, never inside a run of Han.
func TestTitleBreaks(t *testing.T) {
	for text, want := range map[string]string{
		"我们为什么选择 PostgreSQL":         "我们为什么选择|PostgreSQL",
		"开源项目的角色与职责":                 "",
		"别慌：一份指南":                    "别慌：|一份指南",
		"Go语言的垃圾回收":                  "Go|语言的垃圾回收",
		"Roles and Responsibilities": "Roles|and|Responsibilities",
	} {
		lang := langZH
		if !script.HasHan(text) {
			lang = langEN
		}
		var parts []string
		from := 0
		for _, b := range titleBreaks(text, lang) {
			parts = append(parts, strings.TrimSpace(text[from:b]))
			from = b
		}
		got := ""
		if len(parts) > 0 {
			got = strings.Join(append(parts, strings.TrimSpace(text[from:])), "|")
		}
		if got != want {
			t.Errorf("titleBreaks(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestChineseTitleNoStub: a Chinese title is not wrapped to a first line
// that is a stub of the rest (CAP / 定理常見問題, the row testdata's
// cap-faq.md, over its narrow Chinese column, would otherwise get): it
// keeps one line.
func TestChineseTitleNoStub(t *testing.T) {
	src, err := os.ReadFile("../testdata/markdown/cap-faq.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := article.Parse("cap-faq.md", src)
	spec := DefaultSpec(A4)
	spec.Title, spec.TitleEN, spec.TitleFromHeading = doc.Meta.Title, doc.Meta.TitleEN, true
	spec.Language = doc.Language() // zh-Hant: its faces and marks set its columns
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	// the title row's top line holds the Chinese title's Han, not only its
	// Latin head (CAP, which is tagged en)
	top, hanOnTop := -1, false
	for _, r := range book.Pages[0].Runs {
		if r.Part == PartTitle && (top < 0 || r.Y < top) {
			top = r.Y
		}
	}
	for _, r := range book.Pages[0].Runs {
		hanOnTop = hanOnTop || r.Part == PartTitle && r.Y == top && script.HasHan(r.Text)
	}
	if !hanOnTop {
		t.Errorf("the Chinese title %q is wrapped: its top line has no Han", doc.Meta.Title)
	}
}

// TestStackedTitlesInColumnOrder: titles too long for one line are set one
// above the other, the first column's language first and larger: with
// English on the left, the English title leads.
func TestStackedTitlesInColumnOrder(t *testing.T) {
	for _, left := range []bool{false, true} {
		spec := DefaultSpec(A4)
		spec.EnglishLeft = left
		spec.Title, spec.TitleEN = "一个很长很长的中文标题，长到两个标题放不进同一行", "A Long English Title That Cannot Share a Line With the Other One"
		_, runs := titleRuns(t, spec)
		if len(runs) == 0 {
			t.Fatal("no title runs")
		}
		firstIsEnglish := !script.HasHan(runs[0].Text)
		if firstIsEnglish != left || runs[0].Size != 20*Pt {
			t.Errorf("English left %v: the first title run is %q at %d, want the %s title at 20 pt", left, runs[0].Text, runs[0].Size, map[bool]string{false: "Chinese", true: "English"}[left])
		}
		if last := runs[len(runs)-1]; last.Size != 16*Pt || last.Y <= runs[0].Y {
			t.Errorf("English left %v: the second title %q at %d pt, y %d", left, last.Text, last.Size/Pt, last.Y)
		}
	}
}

// TestShortTitleMovesTheGutter: a short Chinese title beside a longer
// English one, which no centred row could keep clear of the balanced
// columns' gutter, still gets a title block: the Chinese column is made a
// whole em or more wider, so that the Chinese title ends inside it.
func TestShortTitleMovesTheGutter(t *testing.T) {
	var src [2]article.Source
	for i, name := range []string{"changelog.orig.md", "changelog.trans.md"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "twofile", name))
		if err != nil {
			t.Fatal(err)
		}
		src[i] = article.Source{Name: name, Data: data, Format: article.Markdown}
	}
	doc, diags := article.ParseTranslation(src[0], src[1])
	if doc == nil {
		t.Fatal(diags)
	}
	spec := DefaultSpec(A4)
	spec.Title, spec.TitleEN, spec.TitleFromHeading = doc.Meta.Title, doc.Meta.TitleEN, true // 更新日志 / Changelog
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	var zhTitle, body []Run
	for _, r := range book.Pages[0].Runs {
		switch {
		case r.Part == PartTitle && script.HasHan(r.Text):
			zhTitle = append(zhTitle, r)
		case r.Pair > 1 && r.Side == article.English:
			body = append(body, r)
		}
	}
	if len(zhTitle) == 0 || len(body) == 0 {
		t.Fatalf("no title block (%d Chinese title runs) or no English text (%d runs)", len(zhTitle), len(body))
	}
	_, titleEnd := extent(zhTitle)
	enStart, _ := extent(body)
	if titleEnd > enStart-spec.Gutter {
		t.Errorf("the Chinese title ends at %d, in the gutter before the English column at %d", titleEnd, enStart)
	}
}
