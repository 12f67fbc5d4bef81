package article

import (
	"fmt"
	"testing"
)

// groupsOf makes groups of the given lengths in characters: Han
// characters for Chinese, letters for English.
func groupsOf(lang Lang, lengths ...int) []group {
	gs := make([]group, len(lengths))
	for i, n := range lengths {
		length := float64(n)
		if lang == Chinese {
			length *= enPerHan
		}
		gs[i] = group{units: []int{i}, ev: &evidence{length: length}}
	}
	return gs
}

func beadsString(beads []bead) string {
	s := ""
	for _, b := range beads {
		s += fmt.Sprintf("%d-%d ", len(b.zh), len(b.en))
	}
	return s
}

func TestAlignRuns(t *testing.T) {
	tests := []struct {
		name   string
		zh, en []int // lengths in characters
		want   string
	}{
		{"equal runs pair in order", []int{10, 200}, []int{600, 30}, "1-1 1-1 "},
		{"two short Chinese, one English", []int{10, 13, 24}, []int{66, 93}, "2-1 1-1 "},
		{"untranslated paragraph", []int{21, 24}, []int{93}, "1-0 1-1 "},
		{"two English for one Chinese", []int{100}, []int{140, 150}, "1-2 "},
		{"long split paragraph", []int{33, 49}, []int{350}, "2-1 "},
		{"no English at all", []int{10, 20}, nil, "1-0 1-0 "},
		{"no Chinese at all", nil, []int{30}, "0-1 "},
		{"English paragraph with no Chinese", []int{50, 50}, []int{145, 150, 140}, "1-1 1-1 0-1 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			beads := alignRuns(groupsOf(Chinese, tt.zh...), groupsOf(English, tt.en...), paragraphModel(1))
			if got := beadsString(beads); got != tt.want {
				t.Errorf("alignment %q, want %q", got, tt.want)
			}
			// every group lands in exactly one bead, in order
			nz, ne := 0, 0
			for _, b := range beads {
				for _, i := range b.zh {
					if i != nz {
						t.Fatalf("zh group %d out of order", i)
					}
					nz++
				}
				for _, i := range b.en {
					if i != ne {
						t.Fatalf("en group %d out of order", i)
					}
					ne++
				}
			}
			if nz != len(tt.zh) || ne != len(tt.en) {
				t.Fatalf("lost groups: %d/%d zh, %d/%d en", nz, len(tt.zh), ne, len(tt.en))
			}
		})
	}
}
