package fonts

import (
	"os"
	"testing"
	"time"
)

// A GPOS byte flipped in DejaVu Serif makes go-text's shaper panic; the
// kerner once held its lock through that panic and every later pair hung.
func TestKernSurvivesShaperPanic(t *testing.T) {
	d, err := os.ReadFile("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
	if err != nil {
		t.Skip("DejaVu Serif not installed")
	}
	d[723] = 8
	f, err := Parse("DejaVuSerif-flipped", d)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		k := f.NewKerner()
		for _, p := range [][2]rune{{'A', 'V'}, {'T', 'o'}, {'y', '.'}, {'A', 'V'}} {
			k.Kern(p[0], p[1])
		}
		f.NewKerner().Kern('A', 'V') // a second user is not blocked either
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("kerning hangs after the shaper panicked")
	}
}
