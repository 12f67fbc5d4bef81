package layout

import (
	"os"
	"strings"
	"testing"

	"diglot/article"
	"diglot/fonts"
)

// TestMarkdownFaces sets the Markdown fixture and reads the runs back:
// each marked word in its face, links on exactly the linked text, a word
// that crosses a style boundary kept whole, and no Markdown mark drawn.
func TestMarkdownFaces(t *testing.T) {
	src, err := os.ReadFile("../testdata/markdown/constructs.md")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, "\n**粗**体字连写。\n\nA **bold**ly joined word.\n"...)
	doc, diags := article.Parse("constructs.md", src)
	if doc == nil {
		t.Fatal(diags)
	}
	book, err := Typeset(article.Clean(doc), fonts.NewSet(), DefaultSpec(A4))
	if err != nil {
		t.Fatal(err)
	}
	faces := map[string]fonts.Role{}
	links := map[string]string{}
	var all strings.Builder
	joined := false // "bold" and "ly" set as one word: no space between the runs
	for _, pg := range book.Pages {
		for i, r := range pg.Runs {
			if _, seen := faces[r.Text]; !seen {
				faces[r.Text] = r.Role
			}
			if r.Link != "" {
				links[r.Text] = r.Link
			}
			all.WriteString(r.Text)
			if strings.Contains(r.Text, "代") && r.Role != fonts.CJKRegular {
				t.Errorf("Han in code %q set in %v, want the CJK face", r.Text, r.Role)
			}
			if i > 0 && strings.HasPrefix(r.Text, "l") && r.Role == fonts.LatinRegular {
				prev := pg.Runs[i-1]
				joined = joined || prev.Text == "bold" && prev.Role == fonts.LatinBold && r.Y == prev.Y && abs(r.X-(prev.X+prev.Width)) <= 1
			}
		}
	}
	for text, role := range map[string]fonts.Role{
		"bold": fonts.LatinBold, "emphasis": fonts.LatinItalic, "粗体": fonts.CJKBold, "强调": fonts.CJKBold, "code": fonts.Mono,
	} {
		if got, ok := faces[text]; !ok || got != role {
			t.Errorf("run %q: face %v (found %v), want %v", text, got, ok, role)
		}
	}
	for text, href := range map[string]string{"链": "https://example.org/zh", "接": "https://example.org/zh", "link": "https://example.org/en"} {
		if links[text] != href {
			t.Errorf("run %q links to %q, want %q", text, links[text], href)
		}
	}
	if !joined {
		t.Error("“**bold**ly” not set as one word")
	}
	for _, mark := range []string{"**", "](", "`", "~~", "# "} {
		if strings.Contains(all.String(), mark) {
			t.Errorf("mark %q drawn", mark)
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
