package epub

import (
	"fmt"
	"slices"
	"unicode"

	"diglot/article"
	"diglot/fonts"
)

// A style is one of the four ways text is set: language by weight.
type style struct {
	lang article.Lang
	bold bool
}

// chain returns the faces a reading system tries, in order, for text of a
// style: the stylesheet's font-family list for it.
func (s style) chain() []fonts.Role {
	switch {
	case s.lang == article.Chinese && s.bold:
		return []fonts.Role{fonts.CJKBold, fonts.LatinBold, fonts.Symbols}
	case s.lang == article.Chinese:
		return []fonts.Role{fonts.CJKRegular, fonts.LatinRegular, fonts.Symbols}
	case s.bold:
		return []fonts.Role{fonts.LatinBold, fonts.CJKBold, fonts.Symbols}
	}
	return []fonts.Role{fonts.LatinRegular, fonts.CJKRegular, fonts.Symbols}
}

// runeUses records the characters set in each style.
type runeUses map[style]map[rune]bool

func newRuneUses() runeUses { return runeUses{} }

func (u runeUses) add(s string, l article.Lang, bold bool) {
	st := style{l, bold}
	set := u[st]
	if set == nil {
		set = map[rune]bool{}
		u[st] = set
	}
	for _, r := range s {
		if !unicode.IsSpace(r) {
			set[r] = true
		}
	}
}

// styles returns the recorded styles in a fixed order.
func (u runeUses) styles() []style {
	var out []style
	for _, l := range []article.Lang{article.Chinese, article.English} {
		for _, bold := range []bool{false, true} {
			if u[style{l, bold}] != nil {
				out = append(out, style{l, bold})
			}
		}
	}
	return out
}

// perFace assigns every recorded character to the first face of its style's
// chain that has it, as a reading system's font fallback does. Characters
// no face has are returned apart.
func (u runeUses) perFace(set *fonts.Set) (map[fonts.Role][]rune, []rune, error) {
	byRole := map[fonts.Role]map[rune]bool{}
	missing := map[rune]bool{}
	for _, st := range u.styles() {
		for r := range u[st] {
			found := false
			for _, role := range st.chain() {
				face, err := set.Face(role)
				if err != nil {
					return nil, nil, err
				}
				if face.Has(r) {
					if byRole[role] == nil {
						byRole[role] = map[rune]bool{}
					}
					byRole[role][r] = true
					found = true
					break
				}
			}
			if !found {
				missing[r] = true
			}
		}
	}
	out := map[fonts.Role][]rune{}
	for role, rs := range byRole {
		out[role] = sortedRunes(rs)
	}
	return out, sortedRunes(missing), nil
}

func sortedRunes(set map[rune]bool) []rune {
	out := make([]rune, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// fontFile is a subset font in the container.
type fontFile struct {
	role   fonts.Role
	family string
	bold   bool
	path   string // relative to the package document
	data   []byte
}

// faceFiles describes how each face is embedded: CSS family, weight, file.
// The Latin faces carry their kerning into the subset as a kern table.
var faceFiles = []struct {
	role    fonts.Role
	family  string
	bold    bool
	file    string
	kerning bool
}{
	{fonts.CJKRegular, "Diglot Serif SC", false, "fonts/serif-sc.ttf", false},
	{fonts.CJKBold, "Diglot Serif SC", true, "fonts/serif-sc-bold.ttf", false},
	{fonts.LatinRegular, "Diglot Serif", false, "fonts/serif.ttf", true},
	{fonts.LatinBold, "Diglot Serif", true, "fonts/serif-bold.ttf", true},
	{fonts.Symbols, "Diglot Symbols", false, "fonts/symbols.ttf", false},
}

// subsetFonts subsets every face the book's text uses to the characters it
// sets in that face (see runeUses.perFace).
func subsetFonts(set *fonts.Set, byRole map[fonts.Role][]rune) ([]fontFile, error) {
	var out []fontFile
	for _, ff := range faceFiles {
		rs := byRole[ff.role]
		if len(rs) == 0 {
			continue
		}
		face, err := set.Face(ff.role)
		if err != nil {
			return nil, err
		}
		data, err := face.Subset(rs, fonts.SubsetOptions{Family: ff.family, Kerning: ff.kerning})
		if err != nil {
			return nil, fmt.Errorf("subsetting %s: %w", face.Name, err)
		}
		out = append(out, fontFile{role: ff.role, family: ff.family, bold: ff.bold, path: ff.file, data: data})
	}
	return out, nil
}
