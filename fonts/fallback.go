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
// then the other script's, then the other Chinese face (Simplified for a
// Traditional document, Traditional for a Simplified one), then the
// symbols face. Code tries the monospace face first on either side. It is
// the one fallback order: layout measures with it and the EPUB's
// stylesheet lists it.
func Fallback(kind Kind, chinese, traditional bool) [4]Role {
	zh, other, en := CJKRegular, CJKTradRegular, LatinRegular
	switch kind {
	case Bold:
		zh, other, en = CJKBold, CJKTradBold, LatinBold
	case Italic:
		en = LatinItalic
	}
	if traditional {
		zh, other = other, zh
	}
	switch {
	case kind == Monospace:
		return [4]Role{Mono, zh, other, Symbols} // Han in code falls back to the CJK faces
	case chinese:
		return [4]Role{zh, en, other, Symbols}
	}
	return [4]Role{en, zh, other, Symbols}
}

// IsCJK reports a Chinese face's role.
func IsCJK(r Role) bool {
	return r == CJKRegular || r == CJKBold || r == CJKTradRegular || r == CJKTradBold
}
