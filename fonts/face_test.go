package fonts

import "testing"

func TestBuiltinFaces(t *testing.T) {
	s := NewSet()
	tests := []struct {
		role  Role
		r     rune
		want  bool
		width int // advance in font units, 0 to skip
	}{
		{CJKRegular, '中', true, 1000},
		{CJKRegular, '，', true, 1000},
		{CJKBold, '中', true, 1000},
		{LatinRegular, 'a', true, 0},
		{LatinRegular, '中', false, 0},
		{Symbols, '🌎', true, 0},
		{Symbols, '❤', true, 0},
	}
	for _, tt := range tests {
		f, err := s.Face(tt.role)
		if err != nil {
			t.Fatal(err)
		}
		adv, ok := f.RuneAdvance(tt.r)
		if ok != tt.want {
			t.Errorf("%s has %q = %v, want %v", f.Name, tt.r, ok, tt.want)
		}
		if tt.width != 0 && adv != tt.width {
			t.Errorf("%s advance of %q = %d, want %d", f.Name, tt.r, adv, tt.width)
		}
	}
}

func TestFaceParsedOnce(t *testing.T) {
	s := NewSet()
	a, _ := s.Face(CJKRegular)
	b, _ := s.Face(CJKRegular)
	if a != b {
		t.Fatal("the face was parsed twice")
	}
}

func TestBadFont(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("hello, this is not a font at all"),
		"cff":       append([]byte("OTTO"), make([]byte, 20)...),
		"truncated": append([]byte{0, 1, 0, 0, 0, 9}, make([]byte, 10)...),
	} {
		if _, err := Parse(name, data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	s := NewSet()
	if err := s.Override([]byte("junk"), "junk.ttf", CJKRegular); err == nil {
		t.Error("Override accepted a bad font")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(builtin[Symbols].data[:4096])
	f.Fuzz(func(t *testing.T, b []byte) {
		face, err := Parse("fuzz", b)
		if err == nil {
			face.RuneAdvance('a')
		}
	})
}

func TestKern(t *testing.T) {
	face, err := NewSet().Face(LatinRegular)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		a, b     rune
		negative bool
	}{
		{'A', 'V', true}, {'T', 'o', true}, {'y', '.', true}, {'a', 'b', false},
	} {
		k := face.NewKerner().Kern(tt.a, tt.b)
		if (k < 0) != tt.negative {
			t.Errorf("Kern(%q, %q) = %d", tt.a, tt.b, k)
		}
		if again := face.NewKerner().Kern(tt.a, tt.b); again != k {
			t.Errorf("Kern(%q, %q) changed from %d to %d", tt.a, tt.b, k, again)
		}
	}
	if k := face.NewKerner().Kern('中', 'A'); k != 0 {
		t.Errorf("a missing character kerns by %d", k)
	}
	bad, _ := Parse("x", face.Data)
	bad.Data = []byte("junk") // the shaper cannot read it: no kerning, no panic
	if k := bad.NewKerner().Kern('A', 'V'); k != 0 {
		t.Errorf("kerning from junk: %d", k)
	}
}
