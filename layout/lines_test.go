package layout

import (
	"math"
	"testing"

	"diglot/layout/linebreak"
)

// TestLooseLinesSetShort: an English line that no breaks can fill within
// the spacing rules keeps its spaces at twice their width and ends short
// of the column's edge, instead of opening holes between its words.
func TestLooseLinesSetShort(t *testing.T) {
	const width = 273276
	z := &itemizer{faces: mustChain(t), size: 10 * Pt, lang: langEN, column: width}
	space := z.measure(" ", 0)[0].width
	lines := setLines(z.itemizeEnglish([]span{{text: "Chinese copywriting guidelines for better written communication."}}), width, enParams)
	ln := lines[0]
	if !ln.loose {
		t.Fatalf("first line not loose (glue ratio %.2f): the case no longer tests the limit", ln.glueRatio)
	}
	if ln.width >= width-space {
		t.Errorf("loose line %d wide, want it short of the column's %d", ln.width, width)
	}
	for i := 1; i < len(ln.runs); i++ {
		prev, r := ln.runs[i-1], ln.runs[i]
		if gap := r.X - (prev.X + prev.Width); gap > 2*space+Pt/100 {
			t.Errorf("gap of %d before %q, over twice the space (%d)", gap, r.Text, space)
		}
	}
}

// TestZHStretchShares: a strained Chinese line's slack goes to its word
// spaces and Han–Latin boundaries, within their limits, before its gaps
// between characters stretch past the strained point; past those limits
// every glue shares it. The line's width never changes.
func TestZHStretchShares(t *testing.T) {
	gap := linebreak.Item{Kind: linebreak.Glue, Stretch: 1000}
	boundary := linebreak.Item{Kind: linebreak.Glue, Width: 2500, Stretch: 1250}
	space := linebreak.Item{Kind: linebreak.Glue, Width: 2400, Stretch: 1200}
	box := linebreak.Item{Kind: linebreak.Box, Width: 10000}
	para := func(glue ...linebreak.Item) paragraph {
		var p paragraph
		for _, g := range glue {
			p.items = append(p.items, box, g)
			var info []segment
			if g == space {
				info = []segment{{text: " "}}
			}
			p.info = append(p.info, []segment{{text: "字"}}, info)
		}
		p.items = append(p.items, box)
		p.info = append(p.info, []segment{{text: "字"}})
		p.lang = langZH
		return p
	}
	for _, tt := range []struct {
		name  string
		p     paragraph
		ratio float64
		want  [3]float64 // by glueClass
	}{
		// 4 gaps (stretch 4000) and a boundary (1250) at ratio 2: 10500 of
		// slack; the gaps keep 1.5 (6000), the boundary takes 4500 (3.6)
		{"boundary takes it", para(gap, gap, gap, gap, boundary), 2, [3]float64{1.5, 0, 3.6}},
		// at ratio 3.5: 18375; the boundary could take only 7500 (6): even
		{"too much: even", para(gap, gap, gap, gap, boundary), 3.5, [3]float64{3.5, 3.5, 3.5}},
		// 6 gaps, 2 spaces, a boundary at ratio 1.9: 18335 of slack; the
		// gaps keep 9000, the spaces stop at twice their width (share 2,
		// 4800), the boundary takes the rest (4535, 3.628)
		{"spaces then boundary", para(gap, gap, gap, gap, gap, gap, space, space, boundary), 1.9, [3]float64{1.5, 2, 3.628}},
		// no gaps between characters to spare: even
		{"no boundary or space", para(gap, gap, gap), 2, [3]float64{2, 2, 2}},
	} {
		end := len(tt.p.items) - 1
		got := zhStretchShares(tt.p, 0, end, tt.ratio)
		var sum [3]float64
		for j := 0; j < end; j++ {
			if it := tt.p.items[j]; it.Kind == linebreak.Glue {
				sum[glueClass(tt.p, j)] += float64(it.Stretch)
			}
		}
		for k := range got {
			if math.Abs(got[k]-tt.want[k]) > 1e-9 && sum[k] > 0 {
				t.Errorf("%s: ratios %v, want %v", tt.name, got, tt.want)
				break
			}
		}
		if w, want := got[0]*sum[0]+got[1]*sum[1]+got[2]*sum[2], tt.ratio*(sum[0]+sum[1]+sum[2]); math.Abs(w-want) > 1e-6 {
			t.Errorf("%s: the glue stretches %.1f, want the line's %.1f", tt.name, w, want)
		}
	}
}

// TestCapitalsHyphenation: an all-capitals word of eight letters or more
// (REQUIRED) may be hyphenated, as a last resort like a name; shorter
// ones (MUST, HTTPS) are acronyms or keywords and stay whole; a word in
// lower case hyphenates at the usual cost. In Chinese text a capitalised
// word (a name: WordPress) breaks at a lower cost than in English, rather
// than the Han around it being letter-spaced.
func TestCapitalsHyphenation(t *testing.T) {
	h := mustEnglish(t)
	for _, tt := range []struct {
		word string
		want int // the penalty of its hyphenation points, 0 for none
	}{
		{"REQUIRED", penaltyHyphenName},
		{"RECOMMENDED", penaltyHyphenName},
		{"MUST", 0},
		{"HTTPS", 0},
		{"OPTION", 0},
		{"required", penaltyHyphen},
		{"Required", penaltyHyphenName},
	} {
		for _, lang := range []langKind{langEN, langZH} {
			z := &itemizer{faces: mustChain(t), hyph: newHyphenCache(h), size: 10 * Pt, lang: lang, column: 200 * Pt}
			var p paragraph
			if lang == langEN {
				p = z.itemizeEnglish([]span{{text: "a " + tt.word + " b"}})
			} else {
				p = z.itemizeChinese([]span{{text: "以下 " + tt.word + " 的"}})
			}
			got := 0
			for _, it := range p.items {
				if it.Kind == linebreak.Penalty && it.Flagged && it.Width > 0 {
					got = it.Penalty
				}
			}
			want := tt.want
			if lang == langZH && tt.word == "Required" {
				want = penaltyHyphenNameZH
			}
			if got != want {
				t.Errorf("%s (lang %d): hyphenation penalty %d, want %d", tt.word, lang, got, want)
			}
		}
	}
}
