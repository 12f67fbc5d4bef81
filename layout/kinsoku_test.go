package layout

import "testing"

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
	}
	for _, tt := range tests {
		if got := breakAllowed(tt.a, tt.b); got != tt.want {
			t.Errorf("breakAllowed(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
