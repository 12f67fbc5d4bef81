package fonts

import (
	"bytes"
	"encoding/binary"
	"io"
	"slices"
	"sync"

	"github.com/go-text/typesetting/di"
	gotext "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// shapingFont is a face's font as go-text reads it, parsed once on first
// use. go-text's Font is read-only and may be shared; its Face (caches,
// shaper buffers) may not, so every user makes its own Kerner.
type shapingFont struct {
	once sync.Once
	font *gotext.Font // nil when go-text cannot read the font
	// kerns holds the pairs any of the face's Kerners has shaped
	// ([2]rune: int16), so that the goroutines of a build, and its
	// stages, shape each pair once between them.
	kerns sync.Map
}

func (s *shapingFont) get(data []byte) *gotext.Font {
	s.once.Do(func() { s.font = parseForShaping(data) })
	return s.font
}

func parseForShaping(data []byte) (font *gotext.Font) {
	defer func() {
		if recover() != nil { // go-text panics on some malformed fonts
			font = nil
		}
	}()
	ld, err := ot.NewLoader(withoutOutlines(data))
	if err != nil {
		return nil
	}
	font, err = gotext.NewFont(ld)
	if err != nil {
		return nil
	}
	return font
}

// withoutOutlines reads the font as if it had no glyf and loca tables, for
// go-text: shaping reads the layout tables and the metrics, never the
// outlines, but go-text's parser decodes every glyph's points when the
// outlines are there (1.5 ms for each Latin face, most of a short
// article's kerning cost). Their records in the table directory are
// renamed to tags no reader knows; nothing is copied but the directory.
func withoutOutlines(data []byte) ot.Resource {
	whole := bytes.NewReader(data)
	if len(data) < 12 {
		return whole
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return whole
	}
	dir := slices.Clone(data[:12+16*n])
	for i := range n {
		switch tag := dir[12+16*i:][:4]; string(tag) {
		case "glyf", "loca":
			copy(tag, "zzz"+string(tag[:1])) // "zzzg", "zzzl": tags no reader knows (go-text finds tables by tag, not by the directory's order)
		}
	}
	return io.NewSectionReader(directoryOver{dir, data}, 0, int64(len(data)))
}

// directoryOver reads data with its first bytes replaced by dir.
type directoryOver struct{ dir, data []byte }

func (d directoryOver) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(d.data)) {
		return 0, io.EOF
	}
	n := 0
	if off < int64(len(d.dir)) {
		n = copy(p, d.dir[off:])
	}
	n += copy(p[n:], d.data[off+int64(n):])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// Kerner finds the kerning of a pair of characters the way a shaper does,
// with the font's GPOS (or kern) tables, through go-text's HarfBuzz port:
// it shapes the pair without ligatures and compares where the second glyph
// lands with its nominal place. Pairs are shaped on first use (about a
// microsecond) and remembered, by the Kerner and for every Kerner of the
// face. A Kerner is not safe for concurrent use: each goroutine makes its
// own with Face.NewKerner.
type Kerner struct {
	face   *gotext.Face // nil when the font cannot be shaped
	upem   int
	shaper shaping.HarfbuzzShaper
	pairs  map[[2]rune]int16 // this Kerner's, read without locking
	shared *sync.Map         // the face's: shapingFont.kerns
}

// PrepareShaping reads the face's tables for shaping now, as the first
// Kerner would (once; safe for concurrent use).
func (f *Face) PrepareShaping() { f.shaping.get(f.Data) }

// NewKerner returns a Kerner of its own for the face.
func (f *Face) NewKerner() *Kerner {
	k := &Kerner{upem: f.UnitsPerEm, pairs: map[[2]rune]int16{}, shared: &f.shaping.kerns}
	if font := f.shaping.get(f.Data); font != nil {
		k.face = gotext.NewFace(font)
	}
	return k
}

// noLigatures keeps the pair as two glyphs, as the PDF draws it.
var noLigatures = []shaping.FontFeature{
	{Tag: ot.MustNewTag("liga"), Value: 0},
	{Tag: ot.MustNewTag("clig"), Value: 0},
	{Tag: ot.MustNewTag("calt"), Value: 0},
}

// Kern returns the adjustment, in font units, of the space between a and b
// when b follows a: negative brings them closer ("AV", "To", "y."). It is 0
// when either character is missing or the font has no kerning. Once the
// shaper has failed on the font (go-text panics on some malformed tables),
// every pair is 0.
func (k *Kerner) Kern(a, b rune) int {
	key := [2]rune{a, b}
	if v, ok := k.pairs[key]; ok {
		return int(v)
	}
	if v, ok := k.shared.Load(key); ok {
		k.pairs[key] = v.(int16)
		return int(v.(int16))
	}
	v := int16(0)
	if k.face != nil {
		v = k.shapePair(a, b)
		if k.face != nil { // a pair the shaper failed on is this Kerner's 0
			k.shared.Store(key, v)
		}
	}
	k.pairs[key] = v
	return int(v)
}

func (k *Kerner) shapePair(a, b rune) (kern int16) {
	defer func() {
		if recover() != nil {
			kern = 0
			k.face = nil // its state is unknown after a panic: shape no more
		}
	}()
	ga, okA := k.face.NominalGlyph(a)
	_, okB := k.face.NominalGlyph(b)
	if !okA || !okB {
		return 0
	}
	out := k.shaper.Shape(shaping.Input{
		Text: []rune{a, b}, RunStart: 0, RunEnd: 2,
		Direction: di.DirectionLTR, Face: k.face, FontFeatures: noLigatures,
		Size: fixed.I(k.upem), Script: language.Latin, Language: language.NewLanguage("en"),
	})
	if len(out.Glyphs) != 2 || out.Glyphs[0].GlyphID != ga {
		return 0
	}
	// where the second glyph lands, against where its nominal advance puts
	// it: shapers may split a kern between the two glyphs' advances and
	// offsets (HarfBuzz does for 'kern' tables)
	shift := out.Glyphs[0].XAdvance + out.Glyphs[1].XOffset
	return int16(shift.Round() - int(k.face.HorizontalAdvance(ga)))
}

// standardLigatures are the ligatures a shaper applies by default.
var standardLigatures = []shaping.FontFeature{{Tag: ot.MustNewTag("liga"), Value: 1}}

// Ligature returns the glyph that the font's standard ligatures ('liga')
// set for the characters of text together ("fi", "ffl"), and false when
// the font has none (the shaper gives more than one glyph) or cannot be
// shaped.
func (k *Kerner) Ligature(text string) (glyph uint32, ok bool) {
	if k.face == nil || text == "" {
		return 0, false
	}
	defer func() {
		if recover() != nil {
			glyph, ok = 0, false
			k.face = nil
		}
	}()
	rs := []rune(text)
	out := k.shaper.Shape(shaping.Input{
		Text: rs, RunStart: 0, RunEnd: len(rs),
		Direction: di.DirectionLTR, Face: k.face, FontFeatures: standardLigatures,
		Size: fixed.I(k.upem), Script: language.Latin, Language: language.NewLanguage("en"),
	})
	if len(rs) < 2 || len(out.Glyphs) != 1 || out.Glyphs[0].GlyphID == 0 {
		return 0, false
	}
	return uint32(out.Glyphs[0].GlyphID), true
}
