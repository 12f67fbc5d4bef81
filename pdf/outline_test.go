package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"diglot/fonts"
	"diglot/layout"
)

// Bookmarks nest by heading level and open at their heading, not at the
// page's foot; a web address in both columns on one baseline gets a box in
// each, not one across the gutter.
func TestOutlineNestingAndLinkBoxes(t *testing.T) {
	pt := layout.Pt
	run := func(x, y int, text, link string) layout.Run {
		return layout.Run{X: x * pt, Y: y * pt, Text: text, Role: fonts.LatinRegular, Size: 10 * pt, Link: link, Width: 60 * pt}
	}
	book := &layout.Book{
		Width: layout.A4[0], Height: layout.A4[1], Used: []fonts.Role{fonts.LatinRegular},
		ZHColumn: [2]int{57 * pt, 230 * pt}, ENColumn: [2]int{307 * pt, 230 * pt},
		Pages: []layout.Page{
			{Runs: []layout.Run{run(60, 100, "https://a.example/", "https://a.example/"), run(310, 100, "https://a.example/", "https://a.example/")},
				Bookmarks: []layout.Bookmark{{Title: "One", Level: 1, Y: 90 * pt}, {Title: "One.A", Level: 2, Y: 300 * pt}}},
			{Runs: []layout.Run{run(60, 100, "x", "")},
				Bookmarks: []layout.Bookmark{{Title: "One.B", Level: 2, Y: 500 * pt}, {Title: "Two", Level: 1, Y: 600 * pt}}},
		},
	}
	var buf bytes.Buffer
	if err := Write(&buf, book, fonts.NewSet(), Meta{Title: "t", Created: time.Unix(0, 0).UTC()}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range readPDF(t, buf.Bytes()).dicts {
		n += strings.Count(d, "/Subtype /Link")
	}
	if n != 2 {
		t.Errorf("%d link annotations, want one per column", n)
	}
	if _, err := exec.LookPath("mutool"); err != nil {
		t.Skip("mutool not installed")
	}
	path := filepath.Join(t.TempDir(), "o.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("mutool", "show", path, "outline").CombinedOutput()
	if err != nil {
		t.Fatalf("mutool: %v\n%s", err, out)
	}
	got := string(out)
	for _, want := range []string{
		"-\t\"One\"\t#page=1&zoom=nan,0,70\n",      // open (mutool: -); 20 pt above the heading's top (mutool counts from the page's top)
		"|\t\t\"One.A\"\t#page=1&zoom=nan,0,280\n", // nested under One
		"|\t\t\"One.B\"\t#page=2&zoom=nan,0,480\n",
		"|\t\"Two\"\t#page=2&zoom=nan,0,580\n", // top level again
	} {
		if !strings.Contains(got, want) {
			t.Errorf("outline lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "warning") {
		t.Errorf("mutool repaired the outline:\n%s", got)
	}
}
