package build

import (
	"io"
	"os"
	"testing"
	"time"

	"diglot/fonts"
)

// FuzzArticle runs the whole pipeline, parse to PDF and EPUB, on arbitrary
// input: it may refuse the input, but never panic.
func FuzzArticle(f *testing.F) {
	for _, s := range []string{
		"中文段落。\nAn English paragraph.\nEND\n",
		"---\ntitle: 标题 / Title\n---\n# 标题\n# Title\n- 甲：乙\n- A: B\n“““《《《开始」」」。\nOpening (((start)))\nEND",
		"😀👍🏽\u200d葛\U000E0100\nemoji 😀 and https://example.org/a/b?c=d\n",
	} {
		f.Add([]byte(s))
	}
	set := fonts.NewSet()
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4000 {
			return
		}
		opt := Options{OutDir: t.TempDir()}
		_, _ = Article("fuzz.txt", src, set, opt, io.Discard)
	})
}

// FuzzMarkdownArticle is FuzzArticle for Markdown: tables (cells that
// wrap, align, run empty or outnumber the header), code given twice,
// CJK emphasis and inline HTML.
func FuzzMarkdownArticle(f *testing.F) {
	for _, s := range []string{
		"| 类型 | 操作 | 大小 |\n|:--|---|--:|\n| B-tree | 等值、范围以及按同一列排序的 ORDER BY | 21 MB |\n|  | 空 |\n\n| Type | Operators | Size |\n|:--|:-:|--:|\n| B-tree | equality, ranges and an ORDER BY on the same column | 21 MB |\n| a | b | c | d |\n",
		"用这条语句：\n\nUse this:\n\n```sql\nSELECT 1;\n```\n\n```sql\nSELECT 1;\n```\n\n**提示：**ripgrep<br>再见\n\n**Tip:** ripgrep<br/>bye\n",
		"::: details 示例\n```js [a.js]\nrun()\n```\n:::\n\n::: tip 提示\n交流[^1]。\n:::\n\n!!! note \"Note\"\n    Talk[^1].\n\n| 指标 | 之前 |\n|---|---|\n| 大小 | 2.4 MB |\n\n[^1]: 注。\n\n[^1]: Note.\n",
	} {
		f.Add([]byte(s))
	}
	set := fonts.NewSet()
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4000 {
			return
		}
		_, _ = Article("fuzz.md", src, set, Options{OutDir: t.TempDir()}, io.Discard)
	})
}

// fuzzFonts are the fonts FuzzFontBuild mutates: one shipped with diglot,
// and real third-party ones where installed.
var fuzzFonts = []string{
	"../fonts/files/SourceSerif4_400Regular.ttf",
	"../fonts/files/NotoEmoji_400Regular.ttf",
	"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
	"/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
}

// mutateFont changes a font as a damaged or hostile file would: one byte
// set, the file cut short, and two table records swapped.
func mutateFont(data []byte, at uint32, value byte, cut uint32, swapA, swapB uint8) []byte {
	d := append([]byte(nil), data...)
	if len(d) > 0 {
		d[int(at)%len(d)] = value
	}
	if len(d) >= 12 {
		tables := int(d[4])<<8 | int(d[5])
		a, b := 12+16*(int(swapA)%max(tables, 1)), 12+16*(int(swapB)%max(tables, 1))
		if a != b && a+16 <= len(d) && b+16 <= len(d) {
			var tmp [16]byte
			copy(tmp[:], d[a:a+16])
			copy(d[a:a+16], d[b:b+16])
			copy(d[b:b+16], tmp[:])
		}
	}
	if cut > 0 && int(cut) < len(d) && cut%3 == 0 { // a third of the inputs are truncated
		d = d[:len(d)-int(cut)%len(d)]
	}
	return d
}

// FuzzFontBuild builds an article with a mutated font for the Latin and
// the Chinese text: the build may refuse the font with a FONT error, but
// never panic, and never take more than a time limit (a hang is a failure).
func FuzzFontBuild(f *testing.F) {
	var bases [][]byte
	for _, path := range fuzzFonts {
		if data, err := os.ReadFile(path); err == nil {
			bases = append(bases, data)
		}
	}
	f.Add(uint8(0), uint32(723), byte(8), uint32(0), uint8(0), uint8(0), false)
	f.Add(uint8(2), uint32(723), byte(8), uint32(0), uint8(0), uint8(0), false) // the GPOS byte that hung kerning in DejaVu
	f.Add(uint8(0), uint32(5000), byte(0xFF), uint32(300), uint8(1), uint8(3), true)
	f.Add(uint8(1), uint32(100), byte(0), uint32(0), uint8(2), uint8(5), true)
	src := []byte("---\ntitle: 字体 / Fonts\n---\n中文段落，有 Latin 字母和 AV To y.。\nAn English paragraph: AVAST, To, y. 😀 fi ff ffi.\nEND\n")
	f.Fuzz(func(t *testing.T, which uint8, at uint32, value byte, cut uint32, swapA, swapB uint8, cjk bool) {
		data := mutateFont(bases[int(which)%len(bases)], at, value, cut, swapA, swapB)
		set := fonts.NewSet()
		roles := []fonts.Role{fonts.LatinRegular, fonts.LatinItalic, fonts.LatinBold}
		if cjk {
			roles = []fonts.Role{fonts.CJKRegular, fonts.CJKBold}
		}
		if err := set.Override(data, "mutated.ttf", roles...); err != nil {
			return // refused when read: the right answer for a broken font
		}
		done := make(chan error, 1)
		go func() {
			_, err := Article("fonts.txt", src, set, Options{OutDir: t.TempDir()}, io.Discard)
			done <- err
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("the build hangs on a mutated font")
		}
	})
}
