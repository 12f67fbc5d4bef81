package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"hash"
	"io"
	"strconv"
	"unicode/utf16"
)

// objects writes numbered PDF objects to a stream as they come, recording
// where each starts for the cross-reference stream that ends the file. It
// hashes what it writes: the file's /ID is derived from its own bytes, so
// the same book always gets the same identifier.
type objects struct {
	out     *bufio.Writer
	hash    hash.Hash
	at      int64   // bytes written so far
	offsets []int64 // by object number; 0 for a number reserved but not yet written
	err     error
	deflate *zlib.Writer // content and small streams, at contentLevel
	fast    *zlib.Writer // object streams, at the fastest level
	packed  bytes.Buffer
	// Objects that are not streams are gathered into object streams,
	// objectsPerStream at a time (a tagged PDF's structure elements are
	// most of its objects: a sixth off a short article's file).
	pending     bytes.Buffer // the bodies gathered, one after another
	pendingNums []int        // their numbers and where each starts
	pendingAt   []int
	inStream    map[int][2]int // object number: its object stream and index there
}

// contentLevel is the deflate level of content streams: level 5 keeps the
// default level's size within 1 % (the 2 MB article's PDF: 3.04 -> 3.06 MB)
// and takes a fifth off the time.
const contentLevel = 5

// objectsPerStream is how many objects an object stream holds: enough to
// compress well, few enough that a long book never holds many.
const objectsPerStream = 200

func newObjects(w io.Writer) *objects {
	o := &objects{out: bufio.NewWriterSize(w, 1<<16), hash: sha256.New(), offsets: []int64{0}, inStream: map[int][2]int{}}
	o.deflate, _ = zlib.NewWriterLevel(&o.packed, contentLevel)
	o.fast, _ = zlib.NewWriterLevel(&o.packed, zlib.BestSpeed)
	// the header, and a comment of bytes above 127 that marks the file as
	// binary (ISO 19005-2 6.1.2)
	o.raw([]byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"))
	return o
}

func (o *objects) raw(b []byte) {
	if o.err != nil {
		return
	}
	n, err := o.out.Write(b)
	o.hash.Write(b[:n])
	o.at += int64(n)
	o.err = err
}

// reserve returns a new object number, for an object written later.
func (o *objects) reserve() int {
	o.offsets = append(o.offsets, 0)
	return len(o.offsets) - 1
}

// object writes object num with the given body (a dictionary, an array),
// into the object stream being gathered.
func (o *objects) object(num int, body []byte) {
	o.pendingNums = append(o.pendingNums, num)
	o.pendingAt = append(o.pendingAt, o.pending.Len())
	o.pending.Write(body)
	o.pending.WriteByte('\n')
	if len(o.pendingNums) == objectsPerStream {
		o.flushObjects()
	}
}

// flushObjects writes the objects gathered as one object stream.
func (o *objects) flushObjects() {
	if len(o.pendingNums) == 0 {
		return
	}
	var head []byte
	for i, num := range o.pendingNums {
		head = strconv.AppendInt(head, int64(num), 10)
		head = append(head, ' ')
		head = strconv.AppendInt(head, int64(o.pendingAt[i]), 10)
		head = append(head, ' ')
	}
	stm := o.reserve()
	for i, num := range o.pendingNums {
		o.inStream[num] = [2]int{stm, i}
	}
	d := []byte(" /Type /ObjStm /N ")
	d = strconv.AppendInt(d, int64(len(o.pendingNums)), 10)
	d = append(d, " /First "...)
	d = strconv.AppendInt(d, int64(len(head)), 10)
	o.streamWith(o.fast, stm, d, append(head, o.pending.Bytes()...), true) // many small dictionaries: the fastest level is near the best
	o.pending.Reset()
	o.pendingNums, o.pendingAt = o.pendingNums[:0], o.pendingAt[:0]
}

func (o *objects) begin(num int) {
	o.offsets[num] = o.at
	o.raw(strconv.AppendInt(nil, int64(num), 10))
	o.raw([]byte(" 0 obj\n"))
}

// stream writes object num as a stream of data, compressed unless raw
// data is asked for; dict holds the entries besides /Length and /Filter
// (written without its brackets).
func (o *objects) stream(num int, dict []byte, data []byte, compress bool) {
	o.streamWith(o.deflate, num, dict, data, compress)
}

// packedStream writes object num as a stream of data deflated already.
func (o *objects) packedStream(num int, dict []byte, packed []byte) {
	o.writeStream(num, dict, packed, true)
}

func (o *objects) streamWith(z *zlib.Writer, num int, dict []byte, data []byte, compress bool) {
	if compress {
		o.packed.Reset()
		z.Reset(&o.packed)
		z.Write(data)
		z.Close()
		data = o.packed.Bytes()
	}
	o.writeStream(num, dict, data, compress)
}

// writeStream writes object num as a stream of data, which is deflated
// when packed is true.
func (o *objects) writeStream(num int, dict []byte, data []byte, packed bool) {
	o.begin(num)
	b := append([]byte("<<"), dict...)
	if packed {
		b = append(b, " /Filter /FlateDecode"...)
	}
	b = append(b, " /Length "...)
	b = strconv.AppendInt(b, int64(len(data)), 10)
	b = append(b, ">>\nstream\n"...)
	o.raw(b)
	o.raw(data)
	o.raw([]byte("\nendstream\nendobj\n"))
}

// finish writes the cross-reference stream, whose dictionary is the
// trailer (root, info, /ID), and flushes.
func (o *objects) finish(root, info int) error {
	o.flushObjects()
	num := o.reserve()
	id := o.hash.Sum(nil)[:16]
	var table []byte
	for n, off := range o.offsets {
		at, packed := o.inStream[n]
		switch {
		case n == 0:
			table = append(table, 0, 0, 0, 0, 0, 0xFF, 0xFF)
		case n == num:
			table = appendEntry(table, o.at)
		case packed:
			table = append(table, 2, byte(at[0]>>24), byte(at[0]>>16), byte(at[0]>>8), byte(at[0]), byte(at[1]>>8), byte(at[1]))
		default:
			table = appendEntry(table, off)
		}
	}
	var d []byte
	d = append(d, " /Type /XRef /W [1 4 2] /Size "...)
	d = strconv.AppendInt(d, int64(len(o.offsets)), 10)
	d = append(d, " /Root "...)
	d = appendRef(d, root)
	d = append(d, " /Info "...)
	d = appendRef(d, info)
	d = append(d, " /ID ["...)
	d = appendHex(d, id)
	d = appendHex(d, id)
	d = append(d, ']')
	start := o.at
	o.stream(num, d, table, true)
	o.raw([]byte("startxref\n"))
	o.raw(strconv.AppendInt(nil, start, 10))
	o.raw([]byte("\n%%EOF\n"))
	if o.err != nil {
		return o.err
	}
	return o.out.Flush()
}

// appendEntry appends a cross-reference stream entry of an object at off:
// type 1, four bytes of offset, generation 0.
func appendEntry(b []byte, off int64) []byte {
	return append(b, 1, byte(off>>24), byte(off>>16), byte(off>>8), byte(off), 0, 0)
}

func appendRef(b []byte, num int) []byte {
	b = strconv.AppendInt(b, int64(num), 10)
	return append(b, " 0 R"...)
}

func appendHex(b []byte, data []byte) []byte {
	const digits = "0123456789ABCDEF"
	b = append(b, '<')
	for _, c := range data {
		b = append(b, digits[c>>4], digits[c&15])
	}
	return append(b, '>')
}

// appendMilli appends v thousandths as a decimal number, without trailing
// zeros (12500 is 12.5).
func appendMilli(b []byte, v int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, int64(v/1000), 10)
	if frac := v % 1000; frac != 0 {
		b = append(b, '.', byte('0'+frac/100))
		if frac%100 != 0 {
			b = append(b, byte('0'+frac/10%10))
			if frac%10 != 0 {
				b = append(b, byte('0'+frac%10))
			}
		}
	}
	return b
}

// appendString appends s as a literal string, escaping what must be.
func appendString(b []byte, s string) []byte {
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}

// appendText appends a text string (PDF 32000 §7.9.2.2): ASCII as it is,
// anything else in UTF-16BE with a byte order mark.
func appendText(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 && s[i] != '\n' && s[i] != '\t' {
			ascii = false
			break
		}
	}
	if ascii {
		return appendString(b, s)
	}
	units := utf16.Encode([]rune(s))
	data := make([]byte, 0, 2+2*len(units))
	data = append(data, 0xFE, 0xFF)
	for _, u := range units {
		data = append(data, byte(u>>8), byte(u))
	}
	return appendHex(b, data)
}

// appendName appends a name object made of the safe characters of s.
func appendName(b []byte, s string) []byte {
	b = append(b, '/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < 0x7F && !bytes.ContainsRune([]byte("#()<>[]{}/%"), rune(c)) {
			b = append(b, c)
		} else {
			b = append(b, '#', "0123456789ABCDEF"[c>>4], "0123456789ABCDEF"[c&15])
		}
	}
	return b
}
