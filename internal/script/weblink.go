package script

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxWebAddress is the longest web address made a link, in bytes: browsers
// and servers refuse longer ones, and each line of a PDF link repeats it.
const MaxWebAddress = 2048

// WebAddress reads s, a stretch of text that starts with a web address
// ("https://…", "http://…", "www.…"), as the address it holds: it runs to
// the first space, Han or kana character, full-width or CJK mark, or
// quotation mark. text is the address as written, without the sentence
// punctuation that may follow it ("https://x.org/a)." gives
// "https://x.org/a"); href is where it leads (https:// added before a bare
// www.), percent-encoded to plain ASCII. Both are empty when s holds no
// address, or one longer than MaxWebAddress. It is the one finder both
// writers use, so a link has the same target in the PDF and the EPUB.
func WebAddress(s string) (text, href string) {
	lower := strings.ToLower(s[:min(len(s), len("https://"))])
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "www.") {
		return "", ""
	}
	if end := strings.IndexFunc(s, endsWebAddress); end >= 0 {
		s = s[:end]
	}
	text = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(".,;:!?'", r) })
	if strings.HasSuffix(text, ")") && strings.Count(text, "(") < strings.Count(text, ")") {
		text = strings.TrimSuffix(text, ")")
	}
	if href = Href(text); href == "" {
		return "", ""
	}
	return text, href
}

// Href is where an address already cut out of its text leads (a web
// address as WebAddress finds it, or a Markdown link's target): https://
// added before a bare www., percent-encoded to plain ASCII; "" when it is
// longer than MaxWebAddress or has no host with a dot.
func Href(addr string) string {
	if len(addr) > MaxWebAddress {
		return ""
	}
	if strings.HasPrefix(strings.ToLower(addr), "www.") {
		addr = "https://" + addr
	}
	href := EncodeURI(addr)
	if u, err := url.Parse(href); err != nil || !strings.Contains(u.Host, ".") {
		return ""
	}
	return href
}

// endsWebAddress reports a character that cannot be part of a web address
// as written in running text.
func endsWebAddress(r rune) bool {
	switch {
	case unicode.IsSpace(r), strings.ContainsRune("<>\"“”‘’", r):
		return true
	case r >= 0x2E80 && r <= 0x9FFF, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x20000 && r <= 0x3FFFF:
		return true // CJK radicals, punctuation, kana, Han; full-width forms
	}
	return false
}

// EncodeURI percent-encodes what a URI may not hold as it is: bytes outside
// printable ASCII, and \ ^ ` { | } ( ) [ ] (brackets are kept in the host, for
// IPv6) and a % that does not start an escape.
func EncodeURI(s string) string {
	hostEnd := len(s)
	if i := strings.Index(s, "://"); i >= 0 {
		if j := strings.IndexAny(s[i+3:], "/?#"); j >= 0 {
			hostEnd = i + 3 + j
		}
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		bracket := (c == '[' || c == ']') && i >= hostEnd
		badPercent := c == '%' && !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]))
		if c <= ' ' || c >= 0x7F || strings.IndexByte("\\^`{|}()", c) >= 0 || bracket || badPercent {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// Address is a web address found in running text: s[Start:End] as written,
// and the target it leads to.
type Address struct {
	Start, End int
	Href       string
}

// FindWebAddresses returns the web addresses in s, in order: each starts
// with a scheme (http://, https://) or www. where no letter or digit stands
// before it, and ends where WebAddress says. It is the one finder of links
// in text: the article model records what it finds, and both writers link
// exactly those.
func FindWebAddresses(s string) []Address {
	var out []Address
	f := addressStarts{s: s}
	for pos := 0; pos < len(s); {
		i := f.next(pos)
		if i < 0 {
			break
		}
		text, href := WebAddress(s[i:])
		if href == "" {
			pos = i + 1
			continue
		}
		out = append(out, Address{Start: i, End: i + len(text), Href: href})
		pos = i + len(text)
	}
	return out
}

// addressStarts finds the places in s where an address may start, in one
// pass: it keeps, for each way an address starts, where it next occurs.
type addressStarts struct {
	s, lower string
	at       [3]int // next occurrence of each of addressPrefixes from seen, or -1
	seen     int    // where at was last looked for
	ready    bool
}

var addressPrefixes = [3]string{"http://", "https://", "www."}

// next returns the first place from pos where an address may start (not
// after a letter or digit), or -1.
func (f *addressStarts) next(pos int) int {
	if !f.ready {
		if !strings.ContainsAny(f.s, "wWhH") {
			return -1
		}
		f.lower = asciiLower(f.s) // the starts are ASCII: byte offsets stay
		for k := range f.at {
			f.at[k] = f.find(k, 0)
		}
		f.ready = true
	}
	best := -1
	for k := range f.at {
		for f.at[k] >= 0 && (f.at[k] < pos || f.at[k] > 0 && IsLatinLetterOrDigit(lastRuneBefore(f.s, f.at[k]))) {
			f.at[k] = f.find(k, max(pos, f.at[k]+1))
		}
		if f.at[k] >= 0 && (best < 0 || f.at[k] < best) {
			best = f.at[k]
		}
	}
	return best
}

// find returns where prefix k next occurs from byte from, or -1.
func (f *addressStarts) find(k, from int) int {
	if from > len(f.lower) {
		return -1
	}
	j := strings.Index(f.lower[from:], addressPrefixes[k])
	if j < 0 {
		return -1
	}
	return from + j
}

// asciiLower lowers ASCII letters only, keeping every byte offset.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func lastRuneBefore(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}
