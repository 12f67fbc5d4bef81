package article

import (
	"strings"
	"testing"
)

// TestWithoutMDX: MDX's ESM statements and {/* comments */} are blank
// lines, outside code only; prose that starts with "import" stays.
func TestWithoutMDX(t *testing.T) {
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
	} {
		var body []rawLine
		for i, l := range strings.Split(tt.in, "\n") {
			body = append(body, rawLine{no: i + 1, raw: l, text: trimSpace(l)})
		}
		var got []string
		for _, l := range withoutMDX(body) {
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
