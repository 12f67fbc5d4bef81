package layout

import (
	"sort"

	"diglot/article"
	"diglot/fonts"
	"diglot/internal/script"
)

// faceChain picks, for each character, the first face that covers it: the
// column's own face, then the other language's, then the symbol face. It
// records the characters no face covers; the PDF draws them as a .notdef
// box (nothing for an invisible character) that extracts as the character.
type faceChain struct {
	set *fonts.Set
	// traditional says the document's Chinese is Traditional (zh-Hant),
	// set in the Traditional faces first
	traditional bool
	faces       [fonts.NumRoles]*fonts.Face   // parsed on first use (see face)
	kerners     [fonts.NumRoles]*fonts.Kerner // this chain's own, made on first use
	missing     map[rune]bool
}

// newFaceChain returns the chain of a document's faces. The faces it sets
// its text in are parsed at once, so that a bad font is an error here; the
// other Chinese face, a fallback, only when a character needs it.
func newFaceChain(set *fonts.Set, traditional bool) (*faceChain, error) {
	c := &faceChain{set: set, traditional: traditional, missing: map[rune]bool{}}
	zh, zhBold := fonts.CJKRegular, fonts.CJKBold
	if traditional {
		zh, zhBold = fonts.CJKTradRegular, fonts.CJKTradBold
	}
	for _, r := range []fonts.Role{zh, zhBold, fonts.LatinRegular, fonts.LatinItalic, fonts.LatinBold, fonts.Symbols, fonts.Mono} {
		f, err := set.Face(r)
		if err != nil {
			return nil, err
		}
		c.faces[r] = f
	}
	return c, nil
}

// face returns a role's face, parsing it on first use; nil when it cannot
// be read (a fallback face then covers nothing).
func (c *faceChain) face(r fonts.Role) *fonts.Face {
	if c.faces[r] == nil {
		f, err := c.set.Face(r)
		if err != nil {
			return nil
		}
		c.faces[r] = f
	}
	return c.faces[r]
}

// order returns the roles to try for a language and style
// (fonts.Fallback): strong text in the bold faces, English emphasis in the
// italic (Chinese emphasis, which has no italic, in the regular face with
// emphasis dots), code in the monospace face.
func (c *faceChain) order(style article.Style, lang langKind) [4]fonts.Role {
	kind := fonts.Regular
	switch {
	case style&article.Code != 0:
		kind = fonts.Monospace
	case style&article.Strong != 0:
		kind = fonts.Bold
	case style&article.Emphasis != 0:
		kind = fonts.Italic
	}
	return fonts.Fallback(kind, lang == langZH, c.traditional)
}

// pick returns the face for r and its advance in thousandths of an em;
// inWord says r is an apostrophe inside a Latin word, set in the Latin
// face in Chinese lines too.
func (c *faceChain) pick(r rune, style article.Style, lang langKind, inWord bool) (fonts.Role, int) {
	roles := c.order(style, lang)
	if lang == langZH && script.InLatinFace(r, inWord) && style&article.Code == 0 {
		roles[0], roles[1] = roles[1], roles[0] // Latin text in Chinese lines uses the Latin face
	}
	for _, role := range roles {
		f := c.face(role)
		if f == nil {
			continue
		}
		if adv, ok := f.RuneAdvance(r); ok {
			return role, adv * 1000 / f.UnitsPerEm
		}
	}
	c.missing[r] = true
	if fonts.DefaultIgnorable(r) {
		return roles[0], 0 // invisible: takes no room
	}
	f := c.face(roles[0])
	adv, _ := f.RuneAdvance(0xFFFD)
	return roles[0], adv * 1000 / f.UnitsPerEm
}

// kerner returns the chain's kerner for a role's face.
func (c *faceChain) kerner(role fonts.Role) *fonts.Kerner {
	if c.kerners[role] == nil {
		c.kerners[role] = c.face(role).NewKerner()
	}
	return c.kerners[role]
}

// fork returns a chain with the same faces and its own kerners and record
// of missing characters, for use by another goroutine.
func (c *faceChain) fork() *faceChain {
	return &faceChain{set: c.set, traditional: c.traditional, faces: c.faces, missing: map[rune]bool{}}
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
