package pdf

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/golden"
	"diglot/layout"
)

// sampleBook is a one-page book drawing Chinese with a character beyond
// the BMP, English with ligatures and a word space, an emoji, a character
// no font has, a link and a hyphen layout inserted.
func sampleBook() *layout.Book {
	pt := layout.Pt
	run := func(x, y int, text string, role fonts.Role, side article.Lang) layout.Run {
		lang := "en"
		if side == article.Chinese {
			lang = "zh-Hans"
		}
		return layout.Run{X: x * pt, Y: y * pt, Text: text, Role: role, Size: 10 * pt, Pair: 1, Side: side, Lang: lang, Width: 40 * pt}
	}
	words := run(300, 100, "office", fonts.LatinRegular, article.English)
	words.SpaceAfter = true
	hyphen := run(345, 100, "-", fonts.LatinRegular, article.English)
	hyphen.Inserted = true
	link := run(300, 140, "https://example.org/", fonts.LatinRegular, article.English)
	link.Link = "https://example.org/(図)"
	return &layout.Book{
		Width: layout.A4[0], Height: layout.A4[1], Language: "zh-Hans",
		Used: []fonts.Role{fonts.CJKRegular, fonts.LatinRegular, fonts.Symbols},
		Pages: []layout.Page{{
			Runs: []layout.Run{
				run(50, 100, "中文𠮷\u31350", fonts.CJKRegular, article.Chinese),
				words, hyphen,
				run(300, 114, "fluffy waffle", fonts.LatinRegular, article.English),
				run(300, 127, "🌎", fonts.Symbols, article.English),
				link,
			},
			Rules: []layout.Rule{{X0: 50 * pt, Y0: 90 * pt, X1: 500 * pt, Y1: 90 * pt, Width: 400}},
			Dots:  []layout.Dot{{X: 55 * pt, Y: 103 * pt, D: 2 * pt}},
		}},
	}
}

func write(t *testing.T, book *layout.Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	meta := Meta{Title: "测试 / Test", Lang: "zh-Hans", Created: time.Unix(1700000000, 0).UTC()}
	if err := Write(&buf, book, fonts.NewSet(), meta); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXrefStreamPointsAtObjects reads the cross-reference stream and
// checks that every entry in use points at its object's "N 0 obj", or at
// its place in an object stream.
func TestXrefStreamPointsAtObjects(t *testing.T) {
	out := write(t, sampleBook())
	p := readPDF(t, out)
	at := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(out)
	if at == nil {
		t.Fatal("no startxref at the end")
	}
	start, _ := strconv.Atoi(string(at[1]))
	m := objectStart.FindSubmatch(out[start:])
	num, _ := strconv.Atoi(string(m[1]))
	if !strings.Contains(p.dicts[num], "/Type /XRef") || !strings.Contains(p.dicts[num], "/ID [<") {
		t.Fatalf("startxref points at %q", p.dicts[num])
	}
	table := p.streams[num]
	if len(table)%7 != 0 || len(table)/7 < 20 {
		t.Fatalf("xref stream of %d bytes", len(table))
	}
	packed := 0
	for i := 1; i < len(table)/7; i++ {
		e := table[7*i:]
		field := int(e[1])<<24 | int(e[2])<<16 | int(e[3])<<8 | int(e[4])
		switch e[0] {
		case 1:
			if want := fmt.Sprintf("%d 0 obj\n", i); !bytes.HasPrefix(out[field:], []byte(want)) {
				t.Errorf("entry %d points at %q", i, out[field:min(field+12, len(out))])
			}
		case 2: // in object stream field, at index e[5:7]
			packed++
			stm := p.dicts[field]
			index := int(e[5])<<8 | int(e[6])
			head := strings.Fields(string(p.streams[field]))
			if !strings.Contains(stm, "/Type /ObjStm") || 2*index+1 >= len(head) || head[2*index] != strconv.Itoa(i) {
				t.Errorf("entry %d: object %d index %d is not it (%q)", i, field, index, stm)
			}
		default:
			t.Errorf("entry %d of type %d", i, e[0])
		}
	}
	if packed == 0 {
		t.Error("no object in an object stream")
	}
}

// TestTextRoundTrips reads every text operator back through the fonts'
// ToUnicode CMaps: the text shown is the runs' text (the ligatures, the
// astral characters and the one no font has included), with the word
// space the run is followed by, and the inserted hyphen is an artifact.
func TestTextRoundTrips(t *testing.T) {
	p := readPDF(t, write(t, sampleBook()))
	cmaps := p.toUnicode(t)
	texts, paths := p.contentOps(t, p.pages(t)[0], cmaps)
	var got []string
	for _, s := range texts {
		got = append(got, s.marked[:strings.IndexByte(s.marked+" ", ' ')]+":"+s.text)
	}
	want := []string{"P:中文𠮷\u31350", "P:office ", "Artifact:-", "P:fluffy waffle", "P:🌎", "Link:https://example.org/"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("text shown:\n got %q\nwant %q", got, want)
	}
	var ligatures int
	for _, codes := range cmaps {
		for _, text := range codes {
			if text == "ffl" || text == "ffi" || text == "ff" || text == "fi" || text == "fl" {
				ligatures++
			}
		}
	}
	if ligatures < 2 { // "ffi" in office, "ffl" in waffle, "ff" in fluffy
		t.Errorf("%d ligature glyphs, want the standard ligatures of the words", ligatures)
	}
	for _, path := range paths {
		if path.marked != "Artifact" {
			t.Errorf("a path painted in %q, not as an artifact", path.marked)
		}
	}
	if len(paths) != 2 {
		t.Errorf("%d paths, want the rule and the dots", len(paths))
	}
}

// TestLinkAnnotation: the link is an annotation with a description, an
// escaped URI and a StructParent, and its Link element holds it.
func TestLinkAnnotation(t *testing.T) {
	p := readPDF(t, write(t, sampleBook()))
	num, annot := p.find("/Subtype /Link")
	if num == 0 {
		t.Fatal("no link annotation")
	}
	for _, want := range []string{`/URI (https://example.org/\(%E5%9B%B3\))`, "/Contents ", "/StructParent 1", "/F 4"} {
		if !strings.Contains(annot, want) {
			t.Errorf("annotation lacks %s: %s", want, annot)
		}
	}
	_, link := p.find("/S /Link")
	if !strings.Contains(link, fmt.Sprintf("/Type /OBJR /Obj %d 0 R", num)) {
		t.Errorf("the Link element does not hold the annotation: %s", link)
	}
}

// TestDeterministic: the same book gives the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := write(t, sampleBook()), write(t, sampleBook())
	if !bytes.Equal(a, b) {
		t.Error("two writes of one book differ")
	}
}

// seedBook typesets the project's copy of the seed article.
func seedBook(t *testing.T) *layout.Book {
	t.Helper()
	src, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, diags := article.Parse("seed.txt", src)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	spec := layout.DefaultSpec(layout.A4)
	spec.Title, spec.TitleEN = "小红书", "Xiaohongshu"
	spec.RunningHeadZH, spec.RunningHeadEN = spec.Title, spec.TitleEN
	book, err := layout.Typeset(article.Clean(doc), fonts.NewSet(), spec)
	if err != nil {
		t.Fatal(err)
	}
	return book
}

// TestSeedStructure is a golden of the seed's structure tree: types,
// languages and order, one element a line, its marked-content references
// counted.
func TestSeedStructure(t *testing.T) {
	golden.Check(t, "testdata/seed-structure.golden", structureDump(t, write(t, seedBook(t))))
}

// TestTableStructure: a Markdown table is one Table whose rows, each a
// pair, give a TR for each side in pair order (Chinese, then English),
// each with its language; the header row's cells are TH with a column
// scope, the others TD, an empty cell keeping its column, a Latin-only
// cell of the Chinese table in English; the paragraph after the table is a
// Div again.
func TestTableStructure(t *testing.T) {
	src := "| 参数 | 作用 |\n|---|--:|\n| GOGC | 回收 |\n|  | 空的第一格 |\n\n| Setting | Use |\n|---|--:|\n| `GOGC` | collect |\n|  | empty first cell |\n\n表格之后。\n\nAfter the table.\n"
	doc, diags := article.Parse("t.md", []byte(src))
	if doc == nil {
		t.Fatal(diags)
	}
	book, err := layout.Typeset(article.Clean(doc), fonts.NewSet(), layout.DefaultSpec(layout.A4))
	if err != nil {
		t.Fatal(err)
	}
	pdf := write(t, book)
	got := structureDump(t, pdf)
	want := `Document
  Table
    TR lang=zh-Hans
      TH (1 marked)
      TH (1 marked)
    TR lang=en
      TH (1 marked)
      TH (1 marked)
    TR lang=zh-Hans
      TD
        Span lang=en (1 marked)
      TD (1 marked)
    TR lang=en
      TD
        Code (1 marked)
      TD (1 marked)
    TR lang=zh-Hans
      TD
      TD (1 marked)
    TR lang=en
      TD
      TD (1 marked)
  Div
    P lang=zh-Hans (1 marked)
    P lang=en (1 marked)
`
	if got != want {
		t.Errorf("structure:\n%s\nwant:\n%s", got, want)
	}
	scoped := 0
	for _, d := range readPDF(t, pdf).dicts {
		if strings.Contains(d, "/S /TH") && strings.Contains(d, "/A << /O /Table /Scope /Column >>") {
			scoped++
		}
	}
	if scoped != 4 {
		t.Errorf("%d TH with a column scope, want 4", scoped)
	}
}

// structureDump lists a PDF's structure tree, one element a line, indented
// by depth: its type, its language and how many marked-content sequences
// it holds itself.
func structureDump(t *testing.T, pdf []byte) string {
	t.Helper()
	p := readPDF(t, pdf)
	_, root := p.find("/Type /StructTreeRoot")
	var b strings.Builder
	var walk func(num, depth int)
	walk = func(num, depth int) {
		d := p.dicts[num]
		kind := regexp.MustCompile(`/S /(\w+)`).FindStringSubmatch(d)[1]
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), kind)
		if m := regexp.MustCompile(`/Lang \(([^)]*)\)`).FindStringSubmatch(d); m != nil {
			fmt.Fprintf(&b, " lang=%s", m[1])
		}
		kids := d[strings.Index(d, "/K [")+4 : strings.LastIndex(d, "]")]
		bare := refPattern.ReplaceAllString(regexp.MustCompile(`<<[^>]*>>`).ReplaceAllStringFunc(kids, func(d string) string {
			if strings.Contains(d, "/MCID") {
				return " m "
			}
			return " "
		}), " ")
		marked := regexp.MustCompile(`\d+|\bm\b`).FindAllString(bare, -1)
		if len(marked) > 0 {
			fmt.Fprintf(&b, " (%d marked)", len(marked))
		}
		b.WriteByte('\n')
		for _, m := range refPattern.FindAllStringSubmatch(kids, -1) {
			n, _ := strconv.Atoi(m[1])
			if strings.Contains(p.dicts[n], "/Type /StructElem") {
				walk(n, depth+1)
			}
		}
	}
	walk(p.ref(root, "/K"), 0)
	return b.String()
}

// TestAllTextMarked reads back every page of the seed: every text
// operator stands in a tagged sequence or an artifact, every path in an
// artifact; page numbers and running heads are artifacts.
func TestAllTextMarked(t *testing.T) {
	p := readPDF(t, write(t, seedBook(t)))
	cmaps := p.toUnicode(t)
	pages := p.pages(t)
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, page := range pages {
		texts, paths := p.contentOps(t, page, cmaps)
		artifacts := ""
		for _, s := range texts {
			switch {
			case s.marked == "":
				t.Errorf("page %d: text %q outside marked content", i+1, s.text)
			case s.marked == "Artifact":
				artifacts += s.text
			}
		}
		if !strings.Contains(artifacts, strconv.Itoa(i+1)) {
			t.Errorf("page %d: the page number is not an artifact (artifacts: %q)", i+1, artifacts)
		}
		if i > 0 && !strings.Contains(artifacts, "Xiaohongshu") {
			t.Errorf("page %d: the running head is not an artifact (artifacts: %q)", i+1, artifacts)
		}
		for _, path := range paths {
			if path.marked != "Artifact" {
				t.Errorf("page %d: a path in %q", i+1, path.marked)
			}
		}
		if !strings.Contains(p.dicts[page], fmt.Sprintf("/StructParents %d", i)) {
			t.Errorf("page %d: no /StructParents", i+1)
		}
	}
}

// TestClaims: the catalog and the metadata claim what the file is.
func TestClaims(t *testing.T) {
	out := write(t, sampleBook())
	p := readPDF(t, out)
	_, catalog := p.find("/Type /Catalog")
	for _, want := range []string{"/Lang (zh-Hans)", "/MarkInfo << /Marked true >>", "/DisplayDocTitle true", "/OutputIntents [", "/StructTreeRoot "} {
		if !strings.Contains(catalog, want) {
			t.Errorf("catalog lacks %s: %s", want, catalog)
		}
	}
	xmp := string(p.streams[p.ref(catalog, "/Metadata")])
	for _, want := range []string{"<pdfuaid:part>1</pdfuaid:part>", "<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>U</pdfaid:conformance>",
		"<rdf:li xml:lang=\"x-default\">测试 / Test</rdf:li>", "<pdf:Producer>diglot</pdf:Producer>", "2023-11-14T22:13:20Z"} {
		if !strings.Contains(xmp, want) {
			t.Errorf("XMP lacks %s", want)
		}
	}
	if !bytes.HasPrefix(out, []byte("%PDF-1.7\n%\xE2")) {
		t.Error("no PDF 1.7 header with a binary comment")
	}
}

// TestStreamedPagesMatch: writing pages as layout finishes them gives the
// same file as writing the whole book, and layout hands on every page
// once, in order, keeping none.
func TestStreamedPagesMatch(t *testing.T) {
	whole := write(t, seedBook(t))
	src, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := article.Parse("seed.txt", src)
	spec := layout.DefaultSpec(layout.A4)
	spec.Title, spec.TitleEN = "小红书", "Xiaohongshu"
	spec.RunningHeadZH, spec.RunningHeadEN = spec.Title, spec.TitleEN
	var buf bytes.Buffer
	meta := Meta{Title: "测试 / Test", Lang: "zh-Hans", Created: time.Unix(1700000000, 0).UTC()}
	w := NewWriter(&buf, fonts.NewSet(), meta, spec.Width, spec.Height, "zh-Hans")
	pages := 0
	book, err := layout.TypesetPages(article.Clean(doc), fonts.NewSet(), spec, func(p *layout.Page) error {
		pages++
		return w.WritePage(p)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if len(book.Pages) != 0 || book.PageCount != pages || pages < 2 {
		t.Errorf("book keeps %d pages, counts %d, emitted %d", len(book.Pages), book.PageCount, pages)
	}
	if !bytes.Equal(buf.Bytes(), whole) {
		t.Error("the streamed PDF differs from the one written from the whole book")
	}
}

// TestLetterSpacedRuns: a letter-spaced run is drawn with its character
// spacing (Tc) and without ligatures, so the spacing falls between every
// two letters; the next run is placed where layout put it.
func TestLetterSpacedRuns(t *testing.T) {
	pt := layout.Pt
	book := &layout.Book{Width: layout.A4[0], Height: layout.A4[1], Language: "zh-Hans", Pages: []layout.Page{{Runs: []layout.Run{
		{X: 100 * pt, Y: 100 * pt, Text: "office", Role: fonts.LatinRegular, Size: 10 * pt, Pair: 1, Side: article.English, Lang: "en", Tracking: 150, SpaceAfter: true},
		{X: 140 * pt, Y: 100 * pt, Text: "waffle", Role: fonts.LatinRegular, Size: 10 * pt, Pair: 1, Side: article.English, Lang: "en", Tracking: 150},
	}}}}
	p := readPDF(t, write(t, book))
	content := string(p.streams[p.ref(p.dicts[p.pages(t)[0]], "/Contents")])
	if !strings.Contains(content, "0.15 Tc") {
		t.Errorf("no character spacing in the content:\n%s", content)
	}
	for _, codes := range p.toUnicode(t) {
		for _, text := range codes {
			if len([]rune(text)) > 1 {
				t.Errorf("a ligature %q in letter-spaced text", text)
			}
		}
	}
	texts, _ := p.contentOps(t, p.pages(t)[0], p.toUnicode(t))
	if len(texts) != 1 || texts[0].text != "office waffle" {
		t.Errorf("text shown %+v, want one array reading %q", texts, "office waffle")
	}
}

// TestFootnoteLink: a footnote's mark (a run whose link is "#" and a
// name) is a GoTo link, in a Link element, to the named destination of the
// run that anchors its note, on the note's page.
func TestFootnoteLink(t *testing.T) {
	book := sampleBook()
	pt := layout.Pt
	mark := layout.Run{X: 90 * pt, Y: 100 * pt, Text: "¹", Role: fonts.CJKRegular, Size: 10 * pt, Pair: 1, Side: article.Chinese, Lang: "zh-Hans", Width: 4 * pt, Link: "#note-zh-1"}
	book.Pages[0].Runs = append(book.Pages[0].Runs, mark)
	note := layout.Run{X: 50 * pt, Y: 200 * pt, Text: "1. 注。", Role: fonts.CJKRegular, Size: 10 * pt, Pair: 2, Side: article.Chinese, Lang: "zh-Hans", Width: 40 * pt, Anchor: "note-zh-1"}
	book.Pages = append(book.Pages, layout.Page{Runs: []layout.Run{note}})
	p := readPDF(t, write(t, book))
	num, annot := p.find("/S /GoTo")
	if num == 0 {
		t.Fatal("no GoTo link")
	}
	for _, want := range []string{"/D (note-zh-1)", "/Contents ", "/StructParent "} {
		if !strings.Contains(annot, want) {
			t.Errorf("the mark's annotation lacks %s: %s", want, annot)
		}
	}
	if _, link := p.find(fmt.Sprintf("/Type /OBJR /Obj %d 0 R", num)); !strings.Contains(link, "/S /Link") {
		t.Errorf("the mark's annotation is in no Link element: %s", link)
	}
	_, catalog := p.find("/Type /Catalog")
	names := p.dicts[p.ref(catalog, "/Dests")]
	pages := p.pages(t)
	if want := fmt.Sprintf("(note-zh-1) [%d 0 R /XYZ", pages[1]); !strings.Contains(names, want) {
		t.Errorf("the destinations %q lack %s", names, want)
	}
}
