package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalRemovesTemps stops builds of the large article with SIGTERM
// and SIGINT at several moments: nothing but whole outputs may remain.
func TestSignalRemovesTemps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "diglot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for i, delay := range []time.Duration{50, 300, 700, 1200} {
		sig := syscall.SIGTERM
		if i%2 == 1 {
			sig = syscall.SIGINT
		}
		out := t.TempDir()
		cmd := exec.Command(bin, "build", "-o", out, edgeDir+"large-2mb.txt")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		_ = cmd.Process.Signal(sig)
		_ = cmd.Wait()
		entries, _ := os.ReadDir(out)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("%v after %d ms left %s", sig, delay, e.Name())
			}
		}
	}
}
