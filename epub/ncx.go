package epub

import (
	"fmt"
	"strings"
)

// ncx writes the NCX table of contents, for EPUB 2 reading systems (a
// sideloaded Kobo, Adobe-engine readers) that do not read the EPUB 3 nav:
// the same entries, nested by heading level, each labelled in both
// languages.
func (b *book) ncx() string {
	var w strings.Builder
	w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(&w, "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"%s\">\n", b.zhTag)
	entries := b.tocEntries()
	base := entries[0].level
	for _, e := range entries {
		base = min(base, e.level)
	}
	depth := 1
	for _, e := range entries {
		depth = max(depth, e.level-base+1)
	}
	fmt.Fprintf(&w, "<head>\n<meta name=\"dtb:uid\" content=\"%s\"/>\n<meta name=\"dtb:depth\" content=\"%d\"/>\n", escape(b.id), depth)
	w.WriteString("<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n")
	fmt.Fprintf(&w, "<docTitle><text>%s</text></docTitle>\n<navMap>\n", escape(b.doc.Title()))
	open := 0 // navPoints open
	for i, e := range entries {
		level := e.level - base + 1
		if i == 0 {
			level = 1
		}
		level = min(level, open+1) // a deeper heading without a parent nests one level down
		for ; open >= level; open-- {
			w.WriteString("</navPoint>\n")
		}
		label := e.zh
		switch {
		case label == "":
			label = e.en
		case e.en != "" && e.en != e.zh:
			label += " / " + e.en
		}
		fmt.Fprintf(&w, "<navPoint id=\"nav-%d\" playOrder=\"%d\"><navLabel><text>%s</text></navLabel><content src=\"%s\"/>\n", i+1, i+1, escape(label), escape(e.href))
		open++
	}
	for ; open > 0; open-- {
		w.WriteString("</navPoint>\n")
	}
	w.WriteString("</navMap>\n</ncx>\n")
	return w.String()
}
