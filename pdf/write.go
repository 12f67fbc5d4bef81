// Package pdf writes a typeset book as PDF, placing every run where layout
// put it. It is the only package that imports gopdf.
package pdf

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"diglot/article"
	"diglot/fonts"
	"diglot/layout"
)

// Meta is the document information.
type Meta struct {
	Title, Author, Subject string
	Lang                   string // the document's main language (BCP 47)
	Created                time.Time
	Pictures               map[string][]byte // the PNG or JPEG data of each image the pages place, by source
}

// Write renders book to w with the faces of set. It spends the book: each
// page's runs are released once drawn, so that a long book is not held
// twice (by the layout and by gopdf).
func Write(w io.Writer, book *layout.Book, set *fonts.Set, meta Meta) (err error) {
	defer func() {
		// gopdf reads the fonts' subsets; a user's malformed font must not
		// take the process down with it
		if r := recover(); r != nil {
			err = fmt.Errorf("FONT: the PDF writer could not read a font (%v)", r)
		}
	}()
	var pdf gopdf.GoPdf
	pt := func(v int) float64 { return float64(v) / layout.Pt }
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: pt(book.Width), H: pt(book.Height)}, Unit: gopdf.UnitPT})
	pdf.SetCompressLevel(6)
	pdf.SetInfo(gopdf.PdfInfo{
		Title: meta.Title, Author: meta.Author, Subject: meta.Subject,
		Creator: "diglot", Producer: "diglot (gopdf)", CreationDate: meta.Created,
	})
	names := map[fonts.Role]string{}
	byRole := runesByRole(book)
	for _, role := range book.Used { // in a fixed order: object numbers follow it
		runes := byRole[role]
		face, err := set.Face(role)
		if err != nil {
			return err
		}
		// gopdf reads a font whole: hand it a subset of the glyphs this
		// book draws, not the 15 MB face. Its family name, with the space
		// it turns into "+", becomes the PDF's subset-tagged font name.
		data, err := face.Subset(runes, fonts.SubsetOptions{Family: face.Name, StandIns: true, FlattenComposites: true})
		if err != nil {
			return fmt.Errorf("pdf: %w", err)
		}
		names[role] = subsetTag(face.Name, runes) + " " + face.Name
		if err := pdf.AddTTFFontDataWithOption(names[role], data, gopdf.TtfOption{
			OnGlyphNotFoundSubstitute: func(r rune) rune { return 0xFFFD },
		}); err != nil {
			return fmt.Errorf("pdf: font %s: %w", face.Name, err)
		}
	}
	var outlines []outline
	for i := range book.Pages {
		page := &book.Pages[i]
		pdf.AddPage()
		for _, b := range page.Bookmarks {
			pdf.SetXY(0, pt(b.Y))
			outlines = append(outlines, outline{pdf.AddOutlineWithPosition(b.Title), b.Level})
		}
		font, size := fonts.Role(255), -1
		for _, r := range page.Runs {
			if r.Role != font || r.Size != size {
				if err := pdf.SetFont(names[r.Role], "", pt(r.Size)); err != nil {
					return fmt.Errorf("pdf: %w", err)
				}
				font, size = r.Role, r.Size
			}
			pdf.SetXY(pt(r.X), pt(r.Y))
			if err := pdf.Text(r.Text); err != nil {
				return fmt.Errorf("pdf: %w", err)
			}

		}
		for _, img := range page.Images {
			data, ok := meta.Pictures[img.Src]
			if !ok {
				continue
			}
			holder, err := gopdf.ImageHolderByBytes(data)
			if err != nil {
				return fmt.Errorf("pdf: image %q: %w", img.Src, err)
			}
			if err := pdf.ImageByHolder(holder, pt(img.X), pt(img.Y), &gopdf.Rect{W: pt(img.W), H: pt(img.H)}); err != nil {
				return fmt.Errorf("pdf: image %q: %w", img.Src, err)
			}
		}
		if len(page.Dots) > 0 {
			pdf.SetFillColor(0, 0, 0)
			for _, d := range page.Dots {
				r := pt(d.D) / 2
				x, y := pt(d.X), pt(d.Y)
				if err := pdf.Rectangle(x-r, y-r, x+r, y+r, "F", r, 4); err != nil {
					return fmt.Errorf("pdf: %w", err)
				}
			}
		}
		for _, r := range page.Rules {
			pdf.SetLineWidth(pt(r.Width))
			pdf.SetStrokeColor(r.Gray, r.Gray, r.Gray)
			pdf.Line(pt(r.X0), pt(r.Y0), pt(r.X1), pt(r.Y1))
		}
		for _, l := range linkBoxes(page.Runs) {
			pdf.AddExternalLink(asciiURI(l.uri), pt(l.x), pt(l.y), pt(l.w), pt(l.h))
		}
		page.Runs = nil // gopdf holds the page now: let a long book's layout go
	}
	lastTop, tops := nestOutlines(outlines)
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return err
	}
	out, err := fixup(buf.Bytes(), meta.Lang, outlineFix{last: lastTop, tops: tops})
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// outline is a bookmark gopdf has written, with its heading's level.
type outline struct {
	obj   *gopdf.OutlineObj
	level int
}

// nestOutlines links the bookmarks into a tree by heading level (gopdf
// writes them as one flat list): each entry's parent is the nearest
// earlier one of a smaller level. It returns the object number of the
// last top-level entry, which the outline root's /Last must name (0 when
// there is none), and the top-level entries' numbers, whose /Parent must
// be the root (gopdf names another object).
func nestOutlines(outlines []outline) (lastTop int, tops []int) {
	type open struct {
		node      outline
		lastChild *gopdf.OutlineObj
	}
	var stack []open
	var prevTop *gopdf.OutlineObj
	for _, o := range outlines {
		for len(stack) > 0 && stack[len(stack)-1].node.level >= o.level {
			stack = stack[:len(stack)-1]
		}
		o.obj.SetNext(-1)
		o.obj.SetPrev(-1)
		var prev *gopdf.OutlineObj
		if len(stack) == 0 {
			prev, prevTop = prevTop, o.obj
			lastTop = o.obj.GetIndex()
			tops = append(tops, lastTop)
		} else {
			parent := &stack[len(stack)-1]
			o.obj.SetParent(parent.node.obj.GetIndex())
			if parent.lastChild == nil {
				parent.node.obj.SetFirst(o.obj.GetIndex())
			}
			parent.node.obj.SetLast(o.obj.GetIndex())
			prev, parent.lastChild = parent.lastChild, o.obj
		}
		if prev != nil {
			prev.SetNext(o.obj.GetIndex())
			o.obj.SetPrev(prev.GetIndex())
		}
		stack = append(stack, open{node: o})
	}
	return lastTop, tops
}

// linkBox is the clickable area of a web address on one line.
type linkBox struct {
	uri        string
	x, y, w, h int // top left corner and size, layout units
}

// linkBoxes joins the runs of each web address on each line of a side of
// a pair into one box, from the ascent to the descent of the text. Runs of
// the same address on the other side, or further along the line than the
// next word, get boxes of their own. The side comes from the run, as
// layout set it, not from where it stands.
func linkBoxes(runs []layout.Run) []linkBox {
	type key struct {
		pair int
		side article.Lang
	}
	var out []linkBox
	var last key
	for _, r := range runs {
		if r.Link == "" {
			continue
		}
		k := key{r.Pair, r.Side}
		if n := len(out); n > 0 {
			box := &out[n-1]
			end := box.x + box.w
			if box.uri == r.Link && box.y == r.Y-r.Size*9/10 && k == last && r.X >= box.x && r.X-end <= r.Size {
				box.w = max(box.w, r.X+r.Width-box.x)
				continue
			}
		}
		out = append(out, linkBox{uri: r.Link, x: r.X, y: r.Y - r.Size*9/10, w: r.Width, h: r.Size * 12 / 10})
		last = k
	}
	return out
}

// asciiURI percent-encodes the bytes of uri outside printable ASCII, as a
// PDF URI action wants.
func asciiURI(uri string) string {
	var b strings.Builder
	for i := 0; i < len(uri); i++ {
		if c := uri[i]; c <= ' ' || c >= 0x7F || c == '(' || c == ')' || c == '\\' { // gopdf writes it in a literal string, unescaped
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// runesByRole collects the characters each face draws, in order, plus
// U+FFFD, gopdf's substitute for a character its font lacks: a safety net,
// since every character drawn is in the subset (with a stand-in glyph when
// the face lacks it).
func runesByRole(book *layout.Book) map[fonts.Role][]rune {
	sets := map[fonts.Role]map[rune]bool{}
	for _, page := range book.Pages {
		for _, r := range page.Runs {
			set := sets[r.Role]
			if set == nil {
				set = map[rune]bool{0xFFFD: true}
				sets[r.Role] = set
			}
			for _, c := range r.Text {
				set[c] = true
			}
		}
	}
	out := map[fonts.Role][]rune{}
	for role, set := range sets {
		out[role] = slices.Sorted(maps.Keys(set))
	}
	return out
}

// subsetTag derives the six capital letters that mark a subset font's name
// (PDF 32000 §9.6.4) from the font and the characters it holds, so that the
// same book always gets the same tag.
func subsetTag(name string, runes []rune) string {
	h := sha1.New()
	fmt.Fprint(h, name, string(runes))
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}
