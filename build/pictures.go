package build

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"

	"diglot/article"
	"diglot/layout"
)

// Bounds on a picture an article embeds: its file, and its pixels (a PNG
// of a few KB may claim a huge canvas).
const (
	maxPictureBytes  = 16 << 20
	maxPicturePixels = 40_000_000
)

// picture is an image ready for both writers: PNG re-encoded by Go's
// encoder (one plain form the PDF writer and every reading system read), JPEG as
// it came.
type picture struct {
	data      []byte
	mediaType string
	size      layout.Picture
}

// loadPictures reads the local PNG and JPEG files the article's image
// paragraphs name, relative to the folder of the file that names them (the
// original's or the translation's), and warns once about each image that
// is not embedded (a web address, a missing file, another format), whose
// caption then stands alone. A source is read once: the same relative
// path in two files in different folders is the first file's picture.
func loadPictures(doc *article.Document, files sources, diag io.Writer) map[string]picture {
	out := map[string]picture{}
	refused := map[string]bool{}
	var dirs [2]string // by side
	for _, lang := range []article.Lang{article.Chinese, article.English} {
		dirs[lang] = "."
		if name := files.of(doc, lang); name != "" && name != "-" {
			dirs[lang] = filepath.Dir(name)
		}
	}
	for _, b := range doc.Blocks {
		for _, lang := range []article.Lang{article.Chinese, article.English} {
			name, dir := files.of(doc, lang), dirs[lang]
			for _, p := range b.Side(lang) {
				src := p.Image
				if _, done := out[src]; src == "" || done || refused[src] {
					continue
				}
				pic, err := readPicture(dir, src)
				if err != nil {
					refused[src] = true
					fmt.Fprintf(diag, "%s:%d: warning: image %q not embedded (%v); its caption stands in\n", name, p.Lines[0].No, src, err)
					continue
				}
				out[src] = pic
			}
		}
	}
	return out
}

// readPicture reads and checks one picture.
func readPicture(dir, src string) (pic picture, err error) {
	if strings.Contains(src, "://") || strings.HasPrefix(src, "//") || strings.HasPrefix(src, "data:") {
		return pic, fmt.Errorf("not a local file")
	}
	path := src
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, filepath.FromSlash(src))
	}
	f, err := os.Open(path)
	if err != nil {
		return pic, fmt.Errorf("cannot be read")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPictureBytes+1))
	if err != nil {
		return pic, fmt.Errorf("cannot be read")
	}
	if len(data) > maxPictureBytes {
		return pic, fmt.Errorf("larger than %d MiB", maxPictureBytes>>20)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("a malformed picture")
		}
	}()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case err != nil || format != "png" && format != "jpeg":
		return pic, fmt.Errorf("not a PNG or JPEG picture")
	case cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > maxPicturePixels:
		return pic, fmt.Errorf("%d×%d pixels, over the %d million a picture may have", cfg.Width, cfg.Height, maxPicturePixels/1_000_000)
	}
	img, err := decode(format, data)
	if err != nil {
		return pic, fmt.Errorf("a malformed %s picture", strings.ToUpper(format))
	}
	pic.size = layout.Picture{Width: cfg.Width, Height: cfg.Height}
	if format == "jpeg" {
		pic.data, pic.mediaType = data, "image/jpeg"
		return pic, nil
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return pic, fmt.Errorf("a PNG picture that cannot be re-encoded")
	}
	pic.data, pic.mediaType = buf.Bytes(), "image/png"
	return pic, nil
}

func decode(format string, data []byte) (image.Image, error) {
	if format == "jpeg" {
		return jpeg.Decode(bytes.NewReader(data))
	}
	return png.Decode(bytes.NewReader(data))
}
