package layout

import (
	"sync"

	"diglot/article"
	"diglot/layout/linebreak"
)

// splitTrials is how many whole ems either side of the balanced estimate
// bestSplit tries the Chinese column at.
const splitTrials = 2

// splitSlack is how much taller, in thousandths, a split that sets better
// may make a book than the shortest split tried.
const splitSlack = 20

// measuredPara is a paragraph itemized once, to be broken at each width
// bestSplit tries.
type measuredPara struct {
	p        paragraph
	narrower int // than its column: inset, list hang
	params   linebreak.Params
	ragged   bool
}

// measuredRow is a block as bestSplit weighs it: the row of its lines that
// do not depend on the measure, and its paragraphs to break, by side.
type measuredRow struct {
	fixed  row
	zh, en []measuredPara
}

// splitScore is how a book sets at one split.
type splitScore struct {
	zhW, height, strained int
	demerits              float64
}

// bestSplit returns the Chinese column's width for a short book, and its
// paragraphs itemized (for setRowsFrom, or nil): of the
// estimate est and a few whole ems either side of it, the one whose
// paragraphs set best (fewest strained lines, then fewest demerits of the
// line breaker) among those that keep the book within splitSlack of the
// shortest. The estimate balances the columns by natural widths, which
// cannot see that one measure leaves a paragraph with a line of loose
// words and the next does not. Each paragraph is itemized once and broken
// at every width, and set from those items at the width chosen.
func bestSplit(blocks []article.Block, chain *faceChain, words []*hyphenCache, spec Spec, textW, est int) (int, []measuredRow) {
	em := spec.ZHSize
	var widths []int
	for k := -splitTrials; k <= splitTrials; k++ {
		if w := est + k*em; w >= textW*35/100 && w <= textW*65/100 {
			widths = append(widths, w)
		}
	}
	if len(widths) < 2 {
		return est, nil
	}
	// itemized for the narrowest column of each side, so that a token too
	// long for it has its emergency breaks at every width tried
	rows := measureRows(blocks, chain, words, spec, widths[0], textW-spec.Gutter-widths[len(widths)-1])
	scores := make([]splitScore, len(widths))
	var wg sync.WaitGroup
	for i, w := range widths {
		wg.Go(func() { scores[i] = scoreSplit(rows, w, textW-spec.Gutter-w) })
	}
	wg.Wait()
	shortest := scores[0].height
	for _, s := range scores {
		shortest = min(shortest, s.height)
	}
	best := -1
	for i, s := range scores {
		if s.height > shortest+shortest*splitSlack/1000 {
			continue
		}
		if b := scores[max(best, 0)]; best < 0 || s.strained < b.strained || s.strained == b.strained && s.demerits < b.demerits {
			best = i
		}
	}
	return scores[best].zhW, rows
}

// measureRows itemizes every block's paragraphs for bestSplit, on all
// cores as setRows does.
func measureRows(blocks []article.Block, chain *faceChain, words []*hyphenCache, spec Spec, zhW, enW int) []measuredRow {
	rows := make([]measuredRow, len(blocks))
	eachBlock(len(blocks), chain, words, func(i int, w *worker) {
		m := &rows[i]
		m.fixed = buildRow(blocks[i], w, spec, zhW, enW, func(mp measuredPara, zh bool) {
			if zh {
				m.zh = append(m.zh, mp)
			} else {
				m.en = append(m.en, mp)
			}
		}, nil)
	})
	return rows
}

// scoreSplit breaks every measured paragraph at the columns' widths zhW
// and enW and sums the book's height, strained lines and demerits.
func scoreSplit(rows []measuredRow, zhW, enW int) splitScore {
	s := splitScore{zhW: zhW}
	side := func(paras []measuredPara, column int) (lines int) {
		for _, mp := range paras {
			width := column - mp.narrower
			if mp.ragged {
				lines += len(raggedBreaks(mp.p, width))
				continue
			}
			breaks := justifiedBreaks(mp.p, width, mp.params)
			lines += len(breaks)
			if len(breaks) > 0 {
				s.demerits += breaks[len(breaks)-1].Demerits
			}
			start := 0
			for _, b := range breaks[:max(len(breaks)-1, 0)] { // the last line is not justified
				start = lineStart(mp.p, start, b.Pos)
				if _, glue := adjustments(mp.p, start, b.Pos, b.Ratio); glue > strainedRatio[mp.p.lang] && b.Ratio < linebreak.Infinity {
					s.strained++
				}
				start = b.Pos + 1
			}
		}
		return lines
	}
	for _, r := range rows {
		nz := len(r.fixed.zh.lines) + side(r.zh, zhW)
		ne := len(r.fixed.en.lines) + side(r.en, enW)
		s.height += r.fixed.height(nz, ne)
	}
	return s
}
