package layout

import (
	"strings"
	"testing"

	"diglot/article"
	"diglot/fonts"
)

// TestVersionsStayWhole checks that no line breaks inside a version
// (issue 15 item 4: 1.0.0-beta was split as 1.0. / 0-beta).
func TestVersionsStayWhole(t *testing.T) {
	versions := []string{"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92", "1.0.0-beta+exp.sha.5114f85", "1.0.0+20130313144700", "v2.10.3"}
	zh := "范例：" + strings.Join(versions, "、") + "。" + strings.Repeat("这是一段很长的中文，用来让行在版本号附近断开。", 3)
	en := "Examples: " + strings.Join(versions, ", ") + ". " + strings.Repeat("This is a long English sentence that makes lines break near the versions. ", 3)
	for _, width := range []int{9, 11, 13, 17} { // columns in ems, to move the breaks around
		spec := DefaultSpec(A4)
		spec.Columns = [2]int{width, 40 - width}
		doc, diags := article.Parse("v.txt", []byte(zh+"\n"+en+"\nEND\n"))
		if doc == nil {
			t.Fatal(diags)
		}
		book, err := Typeset(article.Clean(doc), fonts.NewSet(), spec)
		if err != nil {
			t.Fatal(err)
		}
		lines := map[[2]int]string{}
		for _, pg := range book.Pages {
			for _, r := range pg.Runs {
				k := [2]int{int(r.Side), r.Y}
				lines[k] += r.Text
			}
		}
		for _, text := range lines {
			for _, v := range versions {
				if float64(len(v))*0.6 >= float64(width) {
					continue // wider than the column: it has to break
				}
				for cut := 3; cut < len(v); cut++ {
					head := v[:cut]
					before := strings.TrimSuffix(text, head)
					atStart := before == "" || strings.HasSuffix(before, "、") || strings.HasSuffix(before, " ") || strings.HasSuffix(before, "：")
					if strings.HasSuffix(text, head) && atStart && !endsWithVersion(text, versions) && !tooWideWithPrefix(head, versions, width) {
						t.Errorf("column %d em: a line ends inside %s: %q", width, v, text[max(0, len(text)-30):])
					}
				}
			}
		}
	}
}

func endsWithVersion(text string, versions []string) bool {
	for _, v := range versions {
		if strings.HasSuffix(text, v) {
			return true
		}
	}
	return false
}

// tooWideWithPrefix reports whether a version wider than the column (which
// has to break) starts with head, so that a line ending in head may be it.
func tooWideWithPrefix(head string, versions []string, width int) bool {
	for _, v := range versions {
		if strings.HasPrefix(v, head) && float64(len(v))*0.6 >= float64(width) {
			return true
		}
	}
	return false
}
