package layout

import "testing"

// TestSegmentArena checks that the slices an arena hands out are each
// their own: capped, so that appending to one (as a hyphen is) leaves the
// next alone, and moved out of the chunk when they outgrow it.
func TestSegmentArena(t *testing.T) {
	var a segmentArena
	var got [][]segment
	for i := range 3 * segmentChunk / 5 {
		segs := a.room()
		for k := range 1 + i%7 {
			segs = append(segs, segment{text: "w", width: 1000*i + k})
		}
		got = append(got, a.claim(segs))
	}
	for i := range got {
		if len(got[i]) != cap(got[i]) {
			t.Fatalf("slice %d: len %d, cap %d: not capped", i, len(got[i]), cap(got[i]))
		}
		got[i] = append(got[i], segment{text: "-", inserted: true}) // a hyphen after a word
	}
	for i, segs := range got {
		for k, s := range segs[:len(segs)-1] {
			if s.width != 1000*i+k || s.inserted {
				t.Fatalf("slice %d segment %d is %+v: another slice's append wrote over it", i, k, s)
			}
		}
	}
	var none *segmentArena
	if segs := none.claim(append(none.room(), segment{text: "x"})); len(segs) != 1 {
		t.Fatalf("no arena: %d segments, want 1", len(segs))
	}
}
