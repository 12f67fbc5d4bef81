package article

import (
	"regexp"
	"strings"
)

// MDX: Docusaurus, Nextra and Astro pages are MDX, Markdown with
// JavaScript in it (Docusaurus reads its .md files so too). Its ESM
// statements (import Tabs from '@theme/Tabs'; export const …) and its
// comments ({/* … */}) are the page's code, never shown: they are taken
// out before the Markdown is read, their lines left blank so that every
// other line keeps its number. Its components (<Tabs>, <TabItem>) are
// read as HTML is.

var (
	// esmStart is a line that starts an ESM block: an import or an export
	// at the start of a line, as MDX reads them (until a blank line).
	esmStart = regexp.MustCompile(`^(?:import\s+(?:[\w$*{}\s,]+\s+from\s+)?["'][^"']+["'];?\s*$|import\s*\{[\w$\s,]*$|export\s+(?:const|let|var|function|async|class)\s|export\s+default\s+(?:function|class|async)\b|export\s+default\s+[\w$]+;?\s*$|export\s*\{)`)
	// codeFence opens or closes a fenced code block.
	codeFence = regexp.MustCompile("^\\s{0,3}(`{3,}|~{3,})")
)

// hugoRefLink is a link whose destination is Hugo's ref or relref
// shortcode, [text]({{< ref "docs/install.md" >}}), which CommonMark
// reads as no link at all (its destination holds spaces).
var hugoRefLink = regexp.MustCompile(`\]\(\{\{[<%]-?\s*(?:rel)?ref\s+"([^"\s]*)"\s*-?[>%]\}\}\)`)

// siteSource returns the body as goldmark is to read it: MDX's ESM blocks
// and comments blank, and Hugo's ref links made links to the path they
// name (hugoRefLink), outside fenced code; the body itself when it has
// none of them.
func siteSource(body []rawLine) []rawLine {
	var out []rawLine
	blank := func(i int, raw string) {
		if out == nil {
			out = append([]rawLine(nil), body...)
		}
		out[i].raw, out[i].text = raw, trimSpace(raw)
	}
	fence := ""
	esm, comment := false, false
	for i, l := range body {
		if m := fenceOf(l.raw); m != nil && !esm && !comment {
			switch {
			case fence == "":
				fence = m[1]
			case strings.HasPrefix(m[1], fence[:1]) && len(m[1]) >= len(fence) && strings.TrimSpace(l.raw) == m[1]:
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		switch {
		case esm:
			if l.text == "" {
				esm = false
			} else {
				blank(i, "")
			}
			continue
		case !l.indented && (strings.HasPrefix(l.raw, "import") || strings.HasPrefix(l.raw, "export")) && esmStart.MatchString(l.raw):
			esm = true
			blank(i, "")
			continue
		}
		raw, inComment := dropJSXComments(l.raw, comment)
		if strings.Contains(raw, "ref") {
			raw = hugoRefLink.ReplaceAllString(raw, "]($1)")
		}
		if raw != l.raw {
			blank(i, raw)
		}
		comment = inComment
	}
	if out == nil {
		return body
	}
	return out
}

// fenceOf matches a code fence line, looked for only where the line holds
// three backticks or tildes: the pass reads every line.
func fenceOf(raw string) []string {
	if !strings.Contains(raw, "```") && !strings.Contains(raw, "~~~") {
		return nil
	}
	return codeFence.FindStringSubmatch(raw)
}

// dropJSXComments removes {/* … */} from a line; open says a comment
// opened on an earlier line is still open, and the result whether one is
// open at the line's end.
func dropJSXComments(raw string, open bool) (string, bool) {
	var b strings.Builder
	for {
		if open {
			end := strings.Index(raw, "*/}")
			if end < 0 {
				return b.String(), true
			}
			raw, open = raw[end+3:], false
			continue
		}
		start := strings.Index(raw, "{/*")
		if start < 0 {
			if b.Len() == 0 {
				return raw, false
			}
			b.WriteString(raw)
			return b.String(), false
		}
		b.WriteString(raw[:start])
		raw, open = raw[start+3:], true
	}
}
