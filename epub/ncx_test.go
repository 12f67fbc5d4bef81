package epub

import (
	"slices"
	"testing"
)

// TestPlayOrders: entries and pages are numbered in reading order, 1 to
// n without gaps; an entry comes before a page marked in the block it
// opens.
func TestPlayOrders(t *testing.T) {
	entries := []tocEntry{{at: -1}, {at: 2}, {at: 8}}
	pages := []pageMark{{at: 1}, {at: 2}, {at: 5}, {at: 9}}
	nav, page := playOrders(entries, pages)
	if !slices.Equal(nav, []int{1, 3, 6}) || !slices.Equal(page, []int{2, 4, 5, 7}) {
		t.Errorf("playOrders: entries %v, pages %v", nav, page)
	}
	if nav, page := playOrders(entries, nil); !slices.Equal(nav, []int{1, 2, 3}) || len(page) != 0 {
		t.Errorf("without pages: %v %v", nav, page)
	}
}
