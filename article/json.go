package article

import (
	"math"
	"strings"
)

// JSONDocument is the stable JSON form of a document printed by
// `diglot parse --json`: the pairs hold the source lines of each side exactly
// as in the input (trimmed, not cleaned up).
type JSONDocument struct {
	Title string `json:"title"`
	// Translation is the translation's file name when the article came as
	// two files.
	Translation string     `json:"translation,omitempty"`
	Meta        JSONMeta   `json:"meta"`
	Pairs       []JSONPair `json:"pairs"`
}

// JSONMeta is the metadata in JSONDocument.
type JSONMeta struct {
	Title       string `json:"title,omitempty"`
	TitleEN     string `json:"title_en,omitempty"`
	Author      string `json:"author,omitempty"`
	Translator  string `json:"translator,omitempty"`
	Date        string `json:"date,omitempty"`
	Language    string `json:"language"`
	Description string `json:"description,omitempty"`
	Source      string `json:"source,omitempty"`
	Identifier  string `json:"identifier,omitempty"`
	Order       string `json:"order"`
}

// JSONPair is one block in JSONDocument.
type JSONPair struct {
	Kind    string   `json:"kind"`
	Level   int      `json:"level,omitempty"`
	ZH      []string `json:"zh"`
	EN      []string `json:"en"`
	ZHLabel string   `json:"zh_label,omitempty"`
	ENLabel string   `json:"en_label,omitempty"`
	Line    int      `json:"line"`
	// ZHLine and ENLine are the first source lines of each side (in its own
	// file, when the article came as two), 0 for a side with none.
	ZHLine int `json:"zh_line,omitempty"`
	ENLine int `json:"en_line,omitempty"`
	// Confidence is the aligner's probability that the pairing is right
	// (Block.Confidence), to two decimals.
	Confidence float64 `json:"confidence"`
	// Sentences are the pair's sentences, aligned: each entry holds the
	// sentences of both sides that translate each other (either may be
	// empty). Absent for headings, code and pictures.
	Sentences []JSONSentence `json:"sentences,omitempty"`
}

// JSONSentence is one sentence pair of a JSONPair: the texts of its
// sentences on each side.
type JSONSentence struct {
	ZH []string `json:"zh"`
	EN []string `json:"en"`
}

// JSON returns the JSON form of the document.
func (d *Document) JSON() JSONDocument {
	m := d.Meta
	out := JSONDocument{
		Title:       d.Title(),
		Translation: d.Translation,
		Meta: JSONMeta{
			Title: m.Title, TitleEN: m.TitleEN, Author: m.Author, Translator: m.Translator, Date: m.Date,
			Language: d.Language(), Description: m.Description, Source: m.Source,
			Identifier: m.Identifier, Order: d.Order.String() + "-first",
		},
		Pairs: make([]JSONPair, len(d.Blocks)),
	}
	for i, b := range d.Blocks {
		p := JSONPair{Kind: b.Kind.String(), Level: b.Level, ZH: sourceLines(b.ZH), EN: sourceLines(b.EN), Line: b.Line,
			Confidence: math.Round(b.Confidence*100) / 100}
		if len(b.ZH) > 0 {
			p.ZHLabel, p.ZHLine = b.ZH[0].Label, b.ZH[0].Lines[0].No
		}
		if len(b.EN) > 0 {
			p.ENLabel, p.ENLine = b.EN[0].Label, b.EN[0].Lines[0].No
		}
		p.Sentences = sentencePairs(b)
		out.Pairs[i] = p
	}
	return out
}

// sentencePairs gives the texts of a block's aligned sentences.
func sentencePairs(b Block) []JSONSentence {
	if len(b.Sentences) == 0 {
		return nil
	}
	texts := [2][]string{sentenceTexts(b.ZH), sentenceTexts(b.EN)}
	pick := func(side []string, ns []int) []string {
		out := make([]string, len(ns))
		for k, n := range ns {
			out[k] = strings.TrimSpace(side[n-1])
		}
		return out
	}
	out := make([]JSONSentence, len(b.Sentences))
	for k, sp := range b.Sentences {
		out[k] = JSONSentence{ZH: pick(texts[0], sp.ZH), EN: pick(texts[1], sp.EN)}
	}
	return out
}

// sentenceTexts joins a side's inlines by their sentence numbers.
func sentenceTexts(paras []Para) []string {
	var out []string
	for _, p := range paras {
		for _, in := range p.Inlines {
			if in.Sentence == 0 {
				continue
			}
			for len(out) < in.Sentence {
				out = append(out, "")
			}
			out[in.Sentence-1] += in.Text
		}
	}
	return out
}

func sourceLines(paras []Para) []string {
	lines := []string{}
	for _, p := range paras {
		for _, l := range p.Lines {
			lines = append(lines, l.Text)
		}
	}
	return lines
}
