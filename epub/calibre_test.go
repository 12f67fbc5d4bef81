package epub

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// calibreTrouble is a line of ebook-convert's log that reports a problem.
var calibreTrouble = regexp.MustCompile(`(?im)^.*\b(warning|error|failed)\b.*$`)

// TestCalibreConverts converts the seed, edge/long-tokens and the Markdown
// constructs to AZW3 with calibre's ebook-convert (a proxy for
// Send-to-Kindle, issue 16) and fails on a non-zero exit or on any
// warning or error in its log. Skipped without calibre: it is a large
// install, so CI does not require it (`apt-get install calibre`).
func TestCalibreConverts(t *testing.T) {
	convert, err := exec.LookPath("ebook-convert")
	if err != nil {
		t.Skip("calibre's ebook-convert not installed")
	}
	for _, path := range []string{"../testdata/seed.txt", "../article/testdata/edge/long-tokens.txt", "../testdata/markdown/constructs.md"} {
		dir := t.TempDir()
		book := filepath.Join(dir, "book.epub")
		if err := os.WriteFile(book, buildEPUB(t, path, seedOptions), 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		out, err := exec.CommandContext(ctx, convert, book, filepath.Join(dir, "book.azw3")).CombinedOutput()
		cancel()
		if err != nil {
			t.Errorf("%s: ebook-convert failed: %v\n%s", filepath.Base(path), err, out)
			continue
		}
		for _, line := range calibreTrouble.FindAllString(string(out), -1) {
			t.Errorf("%s: ebook-convert: %s", filepath.Base(path), line)
		}
	}
}
