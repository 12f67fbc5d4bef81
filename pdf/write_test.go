package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"diglot/fonts"
	"diglot/layout"
)

// sampleBook is a one-page book drawing Chinese, English, an emoji beyond
// the BMP and a character no font has.
func sampleBook() *layout.Book {
	return &layout.Book{
		Width: layout.A4[0], Height: layout.A4[1],
		Used: []fonts.Role{fonts.CJKRegular, fonts.LatinRegular, fonts.Symbols},
		Pages: []layout.Page{{Runs: []layout.Run{
			{X: 50 * layout.Pt, Y: 100 * layout.Pt, Text: "中文𠮷", Role: fonts.CJKRegular, Size: 10 * layout.Pt},
			{X: 300 * layout.Pt, Y: 100 * layout.Pt, Text: "well-known", Role: fonts.LatinRegular, Size: 10 * layout.Pt},
			{X: 300 * layout.Pt, Y: 120 * layout.Pt, Text: "🌎", Role: fonts.Symbols, Size: 10 * layout.Pt},
			{X: 300 * layout.Pt, Y: 140 * layout.Pt, Text: "https://example.org/", Role: fonts.LatinRegular, Size: 10 * layout.Pt, Link: "https://example.org/図", Width: 80 * layout.Pt},
			{X: 380 * layout.Pt, Y: 140 * layout.Pt, Text: "図", Role: fonts.LatinRegular, Size: 10 * layout.Pt, Link: "https://example.org/図", Width: 10 * layout.Pt},
		}}},
	}
}

func writeSample(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	meta := Meta{Title: "测试 / Test", Lang: "zh-Hans", Created: time.Unix(1700000000, 0).UTC()}
	if err := Write(&buf, sampleBook(), fonts.NewSet(), meta); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestXrefPointsAtObjects checks the rewritten cross-reference table: every
// entry in use points at its object's "N 0 obj".
func TestXrefPointsAtObjects(t *testing.T) {
	out := writeSample(t)
	at, err := startXref(out)
	if err != nil {
		t.Fatal(err)
	}
	offsets, _, err := readXref(out, at)
	if err != nil {
		t.Fatal(err)
	}
	if len(offsets) < 10 {
		t.Fatalf("only %d objects", len(offsets))
	}
	for num, off := range offsets {
		if want := fmt.Sprintf("%d 0 obj", num); !bytes.HasPrefix(out[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", num, out[off:min(off+12, len(out))])
		}
	}
	// every stream's /Length matches its data
	for _, m := range regexp.MustCompile(`(?s)/Length (\d+)\s*>>\s*stream\n`).FindAllSubmatchIndex(out, -1) {
		n, _ := strconv.Atoi(string(out[m[2]:m[3]]))
		if !bytes.HasPrefix(out[m[1]+n:], []byte("endstream")) && !bytes.HasPrefix(out[m[1]+n:], []byte("\nendstream")) {
			t.Errorf("a stream's /Length %d does not reach endstream", n)
		}
	}
}

// TestToUnicodeBeyondBMP checks that characters beyond U+FFFF map to
// UTF-16 surrogate pairs, and that a character no font has keeps its own
// code point in the text layer.
func TestToUnicodeBeyondBMP(t *testing.T) {
	out := writeSample(t)
	for _, want := range []string{"<D83CDF0E>", "<D842DFB7>"} { // 🌎, 𠮷
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("no ToUnicode entry %s", want)
		}
	}
	if regexp.MustCompile(`<[0-9A-F]{4}><[0-9A-F]{4}><[0-9A-F]{5,6}>`).Match(out) {
		t.Error("a ToUnicode entry still has five or six hex digits")
	}
}

func TestCatalogAndNames(t *testing.T) {
	out := writeSample(t)
	if !bytes.Contains(out, []byte("/Lang (zh-Hans)")) {
		t.Error("no /Lang in the catalog")
	}
	all := regexp.MustCompile(`/BaseFont /(\S+)`).FindAllSubmatch(out, -1)
	tagged := map[string]bool{}
	for _, m := range all {
		if !regexp.MustCompile(`^[A-Z]{6}\+`).Match(m[1]) {
			t.Errorf("font %s has no subset tag", m[1])
		}
		tagged[string(m[1])] = true
	}
	if len(tagged) != 3 {
		t.Errorf("%d subset-tagged fonts, want 3", len(tagged))
	}
	if !bytes.Equal(out, writeSample(t)) {
		t.Error("two writes differ")
	}
}

func TestPDFString(t *testing.T) {
	for in, want := range map[string]string{"en": "(en)", "a(b": "<FEFF006100280062>", "中": "<FEFF4E2D>"} {
		if got := pdfString(in); got != want {
			t.Errorf("pdfString(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestLinks checks that the runs of one web address on one line make one
// clickable box, with the address percent-encoded.
func TestLinks(t *testing.T) {
	out := writeSample(t)
	if n := bytes.Count(out, []byte("/Subtype /Link")); n != 1 {
		t.Errorf("%d link annotations, want 1", n)
	}
	if !bytes.Contains(out, []byte("/URI (https://example.org/%E5%9B%B3)")) {
		t.Error("no percent-encoded URI action")
	}
}
