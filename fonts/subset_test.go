package fonts

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"slices"
	"testing"

	gotext "github.com/go-text/typesetting/font"
)

// seedSample holds Han, CJK punctuation, Latin, digits and a space.
const seedSample = "人工智能正在改变我们的生活方式，“教育”（学习）。AI 2025年 ——……"

// TestSubsetRoundTrip subsets each built-in face and reads the result back
// with go-text, an independent parser: every rune the face covers must map
// to a glyph with the same outline and advance as in the full font, and
// runes outside the subset must be absent.
func TestSubsetRoundTrip(t *testing.T) {
	set := NewSet()
	cases := []struct {
		role  Role
		text  string
		extra rune // a rune the face has but the subset must not
	}{
		{CJKRegular, seedSample, '龍'},
		{CJKBold, seedSample, '龍'},
		{LatinRegular, "The quick brown fox — “fi” ﬁ é Å 2025", 'Z'},
		{LatinItalic, "Reading in parallel, ½ and ©", 'Z'},
		{Symbols, "❤🌎✓", '☂'},
	}
	for _, c := range cases {
		face, err := set.Face(c.role)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := face.Subset([]rune(c.text), SubsetOptions{Family: "Diglot Test"})
		if err != nil {
			t.Fatalf("%s: %v", face.Name, err)
		}
		if len(sub) > len(face.Data)/4 && len(face.Data) > 1<<20 {
			t.Errorf("%s: subset is %d bytes of %d", face.Name, len(sub), len(face.Data))
		}
		full := parseGoText(t, face.Data)
		got := parseGoText(t, sub)
		for _, r := range c.text {
			fg, ok := full.NominalGlyph(r)
			if !ok {
				continue
			}
			sg, ok := got.NominalGlyph(r)
			if !ok {
				t.Errorf("%s: subset lost %q", face.Name, r)
				continue
			}
			if a, b := full.HorizontalAdvance(fg), got.HorizontalAdvance(sg); a != b {
				t.Errorf("%s: advance of %q = %v, want %v", face.Name, r, b, a)
			}
			fo, _ := full.GlyphDataOutline(fg)
			so, _ := got.GlyphDataOutline(sg)
			if !reflect.DeepEqual(fo.Segments, so.Segments) {
				t.Errorf("%s: outline of %q differs (%d vs %d segments)", face.Name, r, len(so.Segments), len(fo.Segments))
			}
		}
		if _, ok := got.NominalGlyph(c.extra); ok {
			t.Errorf("%s: subset maps %q, which it was not asked for", face.Name, c.extra)
		}
		// Our own reader agrees too.
		own, err := Parse("subset", sub)
		if err != nil {
			t.Fatalf("%s: reparse: %v", face.Name, err)
		}
		for _, r := range c.text {
			if face.Has(r) != own.Has(r) {
				t.Errorf("%s: own reader: has %q = %v, want %v", face.Name, r, own.Has(r), face.Has(r))
			}
		}
	}
}

func TestSubsetDeterministic(t *testing.T) {
	face, err := NewSet().Face(LatinRegular)
	if err != nil {
		t.Fatal(err)
	}
	a, err := face.Subset([]rune("zyx abc"), SubsetOptions{Family: "X"})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := face.Subset([]rune("abcxyz "), SubsetOptions{Family: "X"})
	if !bytes.Equal(a, b) {
		t.Error("the same runes in another order give another subset")
	}
}

// TestComponentOffsets checks the composite-glyph walk on a hand-made glyph
// with a word-argument component and a scaled byte-argument component.
func TestComponentOffsets(t *testing.T) {
	glyph := []byte{
		0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, // numberOfContours -1, bbox
		0x00, 0x21, 0x00, 0x05, 0, 1, 0, 2, // words | more, glyph 5, args
		0x00, 0x08, 0x00, 0x07, 1, 2, 0x40, 0x00, // scale, glyph 7, byte args, F2Dot14
	}
	got, err := componentOffsets(glyph)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{12, 20}; !reflect.DeepEqual(got, want) {
		t.Errorf("offsets = %v, want %v", got, want)
	}
	if _, err := componentOffsets(glyph[:22]); err == nil {
		t.Error("a truncated composite glyph is accepted")
	}
}

func parseGoText(t *testing.T, data []byte) *gotext.Face {
	t.Helper()
	f, err := gotext.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("go-text cannot read the font: %v", err)
	}
	return f
}

// TestSubsetStandIns checks that characters the face lacks get glyphs of
// their own when asked: a .notdef box, or nothing for invisible ones.
func TestSubsetStandIns(t *testing.T) {
	face, err := NewSet().Face(LatinRegular)
	if err != nil {
		t.Fatal(err)
	}
	text := "a\U000E0100中\u200D"
	plain, err := face.Subset([]rune(text), SubsetOptions{Family: "X"})
	if err != nil {
		t.Fatal(err)
	}
	if f := parseGoText(t, plain); func() bool { _, ok := f.NominalGlyph('中'); return ok }() {
		t.Error("a lacking character is mapped without StandIns")
	}
	sub, err := face.Subset([]rune(text), SubsetOptions{Family: "X", StandIns: true})
	if err != nil {
		t.Fatal(err)
	}
	f := parseGoText(t, sub)
	glyphs := map[gotext.GID]bool{}
	for _, r := range text {
		g, ok := f.NominalGlyph(r)
		if !ok {
			t.Fatalf("%U has no glyph", r)
		}
		if glyphs[g] {
			t.Errorf("%U shares glyph %d", r, g)
		}
		glyphs[g] = true
		adv := f.HorizontalAdvance(g)
		if invisible := DefaultIgnorable(r); invisible != (adv == 0) {
			t.Errorf("%U: advance %v, invisible %v", r, adv, invisible)
		}
	}
	box, _ := f.NominalGlyph('中')
	notdef, _ := f.GlyphDataOutline(0)
	if got, _ := f.GlyphDataOutline(box); !reflect.DeepEqual(got.Segments, notdef.Segments) {
		t.Error("the stand-in for 中 is not a copy of .notdef")
	}
}

// TestSubsetFlattenComposites subsets every character of Source Serif whose
// glyph nests composites, flattened: the outlines must not change, and no
// composite may refer to another composite.
func TestSubsetFlattenComposites(t *testing.T) {
	face, err := NewSet().Face(LatinRegular)
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := readTables(face.Data)
	src, _ := newGlyphSource(dir, face.numGlyphs)
	isComposite := func(b []byte) bool { return len(b) >= 10 && int16(binary.BigEndian.Uint16(b)) < 0 }
	var nested []rune
	for _, g := range face.cmap {
		for r := g.first; r <= g.last && len(nested) < 400; r++ {
			gid, _ := face.Glyph(r)
			cs, _ := readComponents(src.raw(gid))
			for _, c := range cs {
				if isComposite(src.raw(uint32(c.glyph))) {
					nested = append(nested, r)
					break
				}
			}
		}
	}
	if len(nested) < 20 || !slices.Contains(nested, '%') {
		t.Fatalf("expected nested composites in Source Serif, found %d", len(nested))
	}
	sub, err := face.Subset(nested, SubsetOptions{Family: "X", FlattenComposites: true})
	if err != nil {
		t.Fatal(err)
	}
	full, got := parseGoText(t, face.Data), parseGoText(t, sub)
	subDir, _ := readTables(sub)
	own, _ := Parse("sub", sub)
	subSrc, _ := newGlyphSource(subDir, own.numGlyphs)
	for _, r := range nested {
		fg, _ := full.NominalGlyph(r)
		sg, ok := got.NominalGlyph(r)
		if !ok {
			t.Fatalf("%q lost", r)
		}
		fo, _ := full.GlyphDataOutline(fg)
		so, _ := got.GlyphDataOutline(sg)
		if !reflect.DeepEqual(fo.Segments, so.Segments) {
			t.Errorf("outline of %q changed by flattening", r)
		}
		cs, _ := readComponents(subSrc.raw(uint32(sg)))
		for _, c := range cs {
			if isComposite(subSrc.raw(uint32(c.glyph))) {
				t.Errorf("%q still nests a composite", r)
			}
		}
	}
}

// TestSubsetKerning checks that a subset made with Kerning kerns the pairs
// the full font kerns, read back by go-text's shaper from the kern table.
func TestSubsetKerning(t *testing.T) {
	face, err := NewSet().Face(LatinRegular)
	if err != nil {
		t.Fatal(err)
	}
	pairs := [][2]rune{{'A', 'V'}, {'T', 'o'}, {'y', '.'}, {'a', 'b'}}
	sub, err := face.Subset([]rune("AVTo y.ab"), SubsetOptions{Family: "X", KernPairs: pairs})
	if err != nil {
		t.Fatal(err)
	}
	own, err := Parse("sub", sub)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"AV", "To", "y.", "ab"} {
		rs := []rune(p)
		if got, want := own.NewKerner().Kern(rs[0], rs[1]), face.NewKerner().Kern(rs[0], rs[1]); got != want {
			t.Errorf("kerning of %q in the subset = %d, want %d", p, got, want)
		}
	}
	plain, _ := face.Subset([]rune("AV"), SubsetOptions{Family: "X"})
	if p, _ := Parse("plain", plain); p.NewKerner().Kern('A', 'V') != 0 {
		t.Error("a subset without KernPairs kerns")
	}
	if own.NewKerner().Kern('V', 'A') != 0 && face.NewKerner().Kern('V', 'A') != 0 {
		t.Error("a pair that was not asked for is kerned")
	}
}
