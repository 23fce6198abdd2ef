package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// corpusDocs is the labelled corpus of real design documents that lives
// beside the repository; a fresh clone has none and the test skips.
var corpusDocs = filepath.Join("..", "..", "shared", "corpus", "docs")

// corpusFiringBounds caps how often each check may fire over the 30
// corpus documents. The corpus is real, published RFCs, KEPs and design
// answers: a check that fires on most of them is complaining about
// documents a reviewer accepted. See the report in TestCorpusFiring for
// the counts these bounds were set against.
var corpusFiringBounds = map[string]int{}

// TestCorpusFiring runs every check over the corpus, prints how often each
// fires (go test -run CorpusFiring -v) and holds each to its bound.
func TestCorpusFiring(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDocs, "*.md"))
	if len(files) == 0 {
		t.Skipf("no corpus at %s", corpusDocs)
	}
	counts := map[string]int{}
	docs := map[string]map[string]bool{}
	var lines []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res := Run(f, src, nil)
		for _, d := range res.Diagnostics {
			counts[d.Check]++
			if docs[d.Check] == nil {
				docs[d.Check] = map[string]bool{}
			}
			docs[d.Check][filepath.Base(f)] = true
			if os.Getenv("CORPUS_FIRING_DETAIL") == d.Check {
				p := res.Doc.Lines.Position(d.Span.Start)
				lines = append(lines, fmt.Sprintf("%s:%d: %s [%s] %q", filepath.Base(f), p.Line, d.Message, d.Severity, res.Doc.Text(d.Span)))
			}
		}
	}
	var ids []string
	for _, c := range All() {
		ids = append(ids, c.ID)
	}
	sort.Strings(ids)
	var b strings.Builder
	fmt.Fprintf(&b, "%-26s %6s %5s %5s\n", "check", "fires", "docs", "bound")
	for _, id := range ids {
		bound, ok := corpusFiringBounds[id]
		bs := "-"
		if ok {
			bs = fmt.Sprint(bound)
		}
		fmt.Fprintf(&b, "%-26s %6d %5d %5s\n", id, counts[id], len(docs[id]), bs)
		if ok && counts[id] > bound {
			t.Errorf("%s fired %d times over the corpus, bound %d", id, counts[id], bound)
		}
	}
	t.Logf("corpus firing over %d documents:\n%s", len(files), b.String())
	for _, l := range lines {
		t.Log(l)
	}
}
