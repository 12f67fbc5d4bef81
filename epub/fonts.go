package epub

import (
	"fmt"
	"slices"
	"sync"
	"unicode"

	"diglot/article"
	"diglot/fonts"
)

// A style is one of the ways text is set: a language and a face.
type style struct {
	lang article.Lang
	face faceKind
}

// faceKind is the face a style's text asks for.
type faceKind uint8

const (
	regular faceKind = iota
	bold
	italic // English emphasis (Chinese emphasis is set off by dots, in the regular face)
	mono   // code
)

// kindOf is the face an inline's style asks for, in a language.
func kindOf(st article.Style, l article.Lang, strong bool) faceKind {
	switch {
	case st&article.Code != 0:
		return mono
	case strong || st&article.Strong != 0:
		return bold
	case st&article.Emphasis != 0 && l == article.English:
		return italic
	}
	return regular
}

// chain returns the faces a reading system tries, in order, for text of a
// style: the stylesheet's font-family list for it (fonts.Fallback, the
// order layout measures with).
func (s style) chain(traditional bool) []fonts.Role {
	kind := [...]fonts.Kind{regular: fonts.Regular, bold: fonts.Bold, italic: fonts.Italic, mono: fonts.Monospace}[s.face]
	roles := fonts.Fallback(kind, s.lang == article.Chinese, traditional)
	return roles[:]
}

// runeUses records the characters set in each style, and which pairs of
// them stand side by side (for kerning).
type runeUses struct {
	runes map[style]map[rune]bool
	pairs map[style]map[[2]rune]bool
}

func newRuneUses() runeUses {
	return runeUses{runes: map[style]map[rune]bool{}, pairs: map[style]map[[2]rune]bool{}}
}

func (u runeUses) add(s string, l article.Lang, f faceKind) { u.addAfter(s, l, f, 0) }

// addAfter records s as following prev in the same style (the kerned pair
// across an inline boundary), and returns the last character recorded.
func (u runeUses) addAfter(s string, l article.Lang, f faceKind, prev rune) rune {
	st := style{l, f}
	set, pairs := u.runes[st], u.pairs[st]
	if set == nil {
		set, pairs = map[rune]bool{}, map[[2]rune]bool{}
		u.runes[st], u.pairs[st] = set, pairs
	}
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r == ' ' || r == '\u00A0' {
				set[r] = true // drawn from the subset too, not from a system font
			}
			prev = 0
			continue
		}
		set[r] = true
		if prev != 0 {
			pairs[[2]rune{prev, r}] = true
		}
		prev = r
	}
	return prev
}

// styles returns the recorded styles in a fixed order.
func (u runeUses) styles() []style {
	var out []style
	for _, l := range []article.Lang{article.Chinese, article.English} {
		for _, f := range []faceKind{regular, bold, italic, mono} {
			if u.runes[style{l, f}] != nil {
				out = append(out, style{l, f})
			}
		}
	}
	return out
}

// faceUse is what each face must hold: its characters, the pairs of them
// set side by side, and the characters no face has.
type faceUse struct {
	runes   map[fonts.Role][]rune
	pairs   map[fonts.Role][][2]rune
	missing []rune
}

// perFace assigns every recorded character to the first face of its style's
// chain that has it, as a reading system's font fallback does, and every
// recorded pair to the face both of its characters went to. A Traditional
// book's Chinese goes to the Traditional faces first.
func (u runeUses) perFace(set *fonts.Set, traditional bool) (faceUse, error) {
	byRole := map[fonts.Role]map[rune]bool{}
	pairs := map[fonts.Role]map[[2]rune]bool{}
	missing := map[rune]bool{}
	for _, st := range u.styles() {
		faceOf := map[rune]fonts.Role{}
		for r := range u.runes[st] {
			found := false
			for _, role := range st.chain(traditional) {
				face, err := set.Face(role)
				if err != nil {
					return faceUse{}, err
				}
				if face.Has(r) {
					if byRole[role] == nil {
						byRole[role] = map[rune]bool{}
					}
					byRole[role][r] = true
					faceOf[r] = role
					found = true
					break
				}
			}
			if !found {
				missing[r] = true
			}
		}
		for pr := range u.pairs[st] {
			ra, okA := faceOf[pr[0]]
			rb, okB := faceOf[pr[1]]
			if okA && okB && ra == rb {
				if pairs[ra] == nil {
					pairs[ra] = map[[2]rune]bool{}
				}
				pairs[ra][pr] = true
			}
		}
	}
	out := faceUse{runes: map[fonts.Role][]rune{}, pairs: map[fonts.Role][][2]rune{}, missing: sortedRunes(missing)}
	for role, rs := range byRole {
		out.runes[role] = sortedRunes(rs)
	}
	for role, ps := range pairs {
		list := make([][2]rune, 0, len(ps))
		for pr := range ps {
			list = append(list, pr)
		}
		slices.SortFunc(list, func(a, b [2]rune) int {
			if a[0] != b[0] {
				return int(a[0] - b[0])
			}
			return int(a[1] - b[1])
		})
		out.pairs[role] = list
	}
	return out, nil
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
	italic bool
	path   string // relative to the package document
	data   []byte
}

// faceFiles describes how each face is embedded: CSS family, weight, file.
// The Latin faces carry their kerning into the subset as a kern table.
var faceFiles = []struct {
	role         fonts.Role
	family       string
	bold, italic bool
	file         string
	kerning      bool
}{
	{fonts.CJKRegular, "Diglot Serif SC", false, false, "fonts/serif-sc.ttf", false},
	{fonts.CJKBold, "Diglot Serif SC", true, false, "fonts/serif-sc-bold.ttf", false},
	{fonts.CJKTradRegular, "Diglot Serif TC", false, false, "fonts/serif-tc.ttf", false},
	{fonts.CJKTradBold, "Diglot Serif TC", true, false, "fonts/serif-tc-bold.ttf", false},
	{fonts.LatinRegular, "Diglot Serif", false, false, "fonts/serif.ttf", true},
	{fonts.LatinItalic, "Diglot Serif", false, true, "fonts/serif-italic.ttf", true},
	{fonts.LatinBold, "Diglot Serif", true, false, "fonts/serif-bold.ttf", true},
	{fonts.Mono, "Diglot Mono", false, false, "fonts/mono.ttf", false},
	{fonts.Symbols, "Diglot Symbols", false, false, "fonts/symbols.ttf", false},
}

// subsetFonts subsets every face the book's text uses to the characters it
// sets in that face (see runeUses.perFace).
func subsetFonts(set *fonts.Set, use faceUse) ([]fontFile, error) {
	type subset struct {
		file fontFile
		err  error
	}
	// each face is subset on its own, all at once, and kept in faceFiles' order
	subsets := make([]subset, len(faceFiles))
	var wg sync.WaitGroup
	for i, ff := range faceFiles {
		rs := use.runes[ff.role]
		if len(rs) == 0 {
			continue
		}
		face, err := set.Face(ff.role)
		if err != nil {
			return nil, err
		}
		opt := fonts.SubsetOptions{Family: ff.family}
		if ff.kerning {
			opt.KernPairs = use.pairs[ff.role]
		}
		wg.Go(func() {
			data, err := face.Subset(rs, opt)
			if err != nil {
				subsets[i].err = fmt.Errorf("subsetting %s: %w", face.Name, err)
				return
			}
			subsets[i].file = fontFile{role: ff.role, family: ff.family, bold: ff.bold, italic: ff.italic, path: ff.file, data: data}
		})
	}
	wg.Wait()
	var out []fontFile
	for _, s := range subsets {
		if s.err != nil {
			return nil, s.err
		}
		if s.file.data != nil {
			out = append(out, s.file)
		}
	}
	return out, nil
}
