package build

import (
	"encoding/xml"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"diglot/fonts"
)

// stextChars reads the PDF's text layer with mutool (as the checkers do)
// and returns its text and, for each character, the font it is drawn in.
func stextChars(t *testing.T, pdf string) (text []rune, font []string) {
	t.Helper()
	mutool, err := exec.LookPath("mutool")
	if err != nil {
		t.Skip("mutool not installed (../shared/tools/setup installs it)")
	}
	out, err := exec.Command(mutool, "draw", "-F", "stext", "-o", "-", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	current := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range el.Attr {
			switch {
			case el.Name.Local == "font" && a.Name.Local == "name":
				current = a.Value
			case el.Name.Local == "char" && a.Name.Local == "c":
				for _, r := range html.UnescapeString(a.Value) {
					text = append(text, r)
					font = append(font, current)
				}
			}
		}
	}
	return text, font
}

// TestMarkdownPDFTextLayer builds the Markdown fixture and reads the PDF's
// text layer back: each marked word in its face, no Markdown mark drawn.
func TestMarkdownPDFTextLayer(t *testing.T) {
	src, err := os.ReadFile("../testdata/markdown/constructs.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := Article("constructs.md", src, fonts.NewSet(), Options{OutDir: dir, PDF: true}, io.Discard); err != nil {
		t.Fatal(err)
	}
	text, font := stextChars(t, filepath.Join(dir, "constructs.pdf"))
	all := string(text)
	for word, face := range map[string]string{
		"粗体": "NotoSerifSC-Bold", "强调": "NotoSerifSC-Bold", "bold": "SourceSerif4-Bold",
		"emphasis": "SourceSerif4-Italic", "code and": "SourceCodePro-Regular", "fmt.Println": "SourceCodePro-Regular",
		"Nested one": "SourceSerif4-Regular",
	} {
		i := strings.Index(all, word)
		if i < 0 {
			t.Errorf("%q not in the text layer", word)
			continue
		}
		at := len([]rune(all[:i]))
		n := len([]rune(strings.Fields(word)[0])) // the first word only: "code" of "code and"
		for k := at; k < at+n; k++ {
			if !strings.HasSuffix(font[k], face) {
				t.Errorf("%q: %q in %s, want %s", word, text[k], font[k], face)
				break
			}
		}
	}
	for _, mark := range []string{"**", "](", "`", "~~", "# ", "<aside", "&amp;", "![", "\n---"} {
		if strings.Contains(all, mark) {
			t.Errorf("Markdown mark %q in the text layer", mark)
		}
	}
}
