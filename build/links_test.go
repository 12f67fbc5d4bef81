package build

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"diglot/fonts"
)

var (
	pdfURI   = regexp.MustCompile(`/URI \(([^)]*)\)`)
	epubHref = regexp.MustCompile(`<a href="(http[^"]*)"`)
)

// TestLinkTargetsAgree builds web addresses of every awkward kind and
// checks that the PDF's link annotations and the EPUB's links lead to the
// same places: one finder serves both writers.
func TestLinkTargetsAgree(t *testing.T) {
	src := "请访问https://example.org了解更多信息。见 https://x.org/a|b{c}^d（注）。\n" +
		"Visit https://example.org/wiki/Foo_(bar) and www.example.com/é?q=1&r=2, or https://x.org/100%/[x].\nEND\n"
	fromPDF, fromEPUB := linkTargets(t, "links.txt", []byte(src))
	if len(fromEPUB) != 5 || !slices.Equal(fromPDF, fromEPUB) {
		t.Errorf("targets differ:\n PDF  %q\n EPUB %q", fromPDF, fromEPUB)
	}
}

// TestLinkTargetsAgreeEverywhere checks every corpus and edge article that
// builds, and the Markdown fixtures: the PDF and the EPUB link the same
// targets.
func TestLinkTargetsAgreeEverywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every article")
	}
	var files []string
	for _, pattern := range []string{"../article/testdata/corpus/*.txt", "../article/testdata/edge/*.txt", "../testdata/markdown/*.md", "../testdata/*.txt"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d articles found", len(files))
	}
	total := 0
	for _, f := range files {
		if strings.Contains(f, "large-2mb") {
			continue // its links are those of the paragraphs it repeats
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fromPDF, fromEPUB, ok := tryLinkTargets(t, filepath.Base(f), src)
		if ok && !slices.Equal(fromPDF, fromEPUB) {
			t.Errorf("%s: targets differ:\n PDF  %q\n EPUB %q", f, fromPDF, fromEPUB)
		}
		total += len(fromEPUB)
	}
	if total < 10 {
		t.Errorf("only %d link targets in all the articles: the test is not looking", total)
	}
}

// linkTargets builds an article and returns the targets of the PDF's link
// annotations and of the EPUB's links, each sorted and without repeats.
func linkTargets(t *testing.T, name string, src []byte) (fromPDF, fromEPUB []string) {
	t.Helper()
	fromPDF, fromEPUB, ok := tryLinkTargets(t, name, src)
	if !ok {
		t.Fatalf("%s: not built", name)
	}
	return fromPDF, fromEPUB
}

// withStreams returns a PDF's bytes followed by its compressed streams
// inflated, where its object streams keep the annotations' dictionaries.
func withStreams(pdf []byte) []byte {
	out := slices.Clone(pdf)
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte(">>\nstream\n"))
		if i < 0 {
			return out
		}
		rest = rest[i+len(">>\nstream\n"):]
		end := bytes.Index(rest, []byte("\nendstream"))
		if end < 0 {
			return out
		}
		if r, err := zlib.NewReader(bytes.NewReader(rest[:end])); err == nil {
			if data, err := io.ReadAll(r); err == nil {
				out = append(append(out, '\n'), data...)
			}
		}
		rest = rest[end:]
	}
}

// tryLinkTargets is linkTargets for an article that may be refused (ok false).
func tryLinkTargets(t *testing.T, name string, src []byte) (fromPDF, fromEPUB []string, ok bool) {
	t.Helper()
	dir := t.TempDir()
	if _, err := Article(name, src, fonts.NewSet(), Options{OutDir: dir}, io.Discard); err != nil {
		return nil, nil, false
	}
	base := strings.TrimSuffix(name, filepath.Ext(name))
	pdf, err := os.ReadFile(filepath.Join(dir, base+".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range pdfURI.FindAllSubmatch(withStreams(pdf), -1) {
		fromPDF = append(fromPDF, string(m[1]))
	}
	zr, err := zip.OpenReader(filepath.Join(dir, base+".epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if filepath.Ext(f.Name) != ".xhtml" || f.Name == "OEBPS/nav.xhtml" {
			continue // the nav repeats the headings' links
		}
		rc, _ := f.Open()
		var b bytes.Buffer
		_, _ = io.Copy(&b, rc)
		rc.Close()
		for _, m := range epubHref.FindAllSubmatch(b.Bytes(), -1) {
			fromEPUB = append(fromEPUB, string(bytes.ReplaceAll(m[1], []byte("&amp;"), []byte("&"))))
		}
	}
	slices.Sort(fromPDF)
	fromPDF = slices.Compact(fromPDF) // one annotation per line of an address
	slices.Sort(fromEPUB)
	fromEPUB = slices.Compact(fromEPUB)
	return fromPDF, fromEPUB, true
}

// Given column widths that starve one column get a warning naming it.
func TestNarrowColumnWarns(t *testing.T) {
	src := []byte("第一段，有一些中文。\nThe first paragraph, in English.\nEND\n")
	for _, tt := range []struct {
		columns, want string
	}{{"1:9", "leave the Chinese column"}, {"9:1", "leave the English column"}, {"1:1", ""}} {
		var diag bytes.Buffer
		if _, err := Article("c.txt", src, fonts.NewSet(), Options{OutDir: t.TempDir(), PDF: true, Columns: tt.columns}, &diag); err != nil {
			t.Fatal(err)
		}
		got := diag.String()
		if tt.want == "" && bytes.Contains(diag.Bytes(), []byte("em wide")) || tt.want != "" && !bytes.Contains(diag.Bytes(), []byte(tt.want)) {
			t.Errorf("--columns %s: %q, want %q", tt.columns, got, tt.want)
		}
	}
}
