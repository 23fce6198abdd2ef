package checks

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// TestScoresOnlyWhereRead holds the scan, which sums a section's scores
// only where decide reads them, to decisions made with every section's
// scores summed: a finding that differs means decide reads a score the
// scan left out.
func TestScoresOnlyWhereRead(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(detectDir, "*.md"))
	corpus, _ := filepath.Glob(filepath.Join(corpusDir, "docs", "*.md"))
	files = append(files, corpus...)
	files = append(files, "../cmd/designls/testdata/typical.md")
	if len(files) < 10 {
		t.Fatalf("only %d documents to compare on", len(files))
	}
	v := DefaultVocabulary()
	skipped := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := doc.Parse(f, src)
		stats := new(docScanner).scanDocument(d, v)
		full := make([]secStat, len(stats))
		copy(full, stats)
		for i := range full {
			st := &full[i]
			st.ownScore, st.ownStrong = v.scores(st.terms)
			st.bodyScore, st.bodyStrong = v.scores(st.body)
			if st.ownScore != stats[i].ownScore || st.bodyScore != stats[i].bodyScore {
				skipped++
			}
		}
		for c := range Concerns {
			got, want := decide(d, stats, c), decide(d, full, c)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s: scores summed where read give\n%+v\nall scores summed give\n%+v",
					f, Concerns[c].ID, got, want)
			}
		}
	}
	// The comparison means something only if the scan left some out.
	if skipped == 0 {
		t.Errorf("the scan summed every section's scores")
	}
}
