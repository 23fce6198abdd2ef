package checks

import (
	"bytes"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/designls/designls/checks/doc"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// checkBenchDoc builds a design doc of about n lines from the fix fixtures, each
// copy's headings numbered so sections stay distinct.
func checkBenchDoc(b *testing.B, n int) []byte {
	b.Helper()
	var parts [][]byte
	for _, f := range []string{"testdata/fix/feature-flags.md", "testdata/fix/crlf-cjk.md", "testdata/fix/setext-no-eol.md"} {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")))
	}
	var buf bytes.Buffer
	buf.WriteString("---\nrubric: system-design\n---\n# Benchmark design\n\n")
	for i := 0; bytes.Count(buf.Bytes(), []byte("\n")) < n; i++ {
		p := parts[i%len(parts)]
		p = bytes.ReplaceAll(p, []byte("\n## "), []byte(fmt.Sprintf("\n## %d. ", i)))
		p = bytes.ReplaceAll(p, []byte("---\nrubric: system-design\n---\n"), nil)
		buf.Write(bytes.TrimPrefix(p, []byte("# ")))
		buf.WriteString("\n\n")
	}
	return buf.Bytes()
}

// BenchmarkCheck compares a whole check with its floor, bare goldmark
// parsing of the same bytes, in the same run: report the ratio of the two.
func BenchmarkCheck(b *testing.B) {
	for _, lines := range []int{400, 10000} {
		src := checkBenchDoc(b, lines)
		b.Run(fmt.Sprintf("floor-goldmark/%d-lines", lines), func(b *testing.B) {
			p := goldmark.New().Parser()
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				p.Parse(text.NewReader(src))
			}
		})
		// The document model alone: the part of a check that goldmark's
		// parse sets the pace of.
		b.Run(fmt.Sprintf("parse/%d-lines", lines), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				doc.Parse("bench.md", src)
			}
		})
		b.Run(fmt.Sprintf("check/%d-lines", lines), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Run("bench.md", src, nil)
			}
		})
	}
}

// BenchmarkCheckRatio times a check and its floor alternately, one of
// each per iteration, and reports their ratio: on a machine whose speed
// drifts (a shared virtual machine), measuring the two in separate runs
// can skew the ratio either way.
func BenchmarkCheckRatio(b *testing.B) {
	for _, lines := range []int{400, 10000} {
		src := checkBenchDoc(b, lines)
		b.Run(fmt.Sprintf("%d-lines", lines), func(b *testing.B) {
			p := goldmark.New().Parser()
			var floor, check time.Duration
			for b.Loop() {
				t0 := time.Now()
				p.Parse(text.NewReader(src))
				t1 := time.Now()
				Run("bench.md", src, nil)
				t2 := time.Now()
				floor += t1.Sub(t0)
				check += t2.Sub(t1)
			}
			b.ReportMetric(float64(floor.Microseconds())/float64(b.N), "floor-µs/op")
			b.ReportMetric(float64(check.Microseconds())/float64(b.N), "check-µs/op")
			b.ReportMetric(float64(check)/float64(floor), "x-floor")
		})
	}
}

// BenchmarkAnalysisParts times the shared passes of an analysis one by
// one over a parsed 400-line doc, to show which of them a change moved.
// Besides wall time it reports the process's CPU time per op, which a
// busy machine inflates less (run it with GOMAXPROCS=1 so that the
// collector's work is counted alike in both).
func BenchmarkAnalysisParts(b *testing.B) {
	d := doc.Parse("bench.md", checkBenchDoc(b, 400))
	t := newProseText(d)
	whole := Span{Start: 0, End: len(d.Src)}
	for _, part := range []struct {
		name string
		run  func()
	}{
		{"prose", func() { newProseText(d) }},
		{"sentences", func() { t.allSentences = [2][]Span{}; t.sentences(d, whole, true) }},
		{"word-index", func() { buildWordIndex(t.b, checkFilter()) }},
		{"detect", func() { detect(d, vocabularyFor(&Options{}), nil) }},
		{"analyze", func() { Analyze(d, nil) }},
	} {
		b.Run(part.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu0, ok := processCPU()
			for b.Loop() {
				part.run()
			}
			if cpu1, _ := processCPU(); ok {
				b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}
