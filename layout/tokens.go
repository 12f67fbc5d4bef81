package layout

import (
	"regexp"
	"strings"
	"unicode"

	"diglot/internal/script"
)

// tokenKind says how a Latin token (a run without spaces) may break.
type tokenKind uint8

const (
	// wordToken is a word, a number or a compound: it breaks at its own
	// hyphens and, when hyphenation is on, at its syllables.
	wordToken tokenKind = iota
	// addressToken is a URL, an e-mail address or a path: it breaks at
	// its separators, never with an added hyphen (typesetting.md §2.5).
	addressToken
	// codeToken is a long identifier, a hash or code: it breaks before the
	// capital of a camelCase part, before an underscore, after a dot, and
	// anywhere in a long run, never with an added hyphen (typesetting.md §1.6).
	codeToken
)

// Break costs inside addresses and identifiers (typesetting.md §2.5).
const (
	penaltyInToken  = 100  // at a separator of an address, a camelCase or snake_case boundary
	penaltyAnyChar  = 1000 // between two characters of a long run with no separator (a hash)
	longRun         = 16   // a run longer than this, in characters, may break anywhere
	addressPartMin  = 3    // characters a break inside a part of an address leaves on each side
	codeTokenLength = 20   // letters and digits a camelCase word needs to be taken for code
)

// classifyToken tells addresses and identifiers from words.
func classifyToken(s string) tokenKind {
	lower := strings.ToLower(s)
	switch {
	case strings.Contains(s, "://") || strings.HasPrefix(lower, "www."):
		return addressToken
	case strings.Count(s, "/") >= 2 || strings.Contains(s, "/") && len([]rune(s)) > 15:
		return addressToken // a path (not "and/or")
	case isEmailAddress(s):
		return addressToken
	}
	if script.DottedName(s) {
		return codeToken // MAJOR.MINOR.PATCH, os.path.join
	}
	letters, digits, humps, underscores := 0, 0, 0, 0
	var prev rune
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) && unicode.IsLower(prev) {
				humps++
			}
		case unicode.IsDigit(r):
			digits++
		case r == '_' && (unicode.IsLetter(prev) || unicode.IsDigit(prev)):
			underscores++
		}
		prev = r
	}
	switch {
	case underscores > 0 && letters > 0:
		return codeToken
	case humps > 0 && letters+digits > codeTokenLength:
		return codeToken
	case letters > 0 && digits > 0 && letters+digits > longRun:
		return codeToken // a hash, a key
	}
	return wordToken
}

// isEmailAddress reports a token of the form name@host.domain.
func isEmailAddress(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".") && !strings.ContainsAny(s[at+1:], "@/")
}

// tokenBreak is a place inside a token where a line may end: before the
// rune at index at.
type tokenBreak struct {
	at      int
	penalty int
}

// tokenBreaks returns where an address or code token may break, in order.
// Addresses follow the Chicago Manual (typesetting.md §2.5): after "://",
// before a slash, a hyphen, an underscore and ? # % ~ @, before or after =
// and &; but after a dot, so that no line starts with one, and never at an
// e-mail address's hyphen. Identifiers break before the capital of a camelCase part
// or an underscore, and after a dot. A run longer than longRun characters without such
// a place may break after any character. Sentence punctuation at the end
// stays with the token. In Chinese text no piece may start with a mark
// that may not begin a line (the break goes after such a dot or question
// mark instead) or end with a slash (typesetting.md R-END).
func tokenBreaks(s string, kind tokenKind, lang langKind) []tokenBreak {
	rs := []rune(s)
	end := len(rs)
	for end > 0 && strings.ContainsRune(".,;:!?'\"”’)", rs[end-1]) {
		end--
	}
	start := 1
	if k := strings.Index(s, "://"); k >= 0 {
		start = len([]rune(s[:k])) + 3
	}
	at := make([]bool, end+1)
	email := kind == addressToken && isEmailAddress(s)
	for i := start; i < end; i++ {
		c, p := rs[i], rs[i-1]
		switch kind {
		case addressToken:
			switch {
			case i == start && start > 1:
				at[i] = true // after the scheme's "://"
			case c == '/' && p == '/':
			case c == '-' && email:
				// never at an e-mail address's own hyphen: "khmer-" |
				// "project@…" reads as a hyphenated word
			case c == '.':
				at[i+1] = i+1 < end // "example." | "org": no line starts with a dot
			case strings.ContainsRune("/-_?#%~@", c) && !strings.ContainsRune("/.-_?#%~@", p):
				if lang == langZH && noStart(string(c)) {
					at[i+1] = i+1 < end // a mark that may not start a Chinese line goes before the break
				} else {
					at[i] = true
				}
			case strings.ContainsRune("=&", c) || strings.ContainsRune("=&", p):
				at[i] = true
			}
		case codeToken:
			switch {
			case unicode.IsUpper(c) && unicode.IsLower(p):
				at[i] = true
			case c == '.' && p != '_' && p != '.':
				at[i+1] = i+1 < end // "metadata." | "finalizers": no line starts with a dot
			case c == '_' && p != '_' && p != '.':
				if lang == langZH && noStart(string(c)) {
					at[i+1] = i+1 < end
				} else {
					at[i] = true
				}
			}
		}
	}
	var out []tokenBreak
	last := 0 // start of the current run between separators
	for i := 1; i <= end; i++ {
		if i < end && !at[i] {
			continue
		}
		switch {
		case i-last > longRun:
			for j := last + 1; j < i; j++ {
				out = append(out, tokenBreak{j, penaltyAnyChar})
			}
		case kind == addressToken && last >= start:
			// a word of an address after its scheme (a host name's, a path
			// segment's) may break inside, leaving addressPartMin letters
			// or digits each side, rather than leave the line before it
			// full of holes
			from, to := last, i
			for from < to && !isAlnum(rs[from]) {
				from++
			}
			for to > from && !isAlnum(rs[to-1]) {
				to--
			}
			for j := from + addressPartMin; j <= to-addressPartMin; j++ {
				out = append(out, tokenBreak{j, penaltyAnyChar})
			}
		}
		if i < end {
			out = append(out, tokenBreak{i, penaltyInToken})
		}
		last = i
	}
	if lang != langZH {
		return out
	}
	kept := out[:0]
	for _, b := range out {
		if !noStart(string(rs[b.at])) && !noEnd(string(rs[b.at-1])) && rs[b.at-1] != '/' {
			kept = append(kept, b)
		}
	}
	return kept
}

// versionPattern is a version or a dotted number: 1.0.0, v2.1, 3.14,
// with a pre-release and build part (1.0.0-beta+exp.sha.5114f85), and the
// sentence punctuation after it.
var versionPattern = regexp.MustCompile(`^[vV]?\d+(?:\.\d+)+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?[.,;:!?)]*$`)

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isVersion reports a token that is a version or a dotted number, which a
// line never breaks inside.
func isVersion(s string) bool { return len(s) <= 64 && versionPattern.MatchString(s) }
