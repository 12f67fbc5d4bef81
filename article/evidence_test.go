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
