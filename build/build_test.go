package build

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"diglot/article"
	"diglot/fonts"
	"diglot/layout"
)

func buildSeed(t *testing.T, set *fonts.Set, out string) []byte {
	t.Helper()
	src, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	var diag bytes.Buffer
	res, err := Article("seed.txt", src, set, Options{OutDir: out, Created: time.Unix(1700000000, 0).UTC()}, &diag)
	if err != nil {
		t.Fatal(err, diag.String())
	}
	if len(res) != 2 {
		t.Fatalf("%d outputs, want the PDF and the EPUB", len(res))
	}
	var all []byte
	for _, r := range res {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, data...)
	}
	return all
}

// TestDeterministic builds the seed twice, into different directories and
// a second apart, and compares the bytes of both outputs.
func TestDeterministic(t *testing.T) {
	set := fonts.NewSet()
	a := buildSeed(t, set, t.TempDir())
	time.Sleep(1100 * time.Millisecond) // a clock that leaked in would now differ
	b := buildSeed(t, fonts.NewSet(), t.TempDir())
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the seed differ")
	}
	if len(a) < 1000 || !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
}

// TestFailedBuildKeepsOldOutput checks that a bad input leaves the previous
// output untouched and writes no partial file.
func TestFailedBuildKeepsOldOutput(t *testing.T) {
	out := t.TempDir()
	old := []byte("old output")
	if err := os.WriteFile(filepath.Join(out, "bad.pdf"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	var diag bytes.Buffer
	if _, err := Article("bad.txt", []byte("only one line of Chinese 中文\n"), fonts.NewSet(), Options{OutDir: out}, &diag); err == nil {
		t.Fatal("bad input built")
	}
	got, _ := os.ReadFile(filepath.Join(out, "bad.pdf"))
	if !bytes.Equal(got, old) {
		t.Fatal("the old output was changed")
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Fatalf("stray files in the output directory: %v", entries)
	}
}

func TestWriteAtomicReplaces(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := writeAll([]string{p}, [][]byte{[]byte("one")}, nil); err != nil {
		t.Fatal(err)
	}
	if err := writeAll([]string{p}, [][]byte{[]byte("two")}, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "two" {
		t.Fatalf("got %q", got)
	}
}

// TestWriteFailureKeepsOldOutput makes the final step of a write fail (the
// output name is taken by a directory) and checks that nothing else
// changed and no temporary file is left.
func TestWriteFailureKeepsOldOutput(t *testing.T) {
	dir := t.TempDir()
	blocked := filepath.Join(dir, "x.pdf")
	if err := os.MkdirAll(filepath.Join(blocked, "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeAll([]string{blocked}, [][]byte{[]byte("new")}, nil); err == nil {
		t.Fatal("the write over a directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "x.pdf" || !entries[0].IsDir() {
		t.Fatalf("directory now holds %v", entries)
	}
}

// TestOutputsReplacedTogether: when the EPUB cannot be put in place, the
// PDF of the same build is not either (a new PDF beside an old EPUB).
func TestOutputsReplacedTogether(t *testing.T) {
	dir := t.TempDir()
	pdf, epub := filepath.Join(dir, "x.pdf"), filepath.Join(dir, "x.epub")
	if err := os.WriteFile(pdf, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(epub, 0o755); err != nil {
		t.Fatal(err)
	}
	temps := NewTempFiles()
	if err := writeAll([]string{pdf, epub}, [][]byte{[]byte("new"), []byte("new")}, temps); err == nil {
		t.Fatal("the write over a directory succeeded")
	}
	if got, _ := os.ReadFile(pdf); string(got) != "old" {
		t.Errorf("the PDF was replaced (%q) although the EPUB was not", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
	if len(temps.names) != 0 {
		t.Errorf("temporary files still recorded: %v", temps.names)
	}
}

// TestKilledBuildLeavesOldOrWhole kills a build of the large article at
// several moments and checks that each output is either the old file or a
// whole new one, never a truncated file at the output's name.
func TestKilledBuildLeavesOldOrWhole(t *testing.T) {
	if out := os.Getenv("DIGLOT_TEST_CHILD_OUT"); out != "" {
		src, err := os.ReadFile("../article/testdata/edge/large-2mb.txt")
		if err != nil {
			os.Exit(3)
		}
		if _, err := Article("large.txt", src, fonts.NewSet(), Options{OutDir: out}, io.Discard); err != nil {
			os.Exit(4)
		}
		os.Exit(0)
	}
	if testing.Short() {
		t.Skip("builds the large article several times")
	}
	old := []byte("old output")
	for _, delay := range []time.Duration{50, 400, 900, 1300, 1700} {
		out := t.TempDir()
		for _, ext := range []string{".pdf", ".epub"} {
			if err := os.WriteFile(filepath.Join(out, "large"+ext), old, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuildLeavesOldOrWhole$")
		cmd.Env = append(os.Environ(), "DIGLOT_TEST_CHILD_OUT="+out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		for _, ext := range []string{".pdf", ".epub"} {
			got, err := os.ReadFile(filepath.Join(out, "large"+ext))
			if err != nil {
				t.Fatalf("after %v ms: %s is gone: %v", delay, ext, err)
			}
			whole := ext == ".pdf" && bytes.HasSuffix(got, []byte("%%EOF\n")) ||
				ext == ".epub" && bytes.HasPrefix(got, []byte("PK")) && zipReadable(got)
			if !bytes.Equal(got, old) && !whole {
				t.Errorf("after %v ms: %s is neither the old file nor a whole new one (%d bytes)", delay, ext, len(got))
			}
		}
	}
}

func zipReadable(b []byte) bool {
	_, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	return err == nil
}

func TestOutputPathRefusesInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.pdf")
	if _, err := outputPath(in, nil, dir, ".pdf"); err == nil {
		t.Fatal("output path equal to the input accepted")
	}
}

func benchmarkBuild(b *testing.B, path string, opt Options) {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	set := fonts.NewSet()
	opt.OutDir = b.TempDir()
	var diag bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Article("article.txt", src, set, opt, &diag); err != nil {
			b.Fatal(err, diag.String())
		}
	}
}

// BenchmarkBuildSeed is a whole build of the seed, EPUB and PDF, as one
// process does it (fonts parsed on the first iteration only).
func BenchmarkBuildSeed(b *testing.B) { benchmarkBuild(b, "../testdata/seed.txt", Options{}) }

// BenchmarkBuildSeedPDF and BenchmarkBuildSeedEPUB build one format each.
func BenchmarkBuildSeedPDF(b *testing.B) {
	benchmarkBuild(b, "../testdata/seed.txt", Options{PDF: true})
}

func BenchmarkBuildSeedEPUB(b *testing.B) {
	benchmarkBuild(b, "../testdata/seed.txt", Options{EPUB: true})
}

// BenchmarkBuildLarge builds the 2 MB, 3,218-pair article.
func BenchmarkBuildLarge(b *testing.B) {
	benchmarkBuild(b, "../article/testdata/edge/large-2mb.txt", Options{})
}

// BenchmarkBuildScale builds the first N pairs of the large article, EPUB
// and PDF: the time per pair (ns/op divided by N) must not grow with N.
func BenchmarkBuildScale(b *testing.B) {
	src, err := os.ReadFile("../article/testdata/edge/large-2mb.txt")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	for _, n := range []int{100, 300, 1000, 3218} {
		b.Run(fmt.Sprintf("pairs=%d", n), func(b *testing.B) {
			end := min(2*n+2, len(lines)) // a title pair, then n pairs of lines
			text := []byte(strings.Join(lines[:end], "\n") + "\nEND\n")
			set := fonts.NewSet()
			opt := Options{OutDir: b.TempDir()}
			var diag bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Article("scale.txt", text, set, opt, &diag); err != nil {
					b.Fatal(err, diag.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e3, "µs/pair")
		})
	}
}

func TestParseColumns(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want [2]int
		ok   bool
	}{
		{"1:1", [2]int{1, 1}, true},
		{"2:3", [2]int{2, 3}, true},
		{" 2 : 3 ", [2]int{2, 3}, true},
		{"1", [2]int{}, false},
		{"0:1", [2]int{}, false},
		{"-1:2", [2]int{}, false},
		{"a:b", [2]int{}, false},
		{"1:1000", [2]int{}, false},
	} {
		got, err := ParseColumns(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseColumns(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestTitlesCleanedUp: the PDF's title block and running heads are
// cleaned up as the body is (issue 15 item 12): full-width punctuation in
// a Chinese title, a curly apostrophe in an English one.
func TestTitlesCleanedUp(t *testing.T) {
	doc := &article.Document{Meta: article.Meta{Title: "别慌:指南", TitleEN: "Don't Panic"}}
	spec := pdfSpec(doc, settings{paper: layout.A4})
	if spec.Title != "别慌：指南" || spec.RunningHeadZH != "别慌：指南" {
		t.Errorf("Chinese title %q, running head %q", spec.Title, spec.RunningHeadZH)
	}
	if spec.TitleEN != "Don’t Panic" || spec.RunningHeadEN != "Don’t Panic" {
		t.Errorf("English title %q, running head %q", spec.TitleEN, spec.RunningHeadEN)
	}
}

// TestTitleBlockSource: the PDF's title block comes from the front matter
// or from a leading heading pair above all other headings (which the
// columns then leave out); a file name is no title, and a leading heading
// that is the first of several sections stays in the columns (issue 15
// item 11).
func TestTitleBlockSource(t *testing.T) {
	for _, tt := range []struct {
		name, src       string
		title           string
		fromHeading     bool
		metadataTitleIs string
	}{
		{"untitled.txt", "中文段落。\nAn English paragraph.\n", "", false, "untitled"},
		{"heading.md", "# 标题\n\n# Title\n\n中文段落。\n\nAn English paragraph.\n\n## 小节\n\n## Section\n\n中文。\n\nEnglish.\n", "标题", true, "标题"},
		{"sections.md", "## 第一节\n\n## One\n\n中文段落。\n\nAn English paragraph.\n\n## 第二节\n\n## Two\n\n中文。\n\nEnglish.\n", "", false, "第一节"},
		{"front.md", "---\ntitle: 前言\ntitle_en: Preface\n---\n## 第一节\n\n## One\n\n中文段落。\n\nAn English paragraph.\n", "前言", false, "前言"},
		{"both.md", "---\ntitle: 标题\ntitle_en: Title\n---\n# 标题\n\n# Title\n\n中文段落。\n\nAn English paragraph.\n", "标题", true, "标题"},
		// the front matter gives the English title only: its heading pair gives the Chinese
		{"english-title.md", "---\ntitle: Title\n---\n# Title\n\n# 标题\n\nAn English paragraph.\n\n中文段落。\n", "标题", true, "标题"},
	} {
		doc, _ := article.Parse(tt.name, []byte(tt.src))
		if doc == nil {
			t.Fatalf("%s: not parsed", tt.name)
		}
		spec := pdfSpec(doc, settings{paper: layout.A4})
		if spec.Title != tt.title || spec.TitleFromHeading != tt.fromHeading {
			t.Errorf("%s: title block %q (from heading %v), want %q (%v)", tt.name, spec.Title, spec.TitleFromHeading, tt.title, tt.fromHeading)
		}
		if doc.Meta.Title != tt.metadataTitleIs {
			t.Errorf("%s: metadata title %q, want %q", tt.name, doc.Meta.Title, tt.metadataTitleIs)
		}
	}
}

// TestPageListFollowsPDF builds an article of several pages: the EPUB's
// page list has one entry per PDF page, each at a page-break marker, and
// an EPUB built alone (which paginates for itself) is the same book.
func TestPageListFollowsPDF(t *testing.T) {
	src, err := os.ReadFile("../article/testdata/corpus/01-semver-spec.txt")
	if err != nil {
		t.Fatal(err)
	}
	set := fonts.NewSet()
	opt := Options{OutDir: t.TempDir(), Created: time.Unix(1700000000, 0).UTC()}
	var diag bytes.Buffer
	res, err := Article("semver.txt", src, set, opt, &diag)
	if err != nil {
		t.Fatal(err, diag.String())
	}
	var pages int
	var book []byte
	for _, r := range res {
		if strings.HasSuffix(r.Path, ".pdf") {
			pages = r.Pages
		} else if book, err = os.ReadFile(r.Path); err != nil {
			t.Fatal(err)
		}
	}
	if pages < 2 {
		t.Fatalf("%d PDF pages: want an article of several", pages)
	}
	nav, text := zipEntry(t, book, "OEBPS/nav.xhtml"), zipEntry(t, book, "OEBPS/text-1.xhtml")
	for p := 1; p <= pages; p++ {
		if !strings.Contains(nav, fmt.Sprintf(`<li><a href="text-1.xhtml#page-%d">%d</a></li>`, p, p)) {
			t.Errorf("the page list has no entry for page %d", p)
		}
		if !strings.Contains(text, fmt.Sprintf(`epub:type="pagebreak" role="doc-pagebreak" id="page-%d" aria-label="%d"`, p, p)) {
			t.Errorf("no page-break marker for page %d", p)
		}
	}
	if strings.Contains(nav, fmt.Sprintf("#page-%d\"", pages+1)) {
		t.Errorf("the page list goes past the PDF's %d pages", pages)
	}
	if opf := zipEntry(t, book, "OEBPS/package.opf"); !strings.Contains(opf, `property="source-of">pagination</meta>`) || !strings.Contains(opf, "semver.pdf, A4") {
		t.Errorf("the package does not name the PDF edition the pages follow:\n%s", opf)
	}
	opt.OutDir, opt.EPUB = t.TempDir(), true
	alone, err := Article("semver.txt", src, set, opt, &diag)
	if err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(alone[0].Path); err != nil || !bytes.Equal(data, book) {
		t.Errorf("the EPUB built alone differs from the one built with the PDF (%v)", err)
	}
}

// zipEntry returns the named file of a zip archive.
func zipEntry(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestKeywords: a page's tags and categories (TOML here) are the EPUB's
// dc:subject entries and the PDF's keywords, in its document information
// and its XMP alike (PDF/A asks them to agree).
func TestKeywords(t *testing.T) {
	src := "+++\ntitle = \"标题 / Title\"\ntags = [\"go\", \"runtime\"]\ncategories = [\"notes\", \"go\"]\ndraft = true\n+++\n中文段落。\n\nAn English paragraph.\n"
	book, pdfData := buildQuietly(t, "k.md", src)
	opf := zipEntry(t, book, "OEBPS/package.opf")
	if !strings.Contains(opf, "<dc:subject>notes</dc:subject>\n<dc:subject>go</dc:subject>\n<dc:subject>runtime</dc:subject>\n") {
		t.Errorf("the package's subjects:\n%s", opf)
	}
	if data := withStreams(pdfData); !bytes.Contains(data, []byte("/Keywords (notes, go, runtime)")) || !bytes.Contains(data, []byte("<pdf:Keywords>notes, go, runtime</pdf:Keywords>")) {
		t.Error("the PDF's keywords are missing from its information or its XMP")
	}
}

// buildQuietly builds a Markdown article to both formats, failing the test
// on any warning, and returns the EPUB's bytes and the PDF's.
func buildQuietly(t *testing.T, name, src string) (book, pdfData []byte) {
	t.Helper()
	var diag bytes.Buffer
	res, err := Article(name, []byte(src), fonts.NewSet(), Options{OutDir: t.TempDir(), Created: time.Unix(1700000000, 0).UTC()}, &diag)
	if err != nil {
		t.Fatal(err, diag.String())
	}
	if diag.Len() > 0 {
		t.Errorf("warnings: %s", diag.String())
	}
	for _, r := range res {
		data, err := os.ReadFile(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(r.Path, ".epub") {
			book = data
		} else {
			pdfData = data
		}
	}
	return book, pdfData
}

// TestTranslator: the front matter's translator (or translators) is the
// EPUB's dc:contributor with the MARC role trl and the PDF's XMP
// dc:contributor, and both bylines credit them in the language of the
// name, without a warning for the key.
func TestTranslator(t *testing.T) {
	src := "---\ntitle: 标题 / Title\nauthor: Andrew Gallant\ntranslators: [陈静]\n---\n中文段落。\n\nAn English paragraph.\n"
	book, pdfData := buildQuietly(t, "tr.md", src)
	opf := zipEntry(t, book, "OEBPS/package.opf")
	if !strings.Contains(opf, "<dc:contributor id=\"translator\">陈静</dc:contributor>\n<meta refines=\"#translator\" property=\"role\" scheme=\"marc:relators\">trl</meta>\n") {
		t.Errorf("the package's contributor:\n%s", opf)
	}
	if title := zipEntry(t, book, "OEBPS/title.xhtml"); !strings.Contains(title, ">陈静 译</p>") {
		t.Errorf("the title page's byline:\n%s", title)
	}
	if !bytes.Contains(withStreams(pdfData), []byte("<dc:contributor><rdf:Bag><rdf:li>陈静</rdf:li></rdf:Bag></dc:contributor>")) {
		t.Error("the PDF's XMP has no contributor")
	}
	for _, c := range []struct {
		m    article.Meta
		tag  string
		want string
	}{
		{article.Meta{Author: "A", Translator: "陈静", Date: "2024-05-01"}, "zh-Hans", "A · 陈静 译 · 2024-05-01"},
		{article.Meta{Translator: "陳靜"}, "zh-Hant", "陳靜 譯"},
		{article.Meta{Author: "王晓明", Translator: "Jane Doe"}, "zh-Hans", "王晓明 · translated by Jane Doe"},
		{article.Meta{Author: "A"}, "zh-Hans", "A"},
	} {
		if got := byline(c.m, c.tag); got != c.want {
			t.Errorf("byline(%+v) = %q, want %q", c.m, got, c.want)
		}
	}
}
