package article

import (
	"fmt"
	"strings"
	"testing"
)

// TestSiteSource: MDX's ESM statements and {/* comments */} are blank
// lines, and Hugo's ref links plain links, outside code only; prose that
// starts with "import" stays.
func TestSiteSource(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"imports", "import Tabs from '@theme/Tabs';\nimport TabItem from \"@theme/TabItem\"\n\n# Title", "|||# Title"},
		{"a side-effect import, to the blank line (as MDX reads it)", "import './styles.css';\nmore();\n\ntext", "|||text"},
		{"a multi-line import", "import {\n  A,\n  B,\n} from './x';\n\ntext", "|||||text"},
		{"an export block, to the blank line", "export const Hi = ({children}) => (\n  <b>{children}</b>\n);\n\ntext", "||||text"},
		{"a comment alone", "{/* generated */}\ntext", "|text"},
		{"a comment inside a line", "before {/* note */} after", "before  after"},
		{"a comment over lines", "a {/* one\ntwo\nthree */} b", "a || b"},
		{"code is code", "```js\nimport x from 'y';\n{/* kept */}\n```", "```js|import x from 'y';|{/* kept */}|```"},
		{"prose stays", "import the data from the file\nexport default settings to disk", "import the data from the file|export default settings to disk"},
		{"Hugo's ref links", "see [the guide]({{< ref \"docs/install.md\" >}}) and [this]({{% relref \"/x\" %}})", "see [the guide](docs/install.md) and [this](/x)"},
		{"a ref link in code is code", "```\n[a]({{< ref \"b\" >}})\n```", "```|[a]({{< ref \"b\" >}})|```"},
	} {
		var body []rawLine
		for i, l := range strings.Split(tt.in, "\n") {
			body = append(body, rawLine{no: i + 1, raw: l, text: trimSpace(l)})
		}
		var got []string
		for _, l := range siteSource(body) {
			got = append(got, l.raw)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, g, tt.want)
		}
	}
}

// TestMDXPage: an MDX page's imports and comments are not text, its tabs'
// labels name the code they hold, and .mdx is Markdown.
func TestMDXPage(t *testing.T) {
	if FormatOf("docs/intro.mdx") != Markdown {
		t.Fatal(".mdx is not read as Markdown")
	}
	src := "import Tabs from '@theme/Tabs';\n\n# 安装\n\n# Installation\n\n{/* 生成的页面 */}\n\n<Tabs>\n  <TabItem value=\"npm\" label=\"npm\">\n\n```bash\nnpm i x\n```\n\n  </TabItem>\n</Tabs>\n"
	doc, diags := ParseFormat("x.mdx", []byte(src), Markdown)
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	if len(doc.Blocks) != 2 || doc.Blocks[0].Kind != Heading {
		t.Fatalf("blocks: %+v", doc.Blocks)
	}
	for _, p := range append(doc.Blocks[1].ZH, doc.Blocks[1].EN...) {
		if !p.Pre || p.Label != "npm" {
			t.Errorf("the tab's code: %+v", p)
		}
	}
}

// TestConflictMarkers: an unresolved merge's markers are blank lines,
// with a warning, both sides kept (the line above ======= is no heading);
// a lone ======= underlines a heading as ever.
func TestConflictMarkers(t *testing.T) {
	src := "正文。\n\nBody.\n\n<<<<<<< HEAD\n需要注意的是，有些组件的属性是真。\n=======\nNotice that some of the components have their prop set to true.\n>>>>>>> a220bb3f21170210fb37375f349c943150a5364d\n\n结尾。\n\nThe end.\n"
	doc, diags := Parse("x.md", []byte(src))
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	if len(doc.Blocks) != 3 || doc.Blocks[1].Kind != Paragraph || doc.Blocks[1].ZH[0].Text != "需要注意的是，有些组件的属性是真。" {
		t.Errorf("blocks: %+v", doc.Blocks)
	}
	if !strings.Contains(fmt.Sprint(diags), "x.md:5: warning: an unresolved merge") {
		t.Errorf("diagnostics: %v", diags)
	}
	if doc, _ := Parse("y.md", []byte("标题\n=======\n\nTitle\n=======\n\n正文。\n\nBody.\n")); doc == nil || doc.Blocks[0].Kind != Heading {
		t.Errorf("a setext heading lost: %+v", doc)
	}
}
