package article

import (
	"path/filepath"
	"testing"
)

// TestConfidence measures the confidence on the corpus: a pair that a
// shifted alignment makes (the Chinese paragraph facing the English of the
// pair before it; one every three pairs) must score under ReviewThreshold,
// and at most 2 % of the right pairs (its NAME.pairs.json) may (when
// written: 2 of 178, both a question in one language and a statement in
// the other).
func TestConfidence(t *testing.T) {
	sidecars, _ := filepath.Glob("testdata/corpus/*.pairs.json")
	rightFlagged, wrongPassed, rights, wrongs := 0, 0, 0, 0
	for _, sidecar := range sidecars {
		pairs := readPairs(t, sidecar)
		var zhLines, enLines []string
		var beads []bead
		for _, p := range pairs {
			var b bead
			for range p.ZH {
				b.zh = append(b.zh, len(zhLines)+len(b.zh))
			}
			for range p.EN {
				b.en = append(b.en, len(enLines)+len(b.en))
			}
			zhLines, enLines = append(zhLines, p.ZH...), append(enLines, p.EN...)
			beads = append(beads, b)
		}
		zh, en := unitsEvidence(Chinese, zhLines...), unitsEvidence(English, enLines...)
		model := paragraphModel(lengthScale(zh, en))
		for k, c := range beadConfidences(zh, en, model, beads, posteriorBandAlternate) {
			rights++
			if c < ReviewThreshold {
				rightFlagged++
				t.Logf("%s: right pair %d has confidence %.2f", filepath.Base(sidecar), k+1, c)
			}
		}
		for k := 2; k+2 < len(beads); k += 3 {
			a, b := beads[k], beads[k+1]
			if len(a.zh) != 1 || len(a.en) != 1 || len(b.zh) != 1 || len(b.en) != 1 {
				continue
			}
			shifted := append(append([]bead{}, beads[:k]...), bead{zh: a.zh}, bead{zh: b.zh, en: a.en}, bead{en: b.en})
			shifted = append(shifted, beads[k+2:]...)
			wrongs++
			if c := beadConfidences(zh, en, model, shifted, posteriorBandAlternate)[k+1]; c >= ReviewThreshold {
				wrongPassed++
				t.Errorf("%s: wrong pair (Chinese of pair %d, English of %d) has confidence %.2f", filepath.Base(sidecar), k+2, k+1, c)
			}
		}
	}
	t.Logf("right pairs flagged: %d of %d; wrong pairs passed: %d of %d", rightFlagged, rights, wrongPassed, wrongs)
	if rightFlagged*50 > rights {
		t.Errorf("%d of %d right pairs flagged, over 2 %%", rightFlagged, rights)
	}
	if rights < 170 || wrongs < 50 {
		t.Fatalf("measured %d right and %d wrong pairs only", rights, wrongs)
	}
}
