package layout

import (
	"testing"

	"diglot/fonts"
)

// TestTraditionalMarks: Traditional Chinese is set in Noto Serif TC with
// its marks centred and never compressed, as in Taiwan (issue 15 item 5):
// a line of it is as many ems wide as it has characters, where Simplified
// Chinese gives up the blank half of "：" before "『" and of "。" before
// "』".
func TestTraditionalMarks(t *testing.T) {
	const text = "館長說：『明年將開設長者數位技能課程，歡迎報名。』"
	n := len([]rune(text))
	em := 10 * Pt
	for _, tt := range []struct {
		traditional bool
		face        fonts.Role
		width       int
	}{
		{true, fonts.CJKTradRegular, n * em},
		{false, fonts.CJKRegular, n*em - 3*em/2}, // and the final 』's, at the paragraph's end
	} {
		chain, err := newFaceChain(fonts.NewSet(), tt.traditional)
		if err != nil {
			t.Fatal(err)
		}
		z := &itemizer{faces: chain, size: em, lang: langZH, column: 1000 * Pt}
		if w := naturalWidth(z.itemizeChinese([]span{{text: text}})); w != tt.width {
			t.Errorf("traditional %v: width %d, want %d", tt.traditional, w, tt.width)
		}
		if role, _ := chain.pick('館', 0, langZH, false); role != tt.face {
			t.Errorf("traditional %v: 館 in face %d, want %d", tt.traditional, role, tt.face)
		}
	}
}
