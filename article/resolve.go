package article

// detectOrder returns the language of the first clearly Chinese or English
// unit (a Han-free line repeated by the next does not count), or of the
// first unit of an original kept in comments: the article's order within
// each pair. ok is false when no unit is clearly either.
func detectOrder(units []unit) (order Lang, ok bool) {
	for _, u := range units {
		if u.md != nil && u.md.original && u.class != classNeutral {
			// a page that keeps its original in comments: the original
			// comes first in each pair, whatever stands above the first
			if u.class == classZH {
				return Chinese, true
			}
			return English, true
		}
	}
	for i, u := range units {
		if u.counts.han == 0 && (i+1 < len(units) && units[i+1].text == u.text || i > 0 && units[i-1].text == u.text) {
			continue // "FAQ" given in both languages says nothing of the order
		}
		switch u.class {
		case classZH:
			return Chinese, true
		case classEN:
			return English, true
		}
	}
	return Chinese, false
}

// resolveLanguages gives every unit a language. Clear units keep theirs.
// Units with no letters join the run they stand in (see neutralLanguage).
func resolveLanguages(units []unit, order Lang) {
	nextClear := lookahead(units)
	prev := order.Other() // as if a pair had just ended
	for i := range units {
		u := &units[i]
		switch u.class {
		case classZH:
			u.lang = Chinese
		case classEN:
			u.lang = English
		case classNeutral:
			u.lang = neutralLanguage(i, prev, order, nextClear[i])
		}
		prev = u.lang
	}
	identicalNeighbours(units, order)
}

// lookahead returns, for each unit, the class of the next unit after it
// that is clearly Chinese or English (classNeutral when there is none), in
// one backward pass.
func lookahead(units []unit) (nextClear []class) {
	nextClear = make([]class, len(units))
	clear := classNeutral
	for i := len(units) - 1; i >= 0; i-- {
		nextClear[i] = clear
		if c := units[i].class; c == classZH || c == classEN {
			clear = c
		}
	}
	return nextClear
}

// neutralLanguage decides the language of a unit with no letters: it joins
// the run it stands in, unless it stands between two translations, where only
// the first language of a new pair can be.
func neutralLanguage(i int, prev, order Lang, next class) Lang {
	if i == 0 || prev == order || next == classNeutral {
		return prev
	}
	if (next == classZH) == (order == Chinese) {
		return prev
	}
	return order
}

// identicalNeighbours handles a heading that reads the same in both languages
// ("Go Modules" / "Go Modules"): two equal, Han-free units after a translation
// are taken as one pair. So are two code blocks in a row after a
// translation, when they are the same code given in both languages: the
// same text, or the same lines with comments translated (one has Han).
func identicalNeighbours(units []unit, order Lang) {
	for i := 0; i+1 < len(units); i++ {
		a, b := &units[i], &units[i+1]
		if !codeTwice(a, b) && (a.text != b.text || a.counts.han > 0 || a.class == classNeutral) {
			continue
		}
		if i > 0 && units[i-1].lang == order {
			continue // a pair is open: these continue its translation
		}
		a.lang, b.lang = order, order.Other()
		i++
	}
}

// codeTwice reports two code blocks that are one block given in both
// languages: the same text, or as many lines with Han in one of them (its
// comments translated).
func codeTwice(a, b *unit) bool {
	if !a.standsAlone() || !b.standsAlone() || a.quoteDepth() != b.quoteDepth() {
		return false
	}
	if a.text == b.text {
		return true
	}
	return len(a.lines) == len(b.lines) && (a.counts.han > 0) != (b.counts.han > 0)
}

// orderWindow is how many units likelierOrder weighs: enough pairs for a
// shifted reading's mismatches to add up, few enough to cost little.
const orderWindow = 200

// orderMargin is how much less (in the aligner's −ln units) the other
// order's reading must cost to be taken: more than the pair the window's
// end may cut in one reading costs.
const orderMargin = 10.0

// likelierOrder returns the order in which the article's pairs align
// better: the first paragraph's language (detectOrder), unless the text
// reads far better with the other first. A translator's note or an author
// line above an English-first article (译者注：本文译自…) makes a Chinese
// line the first, and read Chinese first every later pair is shifted by
// one: each English paragraph paired with the next one's translation.
// A page whose original is kept in comments says its order itself.
func likelierOrder(units []unit, order Lang) Lang {
	for _, u := range units {
		if u.md != nil && u.md.original {
			return order
		}
	}
	window := units[:min(len(units), orderWindow)]
	cost := func(o Lang) float64 {
		resolveLanguages(window, o)
		return windowCost(window, o, paragraphModel(inOrderScale(makeRuns(window), o)))
	}
	if cost(order.Other())+orderMargin < cost(order) {
		return order.Other()
	}
	return order
}
