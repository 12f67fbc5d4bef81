package fonts

import (
	"bytes"
	"io"
	"sync"
	"testing"

	gotext "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

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

// TestShapingWithoutOutlines checks that the copy of a face the shaper
// reads (its glyf and loca tables dropped) kerns and ligates every pair
// and ligature as the whole font does, for each Latin face.
func TestShapingWithoutOutlines(t *testing.T) {
	chars := []rune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,;:!?'\"()-–—‘’“”")
	for _, role := range []Role{LatinRegular, LatinItalic, LatinBold} {
		face, err := NewSet().Face(role)
		if err != nil {
			t.Fatal(err)
		}
		stripped, whole := face.NewKerner(), wholeFontKerner(t, face)
		kerned := 0
		for _, a := range chars {
			for _, b := range chars {
				got, want := stripped.Kern(a, b), whole.Kern(a, b)
				if got != want {
					t.Errorf("%v: Kern(%q, %q) = %d without outlines, %d with", role, a, b, got, want)
				}
				if want != 0 {
					kerned++
				}
			}
		}
		if kerned < 100 {
			t.Errorf("%v: only %d pairs kerned: the comparison says nothing", role, kerned)
		}
		for _, lig := range []string{"fi", "fl", "ff", "ffi", "ffl", "ab"} {
			g1, ok1 := stripped.Ligature(lig)
			g2, ok2 := whole.Ligature(lig)
			if g1 != g2 || ok1 != ok2 {
				t.Errorf("%v: Ligature(%q) = %d %v without outlines, %d %v with", role, lig, g1, ok1, g2, ok2)
			}
		}
	}
	for _, junk := range []string{"junk", "\x00\x01\x00\x00\x00\x09......"} {
		if b, _ := io.ReadAll(withoutOutlines([]byte(junk))); string(b) != junk {
			t.Errorf("%q read back as %q", junk, b)
		}
	}
}

// wholeFontKerner is a Kerner on the face's whole font file, outlines and
// all, as go-text reads it.
func wholeFontKerner(t *testing.T, face *Face) *Kerner {
	t.Helper()
	ld, err := ot.NewLoader(bytes.NewReader(face.Data))
	if err != nil {
		t.Fatal(err)
	}
	font, err := gotext.NewFont(ld)
	if err != nil {
		t.Fatal(err)
	}
	return &Kerner{face: gotext.NewFace(font), upem: face.UnitsPerEm, pairs: map[[2]rune]int16{}, shared: &sync.Map{}}
}

// TestKernersShareTheirPairs checks that a pair one Kerner has shaped is
// known to the face's other Kerners (those of a build's other goroutines
// and stages) without shaping it again.
func TestKernersShareTheirPairs(t *testing.T) {
	face, err := NewSet().Face(LatinRegular)
	if err != nil {
		t.Fatal(err)
	}
	want := face.NewKerner().Kern('A', 'V')
	other := face.NewKerner()
	other.face = nil // it cannot shape: whatever it knows, it was told
	if got := other.Kern('A', 'V'); got != want || want == 0 {
		t.Errorf("another Kerner kerns AV by %d, the first by %d", got, want)
	}
	if got := other.Kern('T', 'o'); got != 0 {
		t.Errorf("a pair no Kerner shaped: %d", got)
	}
}
