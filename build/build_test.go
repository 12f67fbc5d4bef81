package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"diglot/fonts"
)

func buildSeed(t *testing.T, set *fonts.Set, out string) []byte {
	t.Helper()
	src, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	var diag bytes.Buffer
	res, err := Article("seed.txt", src, set, Options{OutDir: out, Created: time.Unix(1700000000, 0).UTC()}, &diag)
	if err != nil {
		t.Fatal(err, diag.String())
	}
	data, err := os.ReadFile(res[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDeterministic builds the seed twice into different directories and
// compares the bytes.
func TestDeterministic(t *testing.T) {
	set := fonts.NewSet()
	a := buildSeed(t, set, t.TempDir())
	b := buildSeed(t, fonts.NewSet(), t.TempDir())
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the seed differ")
	}
	if len(a) < 1000 || !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
}

// TestFailedBuildKeepsOldOutput checks that a bad input leaves the previous
// output untouched and writes no partial file.
func TestFailedBuildKeepsOldOutput(t *testing.T) {
	out := t.TempDir()
	old := []byte("old output")
	if err := os.WriteFile(filepath.Join(out, "bad.pdf"), old, 0o644); err != nil {
		t.Fatal(err)
	}
	var diag bytes.Buffer
	if _, err := Article("bad.txt", []byte("only one line of Chinese 中文\n"), fonts.NewSet(), Options{OutDir: out}, &diag); err == nil {
		t.Fatal("bad input built")
	}
	got, _ := os.ReadFile(filepath.Join(out, "bad.pdf"))
	if !bytes.Equal(got, old) {
		t.Fatal("the old output was changed")
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Fatalf("stray files in the output directory: %v", entries)
	}
}

func TestWriteAtomicReplaces(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.pdf")
	if err := writeAtomic(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(p, []byte("two")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "two" {
		t.Fatalf("got %q", got)
	}
}

func TestOutputPathRefusesInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.pdf")
	if _, err := outputPath(in, nil, dir, ".pdf"); err == nil {
		t.Fatal("output path equal to the input accepted")
	}
}

func benchmarkBuild(b *testing.B, path string, opt Options) {
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	set := fonts.NewSet()
	opt.OutDir = b.TempDir()
	var diag bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Article("article.txt", src, set, opt, &diag); err != nil {
			b.Fatal(err, diag.String())
		}
	}
}

// BenchmarkBuildSeed is a whole build of the seed, EPUB and PDF, as one
// process does it (fonts parsed on the first iteration only).
func BenchmarkBuildSeed(b *testing.B) { benchmarkBuild(b, "../testdata/seed.txt", Options{}) }

// BenchmarkBuildSeedPDF and BenchmarkBuildSeedEPUB build one format each.
func BenchmarkBuildSeedPDF(b *testing.B) {
	benchmarkBuild(b, "../testdata/seed.txt", Options{PDF: true})
}

func BenchmarkBuildSeedEPUB(b *testing.B) {
	benchmarkBuild(b, "../testdata/seed.txt", Options{EPUB: true})
}

// BenchmarkBuildLarge builds the 2 MB, 3,218-pair article.
func BenchmarkBuildLarge(b *testing.B) {
	benchmarkBuild(b, "../article/testdata/edge/large-2mb.txt", Options{})
}

// BenchmarkBuildScale builds the first N pairs of the large article, EPUB
// and PDF: the time per pair (ns/op divided by N) must not grow with N.
func BenchmarkBuildScale(b *testing.B) {
	src, err := os.ReadFile("../article/testdata/edge/large-2mb.txt")
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	for _, n := range []int{100, 300, 1000, 3218} {
		b.Run(fmt.Sprintf("pairs=%d", n), func(b *testing.B) {
			end := min(2*n+2, len(lines)) // a title pair, then n pairs of lines
			text := []byte(strings.Join(lines[:end], "\n") + "\nEND\n")
			set := fonts.NewSet()
			opt := Options{OutDir: b.TempDir()}
			var diag bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Article("scale.txt", text, set, opt, &diag); err != nil {
					b.Fatal(err, diag.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e3, "µs/pair")
		})
	}
}
