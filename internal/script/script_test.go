package script

import "testing"

func TestClasses(t *testing.T) {
	for _, tt := range []struct {
		r                               rune
		han, letter, full, punct, latin bool
	}{
		{'中', true, true, true, false, false},
		{'〇', true, true, true, true, false}, // in the CJK symbols block,
		{'か', false, true, true, false, false},
		{'ㄅ', false, true, true, false, false},
		{'，', false, false, true, true, false},
		{'“', false, false, true, true, false},
		{'a', false, false, false, false, true},
		{'é', false, false, false, false, true},
		{'1', false, false, false, false, false},
		{0x20000, true, true, true, false, false},
	} {
		if IsHan(tt.r) != tt.han || IsChineseLetter(tt.r) != tt.letter || IsFullWidth(tt.r) != tt.full ||
			IsCJKPunct(tt.r) != tt.punct || IsLatinLetter(tt.r) != tt.latin {
			t.Errorf("%q: han %v letter %v full %v punct %v latin %v", tt.r, IsHan(tt.r), IsChineseLetter(tt.r),
				IsFullWidth(tt.r), IsCJKPunct(tt.r), IsLatinLetter(tt.r))
		}
	}
}

func TestKinsoku(t *testing.T) {
	for _, r := range "，。、）」”" {
		if !NoLineStart(r) || NoLineEnd(r) {
			t.Errorf("%q should not start a line", r)
		}
	}
	for _, r := range "（「“《" {
		if !NoLineEnd(r) || NoLineStart(r) {
			t.Errorf("%q should not end a line", r)
		}
	}
}
