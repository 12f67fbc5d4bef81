package main

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

// TestGenerate makes a table from a few entries in the npm package's form.
func TestGenerate(t *testing.T) {
	src := `export default {"all":[` +
		`["定理","定理","ding4 li3","theorem",[],[]],` +
		`["常見問題","常见问题","chang2 jian4 wen4 ti2",["common problems","FAQ"],[],[]],` +
		`["問","问","wen4","to ask; to inquire",[],[]],` +
		`["一鼻孔出氣","一鼻孔出气","yi1","to sing from the same hymn sheet",[],[]],` + // over maxEntry characters
		`["3D打印","3D打印","san1 D","to 3D print",[],[]],` + // not all Han
		`["乾","干","gan1","variant of 幹; dry (clothes etc)",[],[]],` + // a pointer, and a note
		`["王","王","Wang2","surname Wang",[],[]]` +
		`]}`
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	if err := generate([]byte(src), w); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	var got []string
	for line := range strings.Lines(b.String()) {
		if !strings.HasPrefix(line, "#") {
			got = append(got, strings.TrimSuffix(line, "\n"))
		}
	}
	want := []string{"ask\t問问", "dry\t乾干", "faq\t問常見见问題题", "inquire\t問问", "theorem\t定理"} // characters in code point order
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("table\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err := generate([]byte("nothing"), w); err == nil {
		t.Error("no error for input without entries")
	}
}
