package epub

import (
	"diglot/article"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestMarkdownMarkup builds the Markdown fixture and reads its markup
// back: each construct as its element, and no Markdown mark left as text.
func TestMarkdownMarkup(t *testing.T) {
	data := buildEPUB(t, "../testdata/markdown/constructs.md", seedOptions)
	_, files := readZip(t, data)
	x := files["OEBPS/text-1.xhtml"]
	for _, want := range []string{
		"<strong>粗体</strong>", "<em>强调</em>", "<code>代码</code>", `<a href="https://example.org/zh">链接</a>`,
		"<strong>bold</strong>", "<em>emphasis</em>", "<code>code</code>", `<a href="https://example.org/en">link</a>`,
		`<ol class="list" start="3">`, "<blockquote>", "<del>删除线</del>", "<pre><code>func main() {\n    fmt.Println(",
		"以及一个换行<br/>之后的文字", "&amp;实体©", "旁注中的中文。", "An aside in English.", "<hr/>", "两栏排版的示意图", "<em>A diagram of the two columns</em>",
		`<a href="https://diglot.example/docs">https://diglot.example/docs</a>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("no %s in the chapter", want)
		}
	}
	if !strings.Contains(x, `<div class="pair single code" id=`) {
		t.Error("the code block's pair is not marked as code (stacked at the full width)")
	}
	if strings.Contains(x, "<em>两栏排版的示意图") {
		t.Error("the Chinese caption is set in emphasis (dots under every character)")
	}
	text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(x[strings.Index(x, "<body"):], "")
	for _, mark := range []string{"**", "](", "`", "# ", "~~", "<aside", "&amp;amp;"} {
		if strings.Contains(text, mark) {
			t.Errorf("Markdown mark %q shown as text", mark)
		}
	}
	for _, font := range []string{"OEBPS/fonts/serif-italic.ttf", "OEBPS/fonts/mono.ttf"} {
		if files[font] == "" {
			t.Errorf("no %s: emphasis and code need their faces", font)
		}
	}
	if css := files["OEBPS/style.css"]; !strings.Contains(css, "font-style: italic;\n  src: url(fonts/serif-italic.ttf)") || !strings.Contains(css, `font-family: "Diglot Mono"`) {
		t.Error("the stylesheet does not declare the italic and mono faces")
	}
	if strings.Count(x, `class="list"`) != 2 {
		t.Errorf("want a bullet list and a numbered list, got %d lists", strings.Count(x, `class="list"`))
	}
}

// TestTableRows: a table's rows are paragraphs of cells, each row's pair
// stacked at the full width (pair table), and the stylesheet sets each
// side's table as a grid whose columns share the width as the article's
// estimates do, so that the rows line up. A right-aligned column's cells
// say so, and the first, last and header rows carry the classes the
// table's rules are drawn by.
func TestTableRows(t *testing.T) {
	x, css := chapterAndStyle(t, "| 参数 | 作用 |\n|---|--:|\n| `GOGC` | 回收的时机 |\n\n| Setting | Use |\n|---|--:|\n| `GOGC` | when to collect |\n\n段落。\n\nA paragraph.\n")
	for _, want := range []string{
		`<div class="pair table first head" id="p1">`,
		`<div class="pair table last" id="p2">`,
		`<div class="pair" id="p3">`,
		`<p class="row table2-en head"><span class="cell">Setting</span> <span class="cell right">Use</span></p>`,
		`<p class="row table1-zh"><span class="cell"><code>GOGC</code></span> <span class="cell right">回收的时机</span></p>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("no %s in the chapter", want)
		}
	}
	for _, want := range []string{"p.table1-zh {\n  grid-template-columns: minmax(0, 2.40fr) minmax(0, 5.00fr);\n}", "div.pair.code, div.pair.table {",
		"p.row > .cell.right {\n  text-align: right;\n}", "div.pair.table.first {\n  border-top: 2px solid;", "div.pair.table.head {\n  border-bottom: 1px solid;", "div.pair.table.last {\n  border-bottom: 2px solid;"} {
		if !strings.Contains(css, want) {
			t.Errorf("no %s in the stylesheet", want)
		}
	}
}

// TestListsUnderItemsAndInQuotes: a list item's next paragraph is a pair
// marked "under" (the stylesheet sets it under the item's text), and a
// list in a quote stands in a blockquote, as a paragraph in one does.
func TestListsUnderItemsAndInQuotes(t *testing.T) {
	x, css := chapterAndStyle(t, "3. 第三步：安装。\n\n   安装完成后，重新打开终端。\n\n3. Step three: install it.\n\n   Once it is installed, open a new terminal.\n\n"+
		"> 常见问题：\n>\n> - 为什么这么快？\n\n> Common questions:\n>\n> - Why is it so fast?\n")
	for _, want := range []string{
		`<div class="pair under" id="p2">`,
		"<blockquote>\n<ul class=\"list\">\n<li class=\"pair\" id=\"p4\">",
	} {
		if !strings.Contains(x, want) {
			t.Errorf("no %q in the chapter:\n%s", want, x)
		}
	}
	if !strings.Contains(css, "div.pair.under p { padding-left: 1em; text-indent: 0; }") {
		t.Error("the stylesheet does not set a list item's next paragraph under its text")
	}
}

// chapterAndStyle builds a Markdown article's EPUB and returns its first
// chapter and its stylesheet.
func chapterAndStyle(t *testing.T, src string) (chapter, css string) {
	t.Helper()
	path := t.TempDir() + "/t.md"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, files := readZip(t, buildEPUB(t, path, seedOptions))
	return files["OEBPS/text-1.xhtml"], files["OEBPS/style.css"]
}

// TestTitlePageOrder: the title page gives the titles in the pairs' order,
// the first one larger: with English on the left, the English title first.
func TestTitlePageOrder(t *testing.T) {
	path := t.TempDir() + "/t.md"
	if err := os.WriteFile(path, []byte("---\ntitle: 索引入门\ntitle_en: Indexes\n---\n段落。\n\nA paragraph.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		left        article.Lang
		first, last string
	}{{article.Chinese, "索引入门", "Indexes"}, {article.English, "Indexes", "索引入门"}} {
		opt := seedOptions
		opt.Left = c.left
		_, files := readZip(t, buildEPUB(t, path, opt))
		page := files["OEBPS/title.xhtml"]
		page = page[strings.Index(page, "<h1"):] // the head's <title> names the document
		if i, j := strings.Index(page, c.first), strings.Index(page, c.last); i < 0 || j < 0 || i > j {
			t.Errorf("left %v: want %q before %q:\n%s", c.left, c.first, c.last, page)
		}
		if css := files["OEBPS/style.css"]; !strings.Contains(css, "h1.title > span + span {") {
			t.Error("the second title is not styled by its position")
		}
	}
}

// TestCodeTitle: a code block's file name stands above it, a Latin one
// in English italics whose characters the italic subset holds (no faked
// italic), one with Han upright in its side's face.
func TestCodeTitle(t *testing.T) {
	x, css := chapterAndStyle(t, "中文段落。\n\n```go title=\"main.go\"\nfunc main() {}\n```\n\n```sh [安装.sh]\nmake\n```\n\nAn English paragraph.\n")
	for _, want := range []string{`<p class="code-title" lang="en" xml:lang="en">main.go</p><pre>`, `<p class="code-title upright">`} {
		if !strings.Contains(x, want) {
			t.Errorf("no %s in the chapter", want)
		}
	}
	if !strings.Contains(css, "p.code-title {") || !strings.Contains(css, "font-style: italic") {
		t.Error("the stylesheet does not set code titles in italics")
	}
	path := t.TempDir() + "/t.md"
	if err := os.WriteFile(path, []byte("中文。\n\n```go title=\"main.go\"\nx\n```\n\nEnglish.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, files := readZip(t, buildEPUB(t, path, seedOptions)); files["OEBPS/fonts/serif-italic.ttf"] == "" {
		t.Error("no italic subset for the code's title")
	}
}

// TestFootnoteLinks: a footnote's marks link to its note (epub:type
// noteref), in each language, and to the chapter the note is in when the
// article's end is in a later chapter than the mark.
func TestFootnoteLinks(t *testing.T) {
	var b strings.Builder
	b.WriteString("# 第一章\n\n# Chapter one\n\n交流[^1]。\n\nTalk[^1].\n\n")
	for i := 0; i < 200; i++ { // past the soft limit: the next chapter heading starts a file
		b.WriteString("一段足够长的中文文字，用来把第一章写得很长很长。\n\nA paragraph long enough to make the first chapter long.\n\n")
	}
	b.WriteString("# 第二章\n\n# Chapter two\n\n结尾。\n\nThe end.\n\n[^1]: 注释。\n\n[^1]: The note.\n")
	path := t.TempDir() + "/t.md"
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, files := readZip(t, buildEPUB(t, path, seedOptions))
	first, second := files["OEBPS/text-1.xhtml"], files["OEBPS/text-2.xhtml"]
	for _, l := range []string{"zh", "en"} {
		link := `<a epub:type="noteref" role="doc-noteref" href="text-2.xhtml#note-` + l + `-1">¹</a>`
		if !strings.Contains(first, link) {
			t.Errorf("no %s in the first chapter", link)
		}
		if !strings.Contains(second, `id="note-`+l+`-1"`) {
			t.Errorf("no note %s-1 in the second chapter", l)
		}
	}
	for name, x := range files {
		if strings.HasSuffix(name, ".xhtml") && strings.ContainsAny(x, noteOpen+noteClose) {
			t.Errorf("%s holds a mark's placeholder", name)
		}
	}
}
