package pdf

import (
	"strconv"

	"diglot/article"
	"diglot/layout"
)

// element is a node of the structure tree (PDF 32000 §14.7.2).
type element struct {
	kind   string // the standard structure type: P, H1, L, Link, …
	lang   string // its /Lang, when it differs from its parent's
	alt    string // a Figure's /Alt
	parent *element
	kids   []kid
	page   int // the page of its first marked content, -1 for none
	num    int // its object number, given when the tree is written
	// column is a table cell's (TH, TD) column, from 1
	column int
	// key tells apart the inline children of one element (see inlineKey)
	key inlineKey
}

// kid is one child of an element: a marked-content sequence on a page, an
// element, or an annotation (an OBJR).
type kid struct {
	elem  *element
	page  int
	mcid  int
	annot int // the annotation's object number
}

// inlineKey is what an inline element stands for: a link's target, code,
// or text in the language of its own.
type inlineKey struct {
	kind, link, lang string
}

// tree builds the structure tree as the pages are written, from what each
// run says it is: the title block, then for each pair of the article a
// grouping element (a Div, or a heading element for a heading) with the
// Chinese side's elements before the English side's, whatever order the
// columns stand in.
type tree struct {
	root      *element // the Document
	zhTag     string
	title     *element // the title block's H1
	byline    *element
	pair      int      // the pair the open container belongs to
	container *element // the open pair's Div, heading or Table
	// table is the open Table and tableNum its number in the article
	// (layout.Run.Table): the rows of a table, each a pair, share it
	table    *element
	tableNum int
	// blocks are the open pair's paragraphs (P, heading Span, LI) by side
	// and paragraph: a pair split over two pages goes on with them
	blocks   map[[2]int]*element
	headings int // the level of the last heading, for a tree without skipped levels
	count    int // elements made
	// parents are the ParentTree's entries, by key: a page's array of the
	// elements its marked-content sequences belong to (by MCID), or the
	// Link element of an annotation
	parents []parent
	pageKey []int // each page's key
}

// parent is an entry of the ParentTree.
type parent struct {
	marked []*element // a page's, by MCID
	annot  *element   // an annotation's
}

func newTree(zhTag string) *tree {
	return &tree{root: &element{kind: "Document", page: -1}, zhTag: zhTag, blocks: map[[2]int]*element{}}
}

// newPage gives the next page its StructParents key.
func (t *tree) newPage() int {
	t.pageKey = append(t.pageKey, len(t.parents))
	t.parents = append(t.parents, parent{})
	return len(t.parents) - 1
}

func (t *tree) add(parent *element, kind, lang string) *element {
	e := &element{kind: kind, lang: lang, parent: parent, page: -1}
	parent.kids = append(parent.kids, kid{elem: e})
	t.count++
	return e
}

// sideTag is the language of a side of a pair.
func (t *tree) sideTag(side article.Lang) string {
	if side == article.English {
		return "en"
	}
	return t.zhTag
}

// leaf returns the element a run's text belongs to, making the elements
// it needs on the way.
func (t *tree) leaf(r *layout.Run) *element {
	var block *element
	switch {
	case r.Part == layout.PartTitle:
		if t.title == nil {
			t.title = t.add(t.root, "H1", "")
			t.headings = 1
		}
		return t.inline(t.title, inlineKey{kind: "Span", lang: r.Lang}, r.Lang)
	case r.Part == layout.PartByline:
		if t.byline == nil {
			t.byline = t.add(t.root, "P", r.Lang)
		}
		block = t.byline
	default:
		block = t.paragraph(r)
	}
	switch {
	case r.Link != "":
		return t.inline(block, inlineKey{kind: "Link", link: r.Link}, r.Lang)
	case r.Part == layout.PartCode:
		return t.inline(block, inlineKey{kind: "Code", lang: r.Lang}, r.Lang)
	case r.Lang != t.langOf(block):
		return t.inline(block, inlineKey{kind: "Span", lang: r.Lang}, r.Lang)
	}
	return block
}

// langOf is an element's effective language.
func (t *tree) langOf(e *element) string {
	for ; e != nil; e = e.parent {
		if e.lang != "" {
			return e.lang
		}
	}
	return ""
}

// inline returns the inline child of parent for key: its last child when
// that is the same, else a new one.
func (t *tree) inline(parent *element, key inlineKey, lang string) *element {
	if n := len(parent.kids); n > 0 {
		if last := parent.kids[n-1].elem; last != nil && last.key == key {
			return last
		}
	}
	if lang == t.langOf(parent) {
		lang = ""
	}
	e := t.add(parent, key.kind, lang)
	e.key = key
	return e
}

// paragraph returns the element of the paragraph a body run is in: under
// the pair's container, a P for each paragraph of a side, a Span for each
// side of a heading, a list of one item (L → LI → Lbl and LBody), or a
// table cell in a row (TR) of each side.
func (t *tree) paragraph(r *layout.Run) *element {
	c := t.pairContainer(r.Pair, r.Level, r.Table)
	key := [2]int{int(r.Side), r.Para}
	lang := t.sideTag(r.Side)
	block := t.blocks[key]
	if block == nil {
		switch {
		case c.kind == "Table":
			block = t.add(c, "TR", lang)
		case c.kind != "Div":
			block = t.add(c, "Span", lang)
		case r.Part == layout.PartListLabel || r.Part == layout.PartListBody:
			block = t.add(t.add(c, "L", lang), "LI", "")
		default:
			block = t.add(c, "P", lang)
		}
		t.blocks[key] = block
	}
	if block.kind == "TR" {
		return t.cell(block, r)
	}
	if block.kind != "LI" {
		return block
	}
	part := "LBody"
	if r.Part == layout.PartListLabel {
		part = "Lbl"
	}
	if n := len(block.kids); n > 0 && block.kids[n-1].elem.kind == part {
		return block.kids[n-1].elem
	}
	return t.add(block, part, "")
}

// cell returns the cell of a table row a run is in: the row's last when it
// is the run's column, else a new one (TH in the header row, TD in the
// others), after empty cells for the columns the row leaves empty, so that
// each cell stands in its column. A row set as a paragraph (layout.Run.Cell
// 0) is one cell.
func (t *tree) cell(row *element, r *layout.Run) *element {
	column := max(r.Cell, 1)
	last := 0 // the row's last column so far
	if n := len(row.kids); n > 0 {
		e := row.kids[n-1].elem
		if e.column == column {
			return e
		}
		last = e.column
	}
	kind := "TD"
	if r.Header {
		kind = "TH"
	}
	for c := last + 1; c <= column; c++ {
		e := t.add(row, kind, "")
		e.column = c
	}
	return row.kids[len(row.kids)-1].elem
}

// pairContainer returns the grouping element of a pair: a heading element
// for a heading (its level never more than one below the last heading's,
// so that no level is skipped), the Table a table's rows share, a Div for
// anything else.
func (t *tree) pairContainer(pair, level, table int) *element {
	if t.container != nil && t.pair == pair {
		return t.container
	}
	t.pair = pair
	clear(t.blocks)
	if table == 0 {
		t.table = nil
	}
	switch {
	case table > 0 && t.table != nil && t.tableNum == table:
		t.container = t.table
	case table > 0:
		t.table, t.tableNum = t.add(t.root, "Table", ""), table
		t.container = t.table
	case level > 0:
		level = min(level, t.headings+1, 6)
		t.headings = level
		t.container = t.add(t.root, "H"+strconv.Itoa(level), "")
	default:
		t.container = t.add(t.root, "Div", "")
	}
	return t.container
}

// figure returns a new Figure for a picture of a pair's side.
func (t *tree) figure(img layout.Image) *element {
	c := t.pairContainer(img.Pair, 0, 0)
	e := t.add(c, "Figure", t.sideTag(img.Side))
	e.alt = img.Alt
	if e.alt == "" {
		e.alt = "a picture"
	}
	return e
}

// mark records that marked-content sequence mcid on page shows e's
// content.
func (t *tree) mark(e *element, page, mcid int) {
	e.kids = append(e.kids, kid{page: page, mcid: mcid})
	if e.page < 0 {
		e.page = page
	}
	entry := &t.parents[t.pageKey[page]]
	entry.marked = append(entry.marked, e)
}

// annotate records a link annotation of e, returning its StructParent key.
func (t *tree) annotate(e *element, page, annot int) int {
	e.kids = append(e.kids, kid{page: page, annot: annot})
	if e.page < 0 {
		e.page = page
	}
	t.parents = append(t.parents, parent{annot: e})
	return len(t.parents) - 1
}

// write writes the structure tree root, every element and the ParentTree,
// and returns the root's object number. pages are the pages' object
// numbers.
func (t *tree) write(o *objects, pages []int) int {
	rootNum, parentTree := o.reserve(), o.reserve()
	var number func(e *element)
	number = func(e *element) {
		e.num = o.reserve()
		for _, k := range e.kids {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(t.root)
	var b []byte
	var write func(e *element, parent int)
	write = func(e *element, parent int) {
		b = append(b[:0], "<< /Type /StructElem /S /"...)
		b = append(b, e.kind...)
		b = append(b, " /P "...)
		b = appendRef(b, parent)
		if e.page >= 0 {
			b = append(b, " /Pg "...)
			b = appendRef(b, pages[e.page])
		}
		if e.lang != "" {
			b = append(b, " /Lang "...)
			b = appendText(b, e.lang)
		}
		if e.alt != "" {
			b = append(b, " /Alt "...)
			b = appendText(b, e.alt)
		}
		if e.kind == "TH" {
			b = append(b, " /A << /O /Table /Scope /Column >>"...)
		}
		b = append(b, " /K ["...)
		for _, k := range e.kids {
			b = append(b, ' ')
			switch {
			case k.elem != nil:
				b = appendRef(b, k.elem.num)
			case k.annot > 0:
				b = append(b, "<< /Type /OBJR /Obj "...)
				b = appendRef(b, k.annot)
				b = append(b, " /Pg "...)
				b = appendRef(b, pages[k.page])
				b = append(b, " >>"...)
			case k.page == e.page:
				b = strconv.AppendInt(b, int64(k.mcid), 10)
			default:
				b = append(b, "<< /Type /MCR /Pg "...)
				b = appendRef(b, pages[k.page])
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.mcid), 10)
				b = append(b, " >>"...)
			}
		}
		b = append(b, "] >>"...)
		o.object(e.num, b)
		for _, k := range e.kids {
			if k.elem != nil {
				write(k.elem, e.num)
			}
		}
	}
	write(t.root, rootNum)

	b = append(b[:0], "<< /Nums ["...)
	for key, entry := range t.parents {
		b = append(b, '\n')
		b = strconv.AppendInt(b, int64(key), 10)
		b = append(b, ' ')
		if entry.annot != nil {
			b = appendRef(b, entry.annot.num)
			continue
		}
		b = append(b, '[')
		for i, e := range entry.marked {
			if i > 0 {
				b = append(b, ' ')
			}
			b = appendRef(b, e.num)
		}
		b = append(b, ']')
	}
	b = append(b, "] >>"...)
	o.object(parentTree, b)

	b = append(b[:0], "<< /Type /StructTreeRoot /K "...)
	b = appendRef(b, t.root.num)
	b = append(b, " /ParentTree "...)
	b = appendRef(b, parentTree)
	b = append(b, " /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(len(t.parents)), 10)
	b = append(b, " >>"...)
	o.object(rootNum, b)
	return rootNum
}
