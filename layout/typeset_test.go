package layout

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"diglot/article"
	"diglot/fonts"
	"diglot/layout/hyphen"
	"diglot/layout/linebreak"
)

func typesetText(t *testing.T, zh, en string) *Book {
	t.Helper()
	doc, diags := article.Parse("t.txt", []byte(zh+"\n"+en+"\nEND\n"))
	if doc == nil {
		t.Fatal(diags)
	}
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), DefaultSpec(A4))
	if err != nil {
		t.Fatal(err)
	}
	return book
}

// TestHanLatinSpacing checks the quarter em between Han and Latin text
// (typesetting.md ZH-10): replacing a typed space, never next to
// full-width punctuation, never around a lone ASCII mark.
func TestHanLatinSpacing(t *testing.T) {
	tests := []struct {
		text string
		want []int // widths of the glue with a width, in order
	}{
		{"用TikTok的人", []int{2500, 2500}},
		{"用 TikTok 的人", []int{2500, 2500}},
		{"共 2,000 册", []int{2500, 2500}},
		{"在Go和Rust中", []int{2500, 2500, 2500, 2500}},
		{"主版本号.次版本号", nil},
		{"见TikTok。", []int{2500}},
		{"（TikTok）", nil},
		{"之。」——vinta/paranoid", nil},
	}
	for _, tt := range tests {
		z := &itemizer{faces: mustChain(t), size: 10 * Pt, lang: langZH, column: 200 * Pt}
		p := z.itemizeChinese([]span{{text: tt.text}})
		var glue []int
		for _, it := range p.items {
			if it.Kind == linebreak.Glue && it.Width > 0 && it.Stretch > 0 { // not a mark's shrinkable blank
				glue = append(glue, it.Width)
			}
		}
		if fmt.Sprint(glue) != fmt.Sprint(tt.want) {
			t.Errorf("%s: glue widths %v, want %v (quarter ems are 2500)", tt.text, glue, tt.want)
		}
	}
}

func mustChain(t *testing.T) *faceChain {
	c, err := newFaceChain(fonts.NewSet(), false)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestNoLineStartsWithClosingMark sets a long Chinese paragraph dense with
// punctuation and checks every line start and end.
func TestNoLineStartsWithClosingMark(t *testing.T) {
	zh := strings.Repeat("他说：“这本书，你读过吗？”她答：“读过！”（那是去年冬天的事。）《边城》、《呐喊》。", 8)
	book := typesetText(t, zh, "He said he had read it, and she had too, last winter.")
	lines := map[int][]Run{}
	for _, r := range book.Pages[0].Runs {
		if r.X < book.ENColumn[0] && r.Y > 60*Pt && r.Y < 780*Pt {
			lines[r.Y] = append(lines[r.Y], r)
		}
	}
	for y, runs := range lines {
		first, last := runs[0].Text, runs[len(runs)-1].Text
		if noStart(first) {
			t.Errorf("line at %d starts with %q", y, first)
		}
		if noEnd(last) {
			t.Errorf("line at %d ends with %q", y, last)
		}
	}
}

// TestLongTitleStaysInMargins sets a title and running head far wider than
// the page: the title wraps and the running head is shortened, and no run
// reaches into the margins.
func TestLongTitleStaysInMargins(t *testing.T) {
	doc, diags := article.Parse("t.txt", []byte("第一段。\nThe first paragraph.\nEND\n"))
	if doc == nil {
		t.Fatal(diags)
	}
	long := strings.Repeat("很长的标题", 20)
	longEN := strings.Repeat("A Very Long Title ", 12)
	spec := DefaultSpec(A4)
	spec.Title, spec.TitleEN = long, longEN
	spec.RunningHeadZH, spec.RunningHeadEN = long, longEN
	set := fonts.NewSet()
	// a second pair on a second page gets the running head
	for range 60 {
		doc.Blocks = append(doc.Blocks, doc.Blocks[0])
	}
	book, err := Typeset(article.Clean(doc), set, spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(book.Pages) < 2 {
		t.Fatalf("%d pages, want a running head on a second page", len(book.Pages))
	}
	chain := mustChain(t)
	lines := map[int]bool{}
	for _, page := range book.Pages {
		for _, r := range page.Runs {
			if r.X < spec.MarginInner-Pt || r.X+runWidth(chain, r) > spec.Width-spec.MarginInner+Pt {
				t.Fatalf("%q runs from %d to %d, outside the margins", r.Text, r.X, r.X+runWidth(chain, r))
			}
			if r.Size == 20*Pt {
				lines[r.Y] = true
			}
		}
	}
	// each short title of the running head stays over its own column
	heads := 0
	for _, r := range book.Pages[1].Runs {
		if r.Y != 42*Pt {
			continue
		}
		heads++
		col := book.ENColumn
		if r.X < book.ENColumn[0] {
			col = book.ZHColumn
		}
		if r.X < col[0]-Pt || r.X+runWidth(chain, r) > col[0]+col[1]+Pt {
			t.Errorf("running head %q runs from %d to %d, outside its column %v", r.Text, r.X, r.X+runWidth(chain, r), col)
		}
	}
	if heads < 2 {
		t.Errorf("%d running-head runs on page 2, want both short titles", heads)
	}
	if len(lines) < 2 {
		t.Errorf("the Chinese title takes %d line(s); it should wrap", len(lines))
	}
}

// TestRuntPenalty checks that only a short last word gets the penalty that
// keeps it off a line of its own.
func TestRuntPenalty(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"they accept them.", true},
		{"they accept everything.", false},
		{"alone", false},
	} {
		z := &itemizer{faces: mustChain(t), size: 10 * Pt, lang: langEN, column: 200 * Pt}
		p := z.itemizeEnglish([]span{{text: tt.text}})
		got := false
		for _, it := range p.items {
			if it.Kind == linebreak.Penalty && it.Penalty == penaltyRunt {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%q: runt penalty %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestEnglishLeft swaps the columns: every English run lies left of every
// Chinese run, and the columns keep their widths.
func TestEnglishLeft(t *testing.T) {
	doc, diags := article.Parse("t.txt", []byte("第一段，有一些中文。\nThe first paragraph, in English.\nEND\n"))
	if doc == nil {
		t.Fatal(diags)
	}
	spec := DefaultSpec(A4)
	normal, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	spec.EnglishLeft = true
	swapped, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	if swapped.ENColumn[0] >= swapped.ZHColumn[0] || swapped.ZHColumn[1] != normal.ZHColumn[1] {
		t.Fatalf("columns zh %v en %v, normal zh %v", swapped.ZHColumn, swapped.ENColumn, normal.ZHColumn)
	}
	seen := map[fonts.Role]int{}
	for _, r := range swapped.Pages[0].Runs {
		if r.Size != spec.ZHSize || r.Y > 700*Pt {
			continue // title and page number
		}
		seen[r.Role]++
		isZH := r.Role == fonts.CJKRegular
		if isZH && r.X < swapped.ZHColumn[0] || !isZH && r.Role == fonts.LatinRegular && r.X >= swapped.ZHColumn[0]-spec.Gutter {
			t.Errorf("%q at %d is in the wrong column", r.Text, r.X)
		}
	}
	if seen[fonts.CJKRegular] == 0 || seen[fonts.LatinRegular] == 0 {
		t.Fatalf("no body runs examined: %v", seen)
	}
}

// TestKeepWithNext checks the room a heading asks for at a page's foot:
// itself, the headings after it, and the opening lines of the next pair,
// all of a column too short to split.
func TestKeepWithNext(t *testing.T) {
	col := func(n int) cell { return cell{lines: make([]line, n), leading: 10, ascent: 8} }
	heading := row{heading: true, zh: col(1), en: col(1)}
	para := row{zh: col(3), en: col(6)}
	spec := Spec{ParaGap: 5, HeadingGap: 20, ListGap: 2}
	got := keepWithNext([]row{heading, heading, para}, spec)
	want := heading.height(1, 1) + 5 + heading.height(1, 1) + 5 + para.height(3, 2)
	if got != want {
		t.Errorf("keepWithNext = %d, want %d", got, want)
	}
	if firstChunk(3) != 3 || firstChunk(4) != 2 || firstChunk(0) != 0 {
		t.Error("firstChunk does not follow the two-lines rule")
	}
}

func TestRowGap(t *testing.T) {
	spec := Spec{ParaGap: 7, HeadingGap: 20, ListGap: 4}
	para, heading, item := row{}, row{heading: true}, row{list: true}
	for _, tt := range []struct {
		prev, cur row
		want      int
	}{
		{para, heading, 20}, {heading, heading, 7}, {heading, para, 7},
		{item, item, 4}, {para, item, 7}, {item, para, 7}, {para, para, 7},
	} {
		if got := rowGap(tt.prev, tt.cur, spec); got != tt.want {
			t.Errorf("gap %+v -> %+v = %d, want %d", tt.prev, tt.cur, got, tt.want)
		}
	}
}

// TestListHangingIndent sets a list item long enough to wrap in both
// columns: the marker stands at the column's edge and every line of the
// text starts at the hanging indent (typesetting.md §3.4).
func TestListHangingIndent(t *testing.T) {
	src := "列表如下：\nThe list:\n- " + strings.Repeat("使用标准化流程自动配置，", 6) + "\n- " +
		strings.Repeat("Use declarative formats for setup automation. ", 6) + "\nEND\n"
	doc, diags := article.Parse("t.txt", []byte(src))
	if doc == nil {
		t.Fatal(diags)
	}
	var item article.Block
	for _, b := range doc.Blocks {
		if b.Kind == article.ListItem {
			item = b
		}
	}
	if item.Kind != article.ListItem {
		t.Fatal("no list item parsed")
	}
	chain := mustChain(t)
	r := setRow(item, chain, nil, DefaultSpec(A4), 200*Pt, 250*Pt)
	for _, c := range []struct {
		name   string
		lines  []line
		indent int
	}{{"zh", r.zh.lines, 20 * Pt}, {"en", r.en.lines, 15 * Pt}} {
		if len(c.lines) < 3 {
			t.Fatalf("%s: %d lines, want the item to wrap", c.name, len(c.lines))
		}
		for i, ln := range c.lines {
			first := ln.runs[0]
			if i == 0 {
				if first.X != 0 || first.Text != "–" {
					t.Errorf("%s: first run %q at %d, want the marker at the edge", c.name, first.Text, first.X)
				}
				first = ln.runs[1]
			}
			if first.X != c.indent {
				t.Errorf("%s line %d: text starts at %d, want the hanging indent %d", c.name, i, first.X, c.indent)
			}
			if ln.width > map[string]int{"zh": 200 * Pt, "en": 250 * Pt}[c.name] {
				t.Errorf("%s line %d is %d wide, more than its column", c.name, i, ln.width)
			}
		}
	}
}

// TestLooseLinesMarked checks which lines count as loose: a justified line
// the last pass had to stretch past the tolerance, not a line of a
// paragraph that sets well, nor a glueless line of a broken URL.
func TestLooseLinesMarked(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  bool
	}{
		{"Chinese copywriting guidelines for better written communication.", 273276, true},
		{strings.Repeat("The library reopened today, with new books for children. ", 6), 273276, false},
		{"https://example.org/library/events/2025/reopening-ceremony/photos/gallery?album=children-books&sort=newest", 150 * Pt, false},
	}
	for _, tt := range tests {
		z := &itemizer{faces: mustChain(t), size: 10 * Pt, lang: langEN, column: tt.width}
		lines := setLines(z.itemizeEnglish([]span{{text: tt.text}}), tt.width, enParams)
		if got := (cell{lines: lines}).loose(); got != tt.want {
			t.Errorf("%.30q… at %d: loose %v, want %v", tt.text, tt.width, got, tt.want)
		}
	}
}

// TestPageDesign checks the page furniture of typesetting.md §3.5–3.7 and
// the first-line indent of §0 on a two-page article: a rule under the
// title block, a running head over each column with a rule under it from
// page 2, a rule down the middle of the gutter beside the rows of every
// page, and Chinese paragraphs (not headings) indented two ems.
func TestPageDesign(t *testing.T) {
	var src strings.Builder
	src.WriteString("# 标题\n# Title\n")
	for range 12 {
		src.WriteString(strings.Repeat("图书馆今天重新开放，馆内新增了两千册儿童读物。", 5) + "\n")
		src.WriteString(strings.Repeat("The library reopened today, with two thousand new books for children. ", 5) + "\n")
	}
	src.WriteString("END\n")
	doc, diags := article.Parse("t.txt", []byte(src.String()))
	if doc == nil {
		t.Fatal(diags)
	}
	spec := DefaultSpec(A4)
	spec.Title, spec.TitleEN = "标题", "Title"
	spec.RunningHeadZH, spec.RunningHeadEN = "标题", "Title"
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(book.Pages) < 2 {
		t.Fatalf("%d pages, want two or more", len(book.Pages))
	}
	gutterMid := book.ZHColumn[0] + book.ZHColumn[1] + spec.Gutter/2
	for i, page := range book.Pages {
		var across, gutter int
		for _, r := range page.Rules {
			switch {
			case r.X0 == r.X1 && r.X0 == gutterMid && r.Y1 > r.Y0:
				gutter++
			case r.Y0 == r.Y1 && r.X0 == spec.MarginInner && r.X1 == spec.Width-spec.MarginInner:
				across++
			}
		}
		if gutter != 1 {
			t.Errorf("page %d: %d gutter rules, want 1", i+1, gutter)
		}
		if across != 1 { // the title block's on page 1, the running head's after
			t.Errorf("page %d: %d rules across the text block, want 1", i+1, across)
		}
		if i == 0 {
			continue
		}
		var zhHead, enHead bool
		for _, r := range page.Runs {
			if r.Y == 42*Pt && r.Text == "标题" && r.X == book.ZHColumn[0] {
				zhHead = true
			}
			if r.Y == 42*Pt && r.Text == "Title" && r.X+r.Width == book.ENColumn[0]+book.ENColumn[1] {
				enHead = true
			}
		}
		if !zhHead || !enHead {
			t.Errorf("page %d: running head over the Chinese column %v, flush right over the English %v; want both", i+1, zhHead, enHead)
		}
	}
	// the first Chinese body line starts two ems in; the heading does not
	chain := mustChain(t)
	hyph, err := hyphen.English()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks[:2] {
		r := setRow(b, chain, newHyphenCache(hyph), spec, book.ZHColumn[1], book.ENColumn[1])
		want := 0
		if b.Kind == article.Paragraph {
			want = 20 * Pt
		}
		if got := r.zh.lines[0].runs[0].X; got != want {
			t.Errorf("%s: first Chinese line starts at %d, want %d", b.Kind, got, want)
		}
		if got := r.zh.lines[1%len(r.zh.lines)].runs[0].X; len(r.zh.lines) > 1 && got != 0 {
			t.Errorf("%s: second Chinese line starts at %d, want 0", b.Kind, got)
		}
	}
}

// TestColumnsGiven sets the columns' widths from spec.Columns: 1:1 halves
// the text block less the gutter, in whole ems, whatever balance would pick.
func TestColumnsGiven(t *testing.T) {
	doc, diags := article.Parse("t.txt", []byte("第一段，有一些中文。\nThe first paragraph, in English, is far longer than its Chinese original.\nEND\n"))
	if doc == nil {
		t.Fatal(diags)
	}
	spec := DefaultSpec(A4)
	balanced, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	spec.Columns = [2]int{1, 1}
	even, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	if got := even.ZHColumn[1]; got != 230*Pt || even.ENColumn[1] != 230*Pt {
		t.Errorf("1:1 columns %d and %d wide, want 230 pt each", got, even.ENColumn[1])
	}
	if balanced.ZHColumn[1] == even.ZHColumn[1] {
		t.Errorf("the balanced columns are 1:1 too (%d): the test proves nothing", balanced.ZHColumn[1])
	}
}

// A long run of headings (a contents list, an outline) fills pages as
// other rows do: keep-with-next no longer gives each heading a page, nor
// leaves page 1 blank.
func TestLongHeadingRun(t *testing.T) {
	for _, n := range []int{30, 300} {
		var src strings.Builder
		for i := range n {
			fmt.Fprintf(&src, "第%d章\nChapter %d\n", i+1, i+1)
		}
		src.WriteString("这是一段正文，说明了很多事情。\nThis is a body paragraph that explains many things.\nEND\n")
		doc, diags := article.Parse("t.txt", []byte(src.String()))
		if doc == nil {
			t.Fatal(diags)
		}
		book, err := Typeset(article.Clean(doc), fonts.NewSet(), DefaultSpec(A4))
		if err != nil {
			t.Fatal(err)
		}
		if max := n/20 + 2; len(book.Pages) > max {
			t.Errorf("%d headings take %d pages, want at most %d", n, len(book.Pages), max)
		}
		if len(book.Pages[0].Bookmarks) < 10 {
			t.Errorf("%d headings: page 1 holds %d of them", n, len(book.Pages[0].Bookmarks))
		}
	}
}

// TestLetterSpacingJustifies: a justified English line takes up to 2 % of
// its text's width as letter-spacing, the same after every glyph, before
// its spaces stretch further; lines stay exactly the column's width; the
// last line and code are not letter-spaced (typesetting.md §1.1.4 as issue
// 15 item 7 amends it).
func TestLetterSpacingJustifies(t *testing.T) {
	width := 200 * Pt
	text := strings.Repeat("The library reopened today, with many new books for children and a reading corner. ", 4)
	z := &itemizer{faces: mustChain(t), size: 10 * Pt, lang: langEN, column: width}
	lines := setLines(z.itemizeEnglish([]span{{text: text}}), width, enParams)
	spaced := 0
	for i, ln := range lines {
		natural, glyphs := 0, 0
		for _, r := range ln.runs {
			if r.Tracking != ln.runs[0].Tracking {
				t.Fatalf("line %d: runs letter-spaced %d and %d", i, ln.runs[0].Tracking, r.Tracking)
			}
			natural += runWidth(z.faces, r)
			glyphs += len([]rune(r.Text))
		}
		tracking := ln.runs[0].Tracking
		if i == len(lines)-1 {
			if tracking != 0 {
				t.Errorf("last line letter-spaced by %d", tracking)
			}
			continue
		}
		if tracking != 0 {
			spaced++
		}
		if tracking > z.size*trackingStretchPerMille/1000 || -tracking > z.size*trackingShrinkPerMille/1000 {
			t.Errorf("line %d: letter-spaced by %d, past the limits (+%d, -%d per mille of the em)", i, tracking, trackingStretchPerMille, trackingShrinkPerMille)
		}
		if ln.width < width-Pt/10 || ln.width > width+Pt/10 {
			t.Errorf("line %d is %d wide, not the column's %d", i, ln.width, width)
		}
	}
	if spaced == 0 {
		t.Error("no line letter-spaced")
	}
	code := &itemizer{faces: mustChain(t), size: 10 * Pt, lang: langEN, column: width}
	for _, ln := range setLines(code.itemizeEnglish([]span{{text: text, style: article.Code}}), width, enParams) {
		for _, r := range ln.runs {
			if r.Tracking != 0 {
				t.Fatalf("code %q letter-spaced", r.Text)
			}
		}
	}
}

// TestRunningHeadsNameSections: from page 2 on, each column's running head
// is the section the page starts in (issue 15 item 12), or the one whose
// heading opens the page; before the first section, and for headings of a
// level used only once (the article's own title), the title. Sections of
// several lengths put a heading at the top of a page at least once.
func TestRunningHeadsNameSections(t *testing.T) {
	opened := 0 // pages a section's heading opens
	for n := 12; n <= 20; n++ {
		var src strings.Builder
		src.WriteString("# 文章\n\n# Article\n\n")
		for s := 1; s <= 3; s++ {
			fmt.Fprintf(&src, "## 第%d节\n\n## Section %d\n\n", s, s)
			for i := 0; i < n; i++ {
				fmt.Fprintf(&src, "这是第%d节的第%d段，内容写得足够长，长到可以占据好几行文字，让这一节跨过页面。\n\n", s, i+1)
				fmt.Fprintf(&src, "This is paragraph %d of section %d, written long enough to take several lines, so that the section runs across pages.\n\n", i+1, s)
			}
		}
		doc, diags := article.Parse("sections.md", []byte(src.String()))
		if doc == nil {
			t.Fatal(diags)
		}
		spec := DefaultSpec(A4)
		spec.RunningHeadZH, spec.RunningHeadEN = "文章", "Article"
		book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
		if err != nil {
			t.Fatal(err)
		}
		if len(book.Pages) < 3 {
			t.Fatalf("%d pages: too few to test", len(book.Pages))
		}
		section := "Article" // the section the page starts in
		for i, page := range book.Pages {
			var head, headings strings.Builder
			var firstPart Part // the page's first English body or heading run's
			seen := false
			for _, r := range page.Runs {
				switch {
				case r.Part == PartRunningHead && r.Lang == "en":
					head.WriteString(r.Text)
				case r.Part == PartHeading && r.Lang == "en":
					if !seen {
						firstPart, seen = PartHeading, true
					}
					headings.WriteString(r.Text)
				case r.Part == PartBody && r.Lang == "en" && !seen:
					firstPart, seen = PartBody, true
				}
			}
			found := regexp.MustCompile(`Section\d`).FindAllString(headings.String(), -1)
			want := section
			if seen && firstPart == PartHeading && len(found) > 0 {
				want = found[0]
				if i > 0 {
					opened++
				}
			}
			if i > 0 && strings.ReplaceAll(head.String(), " ", "") != want {
				t.Errorf("%d paragraphs a section, page %d: running head %q, want %q", n, i+1, head.String(), want)
			}
			if len(found) > 0 {
				section = found[len(found)-1]
			}
		}
	}
	if opened == 0 {
		t.Error("no section's heading opened a page: the test did not test that")
	}
}

// TestSecondEnglishParagraphIndented: where the translator split a
// paragraph in two, the pair's second English paragraph starts an em in,
// so that it does not read as the first one's next line; the first starts
// at the column's edge, as every English paragraph does.
func TestSecondEnglishParagraphIndented(t *testing.T) {
	doc, _ := article.Parse("t.txt", []byte("回收器取出一个灰色对象。当没有灰色对象时，剩下的就是垃圾。\nThe collector takes a grey object and paints it black.\nWhen no grey objects are left, the white ones are garbage.\n"))
	b := doc.Blocks[0]
	if len(b.EN) != 2 {
		t.Fatalf("%d English paragraphs, want the pair to hold 2", len(b.EN))
	}
	r := setRow(b, mustChain(t), nil, DefaultSpec(A4), 200*Pt, 250*Pt)
	starts := map[int]int{} // paragraph to the x of its first run
	for _, ln := range r.en.lines {
		if _, ok := starts[ln.runs[0].Para]; !ok {
			starts[ln.runs[0].Para] = ln.runs[0].X
		}
	}
	if starts[0] != 0 || starts[1] != 10*Pt {
		t.Errorf("English paragraphs start at %d and %d, want 0 and an em (%d)", starts[0], starts[1], 10*Pt)
	}
}

// TestSpaceBeforeCodeIsProse: the space before a code span is the prose's
// own (a quarter em or so), not the monospace face's 0.6 em, in English and
// between Latin words inside Chinese; a space inside a code span is the
// code's.
func TestSpaceBeforeCodeIsProse(t *testing.T) {
	chain := mustChain(t)
	em := 10 * Pt
	for _, lang := range []langKind{langEN, langZH} {
		z := &itemizer{faces: chain, size: em, lang: lang, column: 1000 * Pt}
		prose := z.measure(" ", -1)[0].width
		spans := []span{{text: "paste into "}, {text: "main.rs", style: article.Code}, {text: " or "}, {text: "a b", style: article.Code}}
		var p paragraph
		if lang == langEN {
			p = z.itemizeEnglish(spans)
		} else {
			p = z.itemizeChinese(spans)
		}
		var widths []int
		for i, it := range p.items {
			if it.Kind == linebreak.Glue && len(p.info[i]) == 1 && p.info[i][0].text == " " {
				widths = append(widths, it.Width)
			}
		}
		if len(widths) != 5 {
			t.Fatalf("lang %d: %d word spaces, want 5", lang, len(widths))
		}
		for i, w := range widths[:4] {
			if w != prose {
				t.Errorf("lang %d: space %d is %d wide, want the prose's %d", lang, i+1, w, prose)
			}
		}
		if widths[4] != em*6/10 {
			t.Errorf("lang %d: the space inside the code span is %d wide, want the monospace %d", lang, widths[4], em*6/10)
		}
	}
}
