package article

// detectOrder returns the language of the first clearly Chinese or English
// unit: the article's order within each pair. ok is false when no unit is
// clearly either.
func detectOrder(units []unit) (order Lang, ok bool) {
	for _, u := range units {
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
// Weak units (a few Latin letters, such as "FAQ" given in both languages, or
// a one-word heading) take their language from their place in the
// alternation: after the first language of a pair comes its translation; after
// a translation, a weak unit starts a new pair when a weak or translated unit
// follows it, and otherwise continues the translation's run.
func resolveLanguages(units []unit, order Lang) {
	nextLettered, nextClear := lookahead(units)
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
		case classWeak:
			u.lang = weakLanguage(prev, order, nextLettered[i])
		}
		prev = u.lang
	}
	identicalNeighbours(units, order)
}

// lookahead returns, for each unit, the class of the next unit after it that
// has letters, and of the next unit after it that is clearly Chinese or
// English (classNeutral when there is none), in one backward pass.
func lookahead(units []unit) (nextLettered, nextClear []class) {
	nextLettered = make([]class, len(units))
	nextClear = make([]class, len(units))
	lettered, clear := classNeutral, classNeutral
	for i := len(units) - 1; i >= 0; i-- {
		nextLettered[i], nextClear[i] = lettered, clear
		switch units[i].class {
		case classWeak:
			lettered = classWeak
		case classZH, classEN:
			lettered, clear = units[i].class, units[i].class
		}
	}
	return nextLettered, nextClear
}

// weakLanguage decides the language of a weak unit from the language before
// it and the class of the next unit with letters.
func weakLanguage(prev, order Lang, next class) Lang {
	switch {
	case prev == order:
		return order.Other()
	case next == classWeak:
		return order
	case next == classNeutral: // nothing follows
		return order.Other()
	case (next == classZH) == (order == Chinese):
		return order.Other() // the next pair starts after this unit
	}
	return order
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
// are taken as one pair.
func identicalNeighbours(units []unit, order Lang) {
	for i := 0; i+1 < len(units); i++ {
		a, b := &units[i], &units[i+1]
		if a.text != b.text || a.counts.han > 0 || a.class == classNeutral {
			continue
		}
		if i > 0 && units[i-1].lang == order {
			continue // a pair is open: these continue its translation
		}
		a.lang, b.lang = order, order.Other()
		i++
	}
}
