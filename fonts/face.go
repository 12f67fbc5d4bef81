package fonts

import (
	"fmt"
)

// Face is a parsed TrueType font: its bytes and the metrics layout needs.
// A Face is immutable and safe for concurrent use; what keeps state
// (kerning through the shaper) is made per user with NewKerner.
type Face struct {
	Name       string // a short name for the face ("NotoSerifSC-Regular")
	Data       []byte // the font file
	UnitsPerEm int
	Ascender   int // hhea ascender, font units
	Descender  int // hhea descender, font units (negative)
	// What a PDF font descriptor states, in font units: the bounding box
	// of all glyphs (xMin, yMin, xMax, yMax, from head), the height of
	// capitals (OS/2; the ascender when it has none), the italic angle in
	// degrees (post) and the weight class (OS/2; 400 when absent).
	BBox        [4]int
	CapHeight   int
	ItalicAngle float64
	Weight      int
	advances    []uint16
	cmap        []cmapGroup
	numGlyphs   int
	shaping     shapingFont
}

// Parse reads a TrueType font. A malformed font is an error, never a panic.
func Parse(name string, data []byte) (face *Face, err error) {
	defer func() {
		if r := recover(); r != nil {
			face, err = nil, fmt.Errorf("font %s: malformed font (%v)", name, r)
		}
	}()
	dir, err := readTables(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	f := &Face{Name: name, Data: data}
	if err := f.readMetrics(dir); err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	if f.cmap, err = parseCmap(dir["cmap"]); err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	return f, nil
}

func (f *Face) readMetrics(dir tableDir) error {
	upem, err := u16(dir["head"], 18)
	if err != nil {
		return err
	}
	if upem < 16 {
		return fmt.Errorf("bad unitsPerEm %d", upem)
	}
	f.UnitsPerEm = int(upem)
	asc, err := i16(dir["hhea"], 4)
	if err != nil {
		return err
	}
	desc, err := i16(dir["hhea"], 6)
	if err != nil {
		return err
	}
	f.Ascender, f.Descender = int(asc), int(desc)
	for i := range f.BBox {
		v, err := i16(dir["head"], 36+2*i)
		if err != nil {
			return err
		}
		f.BBox[i] = int(v)
	}
	f.CapHeight, f.Weight = f.Ascender, 400
	if os2 := dir["OS/2"]; len(os2) >= 6 {
		w, _ := u16(os2, 4)
		f.Weight = int(w)
		if version, _ := u16(os2, 0); version >= 2 && len(os2) >= 90 {
			if ch, _ := i16(os2, 88); ch > 0 {
				f.CapHeight = int(ch)
			}
		}
	}
	if post := dir["post"]; len(post) >= 8 {
		whole, _ := i16(post, 4)
		frac, _ := u16(post, 6)
		f.ItalicAngle = float64(whole) + float64(frac)/65536
	}
	nMetrics, err := u16(dir["hhea"], 34)
	if err != nil {
		return err
	}
	nGlyphs, err := u16(dir["maxp"], 4)
	if err != nil {
		return err
	}
	f.numGlyphs = int(nGlyphs)
	hmtx := dir["hmtx"]
	if nMetrics == 0 || int(nMetrics)*4 > len(hmtx) {
		return errTruncated
	}
	f.advances = make([]uint16, nMetrics)
	for i := range f.advances {
		f.advances[i], _ = u16(hmtx, 4*i)
	}
	return nil
}

// Validate checks the glyph data of a font that did not ship with diglot
// (see validateGlyphs), so that a malformed one is reported when it is read
// rather than met by a parser later.
func (f *Face) Validate() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("font %s: malformed font (%v)", f.Name, r)
		}
	}()
	dir, err := readTables(f.Data)
	if err != nil {
		return fmt.Errorf("font %s: %w", f.Name, err)
	}
	if err := validateGlyphs(dir, f.numGlyphs); err != nil {
		return fmt.Errorf("font %s: %w", f.Name, err)
	}
	return nil
}

// Glyph returns the glyph of r, and whether the font has one.
func (f *Face) Glyph(r rune) (uint32, bool) {
	g := lookup(f.cmap, r)
	return g, g != 0 && int(g) < f.numGlyphs
}

// Has reports whether the font has a glyph for r.
func (f *Face) Has(r rune) bool {
	_, ok := f.Glyph(r)
	return ok
}

// Advance returns the advance width of glyph g in font units.
func (f *Face) Advance(g uint32) int {
	if int(g) < len(f.advances) {
		return int(f.advances[g])
	}
	return int(f.advances[len(f.advances)-1])
}

// RuneAdvance returns the advance of r in font units, or the .notdef
// advance and false when the font lacks r.
func (f *Face) RuneAdvance(r rune) (int, bool) {
	g, ok := f.Glyph(r)
	if !ok {
		return f.Advance(0), false
	}
	return f.Advance(g), true
}
