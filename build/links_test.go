package build

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
	dir := t.TempDir()
	if _, err := Article("links.txt", []byte(src), fonts.NewSet(), Options{OutDir: dir}, io.Discard); err != nil {
		t.Fatal(err)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "links.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var fromPDF, fromEPUB []string
	for _, m := range pdfURI.FindAllSubmatch(pdf, -1) {
		fromPDF = append(fromPDF, string(m[1]))
	}
	zr, err := zip.OpenReader(filepath.Join(dir, "links.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if filepath.Ext(f.Name) != ".xhtml" {
			continue
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
	if len(fromEPUB) != 5 || !slices.Equal(fromPDF, fromEPUB) {
		t.Errorf("targets differ:\n PDF  %q\n EPUB %q", fromPDF, fromEPUB)
	}
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
