// Package fonts ships diglot's fonts (embedded with go:embed, under the SIL
// Open Font License; see files/OFL-*.txt) and reads the metrics of TrueType
// faces: advances by glyph, the cmap, ascender and descender.
package fonts

import (
	_ "embed"
	"path/filepath"
	"strings"
	"sync"
)

// The faces are embedded as byte slices, not an embed.FS: ReadFile would
// copy each 15 MB face onto the heap, while these stay in the binary's
// read-only data.
var (
	//go:embed files/NotoSerifSC_400Regular.ttf
	notoSerifSCRegular []byte
	//go:embed files/NotoSerifSC_700Bold.ttf
	notoSerifSCBold []byte
	//go:embed files/SourceSerif4_400Regular.ttf
	sourceSerif4Regular []byte
	//go:embed files/SourceSerif4_400Regular_Italic.ttf
	sourceSerif4Italic []byte
	//go:embed files/SourceSerif4_700Bold.ttf
	sourceSerif4Bold []byte
	//go:embed files/NotoEmoji_400Regular.ttf
	notoEmojiRegular []byte
	//go:embed files/SourceCodePro_400Regular.ttf
	sourceCodeProRegular []byte
	//go:embed files/NotoSerifTC_400Regular.ttf
	notoSerifTCRegular []byte
	//go:embed files/NotoSerifTC_700Bold.ttf
	notoSerifTCBold []byte
)

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
	Mono    // code
	// The Traditional Chinese faces: the Chinese of a zh-Hant document,
	// and the fallback of a Simplified one.
	CJKTradRegular
	CJKTradBold
	numRoles
)

// NumRoles is the number of roles, for tables indexed by Role.
const NumRoles = int(numRoles)

// builtin names each role's face and its data. The data must not be
// modified: it is shared by every Set.
var builtin = [numRoles]struct {
	name string
	data []byte
}{
	CJKRegular:     {"NotoSerifSC-Regular", notoSerifSCRegular},
	CJKBold:        {"NotoSerifSC-Bold", notoSerifSCBold},
	LatinRegular:   {"SourceSerif4-Regular", sourceSerif4Regular},
	LatinItalic:    {"SourceSerif4-Italic", sourceSerif4Italic},
	LatinBold:      {"SourceSerif4-Bold", sourceSerif4Bold},
	Symbols:        {"NotoEmoji-Regular", notoEmojiRegular},
	Mono:           {"SourceCodePro-Regular", sourceCodeProRegular},
	CJKTradRegular: {"NotoSerifTC-Regular", notoSerifTCRegular},
	CJKTradBold:    {"NotoSerifTC-Bold", notoSerifTCBold},
}

// Set is the collection of faces for a build. Each face is parsed the first
// time it is asked for, once; a Set is safe for concurrent use. Keep one Set
// per process.
type Set struct {
	override [numRoles][]byte // user-supplied font data, or nil
	names    [numRoles]string // the names of the user's fonts
	once     [numRoles]sync.Once
	faces    [numRoles]*Face
	errs     [numRoles]error
}

// NewSet returns a set of the built-in faces.
func NewSet() *Set { return &Set{} }

// Override replaces the faces of the given roles with a user's font. The
// font is checked at once, so a bad file is reported before any work.
func (s *Set) Override(data []byte, name string, roles ...Role) error {
	face, err := Parse(name, data)
	if err != nil {
		return err
	}
	if err := face.Validate(); err != nil {
		return err
	}
	for _, r := range roles {
		s.override[r] = data
		s.names[r] = userFontName(name, r)
	}
	return nil
}

// Face returns the face for a role, parsing it on first use.
func (s *Set) Face(r Role) (*Face, error) {
	s.once[r].Do(func() {
		data, name := s.override[r], builtin[r].name
		if data == nil {
			data = builtin[r].data
		} else {
			name = s.names[r]
		}
		s.faces[r], s.errs[r] = Parse(name, data)
	})
	return s.faces[r], s.errs[r]
}

// roleSuffix tells apart the faces one user font serves.
var roleSuffix = [numRoles]string{CJKBold: "-Bold", LatinItalic: "-Italic", LatinBold: "-Bold", CJKTradBold: "-Bold"}

// userFontName makes a PDF-safe face name from a font's file name:
// "/fonts/DejaVu Serif.ttf" serving bold becomes "DejaVuSerif-Bold".
func userFontName(path string, r Role) string {
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	var b strings.Builder
	for _, c := range base {
		if c > ' ' && c < 0x7F && !strings.ContainsRune("[](){}<>/%#+", c) {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		b.WriteString("UserFont")
	}
	return b.String() + roleSuffix[r]
}
