package article

import "math"

// alignBand is how far, in groups, the aligner first looks off the
// diagonal of two unequal runs; maxAlignBand is how far it widens its
// search around a path that runs along the band's edge. An untranslated
// stretch or a chain of merges longer than that is aligned less well,
// never lost.
const (
	alignBand    = 32
	maxAlignBand = 512
)

var infCost = math.Inf(1)

// group is what the aligner moves: a unit with the neutral units (no
// letters) that follow it in its run, and their evidence.
type group struct {
	units []int // indexes into the units slice
	ev    *evidence
}

// bead is one step of an alignment: the groups of each language that form a
// pair. Either side may be empty (a one-sided pair).
type bead struct {
	zh, en []int // group indexes within the two runs
}

// Priors of the moves, as −ln P: one-sided pairs (P ≈ 0.03), two
// paragraphs translated as one (P ≈ 0.05: translators merge and split
// more often than they leave out), and three as one, where a list was
// merged into a sentence or a sentence split into a list (P ≈ 0.005).
const (
	costOneToOne = 0.16
	costOneSided = 3.5
	costMerge    = 3.0
	costMerge3   = 5.3
	scalePrior   = 1000.0
)

// alignRuns aligns a run of Chinese groups with the run of English groups
// that translates it. Runs of equal count pair in order (the alternating
// format says so); others are searched (searchAlignment).
func alignRuns(zh, en []group, model alignModel) []bead {
	if len(zh) == len(en) {
		beads := make([]bead, len(zh))
		for i := range zh {
			beads[i] = bead{zh: []int{i}, en: []int{i}}
		}
		return beads
	}
	return searchAlignment(zh, en, model)
}

// searchAlignment finds the cheapest alignment of two runs of groups by a
// Gale–Church style dynamic programme over the moves 1–1, 2–1, 1–2, 1–0,
// 0–1, 3–1 and 1–3, weighing each pair's lengths and what both sides
// carry (markCost, lexicalCost), so that every group lands in exactly one bead,
// under model (the article's length scale, variance and priors). It
// searches a band around the diagonal, and again around
// its path in a band twice as wide wherever the path runs along the
// band's edge (a long untranslated stretch), up to maxAlignBand.
func searchAlignment(zh, en []group, model alignModel) []bead {
	return refineAlignment(zh, en, model, diagonalBand(len(zh), len(en), alignBand), alignBand)
}

// refineAlignment searches band b of width w, widening it around the path
// found while that path touches its edge.
func refineAlignment(zh, en []group, model alignModel, b band, w int) []bead {
	for {
		beads := searchBand(zh, en, model, b)
		if w >= maxAlignBand || !b.touches(beads) {
			return beads
		}
		w *= 2
		b = pathBand(beads, len(zh), len(en), w)
	}
}

// searchBand is the dynamic programme of searchAlignment over one band.
// A move whose prior and length alone cost more than the best way into
// its cell found so far, less the most its content could take off, is
// not weighed further.
func searchBand(zh, en []group, model alignModel, b band) []bead {
	n, m := len(zh), len(en)
	cost := b.table()
	back := make([][]uint8, n+1)
	for i := range back {
		back[i] = make([]uint8, len(cost[i]))
	}
	cost[0][0] = 0
	var zs, es []*evidence
	for i := 0; i <= n; i++ {
		for j := b.lo[i]; j <= b.hi[i]; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, from := infCost, uint8(0)
			for k, mv := range moves {
				if i < mv.zh || j < mv.en {
					continue
				}
				prev := b.at(cost, i-mv.zh, j-mv.en)
				if prev == infCost {
					continue
				}
				zs, es = evidenceOf(zs[:0], zh[i-mv.zh:i]), evidenceOf(es[:0], en[j-mv.en:j])
				if c := prev + beadCostUnder(zs, es, model, best-prev); c < best {
					best, from = c, uint8(k)
				}
			}
			cost[i][j-b.lo[i]], back[i][j-b.lo[i]] = best, from
		}
	}
	var rev []bead
	for i, j := n, m; i > 0 || j > 0; {
		mv := moves[back[i][j-b.lo[i]]]
		b := bead{}
		for k := i - mv.zh; k < i; k++ {
			b.zh = append(b.zh, k)
		}
		for k := j - mv.en; k < j; k++ {
			b.en = append(b.en, k)
		}
		rev = append(rev, b)
		i, j = i-mv.zh, j-mv.en
	}
	beads := make([]bead, len(rev))
	for k := range rev {
		beads[k] = rev[len(rev)-1-k]
	}
	return beads
}

// band is the part of the alignment lattice the aligner searches: in each
// row i (the Chinese groups consumed), the columns lo[i]..hi[i] (the
// English ones), so that time and memory grow with the runs' length, not
// with their product (20,000 × 19,999 lines took 104 s and 3.6 GB in
// full).
type band struct {
	n, m   int
	lo, hi []int
}

// diagonalBand holds the cells within w of the diagonal from (0, 0) to
// (n, m), widened where the runs' ratio makes a row's step longer.
func diagonalBand(n, m, w int) band {
	w = max(w, 2*(m/max(n, 1))+2, 2*(n/max(m, 1))+2)
	b := band{n: n, m: m, lo: make([]int, n+1), hi: make([]int, n+1)}
	for i := range b.lo {
		mid := i * m / max(n, 1)
		b.lo[i], b.hi[i] = max(0, mid-w), min(m, mid+w)
	}
	return b
}

// pathBand holds the cells within w of an alignment's path, in every row
// the whole stretch the path crosses (an untranslated run of English
// paragraphs crosses many columns in one row).
func pathBand(beads []bead, n, m, w int) band {
	b := band{n: n, m: m, lo: make([]int, n+1), hi: make([]int, n+1)}
	for i := range b.lo {
		b.lo[i], b.hi[i] = m, 0
	}
	cross := func(i, j int) {
		b.lo[i], b.hi[i] = min(b.lo[i], j), max(b.hi[i], j)
	}
	cross(0, 0)
	i, j := 0, 0
	for _, bd := range beads {
		// a move crosses the rows it consumes at its end's column
		for k := i + 1; k <= i+len(bd.zh); k++ {
			cross(k, j+len(bd.en))
		}
		i, j = i+len(bd.zh), j+len(bd.en)
		cross(i, j) // a one-sided English bead stays in its row
	}
	for i := range b.lo {
		b.lo[i], b.hi[i] = max(0, b.lo[i]-w), min(m, b.hi[i]+w)
	}
	return b
}

// touches reports whether an alignment's path runs along the band's inner
// edge somewhere: a cheaper path may then lie outside the band.
func (b band) touches(beads []bead) bool {
	i, j := 0, 0
	at := func() bool {
		return (j == b.lo[i] && b.lo[i] > 0) || (j == b.hi[i] && b.hi[i] < b.m)
	}
	for _, bd := range beads {
		i, j = i+len(bd.zh), j+len(bd.en)
		if at() {
			return true
		}
	}
	return false
}

// table returns a row per i of the band's cells, each +Inf.
func (b band) table() [][]float64 {
	t := make([][]float64, b.n+1)
	for i := range t {
		t[i] = make([]float64, b.hi[i]-b.lo[i]+1)
		for j := range t[i] {
			t[i][j] = infCost
		}
	}
	return t
}

// at is cell (i, j) of a table, +Inf outside the band.
func (b band) at(t [][]float64, i, j int) float64 {
	if i < 0 || i > b.n || j < b.lo[i] || j > b.hi[i] {
		return infCost
	}
	return t[i][j-b.lo[i]]
}

func evidenceOf(out []*evidence, gs []group) []*evidence {
	for _, g := range gs {
		out = append(out, g.ev)
	}
	return out
}

type move struct{ zh, en int }

var moves = []move{{1, 1}, {2, 1}, {1, 2}, {1, 0}, {0, 1}, {3, 1}, {1, 3}}

// beadCost is −ln of the likelihood of a pair: its move's prior, how far
// the English length strays from what the Chinese predicts, and what the
// two sides carry (markCost, lexicalCost). A one-sided pair costs its prior alone.
func beadCost(zh, en []*evidence, model alignModel) float64 {
	return beadCostUnder(zh, en, model, infCost)
}

// beadCostUnder is beadCost where it is under limit; where the prior and
// the length alone rule that out (the content takes off at most
// maxContentGain), it returns +Inf without weighing the content.
func beadCostUnder(zh, en []*evidence, model alignModel, limit float64) float64 {
	if len(zh) == 0 || len(en) == 0 {
		return model.oneSided
	}
	prior := costOneToOne
	switch {
	case len(zh)+len(en) == 3:
		prior = model.merge
	case len(zh)+len(en) > 3:
		prior = costMerge3
	}
	c := prior + lengthCost(zh, en, model)
	if c-maxContentGain >= limit {
		return infCost
	}
	// the content, weighed in two steps: the words only if they can
	// still bring the pair under limit
	c += markCost(zh, en)
	switch {
	case !model.lexical:
		return c
	case c-maxLexicalGain >= limit:
		return infCost
	}
	return c + lexicalCost(zh, en)
}

// lengthCost is −ln of the two-tailed probability of an English length at
// least this far from the one the Chinese side predicts.
func lengthCost(zh, en []*evidence, model alignModel) float64 {
	return -math.Log(lengthProbability(zh, en, model))
}

func lengthProbability(zh, en []*evidence, model alignModel) float64 {
	delta := lengthDeviation(zh, en, model)
	return max(math.Erfc(math.Abs(delta)/math.Sqrt2), 1e-12)
}

// lengthDeviation is how far the English length strays from the one the
// Chinese side predicts, in the length model's standard deviations.
func lengthDeviation(zh, en []*evidence, model alignModel) float64 {
	var want, got float64
	for _, ev := range zh {
		want += ev.length * model.scale
	}
	for _, ev := range en {
		got += ev.length
	}
	size := max(want/enPerHan, 1)
	return (got - want) / math.Sqrt(model.variance*size)
}

// alignModel is what one alignment weighs pairs by beyond their content:
// the article's length scale (lengthScale), the length model's variance
// per Han character's worth, and the priors (as −ln P) of a one-sided
// pair and of two units translated as one.
type alignModel struct {
	scale, variance float64
	oneSided, merge float64
	lexical         bool // weighs the words (lexicalCost)
}

// paragraphModel is the model of paragraphs at a scale.
func paragraphModel(scale float64) alignModel {
	return alignModel{scale: scale, variance: lengthVar, oneSided: costOneSided, merge: costMerge, lexical: true}
}

// lengthScale is how much longer (or shorter) this translation runs than
// the length model predicts: its English length over the length its
// Chinese predicts, kept within [0.5, 2]. A wordy translator's every
// paragraph runs long, and unscaled the aligner would shift pairs to
// even that out. The ratio is shrunk towards 1 by scalePrior characters
// on each side, so that a few short pairs say little.
func lengthScale(zh, en []group) float64 {
	var want, got float64
	for _, g := range zh {
		want += g.ev.length
	}
	for _, g := range en {
		got += g.ev.length
	}
	return min(max((got+scalePrior)/(want+scalePrior), 0.5), 2)
}
