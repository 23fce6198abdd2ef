package checks

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// scanCompareFiles lists the documents that the scan's shortcuts are
// compared on: the detection fixtures, the typical doc of the command's
// tests and, when it is beside the project, the corpus.
func scanCompareFiles(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(detectDir, "*.md"))
	corpus, _ := filepath.Glob(filepath.Join(corpusDir, "docs", "*.md"))
	files = append(files, corpus...)
	files = append(files, "../cmd/designls/testdata/typical.md")
	if len(files) < 10 {
		t.Fatalf("only %d documents to compare on", len(files))
	}
	return files
}

// TestScoresOnlyWhereRead holds the scan, which sums a section's scores
// only where decide reads them, to decisions made with every section's
// scores summed: a finding that differs means decide reads a score the
// scan left out.
func TestScoresOnlyWhereRead(t *testing.T) {
	files := scanCompareFiles(t)
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
		sameDecisions(t, d, stats, full, "scores summed where read", "all scores summed")
	}
	// The comparison means something only if the scan left some out.
	if skipped == 0 {
		t.Errorf("the scan summed every section's scores")
	}
}

// TestWindowsOnlyWhereRead holds the scan, which records no hits for a
// concern a section already covers nor in an aside, to decisions made
// with every window scored: a finding that differs means decide reads a
// window the scan left out.
func TestWindowsOnlyWhereRead(t *testing.T) {
	files := scanCompareFiles(t)
	v := DefaultVocabulary()
	skipped := 0
	docs := map[string][]byte{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[f] = src
	}
	// The corpus seldom has a concern that a section is about but that
	// only a later mention covers: random documents made of such
	// sections do.
	r := rand.New(rand.NewPCG(9, 10))
	for k := range 400 {
		docs[fmt.Sprintf("random-%d.md", k)] = windowDoc(r)
	}
	for f, src := range docs {
		d := doc.Parse(f, src)
		stats := slices.Clone(new(docScanner).scanDocument(d, v))
		every := &docScanner{everyWindow: true}
		full := every.scanDocument(d, v)
		for i := range full {
			if full[i].window != stats[i].window || full[i].first != stats[i].first {
				skipped++
			}
		}
		sameDecisions(t, d, stats, full, "windows scored where read", "every window scored")
	}
	// The comparison means something only if the scan left some out.
	if skipped == 0 {
		t.Errorf("the scan scored every window")
	}
}

// windowDoc makes a document of sections whose headings are about a
// concern, hint at one, say nothing, are asides or title the document,
// with bodies empty, short, long, or giving evidence of a concern.
func windowDoc(r *rand.Rand) []byte {
	headings := []string{"Rollout", "Rollout plan", "Graduation criteria", "Migration", "Design details",
		"Non-goals", "Future work", "Availability", "SLO", "Failure handling", "Risks", "Notes", "Overview"}
	bodies := []string{
		"",
		"TBD.",
		"Short words here only.",
		"This section describes the component and its purpose in plain words for readers.",
		"We roll out behind a feature flag with a canary, and a rollback takes a minute.",
		"The canary runs first. Then the feature flag is enabled by default for everyone.",
		"The p99 latency stays under 200 ms and availability is 99.95% with an error budget.",
		"On timeout we fall back to the cached value, with exponential backoff and a circuit breaker.",
		"Is there a rollback? Should the canary come first?",
		"See [the rollout doc](x) for the feature flag and the canary.",
		"- canary\n- rollback\n- feature flag\n- staged rollout",
		"```\ncode here\n```",
	}
	var b []byte
	if r.IntN(3) == 0 {
		b = append(b, "# "+headings[r.IntN(len(headings))]+"\n\n"+bodies[r.IntN(len(bodies))]+"\n\n"...)
	}
	for range 1 + r.IntN(7) {
		level := "## "
		if r.IntN(3) == 0 {
			level = "### "
		}
		b = append(b, level+headings[r.IntN(len(headings))]+"\n\n"...)
		for range r.IntN(3) {
			b = append(b, bodies[r.IntN(len(bodies))]+"\n\n"...)
		}
	}
	return b
}

// sameDecisions fails t for every concern that decide judges differently
// from the two scans of d, which are named after how they were made.
func sameDecisions(t *testing.T, d *doc.Document, got, want []secStat, gotName, wantName string) {
	t.Helper()
	for c := range Concerns {
		g, w := decide(d, got, c), decide(d, want, c)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s, %s: %s give\n%+v\n%s give\n%+v", d.Name, Concerns[c].ID, gotName, g, wantName, w)
		}
	}
}
