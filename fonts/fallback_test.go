package fonts

import "testing"

func TestFallback(t *testing.T) {
	for _, tt := range []struct {
		kind                 Kind
		chinese, traditional bool
		want                 [4]Role
	}{
		{Regular, true, false, [4]Role{CJKRegular, LatinRegular, CJKTradRegular, Symbols}},
		{Regular, false, false, [4]Role{LatinRegular, CJKRegular, CJKTradRegular, Symbols}},
		{Bold, false, false, [4]Role{LatinBold, CJKBold, CJKTradBold, Symbols}},
		{Italic, false, false, [4]Role{LatinItalic, CJKRegular, CJKTradRegular, Symbols}},
		{Italic, true, false, [4]Role{CJKRegular, LatinItalic, CJKTradRegular, Symbols}},
		{Monospace, true, false, [4]Role{Mono, CJKRegular, CJKTradRegular, Symbols}},
		{Regular, true, true, [4]Role{CJKTradRegular, LatinRegular, CJKRegular, Symbols}},
		{Bold, false, true, [4]Role{LatinBold, CJKTradBold, CJKBold, Symbols}},
		{Monospace, false, true, [4]Role{Mono, CJKTradRegular, CJKRegular, Symbols}},
	} {
		if got := Fallback(tt.kind, tt.chinese, tt.traditional); got != tt.want {
			t.Errorf("Fallback(%d, %v, %v) = %v, want %v", tt.kind, tt.chinese, tt.traditional, got, tt.want)
		}
	}
}

// TestTraditionalFace: the Traditional face covers the forms a zh-Hant
// text uses, which the Simplified face lacks or draws in its own style.
func TestTraditionalFace(t *testing.T) {
	tc, err := NewSet().Face(CJKTradRegular)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "臺灣圖書館說話「」，。" {
		if _, ok := tc.RuneAdvance(r); !ok {
			t.Errorf("%q missing from %s", r, tc.Name)
		}
	}
}
