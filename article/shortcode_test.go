package article

import (
	"strings"
	"testing"
)

// TestShortcodeBoxes: Hugo's paired shortcodes and GitBook's hints are
// boxes (a known kind, from the name or the arguments) or groups; their
// tags are markup; one never closed is text.
func TestShortcodeBoxes(t *testing.T) {
	src := "{{< note >}}\n先读指南。\n{{< /note >}}\n\n{{< note >}}\nRead the guide first.\n{{< /note >}}\n\n" +
		"{{% alert title=\"当心\" color=\"warning\" %}}\n很慢。\n{{% /alert %}}\n\n{{% alert title=\"Careful\" color=\"warning\" %}}\nIt is slow.\n{{% /alert %}}\n\n" +
		"{{< hint danger >}}\n先备份。\n{{< /hint >}}\n\n{% hint style=\"danger\" %}\nBack up first.\n{% endhint %}\n\n" +
		"{{< details \"示例\" >}}\n示例的内容。\n{{< /details >}}\n\n{{< details title=\"Example\" >}}\nWhat the example holds.\n{{< /details >}}\n\n" +
		"{{< tabs >}}\n分组的段落。\n{{< /tabs >}}\n\n{{< tabs >}}\nA grouped paragraph.\n{{< /tabs >}}\n\n" +
		"{{< warning >}}\n没有结尾的框。\n\n{{< warning >}}\nA box with no end.\n"
	blocks := md(t, src)
	checkLabelled(t, blocks, []labelledPair{
		{"注意", "先读指南。", "Note", "Read the guide first.", 1},
		{"当心", "很慢。", "Careful", "It is slow.", 1},
		{"危险", "先备份。", "Danger", "Back up first.", 1},
		{"示例", "示例的内容。", "Example", "What the example holds.", 1},
		{"", "分组的段落。", "", "A grouped paragraph.", 0},
		{"", "{{< warning >}} 没有结尾的框。", "", "{{< warning >}} A box with no end.", 0},
	})
	if l := blocks[0].ZH[0].Lines; len(l) != 3 || l[0].Text != "{{< note >}}" || l[2].Text != "{{< /note >}}" {
		t.Errorf("a box's lines: %+v", l)
	}
}

// TestBilingualBoxLabels: a box holding both languages labels the first
// paragraph of each, its title going to the paragraph in its language.
func TestBilingualBoxLabels(t *testing.T) {
	blocks := md(t, "::: tip\n这是提示。\n\nThis is a tip.\n:::\n\n::: warning Before you start\n先看这里。\n\nLook here first.\n:::\n")
	checkLabelled(t, blocks, []labelledPair{
		{"提示", "这是提示。", "Tip", "This is a tip.", 1},
		{"警告", "先看这里。", "Before you start", "Look here first.", 1},
	})
}

// TestTemplateShown: the tags that give their text show it.
func TestTemplateShown(t *testing.T) {
	for _, tt := range []struct {
		tag, text string
		style     Style
		ok        bool
	}{
		{`{{< glossary_tooltip text="对象" term_id="object" >}}`, "对象", 0, true},
		{`{{<glossary_tooltip term_id="job" text="Job">}}`, "Job", 0, true},
		{`{{jsxref("Array")}}`, "Array", Code, true},
		{`{{jsxref("Array/forEach", "forEach")}}`, "forEach", Code, true},
		{`{{HTMLElement("div")}}`, "<div>", Code, true},
		{`{{Glossary("DOM", "文档对象模型")}}`, "文档对象模型", 0, true},
		{`{{Compat}}`, "", 0, false},
		{`{{InteractiveExample("JavaScript Demo")}}`, "", 0, false},
		{`{{< feature-state for_k8s_version="v1.25" state="stable" >}}`, "", 0, false},
		{`{{ site.url }}`, "", 0, false},
	} {
		text, style, ok := templateShown(tt.tag)
		if text != tt.text || style != tt.style || ok != tt.ok {
			t.Errorf("%s: %q %v %v, want %q %v %v", tt.tag, text, style, ok, tt.text, tt.style, tt.ok)
		}
	}
}

// TestHeadingTwin: a heading written as the Kubernetes site's heading
// shortcode is a heading in each language, one file or two.
func TestHeadingTwin(t *testing.T) {
	blocks := md(t, "正文。\n\nBody.\n\n## {{% heading \"whatsnext\" %}}\n\n* 阅读更多。\n\n* Read more.\n")
	if len(blocks) != 3 || blocks[1].Kind != Heading || blocks[1].ZH[0].Text != "接下来" || blocks[1].EN[0].Text != "What’s next" {
		t.Fatalf("the heading pair: %+v", blocks)
	}
	doc, diags := ParseTranslation(Source{Name: "en.md", Data: []byte("Body text here.\n\n## {{% heading \"prerequisites\" %}}\n\nInstall it first.\n"), Format: Markdown},
		Source{Name: "zh.md", Data: []byte("这里是正文。\n\n## {{% heading \"prerequisites\" %}}\n\n先安装它。\n"), Format: Markdown})
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	b := doc.Blocks[1]
	if b.Kind != Heading || len(b.ZH) != 1 || len(b.EN) != 1 || b.ZH[0].Text != "准备开始" || b.EN[0].Text != "Before you begin" {
		t.Errorf("two files' heading pair: %+v", b)
	}
}

// TestHugoHighlight: Hugo's highlight shortcode holds code, and its
// mermaid shortcode a diagram's source, code too.
func TestHugoHighlight(t *testing.T) {
	code := "{{< highlight go >}}\n// run it\nfunc main() {}\n\n# not a heading\n{{< /highlight >}}"
	blocks := md(t, "运行：\n\nRun:\n\n"+code+"\n\n完成。\n\nDone.\n")
	if len(blocks) != 3 {
		t.Fatalf("want 3 pairs, got %d: %+v", len(blocks), blocks)
	}
	for _, p := range append(blocks[1].ZH, blocks[1].EN...) {
		if !p.Pre || p.Text != code {
			t.Errorf("the highlight block: %+v", p)
		}
	}
	if !strings.Contains(blocks[2].ZH[0].Text, "完成") {
		t.Errorf("after the code: %+v", blocks[2])
	}
	// a diagram's source is code too
	diagram := "{{< mermaid >}}\ngraph TD;\n    A-->B;\n{{< /mermaid >}}"
	fig := md(t, "图：\n\nFigure:\n\n"+diagram+"\n")[1]
	for _, p := range append(fig.ZH, fig.EN...) {
		if !p.Pre || p.Text != diagram {
			t.Errorf("the diagram: %+v", p)
		}
	}
}

// TestComponentBoxes: MDX components on lines of their own are boxes by
// their name or type (<Note>, react.dev's <Pitfall>, Nextra's <Callout
// type="warning">), others groups; an element in lower case is HTML.
func TestComponentBoxes(t *testing.T) {
	src := "<Note>\n\n先读指南。\n\n</Note>\n\n<Note>\n\nRead the guide first.\n\n</Note>\n\n" +
		"<Pitfall>\n\n别这样做。\n\n</Pitfall>\n\n<Pitfall>\n\nDo not do this.\n\n</Pitfall>\n\n" +
		"<Callout type=\"warning\" title=\"当心\">\n很慢。\n</Callout>\n\n<Callout type=\"warning\">\nIt is slow.\n</Callout>\n\n" +
		"<Steps>\n\n第一步。\n\n</Steps>\n\n<Steps>\n\nThe first step.\n\n</Steps>\n"
	checkLabelled(t, md(t, src), []labelledPair{
		{"注意", "先读指南。", "Note", "Read the guide first.", 1},
		{"陷阱", "别这样做。", "Pitfall", "Do not do this.", 1},
		{"当心", "很慢。", "Warning", "It is slow.", 1},
		{"", "第一步。", "", "The first step.", 0},
	})
}

// TestFigureTags: Hugo's figure shortcode and Hexo's asset_img, each a
// paragraph of its own, are pictures with their captions; Hexo's file is
// in the folder named as the post.
func TestFigureTags(t *testing.T) {
	src := "{{< figure src=\"cat.png\" caption=\"一只猫\" >}}\n\n{{< figure src=\"cat.png\" title=\"A cat\" >}}\n\n" +
		"{% asset_img dog.jpg \"一只狗\" \"狗\" %}\n\n{% asset_img dog.jpg A dog asleep %}\n"
	doc, diags := Parse("posts/pets.md", []byte(src))
	if doc == nil {
		t.Fatalf("refused: %v", diags)
	}
	want := [][4]string{{"cat.png", "一只猫", "cat.png", "A cat"}, {"pets/dog.jpg", "一只狗", "pets/dog.jpg", "A dog asleep"}}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("%d pairs: %+v", len(doc.Blocks), doc.Blocks)
	}
	for i, w := range want {
		b := doc.Blocks[i]
		got := [4]string{b.ZH[0].Image, b.ZH[0].Text, b.EN[0].Image, b.EN[0].Text}
		if got != w {
			t.Errorf("pair %d: %q, want %q", i+1, got, w)
		}
	}
}

// TestFeatureState: the Kubernetes site's feature-state shortcode, a
// paragraph of its own, shows in each language what the site shows.
func TestFeatureState(t *testing.T) {
	blocks := md(t, "正文。\n\nBody.\n\n{{< feature-state for_k8s_version=\"v1.25\" state=\"stable\" >}}\n\n结尾。\n\nThe end.\n")
	if len(blocks) != 3 || blocks[1].ZH[0].Text != "特性状态：Kubernetes v1.25 [stable]" || blocks[1].EN[0].Text != "Feature state: Kubernetes v1.25 [stable]" {
		t.Errorf("pairs: %+v", blocks)
	}
}

// TestQuoteTags: Hexo's {% blockquote Author, Source %} is a quote with its
// credit under it, a Chinese dash after Chinese; a source's address is
// left out, the title after it kept.
func TestQuoteTags(t *testing.T) {
	src := "{% blockquote 鲁迅, 故乡 %}\n其实地上本没有路，走的人多了，也便成了路。\n{% endblockquote %}\n\n" +
		"{% blockquote Lu Xun, My Old Home %}\nFor actually the earth had no roads to begin with.\n{% endblockquote %}\n\n" +
		"{% blockquote 赛斯·高汀 http://example.com/island 欢迎来到孤岛营销 %}\n营销的孤岛。\n{% endblockquote %}\n\n" +
		"{% blockquote Seth Godin http://example.com/island Welcome to Island Marketing %}\nIsland marketing.\n{% endblockquote %}\n"
	checkLabelled(t, md(t, src), []labelledPair{
		{"", "其实地上本没有路，走的人多了，也便成了路。", "", "For actually the earth had no roads to begin with.", 1},
		{"", "——鲁迅，故乡", "", "— Lu Xun, My Old Home", 1},
		{"", "营销的孤岛。", "", "Island marketing.", 1},
		{"", "——赛斯·高汀，欢迎来到孤岛营销", "", "— Seth Godin, Welcome to Island Marketing", 1},
	})
}

// TestHTMLDetails: HTML's <details> is a box that folds, its <summary> its
// title, on the line after it or on its own.
func TestHTMLDetails(t *testing.T) {
	src := "<details>\n<summary>安装说明</summary>\n\n运行安装脚本。\n\n</details>\n\n<details><summary><b>Installation</b></summary>\n\nRun the install script.\n\n</details>\n"
	blocks := md(t, src)
	checkLabelled(t, blocks, []labelledPair{{"安装说明", "运行安装脚本。", "Installation", "Run the install script.", 1}})
	if l := blocks[0].ZH[0].Lines; len(l) != 4 || l[1].Text != "<summary>安装说明</summary>" {
		t.Errorf("the box's lines: %+v", l)
	}
}

// TestMySTDirectives: MyST's admonitions fenced as code ({note},
// {admonition} Title with its :class:) are boxes of Markdown, their
// options left out; another directive stays code.
func TestMySTDirectives(t *testing.T) {
	src := "```{note}\n先读**指南**。\n```\n\n```{note}\nRead the **guide** first.\n```\n\n" +
		"```{admonition} 当心\n:class: warning\n很慢。\n```\n\n```{admonition} Careful\n:class: warning\nIt is slow.\n```\n\n" +
		"```{code-block} python\nprint(1)\n```\n"
	blocks := md(t, src)
	checkLabelled(t, blocks, []labelledPair{
		{"注意", "先读指南。", "Note", "Read the guide first.", 1},
		{"当心", "很慢。", "Careful", "It is slow.", 1},
		{"", "", "", "print(1)", 0},
	})
	if l := blocks[0].ZH[0].Lines; len(l) != 3 || l[0].Text != "```{note}" || l[2].Text != "```" {
		t.Errorf("a box's lines: %+v", l)
	}
}
