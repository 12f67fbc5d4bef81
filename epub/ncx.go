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
	fmt.Fprintf(&w, "<meta name=\"dtb:totalPageCount\" content=\"%d\"/>\n<meta name=\"dtb:maxPageNumber\" content=\"%d\"/>\n</head>\n", len(b.pages), len(b.pages))
	navOrder, pageOrder := playOrders(entries, b.pages)
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
		fmt.Fprintf(&w, "<navPoint id=\"nav-%d\" playOrder=\"%d\"><navLabel><text>%s</text></navLabel><content src=\"%s\"/>\n", i+1, navOrder[i], escape(label), escape(e.href))
		open++
	}
	for ; open > 0; open-- {
		w.WriteString("</navPoint>\n")
	}
	w.WriteString("</navMap>\n")
	if len(b.pages) > 0 {
		// the PDF edition's pages, for EPUB 2 reading systems' "go to page"
		w.WriteString("<pageList>\n<navLabel><text>Pages</text></navLabel>\n")
		for i, p := range b.pages {
			fmt.Fprintf(&w, "<pageTarget id=\"pt-%d\" type=\"normal\" value=\"%d\" playOrder=\"%d\"><navLabel><text>%d</text></navLabel><content src=\"%s\"/></pageTarget>\n",
				p.page, p.page, pageOrder[i], p.page, escape(p.href))
		}
		w.WriteString("</pageList>\n")
	}
	w.WriteString("</ncx>\n")
	return w.String()
}

// playOrders numbers the table of contents' entries and the pages in
// reading order, as the NCX's playOrder wants: an entry before a page
// marked in the block it opens (the marker is inside the heading).
func playOrders(entries []tocEntry, pages []pageMark) (nav, page []int) {
	nav, page = make([]int, len(entries)), make([]int, len(pages))
	i, j := 0, 0
	for n := 1; i < len(entries) || j < len(pages); n++ {
		if j == len(pages) || i < len(entries) && entries[i].at <= pages[j].at {
			nav[i] = n
			i++
		} else {
			page[j] = n
			j++
		}
	}
	return nav, page
}
