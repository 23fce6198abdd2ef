package checks

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// maskedSourceByBytes is maskedSource read byte by byte: the reference
// that its eight-byte comparison is held to.
func maskedSourceByBytes(pass *Pass, span Span) []byte {
	t := pass.prose()
	out := make([]byte, 0, span.Len())
	for i := span.Start; i < span.End && i < len(t.b); i++ {
		if t.b[i] == ' ' && pass.Doc.Src[i] != ' ' {
			out = append(out, ' ')
			continue
		}
		out = append(out, pass.Doc.Src[i])
	}
	return out
}

// containsWordAt is containsWord tried at every offset: the reference.
func containsWordAt(src []byte, w string) bool {
	for i := 0; i+len(w) <= len(src); i++ {
		if string(src[i:i+len(w)]) == w && (i == 0 || !isPhraseWord(src[i-1])) &&
			(i+len(w) == len(src) || !isPhraseWord(src[i+len(w)])) {
			return true
		}
	}
	return false
}

var maskSamples = []string{
	"---\nrubric: system-design\n---\n# API\n\nPOST /v1/flags <!-- PUT hidden --> and GET.\n",
	"# API\r\n\r\n- TODO: Describe the API.\r\nCreateFlag( and rpc DeleteFlag\r\n",
	"# API\n\nSee https://example.com/POST/PUT and <!--\nDELETE\n-->PATCH\n",
	"# Émoji 🚀 API\n\nPOST\t/v1 設計 POST, e\u0301POST and POSTS and xPUT PUT_x PUT\n",
	"# Hollow\n\n<!-- only a comment -->\n\n# Next\n\nABCDEFGHIJKLMNOPQRSTUVWXYZ <!--A--> Z\n",
}

func maskDocs(t *testing.T) map[string][]byte { return samplesAndFixtures(t, maskSamples) }

// samplesAndFixtures returns samples, each also with CRLF line endings,
// and every Markdown file of the repository's test data, examples and
// templates, by name: the documents that the tests holding a fast path to
// its plain reference run over.
func samplesAndFixtures(t *testing.T, samples []string) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	for i, s := range samples {
		docs[fmt.Sprint("sample ", i)] = []byte(s)
		docs[fmt.Sprint("sample crlf ", i)] = []byte(strings.ReplaceAll(s, "\n", "\r\n"))
	}
	for _, root := range []string{"testdata", "../examples", "../templates"} {
		err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil || !strings.HasSuffix(path, ".md") {
				return err
			}
			b, err := os.ReadFile(path)
			docs[path] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(docs) < 50 {
		t.Fatalf("only %d documents found", len(docs))
	}
	return docs
}

// TestMaskedSourceSame holds maskedSource to the byte-by-byte reading over
// samples and every Markdown file of the repository's test data, examples
// and templates: whole documents, section bodies and windows starting and
// ending at odd offsets.
func TestMaskedSourceSame(t *testing.T) {
	masked := 0
	for name, src := range maskDocs(t) {
		d := doc.Parse(name, src)
		pass := &Pass{Doc: d}
		spans := []Span{{Start: 0, End: len(src)}, {Start: 0, End: len(src) + 5}, {Start: len(src), End: len(src)}}
		for _, s := range d.Sections {
			spans = append(spans, s.Body)
		}
		for i := 0; i < len(src); i += 5 {
			spans = append(spans, Span{Start: i, End: min(len(src), i+3+i%17)})
		}
		for _, sp := range spans {
			want := maskedSourceByBytes(pass, sp)
			if got := maskedSource(pass, sp); !bytes.Equal(got, want) {
				t.Errorf("%s %v:\n got %q\nwant %q", name, sp, got, want)
			}
		}
		if whole := (Span{Start: 0, End: len(src)}); !bytes.Equal(maskedSourceByBytes(pass, whole), src) {
			masked++
		}
	}
	if masked < 10 {
		t.Errorf("only %d documents have blanked text: the comparison proves little", masked)
	}
}

// TestContainsWordSame holds containsWord to a search at every offset.
func TestContainsWordSame(t *testing.T) {
	words := []string{"POST", "PUT", "PATCH", "DELETE", "GET", "P"}
	found := 0
	for name, src := range maskDocs(t) {
		for _, w := range words {
			want := containsWordAt(src, w)
			if got := containsWord(src, w); got != want {
				t.Errorf("%s: containsWord(%q) = %v, want %v", name, w, got, want)
			}
			if want {
				found++
			}
		}
	}
	for _, c := range []struct {
		src, w string
		want   bool
	}{
		{"POSTPOST POST", "POST", true}, {"POSTS xPOST POST1", "POST", false}, {"POST_", "POST", true}, {"PUTPUT", "PUT", false},
		{"", "GET", false}, {"GET", "GET", true}, {"é GET🚀", "GET", true}, {"GETx GET", "GET", true},
	} {
		if got := containsWord([]byte(c.src), c.w); got != c.want {
			t.Errorf("containsWord(%q, %q) = %v, want %v", c.src, c.w, got, c.want)
		}
	}
	if found < 10 {
		t.Errorf("only %d words found: the comparison proves little", found)
	}
}

// FuzzMaskedSource does the same for any text.
func FuzzMaskedSource(f *testing.F) {
	for _, s := range maskSamples {
		f.Add(s, 3, 40)
	}
	f.Fuzz(func(t *testing.T, s string, start, n int) {
		d := doc.Parse("f.md", []byte(s))
		pass := &Pass{Doc: d}
		start = max(0, min(start, len(s)))
		sp := Span{Start: start, End: start + max(0, min(n, 1<<12))}
		if got, want := maskedSource(pass, sp), maskedSourceByBytes(pass, sp); !bytes.Equal(got, want) {
			t.Errorf("%q %v:\n got %q\nwant %q", s, sp, got, want)
		}
		for _, w := range []string{"POST", "GET", "rpc"} {
			if got, want := containsWord([]byte(s), w), containsWordAt([]byte(s), w); got != want {
				t.Errorf("containsWord(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	})
}
