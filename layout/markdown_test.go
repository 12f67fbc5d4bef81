package layout

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/script"
)

// TestMarkdownFaces sets the Markdown fixture and reads the runs back:
// each marked word in its face, links on exactly the linked text, a word
// that crosses a style boundary kept whole, and no Markdown mark drawn.
func TestMarkdownFaces(t *testing.T) {
	src, err := os.ReadFile("../testdata/markdown/constructs.md")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, "\n**粗**体字连写。\n\nA **bold**ly joined word.\n"...)
	doc, diags := article.Parse("constructs.md", src)
	if doc == nil {
		t.Fatal(diags)
	}
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), DefaultSpec(A4))
	if err != nil {
		t.Fatal(err)
	}
	faces := map[string]fonts.Role{}
	links := map[string]string{}
	var all strings.Builder
	joined := false // "bold" and "ly" set as one word: no space between the runs
	for _, pg := range book.Pages {
		for i, r := range pg.Runs {
			if _, seen := faces[r.Text]; !seen {
				faces[r.Text] = r.Role
			}
			if r.Link != "" {
				links[r.Text] = r.Link
			}
			all.WriteString(r.Text)
			if strings.Contains(r.Text, "代") && r.Role != fonts.CJKRegular {
				t.Errorf("Han in code %q set in %v, want the CJK face", r.Text, r.Role)
			}
			if i > 0 && strings.HasPrefix(r.Text, "l") && r.Role == fonts.LatinRegular {
				prev := pg.Runs[i-1]
				joined = joined || prev.Text == "bold" && prev.Role == fonts.LatinBold && r.Y == prev.Y && abs(r.X-(prev.X+prev.Width)) <= 1
			}
		}
	}
	for text, role := range map[string]fonts.Role{
		"bold": fonts.LatinBold, "emphasis": fonts.LatinItalic, "粗": fonts.CJKBold, "code": fonts.Mono, // 粗 is bold wherever it stands
	} {
		if got, ok := faces[text]; !ok || got != role {
			t.Errorf("run %q: face %v (found %v), want %v", text, got, ok, role)
		}
	}
	for text, href := range map[string]string{"链": "https://example.org/zh", "接": "https://example.org/zh", "link": "https://example.org/en"} {
		if links[text] != href {
			t.Errorf("run %q links to %q, want %q", text, links[text], href)
		}
	}
	dots := 0
	for _, pg := range book.Pages {
		dots += len(pg.Dots)
	}
	if dots != 2 { // 强调 in the first paragraph; the picture's caption 两栏排版的示意图 is no emphasis
		t.Errorf("%d emphasis dots, want 2 under 强调 and none under the caption", dots)
	}
	if !joined {
		t.Error("“**bold**ly” not set as one word")
	}
	for _, mark := range []string{"**", "](", "`", "~~", "# "} {
		if strings.Contains(all.String(), mark) {
			t.Errorf("mark %q drawn", mark)
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestRunsCarryStructure checks that every run of a long article says
// what it stands for, consistently with where layout put it.
func TestRunsCarryStructure(t *testing.T) {
	src, err := os.ReadFile("../testdata/markdown/constructs.md")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, []byte(strings.Repeat("\n很长的中文段落，用来把文章排到第二页上。这样就有页眉和页码。\n\nA long English paragraph that pushes the article onto a second page, so that running heads and folios appear, with extraordinarily unbelievable characteristically incomprehensible vocabulary.\n", 40))...)
	doc, diags := article.Parse("constructs.md", src)
	if doc == nil {
		t.Fatal(diags)
	}
	spec := DefaultSpec(A4)
	spec.Columns = [2]int{3, 2} // a narrow English column: some words hyphenated
	spec.Title, spec.TitleEN, spec.RunningHeadZH, spec.RunningHeadEN = "标记语言全览", "A Tour of Markdown", "标记语言全览", "A Tour of Markdown"
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	count := map[Part]int{}
	inserted := 0
	for _, pg := range book.Pages {
		for _, r := range pg.Runs {
			count[r.Part]++
			if r.Inserted {
				inserted++
				if r.Text != "-" && r.Text != continuationMark {
					t.Errorf("inserted run %q", r.Text)
				}
			}
			switch r.Part {
			case PartRunningHead, PartFolio:
				if !r.Artifact || r.Pair != 0 {
					t.Errorf("furniture %q: artifact %v pair %d", r.Text, r.Artifact, r.Pair)
				}
				continue
			case PartTitle, PartByline:
				if r.Artifact || r.Pair != 0 {
					t.Errorf("title %q: artifact %v pair %d", r.Text, r.Artifact, r.Pair)
				}
				continue
			}
			if r.Pair == 0 || r.Artifact {
				t.Errorf("body run %q: pair %d artifact %v", r.Text, r.Pair, r.Artifact)
			}
			col := book.ZHColumn
			if r.Side == article.English {
				col = book.ENColumn
			}
			if r.X < col[0] || r.X > col[0]+col[1] {
				t.Errorf("run %q of side %v outside its column", r.Text, r.Side)
			}
			wantLang := "en"
			if r.Side == article.Chinese || script.HasHan(r.Text) && !strings.ContainsFunc(r.Text, script.IsLatinLetter) {
				wantLang = "zh-Hans"
			}
			if r.Side == article.Chinese && (r.Link != "" || r.Part == PartCode) && !script.HasHan(r.Text) {
				wantLang = "en" // a web address or code in Chinese text is not Chinese
			}
			if r.Lang != wantLang && strings.TrimFunc(r.Text, func(c rune) bool { return !script.IsHan(c) && !script.IsLatinLetter(c) }) != "" {
				t.Errorf("run %q of side %v: lang %q, want %q", r.Text, r.Side, r.Lang, wantLang)
			}
			if r.Part == PartHeading && r.Level == 0 {
				t.Errorf("heading %q without level", r.Text)
			}
		}
	}
	for _, p := range []Part{PartBody, PartHeading, PartListLabel, PartListBody, PartCode, PartTitle, PartRunningHead, PartFolio} {
		if count[p] == 0 {
			t.Errorf("no run of part %d", p)
		}
	}
	if inserted == 0 {
		t.Error("no hyphen marked inserted")
	}
}

// TestCodeLines checks a code block's lines: indentation kept, a long
// line wrapped between words with a continuation mark layout inserted.
func TestCodeLines(t *testing.T) {
	doc, diags := article.Parse("c.md", []byte("中文段落。\n\n```go title=\"main.go\"\nfunc f() {\n\treturn g(aaaa, bbbb, cccc, dddd, eeee, ffff, gggg, hhhh, iiii, jjjj, kkkk, llll, mmmm)\n}\n```\n\nAn English paragraph.\n"))
	if doc == nil {
		t.Fatal(diags)
	}
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), DefaultSpec(A4))
	if err != nil {
		t.Fatal(err)
	}
	var funcX, returnX, marks int
	titleY := 0
	for _, r := range book.Pages[0].Runs {
		switch {
		case strings.HasPrefix(r.Text, "main.g"): // the title (kerning may cut it into runs)
			titleY = r.Y
			if r.Role != fonts.LatinItalic {
				t.Errorf("the code's title in %v, want italic", r.Role)
			}
		case strings.HasPrefix(r.Text, "func") && titleY == 0:
			t.Error("the code's title is not above its first line")
		case strings.HasPrefix(r.Text, "func"):
			funcX = r.X
		case strings.HasPrefix(r.Text, "return"):
			returnX = r.X
		case strings.HasPrefix(r.Text, "→"):
			marks++
			if !r.Inserted {
				t.Error("the continuation mark is not marked inserted")
			}
		}
		if r.Part == PartCode && r.Role != fonts.Mono {
			t.Errorf("code %q in %v", r.Text, r.Role)
		}
	}
	if returnX-funcX < 2*Pt {
		t.Errorf("the tab's indentation is lost: func at %d, return at %d", funcX, returnX)
	}
	if marks == 0 {
		t.Error("the long line wrapped without a continuation mark")
	}
}

// TestNumbersAlignOnPeriod checks that list numbers end at one place.
func TestNumbersAlignOnPeriod(t *testing.T) {
	var b strings.Builder
	for i := 8; i <= 11; i++ {
		fmt.Fprintf(&b, "%d. 第%d项\n", i, i)
	}
	b.WriteString("\n")
	for i := 8; i <= 11; i++ {
		fmt.Fprintf(&b, "%d. Item %d\n", i, i)
	}
	doc, diags := article.Parse("n.md", []byte(b.String()))
	if doc == nil {
		t.Fatal(diags)
	}
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), DefaultSpec(A4))
	if err != nil {
		t.Fatal(err)
	}
	type item struct {
		side article.Lang
		y    int
	}
	end := map[item]int{} // where each number's runs end
	for _, r := range book.Pages[0].Runs {
		if r.Part == PartListLabel && strings.TrimSpace(r.Text) != "" {
			k := item{r.Side, r.Y}
			end[k] = max(end[k], r.X+r.Width)
		}
	}
	ends := map[article.Lang]map[int]bool{article.Chinese: {}, article.English: {}}
	for k, e := range end {
		ends[k.side][e] = true
	}
	for side, set := range ends {
		if len(set) != 1 {
			t.Errorf("%v: the numbers end at %d places, want 1: %v", side, len(set), set)
		}
	}
}

// TestListItemNextParagraph: a list item's next paragraph stands under the
// item's text, not at the column's edge, and a Chinese one takes no
// paragraph indent, in both columns.
func TestListItemNextParagraph(t *testing.T) {
	book := typesetMarkdown(t, "3. 第三步：安装。\n\n   安装完成后，重新打开终端。\n\n3. Step three: install it.\n\n   Once it is installed, open a new terminal.\n")
	first := map[[2]int]Run{} // the first run of each pair's side
	for _, r := range book.Pages[0].Runs {
		if k := [2]int{r.Pair, int(r.Side)}; r.Pair > 0 && first[k].Text == "" {
			first[k] = r
		}
	}
	for _, side := range []article.Lang{article.Chinese, article.English} {
		item, next := first[[2]int{1, int(side)}], first[[2]int{2, int(side)}]
		var text Run // the item's text after its marker
		for _, r := range book.Pages[0].Runs {
			if r.Pair == 1 && r.Side == side && r.Part == PartListBody {
				text = r
				break
			}
		}
		if item.Part != PartListLabel || text.Text == "" || next.X != text.X {
			t.Errorf("side %v: marker %q at %d, text %q at %d, next paragraph %q at %d: want the paragraph under the text", side, item.Text, item.X, text.Text, text.X, next.Text, next.X)
		}
	}
}

// TestCodeLineFirstLineFull: a code line's first line has no continuation
// mark, so it holds as much as the column (the lines it wraps onto give
// the mark's width up), and its indentation stays where it was.
func TestCodeLineFirstLineFull(t *testing.T) {
	z := &itemizer{faces: mustChain(t), size: 9 * Pt, lang: langEN, column: 1000 * Pt}
	line := "    scores.insert(String::from(\"Blue\"), 10);"
	spans := func() []span { return []span{{text: line, style: article.Code}} }
	z.styles = []styleRun{{style: article.Code}}
	space := z.measure(" ", 0)[0].width
	whole := len(line) * space
	lines := setCodeLine(*z, spans(), whole)
	if len(lines) != 1 {
		t.Fatalf("a line as wide as the column wrapped onto %d lines", len(lines))
	}
	if x := lines[0].runs[0].X; x != 4*space {
		t.Errorf("first run at %d, want the indentation, %d", x, 4*space)
	}
	if lines[0].width != whole {
		t.Errorf("line width %d, want %d", lines[0].width, whole)
	}
	wrapped := setCodeLine(*z, spans(), whole-space)
	if len(wrapped) != 2 || !wrapped[1].runs[0].Inserted {
		t.Fatalf("a line one space too wide: %d lines, want 2, the second with its mark", len(wrapped))
	}
}

// TestCodeLineKeepsSpaces: the blanks inside a code line keep their
// width, every space (a tab four), so that a command's output columns
// line up.
func TestCodeLineKeepsSpaces(t *testing.T) {
	z := &itemizer{faces: mustChain(t), size: 9 * Pt, lang: langEN, column: 1000 * Pt}
	z.styles = []styleRun{{style: article.Code}}
	space := z.measure(" ", 0)[0].width
	for _, line := range []string{"NAME          STATUS    AGE", "default\tActive  1d"} {
		lines := setCodeLine(*z, []span{{text: line, style: article.Code}}, 1000*Pt)
		if len(lines) != 1 {
			t.Fatalf("%q on %d lines", line, len(lines))
		}
		want := codeColumns(line) * space // a monospaced face: every character a space wide, a tab four
		if got := lines[0].width; got != want {
			t.Errorf("%q is %d wide, want %d", line, got, want)
		}
	}
}
