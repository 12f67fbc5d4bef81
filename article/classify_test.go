package article

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		name, line string
		want       class
	}{
		{"Chinese sentence", "河边的社区图书馆今天重新开放。", classZH},
		{"English sentence", "The library reopened today.", classEN},
		{"Latin-heavy Chinese", "Kubernetes 和 Docker", classZH},
		{"Chinese with keywords", "以下关键词 MUST、MUST NOT、REQUIRED、SHALL、SHALL NOT、SHOULD、SHOULD NOT", classZH},
		{"Chinese with version", "例如：1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta", classZH},
		{"Chinese with URL", "活动照片见 https://example.org/library/events/2025/reopening-ceremony/photos?id=1", classZH},
		{"English quoting Chinese", "Exceptions: For product and brand names, use “豆瓣FM” instead of “豆瓣 FM”.", classEN},
		{"English with rare Han", "The rare-books corner shows rubbings with uncommon characters: 𠀀, 𪚥 and 𠮷.", classEN},
		{"kana counts as CJK", "かなカナ", classZH},
		{"English frame around Chinese", "We wrote 一个命令行工具 called diglot, 它把双语文章 turns into EPUB 和 PDF files.", classEN},
		{"Chinese grammar around Latin", "我们用 Go 写了一个 command-line tool 叫 diglot，它把 bilingual article 变成 EPUB 和 PDF。", classZH},
		{"Chinese ending in a version", "使用 Go 1.22 和 TypeScript 5.", classZH},
		{"Chinese quoting an English sentence", "他说：“This is fine, really.”", classZH},
		{"one-word heading", "FAQ", classEN}, // one Latin word is English (issue 14)
		{"two-word heading", "Enforcement Responsibilities", classEN},
		{"digits only", "2025", classNeutral},
		{"Chinese attribution", "—— Jeff Atwood", classZH}, // the Chinese dash, two em dashes
		{"English attribution", "— Jeff Atwood", classEN},
		{"names in Chinese punctuation", "Go、Rust、Zig", classZH},
		{"the Chinese dash alone", "——", classNeutral},
		{"punctuation only", "。。。，，，」」」", classNeutral},
		{"time range", "12:30–14:00", classNeutral},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := classify(tt.line); got != tt.want {
				t.Errorf("classify(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

func TestResolveWeakLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string // one letter per line: z or e
	}{
		{"heading same in both", []string{"约定式提交 1.0.0", "Conventional Commits 1.0.0", "FAQ", "FAQ", "在初始开发阶段我该如何处理？", "How should I deal with it?"}, "zezeze"},
		{"one-word translation", []string{"适用范围", "Scope", "本行为准则适用于所有社区场合。", "This Code of Conduct applies here."}, "zeze"},
		{"neutral joins its run", []string{"河边的图书馆。", "The library by the river.", "2025", "* * *", "馆长表示。", "The librarian said."}, "zeeeze"},
		{"neutral starts a pair between translations", []string{"你好。", "Hello there.", "。。。」」」", "Punctuation only: ... !!!"}, "zeze"},
		{"English first", []string{"Hello there.", "你好。", "Good night all.", "晚安。"}, "ezez"},
		// the rule would end the first pair's English with the dates; the
		// second pair's English has them, so they open its Chinese
		{"numbers go where they align", []string{"第一部分介绍背景。", "Part one gives the background.", "2025–2030", "这一时期的目标如下。", "The goals for 2025–2030 are as follows."}, "zezze"},
		// Chinese punctuation makes the mixed line Chinese, but read so
		// it leaves three Chinese paragraphs facing one English
		{"a mixed line the alignment reads as English", []string{"河边的图书馆今天开放了。", "The library by the river opened today.", "馆长说，新馆藏有两千册图书。", "The head librarian 说，新馆藏 has two thousand books。", "明年还会开设新课程。", "New classes will start next year."}, "zezeze"},
		// a number given in both languages is a pair of its own, in the
		// article's order, not two lines joined to the English before it
		{"a neutral line and its copy", []string{"安全问题请发邮件给我们。", "Please report security problems by e-mail.", "2025", "2025", "谢谢你的贡献！", "Thank you for contributing!"}, "zezeze"},
		{"English first, a neutral line and its copy", []string{"Please report security problems by e-mail.", "安全问题请发邮件给我们。", "v1.2.0", "v1.2.0", "Thank you for contributing!", "谢谢你的贡献！"}, "ezezez"},
		{"numbers the rule already places", []string{"第一部分介绍背景。", "Part one covers 2025–2030.", "2025–2030", "这一时期的目标如下。", "The goals are as follows."}, "zeeze"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			units := make([]unit, len(tt.lines))
			for i, l := range tt.lines {
				units[i] = newUnit([]SourceLine{{No: i + 1, Text: l}})
			}
			order, _ := detectOrder(units)
			resolveLanguages(units, order)
			placeByAlignment(units, order)
			got := ""
			for _, u := range units {
				got += map[Lang]string{Chinese: "z", English: "e"}[u.lang]
			}
			if got != tt.want {
				t.Errorf("languages %s, want %s", got, tt.want)
			}
		})
	}
}
