// Package pdf writes a typeset book as PDF, placing every run where layout
// put it. It is the only package that imports gopdf.
package pdf

import (
	"fmt"
	"io"
	"time"

	"github.com/signintech/gopdf"

	"diglot/fonts"
	"diglot/layout"
)

// Meta is the document information.
type Meta struct {
	Title, Author, Subject string
	Created                time.Time
}

// Write renders book to w with the faces of set.
func Write(w io.Writer, book *layout.Book, set *fonts.Set, meta Meta) error {
	var pdf gopdf.GoPdf
	pt := func(v int) float64 { return float64(v) / layout.Pt }
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: pt(book.Width), H: pt(book.Height)}, Unit: gopdf.UnitPT})
	pdf.SetCompressLevel(9)
	pdf.SetInfo(gopdf.PdfInfo{
		Title: meta.Title, Author: meta.Author, Subject: meta.Subject,
		Creator: "diglot", Producer: "diglot (gopdf)", CreationDate: meta.Created,
	})
	for _, role := range book.Used {
		face, err := set.Face(role)
		if err != nil {
			return err
		}
		if err := pdf.AddTTFFontDataWithOption(face.Name, face.Data, gopdf.TtfOption{
			OnGlyphNotFoundSubstitute: func(r rune) rune { return 0xFFFD },
		}); err != nil {
			return fmt.Errorf("pdf: font %s: %w", face.Name, err)
		}
	}
	names := map[fonts.Role]string{}
	for _, role := range book.Used {
		f, _ := set.Face(role)
		names[role] = f.Name
	}
	for _, page := range book.Pages {
		pdf.AddPage()
		for _, b := range page.Bookmarks {
			pdf.SetXY(0, pt(b.Y))
			pdf.AddOutline(b.Title)
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
	}
	_, err := pdf.WriteTo(w)
	return err
}
