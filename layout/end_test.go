package layout

import (
	"strings"
	"testing"

	"diglot/article"
	"diglot/fonts"
	"diglot/layout/hyphen"
)

// lastPageLines counts the lines of the fuller column on a book's last
// page, and reports whether it holds any text but headings.
func lastPageLines(book *Book) (int, bool) {
	last := book.Pages[len(book.Pages)-1]
	rows := map[article.Lang]map[int]bool{article.Chinese: {}, article.English: {}}
	text := false
	for _, r := range last.Runs {
		if r.Pair == 0 {
			continue
		}
		rows[r.Side][r.Y] = true
		text = text || r.Part != PartHeading
	}
	return max(len(rows[article.Chinese]), len(rows[article.English])), text
}

// TestBookEndsOnAFullerPage: whatever the article's length, its last page
// holds at least lastPageLeast lines with some text besides headings: the
// page before takes the last lines back (gaps 2 pt tighter, a line long at
// most) or gives the last page more (issue 15 item 10). Both ways are
// taken over these lengths.
func TestBookEndsOnAFullerPage(t *testing.T) {
	zh := "这是一段用来填满页面的中文文字，"
	en := "This is English text that fills the page. "
	var pulled, pushed int
	for n := 5; n <= 40; n += 2 {
		var src strings.Builder
		for i := range n {
			if i%7 == 3 {
				src.WriteString("## 小节\n\n## Section\n\n")
			}
			k := 3 + (i*5)%11 // pairs of 2 to 8 lines
			src.WriteString(strings.Repeat(zh, k) + "\n\n" + strings.Repeat(en, k) + "\n\n")
		}
		doc, _ := article.Parse("fill.md", []byte(src.String()))
		spec := DefaultSpec(A4)
		doc = article.Clean(doc)
		book, err := Typeset(doc, fonts.NewSet(), spec)
		if err != nil {
			t.Fatal(err)
		}
		if len(book.Pages) < 2 {
			continue
		}
		if lines, text := lastPageLines(book); lines < lastPageLeast || !text {
			t.Errorf("%d pairs: the last of %d pages holds %d lines (text besides headings: %v)", n, len(book.Pages), lines, text)
		}
		chain, _ := newFaceChain(fonts.NewSet(), false)
		textW := spec.Width - 2*spec.MarginInner
		words := []*hyphenCache{newHyphenCache(mustEnglish(t))}
		zhW := columnWidth(doc, chain, spec, textW)
		rows := setRows(doc.Blocks, 0, chain, words, spec, zhW, textW-spec.Gutter-zhW)
		switch plan := planEnd(rows, spec, zhW, chain, sectionLevel(doc.Blocks), spec.MarginTop); {
		case plan.bottom < 0:
			pushed++
		case plan.page > 0:
			pulled++
		}
	}
	if pulled == 0 || pushed == 0 {
		t.Errorf("the end was pulled back %d times and pushed on %d times; want both tried", pulled, pushed)
	}
}

func mustEnglish(t *testing.T) *hyphen.Hyphenator {
	t.Helper()
	h, err := hyphen.English()
	if err != nil {
		t.Fatal(err)
	}
	return h
}
