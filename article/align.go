package article

import "math"

// alignBand is how far, in groups, the aligner looks off the diagonal of
// two unequal runs: an untranslated stretch or a chain of merges longer
// than this is aligned less well, never lost.
const alignBand = 100

var infCost = math.Inf(1)

// group is what the aligner moves: a unit with the neutral units (no
// letters) that follow it in its run.
type group struct {
	units  []int // indexes into the units slice
	length int
}

// bead is one step of an alignment: the groups of each language that form a
// pair. Either side may be empty (a one-sided pair).
type bead struct {
	zh, en []int // group indexes within the two runs
}

// Length model for the aligner, measured on the shared corpus: an English
// translation has about 2.9 characters (spaces excluded) per Chinese
// character, with a variance of about 46 characters per Chinese character.
const (
	enPerZH       = 2.9
	lengthVarPer  = 46.0
	costOneSided  = 3.0 // -ln P(1–0), P ≈ 0.05
	costMerge     = 3.5 // -ln P(2–1), P ≈ 0.03
	costOneToOne  = 0.16
	minGroupChars = 1
)

// alignRuns aligns a run of Chinese groups with the run of English groups
// that translates it. Runs of equal count pair in order. Otherwise a
// Gale–Church style dynamic programme over the moves 1–1, 2–1, 1–2, 1–0 and 0–1
// finds the cheapest alignment by length, so that every group lands in
// exactly one bead.
func alignRuns(zh, en []group) []bead {
	if len(zh) == len(en) {
		beads := make([]bead, len(zh))
		for i := range zh {
			beads[i] = bead{zh: []int{i}, en: []int{i}}
		}
		return beads
	}
	n, m := len(zh), len(en)
	// a band around the diagonal from (0, 0) to (n, m): the cells within
	// w of it, so time and memory grow with the runs' length, not with
	// their product (20,000 × 19,999 lines took 104 s and 3.6 GB in full)
	w := max(alignBand, 2*(m/max(n, 1))+2)
	lo := func(i int) int { return max(0, i*m/max(n, 1)-w) }
	hi := func(i int) int { return min(m, i*m/max(n, 1)+w) }
	cost := make([][]float64, n+1)
	back := make([][]uint8, n+1)
	at := func(i, j int) float64 {
		if j < lo(i) || j > hi(i) {
			return infCost
		}
		return cost[i][j-lo(i)]
	}
	for i := range cost {
		cost[i] = make([]float64, hi(i)-lo(i)+1)
		back[i] = make([]uint8, len(cost[i]))
		for j := range cost[i] {
			cost[i][j] = infCost
		}
	}
	cost[0][0] = 0
	for i := 0; i <= n; i++ {
		for j := lo(i); j <= hi(i); j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, from := infCost, uint8(0)
			for k, mv := range moves {
				if i < mv.zh || j < mv.en {
					continue
				}
				prev := at(i-mv.zh, j-mv.en)
				if prev == infCost {
					continue
				}
				c := prev + moveCost(mv, sumLength(zh[i-mv.zh:i]), sumLength(en[j-mv.en:j]))
				if c < best {
					best, from = c, uint8(k)
				}
			}
			cost[i][j-lo(i)], back[i][j-lo(i)] = best, from
		}
	}
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

type move struct{ zh, en int }

var moves = []move{{1, 1}, {2, 1}, {1, 2}, {1, 0}, {0, 1}}

func sumLength(gs []group) int {
	n := 0
	for _, g := range gs {
		n += g.length
	}
	return n
}

// moveCost is -ln of the probability of a move given the two lengths.
func moveCost(mv move, zhLen, enLen int) float64 {
	if mv.zh == 0 || mv.en == 0 {
		return costOneSided
	}
	prior := costOneToOne
	if mv.zh+mv.en > 2 {
		prior = costMerge
	}
	z := float64(max(zhLen, minGroupChars))
	delta := (float64(enLen) - enPerZH*z) / math.Sqrt(lengthVarPer*z)
	// -ln of the two-tailed probability of a deviation at least this large.
	p := math.Erfc(math.Abs(delta) / math.Sqrt2)
	if p < 1e-12 {
		p = 1e-12
	}
	return prior - math.Log(p)
}
