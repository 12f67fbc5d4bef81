package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"unicode"
	"unicode/utf16"
)

// SubsetOptions control Subset.
type SubsetOptions struct {
	// Family names the subset in its name table: a subset is a modified
	// font under the OFL, so it may not carry a Reserved Font Name.
	Family string
	// StandIns gives every requested rune the face lacks a glyph of its
	// own: a copy of .notdef, or an empty zero-width glyph for an invisible
	// character (DefaultIgnorable). A PDF then draws a visible box and its
	// text layer still holds the character itself.
	StandIns bool
	// FlattenComposites rewrites composite glyphs whose components are
	// composites themselves so that they refer to simple glyphs only
	// (offsets added), for readers that follow one level of components
	// (gopdf did: Source Serif's % lost its rings).
	FlattenComposites bool
	// KernPairs lists the pairs of characters to write into a 'kern' table
	// with their kerning (see Face.Kern), so that a reading system kerns the
	// text although the subset has no GPOS: the pairs the text sets side by
	// side, not every pair of the subset's characters.
	KernPairs [][2]rune
}

// Subset returns a TrueType font holding only the glyphs of runes (plus
// .notdef and the components of composite glyphs), renumbered densely, with
// a cmap for exactly those runes that the face covers (and the stand-ins).
// The copyright and licence records of the name table are kept. Layout
// tables (GSUB, GPOS, kern) are dropped: they index glyphs of the full font
// (SubsetOptions.KernPairs writes a new kern table).
func (f *Face) Subset(runes []rune, opt SubsetOptions) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("font %s: subset: malformed font (%v)", f.Name, r)
		}
	}()
	src, dir, err := f.glyphSource(opt)
	if err != nil {
		return nil, err
	}
	// New glyph ids: .notdef, then the runes' glyphs in rune order, then
	// composite components as they are found.
	var mapping []cmapGroup
	plan := newGlyphPlan()
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	for _, r := range runes {
		switch g, ok := f.Glyph(r); {
		case ok:
			mapping = append(mapping, cmapGroup{first: r, last: r, start: plan.add(g)})
		case opt.StandIns && DefaultIgnorable(r):
			mapping = append(mapping, cmapGroup{first: r, last: r, start: plan.addCopy(emptyGlyph)})
		case opt.StandIns:
			mapping = append(mapping, cmapGroup{first: r, last: r, start: plan.addCopy(0)})
		}
	}
	return f.assembleSubset(src, dir, plan, mapping, runes, opt)
}

// GlyphRequest is one glyph of a subset made glyph by glyph (SubsetGlyphs).
type GlyphRequest struct {
	Glyph uint32 // the face's glyph (ignored for a stand-in)
	// Rune is the character the glyph draws on its own, for the subset's
	// cmap; 0 for a glyph that stands for several (a ligature) or for a
	// copy of a glyph another request maps.
	Rune rune
	// StandIn asks for a copy of .notdef (an empty, zero-width glyph when
	// Rune is DefaultIgnorable) for a character the face lacks.
	StandIn bool
}

// SubsetGlyphs returns a TrueType font whose glyph i+1 is glyphs[i], with
// .notdef as glyph 0 and the components of composite glyphs after them.
// A glyph asked for twice is copied twice, so a writer may give each
// copy text of its own (a PDF's ToUnicode is by glyph). The cmap maps
// the requests' runes; name, layout tables and options are as for Subset.
func (f *Face) SubsetGlyphs(glyphs []GlyphRequest, opt SubsetOptions) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("font %s: subset: malformed font (%v)", f.Name, r)
		}
	}()
	src, dir, err := f.glyphSource(opt)
	if err != nil {
		return nil, err
	}
	plan := newGlyphPlan()
	var mapping []cmapGroup
	var runes []rune
	for _, g := range glyphs {
		var id uint32
		switch {
		case g.StandIn && DefaultIgnorable(g.Rune):
			id = plan.addCopy(emptyGlyph)
		case g.StandIn:
			id = plan.addCopy(0)
		case int(g.Glyph) >= f.numGlyphs:
			return nil, fmt.Errorf("font %s: subset: no glyph %d", f.Name, g.Glyph)
		default:
			id = plan.addCopy(g.Glyph)
		}
		if g.Rune > 0 {
			mapping = append(mapping, cmapGroup{first: g.Rune, last: g.Rune, start: id})
			runes = append(runes, g.Rune)
		}
	}
	slices.SortFunc(mapping, func(a, b cmapGroup) int { return int(a.first) - int(b.first) })
	mapping = slices.CompactFunc(mapping, func(a, b cmapGroup) bool { return a.first == b.first })
	slices.Sort(runes)
	runes = slices.Compact(runes)
	return f.assembleSubset(src, dir, plan, mapping, runes, opt)
}

// glyphSource reads the face's tables for subsetting.
func (f *Face) glyphSource(opt SubsetOptions) (*glyphSource, tableDir, error) {
	dir, err := readTables(f.Data)
	if err != nil {
		return nil, nil, err
	}
	src, err := newGlyphSource(dir, f.numGlyphs)
	if err != nil {
		return nil, nil, fmt.Errorf("font %s: subset: %w", f.Name, err)
	}
	if opt.FlattenComposites {
		src.flat = map[uint32][]byte{}
	}
	return src, dir, nil
}

// assembleSubset adds the components of the plan's composite glyphs and
// writes the font: glyphs, metrics, a cmap of mapping, and the tables
// copied or patched from the face's.
func (f *Face) assembleSubset(src *glyphSource, dir tableDir, plan *glyphPlan, mapping []cmapGroup, runes []rune, opt SubsetOptions) ([]byte, error) {
	for i := 0; i < len(plan.old); i++ { // plan.old grows as components are found
		for _, c := range src.components(plan.old[i]) {
			plan.add(c)
		}
	}

	if len(plan.old) > 0xFFFF {
		return nil, fmt.Errorf("font %s: the text needs %d glyphs of this face, more than the 65,535 a font can hold", f.Name, len(plan.old))
	}
	glyf, loca, err := src.rewrite(plan)
	if err != nil {
		return nil, fmt.Errorf("font %s: subset: %w", f.Name, err)
	}
	tables := map[string][]byte{
		"glyf": glyf,
		"loca": loca,
		"hmtx": src.hmtx(plan),
		"cmap": buildCmap(mapping),
		"name": buildName(dir["name"], opt.Family),
		"post": buildPost(dir["post"]),
	}
	if len(opt.KernPairs) > 0 {
		if kern := f.buildKern(mapping, opt.KernPairs); kern != nil {
			tables["kern"] = kern
		}
	}
	tables["head"] = patchHead(dir["head"])
	tables["hhea"] = patch16(dir["hhea"], 34, uint16(len(plan.old)))
	tables["maxp"] = patch16(dir["maxp"], 4, uint16(len(plan.old)))
	if os2 := dir["OS/2"]; len(os2) >= 68 {
		tables["OS/2"] = patchOS2(os2, runes)
	}
	for _, tag := range []string{"cvt ", "fpgm", "prep", "gasp"} {
		if b := dir[tag]; b != nil {
			tables[tag] = b
		}
	}
	return assemble(tables), nil
}

// glyphPlan assigns new glyph ids to old ones.
type glyphPlan struct {
	old   []uint32          // new id -> old id
	newID map[uint32]uint32 // old id -> new id
}

func newGlyphPlan() *glyphPlan {
	p := &glyphPlan{newID: map[uint32]uint32{}}
	p.add(0)
	return p
}

// emptyGlyph stands for a glyph with no outline and no advance.
const emptyGlyph = ^uint32(0)

// addCopy adds a glyph that is not shared with any other rune.
func (p *glyphPlan) addCopy(old uint32) uint32 {
	p.old = append(p.old, old)
	return uint32(len(p.old) - 1)
}

func (p *glyphPlan) add(old uint32) uint32 {
	if id, ok := p.newID[old]; ok {
		return id
	}
	id := uint32(len(p.old))
	p.old = append(p.old, old)
	p.newID[old] = id
	return id
}

// glyphSource reads glyph outlines and metrics from the full font. The
// loca table is read where it lies, entry by entry: a subset needs a few
// hundred of a Chinese face's 65,000.
type glyphSource struct {
	glyf      []byte
	loca      []byte
	longLoca  bool
	numGlyphs int
	hmtxTable []byte
	nMetrics  int
	flat      map[uint32][]byte // flattened composites, when asked for; nil otherwise
}

// errBadLoca is raised (as a panic, which Subset and SubsetGlyphs turn into
// their error) by a glyph whose loca entries are out of order or outside
// glyf.
var errBadLoca = errors.New("a loca entry out of order or outside glyf")

func newGlyphSource(dir tableDir, numGlyphs int) (*glyphSource, error) {
	longLoca, err := u16(dir["head"], 50)
	if err != nil {
		return nil, err
	}
	loca, size := dir["loca"], 2
	if longLoca != 0 {
		size = 4
	}
	if len(loca) < size*(numGlyphs+1) {
		return nil, errors.New("loca table too short")
	}
	nMetrics, err := u16(dir["hhea"], 34)
	if err != nil {
		return nil, err
	}
	return &glyphSource{glyf: dir["glyf"], loca: loca, longLoca: longLoca != 0, numGlyphs: numGlyphs, hmtxTable: dir["hmtx"], nMetrics: int(nMetrics)}, nil
}

// offset is loca's entry i: where glyph i starts in glyf.
func (s *glyphSource) offset(i uint32) uint32 {
	if s.longLoca {
		return binary.BigEndian.Uint32(s.loca[4*i:])
	}
	return 2 * uint32(binary.BigEndian.Uint16(s.loca[2*i:]))
}

func (s *glyphSource) data(g uint32) []byte {
	b := s.raw(g)
	if s.flat == nil || len(b) < 10 || int16(binary.BigEndian.Uint16(b)) >= 0 {
		return b
	}
	if f, ok := s.flat[g]; ok {
		return f
	}
	f := s.flatten(b)
	s.flat[g] = f
	return f
}

// raw returns the glyph's bytes as the font has them.
func (s *glyphSource) raw(g uint32) []byte {
	if g == emptyGlyph || int(g) >= s.numGlyphs {
		return nil
	}
	from, to := s.offset(g), s.offset(g+1)
	if from > to || int(to) > len(s.glyf) {
		panic(errBadLoca)
	}
	return s.glyf[from:to]
}

// Flags of a composite glyph's component record.
const (
	argsAreWords     = 0x0001
	argsAreXY        = 0x0002
	haveScale        = 0x0008
	moreComponents   = 0x0020
	haveXYScale      = 0x0040
	haveTwoByTwo     = 0x0080
	haveInstructions = 0x0100
	useMyMetrics     = 0x0200
	anyTransform     = haveScale | haveXYScale | haveTwoByTwo
)

// component is one record of a composite glyph.
type component struct {
	flags  uint16
	glyph  uint16
	dx, dy int // the offset (argsAreXY) or the points to match
	xform  []byte
}

// readComponents parses a composite glyph's records.
func readComponents(b []byte) ([]component, error) {
	offs, err := componentOffsets(b)
	if err != nil || offs == nil {
		return nil, err
	}
	var cs []component
	for _, o := range offs {
		c := component{flags: binary.BigEndian.Uint16(b[o-2:]), glyph: binary.BigEndian.Uint16(b[o:])}
		p := o + 2
		switch {
		case c.flags&argsAreWords != 0 && c.flags&argsAreXY != 0:
			c.dx, c.dy = int(int16(binary.BigEndian.Uint16(b[p:]))), int(int16(binary.BigEndian.Uint16(b[p+2:])))
			p += 4
		case c.flags&argsAreWords != 0:
			c.dx, c.dy = int(binary.BigEndian.Uint16(b[p:])), int(binary.BigEndian.Uint16(b[p+2:]))
			p += 4
		case c.flags&argsAreXY != 0:
			c.dx, c.dy = int(int8(b[p])), int(int8(b[p+1]))
			p += 2
		default:
			c.dx, c.dy = int(b[p]), int(b[p+1])
			p += 2
		}
		n := 0
		switch {
		case c.flags&haveScale != 0:
			n = 2
		case c.flags&haveXYScale != 0:
			n = 4
		case c.flags&haveTwoByTwo != 0:
			n = 8
		}
		c.xform = b[p : p+n]
		cs = append(cs, c)
	}
	return cs, nil
}

// leaves returns the records of glyph b with every composite component
// placed by a plain offset replaced by its own records, offsets added;
// ok is false when that cannot be done (point matching, offsets out of
// range, nesting too deep).
func (s *glyphSource) leaves(b []byte, depth int, budget *int) (out []component, ok bool) {
	cs, err := readComponents(b)
	if err != nil || depth > maxComponentDepth {
		return nil, false
	}
	for _, c := range cs {
		if *budget--; *budget < 0 {
			return nil, false // nested composites that multiply: left as they are
		}
		child := s.raw(uint32(c.glyph))
		if len(child) < 10 || int16(binary.BigEndian.Uint16(child)) >= 0 {
			out = append(out, c) // a simple or empty glyph
			continue
		}
		if c.flags&argsAreXY == 0 {
			return nil, false
		}
		inner, ok := s.leaves(child, depth+1, budget)
		if !ok {
			return nil, false
		}
		outer := matrixOf(c)
		for _, ic := range inner {
			if ic.flags&argsAreXY == 0 {
				return nil, false
			}
			if c.flags&anyTransform != 0 {
				// the child's outline, its offsets included, goes through
				// the outer transform
				m := outer.times(matrixOf(ic))
				x, y := outer.apply(float64(ic.dx), float64(ic.dy))
				ic.dx, ic.dy = int(math.Round(x)), int(math.Round(y))
				ic.flags = ic.flags&^anyTransform | haveTwoByTwo
				ic.xform = m.encode()
			}
			ic.dx, ic.dy = ic.dx+c.dx, ic.dy+c.dy
			if ic.dx < -32768 || ic.dx > 32767 || ic.dy < -32768 || ic.dy > 32767 {
				return nil, false
			}
			out = append(out, ic)
		}
	}
	return out, true
}

// Bounds on composite glyphs: nesting depth (real fonts use 1 to 3) and
// the component records a flattened glyph may visit (real fonts: a few;
// ten levels of eight components each would be a billion).
const (
	maxComponentDepth = 8
	maxFlatComponents = 256
)

// matrix is a component's 2×2 transform: x' = a·x + c·y, y' = b·x + d·y,
// with a, b, c, d in the order a record stores them (xscale, scale01,
// scale10, yscale).
type matrix struct{ a, b, c, d float64 }

func matrixOf(c component) matrix {
	f := func(i int) float64 { return float64(int16(binary.BigEndian.Uint16(c.xform[2*i:]))) / 16384 }
	switch {
	case c.flags&haveScale != 0:
		return matrix{f(0), 0, 0, f(0)}
	case c.flags&haveXYScale != 0:
		return matrix{f(0), 0, 0, f(1)}
	case c.flags&haveTwoByTwo != 0:
		return matrix{f(0), f(1), f(2), f(3)}
	}
	return matrix{1, 0, 0, 1}
}

// times returns the transform m applied after n.
func (m matrix) times(n matrix) matrix {
	return matrix{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
	}
}

func (m matrix) apply(x, y float64) (float64, float64) { return m.a*x + m.c*y, m.b*x + m.d*y }

// encode writes m as four F2Dot14 numbers.
func (m matrix) encode() []byte {
	var out []byte
	for _, v := range []float64{m.a, m.b, m.c, m.d} {
		out = binary.BigEndian.AppendUint16(out, uint16(int16(math.Round(math.Max(-2, math.Min(v, 1.99993))*16384))))
	}
	return out
}

// flatten rewrites a composite glyph to refer to simple glyphs only, or
// returns it unchanged when it has no nested composite or cannot be
// flattened. Instructions are dropped (the PDF does not hint).
func (s *glyphSource) flatten(b []byte) []byte {
	cs, err := readComponents(b)
	if err != nil {
		return b
	}
	nested := false
	for _, c := range cs {
		if child := s.raw(uint32(c.glyph)); len(child) >= 10 && int16(binary.BigEndian.Uint16(child)) < 0 {
			nested = true
		}
	}
	if !nested {
		return b
	}
	budget := maxFlatComponents
	leaves, ok := s.leaves(b, 0, &budget)
	if !ok {
		return b
	}
	out := append([]byte{}, b[:10]...) // numberOfContours -1 and the bounding box
	for i, c := range leaves {
		flags := c.flags&^(argsAreWords|moreComponents|haveInstructions|useMyMetrics) | argsAreWords
		if i < len(leaves)-1 {
			flags |= moreComponents
		}
		out = binary.BigEndian.AppendUint16(out, flags)
		out = binary.BigEndian.AppendUint16(out, c.glyph)
		out = binary.BigEndian.AppendUint16(out, uint16(int16(c.dx)))
		out = binary.BigEndian.AppendUint16(out, uint16(int16(c.dy)))
		out = append(out, c.xform...)
	}
	return out
}

// componentOffsets returns the byte offsets of the glyph-index fields of a
// composite glyph's components (nil for a simple or empty glyph).
func componentOffsets(b []byte) ([]int, error) {
	if len(b) < 10 || int16(binary.BigEndian.Uint16(b)) >= 0 {
		return nil, nil
	}
	var offs []int
	for p := 10; ; {
		if p+4 > len(b) {
			return nil, errors.New("composite glyph truncated")
		}
		flags := binary.BigEndian.Uint16(b[p:])
		offs = append(offs, p+2)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if p > len(b) {
			return nil, errors.New("composite glyph truncated")
		}
		if flags&moreComponents == 0 {
			return offs, nil
		}
	}
}

// components lists the glyphs a composite glyph refers to.
func (s *glyphSource) components(g uint32) []uint32 {
	b := s.data(g)
	offs, err := componentOffsets(b)
	if err != nil {
		return nil // rewrite reports it
	}
	var cs []uint32
	for _, o := range offs {
		cs = append(cs, uint32(binary.BigEndian.Uint16(b[o:])))
	}
	return cs
}

// rewrite builds the subset's glyf (components renumbered, each glyph
// padded to 4 bytes) and its long-format loca.
func (s *glyphSource) rewrite(p *glyphPlan) (glyf, loca []byte, err error) {
	loca = make([]byte, 4*(len(p.old)+1))
	for i, old := range p.old {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		b := s.data(old)
		offs, err := componentOffsets(b)
		if err != nil {
			return nil, nil, fmt.Errorf("glyph %d: %w", old, err)
		}
		start := len(glyf)
		glyf = append(glyf, b...)
		for _, o := range offs {
			c := uint32(binary.BigEndian.Uint16(b[o:]))
			binary.BigEndian.PutUint16(glyf[start+o:], uint16(p.newID[c]))
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	binary.BigEndian.PutUint32(loca[4*len(p.old):], uint32(len(glyf)))
	return glyf, loca, nil
}

// hmtx writes a full metric (advance, left side bearing) for every glyph.
func (s *glyphSource) hmtx(p *glyphPlan) []byte {
	out := make([]byte, 4*len(p.old))
	for i, old := range p.old {
		var adv, lsb uint16
		if old == emptyGlyph {
			continue
		}
		if int(old) < s.nMetrics {
			adv, _ = u16(s.hmtxTable, 4*int(old))
			lsb, _ = u16(s.hmtxTable, 4*int(old)+2)
		} else {
			adv, _ = u16(s.hmtxTable, 4*(s.nMetrics-1))
			lsb, _ = u16(s.hmtxTable, 4*s.nMetrics+2*(int(old)-s.nMetrics))
		}
		binary.BigEndian.PutUint16(out[4*i:], adv)
		binary.BigEndian.PutUint16(out[4*i+2:], lsb)
	}
	return out
}

// buildCmap writes a cmap with a format 4 subtable (3,1) for the BMP and,
// when a rune lies beyond it, a format 12 subtable (3,10) for all runes.
func buildCmap(mapping []cmapGroup) []byte {
	var bmp []cmapGroup
	wide := false
	for _, m := range mapping {
		if m.first <= 0xFFFF {
			bmp = append(bmp, m)
		} else {
			wide = true
		}
	}
	subtables := [][]byte{cmap4(bmp)}
	ids := [][2]uint16{{3, 1}}
	if wide {
		subtables = append(subtables, cmap12(mapping))
		ids = append(ids, [2]uint16{3, 10})
	}
	out := make([]byte, 4+8*len(subtables))
	binary.BigEndian.PutUint16(out[2:], uint16(len(subtables)))
	for i, st := range subtables {
		rec := out[4+8*i:]
		binary.BigEndian.PutUint16(rec, ids[i][0])
		binary.BigEndian.PutUint16(rec[2:], ids[i][1])
		binary.BigEndian.PutUint32(rec[4:], uint32(len(out)))
		out = append(out, st...)
	}
	return out
}

// runs merges single-rune mappings into groups of consecutive runes with
// consecutive glyphs.
func runs(mapping []cmapGroup) []cmapGroup {
	var out []cmapGroup
	for _, m := range mapping {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if m.first == last.last+1 && m.start == last.start+uint32(last.last-last.first)+1 {
				last.last = m.first
				continue
			}
		}
		out = append(out, cmapGroup{first: m.first, last: m.first, start: m.start})
	}
	return out
}

func cmap4(mapping []cmapGroup) []byte {
	segs := runs(mapping)
	segs = append(segs, cmapGroup{first: 0xFFFF, last: 0xFFFF, start: 0}) // required final segment
	n := len(segs)
	b := make([]byte, 16+8*n)
	binary.BigEndian.PutUint16(b, 4)
	binary.BigEndian.PutUint16(b[2:], uint16(len(b)))
	binary.BigEndian.PutUint16(b[6:], uint16(2*n))
	searchRange, selector := 2, 0
	for searchRange*2 <= 2*n {
		searchRange *= 2
		selector++
	}
	binary.BigEndian.PutUint16(b[8:], uint16(searchRange))
	binary.BigEndian.PutUint16(b[10:], uint16(selector))
	binary.BigEndian.PutUint16(b[12:], uint16(2*n-searchRange))
	for i, s := range segs {
		binary.BigEndian.PutUint16(b[14+2*i:], uint16(s.last))
		binary.BigEndian.PutUint16(b[16+2*n+2*i:], uint16(s.first))
		delta := uint16(s.start) - uint16(s.first)
		if s.first == 0xFFFF {
			delta = 1
		}
		binary.BigEndian.PutUint16(b[16+4*n+2*i:], delta)
		// idRangeOffset stays 0: every segment maps by delta.
	}
	return b
}

func cmap12(mapping []cmapGroup) []byte {
	groups := runs(mapping)
	b := make([]byte, 16+12*len(groups))
	binary.BigEndian.PutUint16(b, 12)
	binary.BigEndian.PutUint32(b[4:], uint32(len(b)))
	binary.BigEndian.PutUint32(b[12:], uint32(len(groups)))
	for i, g := range groups {
		p := b[16+12*i:]
		binary.BigEndian.PutUint32(p, uint32(g.first))
		binary.BigEndian.PutUint32(p[4:], uint32(g.last))
		binary.BigEndian.PutUint32(p[8:], g.start)
	}
	return b
}

// buildName writes a name table (Windows, Unicode BMP, US English) that
// keeps the original's copyright, licence and licence URL and names the
// subset family.
func buildName(orig []byte, family string) []byte {
	kept := readNames(orig)
	records := map[uint16]string{
		1: family, 2: "Regular", 3: family + " subset", 4: family, 6: postscriptName(family),
	}
	for _, id := range []uint16{0, 13, 14} {
		if s, ok := kept[id]; ok {
			records[id] = s
		}
	}
	ids := make([]uint16, 0, len(records))
	for id := range records {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	head := make([]byte, 6+12*len(ids))
	binary.BigEndian.PutUint16(head[2:], uint16(len(ids)))
	binary.BigEndian.PutUint16(head[4:], uint16(len(head)))
	var strs []byte
	for i, id := range ids {
		units := utf16.Encode([]rune(records[id]))
		rec := head[6+12*i:]
		binary.BigEndian.PutUint16(rec, 3)
		binary.BigEndian.PutUint16(rec[2:], 1)
		binary.BigEndian.PutUint16(rec[4:], 0x409)
		binary.BigEndian.PutUint16(rec[6:], id)
		binary.BigEndian.PutUint16(rec[8:], uint16(2*len(units)))
		binary.BigEndian.PutUint16(rec[10:], uint16(len(strs)))
		for _, u := range units {
			strs = binary.BigEndian.AppendUint16(strs, u)
		}
	}
	return append(head, strs...)
}

// readNames returns the Windows-platform English strings of a name table.
func readNames(b []byte) map[uint16]string {
	names := map[uint16]string{}
	count, err := u16(b, 2)
	if err != nil {
		return names
	}
	storage, _ := u16(b, 4)
	for i := 0; i < int(count); i++ {
		rec := 6 + 12*i
		if rec+12 > len(b) {
			break
		}
		platform, encoding := binary.BigEndian.Uint16(b[rec:]), binary.BigEndian.Uint16(b[rec+2:])
		lang, id := binary.BigEndian.Uint16(b[rec+4:]), binary.BigEndian.Uint16(b[rec+6:])
		length, off := int(binary.BigEndian.Uint16(b[rec+8:])), int(binary.BigEndian.Uint16(b[rec+10:]))
		start := int(storage) + off
		if platform != 3 || encoding != 1 || lang != 0x409 || start+length > len(b) {
			continue
		}
		units := make([]uint16, length/2)
		for j := range units {
			units[j] = binary.BigEndian.Uint16(b[start+2*j:])
		}
		names[id] = string(utf16.Decode(units))
	}
	return names
}

// postscriptName keeps the printable ASCII of s, without spaces.
func postscriptName(s string) string {
	var out []rune
	for _, r := range s {
		if r > ' ' && r < 0x7F && !slices.Contains([]rune("[](){}<>/%"), r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// buildPost writes a version 3 post table (no glyph names) with the
// original's italic angle and underline metrics.
func buildPost(orig []byte) []byte {
	b := make([]byte, 32)
	copy(b, orig)
	binary.BigEndian.PutUint32(b, 0x00030000)
	for i := 16; i < 32; i++ {
		b[i] = 0
	}
	return b
}

// patchHead copies head with long loca offsets and a zero checksum
// adjustment (assemble fills it in).
func patchHead(orig []byte) []byte {
	b := patch16(orig, 50, 1)
	binary.BigEndian.PutUint32(b[8:], 0)
	return b
}

// patchOS2 sets the first and last character indexes to the subset's.
func patchOS2(orig []byte, runes []rune) []byte {
	b := slices.Clone(orig)
	first, last := uint16(0xFFFF), uint16(0)
	for _, r := range runes {
		v := uint16(min(r, 0xFFFF))
		first, last = min(first, v), max(last, v)
	}
	if len(runes) == 0 {
		first = 0
	}
	binary.BigEndian.PutUint16(b[64:], first)
	binary.BigEndian.PutUint16(b[66:], last)
	return b
}

func patch16(orig []byte, off int, v uint16) []byte {
	b := slices.Clone(orig)
	binary.BigEndian.PutUint16(b[off:], v)
	return b
}

// assemble writes the font file: tables in tag order, 4-byte aligned, with
// their checksums and head's checksum adjustment.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	n := len(tags)
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	searchRange, selector := 1, 0
	for searchRange*2 <= n {
		searchRange *= 2
		selector++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16*searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(selector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*(n-searchRange)))
	headAt := 0
	for i, tag := range tags {
		t := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the OpenType table checksum: the sum of big-endian uint32s,
// the last one zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// DefaultIgnorable reports a character that is invisible by nature: a
// variation selector, a joiner, a format control such as U+200B or U+FEFF.
func DefaultIgnorable(r rune) bool {
	return unicode.In(r, unicode.Variation_Selector, unicode.Join_Control, unicode.Other_Default_Ignorable_Code_Point) ||
		r >= 0x200B && r <= 0x200F || r >= 0x2060 && r <= 0x2064 || r == 0xFEFF || r == 0xAD
}

// maxKernPairs keeps a kern subtable within its 16-bit length.
const maxKernPairs = (0xFFFF - 14) / 6

// buildKern writes a kern table (version 0, one horizontal format 0
// subtable) with the kerning of the wanted pairs of mapped characters, or
// nil when none kerns.
func (f *Face) buildKern(mapping []cmapGroup, want [][2]rune) []byte {
	type pair struct {
		left, right uint16
		value       int16
	}
	gid := map[rune]uint16{}
	for _, m := range mapping {
		gid[m.first] = uint16(m.start)
	}
	var pairs []pair
	kerner := f.NewKerner()
	for _, w := range want {
		l, okL := gid[w[0]]
		r, okR := gid[w[1]]
		if !okL || !okR {
			continue
		}
		if k := kerner.Kern(w[0], w[1]); k != 0 && len(pairs) < maxKernPairs {
			pairs = append(pairs, pair{l, r, int16(k)})
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		return int(uint32(x.left)<<16|uint32(x.right)) - int(uint32(y.left)<<16|uint32(y.right))
	})
	n := len(pairs)
	searchRange, selector := 1, 0
	for searchRange*2 <= n {
		searchRange *= 2
		selector++
	}
	b := make([]byte, 0, 4+14+6*n)
	b = binary.BigEndian.AppendUint16(b, 0) // table version
	b = binary.BigEndian.AppendUint16(b, 1) // subtables
	b = binary.BigEndian.AppendUint16(b, 0) // subtable version
	b = binary.BigEndian.AppendUint16(b, uint16(14+6*n))
	b = binary.BigEndian.AppendUint16(b, 0x0001) // horizontal, format 0
	b = binary.BigEndian.AppendUint16(b, uint16(n))
	b = binary.BigEndian.AppendUint16(b, uint16(6*searchRange))
	b = binary.BigEndian.AppendUint16(b, uint16(selector))
	b = binary.BigEndian.AppendUint16(b, uint16(6*(n-searchRange)))
	for _, p := range pairs {
		b = binary.BigEndian.AppendUint16(b, p.left)
		b = binary.BigEndian.AppendUint16(b, p.right)
		b = binary.BigEndian.AppendUint16(b, uint16(p.value))
	}
	return b
}

// validateGlyphs checks what the subsetter and the PDF writer will walk:
// loca in order and inside glyf, every composite's records inside its
// glyph, naming glyphs the font has, nested at most maxComponentDepth
// deep and without a cycle. It takes time linear in the glyf table.
func validateGlyphs(dir tableDir, numGlyphs int) error {
	src, err := newGlyphSource(dir, numGlyphs)
	if err != nil {
		return err
	}
	for i := uint32(1); i <= uint32(numGlyphs); i++ {
		if src.offset(i) < src.offset(i-1) || int(src.offset(i)) > len(src.glyf) {
			return fmt.Errorf("loca entry %d out of order or outside glyf", i)
		}
	}
	const unknown, visiting = -1, -2
	depth := make([]int8, numGlyphs)
	for i := range depth {
		depth[i] = unknown
	}
	var depthOf func(g uint32) (int8, error)
	depthOf = func(g uint32) (int8, error) {
		switch depth[g] {
		case visiting:
			return 0, fmt.Errorf("glyph %d is a component of itself", g)
		case unknown:
		default:
			return depth[g], nil
		}
		b := src.raw(g)
		offs, err := componentOffsets(b)
		if err != nil {
			return 0, fmt.Errorf("glyph %d: %w", g, err)
		}
		depth[g] = visiting
		d := int8(0)
		for _, o := range offs {
			c := uint32(binary.BigEndian.Uint16(b[o:]))
			if int(c) >= numGlyphs {
				return 0, fmt.Errorf("glyph %d names component %d, past the font's %d glyphs", g, c, numGlyphs)
			}
			cd, err := depthOf(c)
			if err != nil {
				return 0, err
			}
			if cd+1 > maxComponentDepth {
				return 0, fmt.Errorf("glyph %d nests composite glyphs more than %d deep", g, maxComponentDepth)
			}
			d = max(d, cd+1)
		}
		depth[g] = d
		return d, nil
	}
	for g := range numGlyphs {
		if _, err := depthOf(uint32(g)); err != nil {
			return err
		}
	}
	return nil
}
