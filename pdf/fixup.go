package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf16"
)

// fixup corrects what gopdf cannot be told to do, object by object, and
// writes a new cross-reference table:
//   - ToUnicode entries for characters beyond the BMP, which gopdf writes as
//     five or six hex digits, become UTF-16 surrogate pairs, so 🌎 and 𠮷
//     extract as themselves;
//   - the catalog gets the document's /Lang;
//   - the outline root's /Last names the last top-level bookmark (gopdf
//     takes the last one written, which may be nested), and the top-level
//     bookmarks' /Parent names the root (gopdf names another object).
//
// It relies on the layout gopdf writes: objects in order, a classic xref
// table, uncompressed ToUnicode streams with a direct /Length.
// outlineFix says how the outline root and its top-level entries must be
// linked: gopdf writes the entries as one flat list.
type outlineFix struct {
	last int   // object number of the last top-level entry
	tops []int // object numbers of the top-level entries
}

func fixup(in []byte, lang string, outlines outlineFix) ([]byte, error) {
	xrefAt, err := startXref(in)
	if err != nil {
		return nil, err
	}
	offsets, trailer, err := readXref(in, xrefAt)
	if err != nil {
		return nil, err
	}
	order := make([]int, 0, len(offsets)) // object numbers by file position
	for num := range offsets {
		order = append(order, num)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(order) == 0 {
		return nil, errors.New("no objects")
	}

	object := func(i int) []byte { // the i-th object in file order
		end := xrefAt
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		return in[offsets[order[i]]:end]
	}
	root, tops := 0, map[int]bool{}
	for _, t := range outlines.tops {
		tops[t] = true
	}
	for i, num := range order {
		if len(tops) > 0 && bytes.Contains(object(i), []byte("/Type /Outlines")) {
			root = num
		}
	}
	out := bytes.NewBuffer(make([]byte, 0, len(in)+1024))
	out.Write(in[:offsets[order[0]]])
	newOffsets := map[int]int{}
	for i, num := range order {
		obj := object(i)
		switch {
		case bytes.Contains(obj, []byte("beginbfrange")):
			obj = fixToUnicode(obj)
		case num == root && outlines.last > 0:
			obj = outlineLast.ReplaceAll(obj, []byte("/Last "+strconv.Itoa(outlines.last)+" 0 R"))
		case tops[num] && root > 0:
			obj = outlineParent.ReplaceAll(obj, []byte("/Parent "+strconv.Itoa(root)+" 0 R"))
		case bytes.Contains(obj, []byte("/Type /Catalog")) && lang != "":
			obj = bytes.Replace(obj, []byte("/Type /Catalog"), []byte("/Type /Catalog\n  /Lang "+pdfString(lang)), 1)
		}
		newOffsets[num] = out.Len()
		out.Write(obj)
	}
	newXref := out.Len()
	size := slices.Max(order) + 1
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for num := 1; num < size; num++ {
		if off, ok := newOffsets[num]; ok {
			fmt.Fprintf(out, "%010d 00000 n \n", off)
		} else {
			out.WriteString("0000000000 65535 f \n")
		}
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

var startxrefRe = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

var (
	outlineLast   = regexp.MustCompile(`/Last \d+ 0 R`)
	outlineParent = regexp.MustCompile(`/Parent \d+ 0 R`)
)

func startXref(in []byte) (int, error) {
	m := startxrefRe.FindSubmatch(in)
	if m == nil {
		return 0, errors.New("no startxref")
	}
	at, err := strconv.Atoi(string(m[1]))
	if err != nil || at >= len(in) || !bytes.HasPrefix(in[at:], []byte("xref")) {
		return 0, errors.New("startxref does not point at an xref table")
	}
	return at, nil
}

var xrefEntryRe = regexp.MustCompile(`^(\d{10}) (\d{5}) ([nf])\s*$`)

// readXref reads a single-section xref table starting at at, returning the
// offsets of the objects in use and the trailer (up to startxref).
func readXref(in []byte, at int) (map[int]int, []byte, error) {
	lines := bytes.SplitAfter(in[at:], []byte("\n"))
	if len(lines) < 2 {
		return nil, nil, errors.New("xref table truncated")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil {
		return nil, nil, fmt.Errorf("xref subsection header: %w", err)
	}
	offsets := map[int]int{}
	pos := at + len(lines[0]) + len(lines[1])
	for i := 0; i < count; i++ {
		if 2+i >= len(lines) {
			return nil, nil, errors.New("xref table truncated")
		}
		m := xrefEntryRe.FindSubmatch(bytes.TrimRight(lines[2+i], "\r\n"))
		if m == nil {
			return nil, nil, fmt.Errorf("bad xref entry %q", lines[2+i])
		}
		pos += len(lines[2+i])
		if string(m[3]) == "n" {
			off, _ := strconv.Atoi(string(m[1]))
			if off >= at {
				return nil, nil, fmt.Errorf("object %d lies after the xref table", first+i)
			}
			offsets[first+i] = off
		}
	}
	end := bytes.LastIndex(in, []byte("startxref"))
	if end < pos {
		return nil, nil, errors.New("no trailer")
	}
	return offsets, in[pos:end], nil
}

var bfrangeEntryRe = regexp.MustCompile(`<([0-9A-F]{4})><([0-9A-F]{4})><([0-9A-F]{5,6})>`)

// fixToUnicode rewrites a ToUnicode CMap object's entries for code points
// beyond U+FFFF and its stream /Length.
func fixToUnicode(obj []byte) []byte {
	const streamKw, endKw = "stream\n", "endstream"
	s := bytes.Index(obj, []byte(streamKw))
	e := bytes.LastIndex(obj, []byte(endKw))
	if s < 0 || e < s {
		return obj
	}
	body := obj[s+len(streamKw) : e]
	fixed := bfrangeEntryRe.ReplaceAllFunc(body, func(m []byte) []byte {
		parts := bfrangeEntryRe.FindSubmatch(m)
		cp, err := strconv.ParseUint(string(parts[3]), 16, 32)
		if err != nil || cp > 0x10FFFF {
			return []byte(fmt.Sprintf("<%s><%s><FFFD>", parts[1], parts[2]))
		}
		hi, lo := utf16.EncodeRune(rune(cp))
		return []byte(fmt.Sprintf("<%s><%s><%04X%04X>", parts[1], parts[2], hi, lo))
	})
	if bytes.Equal(fixed, body) {
		return obj
	}
	head := lengthRe.ReplaceAll(obj[:s], []byte(fmt.Sprintf("/Length %d", len(fixed))))
	out := append([]byte{}, head...)
	out = append(out, streamKw...)
	out = append(out, fixed...)
	return append(out, obj[e:]...)
}

var lengthRe = regexp.MustCompile(`/Length \d+`)

// pdfString writes s as a PDF text string: literal when ASCII, else UTF-16BE
// hex with a byte order mark.
func pdfString(s string) string {
	ascii := true
	for _, r := range s {
		if r > 0x7E || r < 0x20 || r == '(' || r == ')' || r == '\\' {
			ascii = false
		}
	}
	if ascii {
		return "(" + s + ")"
	}
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
