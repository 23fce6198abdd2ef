package checks

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// corpusDir holds the labelled corpus of real design docs. It lives beside
// the repository, not in it: a fresh clone skips the corpus test.
var corpusDir = filepath.Join("..", "..", "shared", "corpus")

// Floors for the corpus test: what detection reaches today (core 0.917,
// all 0.907 macro-F1), rounded down, against 0.60 for a heading-keyword
// matcher. A change that drops below them needs a reason.
const (
	corpusCoreFloor = 0.91
	corpusAllFloor  = 0.90
)

// corpusLabel is one row of labels.tsv.
type corpusLabel struct {
	doc     string
	concern Concern
	state   string
	line    int
	note    string
}

func loadCorpusLabels(t testing.TB, path string) []corpusLabel {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read labels: %v", err)
	}
	var out []corpusLabel
	sc := bufio.NewScanner(bytes.NewReader(data))
	first := true
	var col map[string]int
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "\t")
		if first {
			first = false
			col = map[string]int{}
			for i, c := range cells {
				col[c] = i
			}
			continue
		}
		if len(cells) < 3 {
			continue
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(cells) {
				return cells[i]
			}
			return ""
		}
		l := corpusLabel{doc: get("doc"), concern: Concern(get("concern")), state: get("state"), note: get("note")}
		fmt.Sscan(get("line"), &l.line)
		out = append(out, l)
	}
	return out
}

// corpusScore compares detection with the labels the way the project's
// scoring tool does: "missing" is the positive class, and the figure is
// the mean of the F1 of "missing" and the F1 of "covered".
type corpusScore struct {
	counts map[Concern]*[4]int // tp fp fn tn
	errors []string
}

func scoreCorpus(t testing.TB, dir string, labels []corpusLabel, keep func(doc string) bool) corpusScore {
	t.Helper()
	cache := map[string]Coverage{}
	docs := map[string]*doc.Document{}
	res := corpusScore{counts: map[Concern]*[4]int{}}
	for _, c := range Concerns {
		res.counts[c.ID] = &[4]int{}
	}
	for _, l := range labels {
		if keep != nil && !keep(l.doc) {
			continue
		}
		cv, ok := cache[l.doc]
		if !ok {
			src, err := os.ReadFile(filepath.Join(dir, "docs", l.doc))
			if err != nil {
				t.Fatalf("read corpus doc: %v", err)
			}
			d := doc.Parse(l.doc, src)
			cv = Detect(d, DefaultVocabulary())
			cache[l.doc], docs[l.doc] = cv, d
		}
		f := cv.Get(l.concern)
		have := f.State.String()
		c := res.counts[l.concern]
		if c == nil {
			continue
		}
		switch {
		case l.state == "missing" && have == "missing":
			c[0]++
		case l.state != "missing" && have == "missing":
			c[1]++
		case l.state == "missing":
			c[2]++
		default:
			c[3]++
		}
		if (l.state == "missing") != (have == "missing") {
			line := 0
			if f.State != Missing {
				line = docs[l.doc].Lines.Position(f.Span.Start).Line
			}
			res.errors = append(res.errors, fmt.Sprintf("%s %s: label %s, detected %s (line %d, %q); %s",
				l.doc, l.concern, l.state, have, line, f.Evidence, l.note))
		}
	}
	sort.Strings(res.errors)
	return res
}

func f1(tp, fp, fn int) float64 {
	p, r := 1.0, 1.0
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// macro returns the macro-F1 over the given concerns' summed counts.
func (s corpusScore) macro(core bool) float64 {
	var tp, fp, fn, tn int
	for _, c := range Concerns {
		if core && !c.Core {
			continue
		}
		k := s.counts[c.ID]
		tp, fp, fn, tn = tp+k[0], fp+k[1], fn+k[2], tn+k[3]
	}
	return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2
}

func TestCorpusMacroF1(t *testing.T) {
	labelsPath := filepath.Join(corpusDir, "labels.tsv")
	if _, err := os.Stat(labelsPath); err != nil {
		t.Skipf("no labelled corpus at %s", corpusDir)
	}
	labels := loadCorpusLabels(t, labelsPath)
	if len(labels) == 0 {
		t.Fatal("no labels")
	}
	s := scoreCorpus(t, corpusDir, labels, nil)
	core, all := s.macro(true), s.macro(false)
	t.Logf("corpus: core macro-F1 %.3f, all %.3f", core, all)
	if testing.Verbose() {
		for _, e := range s.errors {
			t.Log(e)
		}
	}
	if core < corpusCoreFloor || all < corpusAllFloor {
		t.Errorf("corpus macro-F1 fell: core %.3f (floor %.2f), all %.3f (floor %.2f)", core, corpusCoreFloor, all, corpusAllFloor)
	}
}
