package build

import (
	"diglot/internal/allocs"
	"fmt"
	"io"
	"strings"
	"testing"

	"diglot/article"
	"diglot/fonts"
)

// scalesLinearly runs make at sizes 1×, 10× and 100× and fails when the
// memory allocated grows by more than twice the size's factor (a quadratic
// cost grows by 100× and 10,000×). Allocation, unlike time, does not
// depend on the machine's load.
func scalesLinearly(t *testing.T, what string, base int, run func(n int)) {
	t.Helper()
	var first uint64
	for _, factor := range []int{1, 10, 100} {
		got := allocs.Bytes(func() { run(base * factor) })
		if factor == 1 {
			first = max(got, 1)
			continue
		}
		if ratio := float64(got) / float64(first); ratio > 2*float64(factor) {
			t.Errorf("%s: %d× the size allocates %.0f× the memory (%d MB)", what, factor, ratio, got>>20)
		}
	}
}

// TestCostsLinear covers the inputs a probe found quadratic: unequal runs
// (the aligner's table), a long title (the running head's ellipsis) and a
// long web address (a link per line repeating it).
func TestCostsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	scalesLinearly(t, "unequal runs", 200, func(n int) {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "第%d段，中文的内容在这里。\n", i)
		}
		for i := range n - 1 {
			fmt.Fprintf(&b, "Paragraph %d has its English content here.\n", i)
		}
		if doc, diags := article.Parse("runs.txt", []byte(b.String())); doc == nil {
			t.Fatal(diags)
		}
	})
	set := fonts.NewSet()
	build := func(src string) {
		if _, err := Article("x.txt", []byte(src), set, Options{OutDir: t.TempDir(), PDF: true, EPUB: true}, io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	scalesLinearly(t, "long title", 100, func(n int) {
		build("---\ntitle: \"" + strings.Repeat("标题", n/2) + " / " + strings.Repeat("Title ", n/6) + "\"\n---\n中文段落。\nAn English paragraph.\nEND\n")
	})
	scalesLinearly(t, "long web address", 500, func(n int) {
		build("中文段落 https://example.org/" + strings.Repeat("a", n) + " 。\nAn English paragraph https://example.org/" + strings.Repeat("b", n) + " .\nEND\n")
	})
}

// TestMarkdownCostsLinear feeds the Markdown reader the shapes that make
// parsers quadratic: many inlines in one paragraph, long lists, deep
// quotes and lists, runs of unmatched delimiters.
func TestMarkdownCostsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	shapes := map[string]func(n int) string{
		"code spans in a paragraph": func(n int) string {
			return strings.Repeat("中文`代码`和", n) + "。\n\n" + strings.Repeat("English `code` and ", n) + "end.\n"
		},
		"list items": func(n int) string {
			return strings.Repeat("- 中文的项目\n", n) + "\n" + strings.Repeat("- An English item\n", n)
		},
		"nested quotes": func(n int) string {
			return strings.Repeat(">", n) + " 中文。\n\n" + strings.Repeat(">", n) + " English words here.\n"
		},
		"unmatched delimiters": func(n int) string {
			return "中文" + strings.Repeat("**a*_", n) + "。\n\nEnglish " + strings.Repeat("*_b**", n) + " here.\n"
		},
	}
	for _, name := range []string{"code spans in a paragraph", "list items", "nested quotes", "unmatched delimiters"} {
		scalesLinearly(t, name, 50, func(n int) {
			if doc, diags := article.ParseFormat("x.md", []byte(shapes[name](n)), article.Markdown); doc == nil && !diags.HasErrors() {
				t.Fatal("no document and no error")
			}
		})
	}
}
