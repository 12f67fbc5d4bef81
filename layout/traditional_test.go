package layout

import (
	"testing"

	"diglot/fonts"
)

// TestTraditionalMarks: Traditional Chinese is set in Noto Serif TC with
// its stop and pause marks centred, as in Taiwan (issue 15 item 5): alone,
// or before a Han character, they keep their full em, but for the blank
// after their ink at a line's (or the paragraph's) end. A pair with a bracket
// or quote still takes 1.5 em (clreq §3.1.6's basic compression, whatever
// the style): the bracket gives up its blank half, or, after a centred mark
// (。』), the mark and the bracket a quarter each. Simplified Chinese gives
// up the blank half of "：" before "『" and of "。" before "』".
func TestTraditionalMarks(t *testing.T) {
	em := 10 * Pt
	for _, tt := range []struct {
		text        string
		traditional bool
		face        fonts.Role
		short       int // how much narrower than an em a character the line is
	}{
		{"館長說，明年將開設課程。", true, fonts.CJKTradRegular, em * 2 / 5},   // centred marks before Han: full ems; the last gives up the blank after its ink
		{"館長說：『明年將開設課程』", true, fonts.CJKTradRegular, em/2 + em/2}, // 『 after a centred mark; the final 』
		{"歡迎報名。』", true, fonts.CJKTradRegular, em/4 + em/2},        // 。 gives up a quarter, 』 keeps a quarter, then ends the paragraph
		{"「圖書館」，今日", true, fonts.CJKTradRegular, em / 2},           // 」 before a mark, as in Simplified
		{"館長說：『明年將開設長者數位技能課程，歡迎報名。』", false, fonts.CJKRegular, 3 * em / 2},
	} {
		chain, err := newFaceChain(fonts.NewSet(), tt.traditional)
		if err != nil {
			t.Fatal(err)
		}
		z := &itemizer{faces: chain, size: em, lang: langZH, column: 1000 * Pt}
		want := len([]rune(tt.text))*em - tt.short
		if w := naturalWidth(z.itemizeChinese([]span{{text: tt.text}})); w != want {
			t.Errorf("%s (traditional %v): width %.2f em, want %.2f", tt.text, tt.traditional, float64(w)/float64(em), float64(want)/float64(em))
		}
		if role, _ := chain.pick('館', 0, langZH, false); role != tt.face {
			t.Errorf("traditional %v: 館 in face %d, want %d", tt.traditional, role, tt.face)
		}
	}
}
