package layout

import (
	"sort"

	"diglot/article"
	"diglot/fonts"
)

// faceChain picks, for each character, the first face that covers it: the
// column's own face, then the other language's, then the symbol face. It
// records the characters no face covers; the PDF draws them as a .notdef
// box (nothing for an invisible character) that extracts as the character.
type faceChain struct {
	faces   [7]*fonts.Face
	kerners [7]*fonts.Kerner // this chain's own, made on first use
	missing map[rune]bool
}

func newFaceChain(set *fonts.Set) (*faceChain, error) {
	c := &faceChain{missing: map[rune]bool{}}
	for _, r := range []fonts.Role{fonts.CJKRegular, fonts.CJKBold, fonts.LatinRegular, fonts.LatinItalic, fonts.LatinBold, fonts.Symbols, fonts.Mono} {
		f, err := set.Face(r)
		if err != nil {
			return nil, err
		}
		c.faces[r] = f
	}
	return c, nil
}

// order returns the roles to try for a language and style
// (fonts.Fallback): strong text in the bold faces, English emphasis in the
// italic (Chinese emphasis, which has no italic, in the regular face with
// emphasis dots), code in the monospace face.
func order(style article.Style, lang langKind) [3]fonts.Role {
	kind := fonts.Regular
	switch {
	case style&article.Code != 0:
		kind = fonts.Monospace
	case style&article.Strong != 0:
		kind = fonts.Bold
	case style&article.Emphasis != 0:
		kind = fonts.Italic
	}
	return fonts.Fallback(kind, lang == langZH)
}

// pick returns the face for r and its advance in thousandths of an em.
func (c *faceChain) pick(r rune, style article.Style, lang langKind) (fonts.Role, int) {
	roles := order(style, lang)
	if lang == langZH && r < 0x2000 && r != 0xA0 && style&article.Code == 0 {
		roles[0], roles[1] = roles[1], roles[0] // Latin text in Chinese lines uses the Latin face
	}
	for _, role := range roles {
		f := c.faces[role]
		if adv, ok := f.RuneAdvance(r); ok {
			return role, adv * 1000 / f.UnitsPerEm
		}
	}
	c.missing[r] = true
	if fonts.DefaultIgnorable(r) {
		return roles[0], 0 // invisible: takes no room
	}
	f := c.faces[roles[0]]
	adv, _ := f.RuneAdvance(0xFFFD)
	return roles[0], adv * 1000 / f.UnitsPerEm
}

// kerner returns the chain's kerner for a role's face.
func (c *faceChain) kerner(role fonts.Role) *fonts.Kerner {
	if c.kerners[role] == nil {
		c.kerners[role] = c.faces[role].NewKerner()
	}
	return c.kerners[role]
}

// fork returns a chain with the same faces and its own kerners and record
// of missing characters, for use by another goroutine.
func (c *faceChain) fork() *faceChain {
	return &faceChain{faces: c.faces, missing: map[rune]bool{}}
}

// join adds the missing characters another chain recorded.
func (c *faceChain) join(other *faceChain) {
	for r := range other.missing {
		c.missing[r] = true
	}
}

// Missing returns the characters no face covers, in order.
func (c *faceChain) Missing() []rune {
	out := make([]rune, 0, len(c.missing))
	for r := range c.missing {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
