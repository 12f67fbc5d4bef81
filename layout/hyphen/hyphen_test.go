package hyphen

import (
	"strings"
	"testing"
)

func hyphenate(h *Hyphenator, w string) string {
	rs := []rune(w)
	var b strings.Builder
	points := h.Points(w)
	for i, r := range rs {
		if len(points) > 0 && points[0] == i {
			b.WriteByte('-')
			points = points[1:]
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestPoints(t *testing.T) {
	h, err := English()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ word, want string }{
		{"hyphenation", "hy-phen-ation"},
		{"typesetting", "type-set-ting"},
		{"unbreakable", "un-break-able"},
		{"Xiaohongshu", "Xi-ao-hong-shu"}, // what the patterns say; pinyin is not English
		{"table", "ta-ble"},               // from the exception list
		{"associates", "as-so-ciates"},    // exception, and its case folded
		{"project", "project"},            // exception: never
		{"Project", "Project"},            // exception, capitalised
		{"education", "ed-u-ca-tion"},     // min 2 before
		{"possible", "pos-si-ble"},        // min 3 after keeps "ble"
		{"reopening", "re-open-ing"},      //
		{"cat", "cat"},                    // too short
		{"don't", "don't"},                // not all letters
		{"3f9a1c7be20d", "3f9a1c7be20d"},  // not a word
		{"", ""},
	} {
		if got := hyphenate(h, tt.word); got != tt.want {
			t.Errorf("%q: got %s, want %s", tt.word, got, tt.want)
		}
	}
}

func TestMinimaHold(t *testing.T) {
	h, _ := English()
	for _, w := range []string{"pneumonoultramicroscopicsilicovolcanoconiosis", "abandonment", "Wednesday", "overwhelmingly", "ab"} {
		n := len([]rune(w))
		for _, p := range h.Points(w) {
			if p < MinBefore || p > n-MinAfter {
				t.Errorf("%s: point %d breaks the minima", w, p)
			}
		}
	}
}

func TestOverlongWordQuick(t *testing.T) {
	h, _ := English()
	if p := h.Points(strings.Repeat("W", 2000)); p != nil {
		t.Errorf("a 2,000-letter run got points %v", p)
	}
}

func TestParseRejectsGarbage(t *testing.T) {
	if _, err := parse("no patterns here"); err == nil {
		t.Error("a file without \\patterns is accepted")
	}
}
