package article

import (
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		text                     string
		chinese                  bool
		anchors, numerals, words []string
	}{
		{"我们在 2025 年发布了 v1.0.0 和 CAP 问答", true, []string{"2025", "cap", "v1.0.0"}, nil, nil},
		{"共一千二百人，其中二十人", true, nil, []string{"1200", "20"}, nil},
		{"统一的一些规则", true, nil, nil, nil}, // a lone 一 is a word, not a number
		{"见 https://semver.org 上的 PRs", true, []string{"https://semver.org", "pr"}, nil, nil},
		{"In 2025, twelve PRs cost 1,000 dollars.", false, []string{"1000", "2025"}, []string{"12"}, []string{"cost", "dollar", "in", "pr", "twelve"}},
		{"The CAP theorem", false, nil, nil, []string{"cap", "the", "theorem"}},
	}
	for _, tt := range tests {
		a, n, w := tokens(tt.text, tt.chinese)
		slices.Sort(w)
		w = slices.Compact(w)
		if !slices.Equal(a, tt.anchors) || !slices.Equal(n, tt.numerals) || !slices.Equal(w, tt.words) {
			t.Errorf("tokens(%q) = %q %q %q, want %q %q %q", tt.text, a, n, w, tt.anchors, tt.numerals, tt.words)
		}
	}
}

func TestChineseNumeral(t *testing.T) {
	for in, want := range map[string]string{
		"三": "3", "十": "10", "十二": "12", "二十": "20", "二十五": "25", "一百零八": "108",
		"一千": "1000", "两千": "2000", "三万": "30000", "一万二千": "12000",
	} {
		if got, ok := chineseNumeral([]rune(in)); !ok || got != want {
			t.Errorf("chineseNumeral(%s) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := chineseNumeral([]rune("一")); ok {
		t.Error("a lone 一 read as a number")
	}
}

func TestFinalMark(t *testing.T) {
	for in, want := range map[string]rune{
		"这是什么？": '?', "What is it?": '?', "如下：": ':', "as follows:": ':',
		"“快跑！”": '!', "A sentence.": 0, "句子。": 0, "(why?)": '?',
	} {
		if got := finalMark(in); got != want {
			t.Errorf("finalMark(%q) = %q, want %q", in, got, want)
		}
	}
}

// unitsEvidence measures lines as units of the given language.
func unitsEvidence(lang Lang, lines ...string) []group {
	gs := make([]group, len(lines))
	for i, l := range lines {
		u := newUnit([]SourceLine{{No: i + 1, Text: l}})
		u.lang = lang
		ev := measure(&u)
		gs[i] = group{units: []int{i}, ev: &ev}
	}
	return gs
}

// TestAlignmentByContent checks alignments that lengths alone get wrong:
// the missing or extra paragraph is found by what the sides carry.
func TestAlignmentByContent(t *testing.T) {
	tests := []struct {
		name   string
		zh, en []string
		want   string
	}{
		{
			"numbers place the untranslated paragraph",
			[]string{"2019 年我们发布了第一版。", "2021 年我们发布了第二版。", "2023 年我们发布了第三版。"},
			[]string{"In 2019 we released the first version.", "In 2023 we released the third version."},
			"1-1 1-0 1-1 ",
		},
		{
			"shared names place the extra English item",
			[]string{"- Kubernetes 部署", "- Redis 缓存"},
			[]string{"- Deploying on Kubernetes", "- Monitoring with Prometheus", "- Caching with Redis"},
			"1-1 0-1 1-1 ",
		},
		{
			"a heading faces a heading",
			[]string{"## 安装", "先下载安装包，然后运行它。", "## 配置"},
			[]string{"## Installation", "Download the package first.", "Then run it.", "## Configuration"},
			"1-1 1-2 1-1 ",
		},
		{
			"a question faces a question",
			[]string{"这和 SemVer 有什么关联呢？", "它们是互补的。"},
			[]string{"How does this relate to SemVer?", "They are complementary.", "See the spec for more."},
			"1-1 1-1 0-1 ",
		},
		{
			// length alone pairs CAP 問與答 with the longer extra item
			"the translation's words place the extra English item",
			[]string{"- CAP 問與答", "- 分散式系統的一致性模型", "- Jepsen 測試報告"},
			[]string{"- The CAP theorem", "- CAP FAQ", "- Consistency models in distributed systems", "- Jepsen test reports"},
			"0-1 1-1 1-1 1-1 ",
		},
		{
			"words place the untranslated item among items of one length",
			[]string{"- 天气", "- 音乐", "- 历史"},
			[]string{"- Weather", "- Cooking", "- Music", "- History"},
			"1-1 0-1 1-1 1-1 ",
		},
		{
			"a list split into three items",
			[]string{"我们支持 Linux、macOS 和 Windows 三个平台。", "安装很简单。"},
			[]string{"- Linux", "- macOS", "- Windows", "Installing is easy."},
			"1-3 1-1 ",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			beads := searchAlignment(unitsEvidence(Chinese, tt.zh...), unitsEvidence(English, tt.en...), paragraphModel(1))
			if got := beadsString(beads); got != tt.want {
				t.Errorf("alignment %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLexicalCost checks that a pair whose Chinese holds the characters of
// the English words' translations costs less than one whose Chinese does
// not, that words carried over as they are count as anchors only, and
// that a long Chinese side is not weighed by its words.
func TestLexicalCost(t *testing.T) {
	cost := func(zh, en string) float64 {
		z, e := measureText(zh, Chinese, kindParagraph, true), measureText(en, English, kindParagraph, true)
		return lexicalCost([]*evidence{&z}, []*evidence{&e})
	}
	right, wrong := cost("今天的天气很好。", "The weather is fine today."), cost("我喜欢听音乐。", "The weather is fine today.")
	if right >= 0 || wrong <= 0 {
		t.Errorf("lexical cost %.2f for the translation, %.2f for another sentence", right, wrong)
	}
	if c := cost("Git 和 CAP", "Git CAP"); c != 0 {
		t.Errorf("words carried over are weighed again: %.2f", c)
	}
	// a paragraph of more distinct characters than lexicalMaxHan, among
	// them those of 天气 (weather)
	long := "天气" + string([]rune("的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多而能好都然没日于起还发成事只作当想看文无开手十用主行方")[:lexicalMaxHan])
	if c := cost(long, "Weather."); c != 0 {
		t.Errorf("a long Chinese side weighed by its words: %.2f", c)
	}
}

// TestTableRowsFaceRows: a paragraph given in one language (an original
// kept in a comment, cut short) beside a paragraph and a table given in
// the other never pairs with the table's rows: they stand alone rather
// than face prose.
func TestTableRowsFaceRows(t *testing.T) {
	src := "正文。\n\nBody.\n\n<!--\nUsually you don't need to create Pods directly. ...\n-->\n你很少在 Kubernetes 中直接创建一个个的 Pod，甚至是单实例（Singleton）的 Pod。\n这是因为 Pod 被设计成了相对临时性的、用后即抛的一次性实体。\n通常使用 Deployment 或 Job 这类工作负载资源来创建 Pod。\n\n" +
		"| 资源 | 用途 | 会重启 Pod 吗？ |\n|---|---|---|\n| Deployment | 无状态应用 | 会 |\n| StatefulSet | 需要稳定标识的应用 | 会 |\n| Job | 运行至完成的批处理任务 | 失败时 |\n\n" +
		"<!--\nAt the end.\n-->\n结尾。\n"
	blocks := md(t, src)
	for _, b := range blocks {
		if len(b.EN) == 0 || len(b.ZH) == 0 {
			continue
		}
		for _, p := range b.ZH {
			if p.Table > 0 {
				t.Errorf("a table's row %q faces %q", p.Text, b.EN[0].Text)
			}
		}
	}
	if kindCost(&evidence{kind: kindRow}, &evidence{kind: kindParagraph}) != costRowMismatch {
		t.Error("a row facing a paragraph costs no more than another mismatch")
	}
}
