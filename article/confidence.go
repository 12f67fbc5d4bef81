package article

import "math"

// ReviewThreshold is the confidence under which `diglot parse --review`
// lists a pair for the translator to check.
const ReviewThreshold = 0.5

// How far, in groups, the confidence looks off the alignment's own path
// for other readings: for two files, and for one, whose alternation
// already fixes most pairs (a shift by one or two is what it must catch).
const (
	posteriorBand          = 8
	posteriorBandAlternate = 3
)

// beadConfidences gives each bead of an alignment of zh and en (in order,
// covering both) the probability that it is right under the aligner's
// model, given everything the two sequences carry: the share of the
// likelihood of all alignments near the path (each weighted by
// exp(−cost)) that passes through the bead, by the forward–backward
// algorithm. A pair the evidence vouches for scores near 1; one that an
// equally good reading would pair differently, near 0.5 or below. It is
// weighed by the pair's own plausibility, which catches what no
// alignment in order can show (paragraphs swapped).
func beadConfidences(zh, en []group, model alignModel, beads []bead, width int) []float64 {
	n, m := len(zh), len(en)
	b := pathBand(beads, n, m, width)
	var zs, es []*evidence
	move := func(i, j int, mv move) float64 {
		zs, es = evidenceOf(zs[:0], zh[i:i+mv.zh]), evidenceOf(es[:0], en[j:j+mv.en])
		return beadCost(zs, es, model)
	}
	fwd, bwd := b.table(), b.table()
	// the cost of arriving at each cell by each move, computed once
	arrive := make([][]float64, n+1)
	fwd[0][0] = 0
	for i := 0; i <= n; i++ {
		arrive[i] = make([]float64, len(fwd[i])*len(moves))
		for j := b.lo[i]; j <= b.hi[i]; j++ {
			costs := arrive[i][(j-b.lo[i])*len(moves):][:len(moves)]
			var acc logSum
			for k, mv := range moves {
				costs[k] = infCost
				if prev := b.at(fwd, i-mv.zh, j-mv.en); prev != infCost {
					costs[k] = move(i-mv.zh, j-mv.en, mv)
					acc.add(prev + costs[k])
				}
			}
			if i > 0 || j > 0 {
				fwd[i][j-b.lo[i]] = acc.value()
			}
		}
	}
	bwd[n][m-b.lo[n]] = 0
	for i := n; i >= 0; i-- {
		for j := b.hi[i]; j >= b.lo[i]; j-- {
			if i == n && j == m {
				continue
			}
			var acc logSum
			for k, mv := range moves {
				ti, tj := i+mv.zh, j+mv.en
				if next := b.at(bwd, ti, tj); next != infCost {
					if c := arrive[ti][(tj-b.lo[ti])*len(moves)+k]; c != infCost {
						acc.add(c + next)
					}
				}
			}
			bwd[i][j-b.lo[i]] = acc.value()
		}
	}
	total := b.at(fwd, n, m)
	out := make([]float64, len(beads))
	i, j := 0, 0
	for k, bd := range beads {
		mv := struct{ zh, en int }{len(bd.zh), len(bd.en)}
		before, after := b.at(fwd, i, j), b.at(bwd, i+mv.zh, j+mv.en)
		if before != infCost && after != infCost {
			zs, es = evidenceOf(zs[:0], zh[i:i+mv.zh]), evidenceOf(es[:0], en[j:j+mv.en])
			out[k] = min(math.Exp(total-before-beadCost(zs, es, model)-after), 1) * plausibility(zs, es, model)
		}
		i, j = i+mv.zh, j+mv.en
	}
	return out
}

// logSum accumulates −ln Σ exp(−c) over costs c without underflow.
type logSum struct {
	least float64
	sum   float64 // Σ exp(least − c)
	any   bool
}

func (s *logSum) add(c float64) {
	switch {
	case !s.any:
		s.least, s.sum, s.any = c, 1, true
	case c < s.least:
		s.sum = s.sum*math.Exp(c-s.least) + 1
		s.least = c
	default:
		s.sum += math.Exp(s.least - c)
	}
}

func (s *logSum) value() float64 {
	if !s.any {
		return infCost
	}
	return s.least - math.Log(s.sum)
}

// Plausibility model of a pair on its own, for what the alignment's
// alternatives cannot show (two paragraphs swapped in the translation):
// the odds that its evidence belongs to a right pair rather than to two
// unrelated paragraphs. A right pair's length deviation (in standard
// deviations) is normal, an unrelated pair's wrongSpread times wider;
// anchors found on both sides, anchors missing, a kind or a final mark
// (a question facing a statement) that differ multiply the odds.
const (
	wrongSpread       = 4.0
	priorOdds         = 9.0
	oddsMatchedAnchor = 4.0
	oddsMissedAnchor  = 0.4
	oddsKindMismatch  = 0.2
	oddsMarkMismatch  = 0.02
)

// plausibility is the probability (0–1), by the model above, that a
// two-sided pair's sides translate each other; 1 for a one-sided pair.
func plausibility(zh, en []*evidence, model alignModel) float64 {
	if len(zh) == 0 || len(en) == 0 {
		return 1
	}
	d := lengthDeviation(zh, en, model)
	// ln of N(d; 0, 1) / N(d; 0, wrongSpread)
	logOdds := math.Log(priorOdds) + math.Log(wrongSpread) - d*d/2*(1-1/(wrongSpread*wrongSpread))
	matched, missed := anchorMatches(zh, en)
	logOdds += float64(min(matched, maxAnchorsCounted))*math.Log(oddsMatchedAnchor) +
		float64(min(missed, maxAnchorsCounted))*math.Log(oddsMissedAnchor)
	if kindCost(zh[0], en[0]) > 0 {
		logOdds += math.Log(oddsKindMismatch)
	}
	if a, b := zh[len(zh)-1].mark, en[len(en)-1].mark; a != b && (a == '?' || b == '?') {
		logOdds += math.Log(oddsMarkMismatch)
	}
	return 1 / (1 + math.Exp(-logOdds))
}
