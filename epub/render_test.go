package epub

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// harness loads one document of the book in a frame a phone's width wide
// (the frame's viewport is what the book's media queries and the reader's
// page see) and writes, on the body, the frame's width, its document's
// scroll width and the first element that reaches past the frame.
const harness = `<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="%s" width="%d" height="640" style="border:0"></iframe>
<script>
document.getElementById("f").onload = function () {
  var doc = this.contentDocument, d = doc.documentElement, cw = d.clientWidth, wide = "";
  var all = doc.body.getElementsByTagName("*");
  for (var i = 0; i < all.length && !wide; i++) {
    var r = all[i].getBoundingClientRect();
    if (r.width > 0 && r.right > cw + 1) wide = all[i].tagName + " " + (all[i].textContent || "").slice(0, 40);
  }
  document.body.setAttribute("data-result", cw + "|" + d.scrollWidth + "|" + wide);
};
</script></body></html>`

var resultAttr = regexp.MustCompile(`data-result="(\d+)\|(\d+)\|([^"]*)"`)

// TestPhoneOverflow renders the seed, edge/long-tokens and
// edge/front-matter-yaml (an address as its byline) in Chromium at
// a phone's width (360 CSS px) and fails on any document wider than the
// screen: long addresses, hashes and words must break. Skipped without
// Chromium, unless DIGLOT_VALIDATE=1 (CI) makes that a failure.
func TestPhoneOverflow(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		if os.Getenv("DIGLOT_VALIDATE") == "1" {
			t.Fatal("Chromium is not installed (DIGLOT_VALIDATE=1)")
		}
		t.Skip("Chromium not installed; set DIGLOT_VALIDATE=1 to make this a failure")
	}
	for _, path := range []string{"../testdata/seed.txt", "../article/testdata/edge/long-tokens.txt", "../article/testdata/edge/front-matter-yaml.txt"} {
		dir := t.TempDir()
		unzipTo(t, buildEPUB(t, path, seedOptions), dir)
		docs, _ := filepath.Glob(filepath.Join(dir, "OEBPS", "*.xhtml"))
		if len(docs) < 3 {
			t.Fatalf("%s: %d documents", path, len(docs))
		}
		for _, doc := range docs {
			cw, sw, wide := renderWidth(t, browser, doc, 360)
			if sw > cw {
				t.Errorf("%s %s: %d px wide on a %d px screen (%s)", filepath.Base(path), filepath.Base(doc), sw, cw, wide)
			}
		}
	}
}

// renderWidth loads doc in the harness at width px and returns its frame's
// width, its scroll width and the first element past the frame.
func renderWidth(t *testing.T, browser, doc string, width int) (cw, sw int, wide string) {
	t.Helper()
	page := filepath.Join(filepath.Dir(doc), "harness-"+filepath.Base(doc)+".html")
	if err := os.WriteFile(page, fmt.Appendf(nil, harness, filepath.Base(doc), width), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--allow-file-access-from-files", "--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000",
		"--dump-dom", "file://"+page).Output()
	if err != nil {
		t.Fatalf("%s: %v", browser, err)
	}
	m := resultAttr.FindSubmatch(out)
	if m == nil {
		t.Fatalf("%s: the page reported nothing (%d bytes of DOM)", filepath.Base(doc), len(out))
	}
	fmt.Sscan(string(m[1]), &cw)
	fmt.Sscan(string(m[2]), &sw)
	return cw, sw, strings.TrimSpace(string(m[3]))
}

func unzipTo(t *testing.T, data []byte, dir string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
