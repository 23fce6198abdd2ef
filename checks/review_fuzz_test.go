package checks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designls/designls/checks/edit"
)

// FuzzReview runs every check, the scorecard and its renderers on
// arbitrary bytes: nothing may panic, every span and related span lies in
// the source, every fix applies, and the text scorecard fits 80 columns.
func FuzzReview(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*", "*.md"))
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("---\ndrill: feature-flags\n---\n# F\n\n1,000 × 10K QPS = 1 QPS\n"))
	f.Add([]byte("---\nrubric: postmortem\n---\n\r# \r\n## Timeline\r- TODO: x"))
	f.Fuzz(func(t *testing.T, src []byte) {
		res := Run("f.md", src, nil)
		for _, d := range res.Diagnostics {
			spans := []Span{d.Span}
			for _, r := range d.Related {
				spans = append(spans, r.Span)
			}
			for _, s := range spans {
				if s.Start < 0 || s.End > len(src) || s.Start > s.End {
					t.Fatalf("%s: span %v outside %d bytes", d.Check, s, len(src))
				}
			}
			for _, fx := range d.Fixes {
				if _, err := edit.Apply(src, fx.Edits); err != nil {
					t.Fatalf("%s: fix %q: %v", d.Check, fx.Message, err)
				}
			}
		}
		sc := Review(res)
		for _, line := range strings.Split(sc.Text(false), "\n") {
			if displayWidth(line) > textWidth {
				t.Fatalf("scorecard line of %d columns: %q", displayWidth(line), line)
			}
		}
		_ = sc.Markdown()
		_ = Compare(sc, sc).Text(true)
		_ = Arithmetic(res.Doc)
	})
}

// BenchmarkReviewCorpus measures a full run (detection, every check) and
// the scorecard over the corpus.
func BenchmarkReviewCorpus(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(corpusDocs, "*.md"))
	if len(files) == 0 {
		b.Skip("no corpus")
	}
	var srcs [][]byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	b.ResetTimer()
	for b.Loop() {
		for i, src := range srcs {
			Review(Run(files[i], src, nil))
		}
	}
}
