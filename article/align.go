package article

import "math"

// alignBand is how far, in groups, the aligner looks off the diagonal of
// two unequal runs: an untranslated stretch or a chain of merges longer
// than this is aligned less well, never lost.
const alignBand = 100

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
func alignRuns(zh, en []group, scale float64) []bead {
	if len(zh) == len(en) {
		beads := make([]bead, len(zh))
		for i := range zh {
			beads[i] = bead{zh: []int{i}, en: []int{i}}
		}
		return beads
	}
	return searchAlignment(zh, en, scale)
}

// searchAlignment finds the cheapest alignment of two runs of groups by a
// Gale–Church style dynamic programme over the moves 1–1, 2–1, 1–2, 1–0,
// 0–1, 3–1 and 1–3, weighing each pair's lengths and what both sides
// carry (contentCost), so that every group lands in exactly one bead.
// scale is the article's own ratio of English to predicted length
// (lengthScale).
func searchAlignment(zh, en []group, scale float64) []bead {
	n, m := len(zh), len(en)
	b := newBand(n, m)
	cost := b.table()
	back := make([][]uint8, n+1)
	for i := range back {
		back[i] = make([]uint8, len(cost[i]))
	}
	cost[0][0] = 0
	var zs, es []*evidence
	for i := 0; i <= n; i++ {
		for j := b.lo(i); j <= b.hi(i); j++ {
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
				if c := prev + beadCost(zs, es, scale); c < best {
					best, from = c, uint8(k)
				}
			}
			cost[i][j-b.lo(i)], back[i][j-b.lo(i)] = best, from
		}
	}
	lo := b.lo
	var rev []bead
	for i, j := n, m; i > 0 || j > 0; {
		mv := moves[back[i][j-lo(i)]]
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

// band is the part of the alignment lattice the aligner searches: the
// cells within w of the diagonal from (0, 0) to (n, m), so that time and
// memory grow with the runs' length, not with their product (20,000 ×
// 19,999 lines took 104 s and 3.6 GB in full).
// A band may instead follow a given path (centre: its j at each i).
type band struct {
	n, m, w int
	centre  []int // nil: the diagonal
}

func newBand(n, m int) band {
	return band{n: n, m: m, w: max(alignBand, 2*(m/max(n, 1))+2, 2*(n/max(m, 1))+2)}
}

func (b band) mid(i int) int {
	if b.centre != nil {
		return b.centre[i]
	}
	return i * b.m / max(b.n, 1)
}

func (b band) lo(i int) int { return max(0, b.mid(i)-b.w) }
func (b band) hi(i int) int { return min(b.m, b.mid(i)+b.w) }

// table returns a row per i of the band's cells, each +Inf.
func (b band) table() [][]float64 {
	t := make([][]float64, b.n+1)
	for i := range t {
		t[i] = make([]float64, b.hi(i)-b.lo(i)+1)
		for j := range t[i] {
			t[i][j] = infCost
		}
	}
	return t
}

// at is cell (i, j) of a table, +Inf outside the band.
func (b band) at(t [][]float64, i, j int) float64 {
	if i < 0 || i > b.n || j < b.lo(i) || j > b.hi(i) {
		return infCost
	}
	return t[i][j-b.lo(i)]
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
// two sides carry (contentCost). A one-sided pair costs its prior alone.
func beadCost(zh, en []*evidence, scale float64) float64 {
	if len(zh) == 0 || len(en) == 0 {
		return costOneSided
	}
	prior := costOneToOne
	switch {
	case len(zh)+len(en) == 3:
		prior = costMerge
	case len(zh)+len(en) > 3:
		prior = costMerge3
	}
	return prior + lengthCost(zh, en, scale) + contentCost(zh, en)
}

// lengthCost is −ln of the two-tailed probability of an English length at
// least this far from the one the Chinese side predicts.
func lengthCost(zh, en []*evidence, scale float64) float64 {
	return -math.Log(lengthProbability(zh, en, scale))
}

func lengthProbability(zh, en []*evidence, scale float64) float64 {
	delta := lengthDeviation(zh, en, scale)
	return max(math.Erfc(math.Abs(delta)/math.Sqrt2), 1e-12)
}

// lengthDeviation is how far the English length strays from the one the
// Chinese side predicts, in the length model's standard deviations.
func lengthDeviation(zh, en []*evidence, scale float64) float64 {
	var want, got float64
	for _, ev := range zh {
		want += ev.length * scale
	}
	for _, ev := range en {
		got += ev.length
	}
	size := max(want/enPerHan, 1)
	return (got - want) / math.Sqrt(lengthVar*size)
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
