package fonts

import (
	"encoding/binary"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// nestedComposites builds the glyph tables of a font whose glyph i (for i
// < levels) is a composite of eight copies of glyph i+1, and whose last
// glyph is an empty simple glyph: flattening glyph 0 naively visits 8^levels
// records.
func nestedComposites(levels int) tableDir {
	var glyf, loca []byte
	for g := 0; g <= levels; g++ {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		if g == levels {
			glyf = append(glyf, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) // one contour ending at point 0, no instructions
			glyf = append(glyf, 0, 0)                                     // and its point's flag and coordinates
			continue
		}
		glyf = append(glyf, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0)
		for c := 0; c < 8; c++ {
			flags := uint16(argsAreXY | argsAreWords)
			if c < 7 {
				flags |= moreComponents
			}
			glyf = binary.BigEndian.AppendUint16(glyf, flags)
			glyf = binary.BigEndian.AppendUint16(glyf, uint16(g+1))
			glyf = binary.BigEndian.AppendUint32(glyf, 0)
		}
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	head := make([]byte, 54)
	head[51] = 1 // long loca
	hhea := make([]byte, 36)
	hhea[35] = 1
	return tableDir{"glyf": glyf, "loca": loca, "head": head, "hhea": hhea, "hmtx": make([]byte, 4)}
}

func TestNestedCompositesBounded(t *testing.T) {
	dir := nestedComposites(10)
	src, err := newGlyphSource(dir, 11)
	if err != nil {
		t.Fatal(err)
	}
	src.flat = map[uint32][]byte{}
	if got := src.data(0); len(got) != len(src.raw(0)) {
		t.Errorf("a composite of 8^10 leaves was flattened to %d bytes", len(got))
	}
	if err := validateGlyphs(dir, 11); err == nil || !strings.Contains(err.Error(), "deep") {
		t.Errorf("validateGlyphs: %v, want a nesting error", err)
	}
	if err := validateGlyphs(nestedComposites(3), 4); err != nil {
		t.Errorf("three levels refused: %v", err)
	}
	if got := src2(t, nestedComposites(2)).data(0); len(got) != 10+8*8*8 {
		t.Errorf("two levels flatten to %d bytes, want 64 records", len(got))
	}
}

func src2(t *testing.T, dir tableDir) *glyphSource {
	s, err := newGlyphSource(dir, 3)
	if err != nil {
		t.Fatal(err)
	}
	s.flat = map[uint32][]byte{}
	return s
}

func TestCyclicComposite(t *testing.T) {
	dir := nestedComposites(2)
	binary.BigEndian.PutUint16(dir["glyf"][10+2:], 0) // glyph 0's first component is glyph 0
	if err := validateGlyphs(dir, 3); err == nil {
		t.Error("a glyph that contains itself was accepted")
	}
}

// cmap4 builds a format 4 subtable of n segments that all cover
// U+0020–U+FFFE and share one glyph array.
func overlappingCmap4(n int) []byte {
	segs := n + 1 // and the final 0xFFFF segment
	b := make([]byte, 16+8*segs+2*0xFFDF)
	binary.BigEndian.PutUint16(b[0:], 4)
	binary.BigEndian.PutUint16(b[6:], uint16(2*segs))
	for s := 0; s < segs; s++ {
		end, start := uint16(0xFFFE), uint16(0x20)
		if s == n {
			end, start = 0xFFFF, 0xFFFF
		}
		binary.BigEndian.PutUint16(b[14+2*s:], end)
		binary.BigEndian.PutUint16(b[16+2*segs+2*s:], start)
		// every segment's range offset points at the same array after the table
		binary.BigEndian.PutUint16(b[16+6*segs+2*s:], uint16(2*(segs-s)))
	}
	return b
}

func TestCmap4OverlapRefused(t *testing.T) {
	if _, err := parseCmap4(overlappingCmap4(1)); err != nil {
		t.Fatalf("one segment: %v", err)
	}
	if _, err := parseCmap4(overlappingCmap4(2000)); err == nil {
		t.Error("2,000 overlapping segments were read")
	}
}

// A text of more distinct characters than a font can number gets an
// error, not glyph ids that wrap past 65,535.
func TestSubsetGlyphLimit(t *testing.T) {
	face, err := NewSet().Face(LatinRegular)
	if err != nil {
		t.Fatal(err)
	}
	runes := make([]rune, 0, 70000)
	for r := rune(0xF0000); len(runes) < 70000; r++ { // private use, each a stand-in of its own
		runes = append(runes, r)
	}
	if _, err := face.Subset(runes, SubsetOptions{Family: "x", StandIns: true}); err == nil || !strings.Contains(err.Error(), "65,535") {
		t.Errorf("Subset of 70,000 stand-ins: %v", err)
	}
	if _, err := face.Subset(runes[:1000], SubsetOptions{Family: "x", StandIns: true}); err != nil {
		t.Errorf("Subset of 1,000 stand-ins: %v", err)
	}
}

// manyGlyphs builds the glyph tables of a font of n glyphs, each but the
// last a composite of two copies of the last, a simple glyph.
func manyGlyphs(n int) tableDir {
	var glyf, loca []byte
	for g := 0; g < n; g++ {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		if g == n-1 {
			glyf = append(glyf, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
			continue
		}
		glyf = append(glyf, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0)
		for c := 0; c < 2; c++ {
			flags := uint16(argsAreXY | argsAreWords)
			if c == 0 {
				flags |= moreComponents
			}
			glyf = binary.BigEndian.AppendUint16(glyf, flags)
			glyf = binary.BigEndian.AppendUint16(glyf, uint16(n-1))
			glyf = binary.BigEndian.AppendUint32(glyf, 0)
		}
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	head := make([]byte, 54)
	head[51] = 1
	hhea := make([]byte, 36)
	hhea[35] = 1
	return tableDir{"glyf": glyf, "loca": loca, "head": head, "hhea": hhea, "hmtx": make([]byte, 4)}
}

// disjointCmap4 builds a format 4 subtable of n one-character segments,
// each reading its glyph from the glyph array.
func disjointCmap4(n int) []byte {
	segs := n + 1
	b := make([]byte, 16+8*segs+2*n)
	binary.BigEndian.PutUint16(b[0:], 4)
	binary.BigEndian.PutUint16(b[6:], uint16(2*segs))
	for s := 0; s < segs; s++ {
		r := uint16(0x100 + s)
		if s == n {
			r = 0xFFFF
		}
		binary.BigEndian.PutUint16(b[14+2*s:], r)
		binary.BigEndian.PutUint16(b[16+2*segs+2*s:], r)
		if s < n {
			// the range offset leads from this record to entry s of the array
			binary.BigEndian.PutUint16(b[16+6*segs+2*s:], uint16(2*(segs-s)+2*s))
			binary.BigEndian.PutUint16(b[16+8*segs+2*s:], uint16(s+1))
		}
	}
	return b
}

// TestFontCostsLinear reads fonts of 1×, 10× and 100× as many glyphs and
// cmap segments: what validation and the cmap reader allocate grows with
// the size, not faster.
func TestFontCostsLinear(t *testing.T) {
	alloc := func(f func()) float64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc-before.TotalAlloc) + 1
	}
	var first [2]float64
	for i, n := range []int{300, 3000, 30000} {
		dir, cmap := manyGlyphs(n), disjointCmap4(n)
		if err := validateGlyphs(dir, n); err != nil {
			t.Fatal(err)
		}
		if groups, err := parseCmap4(cmap); err != nil || len(groups) != n {
			t.Fatalf("cmap of %d segments: %d groups, %v", n, len(groups), err)
		}
		got := [2]float64{
			alloc(func() { _ = validateGlyphs(dir, n) }),
			alloc(func() { _, _ = parseCmap4(cmap) }),
		}
		if i == 0 {
			first = got
			continue
		}
		factor := float64(n / 300)
		for k, what := range []string{"validating glyphs", "reading the cmap"} {
			if ratio := got[k] / first[k]; ratio > 2*factor {
				t.Errorf("%s: %.0f× the glyphs allocate %.0f× the memory", what, factor, ratio)
			}
		}
	}
}

// TestBadLocaEntry: a glyph whose loca entries are out of order fails the
// validation of a user's font, and a subset that needs it is an error, not
// a panic; glyphs elsewhere in the font still subset.
func TestBadLocaEntry(t *testing.T) {
	whole, err := NewSet().Face(LatinRegular)
	if err != nil {
		t.Fatal(err)
	}
	data := slices.Clone(whole.Data)
	face, err := Parse("bad-loca", data)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := readTables(data)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := face.Glyph('A')
	loca := dir["loca"] // the font's own bytes
	if long, _ := u16(dir["head"], 50); long == 1 {
		binary.BigEndian.PutUint32(loca[4*g:], binary.BigEndian.Uint32(loca[4*(g+1):])+4) // starts after it ends
	} else {
		binary.BigEndian.PutUint16(loca[2*g:], binary.BigEndian.Uint16(loca[2*(g+1):])+2)
	}
	if err := face.Validate(); err == nil || !strings.Contains(err.Error(), "out of order") {
		t.Errorf("Validate: %v", err)
	}
	if _, err := face.Subset([]rune("A"), SubsetOptions{Family: "X"}); err == nil {
		t.Error("a subset of the bad glyph made without an error")
	}
	if _, err := face.Subset([]rune("xyz"), SubsetOptions{Family: "X"}); err != nil {
		t.Errorf("a subset of other glyphs: %v", err)
	}
}
