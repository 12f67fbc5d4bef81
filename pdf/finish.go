package pdf

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"encoding/xml"
	"image"
	"image/color"
	_ "image/jpeg" // pictures
	_ "image/png"  // pictures
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// srgb is the output intent's profile: sRGB IEC61966-2.1, ICC v2, from
// Debian's icc-profiles-free (zlib licence: icc/LICENSE-sRGB.txt).
//
//go:embed icc/sRGB.icc
var srgb []byte

// finish writes what follows the pages: fonts, the structure tree, the
// outline, metadata, the output intent, the page tree and the catalog,
// then the cross-reference stream.
func (d *document) finish() error {
	o := d.o
	var b []byte
	b = append(b, "<<"...)
	programs := d.fontPrograms()
	for i, f := range d.fontOrder {
		b = append(b, " /"...)
		b = append(b, f.resource...)
		b = append(b, ' ')
		b = appendRef(b, f.num)
		if err := f.write(o, programs[i]); err != nil {
			return err
		}
	}
	b = append(b, " >>"...)
	o.object(d.fontDict, b)

	structRoot := d.tree.write(o, d.pages)
	outlines := d.writeOutline()

	info := o.reserve()
	b = append(b[:0], "<< /Title "...)
	b = appendText(b, d.title())
	if d.meta.Author != "" {
		b = append(b, " /Author "...)
		b = appendText(b, d.meta.Author)
	}
	if d.meta.Subject != "" {
		b = append(b, " /Subject "...)
		b = appendText(b, d.meta.Subject)
	}
	if d.meta.Keywords != "" {
		b = append(b, " /Keywords "...)
		b = appendText(b, d.meta.Keywords)
	}
	b = append(b, " /Creator (diglot) /Producer (diglot) /CreationDate "...)
	b = appendString(b, pdfDate(d.meta.Created))
	b = append(b, " /ModDate "...)
	b = appendString(b, pdfDate(d.meta.Created))
	b = append(b, " >>"...)
	o.object(info, b)

	metadata := o.reserve()
	o.stream(metadata, []byte(" /Type /Metadata /Subtype /XML"), d.xmp(), false)
	profile, intent := o.reserve(), o.reserve()
	o.stream(profile, []byte(" /N 3"), srgb, true)
	b = append(b[:0], "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile "...)
	b = appendRef(b, profile)
	b = append(b, " >>"...)
	o.object(intent, b)

	b = append(b[:0], "<< /Type /Pages /Count "...)
	b = strconv.AppendInt(b, int64(len(d.pages)), 10)
	b = append(b, " /Kids ["...)
	for i, p := range d.pages {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendRef(b, p)
	}
	b = append(b, "] >>"...)
	o.object(d.pageTree, b)

	b = append(b[:0], "<< /Type /Catalog /Pages "...)
	b = appendRef(b, d.pageTree)
	if d.meta.Lang != "" {
		b = append(b, " /Lang "...)
		b = appendText(b, d.meta.Lang)
	}
	b = append(b, " /MarkInfo << /Marked true >> /StructTreeRoot "...)
	b = appendRef(b, structRoot)
	b = append(b, " /Metadata "...)
	b = appendRef(b, metadata)
	b = append(b, " /OutputIntents ["...)
	b = appendRef(b, intent)
	b = append(b, "] /ViewerPreferences << /DisplayDocTitle true >>"...)
	if outlines > 0 {
		b = append(b, " /Outlines "...)
		b = appendRef(b, outlines)
		b = append(b, " /PageMode /UseOutlines"...)
	}
	if dests := d.destinations(); dests > 0 {
		b = append(b, " /Names << /Dests "...)
		b = appendRef(b, dests)
		b = append(b, " >>"...)
	}
	b = append(b, " >>"...)
	o.object(d.catalog, b)
	return o.finish(d.catalog, info)
}

// destinations writes the named destinations links lead to as a name
// tree of one node (its names in byte order, as a name tree keeps them;
// the first of a name kept) and returns its object, 0 for none.
func (d *document) destinations() int {
	if len(d.dests) == 0 {
		return 0
	}
	dests := slices.Clone(d.dests)
	slices.SortStableFunc(dests, func(a, b dest) int { return strings.Compare(a.name, b.name) })
	dests = slices.CompactFunc(dests, func(a, b dest) bool { return a.name == b.name })
	var b []byte
	b = append(b, "<< /Names ["...)
	for _, ds := range dests {
		b = append(b, ' ')
		b = appendString(b, ds.name)
		b = append(b, " ["...)
		b = appendRef(b, ds.page)
		b = append(b, " /XYZ "...)
		b = appendMilli(b, ds.x)
		b = append(b, ' ')
		b = appendMilli(b, ds.y)
		b = append(b, " null]"...)
	}
	b = append(b, " ] >>"...)
	num := d.o.reserve()
	d.o.object(num, b)
	return num
}

// fontPrograms makes the subset programs of the document's fonts, most of
// a short article's finishing, on all cores at once: each font reads only
// its face and its own glyphs. The fonts with the most glyphs go first, so
// the Chinese faces do not start last.
func (d *document) fontPrograms() []fontProgram {
	for _, f := range d.fontOrder {
		if len(f.requests) == 0 { // listed but never drawn: a subset of .notdef
			f.runeCID(' ')
		}
	}
	order := make([]int, len(d.fontOrder))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return len(d.fontOrder[b].requests) - len(d.fontOrder[a].requests) })
	next := make(chan int, len(order))
	for _, i := range order {
		next <- i
	}
	close(next)
	programs := make([]fontProgram, len(d.fontOrder))
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(order)) {
		wg.Go(func() {
			z, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // one a worker: each holds most of a megabyte
			for i := range next {
				programs[i] = d.fontOrder[i].program(z)
			}
		})
	}
	wg.Wait()
	return programs
}

// title is the document's title; a PDF/UA file must have one.
func (d *document) title() string {
	if t := strings.TrimSpace(d.meta.Title); t != "" {
		return t
	}
	return "Untitled"
}

// writeOutline writes the bookmarks as a tree nested by heading level (an
// entry's parent is the nearest earlier one of a smaller level), each
// opening its page at its heading. It returns the outline root's object
// number, 0 when there are no bookmarks.
func (d *document) writeOutline() int {
	if len(d.outline) == 0 {
		return 0
	}
	o := d.o
	root := o.reserve()
	type node struct {
		num, parent, prev, next, first, last, count int
	}
	nodes := make([]node, len(d.outline))
	var stack []int // indexes of the open ancestors
	lastTop, firstTop, prevTop := -1, -1, -1
	lastChild := map[int]int{}
	for i, bm := range d.outline {
		nodes[i].num = o.reserve()
		for len(stack) > 0 && d.outline[stack[len(stack)-1]].level >= bm.level {
			stack = stack[:len(stack)-1]
		}
		nodes[i].prev, nodes[i].next, nodes[i].first, nodes[i].last = -1, -1, -1, -1
		if len(stack) == 0 {
			nodes[i].parent = -1
			if firstTop < 0 {
				firstTop = i
			}
			if prevTop >= 0 {
				nodes[prevTop].next, nodes[i].prev = i, prevTop
			}
			prevTop, lastTop = i, i
		} else {
			p := stack[len(stack)-1]
			nodes[i].parent = p
			if prev, ok := lastChild[p]; ok {
				nodes[prev].next, nodes[i].prev = i, prev
			} else {
				nodes[p].first = i
			}
			nodes[p].last = i
			lastChild[p] = i
			for a := p; a >= 0; a = nodes[a].parent {
				nodes[a].count++
			}
		}
		stack = append(stack, i)
	}
	ref := func(b []byte, key string, i int) []byte {
		if i < 0 {
			return b
		}
		b = append(b, key...)
		return appendRef(b, nodes[i].num)
	}
	var b []byte
	for i, bm := range d.outline {
		n := nodes[i]
		b = append(b[:0], "<< /Title "...)
		b = appendText(b, bm.title)
		b = append(b, " /Parent "...)
		if n.parent < 0 {
			b = appendRef(b, root)
		} else {
			b = appendRef(b, nodes[n.parent].num)
		}
		b = ref(b, " /Prev ", n.prev)
		b = ref(b, " /Next ", n.next)
		b = ref(b, " /First ", n.first)
		b = ref(b, " /Last ", n.last)
		if n.count > 0 {
			b = append(b, " /Count "...)
			b = strconv.AppendInt(b, int64(n.count), 10)
		}
		b = append(b, " /Dest ["...)
		b = appendRef(b, d.pages[bm.page])
		b = append(b, " /XYZ 0 "...)
		b = appendMilli(b, bm.y)
		b = append(b, " null] >>"...)
		o.object(n.num, b)
	}
	b = append(b[:0], "<< /Type /Outlines /First "...)
	b = appendRef(b, nodes[firstTop].num)
	b = append(b, " /Last "...)
	b = appendRef(b, nodes[lastTop].num)
	b = append(b, " /Count "...)
	b = strconv.AppendInt(b, int64(len(d.outline)), 10)
	b = append(b, " >>"...)
	o.object(root, b)
	return root
}

// pdfDate formats t as a PDF date in UTC.
func pdfDate(t time.Time) string {
	return "D:" + t.UTC().Format("20060102150405") + "Z"
}

// xmp is the metadata packet: the document information again (they must
// agree), and the claims of PDF/A-2u and PDF/UA-1, with the extension
// schema PDF/A asks for the pdfuaid namespace.
func (d *document) xmp() []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := d.meta.Created.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"" +
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"" +
		" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"" +
		" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n" +
		"<dc:format>application/pdf</dc:format>\n")
	b.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(d.title()) + "</rdf:li></rdf:Alt></dc:title>\n")
	if d.meta.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(d.meta.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if d.meta.Translator != "" {
		b.WriteString("<dc:contributor><rdf:Bag><rdf:li>" + esc(d.meta.Translator) + "</rdf:li></rdf:Bag></dc:contributor>\n")
	}
	if d.meta.Subject != "" {
		b.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(d.meta.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(d.tree.zhTag) + "</rdf:li><rdf:li>en</rdf:li></rdf:Bag></dc:language>\n")
	if d.meta.Keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(d.meta.Keywords) + "</pdf:Keywords>\n")
	}
	b.WriteString("<pdf:Producer>diglot</pdf:Producer>\n<xmp:CreatorTool>diglot</xmp:CreatorTool>\n")
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	b.WriteString("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance>\n<pdfuaid:part>1</pdfuaid:part>\n" +
		"<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n" +
		"<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n" +
		"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n" +
		"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n" +
		"<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n" +
		"<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n" +
		"<pdfaProperty:category>internal</pdfaProperty:category>\n" +
		"<pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>\n" +
		"</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>\n" +
		"</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// writeImage writes a picture as an image XObject: a baseline JPEG in
// RGB or grey as it is, anything else as deflated pixels (RGB or grey,
// with its transparency as a soft mask). It returns the object number.
func (d *document) writeImage(data []byte) (int, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, err
	}
	o := d.o
	num := o.reserve()
	dims := func(b []byte, w, h int) []byte {
		b = append(b, " /Type /XObject /Subtype /Image /Width "...)
		b = strconv.AppendInt(b, int64(w), 10)
		b = append(b, " /Height "...)
		b = strconv.AppendInt(b, int64(h), 10)
		return append(b, " /BitsPerComponent 8"...)
	}
	if format == "jpeg" && (cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel) {
		b := dims(nil, cfg.Width, cfg.Height)
		if cfg.ColorModel == color.GrayModel {
			b = append(b, " /ColorSpace /DeviceGray /Filter /DCTDecode"...)
		} else {
			b = append(b, " /ColorSpace /DeviceRGB /Filter /DCTDecode"...)
		}
		o.stream(num, b, data, false) // the JPEG's own DCT data, as it is
		return num, o.err
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return 0, err
	}
	bounds := img.Bounds()
	w, h := bounds.Dx(), bounds.Dy()
	gray := false
	switch img.(type) {
	case *image.Gray, *image.Gray16:
		gray = true
	}
	var pixels, alpha []byte
	opaque := true
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if gray {
				pixels = append(pixels, c.R)
			} else {
				pixels = append(pixels, c.R, c.G, c.B)
			}
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	b := dims(nil, w, h)
	if gray {
		b = append(b, " /ColorSpace /DeviceGray"...)
	} else {
		b = append(b, " /ColorSpace /DeviceRGB"...)
	}
	if !opaque {
		mask := o.reserve()
		b = append(b, " /SMask "...)
		b = appendRef(b, mask)
		o.stream(mask, append(dims(nil, w, h), " /ColorSpace /DeviceGray"...), alpha, true)
	}
	o.stream(num, b, pixels, true)
	return num, o.err
}
