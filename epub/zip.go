package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"runtime"
	"sync"
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
// so that the bytes depend only on the content. The files are deflated on
// all cores at once (the fonts are most of the work), then written in
// order.
func writeZip(w io.Writer, files []zipFile, modified time.Time) error {
	zw := zip.NewWriter(w)
	date, clock := dosTime(modified)
	add := func(name string, method uint16, data []byte, size int, crc uint32) error {
		h := &zip.FileHeader{Name: name, Method: method, ModifiedDate: date, ModifiedTime: clock,
			CRC32: crc, CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(size)}
		h.SetMode(0o644)
		f, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	mimetype := []byte("application/epub+zip")
	if err := add("mimetype", zip.Store, mimetype, len(mimetype), crc32.ChecksumIEEE(mimetype)); err != nil {
		return err
	}
	packed := make([][]byte, len(files))
	next := make(chan int, len(files))
	for i, f := range files {
		if !f.stored {
			next <- i
		}
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			var out bytes.Buffer
			z, _ := flate.NewWriter(&out, 5) // archive/zip's own level; one writer a worker: each holds a megabyte
			for i := range next {
				out.Reset()
				z.Reset(&out)
				z.Write(files[i].data)
				z.Close()
				packed[i] = bytes.Clone(out.Bytes())
			}
		})
	}
	wg.Wait()
	for i, f := range files {
		method, data := uint16(zip.Deflate), packed[i]
		if f.stored {
			method, data = zip.Store, f.data
		}
		if err := add(f.name, method, data, len(f.data), crc32.ChecksumIEEE(f.data)); err != nil {
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
