package epub

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/golden"
	"diglot/layout"
)

var testDate = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// sharedSet keeps the fonts parsed once for the package's tests.
var sharedSet = fonts.NewSet()

func buildEPUB(t *testing.T, path string, opt Options) []byte {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, diags := article.Parse(filepath.Base(path), src)
	if doc == nil {
		t.Fatal(diags)
	}
	clean := article.Clean(doc)
	if opt.Columns == [2]int{} { // as build does: the columns layout chose for the PDF
		book, err := layout.TypesetPages(clean, sharedSet, layout.DefaultSpec(layout.A4), func(*layout.Page) error { return nil })
		if err != nil {
			t.Fatal(err)
		}
		opt.Columns = [2]int{book.ZHColumn[1], book.ENColumn[1]}
	}
	var buf bytes.Buffer
	if _, err := Write(&buf, clean, sharedSet, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readZip(t *testing.T, data []byte) (*zip.Reader, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
	}
	return zr, files
}

var seedOptions = Options{EmbedFonts: true, Modified: testDate}

// TestSeedGolden compares the seed's package document, title page, nav and
// text with the golden files (UPDATE_GOLDEN=1 rewrites them).
func TestSeedGolden(t *testing.T) {
	_, files := readZip(t, buildEPUB(t, "../testdata/seed.txt", seedOptions))
	for _, name := range []string{"package.opf", "title.xhtml", "nav.xhtml", "toc.ncx", "text-1.xhtml", "style.css"} {
		golden.Check(t, filepath.Join("testdata", "golden", "seed."+name), files["OEBPS/"+name])
	}
}

// TestContainer checks the OCF rules a reading system relies on: mimetype
// first, stored, without extra field; everything else in a fixed order.
func TestContainer(t *testing.T) {
	zr, files := readZip(t, buildEPUB(t, "../testdata/seed.txt", seedOptions))
	first := zr.File[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 {
		t.Fatalf("first entry %q method %d extra %d; want mimetype, stored, no extra", first.Name, first.Method, len(first.Extra))
	}
	if files["mimetype"] != "application/epub+zip" {
		t.Errorf("mimetype = %q", files["mimetype"])
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(testDate) && f.ModTime().Format("2006-01-02 15:04") != "2024-05-06 07:08" {
			t.Errorf("%s stamped %v, want %v", f.Name, f.ModTime(), testDate)
		}
	}
	want := "mimetype META-INF/container.xml OEBPS/package.opf OEBPS/nav.xhtml OEBPS/toc.ncx OEBPS/cover.xhtml OEBPS/title.xhtml OEBPS/text-1.xhtml OEBPS/style.css OEBPS/cover.png " +
		"OEBPS/fonts/serif-sc.ttf OEBPS/fonts/serif-sc-bold.ttf OEBPS/fonts/serif.ttf OEBPS/fonts/serif-bold.ttf"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("entries:\n got %s\nwant %s", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	a := buildEPUB(t, "../testdata/seed.txt", seedOptions)
	b := buildEPUB(t, "../testdata/seed.txt", seedOptions)
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the seed differ")
	}
	later := seedOptions
	later.Modified = testDate.Add(24 * time.Hour)
	if bytes.Equal(a, buildEPUB(t, "../testdata/seed.txt", later)) {
		t.Fatal("the modification date is not written")
	}
}

// TestFontSubsets checks the embedded fonts are small and cover the text
// set in them.
func TestFontSubsets(t *testing.T) {
	data := buildEPUB(t, "../testdata/seed.txt", seedOptions)
	if len(data) > 300<<10 {
		t.Errorf("seed EPUB is %d KB, want under 300 KB", len(data)>>10)
	}
	_, files := readZip(t, data)
	zh, err := fonts.Parse("subset", []byte(files["OEBPS/fonts/serif-sc.ttf"]))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(files["OEBPS/fonts/serif-sc.ttf"]); n > 300<<10 {
		t.Errorf("Chinese subset is %d KB", n>>10)
	}
	en, err := fonts.Parse("subset", []byte(files["OEBPS/fonts/serif.ttf"]))
	if err != nil {
		t.Fatal(err)
	}
	if !zh.Has(' ') || !en.Has(' ') || !zh.Has('/') {
		t.Error("the subsets lack the space (or the nav's /): readers draw it from a system font")
	}
	text := files["OEBPS/text-1.xhtml"]
	for _, m := range regexp.MustCompile(`<div class="zh"[^>]*><p>([^<]*)`).FindAllStringSubmatch(text, -1) {
		for _, r := range m[1] {
			if r != ' ' && !zh.Has(r) {
				t.Errorf("the Chinese subset lacks %q", r)
			}
		}
	}
	_, noFonts := readZip(t, buildEPUB(t, "../testdata/seed.txt", Options{Modified: testDate}))
	for name := range noFonts {
		if strings.HasSuffix(name, ".ttf") {
			t.Errorf("fonts embedded without EmbedFonts: %s", name)
		}
	}
	if strings.Contains(noFonts["OEBPS/style.css"], "@font-face") {
		t.Error("@font-face without embedded fonts")
	}
}

// TestLayouts checks each layout's stylesheet: side by side always, only
// above the breakpoint, or never.
func TestLayouts(t *testing.T) {
	for _, tt := range []struct {
		layout           Layout
		flex, mediaQuery bool
	}{
		{Stacked, false, false},
		{SideBySide, true, false},
		{Auto, true, true},
	} {
		opt := seedOptions
		opt.Layout = tt.layout
		_, files := readZip(t, buildEPUB(t, "../testdata/seed.txt", opt))
		css := files["OEBPS/style.css"]
		if got := strings.Contains(css, "display: flex;\n") && strings.Contains(css, "flex-wrap: wrap;"); got != tt.flex {
			t.Errorf("%v: wrapping rows = %v, want %v", tt.layout, got, tt.flex)
		}
		if got := strings.Contains(css, "min-width: "+sideBySideMinWidth); got != tt.mediaQuery {
			t.Errorf("%v: media query = %v, want %v", tt.layout, got, tt.mediaQuery)
		}
		// stacked, the text has a measure of its own (side by side, the pair has)
		if got := strings.Contains(css, "max-width: "+stackedMaxWidth); got != (tt.layout == Stacked) {
			t.Errorf("%v: stacked measure = %v", tt.layout, got)
		}
	}
	if _, err := ParseLayout("columns"); err == nil {
		t.Error("an unknown layout is accepted")
	}
}

// TestPairs checks the structure of the content: one element per pair with
// a stable id, both languages tagged, the left language first, Han inside
// English marked as Chinese.
func TestPairs(t *testing.T) {
	src := "# 标题\n# Title\n第一段，提到了TikTok。\nThe first paragraph of the text quotes 中文 once.\n- 甲\n- A\nEND\n"
	doc, diags := article.Parse("t.txt", []byte(src))
	if doc == nil {
		t.Fatal(diags)
	}
	for _, left := range []article.Lang{article.Chinese, article.English} {
		b := newBook(article.Clean(doc), Options{Left: left})
		b.render()
		b.markPages(nil)
		text := b.chapters[0].xhtml
		for _, want := range []string{
			`<h2 class="pair" id="p1">`,
			`<div class="pair" id="p2">`,
			`<li class="pair" id="p3">`,
			`quotes <span class="zh" lang="zh-Hans" xml:lang="zh-Hans">中文</span> once.`,
			`<p class="item"><span id="p3-s1-zh"><span class="marker">– </span>甲</span>`,
		} {
			if !strings.Contains(text, want) {
				t.Errorf("left %v: missing %s in\n%s", left, want, text)
			}
		}
		zhAt := strings.Index(text, `<div class="zh"`)
		enAt := strings.Index(text, `<div class="en"`)
		if (zhAt < enAt) != (left == article.Chinese) {
			t.Errorf("left %v: Chinese at %d, English at %d", left, zhAt, enAt)
		}
	}
}

func TestTOCNesting(t *testing.T) {
	b := newBook(&article.Document{}, Options{})
	var w strings.Builder
	b.tocList(&w, []tocEntry{{level: 1, href: "a", zh: "一"}, {level: 2, href: "b", zh: "二"}, {level: 3, href: "c", zh: "三"}, {level: 1, href: "d", zh: "四"}})
	got := regexp.MustCompile(`<a href="(.)">.*?</a>`).ReplaceAllString(strings.ReplaceAll(w.String(), "\n", ""), "$1")
	want := "<ol><li>a<ol><li>b<ol><li>c</li></ol></li></ol></li><li>d</li></ol>"
	if got != want {
		t.Errorf("toc:\n got %s\nwant %s", got, want)
	}
}

func TestIdentifierStable(t *testing.T) {
	doc := &article.Document{Meta: article.Meta{Title: "题"}, Blocks: []article.Block{{Pair: article.Pair{ZH: []article.Para{{Text: "甲"}}}}}}
	a := identifier(doc)
	if a != identifier(doc) || !regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(a) {
		t.Errorf("identifier %q", a)
	}
	doc.Blocks[0].ZH[0].Text = "乙"
	if identifier(doc) == a {
		t.Error("the identifier does not follow the text")
	}
	doc.Meta.Identifier = "isbn:1"
	if identifier(doc) != "isbn:1" {
		t.Error("the front matter identifier is not used")
	}
}

// TestEpubcheck validates the seed in each layout and every corpus article
// with epubcheck (the layouts differ only in the stylesheet). It is skipped when epubcheck is missing, unless
// DIGLOT_VALIDATE=1.
func TestEpubcheck(t *testing.T) {
	jar := "/usr/share/java/epubcheck.jar"
	if _, err := os.Stat(jar); err != nil {
		if os.Getenv("DIGLOT_VALIDATE") == "1" {
			t.Fatal("epubcheck is not installed (DIGLOT_VALIDATE=1)")
		}
		t.Skip("epubcheck not installed; set DIGLOT_VALIDATE=1 to make this a failure")
	}
	if testing.Short() {
		t.Skip("epubcheck is slow")
	}
	dir := t.TempDir()
	inputs, _ := filepath.Glob("../article/testdata/corpus/*.txt")
	inputs = append(inputs, "../testdata/seed.txt")
	var paths []string
	for i, in := range inputs {
		layouts := []Layout{Auto}
		if i == len(inputs)-1 {
			layouts = []Layout{Auto, Stacked, SideBySide}
		}
		for _, layout := range layouts {
			opt := seedOptions
			opt.Layout = layout
			p := filepath.Join(dir, layout.String()+"-"+strings.TrimSuffix(filepath.Base(in), ".txt")+".epub")
			if err := os.WriteFile(p, buildEPUB(t, in, opt), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			t.Parallel()
			out, err := exec.Command("java", "-jar", jar, p).CombinedOutput()
			if err != nil || !bytes.Contains(out, []byte("0 fatals / 0 errors / 0 warnings")) {
				t.Errorf("epubcheck: %v\n%s", err, out)
			}
		})
	}
}

func TestLinkify(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"see https://example.org/a?b=1&c=2.", `see <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.`},
		{"规则见 https://example.org/rules，谢谢", `规则见 <a href="https://example.org/rules">https://example.org/rules</a>，谢谢`},
		{"(at www.example.org)", `(at <a href="https://www.example.org">www.example.org</a>)`},
		{"no address <here> & there", "no address &lt;here&gt; &amp; there"},
		{"请访问https://example.org了解更多信息。", `请访问<a href="https://example.org">https://example.org</a>了解更多信息。`},
		{"见https://a.org和https://b.org。", `见<a href="https://a.org">https://a.org</a>和<a href="https://b.org">https://b.org</a>。`},
		{"https://x.org/a|b{c}", `<a href="https://x.org/a%7Cb%7Bc%7D">https://x.org/a|b{c}</a>`},
	} {
		b := &book{zhTag: "zh-Hans", uses: newRuneUses()}
		got := b.text(tt.in, article.Chinese, false)
		got = strings.ReplaceAll(strings.ReplaceAll(got, `<span class="latin">`, ""), "</span>", "") // the Latin face's spans: TestLatinInChineseSetInLatinFace
		if got != tt.want {
			t.Errorf("linkify(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestCover checks the cover: a PNG of the right size, declared as the
// cover image, the same bytes from build to build.
func TestCover(t *testing.T) {
	data := buildEPUB(t, "../testdata/seed.txt", seedOptions)
	_, files := readZip(t, data)
	img, err := png.Decode(strings.NewReader(files["OEBPS/cover.png"]))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != coverW || b.Dy() != coverH {
		t.Errorf("cover is %v", b)
	}
	if !strings.Contains(files["OEBPS/package.opf"], `href="cover.png" media-type="image/png" properties="cover-image"`) {
		t.Error("the cover is not declared as the cover image")
	}
	// some ink was drawn between the rules: the title
	ink := 0
	for y := 200; y < 700; y++ {
		for x := 0; x < coverW; x++ {
			if g, _, _, _ := img.At(x, y).RGBA(); g < 0x4000 {
				ink++
			}
		}
	}
	if ink < 1000 {
		t.Errorf("only %d dark pixels: no title on the cover", ink)
	}
}

// TestColumnsGiven checks that Options.Columns sets how the side-by-side
// columns share the width, for either language on the left.
func TestColumnsGiven(t *testing.T) {
	doc := &article.Document{}
	for _, tt := range []struct {
		cols [2]int
		left article.Lang
		want int
	}{
		{[2]int{1, 1}, article.Chinese, 50},
		{[2]int{2, 3}, article.Chinese, 40},
		{[2]int{2, 3}, article.English, 60},
	} {
		b := newBook(doc, Options{Columns: tt.cols, Left: tt.left, Layout: SideBySide})
		if got := b.firstColumnShare(); got != tt.want {
			t.Errorf("columns %v, left %v: first cell %d%%, want %d%%", tt.cols, tt.left, got, tt.want)
		}
		css := b.stylesheet(nil)
		if !strings.Contains(css, fmt.Sprintf("flex: %d 1 %s;", tt.want, columnMinWidth)) || !strings.Contains(css, fmt.Sprintf("flex-grow: %d;", 100-tt.want)) {
			t.Errorf("columns %v: the stylesheet does not share the width %d:%d", tt.cols, tt.want, 100-tt.want)
		}
	}
}

// TestSecondLanguageStyledByPosition: the language that comes second in
// a pair is the one set off as the translation (smaller, with a rule),
// so --left en makes English the primary language (issue 16 item 6).
func TestSecondLanguageStyledByPosition(t *testing.T) {
	doc := &article.Document{Meta: article.Meta{Title: "t"}}
	for _, tt := range []struct {
		left          article.Lang
		second, first string
	}{{article.Chinese, "en", "zh"}, {article.English, "zh", "en"}} {
		css := newBook(doc, Options{Left: tt.left, Layout: Auto}).stylesheet(nil)
		if !strings.Contains(css, ".pair > ."+tt.second+" {\n  margin-top: 0.3em;\n  font-size: 0.94em;") {
			t.Errorf("left %v: the second language %s is not set off", tt.left, tt.second)
		}
		if strings.Contains(css, ".pair > ."+tt.first+" {\n  margin-top") || strings.Contains(css, "div.pair > ."+tt.first+" {\n  padding-left: 0.8em") {
			t.Errorf("left %v: the first language %s is styled as the translation", tt.left, tt.first)
		}
	}
}

// TestDate: the front matter's date becomes dc:date when it is a W3CDTF
// date, and is left out when it is written otherwise (issue 16 item 7).
func TestDate(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2025-01-15", "2025-01-15"},
		{"2025-01", "2025-01"},
		{"2025", "2025"},
		{"2025-01-15T08:30:00+08:00", "2025-01-15T00:30:00Z"},
		{"January 2025", ""},
		{"2025-13-01", ""},
		{"", ""},
	} {
		got, ok := w3cDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("w3cDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// TestNCXNests: the NCX (for EPUB 2 reading systems) nests its entries by
// heading level, as the nav does, a deeper heading without a parent one
// level down, and labels each in both languages.
func TestNCXNests(t *testing.T) {
	b := newBook(&article.Document{Meta: article.Meta{Title: "t"}}, Options{})
	b.chapters = []chapter{{file: "text-1.xhtml"}}
	b.toc = []tocEntry{
		{level: 1, href: "text-1.xhtml#h1", zh: "一", en: "One"},
		{level: 3, href: "text-1.xhtml#h2", zh: "一甲", en: "One A"},
		{level: 2, href: "text-1.xhtml#h3", zh: "一乙"},
		{level: 1, href: "text-1.xhtml#h4", en: "Two"},
	}
	got := b.ncx()
	got = got[strings.Index(got, "<navMap>"):]
	want := "<navMap>\n" +
		"<navPoint id=\"nav-1\" playOrder=\"1\"><navLabel><text>一 / One</text></navLabel><content src=\"text-1.xhtml#h1\"/>\n" +
		"<navPoint id=\"nav-2\" playOrder=\"2\"><navLabel><text>一甲 / One A</text></navLabel><content src=\"text-1.xhtml#h2\"/>\n" +
		"</navPoint>\n" +
		"<navPoint id=\"nav-3\" playOrder=\"3\"><navLabel><text>一乙</text></navLabel><content src=\"text-1.xhtml#h3\"/>\n" +
		"</navPoint>\n</navPoint>\n" +
		"<navPoint id=\"nav-4\" playOrder=\"4\"><navLabel><text>Two</text></navLabel><content src=\"text-1.xhtml#h4\"/>\n" +
		"</navPoint>\n</navMap>\n</ncx>\n"
	if got != want {
		t.Errorf("navMap:\n%s\nwant:\n%s", got, want)
	}
}

// TestExcerptEntries: a long article without headings gets a table of
// contents entry every excerptEvery pairs, labelled with each side's
// opening words (issue 16 item 7).
func TestExcerptEntries(t *testing.T) {
	var src strings.Builder
	for i := range 2*excerptEvery + 10 {
		fmt.Fprintf(&src, "第%d段的中文内容，写得比较长一些以便截断。\nParagraph %d in English, long enough to be cut short here.\n\n", i+1, i+1)
	}
	doc, _ := article.Parse("long.txt", []byte(src.String()))
	b := newBook(article.Clean(doc), Options{})
	b.render()
	b.markPages(nil)
	entries := b.tocEntries()
	if len(entries) != 3 {
		t.Fatalf("%d entries, want the title and two excerpts: %+v", len(entries), entries)
	}
	if e := entries[1]; !strings.HasSuffix(e.href, fmt.Sprintf("#p%d", excerptEvery+1)) || e.zh != "第101段的中文内容，写得比…" || e.en != "Paragraph 101 in English, long enough…" {
		t.Errorf("entry %+v", e)
	}
	for _, tt := range []struct {
		in    string
		n     int
		words bool
		want  string
	}{{"短句", 14, false, "短句"}, {"one two three", 2, true, "one two…"}, {"一二三，四五", 3, false, "一二三…"}} {
		if got := excerpt(tt.in, tt.n, tt.words); got != tt.want {
			t.Errorf("excerpt(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestSentenceSpans: each sentence pair of the seed is marked on both its
// sides by a span whose id names the pair and the sentence pair
// (p9-s2-zh faces p9-s2-en), a one-sided sentence on its side only, every
// id once, and the spans hold the paragraph's text.
func TestSentenceSpans(t *testing.T) {
	src, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, diags := article.Parse("seed.txt", src)
	if doc == nil {
		t.Fatal(diags)
	}
	clean := article.Clean(doc)
	b := newBook(clean, Options{})
	b.render()
	b.markPages(nil)
	var text string
	for _, c := range b.chapters {
		text += c.xhtml
	}
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(`<span id="(p\d+-s\d+-(?:zh|en)(?:-\d+)?)">`).FindAllStringSubmatch(text, -1) {
		ids[m[1]]++
	}
	count := 0
	for i, bl := range clean.Blocks {
		for k, sp := range bl.Sentences {
			for _, side := range []struct {
				lang string
				n    int
			}{{"zh", len(sp.ZH)}, {"en", len(sp.EN)}} {
				id := fmt.Sprintf("p%d-s%d-%s", i+1, k+1, side.lang)
				if got := ids[id]; got != min(side.n, 1) {
					t.Errorf("%s: %d spans for %d sentences", id, got, side.n)
				}
				count += min(side.n, 1)
			}
		}
	}
	if count == 0 || len(ids) != count {
		t.Errorf("%d sentence ids, %d expected", len(ids), count)
	}
	for id, n := range ids {
		if n != 1 {
			t.Errorf("id %s used %d times", id, n)
		}
	}
	// pair 9's second sentence pair: an English sentence and its Chinese
	for _, want := range []string{`<span id="p9-s2-zh">然而，`, `<span id="p9-s2-en">However, the sudden`, `<span id="p2-s1-en">Many foreign users`} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %s", want)
		}
	}
	if strings.Contains(text, `id="p2-s1-zh"`) {
		t.Error("pair 2's first sentence pair has no Chinese, yet a Chinese span")
	}
}

// TestTraditionalFonts: a zh-Hant book embeds the Traditional face, lists
// it first for Chinese text (and the Simplified one after the Latin, as a
// fallback), and names its contents 目錄 (issue 15 item 5).
func TestTraditionalFonts(t *testing.T) {
	_, files := readZip(t, buildEPUB(t, "../article/testdata/edge/traditional.txt", seedOptions))
	checkSubsetHas(t, files, "OEBPS/fonts/serif-tc.ttf", "河畔社區圖書館「」，。")
	if _, ok := files["OEBPS/fonts/serif-sc.ttf"]; ok {
		t.Error("a Traditional book embeds the Simplified face for its regular text")
	}
	css := files["OEBPS/style.css"]
	if !strings.Contains(css, `font-family: "Diglot Serif TC", "Diglot Serif", "Diglot Serif SC"`) {
		t.Errorf("the stylesheet does not set Chinese in the Traditional face first:\n%s", css[:min(len(css), 1200)])
	}
	if !strings.Contains(files["OEBPS/nav.xhtml"], "目錄") {
		t.Error("the nav's heading is not 目錄")
	}
}

// TestBreakDottedNames: a dotted name may break before its inner dots in
// the EPUB, as in the PDF; initials, abbreviations, numbers and versions
// do not.
func TestBreakDottedNames(t *testing.T) {
	for in, want := range map[string]string{
		"a version number MAJOR.MINOR.PATCH, increment": "a version number MAJOR<wbr/>.MINOR<wbr/>.PATCH, increment",
		"<strong>java.util.List</strong>":               "<strong>java<wbr/>.util<wbr/>.List</strong>",
		"the U.S. and e.g. Ph.D. holders":               "the U.S. and e.g. Ph.D. holders",
		"version 1.0.0 and 3.14":                        "version 1.0.0 and 3.14",
		"Node.js":                                       "Node.js",
	} {
		if got := breakDottedNames(in); got != want {
			t.Errorf("breakDottedNames(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCoverPage: the cover is a page of its own, first in the spine, its
// picture marked as the cover (epub:type and role alike) with the titles
// and byline it shows as its alternative text (issue 16 item 8).
func TestCoverPage(t *testing.T) {
	_, files := readZip(t, buildEPUB(t, "../article/testdata/edge/front-matter-yaml.txt", seedOptions))
	page := files["OEBPS/cover.xhtml"]
	want := `<img src="cover.png" epub:type="cover" role="doc-cover" alt="Cover: 社区图书馆重新开放 / The Community Library Reopens; 测试组 (Test Team), 2025-01-15"/>`
	if !strings.Contains(page, want) {
		t.Errorf("cover page lacks %s:\n%s", want, page)
	}
	opf := files["OEBPS/package.opf"]
	if i, j := strings.Index(opf, `<itemref idref="cover-page"/>`), strings.Index(opf, `<itemref idref="title-page"/>`); i < 0 || j < i {
		t.Errorf("the cover page is not first in the spine:\n%s", opf)
	}
}

// TestLatinInChineseSetInLatinFace: the Latin words of a Chinese paragraph
// (Mozilla’s, with its apostrophe, and 2.1) are set in the Latin face, as
// in the PDF, and that face's subset holds their characters.
func TestLatinInChineseSetInLatinFace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "latin.txt")
	src := "社区处理方针灵感来源于 Mozilla’s code of conduct 2.1 版。\nCommunity Impact Guidelines were inspired by the ladder.\nEND\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, files := readZip(t, buildEPUB(t, path, seedOptions))
	if text := files["OEBPS/text-1.xhtml"]; !strings.Contains(text, `来源于 <span class="latin">Mozilla’s code of conduct 2.1</span> 版`) {
		t.Errorf("the Latin run is not in a Latin-face span:\n%s", text)
	}
	if css := files["OEBPS/style.css"]; !strings.Contains(css, ".latin {\n  font-family: \"Diglot Serif\",") {
		t.Errorf("no Latin face for .latin in the stylesheet")
	}
	checkSubsetHas(t, files, "OEBPS/fonts/serif.ttf", "Mozilla’s2.")
}

// TestLatinSpans: runs of Latin text in Chinese get the Latin face's span;
// an escaped character stays whole, a lone symbol and the spaces and line
// breaks around a run stay outside.
func TestLatinSpans(t *testing.T) {
	for in, want := range map[string]string{
		"来源于 Mozilla’s code 版": `来源于 <span class="latin">Mozilla’s code</span> 版`,
		"实体&amp;©，":            "实体&amp;©，",
		"公司AT&amp;T与":          `公司<span class="latin">AT&amp;T</span>与`,
		"见 R&amp;D":            `见 <span class="latin">R&amp;D</span>`,
		"换行\n之后":               "换行\n之后",
		"“你好”":                 "“你好”",
	} {
		b := &book{zhTag: "zh-Hans", uses: newRuneUses()}
		if got := b.latinSpans(in, regular); got != want {
			t.Errorf("latinSpans(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExpandTabs: a code block's tabs become spaces to the next stop of
// four columns, counted from each line's start, across inlines.
func TestExpandTabs(t *testing.T) {
	in := []article.Inline{{Text: "func f() {\n\tx := 1\n"}, {Text: "ab\tc\n\t"}, {Text: "\treturn"}}
	var got []string
	for _, x := range expandTabs(in) {
		got = append(got, x.Text)
	}
	want := []string{"func f() {\n    x := 1\n", "ab  c\n    ", "    return"}
	if !slices.Equal(got, want) {
		t.Errorf("expandTabs = %q, want %q", got, want)
	}
}

// TestPageMarkers: each page of the PDF edition is marked, inside the
// first side of the block at its top (a heading's first language too),
// two pages starting in one long block both there, and listed in order.
func TestPageMarkers(t *testing.T) {
	opt := seedOptions
	opt.Edition, opt.PageSource = func() Edition { return Edition{PageStarts: []int{1, 3, 3, 5}} }, "seed.pdf, A4"
	_, files := readZip(t, buildEPUB(t, "../testdata/seed.txt", opt))
	text := files["OEBPS/text-1.xhtml"]
	mark := func(p int) string {
		return fmt.Sprintf(`<span epub:type="pagebreak" role="doc-pagebreak" id="page-%d" aria-label="%d" title="%d"></span>`, p, p, p)
	}
	for _, want := range []string{
		`id="p1">` + "\n" + `<div class="zh" lang="zh-Hans" xml:lang="zh-Hans">` + mark(1),
		`id="p3">` + "\n" + `<div class="zh" lang="zh-Hans" xml:lang="zh-Hans">` + mark(2) + mark(3),
		`id="p5">` + "\n" + `<div class="zh" lang="zh-Hans" xml:lang="zh-Hans">` + mark(4),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %s", want)
		}
	}
	nav := files["OEBPS/nav.xhtml"]
	list := nav[strings.Index(nav, `epub:type="page-list"`):]
	for p := 1; p <= 4; p++ {
		entry := fmt.Sprintf(`<li><a href="text-1.xhtml#page-%d">%d</a></li>`, p, p)
		if !strings.Contains(list, entry) {
			t.Errorf("the page list lacks %s", entry)
		}
		list = list[strings.Index(list, entry)+1:]
	}
	// the NCX lists the pages too, numbered in reading order with the
	// table of contents (the seed's one entry, the title, comes first)
	ncx := files["OEBPS/toc.ncx"]
	for _, want := range []string{
		`<meta name="dtb:totalPageCount" content="4"/>`,
		`<navPoint id="nav-1" playOrder="1">`,
		`<pageTarget id="pt-1" type="normal" value="1" playOrder="2"><navLabel><text>1</text></navLabel><content src="text-1.xhtml#page-1"/></pageTarget>`,
		`<pageTarget id="pt-4" type="normal" value="4" playOrder="5"><navLabel><text>4</text></navLabel><content src="text-1.xhtml#page-4"/></pageTarget>`,
	} {
		if !strings.Contains(ncx, want) {
			t.Errorf("the NCX lacks %s", want)
		}
	}
	if opf := files["OEBPS/package.opf"]; !strings.Contains(opf, "<dc:source id=\"page-source\">seed.pdf, A4</dc:source>") || !strings.Contains(opf, "pageNavigation") {
		t.Error("the package does not name the page source or declare page navigation")
	}
	_, plain := readZip(t, buildEPUB(t, "../testdata/seed.txt", seedOptions))
	if strings.Contains(plain["OEBPS/nav.xhtml"], "page-list") || strings.Contains(plain["OEBPS/package.opf"], "pageBreakMarkers") || strings.Contains(plain["OEBPS/toc.ncx"], "pageList") {
		t.Error("a book without the PDF's pages has a page list")
	}
}

// FuzzLatinSpans: for any text, the Latin-face spans only wrap it (taking
// them out gives the escaped text back), never split an escaped character,
// and never start or end with white space.
func FuzzLatinSpans(f *testing.F) {
	for _, s := range []string{"来源于 Mozilla’s code 版", "AT&T与R&D", "换行\n之后 a\tb", "<b>“x”</b>", "ǅ’x 中’a"} {
		f.Add(s)
	}
	open, closing := `<span class="latin">`, "</span>"
	f.Fuzz(func(t *testing.T, s string) {
		b := &book{zhTag: "zh-Hans", uses: newRuneUses()}
		in := escape(s)
		got := b.latinSpans(in, regular)
		if strings.ReplaceAll(strings.ReplaceAll(got, open, ""), closing, "") != in {
			t.Fatalf("latinSpans(%q) = %q: not the text", in, got)
		}
		for rest := got; ; {
			i := strings.Index(rest, open)
			if i < 0 {
				break
			}
			rest = rest[i+len(open):]
			j := strings.Index(rest, closing)
			run := rest[:j]
			if k := strings.LastIndex(run, "&"); run == "" || strings.TrimSpace(run) != run || k >= 0 && !strings.Contains(run[k:], ";") {
				t.Fatalf("latinSpans(%q): run %q", in, run)
			}
			rest = rest[j+len(closing):]
		}
	})
}

// checkSubsetHas fails for each character of want that the font subset at
// path in the book's files lacks.
func checkSubsetHas(t *testing.T, files map[string]string, path, want string) {
	t.Helper()
	face, err := fonts.Parse("subset", []byte(files[path]))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range want {
		if !face.Has(r) {
			t.Errorf("%s lacks %q", path, r)
		}
	}
}
