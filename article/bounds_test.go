package article

import (
	"fmt"
	"strings"
	"testing"
)

const body = "中文段落。\nAn English paragraph.\n"

func TestFrontMatterBounds(t *testing.T) {
	var long strings.Builder
	long.WriteString("---\ntitle: 长 / Long\n")
	for i := range 300 {
		fmt.Fprintf(&long, "note%d: x\n", i)
	}
	long.WriteString("---\n" + body)
	for _, tt := range []struct {
		name, src, err string // err "" means it builds
	}{
		{"300 lines of YAML", long.String(), ""},
		{"deep TOML", "+++\nx = " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n+++\n" + body, "nests arrays or tables more than"},
		{"TOML within depth", "+++\nx = [[1], [2]]\ntitle = \"t\"\n+++\n" + body, ""},
		{"huge front matter", "---\n" + strings.Repeat("a: b\n", 20000) + "---\n" + body, "longer than 64 KiB"},
	} {
		doc, diags := Parse("x.txt", []byte(tt.src))
		msg := fmt.Sprint(diags)
		switch {
		case tt.err == "" && doc == nil:
			t.Errorf("%s: refused: %s", tt.name, msg)
		case tt.err != "" && (doc != nil || !strings.Contains(msg, tt.err)):
			t.Errorf("%s: %v, want an error with %q", tt.name, msg, tt.err)
		}
	}
}
