package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"diglot/article"
)

// runCLI runs the command in-process and returns its exit status and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// outputs lists the files in dir, failing on any temporary file left behind.
func outputs(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
		names = append(names, e.Name())
	}
	return names
}

const edgeDir = "../../article/testdata/edge/"

// TestEdgeFiles builds every file of the edge corpus through the command
// and checks what the corpus README asks: for a bad input an error naming
// the file and line, exit 1 and no output file; for an odd one the named
// warning and both outputs. No file may panic the command.
func TestEdgeFiles(t *testing.T) {
	type want struct {
		exit int
		msg  string // ":LINE: kind: text": a line of stderr must start with the file and LINE and hold the rest
	}
	errors := map[string]want{
		"empty":                 {1, ":1: error: empty article"},
		"whitespace-only":       {1, ":1: error: empty article"},
		"only-end":              {1, ":1: error: no paragraphs before END"},
		"only-chinese":          {1, ":1: error: only one language (Chinese)"},
		"only-english":          {1, ":1: error: only one language (English)"},
		"utf16le-bom":           {1, ":1: error: UTF-16"},
		"invalid-utf8":          {1, ":3: error: invalid UTF-8"},
		"nul-byte":              {1, ":3: error: NUL byte"},
		"front-matter-unclosed": {1, ":1: error: front matter not closed"},
		"yaml-bomb":             {1, ":10: error:"},
		"mismatched-3zh-2en":    {0, ":1: warning: 3 Chinese paragraph(s) face 2 English"},
		"one-sided-run":         {0, ":3: warning:"},
		"no-end":                {0, ": warning: no END marker"},
		"text-after-end":        {0, ":6: warning:"},
		"end-lookalikes":        {0, ":3: warning:"},
		"front-matter-yaml":     {0, `:10: warning: front matter: unknown key "mood"`},
		"mixed-line":            {0, ":4: warning: line mixes Chinese and English"},
		"emoji-rare-cjk":        {0, ":3: warning: no glyph for U+AD6D"},
	}
	files, err := filepath.Glob(edgeDir + "*.txt")
	if err != nil || len(files) < 30 {
		t.Fatalf("edge corpus not found (%d files): %v", len(files), err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		if name == "large-2mb" && testing.Short() {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			w := errors[name]
			out := t.TempDir()
			code, stdout, stderr := runCLI(t, "", "build", "-o", out, path)
			if code != w.exit {
				t.Fatalf("exit %d, want %d\n%s", code, w.exit, stderr)
			}
			if w.msg != "" && !hasMessage(stderr, path, w.msg) {
				t.Errorf("stderr lacks %q:\n%s", path+w.msg, stderr)
			}
			got := outputs(t, out)
			if w.exit != 0 {
				if len(got) != 0 {
					t.Errorf("a failed build wrote %v", got)
				}
				return
			}
			if want := []string{name + ".epub", name + ".pdf"}; strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("outputs %v, want %v", got, want)
			}
			if strings.Count(stdout, "\n") != 2 {
				t.Errorf("want one line per output, got:\n%s", stdout)
			}
		})
	}
}

// hasMessage reports whether a line of stderr names path and holds msg
// (":LINE: kind: text", LINE optional, text anywhere after the kind).
func hasMessage(stderr, path, msg string) bool {
	m := regexp.MustCompile(`^(:\d+)?(: \w+:)?(.*)$`).FindStringSubmatch(msg)
	for _, line := range strings.Split(stderr, "\n") {
		rest, ok := strings.CutPrefix(line, path)
		if !ok {
			continue
		}
		if m[1] != "" {
			if rest, ok = strings.CutPrefix(rest, m[1]); !ok {
				continue
			}
		} else if loc := regexp.MustCompile(`^:\d+`).FindString(rest); loc != "" {
			rest = rest[len(loc):]
		}
		if m[2] != "" {
			if rest, ok = strings.CutPrefix(rest, m[2]); !ok {
				continue
			}
		}
		if strings.Contains(rest, strings.TrimSpace(m[3])) {
			return true
		}
	}
	return false
}

// TestStdin builds from standard input: the output is named after --title,
// or "article"; a title made of ../ segments stays inside the output
// directory.
func TestStdin(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	titlePath, err := os.ReadFile(edgeDir + "title-path.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		stdin []byte
		args  []string
		want  string
	}{
		{"english title", seed, []string{"--title", "Refugees on RedNote"}, "Refugees-on-RedNote"},
		{"chinese title", seed, []string{"--title", "小红书"}, "article"},
		{"front matter title", seed, nil, "TikTok-Refugees-on-Xiaohongshu"},
		{"path title", titlePath, nil, "etcpasswd"},
		{"long title", seed, []string{"--title", strings.Repeat("Long ", 400)}, strings.TrimSuffix(strings.Repeat("Long-", 20), "-")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			args := append([]string{"build", "-o", out}, tt.args...)
			code, _, stderr := runCLI(t, string(tt.stdin), append(args, "-")...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := outputs(t, out)
			if want := []string{tt.want + ".epub", tt.want + ".pdf"}; strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("outputs %v, want %v", got, want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("something was written beside the output directory: %v", entries)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"build"},
		{"build", "--paper", "a5", "x.txt"},
		{"build", "--format", "docx", "x.txt"},
		{"build", "--left", "fr", "x.txt"},
		{"build", "--epub-layout", "grid", "x.txt"},
		{"build", "--columns", "wide", "x.txt"},
		{"build", "--columns", "0:1", "x.txt"},
		{"build", "--no-such-flag", "x.txt"},
		{"build", "-", "-"},
		{"build", "--translation", "-", "-"},
		{"build", "--translation", "b.txt", "a.txt", "c.txt"},
		{"parse", "--translation", "-", "-"},
		{"frobnicate"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"build", "-h"}, {"parse", "--help"}, {"help"}} {
		code, stdout, stderr := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(stdout+stderr, "Usage: diglot") {
			t.Errorf("%v: exit %d, output %q", args, code, stdout+stderr)
		}
	}
	if code, stdout, _ := runCLI(t, "", "version"); code != 0 || !strings.HasPrefix(stdout, "diglot ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

// TestOutputProblems checks the refusals that protect data: an output
// directory that is a file, and an output that would overwrite its input.
func TestOutputProblems(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "build", "-o", notDir, "../../testdata/seed.txt")
	if code != exitFail || !strings.Contains(stderr, "not a directory") {
		t.Errorf("output dir is a file: exit %d, %s", code, stderr)
	}

	// an input called NAME.pdf in the output directory would be replaced
	seed, _ := os.ReadFile("../../testdata/seed.txt")
	input := filepath.Join(dir, "article.pdf")
	if err := os.WriteFile(input, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	// the same directly, and through a symbolic link to the input's folder
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	for _, outDir := range []string{dir, link} {
		code, _, stderr = runCLI(t, "", "build", "-o", outDir, "--format", "pdf", input)
		if code != exitFail || !strings.Contains(stderr, "would overwrite the input") {
			t.Errorf("-o %s, output = input: exit %d, %s", outDir, code, stderr)
		}
		if got, _ := os.ReadFile(input); !bytes.Equal(got, seed) {
			t.Errorf("-o %s: the input was modified", outDir)
		}
	}

	// two inputs of one base name, and an endless input
	other := filepath.Join(t.TempDir(), "seed.txt")
	if err := os.WriteFile(other, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "twice")
	code, _, stderr = runCLI(t, "", "build", "-o", out, "../../testdata/seed.txt", other)
	if code != exitUsage || !strings.Contains(stderr, other) || len(outputs(t, out)) != 0 {
		t.Errorf("same base name twice: exit %d, %s", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "build", "-o", out, "/dev/zero")
	if code != exitFail || !strings.Contains(stderr, "larger than 32 MiB") {
		t.Errorf("/dev/zero: exit %d, %s", code, stderr)
	}
}

func TestSourceDateRange(t *testing.T) {
	for v, want := range map[string]int{"1700000000": exitOK, "253402300800": exitUsage, "-62135596801": exitUsage, "x": exitUsage} {
		t.Setenv("SOURCE_DATE_EPOCH", v)
		if code, _, stderr := runCLI(t, "", "build", "-o", t.TempDir(), "--format", "epub", "../../testdata/seed.txt"); code != want {
			t.Errorf("SOURCE_DATE_EPOCH=%s: exit %d, want %d: %s", v, code, want, stderr)
		}
	}
}

// TestSeveralInputs builds good and bad inputs together: the bad one fails
// alone, the others are written, and the status says an input failed.
func TestSeveralInputs(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, "", "build", "-j", "2", "-o", out,
		"../../testdata/seed.txt", edgeDir+"empty.txt", edgeDir+"crlf.txt")
	if code != exitFail {
		t.Errorf("exit %d, want %d", code, exitFail)
	}
	if !strings.Contains(stderr, "empty.txt:1: error") {
		t.Errorf("no error for empty.txt:\n%s", stderr)
	}
	if got := strings.Join(outputs(t, out), " "); got != "crlf.epub crlf.pdf seed.epub seed.pdf" {
		t.Errorf("outputs %s", got)
	}
	if !regexp.MustCompile(`(?m)^.*seed\.pdf  2 pages  \d+ KB  \d+ ms$`).MatchString(stdout) {
		t.Errorf("no result line for seed.pdf:\n%s", stdout)
	}
}

// TestTranslation builds an article kept as two files, the English
// original given first and its Chinese translation from standard input:
// the outputs are named after the original, and parse --json pairs the
// paragraphs with both files' lines.
func TestTranslation(t *testing.T) {
	dir := t.TempDir()
	original := filepath.Join(dir, "moving.md")
	en := "# Moving house\n\nWe moved in 2024, after ten years in the old flat.\n\nThe new flat has 3 rooms and a balcony facing the river.\n"
	zh := "# 搬家\n\n我们在旧公寓住了十年，2024 年搬了家。\n\n新公寓有 3 个房间，还有一个朝河的阳台。\n"
	if err := os.WriteFile(original, []byte(en), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, zh, "build", "-o", out, original, "--translation", "-")
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if got := strings.Join(outputs(t, out), " "); got != "moving.epub moving.pdf" {
		t.Errorf("outputs %s", got)
	}
	code, stdout, stderr := runCLI(t, zh, "parse", "--json", original, "--translation", "-")
	if code != exitOK {
		t.Fatalf("parse: exit %d:\n%s", code, stderr)
	}
	var doc article.JSONDocument
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Meta.Title != "搬家" || doc.Meta.TitleEN != "Moving house" || doc.Meta.Order != "en-first" || len(doc.Pairs) != 3 {
		t.Fatalf("parse --json: %+v", doc)
	}
	if p := doc.Pairs[2]; p.ENLine != 5 || p.ZHLine != 5 || p.Kind != "paragraph" || doc.Pairs[0].Kind != "heading" {
		t.Errorf("pairs %+v", doc.Pairs)
	}
}

// TestReview lists, for a translator, the pairs of a translation whose two
// answers were swapped (each a statement facing a question) and the
// paragraph it left untranslated, and nothing of a right one.
func TestReview(t *testing.T) {
	dir := t.TempDir()
	zh := "这是什么？\n\n这是一本关于搬家的小书，讲我们 2024 年的经历。\n\n为什么要搬？\n\n因为旧公寓太小了，孩子们没有自己的房间。\n\n最后一段没有翻译。\n"
	en := "What is this?\n\nWhy move?\n\nThis is a small book about moving house, and what we went through in 2024.\n\nBecause the old flat was too small, and the children had no rooms of their own.\n"
	for name, text := range map[string]string{"zh.txt": zh, "en.txt": en} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runCLI(t, "", "parse", "--review", filepath.Join(dir, "zh.txt"), "--translation", filepath.Join(dir, "en.txt"))
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, want := range []string{"zh.txt:3  这是一本", "Why move?", "zh.txt:9  最后一段没有翻译。", "(none: a one-sided pair)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("review lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "What is this?") {
		t.Errorf("review lists the right first pair:\n%s", stdout)
	}
}

// TestUserFonts builds with fonts brought by the user: a real TrueType
// font from another foundry when the system has one, and bad font files,
// which must be clear errors before any work, never panics.
func TestUserFonts(t *testing.T) {
	dir := t.TempDir()
	seed := "../../testdata/seed.txt"
	for _, font := range []string{
		"../../fonts/files/SourceSerif4_700Bold.ttf",
		"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
		"/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
	} {
		if _, err := os.Stat(font); err != nil {
			t.Logf("%s not installed; skipped", font)
			continue
		}
		out := filepath.Join(dir, filepath.Base(font))
		code, _, stderr := runCLI(t, "", "build", "-o", out, "--font-latin", font, seed)
		if code != 0 {
			t.Errorf("--font-latin %s: exit %d\n%s", font, code, stderr)
		}
		if got := outputs(t, out); len(got) != 2 {
			t.Errorf("--font-latin %s: outputs %v", font, got)
		}
	}

	full, err := os.ReadFile("../../fonts/files/SourceSerif4_400Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"junk.ttf":      []byte("this is not a font at all"),
		"truncated.ttf": full[:2000],
		"cff.otf":       append([]byte("OTTO"), full[4:4000]...),
		"empty.ttf":     nil,
	}
	for name, data := range bad {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, flag := range []string{"--font-cjk", "--font-latin"} {
			out := filepath.Join(dir, "out-"+name)
			code, _, stderr := runCLI(t, "", "build", "-o", out, flag, path, seed)
			if code != exitFail || !strings.Contains(stderr, name) {
				t.Errorf("%s %s: exit %d, want 1 with a message naming the font:\n%s", flag, name, code, stderr)
			}
			if got := outputs(t, out); len(got) != 0 {
				t.Errorf("%s %s: wrote %v", flag, name, got)
			}
		}
	}
	// standard input and an endless device are refused, not read whole
	for _, font := range []string{"-", "/dev/zero"} {
		for _, flag := range []string{"--font-cjk", "--font-latin"} {
			code, _, stderr := runCLI(t, "", "build", "-o", filepath.Join(dir, "none"), flag, font, seed)
			if code != exitFail || !strings.HasPrefix(stderr, "diglot: FONT: "+font) {
				t.Errorf("%s %s: exit %d, want 1 and a FONT error:\n%s", flag, font, code, stderr)
			}
		}
	}
	if code, _, stderr := runCLI(t, "", "build", "-o", dir, "--font-cjk", filepath.Join(dir, "missing.ttf"), seed); code == 0 {
		t.Errorf("a missing font file was accepted:\n%s", stderr)
	}
}
