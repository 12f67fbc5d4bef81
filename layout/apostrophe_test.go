package layout

import (
	"slices"
	"testing"

	"diglot/fonts"
)

// TestApostropheInChineseLine: an apostrophe inside a Latin word quoted in
// Chinese (Mozilla’s) stays in the word and is set in the Latin face, not
// as a full-width closing quote of the Chinese face (issue 15 item 6);
// a ’ closing a Chinese quotation keeps the Chinese face.
func TestApostropheInChineseLine(t *testing.T) {
	chain, err := newFaceChain(fonts.NewSet(), false)
	if err != nil {
		t.Fatal(err)
	}
	z := &itemizer{faces: chain, size: 10 * Pt, lang: langZH, column: 1000 * Pt}
	toks := z.tokenize([]span{{text: "来源于 Mozilla’s 准则‘好’"}})
	var texts []string
	for _, tk := range toks {
		texts = append(texts, tk.text)
	}
	if !slices.Contains(texts, "Mozilla’s") {
		t.Fatalf("tokens %q: no token Mozilla’s", texts)
	}
	for _, s := range z.measure("Mozilla’s", -1) {
		if fonts.IsCJK(s.role) {
			t.Errorf("segment %q of Mozilla’s in the Chinese face", s.text)
		}
	}
	if segs := z.measure("好’", -1); !fonts.IsCJK(segs[len(segs)-1].role) {
		t.Errorf("a closing ’ after Han set in face %d, want the Chinese face", segs[len(segs)-1].role)
	}
}
