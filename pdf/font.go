package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"diglot/fonts"
)

// font is one face as the PDF uses it: a Type 0 font over a CIDFontType2
// subset whose CIDs are its glyph ids (CIDToGIDMap /Identity). CIDs are
// given out as the pages show text, one for each distinct text a glyph
// stands for (a character, or the characters of a ligature), so that the
// ToUnicode CMap maps every glyph to exactly its text.
type font struct {
	face     *fonts.Face
	resource string // the font's name in the pages' resources
	num      int    // the Type 0 font's object number
	runes    map[rune]uint16
	ligs     map[string]uint16
	requests []fonts.GlyphRequest // CID i+1's glyph
	texts    []string             // CID i+1's text
	// ligatures are the 'liga' glyphs of the face for fi, fl, ff, ffi, ffl
	// (Latin faces only), longest first
	ligatures []ligature
	space     uint16 // the CID of U+0020, 0 until used or when the face lacks it
}

type ligature struct {
	text  string
	glyph uint32
}

// standardLigatures are the ligatures set in English text, longest first
// so that "ffi" wins over "ff".
var standardLigatures = []string{"ffi", "ffl", "ff", "fi", "fl"}

func newFont(face *fonts.Face, resource string, num int, ligatures bool) *font {
	f := &font{face: face, resource: resource, num: num, runes: map[rune]uint16{}, ligs: map[string]uint16{}}
	if ligatures {
		shaper := face.NewKerner()
		for _, text := range standardLigatures {
			if g, ok := shaper.Ligature(text); ok {
				f.ligatures = append(f.ligatures, ligature{text, g})
			}
		}
	}
	return f
}

// glyph is a glyph shown: its CID and advance in font units.
type glyph struct {
	cid     uint16
	advance int
}

// errTooManyGlyphs is returned when a face would need more CIDs than a
// two-byte encoding holds.
var errTooManyGlyphs = fmt.Errorf("pdf: a face needs more than 65,535 glyphs")

// glyphs appends the glyphs that show text to dst: one per character,
// or, when ligatures are asked for, one for the characters of a standard
// ligature.
func (f *font) glyphs(dst []glyph, text string, ligatures bool) ([]glyph, error) {
	for i := 0; i < len(text); {
		if ligatures && text[i] == 'f' && len(f.ligatures) > 0 {
			if lig, ok := f.ligatureAt(text[i:]); ok {
				cid, err := f.ligatureCID(lig)
				if err != nil {
					return dst, err
				}
				dst = append(dst, glyph{cid, f.face.Advance(lig.glyph)})
				i += len(lig.text)
				continue
			}
		}
		r, n := decodeRune(text[i:])
		i += n
		cid, err := f.runeCID(r)
		if err != nil {
			return dst, err
		}
		dst = append(dst, glyph{cid, f.advance(cid)})
	}
	return dst, nil
}

func (f *font) ligatureAt(text string) (ligature, bool) {
	for _, l := range f.ligatures {
		if strings.HasPrefix(text, l.text) {
			return l, true
		}
	}
	return ligature{}, false
}

func (f *font) ligatureCID(l ligature) (uint16, error) {
	if cid, ok := f.ligs[l.text]; ok {
		return cid, nil
	}
	cid, err := f.add(fonts.GlyphRequest{Glyph: l.glyph}, l.text)
	f.ligs[l.text] = cid
	return cid, err
}

// runeCID returns the CID of r, a stand-in glyph when the face lacks it.
func (f *font) runeCID(r rune) (uint16, error) {
	if cid, ok := f.runes[r]; ok {
		return cid, nil
	}
	g, ok := f.face.Glyph(r)
	req := fonts.GlyphRequest{Glyph: g, Rune: r, StandIn: !ok}
	cid, err := f.add(req, string(r))
	f.runes[r] = cid
	return cid, err
}

// spaceCID returns the CID of the space, and false when the face has none.
func (f *font) spaceCID() (uint16, bool) {
	if !f.face.Has(' ') {
		return 0, false
	}
	cid, err := f.runeCID(' ')
	return cid, err == nil
}

func (f *font) add(req fonts.GlyphRequest, text string) (uint16, error) {
	if len(f.requests) >= 0xFFFE {
		return 0, errTooManyGlyphs
	}
	f.requests = append(f.requests, req)
	f.texts = append(f.texts, text)
	return uint16(len(f.requests)), nil
}

// advance is the advance of a CID's glyph in font units.
func (f *font) advance(cid uint16) int {
	req := f.requests[cid-1]
	switch {
	case req.StandIn && fonts.DefaultIgnorable(req.Rune):
		return 0
	case req.StandIn:
		return f.face.Advance(0)
	}
	return f.face.Advance(req.Glyph)
}

func decodeRune(s string) (rune, int) {
	for i, r := range s {
		if i == 0 {
			return r, len(string(r))
		}
	}
	return 0xFFFD, 1
}

// fontProgram is a font's subset, deflated at the fastest level: that
// takes a fifth off a short article's PDF for 6 % more bytes.
type fontProgram struct {
	length int    // of the subset
	packed []byte // the subset deflated
	err    error
}

// program makes the font's subset program, deflated with z (at the
// fastest level). It reads only the face and the font's requests, so the
// fonts of a document make theirs at once, each with a writer of its own.
func (f *font) program(z *zlib.Writer) fontProgram {
	subset, err := f.face.SubsetGlyphs(f.requests, fonts.SubsetOptions{Family: f.face.Name})
	if err != nil {
		return fontProgram{err: fmt.Errorf("pdf: %w", err)}
	}
	var packed bytes.Buffer
	z.Reset(&packed)
	z.Write(subset)
	z.Close()
	return fontProgram{length: len(subset), packed: packed.Bytes()}
}

// write writes the font's objects: the Type 0 font, its CIDFont, the
// descriptor, the subset program and the ToUnicode CMap.
func (f *font) write(o *objects, program fontProgram) error {
	if program.err != nil {
		return program.err
	}
	name := f.subsetTag() + "+" + postscriptName(f.face.Name)
	cidFont, descriptor, file, toUnicode := o.reserve(), o.reserve(), o.reserve(), o.reserve()

	var b []byte
	b = append(b, "<< /Type /Font /Subtype /Type0 /BaseFont "...)
	b = appendName(b, name)
	b = append(b, " /Encoding /Identity-H /DescendantFonts ["...)
	b = appendRef(b, cidFont)
	b = append(b, "] /ToUnicode "...)
	b = appendRef(b, toUnicode)
	b = append(b, " >>"...)
	o.object(f.num, b)

	b = append(b[:0], "<< /Type /Font /Subtype /CIDFontType2 /BaseFont "...)
	b = appendName(b, name)
	b = append(b, " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "...)
	b = appendRef(b, descriptor)
	b = append(b, " /CIDToGIDMap /Identity /DW 1000 /W [0 ["...)
	b = f.appendWidth(b, f.face.Advance(0))
	for cid := 1; cid <= len(f.requests); cid++ {
		b = append(b, ' ')
		b = f.appendWidth(b, f.advance(uint16(cid)))
	}
	b = append(b, "]] >>"...)
	o.object(cidFont, b)

	face := f.face
	units := func(v int) int { return v * 1000 * 1000 / face.UnitsPerEm } // thousandths of a glyph-space unit
	flags := 4                                                            // symbolic: the glyphs are found by id
	if face.ItalicAngle != 0 {
		flags |= 64
	}
	b = append(b[:0], "<< /Type /FontDescriptor /FontName "...)
	b = appendName(b, name)
	b = append(b, " /Flags "...)
	b = strconv.AppendInt(b, int64(flags), 10)
	b = append(b, " /FontBBox ["...)
	for i, v := range face.BBox {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendMilli(b, units(v))
	}
	b = append(b, "] /ItalicAngle "...)
	b = appendMilli(b, int(face.ItalicAngle*1000))
	b = append(b, " /Ascent "...)
	b = appendMilli(b, units(face.Ascender))
	b = append(b, " /Descent "...)
	b = appendMilli(b, units(face.Descender))
	b = append(b, " /CapHeight "...)
	b = appendMilli(b, units(face.CapHeight))
	b = append(b, " /StemV "...)
	b = strconv.AppendInt(b, int64(10+face.Weight*220/900), 10) // a usual estimate from the weight class
	b = append(b, " /FontFile2 "...)
	b = appendRef(b, file)
	b = append(b, " >>"...)
	o.object(descriptor, b)

	b = append(b[:0], " /Length1 "...)
	b = strconv.AppendInt(b, int64(program.length), 10)
	o.packedStream(file, b, program.packed)
	o.stream(toUnicode, nil, f.toUnicode(), true)
	return o.err
}

// appendWidth appends an advance as the PDF states it: in thousandths of
// the font size.
func (f *font) appendWidth(b []byte, advance int) []byte {
	return appendMilli(b, advance*1000*1000/f.face.UnitsPerEm)
}

// toUnicode is the CMap from every CID to its text, characters beyond
// the BMP as surrogate pairs.
func (f *font) toUnicode() []byte {
	var b []byte
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	for start := 0; start < len(f.texts); start += 100 {
		end := min(start+100, len(f.texts))
		b = strconv.AppendInt(b, int64(end-start), 10)
		b = append(b, " beginbfchar\n"...)
		for i := start; i < end; i++ {
			cid := i + 1
			b = appendHex(b, []byte{byte(cid >> 8), byte(cid)})
			b = append(b, ' ')
			var units []byte
			for _, u := range utf16.Encode([]rune(f.texts[i])) {
				units = append(units, byte(u>>8), byte(u))
			}
			b = appendHex(b, units)
			b = append(b, '\n')
		}
		b = append(b, "endbfchar\n"...)
	}
	b = append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
	return b
}

// subsetTag derives the six capital letters that mark a subset font's name
// (PDF 32000 §9.6.4) from the face and the texts of its glyphs, so that
// the same book always gets the same tag.
func (f *font) subsetTag() string {
	h := sha1.New()
	h.Write([]byte(f.face.Name))
	for _, t := range f.texts {
		h.Write([]byte(t))
		h.Write([]byte{0})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// postscriptName keeps the characters a PostScript font name may hold.
func postscriptName(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c > ' ' && c < 0x7F && !strings.ContainsRune("[](){}<>/%", c) {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return "Font"
	}
	return b.String()
}
