package article

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// unitPair is an aligned pair of unit indexes, before typing into blocks.
type unitPair struct {
	zh, en     []int
	confidence float64 // see beadConfidences
}

// run is a maximal sequence of units of one language.
type run struct {
	lang   Lang
	groups []group
}

// makeRuns cuts the units into language runs and, within each run, groups
// every unit with the neutral units that follow it in the same block quote;
// a code block, in neither language, is a group of its own, aligned (most
// often as a one-sided pair) rather than set inside the paragraph or quote
// before it.
func makeRuns(units []unit) []run {
	evs := make([]evidence, len(units)) // each unit's, measured on all cores
	onAllCores(len(units), func(i int) { evs[i] = measure(&units[i]) })
	var runs []run
	for i := range units {
		u := &units[i]
		if len(runs) == 0 || runs[len(runs)-1].lang != u.lang {
			runs = append(runs, run{lang: u.lang})
		}
		r := &runs[len(runs)-1]
		last := len(r.groups) - 1
		joinsPrevious := last >= 0 && (u.neutral || allNeutral(units, r.groups[last])) &&
			!u.standsAlone() && !units[r.groups[last].units[0]].standsAlone() &&
			units[r.groups[last].units[0]].quoteDepth() == u.quoteDepth()
		ev := &evs[i]
		if joinsPrevious {
			r.groups[last].units = append(r.groups[last].units, i)
			r.groups[last].ev.add(ev)
			continue
		}
		r.groups = append(r.groups, group{units: []int{i}, ev: ev})
	}
	return runs
}

// joinLoneWords shortens a run that has more groups than the run facing
// it by joining each lone Latin word ("end", "End.") to the group before
// it, as a neutral unit would be: a single word after a paragraph is more
// likely its tail than a paragraph of its own (edge/end-lookalikes). Runs
// that already face an equal count are left alone, so a list of one-word
// items still pairs item by item.
func joinLoneWords(units []unit, groups []group, facing int) []group {
	if len(groups) <= facing {
		return groups
	}
	out := make([]group, 0, len(groups))
	excess := len(groups) - facing
	for _, g := range groups {
		u := &units[g.units[0]]
		if excess > 0 && len(out) > 0 && len(g.units) == 1 && u.counts.han == 0 && u.counts.words == 1 && !u.standsAlone() {
			last := &out[len(out)-1]
			last.units = append(slices.Clone(last.units), g.units...)
			merged := *last.ev
			merged.add(g.ev)
			last.ev = &merged
			excess--
			continue
		}
		out = append(out, g)
	}
	return out
}

// standsAlone reports a unit that is never grouped with another: a code
// block, a Markdown heading (a heading of digits, "## [1.4.0] -
// 2025-11-02", is no part of the list item before it), and a paragraph of
// template markup alone (a shortcode, given once or in each language).
func (u *unit) standsAlone() bool {
	return u.md != nil && (u.md.pre || u.md.kind == Heading || MarkupOnly(u.md.inlines))
}

// quoteDepth is the number of block quotes around a Markdown unit.
func (u *unit) quoteDepth() int {
	if u.md == nil {
		return 0
	}
	return u.md.quote
}

func allNeutral(units []unit, g group) bool {
	for _, i := range g.units {
		if !units[i].neutral {
			return false
		}
	}
	return true
}

// pairUnits pairs each run of the article's first language with the run of
// its translation that follows, aligning unequal runs by length, and warns
// about uneven runs and one-sided pairs.
func pairUnits(units []unit, order Lang, c *collector) []unitPair {
	runs := makeRuns(units)
	model := paragraphModel(inOrderScale(runs, order))
	var pairs []unitPair
	// every run's groups and beads in one sequence, for the confidences
	var allZH, allEN []group
	var all []bead
	var aligned []alignedRuns
	alignRunPairs(units, runs, order, model, func(zh, en run, beads []bead) {
		aligned = append(aligned, alignedRuns{zh, en, len(pairs), len(beads)})
		for _, b := range beads {
			pairs = append(pairs, unitPair{zh: flatten(zh.groups, b.zh), en: flatten(en.groups, b.en)})
			all = append(all, bead{zh: offset(b.zh, len(allZH)), en: offset(b.en, len(allEN))})
		}
		allZH, allEN = append(allZH, zh.groups...), append(allEN, en.groups...)
	})
	for k, conf := range beadConfidences(allZH, allEN, model, all, posteriorBandAlternate) {
		pairs[k].confidence = conf
	}
	for _, a := range aligned {
		runPairs := pairs[a.first : a.first+a.count]
		// code blocks need no translation: they neither make runs
		// uneven nor a one-sided pair worth a warning
		if proseGroups(units, a.zh) != proseGroups(units, a.en) && len(a.zh.groups) > 0 && len(a.en.groups) > 0 {
			warnUneven(units, a.zh, a.en, runPairs, c)
		}
		for _, p := range runPairs {
			if (len(p.zh) == 0 || len(p.en) == 0) && !allCode(units, append(p.zh, p.en...)) {
				warnOneSided(units, p, c)
			}
		}
	}
	return pairs
}

// alignRunPairs pairs each run of the article's first language with the
// run after it (or with none), joins lone words where one run has more
// groups, aligns the two, and hands each pair of runs and its beads to
// visit, in order.
func alignRunPairs(units []unit, runs []run, order Lang, model alignModel, visit func(zh, en run, beads []bead)) {
	for i := 0; i < len(runs); i++ {
		first := runs[i]
		var second run
		if first.lang == order && i+1 < len(runs) {
			second = runs[i+1]
			i++
		} else {
			second = run{lang: first.lang.Other()}
		}
		zh, en := first, second
		if first.lang == English {
			zh, en = second, first
		}
		if len(zh.groups) > 0 && len(en.groups) > 0 {
			zh.groups = joinLoneWords(units, zh.groups, len(en.groups))
			en.groups = joinLoneWords(units, en.groups, len(zh.groups))
		}
		visit(zh, en, alignRuns(zh.groups, en.groups, model))
	}
}

// proseGroups counts a run's groups that are not code blocks.
func proseGroups(units []unit, r run) int {
	n := 0
	for _, g := range r.groups {
		if !units[g.units[0]].standsAlone() {
			n++
		}
	}
	return n
}

// allCode reports whether the units are all code blocks.
func allCode(units []unit, idx []int) bool {
	for _, i := range idx {
		if !units[i].standsAlone() {
			return false
		}
	}
	return true
}

// alignedRuns records a Chinese and an English run and the pairs (from
// first, count of them) they were aligned into.
type alignedRuns struct {
	zh, en       run
	first, count int
}

// offset adds n to each index.
func offset(idx []int, n int) []int {
	out := make([]int, len(idx))
	for i, v := range idx {
		out[i] = v + n
	}
	return out
}

// inOrderScale is the length scale (lengthScale) of the runs that face a
// run of as many paragraphs, which pair in order: the pairs the article's
// alternation vouches for. 1 when there are none.
func inOrderScale(runs []run, order Lang) float64 {
	var zhAll, enAll []group
	for i := 0; i+1 < len(runs); i++ {
		a, b := runs[i], runs[i+1]
		if a.lang != order || len(a.groups) != len(b.groups) {
			continue
		}
		if a.lang == English {
			a, b = b, a
		}
		zhAll, enAll = append(zhAll, a.groups...), append(enAll, b.groups...)
		i++
	}
	return lengthScale(zhAll, enAll)
}

func flatten(groups []group, idx []int) []int {
	var out []int
	for _, g := range idx {
		out = append(out, groups[g].units...)
	}
	return out
}

func warnUneven(units []unit, zh, en run, pairs []unitPair, c *collector) {
	firstLine := units[zh.groups[0].units[0]].lines[0].No
	if l := units[en.groups[0].units[0]].lines[0].No; l < firstLine {
		firstLine = l
	}
	var formed []string
	for _, p := range pairs {
		if len(p.zh) == 1 && len(p.en) == 1 && p.confidence >= ReviewThreshold {
			continue
		}
		formed = append(formed, describePair(units, p))
	}
	c.warnf(firstLine, "%d Chinese paragraph(s) face %d English one(s) here; aligned by content and length as %s: check the pairing",
		len(zh.groups), len(en.groups), strings.Join(formed, "; "))
}

// describePair names a pair by its source lines and confidence: "lines
// 3, 4 with line 6 (confidence 0.82)", "line 5 alone".
func describePair(units []unit, p unitPair) string {
	lines := func(idx []int) string {
		var nos []string
		for _, i := range idx {
			nos = append(nos, strconv.Itoa(units[i].lines[0].No))
		}
		word := "line "
		if len(nos) > 1 {
			word = "lines "
		}
		return word + strings.Join(nos, ", ")
	}
	switch {
	case len(p.en) == 0:
		return lines(p.zh) + " alone"
	case len(p.zh) == 0:
		return lines(p.en) + " alone"
	}
	return fmt.Sprintf("%s with %s (confidence %.2f)", lines(p.zh), lines(p.en), p.confidence)
}

func warnOneSided(units []unit, p unitPair, c *collector) {
	idx, missing := p.zh, "English"
	if len(idx) == 0 {
		idx, missing = p.en, "Chinese"
	}
	c.warnf(units[idx[0]].lines[0].No, "this paragraph has no %s counterpart; it is set alone (a one-sided pair)", missing)
}
