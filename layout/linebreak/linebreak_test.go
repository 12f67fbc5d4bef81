package linebreak

import (
	"math"
	"strings"
	"testing"
)

// words turns text into items with synthetic widths: 10 per letter, spaces
// as glue 30 (+15, -10), and a finishing glue and forced break.
func words(text string) []Item {
	var items []Item
	for i, w := range strings.Fields(text) {
		if i > 0 {
			items = append(items, Item{Kind: Glue, Width: 30, Stretch: 15, Shrink: 10})
		}
		items = append(items, Item{Kind: Box, Width: 10 * len([]rune(w))})
	}
	return finish(items)
}

func finish(items []Item) []Item {
	return append(items, Item{Kind: Penalty, Penalty: Infinity}, Item{Kind: Glue, Stretch: 100000}, Item{Kind: Penalty, Penalty: -Infinity})
}

// lineWidths returns the natural width of each line and its glue totals.
func lineWidths(items []Item, breaks []Break) (widths, stretch, shrink []int) {
	start := 0
	for _, b := range breaks {
		for start < b.Pos && items[start].Kind != Box {
			start++
		}
		w, y, z := 0, 0, 0
		for j := start; j < b.Pos; j++ {
			if items[j].Kind != Penalty {
				w, y, z = w+items[j].Width, y+items[j].Stretch, z+items[j].Shrink
			}
		}
		if items[b.Pos].Kind == Penalty {
			w += items[b.Pos].Width
		}
		widths, stretch, shrink = append(widths, w), append(stretch, y), append(shrink, z)
		start = b.Pos + 1
	}
	return
}

const frogKing = "In olden times when wishing still helped one, there lived a king whose daughters were all beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was astonished whenever it shone in her face."

func TestFrogKing(t *testing.T) {
	items := words(frogKing)
	breaks := Lines(items, 600, DefaultParams)
	if len(breaks) < 3 {
		t.Fatalf("%d lines", len(breaks))
	}
	widths, stretch, shrink := lineWidths(items, breaks)
	for i, b := range breaks {
		if b.Overfull {
			t.Errorf("line %d overfull", i)
		}
		if i == len(breaks)-1 {
			continue
		}
		// the ratio must make the line exactly 600 wide
		var got float64
		if b.Ratio >= 0 {
			got = float64(widths[i]) + b.Ratio*float64(stretch[i])
		} else {
			got = float64(widths[i]) + b.Ratio*float64(shrink[i])
		}
		if math.Abs(got-600) > 0.5 {
			t.Errorf("line %d: width %v with ratio %.3f, want 600", i, got, b.Ratio)
		}
		if b.Ratio > DefaultParams.Tolerance || b.Ratio < -1 {
			t.Errorf("line %d: ratio %.3f out of range", i, b.Ratio)
		}
	}
	if breaks[len(breaks)-1].Pos != len(items)-1 {
		t.Errorf("last break at %d, want the final item", breaks[len(breaks)-1].Pos)
	}
}

func TestForbiddenBreaks(t *testing.T) {
	// 12 one-em glyphs; breaks allowed between any two except before glyph 6.
	var items []Item
	for i := 0; i < 12; i++ {
		if i > 0 {
			if i == 6 {
				items = append(items, Item{Kind: Penalty, Penalty: Infinity})
			}
			items = append(items, Item{Kind: Glue, Stretch: 10})
		}
		items = append(items, Item{Kind: Box, Width: 100})
	}
	items = finish(items)
	breaks := Lines(items, 600, DefaultParams)
	// the first line cannot end after glyph 5 (index of glue before 6), so it holds 5 glyphs
	widths, _, _ := lineWidths(items, breaks)
	if widths[0] != 500 {
		t.Fatalf("first line width %d, want 500 (the break before glyph 6 is forbidden)", widths[0])
	}
}

func TestOverfullWhenNothingFits(t *testing.T) {
	items := finish([]Item{{Kind: Box, Width: 1000}, {Kind: Glue, Width: 30, Stretch: 10, Shrink: 5}, {Kind: Box, Width: 100}})
	breaks := Lines(items, 500, DefaultParams)
	if len(breaks) == 0 || !breaks[0].Overfull {
		t.Fatalf("breaks %+v, want an overfull first line", breaks)
	}
}

func FuzzLines(f *testing.F) {
	f.Add([]byte{10, 3, 200, 4, 50, 1, 90}, uint16(300))
	f.Fuzz(func(t *testing.T, spec []byte, width uint16) {
		if width < 10 || len(spec) > 400 {
			return
		}
		var items []Item
		for i, b := range spec {
			switch {
			case i > 0 && b%5 == 0:
				items = append(items, Item{Kind: Glue, Width: int(b), Stretch: int(b) / 2, Shrink: int(b) / 3})
			case i > 0 && b%7 == 0:
				items = append(items, Item{Kind: Penalty, Penalty: int(b)*80 - 10000, Width: int(b % 16), Flagged: b%2 == 0})
			default:
				items = append(items, Item{Kind: Box, Width: int(b) + 1})
			}
		}
		items = finish(items)
		breaks := Lines(items, int(width), DefaultParams)
		if len(breaks) == 0 || breaks[len(breaks)-1].Pos != len(items)-1 {
			t.Fatalf("breaks do not end at the final item: %+v", breaks)
		}
		prev := -1
		for _, b := range breaks {
			if b.Pos <= prev {
				t.Fatalf("breaks not increasing: %+v", breaks)
			}
			prev = b.Pos
		}
		widths, _, shrink := lineWidths(items, breaks)
		for i, b := range breaks {
			if !b.Overfull && widths[i]-shrink[i] > int(width) {
				t.Fatalf("line %d is %d wide (shrink %d) in %d without being flagged overfull", i, widths[i], shrink[i], width)
			}
		}
	})
}

// TestMaxFlagged sets a paragraph of two-syllable words whose hyphenation
// points are attractive (a negative penalty) in the first measure where,
// without a limit, three or more lines in a row end in a hyphen; with
// MaxFlagged 2 no three may.
func TestMaxFlagged(t *testing.T) {
	var items []Item
	for i := range 80 {
		if i > 0 {
			items = append(items, Item{Kind: Glue, Width: 20, Stretch: 10, Shrink: 7})
		}
		items = append(items, Item{Kind: Box, Width: 60 + i%3*7},
			Item{Kind: Penalty, Penalty: -50, Width: 8, Flagged: true},
			Item{Kind: Box, Width: 60 + i%5*5})
	}
	items = finish(items)
	most := func(width int, p Params) int {
		run, most := 0, 0
		for _, b := range Lines(items, width, p) {
			if items[b.Pos].Kind == Penalty && items[b.Pos].Flagged {
				run++
				most = max(most, run)
			} else {
				run = 0
			}
		}
		return most
	}
	free := Params{Tolerance: 2.5, LinePenalty: 10, FitnessDemerits: 100}
	limited := free
	limited.MaxFlagged = 2
	tried := 0
	for width := 200; width <= 600; width += 7 {
		if most(width, free) < 3 {
			continue
		}
		tried++
		if got := most(width, limited); got > 2 {
			t.Errorf("width %d: %d consecutive hyphenated lines with MaxFlagged 2", width, got)
		}
	}
	if tried == 0 {
		t.Fatal("no measure made three hyphenated lines in a row without the limit: the test proves nothing")
	}
}

// firstLineWidth is the natural width of the first line of breaks.
func firstLineWidth(items []Item, breaks []Break) int {
	widths, _, _ := lineWidths(items, breaks)
	return widths[0]
}

// TestVeryLooseLinesRanked gives the breaker two ways to set a paragraph,
// both with a first line far looser than any tolerance: 10 units short
// against 4 of stretch, or 370 short against 2. TeX's badness calls both
// infinitely bad; the fuller line must win.
func TestVeryLooseLinesRanked(t *testing.T) {
	g := Item{Kind: Glue, Width: 30, Stretch: 2, Shrink: 10}
	items := finish([]Item{{Kind: Box, Width: 100}, g, {Kind: Box, Width: 100}, g, {Kind: Box, Width: 300}, g, {Kind: Box, Width: 250}})
	for _, emergency := range []int{0, 15} {
		p := DefaultParams
		p.EmergencyStretch = emergency
		breaks := Lines(items, 600, p)
		if got := firstLineWidth(items, breaks); got != 560 {
			t.Errorf("emergency stretch %d: first line %d wide, want the fuller 560", emergency, got)
		}
	}
}

// TestEmergencyStretchFillsGluelessLines breaks a URL-like run of pieces
// with no glue between them: every line is short of the measure and none
// can be justified. The emergency stretch rates lines by their shortfall,
// so the lines are filled rather than broken at the cheapest penalty.
func TestEmergencyStretchFillsGluelessLines(t *testing.T) {
	var items []Item
	for i, w := range []int{300, 250, 100, 200} {
		if i > 0 {
			pen := 200
			if i == 1 {
				pen = 50 // a cheap break that leaves the first line half empty
			}
			items = append(items, Item{Kind: Penalty, Penalty: pen})
		}
		items = append(items, Item{Kind: Box, Width: w})
	}
	items = finish(items)
	p := DefaultParams
	p.EmergencyStretch = 15
	breaks := Lines(items, 600, p)
	if got := firstLineWidth(items, breaks); got != 550 {
		t.Errorf("first line %d wide, want 550 (as full as the pieces allow)", got)
	}
	if len(breaks) != 2 {
		t.Errorf("%d lines, want 2", len(breaks))
	}
}

// TestRaggedBalances sets text ragged: the lines come out of about equal
// length instead of a full first line and a short last one.
func TestRaggedBalances(t *testing.T) {
	items := words("aaaaaaa bbbbbbb ccccccc ddddddd eeeeeee fffffff ggggggg")
	p := DefaultParams
	p.Ragged = 600
	breaks := Lines(items, 600, p)
	widths, _, _ := lineWidths(items, breaks)
	if len(widths) != 2 || abs(widths[0]-widths[1]) > 100 {
		t.Fatalf("line widths %v, want two lines of about equal length", widths)
	}
	for i, b := range breaks {
		if b.Overfull || widths[i] > 600 {
			t.Errorf("line %d is %d wide", i, widths[i])
		}
	}
	// one line when it fits, however short
	one := words("aaaaaaa bbbbbbb")
	if got := len(Lines(one, 600, p)); got != 1 {
		t.Errorf("a short text set ragged takes %d lines", got)
	}
}
