package article

import (
	"os"
	"strings"
	"testing"
)

// TestOriginalInComments: a page translated paragraph by paragraph under
// its original kept in comments (the Kubernetes documentation's Chinese
// pages) pairs each comment's paragraphs with the translation after it;
// markers stay comments, and the original's title comes from its front
// matter kept in a comment.
func TestOriginalInComments(t *testing.T) {
	src := "---\ntitle: 名字空间\n---\n<!--\nreviewers:\n- someone\ntitle: Namespaces\n-->\n\n<!-- overview -->\n\n" +
		"<!--\nIn Kubernetes, namespaces isolate groups of resources.\n-->\n在 Kubernetes 中，名字空间隔离资源组。\n\n" +
		"<!--\n## When to use them\n\nNamespaces are meant for many users.\n-->\n## 何时使用\n\n名字空间适用于很多用户。\n\n" +
		"<!-- TODO: check this section -->\n\n" +
		"<!--\n* `default` The default namespace\n* `kube-system` The system's namespace\n-->\n* `default` 默认的名字空间\n* `kube-system` 系统的名字空间\n\n" +
		"{{< note >}}\n<!--\nAvoid the prefix `kube-`.\n-->\n避免使用前缀 `kube-`。\n{{< /note >}}\n"
	doc, diags := Parse("ns.md", []byte(src))
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	if doc.Meta.Title != "名字空间" || doc.Meta.TitleEN != "Namespaces" {
		t.Errorf("titles %q / %q", doc.Meta.Title, doc.Meta.TitleEN)
	}
	blocks := Clean(doc).Blocks
	checkLabelled(t, blocks, []labelledPair{
		{"", "在 Kubernetes 中，名字空间隔离资源组。", "", "In Kubernetes, namespaces isolate groups of resources.", 0},
		{"", "何时使用", "", "When to use them", 0},
		{"", "名字空间适用于很多用户。", "", "Namespaces are meant for many users.", 0},
		{"", "default 默认的名字空间", "", "default The default namespace", 0},
		{"", "kube-system 系统的名字空间", "", "kube-system The system’s namespace", 0},
		{"注意", "避免使用前缀 kube-。", "Note", "Avoid the prefix kube-.", 1},
	})
	// the comment's lines are the source lines of what it holds
	if l := blocks[0].EN[0].Lines; len(l) != 3 || l[0].Text != "<!--" || l[2].Text != "-->" || l[1].No != 13 {
		t.Errorf("the comment's lines: %+v", l)
	}
	for _, b := range blocks {
		for _, p := range append(b.ZH, b.EN...) {
			if strings.Contains(p.Text, "TODO") || strings.Contains(p.Text, "overview") || strings.Contains(p.Text, "reviewers") {
				t.Errorf("a marker or the front matter read as text: %q", p.Text)
			}
		}
	}
}

// TestStrayCommentsStayComments: a bilingual page's comments, and a
// translation's comments in its own language, are not read.
func TestStrayCommentsStayComments(t *testing.T) {
	for name, src := range map[string]string{
		"a bilingual page's note":  "正文第一段。\n\nThe first paragraph.\n\n<!--\nRemember to update the screenshots before the release.\n-->\n\n正文第二段。\n\nThe second paragraph.\n",
		"a translator's own notes": "<!--\n这一段的译法待定，请校对。\n-->\n正文第一段。\n\nThe first paragraph.\n\n<!--\n下一段也需要校对。\n-->\n正文第二段。\n\nThe second paragraph.\n",
	} {
		blocks := md(t, src)
		if len(blocks) != 2 {
			t.Errorf("%s: %d pairs, want 2: %+v", name, len(blocks), blocks)
			continue
		}
		for _, b := range blocks {
			for _, p := range append(b.ZH, b.EN...) {
				if strings.Contains(p.Text, "Remember") || strings.Contains(p.Text, "校对") {
					t.Errorf("%s: the comment read as text: %q", name, p.Text)
				}
			}
		}
	}
}

// TestTranslatorsNoteFirst: a one-sided Chinese line above an English-first
// article (a translator's note) is a pair of its own, and every later pair
// holds a paragraph and its translation, not the next one's.
func TestTranslatorsNoteFirst(t *testing.T) {
	src, err := os.ReadFile("testdata/translator-note.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, diags := Parse("translator-note.txt", src)
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	if doc.Order != English || len(doc.Blocks) != 7 || len(doc.Blocks[0].EN) != 0 {
		t.Fatalf("order %v, %d pairs, the first %+v", doc.Order, len(doc.Blocks), doc.Blocks[0])
	}
	for k, b := range doc.Blocks[1:] {
		if len(b.ZH) != 1 || len(b.EN) != 1 || b.EN[0].Lines[0].No+1 != b.ZH[0].Lines[0].No {
			t.Errorf("pair %d: %+v", k+2, b)
		}
	}
}

// TestTwoFilesIgnoreOriginalsInComments: of two files, the original is the
// other file: the translation's comments are not read.
func TestTwoFilesIgnoreOriginalsInComments(t *testing.T) {
	orig := "Pods are the smallest units.\n\nA Pod is a group of containers.\n"
	trans := "<!--\nPods are the smallest units.\n-->\nPod 是最小的单元。\n\n<!--\nA Pod is a group of containers.\n-->\nPod 是一组容器。\n"
	doc, diags := ParseTranslation(Source{Name: "en.md", Data: []byte(orig), Format: Markdown}, Source{Name: "zh.md", Data: []byte(trans), Format: Markdown})
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	if len(doc.Blocks) != 2 || len(doc.Blocks[0].ZH) != 1 || len(doc.Blocks[1].ZH) != 1 {
		t.Errorf("pairs: %+v", doc.Blocks)
	}
}
