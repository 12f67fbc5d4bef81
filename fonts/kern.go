package fonts

import (
	"bytes"
	"sync"

	"github.com/go-text/typesetting/di"
	gotext "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// kerner finds the kerning of a pair of characters the way a shaper does,
// with the font's GPOS (or kern) tables, through go-text's HarfBuzz port:
// it shapes the pair without ligatures and compares the first glyph's
// advance with its nominal one. Pairs are shaped on first use and
// remembered; shaping a pair takes about a microsecond.
type kerner struct {
	once   sync.Once
	face   *gotext.Face // nil when the font cannot be shaped
	mu     sync.Mutex   // the shaper keeps buffers between calls
	shaper shaping.HarfbuzzShaper
	pairs  sync.Map // [2]rune -> int16
}

// noLigatures keeps the pair as two glyphs, as the PDF draws it.
var noLigatures = []shaping.FontFeature{
	{Tag: ot.MustNewTag("liga"), Value: 0},
	{Tag: ot.MustNewTag("clig"), Value: 0},
	{Tag: ot.MustNewTag("calt"), Value: 0},
}

// Kern returns the adjustment, in font units, of the space between a and b
// when b follows a: negative brings them closer ("AV", "To", "y."). It is 0
// when either character is missing or the font has no kerning.
func (f *Face) Kern(a, b rune) int {
	k := &f.kern
	key := [2]rune{a, b}
	if v, ok := k.pairs.Load(key); ok {
		return int(v.(int16))
	}
	k.once.Do(func() { k.face = parseForShaping(f.Data) })
	v := int16(0)
	if k.face != nil {
		v = k.shapePair(a, b, f.UnitsPerEm)
	}
	k.pairs.Store(key, v)
	return int(v)
}

func parseForShaping(data []byte) (face *gotext.Face) {
	defer func() {
		if recover() != nil { // go-text panics on some malformed fonts
			face = nil
		}
	}()
	face, err := gotext.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	return face
}

func (k *kerner) shapePair(a, b rune, upem int) (kern int16) {
	defer func() {
		if recover() != nil {
			kern = 0
		}
	}()
	ga, okA := k.face.NominalGlyph(a)
	_, okB := k.face.NominalGlyph(b)
	if !okA || !okB {
		return 0
	}
	k.mu.Lock()
	out := k.shaper.Shape(shaping.Input{
		Text: []rune{a, b}, RunStart: 0, RunEnd: 2,
		Direction: di.DirectionLTR, Face: k.face, FontFeatures: noLigatures,
		Size: fixed.I(upem), Script: language.Latin, Language: language.NewLanguage("en"),
	})
	k.mu.Unlock()
	if len(out.Glyphs) != 2 || out.Glyphs[0].GlyphID != ga {
		return 0
	}
	// where the second glyph lands, against where its nominal advance puts
	// it: shapers may split a kern between the two glyphs' advances and
	// offsets (HarfBuzz does for 'kern' tables)
	shift := out.Glyphs[0].XAdvance + out.Glyphs[1].XOffset
	return int16(shift.Round() - int(k.face.HorizontalAdvance(ga)))
}
