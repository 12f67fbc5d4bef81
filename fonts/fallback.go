package fonts

// Kind is the face a stretch of text asks for, whatever its script.
type Kind uint8

// The kinds of face.
const (
	Regular Kind = iota
	Bold
	Italic // emphasis: Latin text in the italic; Han has none
	Monospace
)

// Fallback returns the faces to try, in order, for a character of text of
// a kind in a Chinese or an English paragraph: its own script's face,
// then the other script's, then the symbols face. Code tries the
// monospace face first on either side. It is the one fallback order:
// layout measures with it and the EPUB's stylesheet lists it.
func Fallback(kind Kind, chinese bool) [3]Role {
	zh, en := CJKRegular, LatinRegular
	switch kind {
	case Bold:
		zh, en = CJKBold, LatinBold
	case Italic:
		en = LatinItalic
	case Monospace:
		return [3]Role{Mono, zh, Symbols} // Han in code falls back to the CJK face
	}
	if chinese {
		return [3]Role{zh, en, Symbols}
	}
	return [3]Role{en, zh, Symbols}
}
