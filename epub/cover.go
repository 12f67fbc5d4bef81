package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/script"
)

// The cover is a plain typographic page, 600 × 900 pixels, in greys: the
// two titles (the first language's first) and the byline, centred between
// rules.
const (
	coverW, coverH = 600, 900
	coverMargin    = 60
)

var (
	coverPaper = color.Gray{Y: 246}
	coverInk   = color.Gray{Y: 28}
	coverGrey  = color.Gray{Y: 110}
)

// coverText is one block of the cover: text set in a size, with the faces
// to try for each character, in order.
type coverText struct {
	text    string
	size    float64
	roles   []fonts.Role
	ink     color.Gray
	leading float64
}

// coverImage draws the cover as a greyscale PNG, or returns nil when it
// cannot (a user's font the rasterizer refuses): the cover is an extra,
// never a reason for a build to fail. The faces are subset to the cover's
// characters first, so drawing costs well under a millisecond of font
// parsing.
func (b *book) coverImage(set *fonts.Set) (out []byte) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	data, err := b.drawCover(set)
	if err != nil {
		return nil
	}
	return data
}

func (b *book) drawCover(set *fonts.Set) ([]byte, error) {
	m := b.doc.Meta
	var blocks []coverText
	zhTitle, enTitle := m.Title, m.TitleEN
	if zhTitle != "" && !hasHan(zhTitle) && enTitle == "" {
		zhTitle, enTitle = "", zhTitle
	}
	if zhTitle == "" && enTitle == "" {
		enTitle = strings.TrimSuffix(b.doc.Name, ".txt")
	}
	zh, zhBold := fonts.CJKRegular, fonts.CJKBold
	if b.traditional() {
		zh, zhBold = fonts.CJKTradRegular, fonts.CJKTradBold
	}
	// the first language's title first and larger (--left en: English)
	titles := [2]coverText{{text: zhTitle, roles: []fonts.Role{zhBold, fonts.LatinBold, fonts.Symbols}}, {roles: []fonts.Role{fonts.LatinBold, zhBold, fonts.Symbols}}}
	if enTitle != zhTitle {
		titles[1].text = enTitle
	}
	if b.opt.Left == article.English {
		titles[0], titles[1] = titles[1], titles[0]
	}
	for k, size := range [2]struct{ size, leading float64 }{{46, 66}, {30, 42}} {
		if t := titles[k]; t.text != "" {
			t.size, t.leading, t.ink = size.size, size.leading, coverInk
			blocks = append(blocks, t)
		}
	}
	var byline []string
	for _, s := range []string{m.Author, m.ShownDate()} {
		if s != "" {
			byline = append(byline, s)
		}
	}
	bylineBlock := coverText{strings.Join(byline, " · "), 20, []fonts.Role{fonts.LatinRegular, zh, fonts.Symbols}, coverGrey, 28}

	faces, err := coverFaces(set, append(blocks, bylineBlock))
	if err != nil {
		return nil, err
	}
	img := image.NewGray(image.Rect(0, 0, coverW, coverH))
	for i := range img.Pix {
		img.Pix[i] = coverPaper.Y
	}
	rule := func(y int) {
		draw.Draw(img, image.Rect(coverMargin, y, coverW-coverMargin, y+2), image.NewUniform(coverGrey), image.Point{}, draw.Src)
	}
	rule(150)
	rule(coverH - 150)

	y := 300.0
	for i, bl := range blocks {
		if i > 0 {
			y += 30
		}
		for _, line := range wrapCover(bl, faces, coverW-2*coverMargin) {
			drawCentred(img, line, bl, faces, y)
			y += bl.leading
		}
	}
	if bylineBlock.text != "" {
		drawCentred(img, bylineBlock.text, bylineBlock, faces, coverH-110)
	}
	// written as a palette of the 256 greys, the same pixels: a paletted
	// PNG is not filtered row by row, which halves the encoding of a flat
	// page for fewer bytes
	greys := make(color.Palette, 256)
	for i := range greys {
		greys[i] = color.Gray{Y: uint8(i)}
	}
	paletted := &image.Paletted{Pix: img.Pix, Stride: img.Stride, Rect: img.Rect, Palette: greys}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed} // a flat page: little to gain from more
	if err := enc.Encode(&buf, paletted); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// coverFace is one face ready to draw: our metrics (for coverage), a
// rasterizer for its subset and its drawing faces by size, made once.
type coverFace struct {
	face  *fonts.Face
	font  *opentype.Font
	sizes map[float64]font.Face
}

// coverFaces subsets and parses the faces the cover's blocks may use.
func coverFaces(set *fonts.Set, blocks []coverText) (map[fonts.Role]*coverFace, error) {
	runes := map[fonts.Role][]rune{}
	for _, bl := range blocks {
		for _, r := range bl.text {
			for _, role := range bl.roles {
				f, err := set.Face(role)
				if err != nil {
					return nil, err
				}
				if f.Has(r) {
					runes[role] = append(runes[role], r)
					break
				}
			}
		}
	}
	out := map[fonts.Role]*coverFace{}
	for role, rs := range runes {
		f, _ := set.Face(role)
		data, err := f.Subset(rs, fonts.SubsetOptions{Family: "Diglot Cover"})
		if err != nil {
			return nil, err
		}
		parsed, err := opentype.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("cover: %s: %w", f.Name, err)
		}
		out[role] = &coverFace{face: f, font: parsed, sizes: map[float64]font.Face{}}
	}
	return out, nil
}

// pick returns the face that draws r, or nil when none has it.
func pick(r rune, bl coverText, faces map[fonts.Role]*coverFace) *coverFace {
	for _, role := range bl.roles {
		if cf := faces[role]; cf != nil && cf.face.Has(r) {
			return cf
		}
	}
	return nil
}

// sized returns the drawing face of cf at size pixels (nil if the
// rasterizer refuses it).
func sized(cf *coverFace, size float64) font.Face {
	f, ok := cf.sizes[size]
	if !ok {
		var err error
		if f, err = opentype.NewFace(cf.font, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone}); err != nil {
			f = nil
		}
		cf.sizes[size] = f
	}
	return f
}

// advance measures s in pixels, character by character in its face.
func advance(s string, bl coverText, faces map[fonts.Role]*coverFace) fixed.Int26_6 {
	var w fixed.Int26_6
	for _, r := range s {
		if cf := pick(r, bl, faces); cf != nil {
			if f := sized(cf, bl.size); f != nil {
				a, _ := f.GlyphAdvance(r)
				w += a
			}
		}
	}
	return w
}

// wrapCover breaks a block into lines no wider than width: between words,
// and between Chinese characters except before a closing mark.
func wrapCover(bl coverText, faces map[fonts.Role]*coverFace, width int) []string {
	var units []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			units = append(units, word.String())
			word.Reset()
		}
	}
	for _, r := range bl.text {
		switch {
		case script.IsFullWidth(r):
			flush()
			if n := len(units); n > 0 && script.NoLineStart(r) {
				units[n-1] += string(r) // a closing mark stays with what it closes
				continue
			}
			units = append(units, string(r))
		case r == ' ':
			word.WriteRune(r)
			flush()
		default:
			word.WriteRune(r)
		}
	}
	flush()
	var lines []string
	cur := ""
	for _, u := range units {
		if cur != "" && advance(strings.TrimRight(cur+u, " "), bl, faces) > fixed.I(width) {
			lines = append(lines, strings.TrimRight(cur, " "))
			cur = ""
		}
		cur += u
	}
	if cur = strings.TrimRight(cur, " "); cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// drawCentred draws one line centred on the page with its baseline at y.
func drawCentred(img draw.Image, line string, bl coverText, faces map[fonts.Role]*coverFace, y float64) {
	x := (fixed.I(coverW) - advance(line, bl, faces)) / 2
	dot := fixed.Point26_6{X: x, Y: fixed.Int26_6(y * 64)}
	for _, r := range line {
		cf := pick(r, bl, faces)
		if cf == nil {
			continue
		}
		f := sized(cf, bl.size)
		if f == nil {
			continue
		}
		d := font.Drawer{Dst: img, Src: image.NewUniform(bl.ink), Face: f, Dot: dot}
		d.DrawString(string(r))
		dot = d.Dot
	}
}
