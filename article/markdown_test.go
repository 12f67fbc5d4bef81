package article

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// md parses a bilingual Markdown body and returns its blocks.
func md(t *testing.T, body string) []Block {
	t.Helper()
	doc, diags := Parse("x.md", []byte(body+"\nEND\n"))
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	return Clean(doc).Blocks
}

func TestMarkdownBlocks(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		kind       Kind
		level      int
		depth      int
		quote      int
		marker     string
	}{
		{"heading", "## 第二节\n\n## Section two\n", Heading, 2, 0, 0, ""},
		{"bullet", "- 一项\n\n- An item\n", ListItem, 0, 0, 0, "-"},
		{"ordered", "7. 第七\n\n7. Seventh\n", ListItem, 0, 0, 0, "7."},
		{"nested", "- 外\n  - 内层的项\n\n- Outer\n  - An inner item\n", ListItem, 0, 1, 0, "-"},
		{"quote", "> 引用的话。\n\n> Quoted words.\n", Paragraph, 0, 0, 1, ""},
	} {
		blocks := md(t, tt.body)
		b := blocks[len(blocks)-1]
		if b.Kind != tt.kind || b.Level != tt.level || b.Depth != tt.depth || b.Quote != tt.quote ||
			len(b.ZH) != 1 || len(b.EN) != 1 || b.EN[0].Marker != tt.marker {
			t.Errorf("%s: got %+v", tt.name, b)
		}
	}
}

func TestMarkdownInlines(t *testing.T) {
	blocks := md(t, "这是**粗**体、*强调*和`a--b`，见[说明](<https://x.org/a b>)。\n\nIt's **bold**ly *em* `\"code\"` and [a link](https://x.org/en) -- <b>tag</b> &amp; \\*.\n")
	zh, en := blocks[0].ZH[0], blocks[0].EN[0]
	if zh.Text != "这是粗体、强调和a--b，见说明。" {
		t.Errorf("zh text %q", zh.Text)
	}
	if en.Text != "It’s boldly em \"code\" and a link – tag & *." {
		t.Errorf("en text %q", en.Text)
	}
	want := map[string]Inline{
		"粗": {Style: Strong}, "强调": {Style: Emphasis}, "a--b": {Style: Code}, "说明": {Link: "https://x.org/a%20b"},
		"bold": {Style: Strong}, "em": {Style: Emphasis}, "\"code\"": {Style: Code}, "a link": {Link: "https://x.org/en"},
	}
	for _, in := range append(zh.Inlines, en.Inlines...) {
		if w, ok := want[in.Text]; ok {
			if in.Style != w.Style || in.Link != w.Link {
				t.Errorf("%q: style %v link %q, want %v %q", in.Text, in.Style, in.Link, w.Style, w.Link)
			}
			delete(want, in.Text)
		}
		if in.Line != 1 && in.Line != 3 {
			t.Errorf("%q: line %d", in.Text, in.Line)
		}
	}
	for text := range want {
		t.Errorf("no inline %q", text)
	}
}

func TestMarkdownNoMarks(t *testing.T) {
	blocks := md(t, "# 标题\n\n# Title\n\n| 列一 | 列二 |\n|---|---|\n| 甲 | 乙 |\n\n| One | Two |\n|---|---|\n| A | B |\n\n<aside>\n<p>旁注。</p>\n<script>x()</script>\n</aside>\n\n<aside><p>An aside.</p></aside>\n")
	for _, b := range blocks {
		for _, p := range append(b.ZH, b.EN...) {
			if strings.ContainsAny(p.Text, "#|<>") || strings.Contains(p.Text, "---") || strings.Contains(p.Text, "x()") {
				t.Errorf("mark left in %q", p.Text)
			}
		}
	}
}

func TestPlainTextIsNotMarkdown(t *testing.T) {
	doc, _ := Parse("x.txt", []byte("这是**粗体**。\nThis is **bold** <b>x</b>.\nEND\n"))
	if got := doc.Blocks[0].EN[0].Text; got != "This is **bold** <b>x</b>." {
		t.Errorf("plain text read as markup: %q", got)
	}
}

// TestRealFrontMatter: a Jekyll or Hugo page's front matter is read as the
// site reads it: diglot's keys and their site-generator names (authors,
// lang, summary; tags and categories as keywords), the keys that only say
// how a site shows the page (layout, draft) ignored in silence, and one
// warning for each other key.
func TestRealFrontMatter(t *testing.T) {
	src := `---
layout: post
title: "双语写作"
subtitle: 一个例子
authors:
  - 李雷
  - Han Meimei
date: 2024-05-01T10:00:00+08:00
lang: zh-hans
tags: [writing, bilingual]
categories: [写作, writing]
draft: false
related:
  - /a/
  - /b/
params:
  toc: true
  nested: {deep: [1, 2]}
summary: >
  折叠的
  摘要。
---
中文段落。

An English paragraph.
`
	doc, diags := Parse("x.md", []byte(src))
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	m := doc.Meta
	if m.Title != "双语写作" || m.Subtitle != "一个例子" || m.Author != "李雷, Han Meimei" || m.Date != "2024-05-01T10:00:00+08:00" ||
		m.Language != "zh-Hans" || m.Description != "折叠的 摘要。" || strings.Join(m.Keywords, "|") != "writing|bilingual|写作" {
		t.Errorf("meta %+v", m)
	}
	msg := strings.Join(func() (out []string) {
		for _, d := range diags {
			out = append(out, d.String())
		}
		return
	}(), "\n")
	// the unknown keys are named in one warning, each with its line
	if strings.Count(msg, "unknown key") != 1 || !strings.Contains(msg, `x.md:13: warning: front matter: unknown keys "related" (line 13), "params" (line 16) ignored`) {
		t.Errorf("want one warning naming related and params, got:\n%s", msg)
	}
	for _, key := range []string{"layout", "draft", "tags", "categories"} {
		if strings.Contains(msg, `"`+key+`"`) {
			t.Errorf("want no warning for %q, got:\n%s", key, msg)
		}
	}
	if strings.Contains(msg, "END") {
		t.Errorf("a Markdown page needs no END marker, got:\n%s", msg)
	}
	doc, _ = Parse("x.md", []byte("---\nlang: en\ntitle: Bilingual Writing\n---\n中文段落。\n\nAn English paragraph.\n"))
	if doc.Meta.TitleEN != "Bilingual Writing" || doc.Meta.Title != "" {
		t.Errorf("an English page's title: %+v", doc.Meta)
	}
}

func TestCJKFriendlyEmphasis(t *testing.T) {
	blocks := md(t, "这是**重要。**其后，还有**「引号」**和*强调*。**提示：**ripgrep 与 Go**「引号」**。\n\nThis is **important.** After it, **“quoted”** and *snake_case_word* stays.\n")
	zh, en := blocks[0].ZH[0], blocks[0].EN[0]
	if zh.Text != "这是重要。其后，还有「引号」和强调。提示：ripgrep 与 Go「引号」。" || en.Text != "This is important. After it, “quoted” and snake_case_word stays." {
		t.Errorf("marks left: %q / %q", zh.Text, en.Text)
	}
	strong := 0
	for _, in := range append(zh.Inlines, en.Inlines...) {
		if in.Style&Strong != 0 {
			strong++
		}
	}
	if strong != 6 {
		t.Errorf("%d strong inlines, want 6: %+v %+v", strong, zh.Inlines, en.Inlines)
	}
}

func TestKramdownMarkdownBlocks(t *testing.T) {
	src, err := os.ReadFile("../testdata/markdown/kramdown-aside.md")
	if err != nil {
		t.Fatal(err)
	}
	doc, diags := Parse("kramdown-aside.md", src)
	if doc == nil {
		t.Fatal(diags)
	}
	doc = Clean(doc)
	if len(doc.Blocks) != 4 {
		t.Fatalf("%d blocks, want 4 (heading, quote, credit, paragraph)", len(doc.Blocks))
	}
	quote, credit := doc.Blocks[1], doc.Blocks[2]
	if quote.ZH[0].Text != "开源让我们可以合作。" || quote.EN[0].Text != "Open source lets us collaborate." {
		t.Errorf("quote %q / %q", quote.ZH[0].Text, quote.EN[0].Text)
	}
	if quote.EN[0].Inlines[0].Style != Strong || quote.EN[0].Inlines[2].Link != "https://opensource.guide" {
		t.Errorf("quote inlines %+v", quote.EN[0].Inlines)
	}
	if credit.ZH[0].Text != "— 某位维护者" || credit.EN[0].Text != "— A maintainer" || credit.EN[0].Lines[0].No != 20 {
		t.Errorf("credit %+v", credit)
	}
}

func TestFootnotesDefinitionsAttributes(t *testing.T) {
	blocks := md(t, "## 标题 {#zh-title}\n\n## Title {#title}\n\n正文有注[^1]。\n{: .note}\n\nThe text has a note[^1].\n\n术语\n: 它的定义。\n\nTerm\n: Its definition.\n\n[^1]: 注释的内容。\n")
	var texts []string
	for _, b := range blocks {
		for _, p := range append(b.ZH, b.EN...) {
			texts = append(texts, p.Text)
		}
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"标题", "Title", "正文有注。¹", "The text has a note.¹", "术语", "它的定义。", "Term", "Its definition.", "注释的内容。"} {
		if !strings.Contains("|"+all+"|", "|"+want+"|") {
			t.Errorf("no block %q in %q", want, all)
		}
	}
	if strings.ContainsAny(all, "{}^[]") {
		t.Errorf("marks left: %q", all)
	}
}

// TestCodeBlockStandsAlone: a code block, in neither language, is a pair
// of its own, not the tail of the quote or paragraph before it (which set
// it inside the quote), and needs no warning for having no translation;
// a neutral line in the same quote still joins its paragraph.
func TestCodeBlockStandsAlone(t *testing.T) {
	src := "> 引用里的一段话。\n\n> A paragraph in a quote.\n\n```go\nfunc main() {\n\tfmt.Println(\"你好\")\n}\n```\n\n中文段落。\n\nAn English paragraph.\n\n2025\n\nEND\n"
	doc, diags := Parse("x.md", []byte(src))
	if doc == nil {
		t.Fatal(diags)
	}
	if len(doc.Blocks) != 3 {
		t.Fatalf("%d blocks, want 3 (quote, code, paragraph)", len(doc.Blocks))
	}
	code := doc.Blocks[1]
	if len(code.ZH) != 0 || len(code.EN) != 1 || !code.EN[0].Pre || code.Quote != 0 {
		t.Errorf("the code block's pair: zh %d en %d (pre %v), quote %d", len(code.ZH), len(code.EN), len(code.EN) > 0 && code.EN[0].Pre, code.Quote)
	}
	if q := doc.Blocks[0]; q.Quote != 1 || len(q.EN) != 1 {
		t.Errorf("the quote's pair: quote %d, %d English paragraphs", q.Quote, len(q.EN))
	}
	if last := doc.Blocks[2]; len(last.EN) != 2 {
		t.Errorf("the neutral line did not join the last English paragraph: %d paragraphs", len(last.EN))
	}
	for _, d := range diags {
		if strings.Contains(d.Msg, "counterpart") || strings.Contains(d.Msg, "face") {
			t.Errorf("warning for a code block: %s", d.Msg)
		}
	}
}

// TestCodeGivenTwice: a code block given in both languages, one after the
// other after a pair (the same code, or its comments translated), is a
// pair of its own, Chinese and English, not two one-sided English pairs;
// two different code blocks after a pair stay one-sided, and a code block
// after each side's paragraph pairs with the other side's.
func TestCodeGivenTwice(t *testing.T) {
	lead := "用这条语句创建索引：\n\nCreate the index with this statement:\n\n"
	tail := "\n建好以后再确认。\n\nThen confirm it.\n"
	fence := func(body string) string { return "```sql\n" + body + "\n```\n\n" }
	for _, c := range []struct {
		name, src string
		code      [][2]int // each code pair's counts of Chinese and English paragraphs
	}{
		{"same", lead + fence("CREATE INDEX i ON t (c);") + fence("CREATE INDEX i ON t (c);") + tail, [][2]int{{1, 1}}},
		{"comments translated", lead + fence("-- 建索引\nCREATE INDEX i ON t (c);") + fence("-- make the index\nCREATE INDEX i ON t (c);") + tail, [][2]int{{1, 1}}},
		{"two blocks", lead + fence("CREATE INDEX i ON t (c);") + fence("DROP INDEX i;") + tail, [][2]int{{0, 1}, {0, 1}}},
		{"inside a pair", "用这条语句：\n\n" + fence("SELECT 1;") + "Use this statement:\n\n" + fence("SELECT 1;") + tail, [][2]int{{1, 1}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, diags := Parse("x.md", []byte(c.src))
			if doc == nil {
				t.Fatal(diags)
			}
			var code [][2]int
			for _, b := range doc.Blocks {
				if len(b.ZH)+len(b.EN) > 0 && slices.ContainsFunc(append(b.ZH[:len(b.ZH):len(b.ZH)], b.EN...), func(p Para) bool { return p.Pre }) {
					code = append(code, [2]int{len(b.ZH), len(b.EN)})
				}
			}
			if fmt.Sprint(code) != fmt.Sprint(c.code) {
				t.Errorf("code pairs (zh, en paragraphs) %v, want %v", code, c.code)
			}
		})
	}
}

// TestTableRowsInTheTablesLanguage: a table is written in one language,
// its header's. A row of names and numbers in a Chinese table (| Go |
// 1.26 |) is Chinese, not an English line, so the two tables pair row by
// row.
func TestTableRowsInTheTablesLanguage(t *testing.T) {
	src := "下面是一个表格。\n\nBelow is a table.\n\n| 名称 | 版本 |\n|---|---|\n| Go | 1.26 |\n| 2 | 3 |\n\n| Name | Version |\n|---|---|\n| Go | 1.26 |\n| 2 | 3 |\n\n结束。\n\nThe end.\n\nEND\n"
	doc, diags := Parse("t.md", []byte(src))
	if doc == nil {
		t.Fatal(diags)
	}
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, joinParas(b.ZH)+" / "+joinParas(b.EN))
	}
	want := []string{"下面是一个表格。 / Below is a table.", "名称 版本 / Name Version", "Go 1.26 / Go 1.26", "2 3 / 2 3", "结束。 / The end."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pairs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, d := range diags {
		if strings.Contains(d.Msg, "counterpart") || strings.Contains(d.Msg, "face") {
			t.Errorf("warning: %s", d.Msg)
		}
	}
}

func joinParas(ps []Para) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Text)
	}
	return strings.Join(s, "|")
}

// TestNamesInLists: a Latin name among a Chinese list's items (- Kubernetes)
// is the Chinese item, so the lists pair item by item and an ordered one
// counts on; a glossary alternating terms and translations, and a list
// alternating the languages, keep each item's own reading.
func TestNamesInLists(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{"a name in a Chinese list", "- 容器\n- Kubernetes\n- 调度\n\n- Containers\n- Kubernetes\n- Scheduling\n",
			[]string{"容器 / Containers", "Kubernetes / Kubernetes", "调度 / Scheduling"}},
		{"ordered", "1. 容器\n2. Kubernetes\n3. 调度\n\n1. Containers\n2. Kubernetes\n3. Scheduling\n",
			[]string{"1. 容器 / 1. Containers", "2. Kubernetes / 2. Kubernetes", "3. 调度 / 3. Scheduling"}},
		{"a glossary", "- 容器\n- Container\n- 节点\n- Node\n- 调度\n- Scheduling\n",
			[]string{"容器 / Container", "节点 / Node", "调度 / Scheduling"}},
		{"alternating prose", "- 我们发布了新版本\n- We released a new version\n- 修复了错误\n- Fixed the bugs\n",
			[]string{"我们发布了新版本 / We released a new version", "修复了错误 / Fixed the bugs"}},
	} {
		doc, diags := Parse("l.md", []byte(tt.src+"\n结束。\n\nThe end.\n\nEND\n"))
		if doc == nil {
			t.Fatal(diags)
		}
		var got []string
		for _, b := range doc.Blocks[:len(doc.Blocks)-1] {
			zh, en := joinParas(b.ZH), joinParas(b.EN)
			if strings.HasPrefix(tt.name, "ordered") && len(b.ZH) == 1 && len(b.EN) == 1 {
				zh, en = b.ZH[0].MarkerText()+" "+zh, b.EN[0].MarkerText()+" "+en
			}
			got = append(got, zh+" / "+en)
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: pairs\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestTableCells: a table's rows keep their cells (Inline.Cell, the space
// between two cells in none), their table (Para.Table, numbered in the
// article, each language's table its own) and the header row (Para.Head);
// Tables estimates each column's width from its widest cell: a Han
// character an em, code 0.6 em, other text 0.55 em, a header a tenth
// wider. The delimiter row's colons give the columns' alignment.
func TestTableCells(t *testing.T) {
	src := "| 参数 | 作用 |\n|---|---|\n| `GOGC` | 回收的时机 |\n\n| Setting | Use | Cost |\n|---|:-:|--:|\n| `GOGC` | when to collect | 3 |\n"
	doc, diags := Parse("t.md", []byte(src))
	if doc == nil {
		t.Fatal(diags)
	}
	if len(doc.Blocks) != 2 {
		t.Fatalf("%d pairs, want the header row and one row", len(doc.Blocks))
	}
	head, row := doc.Blocks[0], doc.Blocks[1]
	if !head.ZH[0].Head || !head.EN[0].Head || row.ZH[0].Head || head.ZH[0].Table != 1 || head.EN[0].Table != 2 || row.EN[0].Table != 2 {
		t.Errorf("tables and header rows: %+v / %+v", head, row)
	}
	var cells []string
	for _, in := range row.EN[0].Inlines {
		cells = append(cells, fmt.Sprintf("%d:%s", in.Cell, in.Text))
	}
	if got := strings.Join(cells, "|"); got != "1:GOGC|0: |2:when to collect|0: |3:3" {
		t.Errorf("cells %s", got)
	}
	if row.ZH[0].CellAlign(1) != AlignLeft || row.EN[0].CellAlign(0) != AlignLeft || row.EN[0].CellAlign(1) != AlignCenter ||
		row.EN[0].CellAlign(2) != AlignRight || head.EN[0].CellAlign(2) != AlignRight || row.EN[0].CellAlign(3) != AlignLeft {
		t.Errorf("alignments %v / %v", row.ZH[0].Align, row.EN[0].Align)
	}
	tables := doc.Tables()
	want := []TableColumns{{ZH: []int{4 * 600, 5000}}, {EN: []int{7*550 + 7*550/10, 13*550 + 2*300, 4*550 + 4*550/10}}}
	// 参数 (a header: 2200) is narrower than GOGC (code: 2400); Setting (4235) wider
	if fmt.Sprint(tables) != fmt.Sprint(want) {
		t.Errorf("tables %v, want %v", tables, want)
	}
}

// TestTaskListMarkers: a task list's items are marked with a ballot box,
// checked when done, in place of the bullet (the box was dropped, and a
// reader could not tell a done task from an open one).
func TestTaskListMarkers(t *testing.T) {
	blocks := md(t, "- [ ] 替换 unwrap\n- [x] 加上 derive\n\n- [ ] Replace unwrap\n- [x] Add derive\n\n1. 第一\n\n1. First\n")
	var got []string
	for _, b := range blocks {
		got = append(got, b.ZH[0].MarkerText()+" "+b.EN[0].MarkerText())
	}
	if want := "☐ ☐|☑ ☑|1. 1."; strings.Join(got, "|") != want {
		t.Errorf("markers %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestFootnotesKept: each language's note is kept, under one label or
// none referring to it (goldmark keeps only notes a mark finds first, and
// dropped the English one of [^a]: 見第一章 / [^a]: See chapter 1).
func TestFootnotesKept(t *testing.T) {
	blocks := md(t, "正文。[^a]\n\nThe text.[^a]\n\n[^a]: 見第一章。\n\n[^a]: See chapter 1.\n")
	var got []string
	for _, b := range blocks {
		got = append(got, joinParas(b.ZH)+" / "+joinParas(b.EN))
	}
	if want := "正文。¹ / The text.¹|見第一章。 / See chapter 1."; strings.Join(got, "|") != want {
		t.Errorf("pairs %q, want %q", strings.Join(got, "|"), want)
	}
	// both notes show the number their language's mark shows, as an
	// item under a rule
	notes := blocks[len(blocks)-1]
	if notes.Kind != ListItem || notes.ZH[0].Marker != "1." || notes.EN[0].Marker != "1." || !notes.RuleBefore {
		t.Errorf("notes %+v, want items numbered 1. under a rule", notes)
	}
}

// TestMarksAfterPunctuation: a footnote mark goes after the closing
// punctuation after it, in Chinese after a stop or a bracket but never a
// comma's blank; text after the punctuation stays after the mark.
func TestMarksAfterPunctuation(t *testing.T) {
	for _, tt := range []struct{ body, zh, en string }{
		{"它叫 SipHash[^1]，不是最快的[^2]。\n\nIt is SipHash[^1], not the fastest[^2].\n", "它叫 SipHash¹，不是最快的。²", "It is SipHash,¹ not the fastest.²"},
		{"见（附录[^1]）后文。\n\nSee (the appendix[^1]) below.\n", "见（附录）¹后文。", "See (the appendix)¹ below."},
		{"“引语[^1]”\n\n“A quote[^1]”\n", "“引语”¹", "“A quote”¹"},
	} {
		b := md(t, tt.body+"\n[^1]: 注。\n\n[^2]: 注。\n")[0]
		if b.ZH[0].Text != tt.zh || b.EN[0].Text != tt.en {
			t.Errorf("%q / %q, want %q / %q", b.ZH[0].Text, b.EN[0].Text, tt.zh, tt.en)
		}
	}
}

// TestFootnoteMarks: a footnote's mark is its number in superscript
// digits, and its note an item with that number, the notes in the order
// of their marks.
func TestFootnoteMarks(t *testing.T) {
	var zh, en strings.Builder
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&zh, "第%d段[^z%d]。\n\n", i, i) // the mark goes after the stop: 第1段。¹
		fmt.Fprintf(&en, "Paragraph %d[^e%d].\n\n", i, i)
	}
	src := zh.String() + en.String()
	for i := 1; i <= 12; i++ {
		src += fmt.Sprintf("[^z%d]: 注%d。\n\n", i, i)
	}
	for i := 1; i <= 12; i++ {
		src += fmt.Sprintf("[^e%d]: Note %d.\n\n", i, i)
	}
	blocks := md(t, src)
	var marks, notes []string
	for _, b := range blocks {
		for _, p := range append(b.ZH, b.EN...) {
			if p.Marker != "" {
				notes = append(notes, p.Marker+p.Text)
			} else {
				marks = append(marks, p.Text)
			}
		}
	}
	// each side numbers its notes from 1, though the English ones have
	// labels of their own (goldmark numbered them 13 to 24)
	if len(marks) != 24 || marks[22] != "第12段。¹²" || marks[23] != "Paragraph 12.¹²" {
		t.Errorf("marks %q", marks)
	}
	if len(notes) != 24 || notes[0] != "1.注1。" || notes[1] != "1.Note 1." || notes[23] != "12.Note 12." {
		t.Errorf("notes %q", notes)
	}
}

// TestTableRowCells: Para.Cells gives a row's cells by number, an empty
// cell as an empty one, so that the cells after it keep their columns.
func TestTableRowCells(t *testing.T) {
	blocks := md(t, "| 参数 | | 作用 |\n|---|---|---|\n\n| Setting | | Use |\n|---|---|---|\n")
	cells := blocks[0].EN[0].Cells()
	if len(cells) != 3 || len(cells[1]) != 0 || textOf(cells[0]) != "Setting" || textOf(cells[2]) != "Use" {
		t.Errorf("cells %v", cells)
	}
}

// TestHTMLLineBreak: an inline <br> (any spelling) is a hard line break,
// with no space after it from the line's end; other tags are markup whose
// text comes from around them.
func TestHTMLLineBreak(t *testing.T) {
	blocks := md(t, "在 Debian 上：<br>\n`apt-get install rg`，按 <kbd>Ctrl</kbd> 停止。<BR />再见<br/>。\n\nOn Debian:<br>\n`apt-get install rg`; press <kbd>Ctrl</kbd> to stop.<brx>Bye\n")
	zh, en := blocks[0].ZH[0], blocks[0].EN[0]
	var zt, et strings.Builder
	for _, in := range zh.Inlines {
		zt.WriteString(in.Text)
	}
	for _, in := range en.Inlines {
		et.WriteString(in.Text)
	}
	if got, want := zt.String(), "在 Debian 上：\napt-get install rg，按 Ctrl 停止。\n再见\n。"; got != want {
		t.Errorf("Chinese %q, want %q", got, want)
	}
	if got, want := et.String(), "On Debian:\napt-get install rg; press Ctrl to stop.Bye"; got != want {
		t.Errorf("English %q, want %q", got, want)
	}
	for _, tag := range []string{"<br>", "<br/>", "<br />", "<BR>", " <br > ", "<br class=\"x\">"} {
		if !isLineBreakTag([]byte(tag)) {
			t.Errorf("%q is a line break", tag)
		}
	}
	for _, tag := range []string{"<brx>", "<b>", "</br>", "<br"} {
		if isLineBreakTag([]byte(tag)) {
			t.Errorf("%q is no line break", tag)
		}
	}
}

// TestGitHubAlert: a quote opening with [!NOTE] (TIP, IMPORTANT, WARNING,
// CAUTION; any case) is a GitHub alert: the mark is dropped and the
// paragraph labelled with its kind in its own language, the mark on a
// line of its own too; a quote that only starts with brackets is left
// alone.
func TestGitHubAlert(t *testing.T) {
	src := "> [!NOTE]\n> 需要 Go 1.22 或更高版本。\n\n> [!note]\n> Requires Go 1.22 or later.\n\n" +
		"> [!WARNING]\n>\n> 不要提交密钥。\n\n> [!WARNING]\n>\n> Never commit secrets.\n\n" +
		"> [注] 这是普通的引用。\n\n> [Note] This is a plain quote.\n"
	blocks := md(t, src)
	if len(blocks) != 3 {
		t.Fatalf("%d pairs, want 3", len(blocks))
	}
	for i, want := range []struct{ zhLabel, zh, enLabel, en string }{
		{"注意", "需要 Go 1.22 或更高版本。", "Note", "Requires Go 1.22 or later."},
		{"警告", "不要提交密钥。", "Warning", "Never commit secrets."},
		{"", "[注] 这是普通的引用。", "", "[Note] This is a plain quote."},
	} {
		zh, en := blocks[i].ZH[0], blocks[i].EN[0]
		if zh.Label != want.zhLabel || zh.Text != want.zh || en.Label != want.enLabel || en.Text != want.en || blocks[i].Quote != 1 {
			t.Errorf("pair %d: %q %q / %q %q (quote %d), want %q %q / %q %q", i+1, zh.Label, zh.Text, en.Label, en.Text, blocks[i].Quote, want.zhLabel, want.zh, want.enLabel, want.en)
		}
	}
}

// TestHTMLTablesImagesLinks: real sites' raw HTML read as a reader sees
// it. An HTML block that is one <table> is a table (a row a pair, cells
// numbered, <th> rows the header, <code> kept as code); a block holding
// only an <img> is a picture with its alt text as the caption; an inline
// <a href> links its text.
func TestHTMLTablesImagesLinks(t *testing.T) {
	src := "<p align=\"center\"><img src=\"logo.png\" alt=\"标志\" width=\"200\"></p>\n\n<p align=\"center\"><img src='logo.png' alt=\"Logo\"></p>\n\n" +
		"<table>\n<tr><th>命令</th><th>作用</th></tr>\n<tr><td><code>rg foo</code></td><td>搜索 foo</td></tr>\n</table>\n\n" +
		"<table>\n<tr><th>Command</th><th>What it does</th></tr>\n<tr><td><code>rg foo</code></td><td>search for foo</td></tr>\n</table>\n\n" +
		"更多信息见 <a href=\"https://example.org/docs\">文档</a>。\n\nSee <a href=\"https://example.org/docs\">the documentation</a> for more.\n"
	blocks := md(t, src)
	if len(blocks) != 4 {
		t.Fatalf("%d pairs, want 4 (picture, two rows, paragraph)", len(blocks))
	}
	if p := blocks[0]; p.ZH[0].Image != "logo.png" || p.ZH[0].Text != "标志" || p.EN[0].Image != "logo.png" || p.EN[0].Text != "Logo" {
		t.Errorf("the picture pair: %+v / %+v", p.ZH[0], p.EN[0])
	}
	head, row := blocks[1], blocks[2]
	if !head.ZH[0].Head || !head.EN[0].Head || row.EN[0].Head || head.ZH[0].Table == 0 || head.EN[0].Table == head.ZH[0].Table {
		t.Errorf("the tables' rows: %+v / %+v", head, row)
	}
	var cells []string
	for _, in := range row.ZH[0].Inlines {
		cells = append(cells, fmt.Sprintf("%d:%s:%v", in.Cell, in.Text, in.Style&Code != 0))
	}
	if got := strings.Join(cells, "|"); got != "1:rg foo:true|0: :false|2:搜索 foo:false" {
		t.Errorf("the Chinese row's cells %s", got)
	}
	linked := 0
	for _, in := range append(blocks[3].ZH[0].Inlines, blocks[3].EN[0].Inlines...) {
		switch {
		case in.Text == "文档" || in.Text == "the documentation":
			if in.Link != "https://example.org/docs" {
				t.Errorf("%q links to %q", in.Text, in.Link)
			}
			linked++
		case in.Link != "":
			t.Errorf("%q links to %q past the </a>", in.Text, in.Link)
		}
	}
	if linked != 2 {
		t.Errorf("%d linked texts, want 2: %+v %+v", linked, blocks[3].ZH[0].Inlines, blocks[3].EN[0].Inlines)
	}
}

// TestInlineHTMLStyles: inline HTML elements that style text style it up
// to their end tag (<kbd> and <code> as code, <b> strong, <em> emphasis,
// <del> struck), and the style around them comes back after it.
func TestInlineHTMLStyles(t *testing.T) {
	blocks := md(t, "按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 停止，<b>很<i>重要</i>的</b>一步，<del>旧的</del>。\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop, a <b>very <em>important</em> step</b>, <DEL>old</DEL>.\n")
	var got []string
	for _, in := range append(blocks[0].ZH[0].Inlines, blocks[0].EN[0].Inlines...) {
		if in.Style != 0 {
			got = append(got, fmt.Sprintf("%s:%d", in.Text, in.Style))
		}
	}
	want := []string{
		fmt.Sprintf("Ctrl:%d", Code), fmt.Sprintf("C:%d", Code), fmt.Sprintf("很:%d", Strong), fmt.Sprintf("重要:%d", Strong|Emphasis), fmt.Sprintf("的:%d", Strong), fmt.Sprintf("旧的:%d", Strike),
		fmt.Sprintf("Ctrl:%d", Code), fmt.Sprintf("C:%d", Code), fmt.Sprintf("very :%d", Strong), fmt.Sprintf("important:%d", Strong|Emphasis), fmt.Sprintf(" step:%d", Strong), fmt.Sprintf("old:%d", Strike),
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("styled inlines\n%v\nwant\n%v", got, want)
	}
}

// TestTemplateMarkup: a site generator's template markup (Hugo shortcodes,
// Liquid tags) is kept as written, its quotes straight, marked Markup, and
// noted once for the file.
func TestTemplateMarkup(t *testing.T) {
	src := "Pod 是一组{{< glossary_tooltip text=\"容器\" term_id=\"container\" >}}，见 {% link a.md %}。\n\n" +
		"A Pod is a group of {{< glossary_tooltip text=\"containers\"\nterm_id=\"container\" >}}, see {{ site.url }}.\n"
	doc, diags := Parse("x.md", []byte(src+"\nEND\n"))
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	blocks := Clean(doc).Blocks
	var got []string
	for _, in := range append(blocks[0].ZH[0].Inlines, blocks[0].EN[0].Inlines...) {
		if in.Style&Markup != 0 {
			got = append(got, fmt.Sprintf("%d:%s", in.Line, in.Text))
		}
	}
	want := []string{"1:{% link a.md %}", "3:{{ site.url }}"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("markup inlines\n%q\nwant\n%q", got, want)
	}
	// a tag that gives its text shows it, as the site does
	if zh, en := blocks[0].ZH[0].Text, blocks[0].EN[0].Text; !strings.HasPrefix(zh, "Pod 是一组容器，") || !strings.HasPrefix(en, "A Pod is a group of containers, ") {
		t.Errorf("shown text %q / %q", zh, en)
	}
	notes := 0
	for _, d := range diags {
		if strings.Contains(d.String(), "template markup") {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("want one note on template markup, got %d: %v", notes, diags)
	}
}

// TestLiquidCodeBlock: a Jekyll {% highlight %} block is a code block, its
// tags and lines as written, whatever Markdown would make of its lines.
func TestLiquidCodeBlock(t *testing.T) {
	code := "{% highlight bash %}\n# build it\nmake test -- \"all\"...\n\n  echo done\n{% endhighlight %}"
	blocks := md(t, "运行：\n\nRun:\n\n"+code+"\n\n完成。\n\nDone.\n")
	if len(blocks) != 3 {
		t.Fatalf("want 3 pairs, got %d", len(blocks))
	}
	for _, side := range [][]Para{blocks[1].ZH, blocks[1].EN} {
		for _, p := range side {
			if !p.Pre || p.Text != code {
				t.Errorf("the highlight block: %+v\nwant a code paragraph %q", p, code)
			}
		}
	}
	// never closed: Markdown as usual
	headings := 0
	for _, b := range md(t, "{% highlight go %}\n\n{% highlight go %}\n\n# 标题\n\n# Title\n") {
		for _, p := range append(b.ZH, b.EN...) {
			if p.Pre {
				t.Errorf("an unclosed highlight made code: %+v", p)
			}
		}
		if b.Kind == Heading {
			headings++
		}
	}
	if headings != 1 {
		t.Errorf("an unclosed highlight: want the heading pair after it, got %d headings", headings)
	}
}

// TestCaptionedImage: an image alone on a paragraph's first line takes the
// lines after it as its caption.
func TestCaptionedImage(t *testing.T) {
	blocks := md(t, "![分布](a.png)\n*图 1：时间分布*\n\n![Breakdown](a.png)\n*Figure 1: where the time went*\n")
	zh, en := blocks[0].ZH[0], blocks[0].EN[0]
	if zh.Image != "a.png" || zh.Text != "图 1：时间分布" || en.Image != "a.png" || en.Text != "Figure 1: where the time went" {
		t.Errorf("captioned pictures: %q %q / %q %q", zh.Image, zh.Text, en.Image, en.Text)
	}
}

func TestShownDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-18 09:30:00 +0800": "2024-03-18", "2024-03-18T09:30:00Z": "2024-03-18", "2024-03-18": "2024-03-18",
		"2024 年春": "2024 年春", "March 2024": "March 2024", "20240318": "20240318",
	} {
		if got := (Meta{Date: in}).ShownDate(); got != want {
			t.Errorf("ShownDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestContainers: documentation sites' boxes (VitePress ::: tip Title,
// Docusaurus :::note[Title], Pandoc/Quarto ::: {.callout-warning}) are
// quotes labelled with their title, or their kind's name in each
// language; a container of another kind (code-group) only groups its
// blocks; the fence lines are the source lines of the first and last
// block inside; an opening fence never closed is text.
func TestContainers(t *testing.T) {
	src := "::: tip 开始之前\n本页假设你读过指南。\n:::\n\n::: tip Before You Begin\nThis page assumes you read the guide.\n:::\n\n" +
		":::warning\n不要提交缓存。\n\n第二段。\n:::\n\n:::warning\nDo not commit the cache.\n\nA second paragraph.\n:::\n\n" +
		":::note[为什么？]\n因为哈希。\n:::\n\n:::note[Why?]\nBecause of hashes.\n:::\n\n" +
		"::: {.callout-caution title=\"当心\"}\n慢。\n:::\n\n::: {.callout-caution}\nIt is slow.\n:::\n\n" +
		":::{important}\n先备份。\n:::\n\n:::{important}\nBack up first.\n:::\n\n" +
		"::: code-group\n```sh [npm]\nnpm run build\n```\n:::\n\n" +
		"::: details 示例\n```js\nrun()\n```\n:::\n\n" +
		"::: tip 没有结尾\n这一段不在框里。\n\n::: tip No end\nThis paragraph is in no box.\n"
	blocks := md(t, src)
	checkLabelled(t, blocks, []labelledPair{
		{"开始之前", "本页假设你读过指南。", "Before You Begin", "This page assumes you read the guide.", 1},
		{"警告", "不要提交缓存。", "Warning", "Do not commit the cache.", 1},
		{"", "第二段。", "", "A second paragraph.", 1},
		{"为什么？", "因为哈希。", "Why?", "Because of hashes.", 1},
		{"当心", "慢。", "Caution", "It is slow.", 1},
		{"重要", "先备份。", "Important", "Back up first.", 1},
		{"", "", "npm", "npm run build", 0}, // code given once goes with its neighbour; its tab names it
		{"", "示例", "", "", 1},               // a title over code is a paragraph of its own
		{"", "run()", "", "", 1},
		{"", "::: tip 没有结尾这一段不在框里。", "", "::: tip No end This paragraph is in no box.", 0},
	})
	// the fence lines belong to the first and the last paragraph inside
	if l := blocks[0].ZH[0].Lines; len(l) != 3 || l[0].Text != "::: tip 开始之前" || l[2].Text != ":::" {
		t.Errorf("a box's lines: %+v", l)
	}
	if l := blocks[2].EN[0].Lines; len(l) != 2 || l[1].Text != ":::" {
		t.Errorf("a box's last paragraph's lines: %+v", l)
	}
	if got := (Para{Label: "为什么？"}).LabelText(Chinese) + "|" + (Para{Label: "Why?"}).LabelText(English) + "|" + (Para{Label: "Tip"}).LabelText(English); got != "为什么？|Why? |Tip: " {
		t.Errorf("labels shown as %q", got)
	}
}

// TestContainerTraditionalLabels: a zh-Hant document's labels are
// written in Traditional characters.
func TestContainerTraditionalLabels(t *testing.T) {
	blocks := md(t, "::: danger\n這個操作無法復原，請務必先備份資料。\n:::\n\n::: danger\nThis cannot be undone.\n:::\n")
	if got := blocks[0].ZH[0].Label; got != "危險" {
		t.Errorf("label %q, want 危險", got)
	}
}

// TestAdmonitions: Python-Markdown's admonitions (MkDocs), !!! kind
// "Title" over blocks indented by four spaces (??? folding), are read as
// containers; the first unindented line ends one.
func TestAdmonitions(t *testing.T) {
	src := "!!! tip \"提示\"\n    先安装 Python。\n\n    第二段。\n\n!!! tip\n    Install Python first.\n\n    A second paragraph.\n\n" +
		"然后运行。\n\nThen run it.\n\n??? note \"为什么？\"\n    因为依赖。\n\n???+ note \"Why?\"\n    Because of dependencies.\n"
	blocks := md(t, src)
	checkLabelled(t, blocks, []labelledPair{
		{"提示", "先安装 Python。", "Tip", "Install Python first.", 1},
		{"", "第二段。", "", "A second paragraph.", 1},
		{"", "然后运行。", "", "Then run it.", 0},
		{"为什么？", "因为依赖。", "Why?", "Because of dependencies.", 1},
	})
	if l := blocks[0].ZH[0].Lines; len(l) != 2 || l[0].Text != "!!! tip \"提示\"" {
		t.Errorf("an admonition's first lines: %+v", l)
	}
}

// labelledPair is what a test expects of a pair's first paragraphs: each
// side's label and text, and the quotes around the pair.
type labelledPair struct {
	zhLabel, zh, enLabel, en string
	quote                    int
}

// checkLabelled compares blocks with the pairs wanted, one for one.
func checkLabelled(t *testing.T, blocks []Block, want []labelledPair) {
	t.Helper()
	if len(blocks) != len(want) {
		t.Fatalf("%d pairs, want %d: %+v", len(blocks), len(want), blocks)
	}
	for i, w := range want {
		var got labelledPair
		if b := blocks[i]; len(b.ZH) > 0 {
			got.zhLabel, got.zh = b.ZH[0].Label, b.ZH[0].Text
		}
		if b := blocks[i]; len(b.EN) > 0 {
			got.enLabel, got.en = b.EN[0].Label, b.EN[0].Text
		}
		got.quote = blocks[i].Quote
		if got != w {
			t.Errorf("pair %d: %+v, want %+v", i+1, got, w)
		}
	}
}

// TestCodeTitles: the file name a fence's info string gives its code
// becomes the code block's label; a language alone, or brackets alone,
// give none.
func TestCodeTitles(t *testing.T) {
	for _, tt := range []struct{ info, want string }{
		{"js [vite.config.js]", "vite.config.js"},
		{"sh [npm]", "npm"},
		{`js title="src/app.js"`, "src/app.js"},
		{`python title='main.py' linenums="1"`, "main.py"},
		{`go {filename="main.go"}`, "main.go"},
		{"rust,ignore", ""},
		{"[x]", ""},
		{"", ""},
	} {
		blocks := md(t, "中文。\n\n```"+tt.info+"\ncode()\n```\n\nEnglish.\n")
		var got string
		for _, b := range blocks {
			for _, p := range append(b.ZH, b.EN...) {
				if p.Pre {
					got = p.Label
				}
			}
		}
		if got != tt.want {
			t.Errorf("%q: title %q, want %q", tt.info, got, tt.want)
		}
	}
}

// TestLoneCodeSpanIsCode: a paragraph that is one code span on its line
// (a command, as tldr's pages write them) is a code block, set as written;
// code inside prose, or spanning lines, stays inline.
func TestLoneCodeSpanIsCode(t *testing.T) {
	blocks := md(t, "- 创建存档：\n\n- Create an archive:\n\n`tar cf {{目标.tar}} {{文件}}`\n\n`tar cf {{target.tar}} {{file}}`\n\n运行 `make` 即可。\n\nRun `make`.\n")
	if len(blocks) != 3 {
		t.Fatalf("%d pairs: %+v", len(blocks), blocks)
	}
	if p := blocks[1]; len(p.ZH) != 1 || len(p.EN) != 1 || !p.ZH[0].Pre || !p.EN[0].Pre || p.EN[0].Text != "tar cf {{target.tar}} {{file}}" {
		t.Errorf("the command lines: %+v", p)
	}
	if blocks[2].ZH[0].Pre || blocks[2].EN[0].Pre {
		t.Errorf("code inside prose made a code block: %+v", blocks[2])
	}
}

// TestBadgeText: a self-closing component that shows its text attribute
// (VitePress' <Badge text="beta" />) shows it; other tags stay markup.
func TestBadgeText(t *testing.T) {
	blocks := md(t, "## 缓存 <Badge type=\"tip\" text=\"^1.9.0\" />\n\n## Cache <Badge type=\"tip\" text=\"^1.9.0\" />\n\n正文 <Badge text=\"beta\" /> 内容 <br/>。\n\nBody <Badge text='beta'/> text.\n")
	if got := blocks[0].ZH[0].Text + "|" + blocks[0].EN[0].Text + "|" + blocks[1].EN[0].Text; got != "缓存 ^1.9.0|Cache ^1.9.0|Body beta text." {
		t.Errorf("texts %q", got)
	}
}

// TestObsidianCallouts: Obsidian's callouts are alerts of more kinds,
// foldable and titled on their mark's line; a quotation's (quote) has no
// label, its title its credit under it; an unknown kind is a plain quote.
func TestObsidianCallouts(t *testing.T) {
	src := "> [!example]- 一个例子\n> 把文件拖进窗口。\n\n> [!example]- An example\n> Drag the file into the window.\n\n" +
		"> [!question]\n> 为什么？\n\n> [!question]\n> Why?\n\n" +
		"> [!quote] 鲁迅\n> 其实地上本没有路。\n\n> [!quote] Lu Xun\n> For actually the earth had no roads.\n\n" +
		"> [!frobnicate] 什么\n> 普通引用。\n\n> [!frobnicate] What\n> A plain quote.\n"
	checkLabelled(t, md(t, src), []labelledPair{
		{"一个例子", "把文件拖进窗口。", "An example", "Drag the file into the window.", 1},
		{"问题", "为什么？", "Question", "Why?", 1},
		{"", "其实地上本没有路。", "", "For actually the earth had no roads.", 1},
		{"", "——鲁迅", "", "— Lu Xun", 1},
		{"", "[!frobnicate] 什么普通引用。", "", "[!frobnicate] What A plain quote.", 1},
	})
}
