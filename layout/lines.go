package layout

import (
	"math"
	"unicode/utf8"

	"diglot/article"

	"diglot/layout/linebreak"
)

// Breaker settings (typesetting.md). In the first pass a Chinese gap
// stretches at most 5 × 0.1 em = 0.5 em (ZH-12) and an English space at
// most to 2 × its width (EN-2); only the emergency pass goes further.
var (
	zhParams = linebreak.Params{Tolerance: 5, LinePenalty: 10, FlaggedDemerits: 3000, FitnessDemerits: 100, MaxFlagged: 2}
	enParams = linebreak.Params{Tolerance: 2, LinePenalty: 10, FlaggedDemerits: 10000, FitnessDemerits: 100, MaxFlagged: 2}
)

// strainedRatio is, by language, the adjustment ratio of a line's glue
// past which its spacing shows: an English space stretched to over twice
// its width (EN-2: stretch is half the width), a Chinese gap over 0.15 em
// (1.5 × its stretch of 0.1 em; check-typo's t.zh-spacing limit). A short
// book is set at the column split that strains fewest lines (bestSplit).
var strainedRatio = [...]float64{langZH: 1.5, langEN: maxSpaceRatio}

// maxSpaceRatio is the most a word space stretches, as a share of its
// stretch: to twice its width (EN-2 as a hard limit, also for the lines
// only the final pass can set, and for the spaces of a Chinese line).
const maxSpaceRatio = 2

// line is one set line: runs relative to the column's left edge and the
// line's baseline.
type line struct {
	runs  []Run
	width int // from the left edge to the end of the last glyph
	// end is where the last run's natural advance ends, or -1 when the
	// next run may not join it (its last glyph was adjusted).
	end float64
	// loose marks a justified line stretched past the breaker's tolerance
	// (English spaces over twice their width, Chinese gaps over half an
	// em): only the last pass sets such lines, when no better breaks exist.
	loose bool
	// image is the picture whose top this line's top is, or nil; the
	// lines it covers are empty.
	image *Image
	// tracking is the letter-spacing of the line's runs (Run.Tracking)
	tracking int
	// glueRatio is how far its spaces would be stretched to fill the
	// measure (negative: shrunk), as a share of their stretch (shrink);
	// English spaces stop at maxSpaceRatio
	glueRatio float64
	// joined is the text of the last run while segments join it (place),
	// written to the run when another starts or the line is done (flush):
	// one string a run, not one a segment
	joined  []byte
	joining bool
}

// place adds segment s at x. It joins the previous run when it continues
// it exactly (same face and size, no space between, natural advances): a
// line of Chinese set solid is one run, not one per character, which keeps
// the PDF's content streams small and quick to write.
func (ln *line) place(s segment, x, width float64, size int) {
	if n := len(ln.runs); n > 0 && ln.end >= 0 {
		last := &ln.runs[n-1]
		if last.Role == s.role && last.Size == size && last.Link == s.link && last.Inserted == s.inserted &&
			last.style == s.style && last.override == s.lang && math.Abs(x-ln.end) < 1 {
			if !ln.joining {
				ln.joined, ln.joining = append(ln.joined[:0], last.Text...), true
			}
			ln.joined = append(ln.joined, s.text...)
			ln.end = x + width
			last.Width = int(ln.end+0.5) - last.X
			if s.adjusted {
				ln.end = -1
			}
			return
		}
	}
	ln.flush()
	r := Run{X: int(x + 0.5), Text: s.text, Role: s.role, Size: size, Link: s.link, Width: int(width + 0.5), Inserted: s.inserted,
		Tracking: ln.tracking, style: s.style, override: s.lang}
	if s.style&article.Code != 0 {
		r.Part = PartCode
	}
	ln.runs = append(ln.runs, r)
	ln.end = x + width
	if s.adjusted {
		ln.end = -1
	}
}

// flush writes the text joined to the last run into it.
func (ln *line) flush() {
	if ln.joining {
		ln.runs[len(ln.runs)-1].Text = string(ln.joined)
		ln.joining = false
	}
}

// spaceAfter marks the line's last run as followed by a word space when
// info is a word space's (see itemizer.wordSpace).
func (ln *line) spaceAfter(info []segment) {
	if n := len(ln.runs); n > 0 && len(info) > 0 {
		ln.runs[n-1].SpaceAfter = true
		ln.end = -1 // the next run starts after the space, never joins this one
	}
}

// emergencyStretchPerMille is the stretch the breaker's last pass counts on
// every line, in thousandths of the font size (typesetting.md §2.2: TeX's
// \emergencystretch of 1.5 em).
const emergencyStretchPerMille = 1500

// setLines breaks a paragraph and places its runs, justifying every line
// but the last.
func setLines(p paragraph, width int, params linebreak.Params) []line {
	lines := placeLines(p, justifiedBreaks(p, width, params), true)
	for i := range lines {
		// loose is spaces stretched past the limit; a line without glue
		// (a broken URL) is set flush left, or letter-spaced, not loose
		lines[i].loose = lines[i].glueRatio > params.Tolerance
	}
	return lines
}

// setRagged breaks a paragraph into lines of about equal length, each set
// at its natural spacing, flush left (a heading) or for centring (a title).
func setRagged(p paragraph, width int) []line {
	return placeLines(p, raggedBreaks(p, width), false)
}

// justifiedBreaks chooses the breaks of a justified paragraph (setLines),
// with TeX's emergency stretch for its final pass.
func justifiedBreaks(p paragraph, width int, params linebreak.Params) []linebreak.Break {
	params.EmergencyStretch = p.size * emergencyStretchPerMille / 1000
	return linebreak.Lines(p.items, width, params)
}

// raggedBreaks chooses the breaks of a ragged paragraph (setRagged).
func raggedBreaks(p paragraph, width int) []linebreak.Break {
	params := zhParams
	params.Ragged = width
	return linebreak.Lines(p.items, width, params)
}

// lineStart is where a line after a break at from-1 starts: its first box
// (the glue and penalties after a break are discarded), at most end.
func lineStart(p paragraph, from, end int) int {
	for from < end && p.items[from].Kind != linebreak.Box {
		from++
	}
	return from
}

// placeLines places the runs of each line between breaks: glue stretched or
// shrunk by the line's ratio when justify is set, else at its natural width.
// Discardable items at a line's start are skipped, and a penalty draws its
// segments (a hyphen) only where the line breaks at it.
func placeLines(p paragraph, breaks []linebreak.Break, justify bool) []line {
	var out []line
	var joined []byte // the lines' buffer for joining runs (line.joined)
	start := 0
	for _, b := range breaks {
		start = lineStart(p, start, b.Pos)
		spaces := 0 // each word space starts a run: room for them all
		for j := start; j <= b.Pos; j++ {
			if p.items[j].Kind == linebreak.Glue && len(p.info[j]) > 0 {
				spaces++
			}
		}
		ln := line{joined: joined, runs: make([]Run, 0, spaces+2)}
		glueRatio := b.Ratio
		if !justify || b.Ratio >= linebreak.Infinity {
			glueRatio = 0
		}
		if glueRatio != 0 {
			ln.tracking, glueRatio = adjustments(p, start, b.Pos, b.Ratio)
		}
		ln.glueRatio = glueRatio
		if p.lang == langEN && glueRatio > maxSpaceRatio {
			// spaces are never stretched past twice their width: a line
			// that no better breaks can fill is set short of the edge
			// rather than with holes between its words
			glueRatio = maxSpaceRatio
		}
		ratios := [3]float64{glueRatio, glueRatio, glueRatio} // by glueClass
		if p.lang == langZH && glueRatio > strainedRatio[langZH] {
			ratios = zhStretchShares(p, start, b.Pos, glueRatio)
		}
		x := 0.0
		for j := start; j <= b.Pos; j++ {
			it := p.items[j]
			switch {
			case it.Kind == linebreak.Box && len(p.info[j]) == 0:
				x += float64(it.Width) // an indent
			case it.Kind == linebreak.Box || it.Kind == linebreak.Penalty && j == b.Pos:
				for _, s := range p.info[j] {
					w := float64(s.width + ln.tracking*utf8.RuneCountInString(s.text))
					ln.place(s, x, w, p.size)
					x += w
				}
				ln.width = int(x + 0.5)
			case it.Kind == linebreak.Kern && j < b.Pos:
				x += float64(it.Width)
			case it.Kind == linebreak.Glue && j < b.Pos && it.Stretch < 1<<30:
				ln.spaceAfter(p.info[j])
				x += float64(it.Width)
				switch {
				case glueRatio > 0:
					x += ratios[glueClass(p, j)] * float64(it.Stretch)
				case glueRatio < 0:
					x += glueRatio * float64(it.Shrink)
				}
			}
		}
		if it := p.items[b.Pos]; it.Kind == linebreak.Glue {
			ln.spaceAfter(p.info[b.Pos]) // the space a line breaks at ends it in the text
		}
		ln.flush()
		joined, ln.joined = ln.joined, nil
		out = append(out, ln)
		start = b.Pos + 1
	}
	return out
}

// adjustments splits a justified line's adjustment ratio between its
// boxes and its glue: the boxes' share (at most their own stretch or
// shrink, so a ratio beyond ±1 goes to the spaces alone) becomes the
// letter-spacing of every glyph of the line, in whole millipoints, and the
// glue takes the rest. It returns the letter-spacing and the ratio the
// glue is set at. The line is items[start] to items[end] (its break).
func adjustments(p paragraph, start, end int, ratio float64) (tracking int, glue float64) {
	var boxS, boxZ, glueS, glueZ float64
	glyphs := 0
	for i := start; i <= end; i++ {
		it := p.items[i]
		switch {
		case it.Kind == linebreak.Box || it.Kind == linebreak.Penalty && i == end:
			boxS, boxZ = boxS+float64(it.Stretch), boxZ+float64(it.Shrink)
			for _, s := range p.info[i] {
				glyphs += utf8.RuneCountInString(s.text)
			}
		case it.Kind == linebreak.Glue && i < end && it.Stretch < 1<<30:
			glueS, glueZ = glueS+float64(it.Stretch), glueZ+float64(it.Shrink)
		}
	}
	boxRatio := max(-1, min(1, ratio))
	var total, boxes, glueAdj float64 // the line's adjustment, the boxes' share, the glue's stretch or shrink
	switch {
	case ratio > 0:
		total, boxes, glueAdj = ratio*(boxS+glueS), boxRatio*boxS, glueS
	case ratio < 0:
		total, boxes, glueAdj = -ratio*(boxZ+glueZ), -boxRatio*boxZ, glueZ
	}
	if glyphs > 0 && boxes != 0 {
		// whole millipoints, rounded so that a line without glue never
		// ends past the measure: down when stretching, up when shrinking
		if ratio < 0 {
			tracking = -int(math.Ceil(boxes / float64(glyphs)))
		} else {
			tracking = int(math.Floor(boxes / float64(glyphs)))
		}
	}
	if glueAdj == 0 {
		return tracking, 0
	}
	rest := total - math.Abs(float64(tracking*glyphs))
	if ratio < 0 {
		return tracking, -rest / glueAdj
	}
	return tracking, rest / glueAdj
}

// The glue of a Chinese line, by what it stands between (glueClass).
const (
	gapGlue      = iota // between two characters
	spaceGlue           // a word space between Latin words
	boundaryGlue        // the quarter em between Han and Latin
)

// glueClass tells the kinds of glue of a Chinese paragraph apart: a gap
// has no width of its own, a word space draws a space.
func glueClass(p paragraph, j int) int {
	switch {
	case p.items[j].Width == 0:
		return gapGlue
	case len(p.info[j]) > 0:
		return spaceGlue
	}
	return boundaryGlue
}

// maxBoundaryShare is how far, as a ratio of its stretch, a Han–Latin
// boundary of a strained Chinese line may take its slack before the gaps
// between characters stretch further: its quarter em (stretch an eighth)
// to a full em. Its word spaces go to maxSpaceRatio.
const maxBoundaryShare = 6

// zhStretchShares splits the stretch of a strained Chinese line (glue
// ratio over strainedRatio; the line is items[start] to items[end]) so
// that the gaps between its characters stretch no further than the
// strained point while its word spaces and Han–Latin boundaries can take
// the rest (clreq §3.8: letter-spacing the Han is the last resort; a line
// ending before an unbreakable address spreads at the address, not
// through its Chinese words). When they cannot take it all within their
// limits, every glue takes the line's ratio. It returns the ratios by
// glueClass; the line's width is the same.
func zhStretchShares(p paragraph, start, end int, ratio float64) [3]float64 {
	var sum [3]float64
	for j := start; j < end; j++ {
		if it := p.items[j]; it.Kind == linebreak.Glue && it.Stretch < 1<<30 {
			sum[glueClass(p, j)] += float64(it.Stretch)
		}
	}
	even := [3]float64{ratio, ratio, ratio}
	if sum[spaceGlue]+sum[boundaryGlue] == 0 || sum[gapGlue] == 0 {
		return even
	}
	total := ratio * (sum[0] + sum[1] + sum[2])
	gap := strainedRatio[langZH]
	rest := total - gap*sum[gapGlue] // for the spaces and boundaries
	share := rest / (sum[spaceGlue] + sum[boundaryGlue])
	space, boundary := share, share
	if share > maxSpaceRatio {
		space = maxSpaceRatio
		boundary = share
		if sum[boundaryGlue] > 0 {
			boundary = (rest - space*sum[spaceGlue]) / sum[boundaryGlue]
		}
	}
	if boundary > maxBoundaryShare || sum[boundaryGlue] == 0 && space > maxSpaceRatio {
		return even // more than they can take: every gap shares the strain, as before
	}
	return [3]float64{gapGlue: gap, spaceGlue: space, boundaryGlue: boundary}
}
