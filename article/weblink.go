package article

import (
	"net/url"
	"strings"
)

// WebAddress reads s, a stretch of text that starts with a web address
// ("https://…", "http://…", "www.…") and runs to the next space, as the
// address it holds. text is the address as written, without the sentence
// punctuation that may follow it ("https://x.org/a)." gives
// "https://x.org/a"); href is where it leads (https:// added before a bare
// www.). Both are empty when s holds no address.
func WebAddress(s string) (text, href string) {
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "www.") {
		return "", ""
	}
	text = strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(".,;:!?'\"”’", r) })
	if strings.HasSuffix(text, ")") && strings.Count(text, "(") < strings.Count(text, ")") {
		text = strings.TrimSuffix(text, ")")
	}
	href = text
	if strings.HasPrefix(lower, "www.") {
		href = "https://" + text
	}
	if u, err := url.Parse(href); err != nil || !strings.Contains(u.Host, ".") {
		return "", ""
	}
	return text, href
}
