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

// TestMarkPairsCompress: adjacent full-width marks take 1.5 em, not 2
// (typesetting.md ZH-5), the curly quotes among them where the Chinese
// face sets them a full em; a closing or pause mark at a line end gives up
// its blank half (ZH-6). Widths are of the text from the first mark's
// start to the next character's, in thousandths of an em.
func TestMarkPairsCompress(t *testing.T) {
	em := 10 * Pt
	tests := []struct {
		text string
		from int // rune index of the first mark
		want int // advance over it and the character after it
	}{
		{"税”“兔", 1, 1500},
		{"民”，并", 1, 1500},
		{"们）“说", 1, 1500},
		{"税”）好", 1, 1500},
		{"了。」好", 1, 1500},
		{"（“好", 0, 1500},
		{"字，好", 1, 2000}, // one mark keeps its full em (then the character)
	}
	for _, tt := range tests {
		z := &itemizer{faces: mustChain(t), size: em, lang: langZH, column: 200 * Pt}
		p := z.itemizeChinese([]span{{text: tt.text}})
		starts := charStarts(p)
		if got := (starts[tt.from+2] - starts[tt.from]) * 1000 / em; got != tt.want {
			t.Errorf("%s: the pair takes %d/1000 em, want %d", tt.text, got, tt.want)
		}
	}
	// at a line end: a line broken after the mark is half an em shorter
	// than its natural width with the mark's blank
	for _, mark := range []string{"，", "。", "：", "；", "”", "）"} {
		z := &itemizer{faces: mustChain(t), size: em, lang: langZH, column: 200 * Pt}
		text := "甲乙丙" + mark + "丁戊己"
		p := z.itemizeChinese([]span{{text: text}})
		// the break after the mark: the penalty right after its box
		pos := -1
		for i, it := range p.items {
			if it.Kind == linebreak.Penalty && i > 0 && len(p.info[i-1]) > 0 && p.info[i-1][0].text == mark {
				pos = i
				break
			}
		}
		if pos < 0 {
			t.Errorf("%s: no break after the mark", mark)
			continue
		}
		lines := placeLines(p, []linebreak.Break{{Pos: pos}, {Pos: len(p.items) - 1}}, false)
		if w := lines[0].width; w != 3*em+em/2 {
			t.Errorf("%s at a line end: the line is %d wide, want %d (three characters and half the mark)", mark, w, 3*em+em/2)
		}
	}
}

// charStarts lists where each character of an unbroken paragraph starts,
// at natural widths: boxes' segments, kerns and glue as the items give
// them.
func charStarts(p paragraph) []int {
	var out []int
	x := 0
	for i, it := range p.items {
		switch {
		case it.Kind == linebreak.Box && len(p.info[i]) > 0:
			for _, sg := range p.info[i] {
				for range []rune(sg.text) {
					out = append(out, x)
				}
				x += sg.width
			}
		case it.Kind == linebreak.Kern, it.Kind == linebreak.Glue && it.Stretch < 1<<30:
			x += it.Width
		}
	}
	return append(out, x)
}

// TestMidLineMarksShrink: a closing or pause mark inside a line may give
// up its blank half when the line is tight, before the gaps between
// characters would have to stretch (clreq §3.8, issue 15 item 3).
func TestMidLineMarksShrink(t *testing.T) {
	em := 10 * Pt
	for _, mark := range []string{"，", "、", "：", "；", "。"} {
		z := &itemizer{faces: mustChain(t), size: em, lang: langZH, column: 200 * Pt}
		p := z.itemizeChinese([]span{{text: "甲乙" + mark + "丙丁"}})
		shrink := 0
		for _, it := range p.items {
			if it.Kind == linebreak.Glue {
				shrink += it.Shrink
			}
		}
		if shrink != em/2 {
			t.Errorf("%s: the line may shrink by %d, want half an em (%d)", mark, shrink, em/2)
		}
	}
}
