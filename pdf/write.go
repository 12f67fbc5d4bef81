// Package pdf writes a typeset book as a tagged PDF that claims PDF/UA-1
// and PDF/A-2u: every run where layout put it, as glyphs of embedded font
// subsets, in a structure tree that reads pair by pair, Chinese before
// English, with page furniture marked as artifacts. It writes each page
// as it goes and keeps only what the file's end needs (fonts' glyphs, the
// structure tree, the outline).
package pdf

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"diglot/fonts"
	"diglot/layout"
)

// Meta is the document information.
type Meta struct {
	Title, Author, Subject string
	Translator             string // dc:contributor in the XMP
	Keywords               string // comma-separated
	Lang                   string // the document's main language (BCP 47)
	Created                time.Time
	Pictures               map[string][]byte // the PNG or JPEG data of each image the pages place, by source
}

// Write renders book to w with the faces of set. It spends the book: each
// page's runs are released once written.
func Write(w io.Writer, book *layout.Book, set *fonts.Set, meta Meta) error {
	pw := NewWriter(w, set, meta, book.Width, book.Height, book.Language)
	for i := range book.Pages {
		if err := pw.WritePage(&book.Pages[i]); err != nil {
			return err
		}
		book.Pages[i] = layout.Page{} // written: let a long book's layout go
	}
	return pw.Close()
}

// Writer writes a PDF page by page, as layout finishes them (see
// layout.TypesetPages): memory holds one page's layout, the fonts' glyph
// lists and the structure tree, never the whole book.
type Writer struct {
	d   *document
	err error
}

// NewWriter starts a PDF of pages width × height (layout lengths) on w;
// zhTag is the Chinese text's language tag.
func NewWriter(w io.Writer, set *fonts.Set, meta Meta, width, height int, zhTag string) *Writer {
	d := &document{o: newObjects(w), set: set, width: width, height: height, meta: meta, fonts: map[fonts.Role]*font{}, images: map[string]int{}}
	d.catalog, d.pageTree, d.fontDict = d.o.reserve(), d.o.reserve(), d.o.reserve()
	if zhTag == "" {
		zhTag = "zh-Hans"
	}
	d.tree = newTree(zhTag)
	return &Writer{d: d}
}

// WritePage writes the next page. The page is the caller's again when it
// returns; its runs are not kept.
func (pw *Writer) WritePage(page *layout.Page) error {
	return pw.guard(func() error { return pw.d.page(page) })
}

// Close writes what follows the pages (fonts, structure tree, outline,
// metadata, catalog, cross-reference stream) and flushes.
func (pw *Writer) Close() error {
	return pw.guard(pw.d.finish)
}

// guard runs step unless an earlier one failed, and remembers its error.
// The subsetter and the shaper read the fonts: a user's malformed font
// must not take the process down with it.
func (pw *Writer) guard(step func() error) (err error) {
	if pw.err != nil {
		return pw.err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("FONT: the PDF writer could not read a font (%v)", r)
		}
		pw.err = err
	}()
	return step()
}

// document is the state of one PDF being written.
type document struct {
	o             *objects
	set           *fonts.Set
	width, height int
	meta          Meta
	fonts         map[fonts.Role]*font
	fontOrder     []*font
	tree          *tree
	images        map[string]int // image XObjects written, by source
	catalog       int
	pageTree      int
	fontDict      int
	pages         []int // the pages' object numbers
	outline       []bookmark
	dests         []dest // the places links in the document lead to (Run.Anchor)
	content       stream // the page being written, reused
	glyphs        []glyph
}

// bookmark is an outline entry: its heading's title, level, page and
// height on the page (PDF units, from the bottom).
type bookmark struct {
	title string
	level int
	page  int
	y     int
}

// dest is a named destination: where on which page (its object) a
// link's "#name" leads, its top left corner in PDF units.
type dest struct {
	name       string
	page, x, y int
}

// page writes the next page: its content stream, its annotations and the
// page object.
func (d *document) page(page *layout.Page) error {
	i := len(d.pages)
	d.pages = append(d.pages, d.o.reserve())
	key := d.tree.newPage()
	c := &d.content
	c.reset(d.height)
	for _, b := range page.Bookmarks {
		// the view opens 20 pt above the heading's top
		d.outline = append(d.outline, bookmark{b.Title, b.Level, i, min(d.height, d.height-b.Y+20*layout.Pt)})
	}
	var links []linkBox
	images := page.Images
	drawn := make([]bool, len(images))
	for k := range page.Runs {
		r := &page.Runs[k]
		if r.Anchor != "" {
			d.dests = append(d.dests, dest{name: r.Anchor, page: d.pages[i], x: r.X, y: min(d.height, d.height-r.Y+r.Size)})
		}
		if r.Pair > 0 && !r.Artifact {
			// a side's pictures come before its first text on the page
			for j, img := range images {
				if !drawn[j] && img.Pair == r.Pair && img.Side == r.Side {
					d.image(i, img)
					drawn[j] = true
				}
			}
		}
		switch {
		case r.Artifact || r.Inserted:
			c.mark(artifactOf(r.Part), nil, i, d.tree)
		default:
			e := d.tree.leaf(r)
			c.mark(markTagged, e, i, d.tree)
			if r.Link != "" {
				links = addLinkBox(links, r, e)
			}
		}
		if err := d.text(r); err != nil {
			return err
		}
	}
	for j, img := range images {
		if !drawn[j] {
			d.image(i, img)
		}
	}
	c.mark(markNone, nil, i, d.tree)
	d.furniture(page)

	resources := d.o.reserve()
	contents := d.o.reserve()
	d.o.stream(contents, nil, c.b, true)
	var annots []int
	for _, l := range links {
		num := d.o.reserve()
		key := d.tree.annotate(l.elem, i, num)
		d.o.object(num, l.annotation(d.height, d.pages[i], key))
		annots = append(annots, num)
	}
	var b []byte
	b = append(b, "<< /Font "...)
	b = appendRef(b, d.fontDict)
	if len(c.xobjects) > 0 {
		b = append(b, " /XObject <<"...)
		for _, x := range c.xobjects {
			b = append(b, " /Im"...)
			b = strconv.AppendInt(b, int64(x), 10)
			b = append(b, ' ')
			b = appendRef(b, x)
		}
		b = append(b, " >>"...)
	}
	b = append(b, " >>"...)
	d.o.object(resources, b)

	b = append(b[:0], "<< /Type /Page /Parent "...)
	b = appendRef(b, d.pageTree)
	b = append(b, " /MediaBox [0 0 "...)
	b = appendMilli(b, d.width)
	b = append(b, ' ')
	b = appendMilli(b, d.height)
	b = append(b, "] /Resources "...)
	b = appendRef(b, resources)
	b = append(b, " /Contents "...)
	b = appendRef(b, contents)
	b = append(b, " /StructParents "...)
	b = strconv.AppendInt(b, int64(key), 10)
	b = append(b, " /Tabs /S"...)
	if len(annots) > 0 {
		b = append(b, " /Annots ["...)
		for k, a := range annots {
			if k > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, a)
		}
		b = append(b, ']')
	}
	b = append(b, " >>"...)
	d.o.object(d.pages[i], b)
	return d.o.err
}

// text shows a run: its glyphs, and the space that follows it in the
// source, so that the text layer keeps its words apart.
func (d *document) text(r *layout.Run) error {
	f, err := d.font(r.Role)
	if err != nil {
		return err
	}
	// a letter-spaced run shows each character as a glyph of its own:
	// spacing out a ligature's letters would split it
	d.glyphs, err = f.glyphs(d.glyphs[:0], r.Text, r.Tracking == 0)
	if err != nil {
		return err
	}
	if r.SpaceAfter {
		if cid, ok := f.spaceCID(); ok {
			d.glyphs = append(d.glyphs, glyph{cid, f.advance(cid)})
		}
	}
	d.content.show(f, r.Size, r.Tracking, r.X, r.Y, d.glyphs)
	return nil
}

// font returns the PDF font of a face, made on its first use: resource
// names and object numbers follow the order faces first appear in.
func (d *document) font(role fonts.Role) (*font, error) {
	if f := d.fonts[role]; f != nil {
		return f, nil
	}
	face, err := d.set.Face(role)
	if err != nil {
		return nil, err
	}
	latin := role == fonts.LatinRegular || role == fonts.LatinBold || role == fonts.LatinItalic
	f := newFont(face, "F"+strconv.Itoa(len(d.fontOrder)), d.o.reserve(), latin)
	d.fonts[role] = f
	d.fontOrder = append(d.fontOrder, f)
	return f, nil
}

// furniture draws the page's rules and emphasis dots, as artifacts.
func (d *document) furniture(page *layout.Page) {
	c := &d.content
	if len(page.Rules) == 0 && len(page.Dots) == 0 {
		return
	}
	c.b = append(c.b, "/Artifact BMC\nq\n"...)
	for _, r := range page.Rules {
		c.b = appendMilli(c.b, int(r.Gray)*1000/255)
		c.b = append(c.b, " G "...)
		c.b = appendMilli(c.b, r.Width)
		c.b = append(c.b, " w "...)
		c.point(r.X0, r.Y0)
		c.b = append(c.b, " m "...)
		c.point(r.X1, r.Y1)
		c.b = append(c.b, " l S\n"...)
	}
	if len(page.Dots) > 0 {
		c.b = append(c.b, "0 g\n"...)
		for _, dot := range page.Dots {
			c.circle(dot.X, dot.Y, dot.D/2)
		}
		c.b = append(c.b, "f\n"...)
	}
	c.b = append(c.b, "Q\nEMC\n"...)
}

// mark is the kind of marked-content sequence content stands in.
type mark uint8

const (
	markNone mark = iota
	markTagged
	markArtifact // a hyphen or mark layout added
	markHeader   // a running head
	markFooter   // a page number
)

// artifactOf is the artifact a run that is not the document's text is.
func artifactOf(p layout.Part) mark {
	switch p {
	case layout.PartRunningHead:
		return markHeader
	case layout.PartFolio:
		return markFooter
	}
	return markArtifact
}

// stream is a page's content stream being written.
type stream struct {
	b       []byte
	height  int // the page's, to turn layout's y (from the top) into PDF's
	mode    mark
	elem    *element
	mcid    int
	inText  bool
	inArray bool
	font    *font
	size    int
	y       int
	pen     float64 // where the text array's last glyph ends, millipoints
	// tracking is the character spacing in force (Tc, millipoints): text
	// state lasts from one text object to the next
	tracking int
	hex      bool // a hex string is open in the text array
	xobjects []int
}

func (c *stream) reset(height int) {
	*c = stream{b: c.b[:0], height: height, xobjects: c.xobjects[:0]}
	c.b = append(c.b, "0 g 0 G\n"...) // black, stated: no colour is left to a default
}

// mark opens the marked-content sequence that the next content stands in,
// closing the open one when it is another: a new MCID for each run of
// content of one element.
func (c *stream) mark(m mark, e *element, page int, t *tree) {
	if m == c.mode && e == c.elem {
		return
	}
	c.endText()
	if c.mode != markNone {
		c.b = append(c.b, "EMC\n"...)
	}
	c.mode, c.elem = m, e
	switch m {
	case markTagged:
		c.b = append(c.b, '/')
		c.b = append(c.b, e.kind...)
		c.b = append(c.b, " <</MCID "...)
		c.b = strconv.AppendInt(c.b, int64(c.mcid), 10)
		c.b = append(c.b, ">> BDC\n"...)
		t.mark(e, page, c.mcid)
		c.mcid++
	case markArtifact:
		c.b = append(c.b, "/Artifact BMC\n"...)
	case markHeader:
		c.b = append(c.b, "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"...)
	case markFooter:
		c.b = append(c.b, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"...)
	}
}

// show draws glyphs from (x, y) in f at size, with tracking (millipoints)
// after each: in the open text array when they continue its line in its
// face, size and tracking (the distance from the last glyph as an
// adjustment), else from a new text matrix.
func (c *stream) show(f *font, size, tracking, x, y int, glyphs []glyph) {
	if len(glyphs) == 0 {
		return
	}
	if !c.inText {
		c.b = append(c.b, "BT\n"...)
		c.inText = true
		c.font = nil
	}
	if c.inArray && f == c.font && size == c.size && tracking == c.tracking && y == c.y {
		if gap := float64(x) - c.pen; math.Abs(gap) >= 0.5 {
			// an adjustment in thousandths of the size, a tenth's
			// precision; the pen goes where it really puts the glyphs
			tenths := int(math.Round(-gap * 10000 / float64(size)))
			c.closeHex()
			c.b = append(c.b, ' ')
			c.b = appendMilli(c.b, tenths*100)
			c.pen -= float64(tenths) * float64(size) / 10000
		}
	} else {
		c.endArray()
		if f != c.font || size != c.size {
			c.b = append(c.b, '/')
			c.b = append(c.b, f.resource...)
			c.b = append(c.b, ' ')
			c.b = appendMilli(c.b, size)
			c.b = append(c.b, " Tf\n"...)
			c.font, c.size = f, size
		}
		if tracking != c.tracking {
			c.b = appendMilli(c.b, tracking)
			c.b = append(c.b, " Tc\n"...)
			c.tracking = tracking
		}
		c.b = append(c.b, "1 0 0 1 "...)
		c.point(x, y)
		c.b = append(c.b, " Tm\n["...)
		c.inArray, c.y, c.pen = true, y, float64(x)
	}
	if !c.hex {
		c.b = append(c.b, '<')
		c.hex = true
	}
	const digits = "0123456789ABCDEF"
	unit := float64(size) / float64(f.face.UnitsPerEm)
	for _, g := range glyphs {
		c.b = append(c.b, digits[g.cid>>12], digits[g.cid>>8&15], digits[g.cid>>4&15], digits[g.cid&15])
		c.pen += float64(g.advance)*unit + float64(tracking)
	}
}

func (c *stream) closeHex() {
	if c.hex {
		c.b = append(c.b, '>')
		c.hex = false
	}
}

func (c *stream) endArray() {
	if c.inArray {
		c.closeHex()
		c.b = append(c.b, "] TJ\n"...)
		c.inArray = false
	}
}

func (c *stream) endText() {
	c.endArray()
	if c.inText {
		c.b = append(c.b, "ET\n"...)
		c.inText = false
	}
}

// point appends a layout position as PDF coordinates.
func (c *stream) point(x, y int) {
	c.b = appendMilli(c.b, x)
	c.b = append(c.b, ' ')
	c.b = appendMilli(c.b, c.height-y)
}

// circle appends a closed path of a circle of radius r about (x, y), as
// four Bézier arcs.
func (c *stream) circle(x, y, r int) {
	k := r * 5523 / 10000 // the control points' distance for a quarter circle
	pts := [][6]int{
		{x + r, y + k, x + k, y + r, x, y + r},
		{x - k, y + r, x - r, y + k, x - r, y},
		{x - r, y - k, x - k, y - r, x, y - r},
		{x + k, y - r, x + r, y - k, x + r, y},
	}
	c.point(x+r, y)
	c.b = append(c.b, " m"...)
	for _, p := range pts {
		for j := 0; j < 6; j += 2 {
			c.b = append(c.b, ' ')
			c.point(p[j], p[j+1])
		}
		c.b = append(c.b, " c"...)
	}
	c.b = append(c.b, " h\n"...)
}

// image draws a picture inside a Figure of its own.
func (d *document) image(page int, img layout.Image) {
	data, ok := d.meta.Pictures[img.Src]
	if !ok {
		return
	}
	num, ok := d.images[img.Src]
	if !ok {
		var err error
		if num, err = d.writeImage(data); err != nil {
			return // build checked the picture; one that fails here is left out
		}
		d.images[img.Src] = num
	}
	c := &d.content
	c.mark(markTagged, d.tree.figure(img), page, d.tree)
	c.endText()
	c.b = append(c.b, "q "...)
	c.b = appendMilli(c.b, img.W)
	c.b = append(c.b, " 0 0 "...)
	c.b = appendMilli(c.b, img.H)
	c.b = append(c.b, ' ')
	c.point(img.X, img.Y+img.H)
	c.b = append(c.b, " cm /Im"...)
	c.b = strconv.AppendInt(c.b, int64(num), 10)
	c.b = append(c.b, " Do Q\n"...)
	if !slices.Contains(c.xobjects, num) {
		c.xobjects = append(c.xobjects, num)
	}
	c.mark(markNone, nil, page, d.tree)
}

// linkBox is the clickable area of a web address on one line of a side.
type linkBox struct {
	uri        string
	elem       *element
	x, y, w, h int // top left corner and size, layout units
	size       int
}

// addLinkBox adds run r, part of link element e, to the boxes: it widens
// the last box when it is the same link's on the same line and no further
// along than the next word, else starts a box of its own.
func addLinkBox(boxes []linkBox, r *layout.Run, e *element) []linkBox {
	top := r.Y - r.Size*9/10
	if n := len(boxes); n > 0 {
		box := &boxes[n-1]
		if box.elem == e && box.y == top && r.X >= box.x && r.X-(box.x+box.w) <= r.Size {
			box.w = max(box.w, r.X+r.Width-box.x)
			return boxes
		}
	}
	return append(boxes, linkBox{uri: r.Link, elem: e, x: r.X, y: top, w: r.Width, h: r.Size * 12 / 10, size: r.Size})
}

// annotation is the box's Link annotation, printable (PDF/A), with its
// address as its description (PDF/UA 7.18.5).
func (l linkBox) annotation(height, page, key int) []byte {
	var b []byte
	b = append(b, "<< /Type /Annot /Subtype /Link /F 4 /Border [0 0 0] /Rect ["...)
	b = appendMilli(b, l.x)
	b = append(b, ' ')
	b = appendMilli(b, height-l.y-l.h)
	b = append(b, ' ')
	b = appendMilli(b, l.x+l.w)
	b = append(b, ' ')
	b = appendMilli(b, height-l.y)
	b = append(b, "] /P "...)
	b = appendRef(b, page)
	b = append(b, " /Contents "...)
	name, inDocument := strings.CutPrefix(l.uri, "#")
	if inDocument {
		b = appendText(b, "Go to "+name) // a footnote's mark: "Go to note-zh-1"
	} else {
		b = appendText(b, "Link to "+l.uri)
	}
	b = append(b, " /StructParent "...)
	b = strconv.AppendInt(b, int64(key), 10)
	if inDocument {
		b = append(b, " /A << /S /GoTo /D "...)
		b = appendString(b, name)
	} else {
		b = append(b, " /A << /S /URI /URI "...)
		b = appendString(b, asciiURI(l.uri))
	}
	b = append(b, " >> >>"...)
	return b
}

// asciiURI percent-encodes the bytes of uri outside printable ASCII: a
// URI action's string is 7-bit ASCII (PDF 32000 §12.6.4.7).
func asciiURI(uri string) string {
	var b []byte
	for i := 0; i < len(uri); i++ {
		if c := uri[i]; c <= ' ' || c >= 0x7F {
			b = append(b, '%', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}
