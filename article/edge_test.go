package article

import (
	"strings"
	"testing"
)

// TestEdgeFiles checks that every file in testdata/edge behaves as the edge
// README says: a clear error with its line, or a build with the warnings named.
func TestEdgeFiles(t *testing.T) {
	tests := []struct {
		file      string
		errLine   int    // 0: must parse
		errText   string // part of the first error
		warnLine  int
		warnText  string // part of a warning (when errLine is 0)
		wantPairs int
	}{
		{file: "empty", errLine: 1, errText: "empty article"},
		{file: "whitespace-only", errLine: 1, errText: "empty article"},
		{file: "only-end", errLine: 1, errText: "no paragraphs before END"},
		{file: "only-chinese", errLine: 1, errText: "only one language (Chinese)"},
		{file: "only-english", errLine: 1, errText: "only one language (English)"},
		{file: "utf16le-bom", errLine: 1, errText: "UTF-16"},
		{file: "invalid-utf8", errLine: 3, errText: "invalid UTF-8"},
		{file: "nul-byte", errLine: 3, errText: "NUL byte"},
		{file: "front-matter-unclosed", errLine: 1, errText: "front matter not closed"},
		{file: "yaml-bomb", errLine: 10, errText: "YAML alias"},
		{file: "mismatched-3zh-2en", warnLine: 1, warnText: "3 Chinese paragraph(s) face 2 English", wantPairs: 3},
		{file: "one-sided-run", warnLine: 3, warnText: "no English counterpart", wantPairs: 3},
		{file: "no-end", warnText: "no END marker", warnLine: 6, wantPairs: 3},
		{file: "text-after-end", warnLine: 6, warnText: "after the END marker", wantPairs: 2},
		{file: "end-lookalikes", warnLine: 3, warnText: "is not the END marker", wantPairs: 2},
		{file: "front-matter-yaml", warnLine: 10, warnText: `unknown key "mood"`, wantPairs: 3},
		{file: "mixed-line", warnLine: 4, warnText: "mixes Chinese and English", wantPairs: 4},
		{file: "neutral-lines", wantPairs: 2},
		{file: "title-path", wantPairs: 1},
		{file: "english-first", wantPairs: 3},
		{file: "emoji-rare-cjk", wantPairs: 3},
		{file: "large-2mb", wantPairs: 3218},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, diags := parseFile(t, "testdata/edge/"+tt.file+".txt")
			if tt.errLine > 0 {
				if doc != nil {
					t.Fatalf("parsed, want error %q", tt.errText)
				}
				first := firstOf(diags, Error)
				if first == nil || first.Line != tt.errLine || !strings.Contains(first.Msg, tt.errText) {
					t.Fatalf("first error %v, want line %d %q", first, tt.errLine, tt.errText)
				}
				if !strings.HasPrefix(first.String(), "testdata/edge/"+tt.file+".txt:") {
					t.Fatalf("message %q does not name the file", first)
				}
				return
			}
			if doc == nil {
				t.Fatalf("parse failed: %v", diags)
			}
			if len(doc.Blocks) != tt.wantPairs {
				t.Errorf("%d pairs, want %d", len(doc.Blocks), tt.wantPairs)
			}
			if tt.warnText != "" && !hasWarning(diags, tt.warnLine, tt.warnText) {
				t.Errorf("no warning at line %d with %q in %v", tt.warnLine, tt.warnText, diags)
			}
		})
	}
}

func firstOf(diags Diagnostics, s Severity) *Diagnostic {
	for i := range diags {
		if diags[i].Severity == s {
			return &diags[i]
		}
	}
	return nil
}

func hasWarning(diags Diagnostics, line int, text string) bool {
	for _, d := range diags {
		if d.Severity == Warning && (line == 0 || d.Line == line) && strings.Contains(d.Msg, text) {
			return true
		}
	}
	return false
}
