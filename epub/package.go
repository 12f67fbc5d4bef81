package epub

import (
	"fmt"
	"strings"
	"time"

	"diglot/article"
)

const containerXML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`

// accessibilitySummary says what a reader of any ability can expect of the
// book: the pairing and its languages, the structure, and what its images
// are (the cover's text is on the title page too; an article's pictures
// are described by their captions).
func accessibilitySummary(pictures int, hasCover bool) string {
	s := "A parallel text: every paragraph is paired with its translation, next to it in reading order, " +
		"each marked with its language. Headings are structured and listed in the table of contents. " +
		"The text can be resized and restyled. "
	switch {
	case pictures > 0:
		s += fmt.Sprintf("The article's %d picture(s) are each described by the caption set with it", pictures)
		if hasCover {
			s += "; the cover shows the two titles and the byline, which are its alternative text and on the title page too"
		}
		s += ". "
	case hasCover:
		s += "The only image is the cover, which shows the two titles and the byline: they are its alternative text and on the title page too. "
	}
	return s + "There are no media or hazards."
}

// The accessibility conformance the book declares (EPUB Accessibility
// 1.1): its outputs are checked against it (check-epub-render: Ace by
// DAISY, contrast light and dark, reflow at 200 % text on a phone).
const (
	conformsTo  = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
	certifiedBy = "diglot (automated evaluation)"
)

// packageDocument writes package.opf: metadata, manifest, spine.
func (b *book) packageDocument(fontFiles []fontFile, hasCover bool) string {
	m := b.doc.Meta
	var w strings.Builder
	fmt.Fprintf(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\"%s\">\n", b.zhTag)
	w.WriteString("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
	fmt.Fprintf(&w, "<dc:identifier id=\"uid\">%s</dc:identifier>\n", escape(b.id))
	title, alt, titleLang, altLang := m.Title, m.TitleEN, b.zhTag, "en"
	switch {
	case title == "":
		title, alt, titleLang = m.TitleEN, "", "en"
	case !hasHan(title):
		titleLang = "en"
	}
	if title == "" {
		title = strings.TrimSuffix(b.doc.Name, ".txt")
	}
	fmt.Fprintf(&w, "<dc:title id=\"title\" xml:lang=\"%s\">%s</dc:title>\n", titleLang, escape(title))
	if alt != "" && alt != title {
		fmt.Fprintf(&w, "<meta refines=\"#title\" property=\"alternate-script\" xml:lang=\"%s\">%s</meta>\n", altLang, escape(alt))
	}
	if m.Author != "" {
		fmt.Fprintf(&w, "<dc:creator id=\"creator\">%s</dc:creator>\n", escape(m.Author))
	}
	if m.Translator != "" {
		fmt.Fprintf(&w, "<dc:contributor id=\"translator\">%s</dc:contributor>\n", escape(m.Translator))
		w.WriteString("<meta refines=\"#translator\" property=\"role\" scheme=\"marc:relators\">trl</meta>\n")
	}
	langs := [2]string{b.zhTag, "en"}
	if b.opt.Left == article.English {
		langs = [2]string{"en", b.zhTag}
	}
	for _, l := range langs {
		fmt.Fprintf(&w, "<dc:language>%s</dc:language>\n", l)
	}
	if date, ok := w3cDate(m.Date); ok {
		fmt.Fprintf(&w, "<dc:date>%s</dc:date>\n", date)
	}
	if m.Description != "" {
		fmt.Fprintf(&w, "<dc:description>%s</dc:description>\n", escape(m.Description))
	}
	for _, k := range m.Keywords {
		fmt.Fprintf(&w, "<dc:subject>%s</dc:subject>\n", escape(k))
	}
	if m.Source != "" {
		fmt.Fprintf(&w, "<dc:source>%s</dc:source>\n", escape(m.Source))
	}
	if len(b.pages) > 0 && b.opt.PageSource != "" {
		// the edition the page list follows, as EPUB 3.2 names it (the
		// newer pageBreakSource property fails EPUBCheck 4.2)
		fmt.Fprintf(&w, "<dc:source id=\"page-source\">%s</dc:source>\n<meta refines=\"#page-source\" property=\"source-of\">pagination</meta>\n", escape(b.opt.PageSource))
	}
	fmt.Fprintf(&w, "<meta property=\"dcterms:modified\">%s</meta>\n", b.opt.Modified.UTC().Format("2006-01-02T15:04:05Z"))
	if hasCover {
		w.WriteString("<meta name=\"cover\" content=\"cover\"/>\n") // for reading systems that predate cover-image
	}
	modes := [][2]string{{"schema:accessMode", "textual"}}
	if len(b.images) > 0 {
		modes = append(modes, [2]string{"schema:accessMode", "visual"})
	}
	var pageFeatures [][2]string
	if len(b.pages) > 0 {
		pageFeatures = [][2]string{{"schema:accessibilityFeature", "pageBreakMarkers"}, {"schema:accessibilityFeature", "pageNavigation"}}
	}
	for _, a := range append(append(modes, pageFeatures...), [][2]string{
		{"schema:accessModeSufficient", "textual"},
		{"schema:accessibilityFeature", "structuralNavigation"},
		{"schema:accessibilityFeature", "tableOfContents"},
		{"schema:accessibilityFeature", "readingOrder"},
		{"schema:accessibilityFeature", "displayTransformability"},
		{"schema:accessibilityHazard", "none"},
		{"schema:accessibilitySummary", accessibilitySummary(len(b.images), hasCover)},
		{"dcterms:conformsTo", conformsTo},
		{"a11y:certifiedBy", certifiedBy},
	}...) {
		fmt.Fprintf(&w, "<meta property=\"%s\">%s</meta>\n", a[0], escape(a[1]))
	}
	w.WriteString("</metadata>\n<manifest>\n")
	w.WriteString("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n")
	w.WriteString("<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n")
	if hasCover {
		w.WriteString("<item id=\"cover-page\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>\n")
	}
	w.WriteString("<item id=\"title-page\" href=\"title.xhtml\" media-type=\"application/xhtml+xml\"/>\n")
	for i, c := range b.chapters {
		fmt.Fprintf(&w, "<item id=\"text-%d\" href=\"%s\" media-type=\"application/xhtml+xml\"/>\n", i+1, c.file)
	}
	w.WriteString("<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n")
	if hasCover {
		w.WriteString("<item id=\"cover\" href=\"cover.png\" media-type=\"image/png\" properties=\"cover-image\"/>\n")
	}
	for i, f := range fontFiles {
		fmt.Fprintf(&w, "<item id=\"font-%d\" href=\"%s\" media-type=\"font/ttf\"/>\n", i+1, f.path)
	}
	for i, f := range b.images {
		fmt.Fprintf(&w, "<item id=\"image-%d\" href=\"%s\" media-type=\"%s\"/>\n", i+1, f.path, f.mediaType)
	}
	// the contents follow the title page, as in a printed book: readers
	// that page through items marked linear="no" show them there, not
	// after the text
	w.WriteString("</manifest>\n<spine toc=\"ncx\">\n")
	if hasCover {
		w.WriteString("<itemref idref=\"cover-page\"/>\n")
	}
	w.WriteString("<itemref idref=\"title-page\"/>\n<itemref idref=\"nav\" linear=\"no\"/>\n")
	for i := range b.chapters {
		fmt.Fprintf(&w, "<itemref idref=\"text-%d\"/>\n", i+1)
	}
	w.WriteString("</spine>\n</package>\n")
	return w.String()
}

// w3cDate returns the front matter's date as dc:date wants it (W3CDTF: a
// year, a month or a day, or a day with its time), and false for a date
// written otherwise ("January 2025"), which the title page shows as it is.
func w3cDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil && t.Format(layout) == s {
			return s, true
		}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Format("2006-01-02T15:04:05Z"), true
		}
	}
	return "", false
}
