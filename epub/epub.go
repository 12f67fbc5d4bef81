// Package epub writes a parallel-text EPUB 3 of an article: each pair one
// element holding the Chinese paragraph and its translation, laid out by CSS
// (stacked on narrow screens, side by side where there is room), with subset
// fonts, a title page, a nav document and accessibility metadata.
//
// It is its own small packager (archive/zip, fixed order, fixed times) rather
// than go-epub, which stamps the current time, orders its manifest by map
// iteration and cannot add accessibility metadata or lang on <html>.
package epub

import (
	"crypto/sha1"
	"fmt"
	"io"
	"strings"
	"time"

	"diglot/article"
	"diglot/fonts"
)

// Layout is how a pair's two paragraphs are placed.
type Layout uint8

// The layouts. Auto stacks the paragraphs on narrow screens and old reading
// systems and sets them side by side where the screen is wide.
const (
	Auto Layout = iota
	Stacked
	SideBySide
)

// ParseLayout reads a layout name: auto, stacked or side-by-side.
func ParseLayout(s string) (Layout, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return Auto, nil
	case "stacked":
		return Stacked, nil
	case "side-by-side":
		return SideBySide, nil
	}
	return Auto, fmt.Errorf("unknown EPUB layout %q (want auto, stacked or side-by-side)", s)
}

func (l Layout) String() string {
	switch l {
	case Stacked:
		return "stacked"
	case SideBySide:
		return "side-by-side"
	}
	return "auto"
}

// Options are the settings of one EPUB.
type Options struct {
	Layout     Layout
	Left       article.Lang // the language that comes first in a pair
	Columns    [2]int       // side by side, the cells' widths as zh:en parts, unless Edition gives them; zero splits the width in half
	EmbedFonts bool
	Modified   time.Time // dcterms:modified and the zip entries' times
	// Pictures are the images the article's paragraphs name that can be
	// embedded, by source; the others are set as their caption only.
	Pictures map[string]Picture
	// Edition returns what the book takes from the PDF edition's layout.
	// It is called once, when the text is set, and may wait for the PDF's
	// pagination. Nil for no page list.
	Edition func() Edition
	// PageSource names the PDF edition whose pages Edition gives (its
	// file name and paper), for the package's metadata.
	PageSource string
}

// Edition is what an EPUB follows of its PDF edition.
type Edition struct {
	// PageStarts gives, for each page, the block (from 1) at its top
	// (layout.Book.PageStarts): the book marks where each page starts
	// and lists the pages, so that "page 2" is the same place in both.
	PageStarts []int
	// Columns are the widths of the PDF's Chinese and English columns,
	// which side by side the cells share the width by (Options.Columns
	// when zero).
	Columns [2]int
}

// Picture is an image to embed.
type Picture struct {
	Data      []byte
	MediaType string // image/png or image/jpeg
}

// Result describes a written EPUB.
type Result struct {
	Missing []rune // characters no face covers
}

// Write writes the EPUB of a cleaned-up document to w.
func Write(w io.Writer, doc *article.Document, set *fonts.Set, opt Options) (Result, error) {
	b := newBook(doc, opt)
	b.render()
	// the cover is drawn beside the rest: it reads only the document
	covers := make(chan []byte, 1)
	go func() { covers <- b.coverImage(set) }()  // nil when it cannot be drawn: the book goes without
	title, navBody := b.titlePage(), b.navBody() // before the fonts: they set text too
	use, err := b.uses.perFace(set, b.traditional())
	if err != nil {
		<-covers
		return Result{}, err
	}
	var fontFiles []fontFile
	if opt.EmbedFonts {
		fontFiles, err = subsetFonts(set, use)
	}
	cover := <-covers
	if err != nil {
		return Result{}, err
	}
	b.hasCover = cover != nil
	var starts []int
	if opt.Edition != nil {
		ed := opt.Edition() // last: the PDF's pagination may still be under way
		starts = ed.PageStarts
		if ed.Columns[0] > 0 && ed.Columns[1] > 0 {
			b.opt.Columns = ed.Columns
		}
	}
	b.markPages(starts)
	nav := b.page(b.doc.Title(), "frontmatter", navBody+b.landmarks()+b.pageList())
	files := []zipFile{
		{name: "META-INF/container.xml", data: []byte(containerXML)},
		{name: "OEBPS/package.opf", data: []byte(b.packageDocument(fontFiles, cover != nil))},
		{name: "OEBPS/nav.xhtml", data: []byte(nav)},
		{name: "OEBPS/toc.ncx", data: []byte(b.ncx())},
	}
	if cover != nil {
		files = append(files, zipFile{name: "OEBPS/cover.xhtml", data: []byte(b.coverPage())})
	}
	files = append(files, zipFile{name: "OEBPS/title.xhtml", data: []byte(title)})
	for _, c := range b.chapters {
		files = append(files, zipFile{name: "OEBPS/" + c.file, data: []byte(c.xhtml)})
	}
	files = append(files, zipFile{name: "OEBPS/style.css", data: []byte(b.stylesheet(fontFiles))})
	if cover != nil {
		files = append(files, zipFile{name: "OEBPS/cover.png", data: cover, stored: true})
	}
	for _, f := range fontFiles {
		files = append(files, zipFile{name: "OEBPS/" + f.path, data: f.data})
	}
	for _, f := range b.images {
		files = append(files, zipFile{name: "OEBPS/" + f.path, data: f.data, stored: true}) // already compressed
	}
	if err := writeZip(w, files, opt.Modified); err != nil {
		return Result{}, err
	}
	return Result{Missing: use.missing}, nil
}

// identifier returns the front matter's identifier or a UUID (version 5
// style) derived from the title and text, so that the same article always
// gets the same identifier.
func identifier(doc *article.Document) string {
	if doc.Meta.Identifier != "" {
		return doc.Meta.Identifier
	}
	h := sha1.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00", doc.Meta.Title, doc.Meta.TitleEN, doc.Meta.Author)
	for _, b := range doc.Blocks {
		for _, p := range append(append([]article.Para{}, b.ZH...), b.EN...) {
			fmt.Fprintf(h, "%s\x00%s\x00", p.Label, p.Text)
		}
	}
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0F | 0x50
	u[8] = u[8]&0x3F | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
