// Package fonts ships diglot's fonts (embedded with go:embed, under the SIL
// Open Font License; see files/OFL-*.txt) and reads the metrics of TrueType
// faces: advances by glyph, the cmap, ascender and descender.
package fonts

import (
	"embed"
	"fmt"
	"sync"
)

//go:embed files/*.ttf
var files embed.FS

// Role is the use a face is put to.
type Role uint8

// The faces a document may use.
const (
	CJKRegular Role = iota
	CJKBold
	LatinRegular
	LatinItalic
	LatinBold
	Symbols // fallback for emoji and symbols
	numRoles
)

var builtin = [numRoles]struct{ name, file string }{
	CJKRegular:   {"NotoSerifSC-Regular", "files/NotoSerifSC_400Regular.ttf"},
	CJKBold:      {"NotoSerifSC-Bold", "files/NotoSerifSC_700Bold.ttf"},
	LatinRegular: {"SourceSerif4-Regular", "files/SourceSerif4_400Regular.ttf"},
	LatinItalic:  {"SourceSerif4-Italic", "files/SourceSerif4_400Regular_Italic.ttf"},
	LatinBold:    {"SourceSerif4-Bold", "files/SourceSerif4_700Bold.ttf"},
	Symbols:      {"NotoEmoji-Regular", "files/NotoEmoji_400Regular.ttf"},
}

// Set is the collection of faces for a build. Each face is parsed the first
// time it is asked for, once; a Set is safe for concurrent use. Keep one Set
// per process.
type Set struct {
	override [numRoles][]byte // user-supplied font data, or nil
	once     [numRoles]sync.Once
	faces    [numRoles]*Face
	errs     [numRoles]error
}

// NewSet returns a set of the built-in faces.
func NewSet() *Set { return &Set{} }

// Override replaces the faces of the given roles with a user's font. The
// font is checked at once, so a bad file is reported before any work.
func (s *Set) Override(data []byte, name string, roles ...Role) error {
	if _, err := Parse(name, data); err != nil {
		return err
	}
	for _, r := range roles {
		s.override[r] = data
	}
	return nil
}

// Face returns the face for a role, parsing it on first use.
func (s *Set) Face(r Role) (*Face, error) {
	s.once[r].Do(func() {
		data, name := s.override[r], builtin[r].name
		if data == nil {
			var err error
			if data, err = files.ReadFile(builtin[r].file); err != nil {
				s.errs[r] = fmt.Errorf("built-in font %s: %w", name, err)
				return
			}
		} else {
			name = fmt.Sprintf("User-%d", r)
		}
		s.faces[r], s.errs[r] = Parse(name, data)
	})
	return s.faces[r], s.errs[r]
}
