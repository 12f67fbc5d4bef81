// Package linebreak chooses line breaks for a paragraph by Knuth and Plass's
// total-fit algorithm over boxes, glue, kerns and penalties. It knows nothing
// of fonts: widths are integers in any unit.
//
// The algorithm keeps a list of active breakpoints: places where a line may
// end such that every line before it fits. For each legal breakpoint it tries
// every active node as the start of the line ending there, keeps the cheapest
// (fewest total demerits) per fitness class, and drops active nodes that are
// too far behind for any line to fit. Each break records its line's adjustment
// ratio so callers can justify the line and tests can assert it.
package linebreak

import (
	"math"
	"sync"
)

// Kind is the type of an item.
type Kind uint8

// The kinds of item.
const (
	Box     Kind = iota // fixed-width material
	Glue                // stretchable space, a breakpoint after a box
	Kern                // fixed space, never a breakpoint, discarded at a line start
	Penalty             // a breakpoint with a cost; Width is added when broken here
)

// Infinity is the penalty that forbids (+) or forces (-) a break.
const Infinity = 10000

// LastResort is the penalty of a break that rules forbid but that may be
// taken when nothing else keeps a line within the measure: never in the
// first pass, and in the final pass only in preference to an overfull line
// (a Chinese line that would have to start with a closing mark rather than
// stick out of its column).
const LastResort = Infinity - 1

// Item is one element of a paragraph.
type Item struct {
	Kind    Kind
	Width   int
	Stretch int
	Shrink  int
	Penalty int
	Flagged bool // a hyphen break: consecutive flagged breaks cost extra
	// Hang is how far a line that breaks here may reach past the measure:
	// its final mark protruding into the margin (a Glue or Penalty).
	Hang int
}

// Params tunes the breaker.
type Params struct {
	Tolerance       float64 // largest adjustment ratio accepted in the first pass
	LinePenalty     float64
	FlaggedDemerits float64
	FitnessDemerits float64
	// MaxFlagged is the most consecutive lines that may end at a flagged
	// break (a hyphen); 0 means no limit.
	MaxFlagged int
	// EmergencyStretch is stretch the final pass counts on every line when
	// it rates how loose the line is, as TeX's \emergencystretch: it is not
	// set (a line keeps its own glue), but among lines that cannot be set
	// within the tolerance the fuller ones cost less, and a line with no
	// glue at all (a broken URL) is rated, in every pass, by how far it
	// falls short of the measure against this much stretch.
	EmergencyStretch int
	// Ragged, when positive, rates every line, the last one too, by its
	// shortfall from the measure against this much stretch, and ignores the
	// glue's own stretch and shrink: lines set at their natural width
	// (ragged right or centred) come out of about equal length.
	Ragged int
}

// DefaultParams are TeX's defaults, with a looser tolerance.
var DefaultParams = Params{Tolerance: 3, LinePenalty: 10, FlaggedDemerits: 3000, FitnessDemerits: 100}

// Break is a chosen line end.
type Break struct {
	Pos      int     // index of the item where the line ends
	Ratio    float64 // adjustment ratio of the line ending here
	Demerits float64 // total demerits up to here
	Overfull bool    // the line is wider than the measure even at full shrink
}

type node struct {
	pos                    int
	line                   int
	fitness                int
	width, stretch, shrink int // totals up to after this break
	glue                   int // the glue's share of stretch
	demerits               float64
	ratio                  float64
	prev                   int // index in nodes, -1 for the start
	overfull               bool
	start                  int // first box after the break: the next line begins there
	flagged                int // consecutive lines ending at a flagged break, up to this one
}

// Lines breaks items into lines of the given width. The items should end
// with a forced break (Penalty -Infinity), usually after a Glue with infinite
// stretch. It never fails: when no set of breaks fits, the lines that cannot
// fit are marked Overfull.
func Lines(items []Item, width int, p Params) []Break {
	if len(items) == 0 {
		return nil
	}
	if firstBox(items, 0) == len(items) {
		return []Break{{Pos: len(items) - 1}} // nothing to set: one empty line
	}
	s := scratches.Get().(*scratch)
	defer scratches.Put(s)
	if p.Ragged > 0 {
		p.Tolerance = math.Inf(1)
		return s.run(items, width, p, true)
	}
	if br := s.run(items, width, p, false); br != nil {
		return br
	}
	last := p
	last.Tolerance = math.Inf(1)
	if br := s.run(items, width, last, true); br != nil || last.MaxFlagged == 0 {
		return br
	}
	last.MaxFlagged = 0 // only hyphenated breaks exist (a long token): take them
	return s.run(items, width, last, true)
}

// scratch is the memory of one pass, kept from paragraph to paragraph: a
// long book's passes made a fifth of a build's garbage. The breaks a pass
// returns are its own.
type scratch struct {
	nodes          []node
	active, spare  []int
	reversedBreaks []Break
}

// scratches holds the scratch memory of passes not under way; it only
// saves allocations, and nothing in it outlives a pass.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// run is one pass of the algorithm. In the final pass, an active node that
// would be dropped for overfull lines when it is the last one is kept, and
// the line from it is taken overfull.
func (s *scratch) run(items []Item, width int, p Params, final bool) []Break {
	nodes := append(s.nodes[:0], node{pos: -1, prev: -1, start: firstBox(items, 0)})
	active, spare := append(s.active[:0], 0), s.spare[:0]
	defer func() { s.nodes, s.active, s.spare = nodes[:0], active[:0], spare[:0] }()
	var sumW, sumY, sumZ, sumG int // sumG: the glue's share of sumY
	for i, it := range items {
		switch it.Kind {
		case Box, Kern:
			// a box may stretch and shrink too (glyph expansion)
			sumW, sumY, sumZ = sumW+it.Width, sumY+it.Stretch, sumZ+it.Shrink
			continue
		case Glue:
			if i == 0 || items[i-1].Kind != Box {
				sumW, sumY, sumZ, sumG = sumW+it.Width, sumY+it.Stretch, sumZ+it.Shrink, sumG+it.Stretch
				continue
			}
		case Penalty:
			if it.Penalty >= Infinity || it.Penalty >= LastResort && !final {
				continue
			}
		}
		active, spare = tryBreak(items, i, active, spare, &nodes, width, p, final, sumW, sumY, sumZ, sumG)
		if it.Kind == Glue {
			sumW, sumY, sumZ, sumG = sumW+it.Width, sumY+it.Stretch, sumZ+it.Shrink, sumG+it.Stretch
		}
		if len(active) == 0 {
			return nil
		}
	}
	best := -1
	for _, a := range active {
		n := nodes[a]
		if n.pos == len(items)-1 && (best < 0 || n.demerits < nodes[best].demerits) {
			best = a
		}
	}
	if best < 0 {
		return nil
	}
	rev := s.reversedBreaks[:0]
	for k := best; k > 0; k = nodes[k].prev {
		n := nodes[k]
		rev = append(rev, Break{Pos: n.pos, Ratio: n.ratio, Demerits: n.demerits, Overfull: n.overfull})
	}
	s.reversedBreaks = rev[:0]
	out := make([]Break, len(rev))
	for i := range rev {
		out[i] = rev[len(rev)-1-i]
	}
	return out
}

// tryBreak considers a break at item i from every active node, and returns
// the new active list (built in spare) and the old one, to be reused.
func tryBreak(items []Item, i int, active, spare []int, nodesp *[]node, width int, p Params, final bool,
	sumW, sumY, sumZ, sumG int) (kept, old []int) {
	nodes := *nodesp
	it := items[i]
	breakWidth := 0
	if it.Kind == Penalty {
		breakWidth = it.Width
	}
	type candidate struct {
		from     int
		demerits float64
		ratio    float64
		overfull bool
	}
	// the best way to each fitness class and count of consecutive flagged
	// line ends (0, 1, 2, more), so a limit on the count keeps the optimum
	var best [4][4]candidate
	var found [4][4]bool
	flaggedBreak := it.Kind == Penalty && it.Flagged
	kept = spare[:0]
	for ai, a := range active {
		n := &nodes[a] // nothing is appended to nodes in this loop
		if i < n.start && !(it.Kind == Penalty && it.Penalty <= -Infinity) {
			kept = append(kept, a) // no box since that break: no line to end here
			continue
		}
		lineW := sumW - n.width + breakWidth - it.Hang
		ratio := adjustment(lineW, sumY-n.stretch, sumZ-n.shrink, width)
		cost := ratio // the ratio the line is rated by
		switch {
		case p.Ragged > 0:
			ratio = adjustment(lineW, 0, 0, width)
			cost = adjustment(lineW, p.Ragged, 0, width)
		case p.EmergencyStretch > 0 && ratio > 0 && sumG-n.glue <= 0:
			// no glue to stretch (a line of one broken URL): it is set flush
			// left or letter-spaced a little, and rated in every pass by how
			// far it falls short
			cost = adjustment(lineW, p.EmergencyStretch, 0, width)
		case final && p.EmergencyStretch > 0 && ratio > 0:
			cost = spaceRatio(lineW, sumY-n.stretch, sumG-n.glue+p.EmergencyStretch, width)
		case ratio > 1:
			cost = spaceRatio(lineW, sumY-n.stretch, sumG-n.glue, width)
		}
		overfull := false
		if ratio < -1 {
			isLast := ai == len(active)-1 && len(kept) == 0
			if !final || !isLast {
				continue // deactivate: no later line from here can fit either
			}
			overfull, ratio, cost = true, -1, -1
		} else {
			kept = append(kept, a)
		}
		if cost > p.Tolerance {
			continue
		}
		h := 0
		if flaggedBreak {
			h = n.flagged + 1
		}
		if p.MaxFlagged > 0 && h > p.MaxFlagged {
			continue
		}
		d := demerits(cost, it, items, n, p)
		if overfull {
			d += 1e12 // worse than any underfull line, which has no more than (LinePenalty+maxBadness)² + 1e10
		}
		f := fitness(cost)
		if n.pos >= 0 && abs(f-n.fitness) > 1 {
			d += p.FitnessDemerits
		}
		d += n.demerits
		hc := min(h, 3)
		if !found[f][hc] || d < best[f][hc].demerits {
			best[f][hc], found[f][hc] = candidate{from: a, demerits: d, ratio: ratio, overfull: overfull}, true
		}
	}
	if it.Kind == Penalty && it.Penalty <= -Infinity {
		kept = kept[:0]
	}
	// totals after the break: skip the discardable items that follow it
	w, y, z, g := sumW, sumY, sumZ, sumG
	if it.Kind == Glue {
		w, y, z, g = w+it.Width, y+it.Stretch, z+it.Shrink, g+it.Stretch
	}
	j := i + 1
	for ; j < len(items) && items[j].Kind != Box; j++ {
		switch items[j].Kind {
		case Penalty: // a penalty's width counts only when broken at
		case Glue:
			w, y, z, g = w+items[j].Width, y+items[j].Stretch, z+items[j].Shrink, g+items[j].Stretch
		default:
			w, y, z = w+items[j].Width, y+items[j].Stretch, z+items[j].Shrink
		}
	}
	for f := range best {
		for hc := range best[f] {
			if !found[f][hc] {
				continue
			}
			c := &best[f][hc]
			h := 0
			if flaggedBreak {
				h = nodes[c.from].flagged + 1
			}
			nodes = append(nodes, node{pos: i, line: nodes[c.from].line + 1, fitness: f, width: w, stretch: y, shrink: z, glue: g,
				demerits: c.demerits, ratio: c.ratio, prev: c.from, overfull: c.overfull, start: j, flagged: h})
			kept = append(kept, len(nodes)-1)
		}
	}
	*nodesp = nodes
	return kept, active
}

func firstBox(items []Item, from int) int {
	for from < len(items) && items[from].Kind != Box {
		from++
	}
	return from
}

// adjustment is the ratio by which a line's glue must stretch (>0) or
// shrink (<0) to fill width.
func adjustment(lineW, stretch, shrink, width int) float64 {
	switch {
	case lineW < width:
		if stretch <= 0 {
			return Infinity
		}
		return float64(width-lineW) / float64(stretch)
	case lineW > width:
		if shrink <= 0 {
			return -Infinity
		}
		return float64(width-lineW) / float64(shrink)
	}
	return 0
}

// spaceRatio is how far a line's glue must stretch to fill width once its
// boxes have stretched all they may (glyph expansion goes first and is
// capped at the boxes' own stretch, as the line is set): the ratio the
// spaces show, which is what a reader sees of a loose line. stretch is the
// line's whole stretch, glue the glue's share of it.
func spaceRatio(lineW, stretch, glue, width int) float64 {
	boxes := stretch - glue
	if glue <= 0 || boxes <= 0 || lineW+boxes >= width {
		return adjustment(lineW, stretch, 0, width)
	}
	return float64(width-lineW-boxes) / float64(glue)
}

// demerits of a line with this ratio ending at item it.
func demerits(ratio float64, it Item, items []Item, from *node, p Params) float64 {
	b := badness(ratio)
	d := (p.LinePenalty + b) * (p.LinePenalty + b)
	if it.Kind == Penalty {
		switch {
		case it.Penalty >= LastResort:
			d += 1e10 // worse than any underfull line, better than an overfull one
		case it.Penalty > 0:
			d += float64(it.Penalty * it.Penalty)
		case it.Penalty > -Infinity:
			d -= float64(it.Penalty * it.Penalty)
		}
		if it.Flagged && from.pos >= 0 && items[from.pos].Kind == Penalty && items[from.pos].Flagged {
			d += p.FlaggedDemerits
		}
	}
	return d
}

// Badness limits: TeX's badness 100·r³ reaches Infinity at r ≈ 4.64; past
// it, where TeX calls every line equally bad, it grows in proportion to r
// so that the less loose of two very loose lines wins, up to maxBadness,
// which keeps any underfull line cheaper than a LastResort break.
const (
	capRatio   = 4.641588833612779 // ∛100
	maxBadness = 5e4
)

// badness of a line set with adjustment ratio r.
func badness(r float64) float64 {
	r = math.Abs(r)
	if r <= capRatio {
		return 100 * r * r * r
	}
	return min(Infinity*r/capRatio, maxBadness)
}

// fitness classes: 0 tight, 1 normal, 2 loose, 3 very loose.
func fitness(ratio float64) int {
	switch {
	case ratio < -0.5:
		return 0
	case ratio <= 0.5:
		return 1
	case ratio <= 1:
		return 2
	}
	return 3
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
