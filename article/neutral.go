package article

import (
	"strings"
	"unicode"
)

// placeByAlignment lets the alignment decide the lines whose language
// their script leaves open: mixed lines (placeMixedLines), then lines of
// digits between the languages (placeNeutralLines). Both weigh readings
// by one length model, the article's as the rules read it, made on first
// need.
func placeByAlignment(units []unit, order Lang) {
	var m *alignModel
	model := func() alignModel {
		if m == nil {
			pm := paragraphModel(inOrderScale(makeRuns(units), order))
			m = &pm
		}
		return *m
	}
	placeMixedLines(units, order, model)
	placeNeutralLines(units, order, model)
}

// maxNeutralRun is the longest run of neutral lines at a boundary whose
// placement the alignment decides; a longer one keeps neutralLanguage's.
const maxNeutralRun = 8

// placeNeutralLines decides, for each run of lines with no letters that
// stands between a run of one language and a run of the other and holds a
// number (2025, (1), 12:30–14:00), where it belongs: how many of its lines
// end the run before it and how many begin the run after. It takes the
// reading under which the pairs around it align best (their beads' costs:
// a line "2025–2030" goes with the side whose translation has those
// numbers), unless that is no better than the rule's (neutralLanguage) by
// neutralMargin. Lines of punctuation alone (* * *, ……) carry nothing to
// align by and keep the rule's place. Units of one file only: in two
// files a line's file says its language.
func placeNeutralLines(units []unit, order Lang, model func() alignModel) {
	for a := 1; a < len(units); a++ {
		if !units[a].neutral {
			continue
		}
		b := a
		for b < len(units) && units[b].neutral {
			b++
		}
		if b == len(units) || b-a > maxNeutralRun || anyStandsAlone(units[a-1:b+1]) || !anyDigit(units[a:b]) {
			a = b
			continue
		}
		before, after := units[a-1].lang, units[b].lang
		if before == after {
			a = b
			continue
		}
		lo, hi := pairWindow(units, a-1, b, order)
		if hi-lo > maxWindow {
			a = b
			continue
		}
		rule := 0 // the rule's reading: how many of the lines it gave the run before
		for rule < b-a && units[a+rule].lang == before {
			rule++
		}
		assign := func(k int) { // the first k join the run before
			for i := a; i < b; i++ {
				units[i].lang = after
				if i < a+k {
					units[i].lang = before
				}
			}
		}
		costs := make([]float64, b-a+1)
		for k := range costs {
			assign(k)
			costs[k] = windowCost(units[lo:hi], order, model())
		}
		best := rule
		for k, c := range costs {
			if c < costs[best]-neutralMargin {
				best = k
			}
		}
		assign(best)
		if translatedInPlace(units[a:b]) {
			// 2025 / 2025: each line and its copy a pair of their own,
			// in the article's order, when the pairs align no worse so
			kept := windowCost(units[lo:hi], order, model())
			for i := a; i < b; i++ {
				units[i].lang = order
				if (i-a)%2 == 1 {
					units[i].lang = order.Other()
				}
			}
			if windowCost(units[lo:hi], order, model()) > kept {
				assign(best)
			}
		}
		a = b
	}
}

// translatedInPlace reports a run of neutral lines that comes in pairs of
// the same text (2025 / 2025, 1.2.0 / 1.2.0): a line given in both
// languages, as the alternating format writes every pair.
func translatedInPlace(run []unit) bool {
	if len(run)%2 != 0 {
		return false
	}
	for i := 0; i < len(run); i += 2 {
		if strings.TrimSpace(run[i].text) != strings.TrimSpace(run[i+1].text) {
			return false
		}
	}
	return true
}

// placeMixedLines gives each line that mixes the two scripts about
// equally (scriptCounts.ambiguous, the lines warned about) the other
// language when the pairs around it align better so by mixedMargin: the
// classifier's evidence (punctuation, function words, share of Han)
// decides first, and the alignment overrules it only where it is clear.
func placeMixedLines(units []unit, order Lang, model func() alignModel) {
	for i := range units {
		u := &units[i]
		if u.neutral || !u.counts.ambiguous() || u.standsAlone() {
			continue
		}
		first, last := i, i
		if i > 0 {
			first = i - 1
		}
		if i+1 < len(units) {
			last = i + 1
		}
		lo, hi := pairWindow(units, first, last, order)
		lo, hi = min(lo, i), max(hi, i+1)
		if hi-lo > maxWindow {
			continue
		}
		as := u.lang
		kept := windowCost(units[lo:hi], order, model())
		u.lang = as.Other()
		if windowCost(units[lo:hi], order, model()) >= kept-mixedMargin {
			u.lang = as
		}
	}
}

// maxWindow is the most units the pairs around a line may hold for the
// alignment to weigh its readings: each reading aligns them again, so a
// line inside a long uneven run (hundreds of paragraphs) keeps its
// evidence's or the rule's reading, and the cost stays linear.
const maxWindow = 64

// mixedMargin is how much better the pairs must align for a mixed line
// to take the language its evidence did not give it.
const mixedMargin = 1.0

// neutralMargin is how much cheaper another reading must be than the
// rule's to be taken.
const neutralMargin = 0.5

// pairWindow returns the units of the pairs around a boundary: from the
// start of the pair that the run holding unit last (the line before the
// neutral run) belongs to, to the end of the pair that the run starting at
// unit first (the line after it) belongs to.
func pairWindow(units []unit, last, first int, order Lang) (lo, hi int) {
	runStart := func(i int) int {
		for i > 0 && units[i-1].lang == units[i].lang {
			i--
		}
		return i
	}
	runEnd := func(i int) int {
		for i < len(units) && units[i].lang == units[first].lang {
			i++
		}
		return i
	}
	lo = runStart(last)
	if units[lo].lang != order && lo > 0 {
		lo = runStart(lo - 1) // the translation's original
	}
	hi = runEnd(first)
	if units[first].lang == order && hi < len(units) {
		lang := units[hi].lang
		for hi < len(units) && units[hi].lang == lang {
			hi++ // its translation
		}
	}
	return lo, hi
}

// windowCost is what aligning a stretch of units costs, pair by pair, as
// pairUnits pairs them: each run of the article's first language with the
// run after it.
func windowCost(units []unit, order Lang, model alignModel) float64 {
	total := 0.0
	var zs, es []*evidence
	alignRunPairs(units, makeRuns(units), order, model, func(zh, en run, beads []bead) {
		for _, b := range beads {
			zs, es = evidenceOf(zs[:0], beadGroups(zh.groups, b.zh)), evidenceOf(es[:0], beadGroups(en.groups, b.en))
			total += beadCost(zs, es, model)
		}
	})
	return total
}

// beadGroups are a bead's groups: its indexes are consecutive.
func beadGroups(gs []group, idx []int) []group {
	if len(idx) == 0 {
		return nil
	}
	return gs[idx[0] : idx[len(idx)-1]+1]
}

func anyStandsAlone(units []unit) bool {
	for i := range units {
		if units[i].standsAlone() {
			return true
		}
	}
	return false
}

// anyDigit reports whether any of the units' texts holds a digit.
func anyDigit(units []unit) bool {
	for i := range units {
		if strings.ContainsFunc(units[i].text, unicode.IsDigit) {
			return true
		}
	}
	return false
}
