package epub

import (
	"archive/zip"
	"io"
	"time"
)

// zipFile is one entry of the container, in the order it is written.
type zipFile struct {
	name   string
	data   []byte
	stored bool // already compressed (an image): stored as it is
}

// writeZip writes the OCF container: the mimetype entry first, stored and
// without extra fields, then files deflated, all stamped with the same time
// so that the bytes depend only on the content.
func writeZip(w io.Writer, files []zipFile, modified time.Time) error {
	zw := zip.NewWriter(w)
	date, clock := dosTime(modified)
	add := func(name string, method uint16, data []byte) error {
		h := &zip.FileHeader{Name: name, Method: method, ModifiedDate: date, ModifiedTime: clock}
		h.SetMode(0o644)
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := add("mimetype", zip.Store, []byte("application/epub+zip")); err != nil {
		return err
	}
	for _, f := range files {
		method := zip.Deflate
		if f.stored {
			method = zip.Store
		}
		if err := add(f.name, method, f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// dosTime encodes t (in UTC) as an MS-DOS date and time, the zip format's
// own, which needs no extra field. Times before 1980 become 1980-01-01.
func dosTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	date = uint16((t.Year()-1980)<<9 | int(t.Month())<<5 | t.Day())
	clock = uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2)
	return date, clock
}
