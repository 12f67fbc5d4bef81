package article

import (
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"diglot/internal/script"
)

// cjkEmphasis parses * and _ emphasis as CommonMark does, with the
// CJK-friendly amendment (github.com/tats-u/markdown-cjk-friendly, which
// goldmark has not taken yet: yuin/goldmark#529): punctuation next to a
// CJK character does not stop a delimiter run from opening or closing, and
// a CJK mark inside a run does not either, so `**重要。**其后`,
// `这是**「重要」**`, `**提示：**ripgrep` and `use**「quoted」**` are strong
// text, as a Chinese writer means them, instead of literal asterisks.
type cjkEmphasis struct{}

func (cjkEmphasis) Trigger() []byte { return []byte{'*', '_'} }

func (cjkEmphasis) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	c := line[0]
	n := 0
	for n < len(line) && line[n] == c {
		n++
	}
	after := ' '
	if n < len(line) {
		after = util.ToRune(line, n)
	}
	beforeSpace, afterSpace := util.IsSpaceRune(before), util.IsSpaceRune(after)
	beforePunct, afterPunct := util.IsPunctRune(before), util.IsPunctRune(after)
	// flanking as the amendment defines it: a CJK mark counts as no
	// punctuation on its own side, and a CJK character on the other side
	// lets a run next to other punctuation flank
	left := !afterSpace && (!afterPunct || isCJKWide(after) || beforeSpace || beforePunct || isCJKWide(before))
	right := !beforeSpace && (!beforePunct || isCJKWide(before) || afterSpace || afterPunct || isCJKWide(after))
	canOpen, canClose := left, right
	if c == '_' {
		canOpen = left && (!right || beforePunct)
		canClose = right && (!left || afterPunct)
	}
	d := parser.NewDelimiter(canOpen, canClose, n, c, emphasisDelimiters{})
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// isCJKWide reports a character of East Asian width W or F, or hangul: a
// CJK character for the amendment.
func isCJKWide(r rune) bool {
	return script.IsFullWidth(r) && r != '·' && r != '“' && r != '”' && r != '‘' && r != '’' && r != '…' && r != '—' ||
		unicode.Is(unicode.Hangul, r)
}

// emphasisDelimiters matches * with * and _ with _ into emphasis.
type emphasisDelimiters struct{}

func (emphasisDelimiters) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisDelimiters) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }
