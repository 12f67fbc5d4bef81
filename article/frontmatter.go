package article

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"regexp"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// frontMatterKeys are the keys a front matter may set, in the order they are
// documented.
var frontMatterKeys = []string{"title", "title_en", "subtitle", "author", "translator", "date", "language", "description", "source", "identifier",
	"keywords", "paper", "left", "epub_layout", "columns"}

// siteKeys are front-matter keys of site generators (Jekyll, Hugo, Hexo,
// Docusaurus) that say how a site files or shows the page: they mean
// nothing in a book, and a real page has many of them, so they are
// ignored without a warning. Any other unknown key is warned about (a
// misspelt "titel" must not pass unseen).
var siteKeys = map[string]bool{
	"layout": true, "draft": true, "slug": true, "permalink": true, "url": true, "aliases": true, "weight": true,
	"type": true, "toc": true, "comments": true, "lastmod": true, "updated": true, "modified": true,
	"published": true, "publishdate": true, "expirydate": true, "excerpt": true, "image": true, "images": true,
	"cover": true, "thumbnail": true, "featured_image": true, "series": true, "menu": true, "sitemap": true,
	"math": true, "mathjax": true, "katex": true, "hidden": true, "sticky": true, "translationkey": true,
	"iscjklanguage": true, "share": true, "showtoc": true, "tocopen": true, "canonicalurl": true,
	"redirect_from": true, "sidebar_position": true, "sidebar_label": true, "nav_order": true, "parent": true,
	"has_children": true, "outputs": true, "resources": true, "markup": true, "header": true, "banner": true,
	"disqus": true, "mermaid": true, "headless": true, "linktitle": true, "id": true,
}

// Bounds on the front matter, which goes through a third-party parser: its
// size (real ones are a few hundred bytes; Jekyll's longest a few KiB) and
// the nesting of TOML's arrays and tables (5 million brackets overflowed
// the parser's stack).
const (
	maxFrontMatterBytes = 64 << 10
	maxFrontMatterDepth = 32
)

// splitFrontMatter reads a `---` (YAML) or `+++` (TOML) block at the top of
// the article and returns its metadata and the lines after it.
func splitFrontMatter(lines []rawLine, c *collector) (Meta, []rawLine) {
	first := 0
	for first < len(lines) && lines[first].text == "" {
		first++
	}
	if first == len(lines) {
		return Meta{}, lines
	}
	fence := lines[first].text
	if fence != "---" && fence != "+++" {
		return Meta{}, lines
	}
	end, size := -1, 0
	for i := first + 1; i < len(lines); i++ {
		if lines[i].text == fence {
			end = i
			break
		}
		if size += len(lines[i].text) + 1; size > maxFrontMatterBytes {
			c.errorf(lines[first].no, "front matter longer than %d KiB, the most diglot reads (or not closed: no %q line ends the block opened here)", maxFrontMatterBytes>>10, fence)
			return Meta{}, nil
		}
	}
	if end < 0 {
		c.errorf(lines[first].no, "front matter not closed: no %q line ends the block opened here", fence)
		return Meta{}, nil
	}
	block := lines[first+1 : end]
	var values map[string]string
	if fence == "---" {
		values = parseYAMLBlock(block, c)
	} else {
		values = parseTOMLBlock(block, c)
	}
	for _, k := range slices.Sorted(maps.Keys(values)) {
		if v, n := DropUnwritable(values[k]); n > 0 || v != values[k] {
			c.warnf(lines[first].no, "front matter %q: %d control character(s), noncharacter(s) or invalid byte(s) dropped or replaced", k, max(n, 1))
			values[k] = v
		}
	}
	meta := metaFromValues(values)
	if isEnglishTag(meta.Language) {
		// an English page's front matter (Hugo's lang: en) gives the
		// English title
		meta.Language = ""
		if meta.TitleEN == "" {
			meta.Title, meta.TitleEN = "", meta.Title
		}
	}
	if meta.Language != "" {
		tag, ok := ChineseTag(meta.Language)
		if !ok {
			c.errorf(lines[first].no, "front matter language %q is not a Chinese language tag diglot supports (zh, zh-Hans, zh-Hant, zh-CN, zh-SG, zh-TW, zh-HK, zh-MO)", meta.Language)
			return Meta{}, nil
		}
		meta.Language = tag
	}
	return meta, lines[end+1:]
}

// isEnglishTag reports a BCP 47 tag for English ("en", "en-US").
func isEnglishTag(tag string) bool {
	lower := strings.ToLower(tag)
	return lower == "en" || strings.HasPrefix(lower, "en-") || strings.HasPrefix(lower, "en_")
}

// ChineseTag reads a BCP 47 tag for Chinese and returns the one diglot
// writes, zh-Hans or zh-Hant; ok is false for anything else (so nothing but
// these two strings ever reaches a lang attribute).
func ChineseTag(v string) (tag string, ok bool) {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(v), "_", "-")) {
	case "zh", "zh-hans", "zh-cn", "zh-sg", "zh-hans-cn", "zh-hans-sg", "cmn", "cmn-hans":
		return "zh-Hans", true
	case "zh-hant", "zh-tw", "zh-hk", "zh-mo", "zh-hant-tw", "zh-hant-hk", "zh-hant-mo", "cmn-hant":
		return "zh-Hant", true
	}
	return "", false
}

// parseYAMLBlock reads a YAML front matter with go.yaml.in/yaml/v3 (the
// maintained successor of gopkg.in/yaml.v3) into its node tree, which
// never expands an alias: a "billion laughs" costs its own size. Real
// front matter has lists, maps, dates and block scalars: the keys diglot
// knows are read (a list of authors joined), the others warned about, all in
// one warning, and ignored.
func parseYAMLBlock(block []rawLine, c *collector) map[string]string {
	var b strings.Builder
	for _, l := range block {
		b.WriteString(l.raw)
		b.WriteByte('\n')
	}
	lineOf := func(n int) int { // a line of the block to a line of the file
		if n >= 1 && n <= len(block) {
			return block[n-1].no
		}
		if len(block) > 0 {
			return block[0].no - 1
		}
		return 1
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(b.String()), &doc); err != nil {
		line := 0
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			line = lineOf(n)
		} else if len(block) > 0 {
			line = block[0].no - 1
		}
		c.errorf(line, "front matter: %s", strings.TrimPrefix(firstLine(err.Error()), "yaml: "))
		return nil
	}
	values := map[string]string{}
	var unknown unknownKeys
	defer unknown.warn(c)
	if len(doc.Content) == 0 {
		return values
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		c.errorf(lineOf(root.Line), "front matter: expected `key: value` lines")
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := canonicalKey(k.Value)
		if !unknown.check(key, lineOf(k.Line)) {
			continue
		}
		text, problem := yamlText(v)
		if problem != "" {
			c.errorf(lineOf(v.Line), "front matter: %q %s", k.Value, problem)
			continue
		}
		values[key] = joinValues(values[key], key, text)
	}
	return values
}

// joinValues adds a key's value to what an earlier key that maps onto the
// same one gave: tags and categories are both keywords.
func joinValues(had, key, text string) string {
	if key != "keywords" || had == "" {
		return text
	}
	if text == "" {
		return had
	}
	return had + ", " + text
}

// yamlLine finds the line number in a YAML error message.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlText reads a value as text: a scalar as written, a list of scalars
// joined by commas. Otherwise it says what the value is instead: an alias
// (never expanded), a map or a nested list.
func yamlText(n *yaml.Node) (text, problem string) {
	switch n.Kind {
	case yaml.ScalarNode:
		return strings.TrimSpace(n.Value), ""
	case yaml.SequenceNode:
		parts := make([]string, 0, len(n.Content))
		for _, item := range n.Content {
			if item.Kind != yaml.ScalarNode {
				return yamlText(item)
			}
			parts = append(parts, strings.TrimSpace(item.Value))
		}
		return strings.Join(parts, ", "), ""
	case yaml.AliasNode:
		return "", fmt.Sprintf("uses a YAML alias (*%s), which diglot does not expand; write the value out", n.Value)
	}
	return "", "must be text or a list of texts"
}

// keyAliases map the keys of common site generators (Jekyll, Hugo) onto
// diglot's.
var keyAliases = map[string]string{
	"authors": "author", "translators": "translator", "lang": "language", "summary": "description", "subtitle": "subtitle",
	"tags": "keywords", "categories": "keywords",
}

// canonicalKey returns diglot's name for a front-matter key.
func canonicalKey(k string) string {
	if a, ok := keyAliases[k]; ok {
		return a
	}
	return k
}

// parseTOMLBlock reads a TOML front matter.
func parseTOMLBlock(block []rawLine, c *collector) map[string]string {
	var b strings.Builder
	for _, l := range block {
		b.WriteString(l.text)
		b.WriteByte('\n')
	}
	if d, at := nesting(block); d > maxFrontMatterDepth {
		c.errorf(at, "front matter nests arrays or tables more than %d deep", maxFrontMatterDepth)
		return nil
	}
	var raw map[string]any
	if _, err := toml.Decode(b.String(), &raw); err != nil {
		line := 0
		var perr toml.ParseError
		if ok := asParseError(err, &perr); ok && perr.Position.Line > 0 && perr.Position.Line <= len(block) {
			line = block[perr.Position.Line-1].no
		} else if len(block) > 0 {
			line = block[0].no - 1
		}
		c.errorf(line, "front matter: %v", firstLine(err.Error()))
		return nil
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	values := map[string]string{}
	var unknown unknownKeys
	defer unknown.warn(c)
	for _, k := range keys {
		no := keyLine(block, k)
		key := canonicalKey(k)
		if !unknown.check(key, no) {
			continue
		}
		switch v := raw[k].(type) {
		case string:
			values[key] = joinValues(values[key], key, v)
		case []any:
			var parts []string
			for _, item := range v {
				if s, ok := item.(string); ok {
					parts = append(parts, s)
				}
			}
			values[key] = joinValues(values[key], key, strings.Join(parts, ", "))
		case time.Time:
			values[key] = v.Format("2006-01-02")
		case int64, float64, bool:
			values[key] = fmt.Sprint(v)
		default:
			c.errorf(no, "front matter: %q must be a string", k)
		}
	}
	return values
}

func asParseError(err error, target *toml.ParseError) bool {
	pe, ok := err.(toml.ParseError)
	if ok {
		*target = pe
	}
	return ok
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// keyLine finds the line of a TOML key, for messages.
func keyLine(block []rawLine, key string) int {
	for _, l := range block {
		if strings.HasPrefix(l.text, key) {
			return l.no
		}
	}
	if len(block) > 0 {
		return block[0].no
	}
	return 1
}

// unknownKeys gathers the front-matter keys diglot does not know, so that
// they are warned about in one message: a real site's page has many.
type unknownKeys struct {
	keys  []string
	lines []int
}

// check reports whether to keep a key, and notes it when diglot does not
// know it.
func (u *unknownKeys) check(key string, line int) bool {
	if slices.Contains(frontMatterKeys, key) {
		return true
	}
	if !siteKeys[strings.ToLower(key)] {
		u.keys = append(u.keys, key)
		u.lines = append(u.lines, line)
	}
	return false
}

// warn gives the one warning, at the first unknown key's line, naming each
// (and its line, when there are several).
func (u *unknownKeys) warn(c *collector) {
	if len(u.keys) == 0 {
		return
	}
	order := make([]int, len(u.keys))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return u.lines[order[a]] < u.lines[order[b]] })
	known := strings.Join(frontMatterKeys, ", ")
	first := order[0]
	if len(order) == 1 {
		c.warnf(u.lines[first], "front matter: unknown key %q ignored (known keys: %s)", u.keys[first], known)
		return
	}
	names := make([]string, len(order))
	for k, i := range order {
		names[k] = fmt.Sprintf("%q (line %d)", u.keys[i], u.lines[i])
	}
	c.warnf(u.lines[first], "front matter: unknown keys %s ignored (known keys: %s)", strings.Join(names, ", "), known)
}

// metaFromValues fills Meta from the front matter values. A bilingual title
// "中文 / English" is split in two when no title_en is given.
func metaFromValues(v map[string]string) Meta {
	m := Meta{
		Title: v["title"], TitleEN: v["title_en"], Subtitle: v["subtitle"], Author: v["author"], Translator: v["translator"], Date: v["date"],
		Language: v["language"], Description: v["description"], Source: v["source"],
		Identifier: v["identifier"], Keywords: keywords(v["keywords"]),
		Paper: v["paper"], Left: v["left"], EPUBLayout: v["epub_layout"], Columns: v["columns"],
	}
	if m.TitleEN == "" {
		m.Title, m.TitleEN = SplitTitle(m.Title)
	}
	return m
}

// keywords splits a comma-separated list of keywords, each kept once.
func keywords(list string) []string {
	var out []string
	for _, k := range strings.Split(list, ",") {
		if k = strings.TrimSpace(k); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// addTitle fills the title of t's language, if the front matter left it
// out.
func (m *Meta) addTitle(t string) {
	zh, en := SplitTitle(t)
	if m.Title == "" && zh != "" && zh != m.TitleEN {
		m.Title = zh
	}
	if m.TitleEN == "" && en != "" && en != m.Title {
		m.TitleEN = en
	}
}

// SplitTitle splits "中文 / English" or "中文 | English" into its Chinese
// and English halves; a title in one language is returned as it is, in
// the slot of its language.
func SplitTitle(t string) (zh, en string) {
	for _, sep := range []string{" / ", " | ", " ／ "} {
		a, b, ok := strings.Cut(t, sep)
		if !ok {
			continue
		}
		ca, _ := classify(a)
		cb, _ := classify(b)
		switch {
		case ca == classZH && cb != classZH:
			return strings.TrimSpace(a), strings.TrimSpace(b)
		case cb == classZH && ca != classZH:
			return strings.TrimSpace(b), strings.TrimSpace(a)
		}
	}
	if cl, _ := classify(t); cl == classEN {
		return "", t
	}
	return t, ""
}

// nesting returns the deepest nesting of brackets and braces in a TOML
// block, outside strings and comments, and the source line where it is
// first reached.
func nesting(block []rawLine) (deepest, line int) {
	depth := 0
	for _, l := range block {
		var quote rune
		for _, r := range l.text {
			switch {
			case quote != 0:
				if r == quote {
					quote = 0
				}
			case r == '"' || r == '\'':
				quote = r
			case r == '#':
				goto nextLine
			case r == '[' || r == '{':
				if depth++; depth > deepest {
					deepest, line = depth, l.no
				}
			case r == ']' || r == '}':
				depth--
			}
		}
	nextLine:
	}
	return deepest, line
}
