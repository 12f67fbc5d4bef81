package build

import (
	"io"
	"testing"

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
