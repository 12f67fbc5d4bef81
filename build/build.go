// Package build runs the pipeline for one article: parse, clean up, typeset,
// write. It is the only package that reads files, the clock or the
// environment, and it writes every output atomically.
package build

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"diglot/article"
	"diglot/epub"
	"diglot/fonts"
	"diglot/internal/script"
	"diglot/layout"
	"diglot/pdf"
)

// Options are the settings of one build. Empty strings take the article's
// front matter, then the defaults.
type Options struct {
	OutDir       string
	PDF, EPUB    bool   // the formats to write
	Paper        string // a4 or letter
	Left         string // zh or en: the language of the left column
	EPUBLayout   string // auto, stacked or side-by-side
	Columns      string // the PDF's column widths as zh:en ("1:1"); "" balances them
	NoEmbedFonts bool   // leave the EPUB's fonts to the reading system
	Title        string // overrides the front matter
	Author       string
	From         string     // the input format: markdown, text, or "" to go by the file name
	Created      time.Time  // the date written into outputs
	Temps        *TempFiles // records the temporary outputs, for a signal handler; may be nil
}

// Result describes a finished output.
type Result struct {
	Path  string
	Pages int // PDF pages; 0 for an EPUB
	Bytes int
}

// SourceDate returns the date to stamp outputs with: SOURCE_DATE_EPOCH when
// set, else a fixed date, so that builds are reproducible.
func SourceDate() (time.Time, error) {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", v)
		}
		// the outputs' dates have four-digit years (xsd:dateTime as EPUB
		// wants it, PDF dates)
		t := time.Unix(sec, 0).UTC()
		if t.Year() < 1 || t.Year() > 9999 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%s is outside the years 0001 to 9999", v)
		}
		return t, nil
	}
	return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil
}

// settings are the options resolved against the front matter.
type settings struct {
	paper      [2]int
	paperName  string // A4 or Letter, as the EPUB names the PDF edition
	left       article.Lang
	epubLayout epub.Layout
	columns    [2]int // zh:en parts of the PDF's columns, or zero to balance
}

// resolve merges flags (which win) with the front matter and checks them.
func resolve(name string, opt Options, meta article.Meta) (settings, error) {
	pick := func(flag, front string) string {
		if flag != "" {
			return flag
		}
		return front
	}
	var s settings
	switch p := strings.ToLower(pick(opt.Paper, meta.Paper)); p {
	case "", "a4":
		s.paper, s.paperName = layout.A4, "A4"
	case "letter":
		s.paper, s.paperName = layout.Letter, "Letter"
	default:
		return s, fmt.Errorf("%s: unknown paper %q (want a4 or letter)", name, p)
	}
	switch l := strings.ToLower(pick(opt.Left, meta.Left)); l {
	case "", "zh":
		s.left = article.Chinese
	case "en":
		s.left = article.English
	default:
		return s, fmt.Errorf("%s: unknown left column %q (want zh or en)", name, l)
	}
	var err error
	if s.epubLayout, err = epub.ParseLayout(pick(opt.EPUBLayout, meta.EPUBLayout)); err != nil {
		return s, fmt.Errorf("%s: %w", name, err)
	}
	if c := pick(opt.Columns, meta.Columns); c != "" {
		if s.columns, err = ParseColumns(c); err != nil {
			return s, fmt.Errorf("%s: %w", name, err)
		}
	}
	return s, nil
}

// InputFormat is the format an article is read in: from, when given
// ("markdown" or "text"), else the one its name implies.
func InputFormat(name, from string) article.Format {
	switch from {
	case "markdown":
		return article.Markdown
	case "text":
		return article.PlainText
	}
	return article.FormatOf(name)
}

// ParseColumns reads column widths given as zh:en parts ("1:1", "2:3").
func ParseColumns(v string) ([2]int, error) {
	zh, en, ok := strings.Cut(v, ":")
	a, errA := strconv.Atoi(strings.TrimSpace(zh))
	b, errB := strconv.Atoi(strings.TrimSpace(en))
	if !ok || errA != nil || errB != nil || a <= 0 || b <= 0 || a > 100 || b > 100 {
		return [2]int{}, fmt.Errorf("unknown columns %q (want zh:en parts, such as 1:1 or 2:3)", v)
	}
	return [2]int{a, b}, nil
}

// Article builds the outputs of one article read from src (named name),
// printing diagnostics to diag. Nothing is written unless every requested
// output was made.
func Article(name string, src []byte, set *fonts.Set, opt Options, diag io.Writer) ([]Result, error) {
	layout.Prepare(set) // beside the parsing
	doc, diags := article.ParseFormat(name, src, InputFormat(name, opt.From))
	return fromDocument(sources{original: name}, doc, diags, set, opt, diag)
}

// Translated builds the outputs of an article kept as two files, the
// original (named name) and its translation, as Article does. The outputs
// are named after the original.
func Translated(name string, src []byte, trName string, trSrc []byte, set *fonts.Set, opt Options, diag io.Writer) ([]Result, error) {
	layout.Prepare(set) // beside the parsing
	doc, diags := article.ParseTranslation(
		article.Source{Name: name, Data: src, Format: InputFormat(name, opt.From)},
		article.Source{Name: trName, Data: trSrc, Format: InputFormat(trName, opt.From)})
	return fromDocument(sources{original: name, translation: trName}, doc, diags, set, opt, diag)
}

// sources names the files an article was read from: the original, and
// the translation when it came as two.
type sources struct{ original, translation string }

// of is the file that holds one side's lines of a document.
func (s sources) of(doc *article.Document, side article.Lang) string {
	if s.translation != "" && side != doc.Order {
		return s.translation
	}
	return s.original
}

// fromDocument builds the outputs of a parsed article, after printing its
// diagnostics; a nil document (the parse failed) is not built.
func fromDocument(files sources, doc *article.Document, diags article.Diagnostics, set *fonts.Set, opt Options, diag io.Writer) ([]Result, error) {
	name := files.original
	if !opt.PDF && !opt.EPUB {
		opt.PDF, opt.EPUB = true, true
	}
	for _, d := range diags {
		fmt.Fprintln(diag, d)
	}
	if doc == nil {
		return nil, fmt.Errorf("%s: not built", name)
	}
	for _, flag := range []struct {
		name string
		v    *string
	}{{"--title", &opt.Title}, {"--author", &opt.Author}} {
		if v, n := article.DropUnwritable(*flag.v); v != *flag.v {
			fmt.Fprintf(diag, "%s: warning: %s: %d control character(s), noncharacter(s) or invalid byte(s) dropped or replaced\n", name, flag.name, max(n, 1))
			*flag.v = v
		}
	}
	if opt.Title != "" {
		doc.Meta.Title, doc.Meta.TitleEN = article.SplitTitle(opt.Title)
		doc.TitleFrom = article.TitleGiven
	}
	if opt.Author != "" {
		doc.Meta.Author = opt.Author
	}
	s, err := resolve(name, opt, doc.Meta)
	if err != nil {
		return nil, err
	}
	clean := article.Clean(doc)
	spec := pdfSpec(doc, s)
	pictures := loadPictures(doc, files, diag)
	spec.Pictures = map[string]layout.Picture{}
	pdfPictures := map[string][]byte{}
	epubPictures := map[string]epub.Picture{}
	for src, p := range pictures {
		spec.Pictures[src] = p.size
		pdfPictures[src] = p.data
		epubPictures[src] = epub.Picture{Data: p.data, MediaType: p.mediaType}
	}

	type output struct {
		ext     string
		data    []byte
		pages   int
		missing []rune
		diags   article.Diagnostics // layout's warnings (the PDF)
		narrow  []narrowColumn      // columns under minColumnEms wide (the PDF)
		err     error
	}
	var jobs []func() output
	// the EPUB's page list follows the PDF's pages (issue 16 item 9), and
	// its side-by-side cells share the width as the PDF's columns do (layout
	// chooses them once, for both): the PDF's job hands its layout on, or
	// the EPUB's paginates alone
	type pagination struct {
		edition epub.Edition
		err     error
	}
	pageStarts := make(chan pagination, 1)
	if opt.PDF {
		jobs = append(jobs, func() output {
			handed := false
			paged := func(book *layout.Book) { // as soon as the pages are laid out, before the PDF's fonts
				pageStarts <- pagination{edition: editionOf(book)}
				handed = true
			}
			data, book, err := makePDF(doc, clean, set, spec, opt, pdfPictures, paged)
			if err != nil {
				if !handed {
					pageStarts <- pagination{err: err}
				}
				return output{ext: ".pdf", err: err}
			}
			return output{".pdf", data, book.PageCount, book.Missing, looseWarnings(clean, files, book.Loose), narrowColumns(book, s), nil}
		})
	}
	if opt.EPUB {
		jobs = append(jobs, func() output {
			if !opt.PDF { // paginate as the PDF would, beside the EPUB's own work
				go func() {
					book, err := layout.TypesetPages(clean, set, spec, func(*layout.Page) error { return nil })
					if err != nil {
						pageStarts <- pagination{err: err}
						return
					}
					pageStarts <- pagination{edition: editionOf(book)}
				}()
			}
			var paged pagination
			edition := func() epub.Edition { // asked for once the EPUB's text is set
				paged = <-pageStarts
				return paged.edition
			}
			pdfPath, err := outputPath(name, doc, opt.OutDir, ".pdf")
			if err != nil {
				return output{ext: ".epub", err: err}
			}
			var buf bytes.Buffer
			res, err := epub.Write(&buf, clean, set, epub.Options{
				Layout: s.epubLayout, Left: s.left, EmbedFonts: !opt.NoEmbedFonts, Modified: opt.Created, Pictures: epubPictures,
				Edition: edition, PageSource: fmt.Sprintf("%s, %s, made by diglot from the same source", filepath.Base(pdfPath), s.paperName)})
			if err == nil {
				err = paged.err
			}
			return output{".epub", buf.Bytes(), 0, res.Missing, nil, nil, err}
		})
	}
	outs := make([]output, len(jobs))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i] = job()
		}()
	}
	wg.Wait()

	missing := map[rune]bool{}
	paths := make([]string, len(outs))
	for i, o := range outs {
		if o.err != nil {
			return nil, fmt.Errorf("%s: %w", name, o.err)
		}
		if paths[i], err = outputPath(name, doc, opt.OutDir, o.ext); err != nil {
			return nil, err
		}
		for _, r := range o.missing {
			missing[r] = true
		}
	}
	if len(missing) > 0 {
		var cps []string
		for _, r := range slices.Sorted(maps.Keys(missing)) {
			cps = append(cps, fmt.Sprintf("U+%04X", r))
		}
		file, line := firstLineWith(doc, files, missing)
		fmt.Fprintf(diag, "%s:%d: warning: no glyph for %s in any font; drawn as a box (the text keeps the character)\n", file, line, listAtMost(cps, maxListedGlyphs))
	}
	for _, o := range outs {
		for _, d := range o.diags {
			fmt.Fprintln(diag, d)
		}
		for _, c := range o.narrow {
			fmt.Fprintf(diag, "%s: warning: columns %d:%d leave the %s column %.1f em wide, under the %d em a column needs to set text well\n",
				name, s.columns[0], s.columns[1], c.side, c.ems, minColumnEms)
		}
	}
	data := make([][]byte, len(outs))
	var results []Result
	for i, o := range outs {
		data[i] = o.data
		results = append(results, Result{Path: paths[i], Pages: o.pages, Bytes: len(o.data)})
	}
	if err := writeAll(paths, data, opt.Temps); err != nil {
		return nil, err
	}
	return results, nil
}

// maxListedLines bounds the source lines a warning lists.
const maxListedLines = 10

// looseWarnings names the paragraphs layout set with a line looser than
// the spacing rules allow, one warning per file: each side's first line in
// its own file (the translation's, for its side of a two-file article).
func looseWarnings(doc *article.Document, files sources, loose []layout.LooseSide) article.Diagnostics {
	lines := map[string][]int{}
	var order []string
	for _, l := range loose {
		paras := doc.Blocks[l.Block].Side(l.Side)
		if len(paras) == 0 || len(paras[0].Lines) == 0 {
			continue
		}
		file := files.of(doc, l.Side)
		if _, ok := lines[file]; !ok {
			order = append(order, file)
		}
		lines[file] = append(lines[file], paras[0].Lines[0].No)
	}
	var out article.Diagnostics
	for _, file := range order {
		ls := slices.Compact(slices.Sorted(slices.Values(lines[file])))
		list := make([]string, len(ls))
		for i, l := range ls {
			list[i] = strconv.Itoa(l)
		}
		out = append(out, article.Diagnostic{File: file, Line: ls[0], Severity: article.Warning, Msg: fmt.Sprintf(
			"%d paragraph(s) have a PDF line the spacing rules cannot justify, for want of better breaks in the column (English spaces would pass twice their width: the line is set short of the column's edge; Chinese gaps would pass half an em): line %s",
			len(ls), listAtMost(list, maxListedLines))})
	}
	return out
}

// maxListedGlyphs bounds the characters a missing-glyph warning lists.
const maxListedGlyphs = 20

// listAtMost joins the first n items with commas, saying how many more
// there are.
func listAtMost(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + fmt.Sprintf(", and %d more", len(items)-n)
}

// pdfSpec is the page design of an article's PDF.
func pdfSpec(doc *article.Document, s settings) layout.Spec {
	spec := layout.DefaultSpec(s.paper)
	spec.EnglishLeft = s.left == article.English
	spec.Columns = s.columns
	switch {
	case doc.TitleFrom == article.TitleFileName:
		// no title block: a file's name is no title (the metadata still
		// names the document by it)
	case doc.TitleFrom == article.TitleHeading && !titleInBody(doc):
		// the title is a heading below pictures (a README's logo): it stays
		// in the columns, under them
	case titleInBody(doc) && !headsArticle(doc):
		// the leading heading is the first of its sections: it stays in the
		// columns and no title block repeats it
	default:
		spec.Title, spec.TitleEN = cleanTitle(doc.Meta.Title), cleanTitle(doc.Meta.TitleEN)
		spec.TitleFromHeading = titleInBody(doc)
	}
	spec.Byline = byline(doc.Meta, doc.Language())
	spec.RunningHeadZH, spec.RunningHeadEN = spec.Title, spec.TitleEN
	spec.Language = doc.Language()
	return spec
}

// cleanTitle cleans up a title from the front matter as the body is
// (full-width punctuation in Chinese, curly quotes and apostrophes in
// English: 别慌：, Don’t), by the script it is written in.
func cleanTitle(s string) string {
	if script.HasHan(s) {
		return article.CleanChinese(s)
	}
	return article.CleanEnglish(s)
}

// editionOf is what the EPUB follows of the PDF's layout.
func editionOf(book *layout.Book) epub.Edition {
	return epub.Edition{PageStarts: book.PageStarts, Columns: [2]int{book.ZHColumn[1], book.ENColumn[1]}}
}

// makePDF typesets the article and writes its PDF. paged is handed the
// book as soon as its pages are laid out, before the PDF's fonts are
// made: the EPUB's page list waits for it.
func makePDF(doc, clean *article.Document, set *fonts.Set, spec layout.Spec, opt Options, pictures map[string][]byte, paged func(*layout.Book)) ([]byte, *layout.Book, error) {
	var buf bytes.Buffer
	meta := pdf.Meta{Title: doc.Title(), Author: doc.Meta.Author, Translator: doc.Meta.Translator, Subject: doc.Meta.Description, Keywords: strings.Join(doc.Meta.Keywords, ", "), Lang: doc.Language(), Created: opt.Created, Pictures: pictures}
	// each page goes to the PDF as soon as layout has finished it
	w := pdf.NewWriter(&buf, set, meta, spec.Width, spec.Height, spec.Language)
	book, err := layout.TypesetPages(clean, set, spec, w.WritePage)
	if err != nil {
		return nil, nil, err
	}
	paged(book)
	if err := w.Close(); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), book, nil
}

// minColumnEms is the narrowest column, in ems of its text, that sets
// text without rivers and stacks of hyphens (typesetting.md §0's lower
// bound on the balanced widths is about 16 em).
const minColumnEms = 12

// narrowColumn is a column narrower than minColumnEms.
type narrowColumn struct {
	side string // Chinese or English
	ems  float64
}

// narrowColumns lists the columns that given widths (--columns or the
// front matter's columns) made narrower than minColumnEms.
func narrowColumns(book *layout.Book, s settings) []narrowColumn {
	if s.columns == [2]int{} {
		return nil
	}
	spec := layout.DefaultSpec(s.paper)
	var out []narrowColumn
	for _, c := range []struct {
		name        string
		width, size int
	}{{"Chinese", book.ZHColumn[1], spec.ZHSize}, {"English", book.ENColumn[1], spec.ENSize}} {
		if c.width < minColumnEms*c.size {
			out = append(out, narrowColumn{c.name, float64(c.width) / float64(c.size)})
		}
	}
	return out
}

// firstLineWith returns the first source line holding one of the runes.
func firstLineWith(doc *article.Document, files sources, runes map[rune]bool) (string, int) {
	for _, b := range doc.Blocks {
		for _, side := range []article.Lang{article.Chinese, article.English} {
			for _, p := range b.Side(side) {
				for _, l := range p.Lines {
					if strings.ContainsFunc(l.Text, func(r rune) bool { return runes[r] }) {
						return files.of(doc, side), l.No
					}
				}
			}
		}
	}
	return files.original, 1
}

// titleInBody reports whether the title is the article's leading heading
// pair, which then opens the columns instead of a separate title block.
func titleInBody(doc *article.Document) bool {
	if len(doc.Blocks) == 0 || doc.Blocks[0].Kind != article.Heading {
		return false
	}
	b := doc.Blocks[0]
	return len(b.ZH) > 0 && b.ZH[0].Text == doc.Meta.Title || len(b.EN) > 0 && b.EN[0].Text == doc.Meta.TitleEN
}

// headsArticle reports whether the leading heading is above all others (a
// lower level than any later heading), so that it titles the whole article.
func headsArticle(doc *article.Document) bool {
	top := doc.Blocks[0].Level
	for _, b := range doc.Blocks[1:] {
		if b.Kind == article.Heading && b.Level <= top {
			return false
		}
	}
	return true
}

// byline is the title block's line under the titles: the author, the
// translator's credit, the date and the source.
func byline(m article.Meta, zhTag string) string {
	var parts []string
	for _, p := range []string{m.Author, m.TranslatorCredit(zhTag), m.ShownDate(), m.Source} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// outputPath returns OUT/NAME.ext for an input, refusing to overwrite the
// input itself.
func outputPath(input string, doc *article.Document, outDir, ext string) (string, error) {
	if input == "-" || input == "<stdin>" {
		base := safeName(doc.Meta.TitleEN)
		if base == "" {
			base = "article"
		}
		return filepath.Join(outDir, base+ext), nil
	}
	out := filepath.Join(outDir, OutputBase(input)+ext)
	// by file identity, not only by name: a symbolic link or another
	// spelling of the folder may lead to the input
	in, errIn := os.Stat(input)
	o, errOut := os.Stat(out)
	ia, _ := filepath.Abs(input)
	oa, _ := filepath.Abs(out)
	if ia == oa || errIn == nil && errOut == nil && os.SameFile(in, o) {
		return "", fmt.Errorf("%s: the output %s would overwrite the input", input, out)
	}
	return out, nil
}

// OutputBase is the name an input's outputs get, without extension, or ""
// for standard input (named after its title once it is read).
func OutputBase(input string) string {
	if input == "-" || input == "<stdin>" {
		return ""
	}
	return strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
}

// maxNameBytes bounds a file name made from a title: file systems take 255
// bytes, with room left for the extension and the temporary file's suffix.
const maxNameBytes = 100

// safeName reduces a title to a file name without directories.
func safeName(title string) string {
	var b strings.Builder
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ' || r == '.':
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-.")
	if len(name) > maxNameBytes {
		name = strings.TrimRight(name[:maxNameBytes], "-.")
	}
	return name
}

// writeAll writes every output to a temporary file beside its path and,
// only when all are written, renames them into place: a failed build
// leaves the previous outputs whole and nothing beside them, and the EPUB
// and PDF of one build are never mixed with an earlier build's.
func writeAll(paths []string, data [][]byte, temps *TempFiles) error {
	tmps := make([]string, 0, len(paths))
	defer func() {
		for _, t := range tmps {
			os.Remove(t) // after a rename there is nothing to remove
			temps.forget(t)
		}
	}()
	for i, path := range paths {
		tmp, err := writeTemp(path, data[i], temps)
		if tmp != "" {
			tmps = append(tmps, tmp)
		}
		if err != nil {
			return err
		}
	}
	for _, path := range paths { // what would make a rename fail halfway
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			return fmt.Errorf("%s: is a directory", path)
		}
	}
	for i, tmp := range tmps {
		if err := os.Rename(tmp, paths[i]); err != nil {
			return err
		}
	}
	return nil
}

// writeTemp writes data to a new temporary file in path's directory and
// returns its name, which temps (when not nil) records until it is
// renamed or removed.
func writeTemp(path string, data []byte, temps *TempFiles) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	temps.add(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return tmp.Name(), err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return tmp.Name(), err
	}
	return tmp.Name(), tmp.Close()
}

// TempFiles is the set of temporary outputs being written, so that a
// signal handler can remove them before the process exits.
type TempFiles struct {
	mu    sync.Mutex
	names map[string]bool
}

// NewTempFiles returns an empty record of temporary outputs.
func NewTempFiles() *TempFiles { return &TempFiles{names: map[string]bool{}} }

func (t *TempFiles) add(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.names[name] = true
	t.mu.Unlock()
}

func (t *TempFiles) forget(name string) {
	if t == nil {
		return
	}
	t.mu.Lock()
	delete(t.names, name)
	t.mu.Unlock()
}

// RemoveAll deletes every temporary output still recorded.
func (t *TempFiles) RemoveAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, name := range slices.Sorted(maps.Keys(t.names)) {
		os.Remove(name)
		delete(t.names, name)
	}
}

// String is the line the command prints for a finished output.
func (r Result) String() string {
	kb := (r.Bytes + 1023) / 1024
	if r.Pages > 0 {
		return fmt.Sprintf("%s  %d pages  %d KB", r.Path, r.Pages, kb)
	}
	return fmt.Sprintf("%s  %d KB", r.Path, kb)
}
