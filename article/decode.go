package article

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rawLine is a source line before trimming.
type rawLine struct {
	no       int
	text     string // trimmed of surrounding whitespace
	raw      string // as written (for Markdown, whose indentation is markup)
	indented bool   // the line began with whitespace
}

// decode checks the encoding and splits src into trimmed lines. LF, CRLF and
// a lone CR all end a line; a UTF-8 BOM is dropped. Invalid UTF-8, NUL bytes
// and UTF-16 input are errors naming their lines.
func decode(src []byte, c *collector) []rawLine {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		c.errorf(1, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); UTF-16 is not supported, save it as UTF-8")
		return nil
	}
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	n := bytes.Count(src, []byte{'\n'}) + bytes.Count(src, []byte{'\r'}) + 1
	lines := make([]rawLine, 0, n)
	no := 0
	for len(src) > 0 {
		no++
		end := bytes.IndexAny(src, "\r\n")
		var line []byte
		if end < 0 {
			line, src = src, nil
		} else {
			line = src[:end]
			if src[end] == '\r' && end+1 < len(src) && src[end+1] == '\n' {
				end++
			}
			src = src[end+1:]
		}
		if !checkLine(line, no, c) {
			lines = append(lines, rawLine{no: no})
			continue
		}
		text := string(line)
		if strings.ContainsFunc(text, Unwritable) {
			var dropped int
			text, dropped = DropUnwritable(text)
			c.warnf(no, "%d control character(s) or noncharacter(s) dropped (U+0001–U+001F, U+007F–U+009F, U+FFFE, U+FFFF …): no EPUB or PDF may hold them", dropped)
		}
		raw := text
		text = trimSpace(text)
		lines = append(lines, rawLine{no: no, text: text, raw: raw, indented: text != "" && !strings.HasPrefix(string(line), text)})
	}
	return lines
}

// checkLine reports an invalid byte or a NUL in one line and returns whether
// the line is usable.
func checkLine(line []byte, no int, c *collector) bool {
	if i := bytes.IndexByte(line, 0); i >= 0 {
		c.errorf(no, "NUL byte at column %d; the file is binary or corrupt", i+1)
		return false
	}
	if utf8.Valid(line) {
		return true
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && size <= 1 {
			c.errorf(no, "invalid UTF-8 (byte 0x%02X at column %d); save the file as UTF-8", line[i], i+1)
			return false
		}
		i += size
	}
	return false
}

// trimSpace removes surrounding whitespace, including U+3000 and NBSP, and a
// stray BOM.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
}

// Unwritable reports a character that XML 1.0 forbids or that has no
// meaning in text: C0 controls but tab, DEL and the C1 controls, surrogates,
// and noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). diglot drops them,
// with a warning, wherever text enters: the body, the front matter, the
// command line.
func Unwritable(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0x7F && r <= 0x9F, r >= 0xD800 && r <= 0xDFFF:
		return true
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return true
	}
	return r > unicode.MaxRune
}

// DropUnwritable returns s without its Unwritable characters (and with each
// invalid UTF-8 byte as U+FFFD), and how many characters it dropped.
func DropUnwritable(s string) (string, int) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	n := 0
	out := strings.Map(func(r rune) rune {
		if Unwritable(r) {
			n++
			return -1
		}
		return r
	}, s)
	return out, n
}
