package fonts

import "testing"

func TestFallback(t *testing.T) {
	for _, tt := range []struct {
		kind    Kind
		chinese bool
		want    [3]Role
	}{
		{Regular, true, [3]Role{CJKRegular, LatinRegular, Symbols}},
		{Regular, false, [3]Role{LatinRegular, CJKRegular, Symbols}},
		{Bold, false, [3]Role{LatinBold, CJKBold, Symbols}},
		{Italic, false, [3]Role{LatinItalic, CJKRegular, Symbols}},
		{Italic, true, [3]Role{CJKRegular, LatinItalic, Symbols}},
		{Monospace, true, [3]Role{Mono, CJKRegular, Symbols}},
	} {
		if got := Fallback(tt.kind, tt.chinese); got != tt.want {
			t.Errorf("Fallback(%d, %v) = %v, want %v", tt.kind, tt.chinese, got, tt.want)
		}
	}
}
