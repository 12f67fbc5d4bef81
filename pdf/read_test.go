package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// parsed is a PDF this package wrote, read back by the tests without the
// writer's code: its objects by number, stream data inflated.
type parsed struct {
	dicts   map[int]string
	streams map[int][]byte
}

var objectStart = regexp.MustCompile(`(?m)^(\d+) 0 obj\n`)

func readPDF(t *testing.T, data []byte) *parsed {
	t.Helper()
	p := &parsed{dicts: map[int]string{}, streams: map[int][]byte{}}
	for _, m := range objectStart.FindAllSubmatchIndex(data, -1) {
		num, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		body := data[m[1]:]
		end := bytes.Index(body, []byte("\nendobj\n"))
		if s := bytes.Index(body, []byte(">>\nstream\n")); s >= 0 && (end < 0 || s < end) {
			dict := string(body[:s+2])
			length := regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(dict)
			n, _ := strconv.Atoi(length[1])
			raw := body[s+10 : s+10+n]
			if strings.Contains(dict, "/FlateDecode") {
				r, err := zlib.NewReader(bytes.NewReader(raw))
				if err != nil {
					t.Fatalf("object %d: %v", num, err)
				}
				if raw, err = io.ReadAll(r); err != nil {
					t.Fatalf("object %d: %v", num, err)
				}
			}
			p.dicts[num], p.streams[num] = dict, raw
			continue
		}
		if end < 0 {
			t.Fatalf("object %d has no end", num)
		}
		p.dicts[num] = string(body[:end])
	}
	// the objects packed in object streams
	for num, dict := range p.dicts {
		if !strings.Contains(dict, "/Type /ObjStm") {
			continue
		}
		first, _ := strconv.Atoi(regexp.MustCompile(`/First (\d+)`).FindStringSubmatch(dict)[1])
		data := p.streams[num]
		head := strings.Fields(string(data[:first]))
		for i := 0; i+1 < len(head); i += 2 {
			obj, _ := strconv.Atoi(head[i])
			from, _ := strconv.Atoi(head[i+1])
			to := len(data) - first
			if i+3 < len(head) {
				to, _ = strconv.Atoi(head[i+3])
			}
			p.dicts[obj] = strings.TrimSuffix(string(data[first+from:first+to]), "\n")
		}
	}
	return p
}

var refPattern = regexp.MustCompile(`(\d+) 0 R`)

// ref is the object a dictionary's key refers to, 0 when none.
func (p *parsed) ref(dict, key string) int {
	m := regexp.MustCompile(regexp.QuoteMeta(key) + ` (\d+) 0 R`).FindStringSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// find returns the first object whose dictionary contains s.
func (p *parsed) find(s string) (int, string) {
	best := 0
	for n, d := range p.dicts {
		if strings.Contains(d, s) && (best == 0 || n < best) {
			best = n
		}
	}
	return best, p.dicts[best]
}

// pages returns the pages' object numbers in order.
func (p *parsed) pages(t *testing.T) []int {
	_, tree := p.find("/Type /Pages")
	kids := tree[strings.Index(tree, "/Kids"):]
	var out []int
	for _, m := range refPattern.FindAllStringSubmatch(kids, -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, n)
	}
	if len(out) == 0 {
		t.Fatal("no pages")
	}
	return out
}

// toUnicode reads every font's ToUnicode CMap: resource name → CID → text.
func (p *parsed) toUnicode(t *testing.T) map[string]map[uint16]string {
	_, fontDict := p.find("/F0 ")
	out := map[string]map[uint16]string{}
	for _, m := range regexp.MustCompile(`/(F\d+) (\d+) 0 R`).FindAllStringSubmatch(fontDict, -1) {
		num, _ := strconv.Atoi(m[2])
		cmap := p.streams[p.ref(p.dicts[num], "/ToUnicode")]
		codes := map[uint16]string{}
		for _, e := range regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]*)>`).FindAllStringSubmatch(string(cmap), -1) {
			cid, _ := strconv.ParseUint(e[1], 16, 16)
			var units []uint16
			for i := 0; i+4 <= len(e[2]); i += 4 {
				u, _ := strconv.ParseUint(e[2][i:i+4], 16, 16)
				units = append(units, uint16(u))
			}
			codes[uint16(cid)] = string(utf16.Decode(units))
		}
		out[m[1]] = codes
	}
	return out
}

// shown is the text of one text-showing operator, with the marked-content
// sequence it stands in.
type shown struct {
	text   string
	marked string // "" outside marked content, "Artifact", or the tag and MCID ("P 3")
}

// contentOps reads a page's content stream: the text each TJ shows (by
// the fonts' ToUnicode), and the path-painting operators, each with the
// marked content around it.
func (p *parsed) contentOps(t *testing.T, page int, cmaps map[string]map[uint16]string) (texts []shown, paths []shown) {
	content := p.streams[p.ref(p.dicts[page], "/Contents")]
	var stack []string
	font := ""
	tok := regexp.MustCompile(`/(\w+) <</MCID (\d+)>> BDC|/Artifact (?:<<[^>]*>> BDC|BMC)|EMC|/(F\d+) [\d.]+ Tf|\[((?:<[0-9A-F]*>|\s|-?[\d.]+)*)\] TJ|\b(S|f)\n`)
	for _, m := range tok.FindAllStringSubmatch(string(content), -1) {
		top := ""
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		switch {
		case m[1] != "":
			stack = append(stack, m[1]+" "+m[2])
		case strings.HasPrefix(m[0], "/Artifact"):
			stack = append(stack, "Artifact")
		case m[0] == "EMC":
			if len(stack) == 0 {
				t.Fatalf("page %d: EMC without a sequence", page)
			}
			stack = stack[:len(stack)-1]
		case m[3] != "":
			font = m[3]
		case strings.HasSuffix(m[0], "TJ"):
			var b strings.Builder
			for _, h := range regexp.MustCompile(`<([0-9A-F]*)>`).FindAllStringSubmatch(m[4], -1) {
				for i := 0; i+4 <= len(h[1]); i += 4 {
					cid, _ := strconv.ParseUint(h[1][i:i+4], 16, 16)
					text, ok := cmaps[font][uint16(cid)]
					if !ok {
						t.Errorf("page %d: CID %d of %s has no ToUnicode entry", page, cid, font)
					}
					b.WriteString(text)
				}
			}
			texts = append(texts, shown{b.String(), top})
		default:
			paths = append(paths, shown{m[5], top})
		}
	}
	if len(stack) != 0 {
		t.Errorf("page %d: %d marked-content sequences left open", page, len(stack))
	}
	return texts, paths
}
