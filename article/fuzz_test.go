package article

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, and that every non-blank line of
// an article without front matter, up to its END marker, lands in exactly one
// block, or the parse fails with an error.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/edge/*.txt")
	corpus, _ := filepath.Glob("testdata/corpus/seed.txt")
	for _, name := range append(seeds, corpus...) {
		if strings.Contains(name, "large") || strings.Contains(name, "long") {
			continue
		}
		src, err := os.ReadFile(name)
		if err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, diags := Parse("fuzz.txt", src)
		if doc == nil {
			if !diags.HasErrors() {
				t.Fatalf("no document and no error")
			}
			return
		}
		seen := map[int]int{}
		for _, b := range doc.Blocks {
			if len(b.ZH)+len(b.EN) == 0 {
				t.Fatalf("empty block at line %d", b.Line)
			}
			for _, side := range [][]Para{b.ZH, b.EN} {
				for _, p := range side {
					for _, l := range p.Lines {
						seen[l.No]++
					}
				}
			}
		}
		for no, n := range seen {
			if n != 1 {
				t.Fatalf("line %d appears %d times", no, n)
			}
		}
		for no, line := range bodyLines(src) {
			if seen[no] != 1 {
				t.Fatalf("line %d (%q) was lost", no, line)
			}
		}
		if err := checkSentences(Clean(doc)); err != nil {
			t.Fatal(err)
		}
	})
}

// bodyLines returns the non-blank lines before the END marker, by number,
// for input without front matter; nil otherwise.
func bodyLines(src []byte) map[int]string {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	text := strings.ReplaceAll(strings.ReplaceAll(string(src), "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(text, "\n")
	out := map[int]string{}
	for i, l := range lines {
		l, _ = DropUnwritable(l) // decode drops what no output may hold
		t := trimSpace(l)
		if t == "---" || t == "+++" {
			if len(out) == 0 {
				return nil // front matter: not checked here
			}
		}
		if t == EndMarker && !strings.HasPrefix(l, " ") && !strings.HasPrefix(l, "\t") && trimSpace(l) == strings.TrimRightFunc(l, func(r rune) bool { return r == ' ' || r == '\t' }) {
			break
		}
		if t != "" {
			out[i+1] = t
		}
	}
	return out
}

// FuzzMarkdown reads arbitrary input as Markdown: never a panic, a
// document or an error, no empty block, and each paragraph's text the
// join of its inlines, before and after clean-up.
func FuzzMarkdown(f *testing.F) {
	for _, name := range []string{"../testdata/markdown/constructs.md", "../testdata/markdown/seed.md"} {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("- 一\n  - 二\n\n- one\n  - two\n\n> **粗。**体\n\n> *em*_x_\n\n```\ncode\n```\n"))
	f.Add([]byte("> [!NOTE]\n> 注意。\n\n> [!tip]\n>\n> Tip.\n\n<table><tr><th>甲</th><td><code>x</code></td></tr></table>\n\n<p><img src=\"a.png\" alt='图'></p>\n\n按 <kbd>C</kbd><b>粗<i>斜</b></i> <a href=\"https://x.org\">链接</a><br>完\n\n1. 项\n\n   续\n"))
	f.Add([]byte("{{< note >}}\n见{{< glossary_tooltip text=\"容器\"\nterm_id=\"c\" >}}。{{ site.url }}\n{{< /note >}}\n\n{% highlight go %}\n# x\n\n{% endhighlight %}\n\n{% raw %}\n![图](a.png)\n*图 1*\n\n<h2 align=center>标题</h2>\n\n`代码 # 注释`\n"))
	f.Add([]byte("::: tip 标题\n提示。\n\n> ::::: {.callout-note title=\"x\"}\n> :::note[内]\n> 内层。\n> :::\n> :::::\n:::\n\n::: code-group\n```sh [npm]\n:::\n```\n:::\n\n:::{warning}\n正文[^1]。\n\n[^1]: 注。\n\n[^1]: Note.\n"))
	f.Add([]byte("!!! tip \"提示\"\n    先安装。\n\n    - 项\n\n???+ note\n\t> 引用\n!!! x\n"))
	f.Add([]byte("---\ntitle: 标题\n---\n<!--\ntitle: Title\n-->\n<!-- overview -->\n<!--\n## Heading\n\nText here.\n-->\n## 标题\n\n正文。\n\n{{< note >}}\n<!--\n* One item\n-->\n* 一项\n{{< /note >}}\n\n## {{% heading \"whatsnext\" %}}\n"))
	f.Add([]byte("import A from 'a';\n\n{/* x */}\n<Tabs>\n  <TabItem label=\"npm\">\n\n```sh\nnpm i\n```\n\n  </TabItem>\n</Tabs>\n\n<Pitfall>\n\n陷阱。\n\n</Pitfall>\n\n<<<<<<< HEAD\n中文。\n=======\nEnglish.\n>>>>>>> abc\n\n{{jsxref(\"Array\")}} {% hint style=\"info\" %}\n"))
	f.Add([]byte("```{admonition} 标题\n:class: tip\n内容。\n```\n\n<details><summary>摘要</summary>\n\n正文。\n\n</details>\n\n> [!example]- 例子\n> 文字 <Badge text=\"beta\" />。\n\n> [!quote] 作者\n> 引文。\n\n{{< mermaid >}}\nA-->B\n{{< /mermaid >}}\n\n[见]({{< ref \"x.md\" >}})\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, diags := ParseFormat("fuzz.md", src, Markdown)
		if doc == nil {
			if !diags.HasErrors() {
				t.Fatalf("no document and no error")
			}
			return
		}
		for _, d := range []*Document{doc, Clean(doc)} {
			for _, b := range d.Blocks {
				if len(b.ZH)+len(b.EN) == 0 {
					t.Fatalf("empty block at line %d", b.Line)
				}
				for _, p := range append(b.ZH, b.EN...) {
					if textOf(p.Inlines) != p.Text {
						t.Fatalf("line %d: text %q, inlines %q", b.Line, p.Text, textOf(p.Inlines))
					}
				}
			}
			if err := checkSentences(d); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzTranslation reads two arbitrary plain-text files as an original and
// its translation: never a panic, a document or an error, and every
// non-blank line of each file (up to an END) in exactly one pair, on the
// side of its file's language.
func FuzzTranslation(f *testing.F) {
	f.Add([]byte("标题\n\n第一段。\n\n第二段，2025 年。\n"), []byte("Title\n\nThe first paragraph.\n\nIn 2025, the second.\n"))
	f.Add([]byte("One.\n\n二。\n"), []byte("一。\n\nTwo.\n"))
	f.Add([]byte("* * *\n\n2025\n"), []byte("中文。\n"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		doc, diags := ParseTranslation(Source{"a.txt", a, PlainText}, Source{"b.txt", b, PlainText})
		if doc == nil {
			if !diags.HasErrors() {
				t.Fatalf("no document and no error")
			}
			return
		}
		seen := [2]map[int]int{{}, {}} // by side: the original's, the translation's
		for _, blk := range doc.Blocks {
			if len(blk.ZH)+len(blk.EN) == 0 {
				t.Fatalf("empty block at line %d", blk.Line)
			}
			for lang, side := range [][]Para{blk.ZH, blk.EN} {
				file := 0
				if Lang(lang) != doc.Order {
					file = 1
				}
				for _, p := range side {
					for _, l := range p.Lines {
						seen[file][l.No]++
					}
				}
			}
		}
		for file, src := range [][]byte{a, b} {
			want := bodyLines(src)
			if want == nil {
				continue
			}
			for no, n := range seen[file] {
				if n != 1 || want[no] == "" {
					t.Fatalf("file %d: line %d appears %d times (source %q)", file, no, n, want[no])
				}
			}
			for no, line := range want {
				if seen[file][no] != 1 {
					t.Fatalf("file %d: line %d (%q) was lost", file, no, line)
				}
			}
		}
		if err := checkSentences(Clean(doc)); err != nil {
			t.Fatal(err)
		}
	})
}
