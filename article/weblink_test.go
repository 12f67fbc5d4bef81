package article

import "testing"

func TestWebAddress(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a).": "https://example.org/a",
		"(https://x.org/a_(b))":   "",
		"www.example.org,":        "https://www.example.org",
		"http://x.org/p?q=1":      "http://x.org/p?q=1",
		"example.org":             "",
		"https://":                "",
	} {
		if _, got := WebAddress(in); got != want {
			t.Errorf("WebAddress(%q) href = %q, want %q", in, got, want)
		}
	}
}
