package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// tableDir maps a table tag to its bytes within the font file.
type tableDir map[string][]byte

var errTruncated = errors.New("truncated font data")

// readTables reads the table directory of a TrueType font. Only glyf-outline
// TrueType is accepted: the PDF backend cannot embed CFF or collections.
func readTables(data []byte) (tableDir, error) {
	if len(data) < 12 {
		return nil, errTruncated
	}
	switch tag := string(data[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, errors.New("an OpenType font with CFF outlines; diglot needs TrueType (glyf) outlines")
	case "ttcf":
		return nil, errors.New("a font collection (.ttc); diglot needs a single TrueType font")
	default:
		return nil, errors.New("not a TrueType font")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errTruncated
	}
	dir := tableDir{}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off := int64(binary.BigEndian.Uint32(rec[8:]))
		length := int64(binary.BigEndian.Uint32(rec[12:]))
		if off+length > int64(len(data)) {
			return nil, fmt.Errorf("table %q lies outside the file", tag)
		}
		dir[tag] = data[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "cmap", "glyf", "loca"} {
		if dir[tag] == nil {
			return nil, fmt.Errorf("missing %q table", tag)
		}
	}
	return dir, nil
}

// cmapGroup maps the runes [first, last] to glyphs start, start+1, ... (or
// all to start when constant).
type cmapGroup struct {
	first, last rune
	start       uint32
	constant    bool
}

// parseCmap reads the best Unicode subtable: format 12 (full repertoire) when
// present, else format 4 (BMP).
func parseCmap(b []byte) ([]cmapGroup, error) {
	if len(b) < 4 {
		return nil, errTruncated
	}
	n := int(binary.BigEndian.Uint16(b[2:]))
	var best []byte
	bestFormat := 0
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(b) {
			return nil, errTruncated
		}
		platform, encoding := binary.BigEndian.Uint16(b[rec:]), binary.BigEndian.Uint16(b[rec+2:])
		off := int(binary.BigEndian.Uint32(b[rec+4:]))
		if off+2 > len(b) {
			return nil, errTruncated
		}
		unicode := platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)
		format := int(binary.BigEndian.Uint16(b[off:]))
		if !unicode || (format != 4 && format != 12) || format <= bestFormat {
			continue
		}
		best, bestFormat = b[off:], format
	}
	switch bestFormat {
	case 12:
		return parseCmap12(best)
	case 4:
		return parseCmap4(best)
	}
	return nil, errors.New("no Unicode cmap subtable")
}

func parseCmap12(b []byte) ([]cmapGroup, error) {
	if len(b) < 16 {
		return nil, errTruncated
	}
	n := int(binary.BigEndian.Uint32(b[12:]))
	if n < 0 || 16+12*n > len(b) {
		return nil, errTruncated
	}
	groups := make([]cmapGroup, n)
	for i := range groups {
		g := b[16+12*i:]
		groups[i] = cmapGroup{
			first: rune(binary.BigEndian.Uint32(g)),
			last:  rune(binary.BigEndian.Uint32(g[4:])),
			start: binary.BigEndian.Uint32(g[8:]),
		}
	}
	return sortGroups(groups), nil
}

func parseCmap4(b []byte) ([]cmapGroup, error) {
	if len(b) < 14 {
		return nil, errTruncated
	}
	segs := int(binary.BigEndian.Uint16(b[6:])) / 2
	if 16+8*segs > len(b) {
		return nil, errTruncated
	}
	ends, starts := b[14:], b[16+2*segs:]
	deltas, rangeOffs := b[16+4*segs:], b[16+6*segs:]
	var groups []cmapGroup
	next := rune(0) // segments are sorted and disjoint: each starts at or after next
	for s := 0; s < segs; s++ {
		end, start := rune(binary.BigEndian.Uint16(ends[2*s:])), rune(binary.BigEndian.Uint16(starts[2*s:]))
		delta := binary.BigEndian.Uint16(deltas[2*s:])
		ro := int(binary.BigEndian.Uint16(rangeOffs[2*s:]))
		if start > end || start == 0xFFFF {
			continue
		}
		if start < next {
			// overlapping segments (several may share one glyph array):
			// reading them would cost segments × 65,536 entries
			return nil, errors.New("cmap format 4 segments overlap or are out of order")
		}
		next = end + 1
		if ro == 0 {
			groups = append(groups, cmapGroup{first: start, last: end, start: uint32(uint16(uint16(start) + delta))})
			continue
		}
		for r := start; r <= end; r++ {
			pos := 16 + 6*segs + 2*s + ro + 2*int(r-start)
			if pos+2 > len(b) {
				return nil, errTruncated
			}
			g := binary.BigEndian.Uint16(b[pos:])
			if g != 0 {
				g += delta
			}
			if g != 0 {
				groups = append(groups, cmapGroup{first: r, last: r, start: uint32(g)})
			}
		}
	}
	return sortGroups(groups), nil
}

func sortGroups(groups []cmapGroup) []cmapGroup {
	sort.Slice(groups, func(i, j int) bool { return groups[i].first < groups[j].first })
	return groups
}

// lookup finds the glyph of r, or 0.
func lookup(groups []cmapGroup, r rune) uint32 {
	i := sort.Search(len(groups), func(i int) bool { return groups[i].last >= r })
	if i == len(groups) || groups[i].first > r {
		return 0
	}
	g := groups[i]
	if g.constant {
		return g.start
	}
	return g.start + uint32(r-g.first)
}

// u16 and i16 read big-endian values with a bounds check.
func u16(b []byte, off int) (uint16, error) {
	if off+2 > len(b) {
		return 0, errTruncated
	}
	return binary.BigEndian.Uint16(b[off:]), nil
}

func i16(b []byte, off int) (int16, error) {
	v, err := u16(b, off)
	return int16(v), err
}
