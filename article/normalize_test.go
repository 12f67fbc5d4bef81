package article

import "testing"

func TestCleanChinese(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"comma after Han", "小红书,确实", "小红书，确实"},
		{"comma and space", "小红书, 确实", "小红书，确实"},
		{"comma after Latin before Han", "随着TikTok,大量", "随着TikTok，大量"},
		{"thousands separator", "新增了2,000册", "新增了2,000册"},
		{"apostrophe in a Latin word", "他说You've got it然后", "他说You’ve got it然后"},
		{"quoted Latin with an apostrophe", "他说\"You've got it\"然后", "他说“You’ve got it”然后"},
		{"decimal point untouched", "圆周率 3.14 和 v1.2.3", "圆周率 3.14 和 v1.2.3"},
		{"URL keeps its comma", "见 https://example.org/a?x=1,y=2 ,圆周率", "见 https://example.org/a?x=1,y=2，圆周率"},
		{"colon and question", "他问:你会来吗?", "他问：你会来吗？"},
		{"clock time", "时间 12:30 开始", "时间 12:30 开始"},
		{"parentheses around Han", "照片(猫咪税)与", "照片（猫咪税）与"},
		{"parentheses around Latin in Latin", "使用 Go (golang) 编写", "使用 Go (golang) 编写"},
		{"double quotes", `自称"TikTok难民",并`, "自称“TikTok难民”，并"},
		{"single quotes", "他问:'什么?'", "他问：‘什么？’"},
		{"apostrophe in Latin", "children's 读物", "children’s 读物"},
		{"exclamation", "读过!", "读过！"},
		{"nothing to do", "河边的图书馆。", "河边的图书馆。"},
		{"space before a full-width comma", "见 https://example.org/top ，欢迎", "见 https://example.org/top，欢迎"},
		{"space after an enumeration comma", "SHOULD NOT、 RECOMMENDED、MAY", "SHOULD NOT、RECOMMENDED、MAY"},
		{"space before a full stop", "依赖注入关系 。这类", "依赖注入关系。这类"},
		{"spaces around full-width brackets", "使用 （Go） 编写", "使用（Go）编写"},
		{"spaces around curly quotes", "称为 “TikTok 难民” 的人", "称为“TikTok 难民”的人"},
		{"Han–Latin spaces stay", "在 TikTok 上", "在 TikTok 上"},
		{"full stop stays ASCII", "我们还会在 TikTok 上直播.", "我们还会在 TikTok 上直播."},
		{"separator dot between Han stays", "主版本号.次版本号.修订号", "主版本号.次版本号.修订号"},
		{"dot after Latin stays", "版本 v1.2.3. 之后", "版本 v1.2.3. 之后"},
		{"three dots", "他想了想...然后走了", "他想了想……然后走了"},
		{"six dots", "他想了想......然后走了", "他想了想……然后走了"},
		{"three Chinese full stops stay", "等等。。。", "等等。。。"},
		{"single ellipsis", "然后…", "然后……"},
		{"double hyphen between Han", "图书馆--城市的客厅", "图书馆——城市的客厅"},
		{"single dash between Han", "图书馆—城市的客厅", "图书馆——城市的客厅"},
		{"dashes in Latin stay", "见 a--b 与 x—y", "见 a--b 与 x—y"},
		{"Latin ellipsis stays", "wait... 他说", "wait... 他说"},
		{"ideographic space indent stays", "\u3000\u3000段落 。", "\u3000\u3000段落。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanChinese(tt.in); got != tt.want {
				t.Errorf("CleanChinese(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanEnglish(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"double quotes", `calling themselves "TikTok refugees," have`, "calling themselves “TikTok refugees,” have"},
		{"apostrophe", "China's rules", "China’s rules"},
		{"single quotes", "he said 'yes' twice", "he said ‘yes’ twice"},
		{"quote at start", `"Good." "Mm."`, "“Good.” “Mm.”"},
		{"after parenthesis", `("cat tax")`, "(“cat tax”)"},
		{"unchanged", "plain text", "plain text"},
		{"spaced dash", "a list -- we do not mind", "a list – we do not mind"},
		{"attribution", "-- The maintainers", "— The maintainers"},
		{"option", "--columns 3:2", "--columns 3:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanEnglish(tt.in); got != tt.want {
				t.Errorf("CleanEnglish(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanKeepsSource(t *testing.T) {
	doc, _ := Parse("x.txt", []byte("小红书,确实\n\"Xiaohongshu\" is it\nEND\n"))
	cleaned := Clean(doc)
	if doc.Blocks[0].ZH[0].Text != "小红书,确实" || doc.Blocks[0].ZH[0].Lines[0].Text != "小红书,确实" {
		t.Fatalf("Clean changed the source document")
	}
	if got := cleaned.Blocks[0].ZH[0].Text; got != "小红书，确实" {
		t.Fatalf("cleaned text %q", got)
	}
	if got := cleaned.Blocks[0].ZH[0].Lines[0].Text; got != "小红书,确实" {
		t.Fatalf("cleaned source line %q, want it unchanged", got)
	}
}

// TestLatinJoin: Chinese lines joined where a hard wrap stood between Latin
// letters or digits get a space, judged by the characters at the join
// alone (a long paragraph's lines cost no more to join than short ones').
func TestLatinJoin(t *testing.T) {
	for _, tt := range []struct {
		before, after string
		want          bool
	}{
		{"我们用 Go", "写了工具", false},
		{"我们用 Go", "tool 叫 diglot", true},
		{"版本 1.0", "2 发布", true},
		{"结尾。", "English", false},
		{"", "x", false},
		{"x", "", false},
		{"混合é", "ñ开头", true},  // Latin beyond ASCII
		{"坏\xff", "a", false}, // an invalid byte is no letter
	} {
		if got := latinJoin(tt.before, tt.after); got != tt.want {
			t.Errorf("latinJoin(%q, %q) = %v", tt.before, tt.after, got)
		}
	}
	lines := []SourceLine{{Text: "第一行 Go"}, {Text: "tool 第二行"}, {Text: "第三行"}}
	if got := joinLines(lines, Chinese); got != "第一行 Go tool 第二行第三行" {
		t.Errorf("joinLines = %q", got)
	}
}
