package script

import (
	"diglot/internal/allocs"
	"strings"
	"testing"
)

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

func TestWebAddressEnds(t *testing.T) {
	long := "https://example.org/" + strings.Repeat("a", MaxWebAddress)
	for _, tt := range []struct{ in, text, href string }{
		{"https://example.org了解更多信息。", "https://example.org", "https://example.org"},
		{"https://example.org/a）。", "https://example.org/a", "https://example.org/a"},
		{"https://x.org/a\\b|c^d{e}[f]`g", "https://x.org/a\\b|c^d{e}[f]`g", "https://x.org/a%5Cb%7Cc%5Ed%7Be%7D%5Bf%5D%60g"},
		{"https://x.org/100%/é", "https://x.org/100%/é", "https://x.org/100%25/%C3%A9"},
		{"https://x.org/%41.", "https://x.org/%41", "https://x.org/%41"},
		{"www.example.org,", "www.example.org", "https://www.example.org"},
		{long, "", ""},
		{"https://localhost", "", ""},
	} {
		text, href := WebAddress(tt.in)
		if text != tt.text || href != tt.href {
			t.Errorf("WebAddress(%.40q) = %.40q, %.60q; want %.40q, %.60q", tt.in, text, href, tt.text, tt.href)
		}
	}
}

func TestFindWebAddresses(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string // the addresses as written
	}{
		{"见 https://a.org/x。和www.b.org", []string{"https://a.org/x", "www.b.org"}},
		{"(see https://a.org/x) and HTTPS://C.ORG.", []string{"https://a.org/x", "HTTPS://C.ORG"}},
		{"awww.b.org and xhttp://c.org", nil},
		{"https://a.org/https://b.org", []string{"https://a.org/https://b.org"}},
		{"https:// nothing, www.", nil},
		{"İstanbul www.x.org", []string{"www.x.org"}},
	} {
		var got []string
		for _, a := range FindWebAddresses(tt.in) {
			got = append(got, tt.in[a.Start:a.End])
			if _, href := WebAddress(tt.in[a.Start:]); href != a.Href {
				t.Errorf("%q: href %q, WebAddress gives %q", tt.in, a.Href, href)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("FindWebAddresses(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFindWebAddressesLinear: a text of many addresses costs memory in
// proportion to its length (each address once lowered the whole rest of
// the text: 8,000 addresses took 3 s).
func TestFindWebAddressesLinear(t *testing.T) {
	var bytes [2]uint64
	for k, n := range []int{4000, 8000} {
		s := strings.Repeat("See http://a.org/x. Or www.b.org, ", n)
		bytes[k] = allocs.Bytes(func() {
			if got := len(FindWebAddresses(s)); got != 2*n {
				t.Fatalf("%d addresses, want %d", got, 2*n)
			}
		})
	}
	if bytes[1] > bytes[0]*5/2 {
		t.Errorf("%d bytes for 4,000 repeats, %d for 8,000: more than linear", bytes[0], bytes[1])
	}
}
