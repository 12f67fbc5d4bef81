package build

import (
	"encoding/binary"
	"encoding/xml"
	"hash/crc32"
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
		"粗体": "NotoSerifSC-Bold", "强调": "NotoSerifSC-Regular", "bold": "SourceSerif4-Bold",
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

// TestPictures embeds a local PNG in both outputs and sets the others'
// captions alone, each with one warning.
func TestPictures(t *testing.T) {
	dir := t.TempDir()
	png, err := os.ReadFile("../testdata/markdown/diagram.png")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"diagram.png": png, "fake.png": []byte("not a picture"), "huge.png": hugePNG()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := "![示意图](diagram.png)\n\n![A diagram](diagram.png)\n\n![假图](fake.png)\n\n![A fake](https://example.org/x.png)\n\n![巨图](huge.png)\n\n![Missing](nothere.png)\n"
	article := filepath.Join(dir, "pics.md")
	if err := os.WriteFile(article, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var diag strings.Builder
	out := filepath.Join(dir, "out")
	if _, err := Article(article, []byte(src), fonts.NewSet(), Options{OutDir: out}, &diag); err != nil {
		t.Fatal(err, diag.String())
	}
	for _, want := range []string{`image "fake.png" not embedded (not a PNG or JPEG picture)`, `image "https://example.org/x.png" not embedded (not a local file)`,
		`image "nothere.png" not embedded (cannot be read)`, `image "huge.png" not embedded (100000×100000 pixels`} {
		if strings.Count(diag.String(), want) != 1 {
			t.Errorf("want one warning %q, got:\n%s", want, diag.String())
		}
	}
	pdf, err := os.ReadFile(filepath.Join(out, "pics.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(pdf), "/Subtype /Image"); n < 1 {
		t.Errorf("the PDF holds %d images", n)
	}
	epub, err := os.ReadFile(filepath.Join(out, "pics.epub"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(epub), "OEBPS/images/image-1.png") || strings.Contains(string(epub), "image-2") {
		t.Error("the EPUB should hold the one local picture, once")
	}
}

// hugePNG is a small file that claims a 100,000 × 100,000 canvas.
func hugePNG() []byte {
	ihdr := []byte("IHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x00\x00\x00\x00")
	out := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

// TestTranslationFiles: an article kept as two files in two folders — the
// translation's picture is read from the translation's folder, and a
// warning about a line of the translation (a Vai letter no face has)
// names the translation.
func TestTranslationFiles(t *testing.T) {
	root := t.TempDir()
	zhDir, enDir := filepath.Join(root, "zh"), filepath.Join(root, "en")
	png, err := os.ReadFile("../testdata/markdown/diagram.png")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{zhDir, enDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(enDir, "only-en.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	zh := []byte("# 标题\n\n第一段，说明了规则。\n\n![示意图](nothere.png)\n")
	en := []byte("# Title\n\nThe first paragraph explains the rules ꔀ here.\n\n![A diagram](only-en.png)\n")
	zhName, enName := filepath.Join(zhDir, "a.md"), filepath.Join(enDir, "a.md")
	var diag strings.Builder
	out := filepath.Join(root, "out")
	if _, err := Translated(zhName, zh, enName, en, fonts.NewSet(), Options{OutDir: out}, &diag); err != nil {
		t.Fatal(err, diag.String())
	}
	for _, want := range []string{
		zhName + `:5: warning: image "nothere.png" not embedded (cannot be read)`,
	} {
		if !strings.Contains(diag.String(), want) {
			t.Errorf("want %q in:\n%s", want, diag.String())
		}
	}
	if strings.Contains(diag.String(), "only-en.png") {
		t.Errorf("the translation's picture was not found beside it:\n%s", diag.String())
	}
	if !strings.Contains(diag.String(), enName+":3: warning: no glyph for U+A500") {
		t.Errorf("the missing glyph's warning should name the translation's line 3:\n%s", diag.String())
	}
	epub, err := os.ReadFile(filepath.Join(out, "a.epub"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(epub), "OEBPS/images/image-1.png") {
		t.Error("the EPUB lacks the translation's picture")
	}
}

// TestLooseWarningNamesEachFile: the warning about lines the spacing
// rules cannot justify names each side's paragraph in its own file,
// the translation's for its side.
func TestLooseWarningNamesEachFile(t *testing.T) {
	src, err := os.ReadFile("../article/testdata/edge/long-tokens.txt")
	if err != nil {
		t.Fatal(err)
	}
	var zh, en []string
	for i, l := range strings.Split(strings.TrimSuffix(string(src), "END\n"), "\n") {
		if l == "" {
			continue
		}
		if i%2 == 0 {
			zh = append(zh, l)
		} else {
			en = append(en, l)
		}
	}
	dir := t.TempDir()
	zhName, enName := filepath.Join(dir, "zh.txt"), filepath.Join(dir, "en.txt")
	var diag strings.Builder
	if _, err := Translated(zhName, []byte(strings.Join(zh, "\n\n")+"\n"), enName, []byte(strings.Join(en, "\n\n")+"\n"), fonts.NewSet(), Options{OutDir: filepath.Join(dir, "out"), PDF: true, Columns: "3:2"}, &diag); err != nil {
		t.Fatal(err, diag.String())
	}
	// long-tokens' loose paragraphs in columns of 3:2 (the balanced split
	// sets none loose): its second Chinese one (line 3 of zh.txt) and its
	// third English one (line 5 of en.txt)
	for _, want := range []string{zhName + ":3: warning: 1 paragraph(s) have a PDF line the spacing rules cannot justify", enName + ":5: warning: 1 paragraph(s) have a PDF line the spacing rules cannot justify"} {
		if !strings.Contains(diag.String(), want) {
			t.Errorf("want %q in:\n%s", want, diag.String())
		}
	}
}
