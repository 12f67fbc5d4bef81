package layout

import (
	"testing"

	"diglot/layout/linebreak"
)

func TestBreakAllowed(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"中", "文", true},
		{"中", "，", false}, // no line starts with a comma
		{"中", "。", false}, // nor a full stop
		{"文", "」", false}, // nor a closing bracket
		{"文", "”", false}, // nor a closing quote
		{"“", "你", false}, // no line ends with an opening quote
		{"《", "边", false}, // nor an opening book-title mark
		{"（", "那", false}, // nor an opening parenthesis
		{"—", "—", false}, // —— never splits
		{"…", "…", false}, // …… never splits
		{"。", "他", true},
		{"TikTok", "难", true},
		{"用", "TikTok", true},
		{"上", "～", false}, // a wave dash joins what comes before it
		{"他说", "—", true}, // a dash may begin a line
		{"——", "他", true},
		{"甲", "／", true},
		{"／", "乙", false}, // no break after a full-width solidus (GB)
	}
	for _, tt := range tests {
		if got := breakAllowed(tt.a, tt.b); got != tt.want {
			t.Errorf("breakAllowed(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestNumberKeepsItsMeasureWord checks the penalty between a number and
// the Han character after it (typesetting.md ZH-3), and only there.
func TestNumberKeepsItsMeasureWord(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int // breaks at penaltyNumberUnit
	}{
		{"共2024年的记录", 1},
		{"有 3 个人", 1},
		{"用TikTok的人", 0},
		{"第一年", 0},
	} {
		z := &itemizer{faces: mustChain(t), size: 10 * Pt, lang: langZH, column: 200 * Pt}
		got := 0
		for _, it := range z.itemizeChinese([]span{{text: tt.text}}).items {
			if it.Kind == linebreak.Penalty && it.Penalty == penaltyNumberUnit {
				got++
			}
		}
		if got != tt.want {
			t.Errorf("%s: %d number–unit penalties, want %d", tt.text, got, tt.want)
		}
	}
}
